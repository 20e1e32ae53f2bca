"""LUOSHI_STORAGE picks where stored files go: the local directory by default, an
S3-compatible bucket (django-storages) with ``s3``. Settings are read at start-up, so each case
runs in a subprocess with its own environment; nothing here reaches the network (the S3
client connects on first use, not when the storage is built)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PROBE = """
import json, django
django.setup()
from luoshi.rounds.evidence import file_storage
s = file_storage()
print(json.dumps({"class": type(s).__module__ + "." + type(s).__qualname__,
                  "location": str(s.location),
                  "bucket": getattr(s, "bucket_name", None),
                  "endpoint": getattr(s, "endpoint_url", None),
                  "key": getattr(s, "access_key", None)}))
"""


def probe(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("LUOSHI_S3_", "LUOSHI_STORAGE", "DATABASE_"))}
    clean |= {"DJANGO_SETTINGS_MODULE": "luoshi.settings", "LUOSHI_DATA_DIR": str(tmp_path),
              "LUOSHI_DEBUG": "1", **env}
    return subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, env=clean,
                          capture_output=True, text=True, timeout=120)


def test_default_is_the_local_directory(tmp_path):
    out = probe(tmp_path, LUOSHI_EVIDENCE_DIR=str(tmp_path / "ev"))
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["class"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert got["location"] == str(tmp_path / "ev")


def test_s3_setting_selects_the_s3_backend(tmp_path):
    out = probe(tmp_path, LUOSHI_STORAGE="s3", LUOSHI_S3_BUCKET="luoshi-files",
                LUOSHI_S3_ENDPOINT="http://127.0.0.1:9", LUOSHI_S3_ACCESS_KEY_ID="AKIDTEST",
                LUOSHI_S3_SECRET_ACCESS_KEY="not-a-secret", LUOSHI_S3_PREFIX="prov")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got == {"class": "storages.backends.s3.S3Storage", "location": "prov",
                   "bucket": "luoshi-files", "endpoint": "http://127.0.0.1:9",
                   "key": "AKIDTEST"}


@pytest.mark.parametrize("value", ["S3 ", "Local"])
def test_setting_is_case_and_space_tolerant(tmp_path, value):
    out = probe(tmp_path, LUOSHI_STORAGE=value, LUOSHI_S3_BUCKET="b")
    assert out.returncode == 0, out.stderr
    assert ("S3Storage" in out.stdout) == (value.strip().lower() == "s3")


def test_unknown_storage_is_refused_with_the_choices(tmp_path):
    out = probe(tmp_path, LUOSHI_STORAGE="ftp")
    assert out.returncode != 0
    assert "LUOSHI_STORAGE='ftp'" in out.stderr and "'s3'" in out.stderr
