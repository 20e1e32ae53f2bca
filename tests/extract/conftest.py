"""Session-scoped analyses of the seeds (parsing and analysis run once for all tests)."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from luoshi.extract import TaskAnalysis, analyze_document
from luoshi.ingest import ParsedDocument, Period, read_document
from luoshi.ingest.model import Item, Task
from luoshi.vocab import PeriodKind

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
Q3 = Period(PeriodKind.Q3, "三季度", date(2020, 9, 30))


def shared_file(*parts: str) -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED})")
    return SHARED.joinpath(*parts)


def task(text: str, done: str = "", problems: str = "", serial: str = "1") -> Task:
    return Task(serial=serial, text=text, items=[Item(done=done, problems=problems)])


@pytest.fixture(scope="session")
def quality_module():
    """benchmarks/extract_quality.py, loaded as a module (benchmarks/ is not a package)."""
    path = REPO / "benchmarks" / "extract_quality.py"
    spec = importlib.util.spec_from_file_location("extract_quality", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed000_doc() -> ParsedDocument:
    return read_document(shared_file("seeds", "000_eb2b56e49a1860ea.txt"))


@pytest.fixture(scope="session")
def seed004_doc() -> ParsedDocument:
    return read_document(shared_file("seeds", "004_fea78dcb383e1fba.txt"))


@pytest.fixture(scope="session")
def seed004_analyses(seed004_doc) -> list[TaskAnalysis]:
    return analyze_document(seed004_doc)
