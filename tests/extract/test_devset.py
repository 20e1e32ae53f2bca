"""The independent dev set (benchmarks/extract_devset.py): it holds no source text, its
held-out provinces are split off, and on the tuned part the analysis keeps its level on the
tasks the parser finds. Floors sit below the figures measured (BENCHMARKS.md) with room for
parser changes (issue 9) that add or drop tasks."""

from __future__ import annotations

import importlib.util
import json

import pytest

from .conftest import REPO, shared_file

DEVSET = REPO / "tests" / "extract" / "data" / "devset"


@pytest.fixture(scope="module")
def devset():
    shared_file("corpus", "INDEX.tsv")  # skips when ../shared is absent
    spec = importlib.util.spec_from_file_location("extract_devset", REPO / "benchmarks" / "extract_devset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_annotation_holds_no_source_text():
    files = sorted(DEVSET.glob("*.json"))
    assert len(files) >= 25
    for path in files:
        page = json.loads(path.read_text("utf-8"))
        for row in page["targets"] + page["measurements"] + page["status"]:
            assert "span" not in row and "text" not in row, path.name
        assert {s["status"] for s in page["status"]} <= {
            "done", "ahead", "on_track", "at_risk", "behind", "not_started", "vague", "no_data"}


def test_held_out_provinces_are_apart(devset):
    tuned = {p["_id"] for p in devset.pages("tuned")}
    held = {p["_id"] for p in devset.pages("held_out")}
    assert tuned and held and not tuned & held
    assert all(p["place"].startswith(devset.HELD_OUT) for p in devset.pages("held_out"))


def test_tuned_part_on_the_tasks_found(devset):
    s, analyses, info = devset.score("tuned", found_only=True)
    assert len(analyses) >= 60, info
    # Issue 10's bars are 0.95 (targets), 0.85 (measurements) and 0.80 (status); measured
    # 0.964, 0.905 and 0.889 since the indicator rows, with behind precision 1.0 (13 of 13).
    # The targets and measurements floors leave room for one or two tasks the parser adds or
    # drops; status, measured well above its bar since the table rules, is kept at the bar,
    # and so is red means red.
    # Merged with issue 9's table reader, page 145 (traditional script) yields two more
    # tasks; their planned-investment amounts take their unit from a line above the table
    # (金额单位:万元), read since the unit-line rule, and its sums per head keep their unit
    # (元/人.月): 0.966 measured, so the bar holds.
    assert s["targets"]["f1"] >= 0.95, s["errors"]["targets_missing"]
    assert s["measurements"]["f1"] >= 0.87, s["errors"]["measurements_missing"]
    assert s["status"]["macro_f1"] >= 0.80, s["errors"]["status"]
    assert s["behind_precision"] >= 0.8, s["errors"]["status"]


@pytest.mark.parametrize("part", ["tuned", "held_out"])
def test_red_means_red_on_every_part(devset, part):
    """Of the tasks called behind, at least 80% are behind by the annotation, on each part
    (the held-out part is spent since issue 10's verdict work, but a red call there that the
    annotation does not share would still be a rule reaching too far). Measured: 13 of 13
    tuned, 1 of 1 held out."""
    s, analyses, info = devset.score(part, found_only=True)
    called = sum(str(a.status.value) == "behind" for a in analyses)
    assert called, info
    assert s["behind_precision"] >= 0.8, s["errors"]["status"]
