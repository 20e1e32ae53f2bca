"""The text reader scored cell by cell against the hand-checked segmentations
(benchmarks/segment_quality.py prints the same figures)."""

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.ingest.conftest import shared_file

_SPEC = importlib.util.spec_from_file_location(
    "segment_quality", Path(__file__).resolve().parents[2] / "benchmarks" / "segment_quality.py"
)
quality = importlib.util.module_from_spec(_SPEC)
sys.modules["segment_quality"] = quality  # dataclasses look their module up there
_SPEC.loader.exec_module(quality)


@pytest.fixture(scope="module")
def gold000():
    import json

    return json.loads(shared_file("gold", "seed000_segments.json").read_text(encoding="utf-8"))


def test_seed000_every_cell(doc000, gold000):
    s = quality.score(doc000, gold000)
    assert s.cells == 190 * 4
    assert s.wrong == []


def test_seed004_tasks_1_to_75_at_least_98_percent(doc004, gold004):
    s = quality.score(doc004, gold004)
    assert s.cells > 500
    assert s.accuracy >= 0.98, s.wrong


def test_task_counts_and_serials_in_order(doc000, doc004):
    for doc, n in ((doc000, 190), (doc004, 150)):
        assert [t.serial for t in doc.tasks] == [str(i) for i in range(1, n + 1)]


def test_scorer_can_fail(doc004, gold004):
    """A wrong cell is counted as wrong (the scorer is not trivially satisfied)."""
    import copy

    spoiled = copy.deepcopy(gold004)
    spoiled[0]["items"][0]["problems"] = "不是这个"
    spoiled[1]["units"] = "别的单位"
    s = quality.score(doc004, spoiled)
    assert s.wrong == ["1/item1/problems", "2/units"]
