"""The English catalog, compiled for the tests that read it.

GNU msgfmt compiles it, as ``manage.py compilemessages`` does (the project keeps only the .po),
into a temporary directory the tests use as LOCALE_PATHS, with ``--check`` so that a
translation whose placeholders differ from its message's fails.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PO = Path(__file__).resolve().parents[2] / "luoshi" / "locale" / "en" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def locale_dir(tmp_path_factory) -> Path:
    assert shutil.which("msgfmt"), "GNU gettext's msgfmt is needed (Debian: gettext; .ci/run)"
    root = tmp_path_factory.mktemp("locale")
    mo = root / "en" / "LC_MESSAGES" / "django.mo"
    mo.parent.mkdir(parents=True)
    done = subprocess.run(["msgfmt", "--check-format", "--check-domain", "-o", str(mo), str(PO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root
