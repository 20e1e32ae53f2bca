"""Shared fixtures: paths to the public documents in ../shared, users of each role."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared; skips the test with a clear reason when ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): the public seed documents are not here")
    if not path.exists():
        raise FileNotFoundError(path)
    return path


@pytest.fixture
def seed000() -> Path:
    return shared_path("seeds", "000_eb2b56e49a1860ea.txt")


@pytest.fixture
def seed004() -> Path:
    return shared_path("seeds", "004_fea78dcb383e1fba.txt")
