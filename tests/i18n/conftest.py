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


def compile_catalog(po: Path, root: Path) -> Path:
    """``po`` compiled to ``root``/en/LC_MESSAGES/django.mo; ``root`` (for LOCALE_PATHS)."""
    assert shutil.which("msgfmt"), "GNU gettext's msgfmt is needed (Debian: gettext; .ci/run)"
    mo = Path(root) / "en" / "LC_MESSAGES" / "django.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["msgfmt", "--check-format", "--check-domain", "-o", str(mo), str(po)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return Path(root)


@pytest.fixture(scope="module")
def locale_dir(tmp_path_factory) -> Path:
    return compile_catalog(PO, tmp_path_factory.mktemp("locale"))
