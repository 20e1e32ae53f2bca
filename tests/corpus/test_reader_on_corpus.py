"""The reader on the dev split of the corpus (issue 9): pages read right stay right.

The expectations are tests/corpus/expected/*.json, written by reading the pages; the scorer is
benchmarks/corpus_quality.py. Only dev pages are listed here (holdout pages are measured, never
tuned on). A page in RIGHT has every checked cell right today; a change that breaks one fails
here with the cells it got wrong."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from shared_docs import shared_path

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "corpus_quality", REPO / "benchmarks" / "corpus_quality.py"
)
assert _spec and _spec.loader
cq = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("corpus_quality", cq)
_spec.loader.exec_module(cq)

RIGHT = (
    "001 002 003 004 011 012 013 017 018 019 020 022 024 027 028 039 041 043 045 046 051 052 "
    "059 062 065 073 074 075 079 092 100 101 102 107 109 110 112 113 119 120 121 122 123 126 "
    "127 128 129 137 139 144 150 154 155 158 111"
).split()
EXPECTED = {e["file"][:3]: e for e in cq.load_expectations()}


@pytest.mark.parametrize("stem", RIGHT)
def test_dev_page_read_right(stem: str) -> None:
    exp = EXPECTED[stem]
    assert exp["split"] == "dev"
    page = cq.score_page(exp, shared_path("corpus", exp["file"]).parent)
    assert page.cells_right == page.cells_total, page.wrong
