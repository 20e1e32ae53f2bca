"""`manage.py check --deploy` is clean under production settings."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean(tmp_path):
    env = {**os.environ, "LUOSHI_DEBUG": "0", "LUOSHI_ALLOWED_HOSTS": "luoshi.example.org",
           "LUOSHI_SECRET_KEY": "x7#Qp!v9Lr2@Zm4$Tn8&Wb6^Kd1*Hs5(Jf3)Gc0_Ye-Ua+Ri=Oe~Pw",
           "LUOSHI_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests of this process
    # As deployed: static files collected (the manifest storage needs them).
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=REPO,
                   env=env, check=True, timeout=300)
    out = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level",
                          "WARNING"], cwd=REPO, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no issues" in out.stdout


def test_production_refuses_without_secret_key(tmp_path):
    env = {**os.environ, "LUOSHI_DEBUG": "0", "LUOSHI_DATA_DIR": str(tmp_path)}
    env.pop("LUOSHI_SECRET_KEY", None)
    out = subprocess.run([sys.executable, "manage.py", "check"], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0 and "LUOSHI_SECRET_KEY must be set" in out.stderr
