"""`luoshi serve`: a real server process answers pages and static files — gunicorn with debug off
by default, Django's development server with --dev."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from luoshi.cli import build_parser
from luoshi.cli.serve import address, gunicorn_options

LAUNCH = "import sys; from luoshi.cli import main; sys.exit(main())"


def test_address():
    assert address("127.0.0.1", 8000) == ("127.0.0.1:8000", False)
    assert address("::1", 8001) == ("[::1]:8001", True)


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        ([], {}, {"workers": 5, "threads": 2, "timeout": 60}),  # 2 CPUs
        (["--workers", "3"], {"LUOSHI_WORKERS": "9", "LUOSHI_THREADS": "8"},
         {"workers": 3, "threads": 8}),
        ([], {"LUOSHI_WORKERS": "1", "LUOSHI_TIMEOUT": "300"}, {"workers": 1, "timeout": 300}),
        (["--host", "::", "--port", "9000"], {}, {"bind": ["[::]:9000"]}),
    ],
)
def test_gunicorn_options(argv, env, expected):
    args = build_parser().parse_args(["serve", *argv])
    options = gunicorn_options(args, env, cpus=2)
    assert {k: options[k] for k in expected} == expected


@pytest.mark.parametrize("env", [{"LUOSHI_WORKERS": "0"}, {"LUOSHI_THREADS": "many"}])
def test_gunicorn_options_refuse_nonsense(env):
    with pytest.raises(SystemExit, match="LUOSHI_"):
        gunicorn_options(build_parser().parse_args(["serve"]), env, cpus=2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A SQLite database with a little sample data (whatever DATABASE_URL the suite runs on)."""
    path = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["LUOSHI_DATA_DIR"] = str(path)
    subprocess.run([sys.executable, "-c", LAUNCH, "demo", "--tasks", "3"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return env


@pytest.mark.parametrize("mode", ["production", "dev"])
def test_serve_answers_pages_and_static_files(data_dir, mode):
    env = {k: v for k, v in data_dir.items() if k != "LUOSHI_DEBUG"}
    env.update(LUOSHI_SECRET_KEY="test-only-" + "x" * 50, LUOSHI_SSL_REDIRECT="0")
    port = free_port()
    argv = ["serve", "--port", str(port)]
    argv += ["--dev", "--noreload"] if mode == "dev" else ["--workers", "1", "--threads", "2"]
    server = subprocess.Popen([sys.executable, "-c", LAUNCH, *argv],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, body = get(base + "/")
                break
            except (ConnectionError, urllib.error.URLError):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stderr.read().decode()) from None
                time.sleep(0.2)
        assert status == 200
        page = body.decode()
        assert "安澜市" in page
        css = next(part.split('"')[0] for part in page.split('href="')[1:] if ".css" in part)
        status, body = get(base + css)
        assert status == 200 and len(body) > 100
        # The site's own 404 page in both (the demo's too: luoshi/web/not_found.py); never
        # Django's debug page listing the URL patterns.
        status, body = get(base + "/no-such-page/")
        assert status == 404
        assert "页面不存在(404)" in body.decode()
        assert "Django tried these URL patterns" not in body.decode()
        if mode == "production":
            assert "/static/web/luoshi." in css and css.count(".") >= 2  # hashed (manifest)
            with urllib.request.urlopen(base + "/", timeout=5) as response:
                assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    finally:
        server.terminate()
        out, err = server.communicate(timeout=15)
    if mode == "production":
        text = out.decode()
        assert "gunicorn,1 个进程" in text and "调试关闭" in text
        assert b"Booting worker" in err and b"Control socket" not in err
