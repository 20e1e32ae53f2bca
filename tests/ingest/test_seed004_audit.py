"""Independent audit: seed 004 tasks 76-150 (no gold in ../shared) against a hand annotation
kept as line numbers only (tests/ingest/data/seed004_segments_76-150_lines.json, see the README
there). The annotation is turned into the gold file's shape with the seed's own lines and scored
with benchmarks/segment_quality.py's function, so the cells are the same as the gold scorer's:
serial, task, units, and per item heading / done / problems / next_steps.

Threshold: at least 98% of all cells, the tasks listed as doubtful counted like the others.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from shared_docs import shared_path

from luoshi.ingest import read_document

_HERE = Path(__file__).resolve().parent
ANNOTATION = _HERE / "data" / "seed004_segments_76-150_lines.json"
SEED = ("seeds", "004_fea78dcb383e1fba.txt")
EMPTY_MARK = "——"
HEADER_CELLS = {"序号", "任务内容", "责任单位", "前三季度完成情况", "存在问题及困难", "下一步工作"}

_SPEC = importlib.util.spec_from_file_location(
    "segment_quality", _HERE.parents[1] / "benchmarks" / "segment_quality.py"
)
quality = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("segment_quality", quality)  # dataclasses look their module up there
_SPEC.loader.exec_module(quality)


def cell_text(lines: list[str], span: list[int] | None) -> str:
    """The cell's non-blank lines, stripped, joined with newlines; "——" or absent -> ""."""
    if span is None:
        return ""
    first, last = span
    text = "\n".join(s for s in (line.strip() for line in lines[first - 1 : last]) if s)
    return "" if text == EMPTY_MARK else text


def to_gold(annotation: dict, lines: list[str]) -> list[dict]:
    """The line annotation in the shape of ../shared/gold/seed004_segments_1-75.json."""
    tasks = []
    for t in annotation["tasks"]:
        items = []
        for it in t["items"]:
            heading = it["heading"]
            items.append(
                {
                    "heading": lines[heading - 1].strip() if heading else None,
                    "progress": cell_text(lines, it["done"]),
                    "problems": cell_text(lines, it["problems"]),
                    "next": cell_text(lines, it["next"]),
                }
            )
        tasks.append(
            {
                "serial": int(t["serial"]),
                "task": cell_text(lines, t["task"]),
                "units": cell_text(lines, t["units"]),
                "items": items,
            }
        )
    return tasks


def spans(task: dict):
    """(name, [first, last]) of every present cell of an annotated task, in reading order."""
    yield "serial", [task["serial_line"], task["serial_line"]]
    yield "task", task["task"]
    yield "units", task["units"]
    for n, it in enumerate(task["items"], 1):
        if it["heading"]:
            yield f"item{n}/heading", [it["heading"], it["heading"]]
        for key in ("done", "problems", "next"):
            if it[key] is not None:
                yield f"item{n}/{key}", it[key]


@pytest.fixture(scope="module")
def annotation() -> dict:
    return json.loads(ANNOTATION.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    return shared_path(*SEED).read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def audit_gold(annotation, seed_lines) -> list[dict]:
    return to_gold(annotation, seed_lines)


def test_annotation_covers_every_line_once_in_order(annotation, seed_lines):
    """Each non-blank line from task 76 on is in exactly one cell, cells in reading order, and
    the only lines left out are the repeated header rows."""
    covered: dict[int, str] = {}
    last = 0
    for t in annotation["tasks"]:
        assert seed_lines[t["serial_line"] - 1].strip() == t["serial"]
        for name, (first, end) in spans(t):
            assert last < first <= end, (t["serial"], name)
            last = end
            for n in range(first, end + 1):
                text = seed_lines[n - 1].strip()
                if text:
                    assert text not in HEADER_CELLS, (t["serial"], name, n)
                    covered[n] = f"{t['serial']}/{name}"
    start = annotation["tasks"][0]["serial_line"]
    for n in range(start, len(seed_lines) + 1):
        text = seed_lines[n - 1].strip()
        if text and n not in covered:
            assert text in HEADER_CELLS, f"line {n} is in no cell"
    assert [t["serial"] for t in annotation["tasks"]] == [str(i) for i in range(76, 151)]


def test_doubtful_cells_name_annotated_items(annotation):
    by_serial = {t["serial"]: t for t in annotation["tasks"]}
    assert annotation["doubtful"]
    for d in annotation["doubtful"]:
        task = by_serial[d["serial"]]
        assert 1 <= d["item"] <= len(task["items"]) and d["reason"]


def doubtful_cells(annotation: dict) -> set[str]:
    """The scorer's names ("83/item2/done") of the cells the annotation marks doubtful."""
    attr = {"next": "next_steps"}
    return {
        f"{d['serial']}/item{d['item']}/{attr.get(c, c)}"
        for d in annotation["doubtful"]
        for c in d["cells"]
    }


def test_reader_matches_audit_at_least_98_percent(audit_gold, annotation):
    doc = read_document(shared_path(*SEED))
    s = quality.score(doc, audit_gold)
    doubtful = doubtful_cells(annotation)
    firm_wrong = [w for w in s.wrong if w not in doubtful]
    firm_cells = s.cells - len(doubtful)
    print(
        f"\nseed 004 tasks 76-150 vs the audit annotation: {s.correct}/{s.cells} cells = "
        f"{100 * s.accuracy:.2f}% counting the doubtful cells; "
        f"{firm_cells - len(firm_wrong)}/{firm_cells} = "
        f"{100 * (1 - len(firm_wrong) / firm_cells):.2f}% without them; "
        f"wrong: {', '.join(s.wrong) or 'none'}"
    )
    assert s.tasks == 75 and s.cells > 600
    assert s.accuracy >= 0.98, s.wrong


def test_audit_scorer_can_fail(audit_gold):
    """A spoiled annotation is scored wrong where it was spoiled, and only there."""
    import copy

    doc = read_document(shared_path(*SEED))
    base = set(quality.score(doc, audit_gold).wrong)
    spoiled = copy.deepcopy(audit_gold)
    spoiled[0]["items"][1]["next"] = "不是这个"
    spoiled[3]["items"][0]["heading"] = None
    wrong = set(quality.score(doc, spoiled).wrong) - base
    assert wrong == {"76/item2/next_steps", "79/item1/heading"}
