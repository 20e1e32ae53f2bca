"""A fresh production deploy: migrate and `check --deploy` clean before collectstatic; the
defaults are production's (no debug); the CSP header on every page."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STRONG_KEY = "x7#Qp!v9Lr2@Zm4$Tn8&Wb6^Kd1*Hs5(Jf3)Gc0_Ye-Ua+Ri=Oe~Pw"


def production_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh deploy: nothing of the suite's debug configuration."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LUOSHI_") and k not in {"DATABASE_URL",
                                                         "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env["LUOSHI_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def test_fresh_deploy_migrates_and_checks_clean_before_collectstatic(tmp_path):
    env = production_env(tmp_path, LUOSHI_ALLOWED_HOSTS="luoshi.example.org",
                         LUOSHI_SECRET_KEY=STRONG_KEY)
    migrated = manage(env, "migrate", "--noinput", "-v0")
    assert migrated.returncode == 0, migrated.stderr
    out = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no issues" in out.stdout
    assert not (tmp_path / "static" / "staticfiles.json").exists()  # really before collectstatic


def test_default_settings_are_not_debug(tmp_path):
    env = production_env(tmp_path)
    code = ("import django; from django.conf import settings; django.setup(); "
            "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT, "
            "len(settings.SECRET_KEY))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         env={**env, "DJANGO_SETTINGS_MODULE": "luoshi.settings"}, timeout=120)
    assert out.returncode == 0, out.stderr
    debug, secure_cookie, redirect, key_length = out.stdout.split()
    assert (debug, secure_cookie, redirect) == ("False", "True", "True")
    # No key given: a random one of its own, kept private in the data directory and reused.
    key_file = tmp_path / "secret-key"
    assert int(key_length) >= 50 and key_file.stat().st_mode & 0o777 == 0o600
    again = subprocess.run([sys.executable, "-c", code.replace("len(settings.SECRET_KEY)",
                                                               "settings.SECRET_KEY")],
                           cwd=REPO, capture_output=True, text=True, timeout=120,
                           env={**env, "DJANGO_SETTINGS_MODULE": "luoshi.settings"})
    assert again.stdout.split()[-1] == key_file.read_text().strip()


def test_suite_itself_runs_the_debug_configuration(settings):
    # pyproject's pytest env sets LUOSHI_DEBUG=1 by default; Django's test runner then turns
    # DEBUG itself off while keeping the rest of the local configuration.
    assert os.environ["LUOSHI_DEBUG"] == "1" and settings.SECURE_SSL_REDIRECT is False


@pytest.mark.django_db
def test_every_page_has_a_strict_csp(client, settings):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


TEMPLATES = sorted((REPO / "luoshi").glob("**/templates/**/*.html"))
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I),
     "inline <script>"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(REPO / "luoshi")))
def test_templates_have_no_inline_script_or_style(template):
    """The CSP allows neither; a browser would refuse them (the browser tests see the console)."""
    text = template.read_text(encoding="utf-8")
    found = [f"{what}: {m.group(0)!r}" for pattern, what in INLINE for m in pattern.finditer(text)]
    assert found == []


LAUNCH = "import sys; from luoshi.cli import main; sys.exit(main())"


def luoshi(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LAUNCH, *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def test_check_deploy_says_what_is_missing(tmp_path):
    env = production_env(tmp_path)
    # Nothing set, nothing migrated: failures named with the setting that fixes each.
    out = luoshi(env, "check-deploy")
    assert out.returncode == 1, out.stdout + out.stderr
    assert "失败  只允许本机主机名" in out.stdout and "LUOSHI_ALLOWED_HOSTS=" in out.stdout
    assert "个数据库迁移未执行" in out.stdout
    assert "注意  密钥为随机生成" in out.stdout
    # Debug on is a failure too.
    debug = luoshi({**env, "LUOSHI_DEBUG": "1"}, "check-deploy")
    assert debug.returncode == 1 and "失败  调试模式已开启" in debug.stdout
    # The operator supplies them: no failure left, the advice stays (SQLite, mail, proxy).
    env.update(LUOSHI_ALLOWED_HOSTS="luoshi.example.org", LUOSHI_SECRET_KEY=STRONG_KEY)
    assert manage(env, "migrate", "--noinput", "-v0").returncode == 0
    ready = luoshi(env, "check-deploy")
    assert ready.returncode == 0, ready.stdout + ready.stderr
    assert not re.search("^失败", ready.stdout, re.M) and "需修复 0 项" in ready.stdout
    assert "通过  调试模式已关闭" in ready.stdout and "通过  密钥来自 LUOSHI_SECRET_KEY" in ready.stdout
    assert "注意  SQLite" in ready.stdout and "注意  不发送邮件" in ready.stdout
    assert "check --deploy):没有问题" in ready.stdout
    env.update(LUOSHI_EMAIL_HOST="smtp.example.org", LUOSHI_FROM_EMAIL="dc@example.org",
               LUOSHI_PROXY_HEADER="X-Forwarded-For")
    mailed = luoshi(env, "check-deploy")
    assert "通过  邮件经 smtp.example.org 发送,发件人 dc@example.org" in mailed.stdout
    assert "通过  客户端地址取自 X-Forwarded-For" in mailed.stdout
    # Mail is sent: its links must not point at the local demo address.
    assert "注意  邮件中的链接指向 http://127.0.0.1:8000" in mailed.stdout
    assert "LUOSHI_SITE_URL=" in mailed.stdout
    env.update(LUOSHI_SITE_URL="https://luoshi.example.org/")
    linked = luoshi(env, "check-deploy")
    assert "通过  邮件中的链接以 https://luoshi.example.org 开头" in linked.stdout
