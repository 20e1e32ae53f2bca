"""Session-scoped parses of the seeds: parsing is fast, but many tests look at the result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from luoshi.ingest import ParsedDocument, read_document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def shared_file(*parts: str) -> Path:
    """A file under ../shared; skips when ../shared is absent (as tests/conftest.py does)."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED})")
    return SHARED.joinpath(*parts)


@pytest.fixture(scope="session")
def doc000() -> ParsedDocument:
    return read_document(shared_file("seeds", "000_eb2b56e49a1860ea.txt"))


@pytest.fixture(scope="session")
def doc004() -> ParsedDocument:
    return read_document(shared_file("seeds", "004_fea78dcb383e1fba.txt"))


@pytest.fixture(scope="session")
def gold004() -> list[dict]:
    return json.loads(shared_file("gold", "seed004_segments_1-75.json").read_text(encoding="utf-8"))
