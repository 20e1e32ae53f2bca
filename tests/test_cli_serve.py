"""`luoshi serve`: a real server process answers pages and static files, debug and production."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from luoshi.cli.serve import address

LAUNCH = "import sys; from luoshi.cli import main; sys.exit(main())"


def test_address():
    assert address("127.0.0.1", 8000) == ("127.0.0.1:8000", False)
    assert address("::1", 8001) == ("[::1]:8001", True)


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


@pytest.mark.parametrize("debug", ["1", "0"])
def test_serve_answers_pages_and_static_files(data_dir, debug):
    env = dict(data_dir, LUOSHI_DEBUG=debug, LUOSHI_SECRET_KEY="test-only-" + "x" * 50,
               LUOSHI_SSL_REDIRECT="0")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", LAUNCH, "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
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
    finally:
        server.terminate()
        server.wait(timeout=10)
