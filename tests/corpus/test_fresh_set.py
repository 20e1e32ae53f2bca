"""The unseen ("fresh") set and the options that score it.

benchmarks/corpus_quality.py takes ``--corpus DIR`` and ``--expected DIR`` so that a set other
than ../shared/corpus + tests/corpus/expected is scored by the same rules. The tiny page below
is written here, for this test (not a third-party page); its expectation is what the page
says, so a reader that reads it right scores every cell, and an expectation changed on purpose
must lose exactly the changed cells.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FRESH = Path(__file__).parent / "fresh"
_spec = importlib.util.spec_from_file_location(
    "corpus_quality_fresh", REPO / "benchmarks" / "corpus_quality.py"
)
assert _spec and _spec.loader
cq = importlib.util.module_from_spec(_spec)
sys.modules["corpus_quality_fresh"] = cq  # dataclasses look their module up
_spec.loader.exec_module(cq)

PAGE = (
    "示例县2021年政府工作报告重点工作一季度进展情况\n"
    "序号 | 工作任务 | 责任单位 | 进展情况 |\n"
    "1 | 修建乡村道路10公里。 | 县交通局 | 已完成4公里。 |\n"
    "2 | 新建幼儿园2所。 | 县教育局、县财政局 | 1所已开工。 |\n"
    "3 | 改造老旧小区5个。 | 县住建局 | 完成设计招标。 |\n"
)
EXPECTATION = {
    "file": "T01.txt", "province": "unknown", "split": "fresh", "family": "pipe-rows",
    "kind": "table", "government": "示例县", "year": 2021,
    "period": {"kind": "q1", "end_date": "2021-03-31"},
    "columns": ["serial", "task", "units", "done"], "rows": 3, "last_row_cut": False,
    "checked": [
        {"serial": "1", "cells": {"task": "修建乡村道路10公里。", "units": ["县交通局"],
                                  "done": "已完成4公里。"}},
        {"serial": "2", "cells": {"task": "新建幼儿园2所。", "units": ["县教育局", "县财政局"],
                                  "done": "1所已开工。"}},
        {"serial": "3", "cells": {"task": "改造老旧小区5个。", "units": ["县住建局"],
                                  "done": "完成设计招标。"}},
    ],
    "notes": "written for this test",
}


def _write_set(tmp_path: Path, expectation: dict) -> tuple[Path, Path]:
    pages, expected = tmp_path / "pages", tmp_path / "expected"
    pages.mkdir()
    expected.mkdir()
    (pages / "T01.txt").write_text(PAGE, encoding="utf-8")
    (expected / "T01.json").write_text(json.dumps(expectation, ensure_ascii=False), "utf-8")
    return pages, expected


def _totals(capsys, pages: Path, expected: Path) -> dict:
    assert cq.main(["--json", "--corpus", str(pages), "--expected", str(expected)]) == 0
    return json.loads(capsys.readouterr().out)


def test_corpus_and_expected_options_score_that_set_only(tmp_path, capsys) -> None:
    pages, expected = _write_set(tmp_path, EXPECTATION)
    out = _totals(capsys, pages, expected)
    assert set(out["pages"]) == {"T01.txt"}  # not the 91 default pages
    assert out["totals"]["overall"]["pages"] == 1
    fresh = out["totals"]["split fresh"]
    assert (fresh["cells_right"], fresh["cells_total"]) == (9, 9)
    assert (fresh["meta_right"], fresh["rows_exact"]) == (4, 1)
    assert out["totals"]["family pipe-rows"]["pages"] == 1


def test_a_changed_expectation_loses_exactly_its_cells(tmp_path, capsys) -> None:
    wrong = json.loads(json.dumps(EXPECTATION))
    wrong["checked"][0]["cells"]["units"] = ["县发改局"]
    wrong["checked"][2]["cells"]["done"] = "已竣工。"
    wrong["year"] = 2022
    pages, expected = _write_set(tmp_path, wrong)
    fresh = _totals(capsys, pages, expected)["totals"]["split fresh"]
    assert (fresh["cells_right"], fresh["cells_total"]) == (7, 9)
    assert fresh["meta_right"] == 3


def test_split_filter_accepts_fresh(tmp_path, capsys) -> None:
    pages, expected = _write_set(tmp_path, EXPECTATION)
    assert cq.main(["--json", "--split", "fresh", "--corpus", str(pages),
                    "--expected", str(expected)]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["overall"]["pages"] == 1
    assert cq.main(["--split", "dev", "--corpus", str(pages), "--expected", str(expected)]) == 1


@pytest.mark.parametrize("missing", ["corpus", "expected", "page"])
def test_a_missing_directory_or_page_is_a_clear_error(tmp_path, capsys, missing) -> None:
    pages, expected = _write_set(tmp_path, EXPECTATION)
    if missing == "page":
        (pages / "T01.txt").unlink()
    args = ["--corpus", str(tmp_path / "nope" if missing == "corpus" else pages),
            "--expected", str(tmp_path / "nope" if missing == "expected" else expected)]
    assert cq.main(args) == 1
    err = capsys.readouterr().err
    assert ("T01.txt" if missing == "page" else "nope") in err


def test_fresh_index_lists_every_fresh_expectation_with_a_source() -> None:
    stems = {p.stem for p in (FRESH / "expected").glob("*.json")}
    with (FRESH / "INDEX.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(stems) >= 15
    assert {Path(r["file"]).stem for r in rows} == stems
    for row in rows:
        assert row["url"] and row["place"] and row["family"], row
    for path in (FRESH / "expected").glob("*.json"):
        exp = json.loads(path.read_text(encoding="utf-8"))
        assert exp["split"] == "fresh"
        row = next(r for r in rows if r["file"] == exp["file"])
        assert row["family"] == exp["family"]


def test_a_wrong_cell_message_gives_both_lengths(tmp_path) -> None:
    """Heads of a want/got pair often agree; the lengths show what differs, no page text."""
    wrong = json.loads(json.dumps(EXPECTATION))
    wrong["checked"][0]["cells"]["task"] = "修建乡村道路10公里并硬化路面。"
    pages, _ = _write_set(tmp_path, wrong)
    page = cq.score_page(wrong, pages)
    assert "row 1 task: want 修建乡村道路… got 修建乡村道路… (n 16/11)" in page.wrong


def test_a_refused_table_page_scores_no_metadata(tmp_path) -> None:
    """A refusal delivers nothing: even expectations that are empty are not met by it."""
    empty = json.loads(json.dumps(EXPECTATION))
    empty["government"], empty["year"], empty["period"] = "", None, None
    pages, _ = _write_set(tmp_path, empty)
    (pages / "T01.txt").write_text("这一页只有一句话,没有任何表格。\n", encoding="utf-8")
    page = cq.score_page(empty, pages)
    assert page.refused is not None
    assert (page.meta_right, page.meta_total, page.cells_right) == (0, 4, 0)
