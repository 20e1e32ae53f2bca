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


@pytest.mark.parametrize("blind", ["fresh4", "fresh5", "fresh6", "fresh7", "fresh8",
                                   "fresh9", "fresh10", "fresh11", "fresh12", "fresh13",
                                   "fresh15"])
def test_blind_annotation_shape(blind):
    """The blind sets' annotations (pages outside the repo): values only, one of the
    eight statuses for every task, and every target/figure filed under a listed task."""
    files = sorted((DEVSET.parent / blind).glob("*.json"))
    assert len(files) >= 5
    for path in files:
        page = json.loads(path.read_text("utf-8"))
        tasks = set(page["tasks"])
        assert {s["serial"] for s in page["status"]} == tasks, path.name
        for row in page["targets"] + page["measurements"] + page["status"]:
            assert "span" not in row and "text" not in row, path.name
            assert row["serial"] in tasks, path.name
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


# A page written for this test (not a third-party page) and its annotation: the options
# --devset/--corpus must score this set, from these directories, and nothing else.
OWN_PAGE = (
    "示例县2021年政府工作报告重点工作一季度进展情况\n"
    "序号 | 工作任务 | 责任单位 | 进展情况 |\n"
    "1 | 修建乡村道路10公里。 | 县交通局 | 已完成4公里。 |\n"
    "2 | 新建幼儿园2所。 | 县教育局、县财政局 | 1所已开工。 |\n"
    "3 | 改造老旧小区5个。 | 县住建局 | 完成设计招标。 |\n"
)


def _own_set(tmp_path):
    pages, annotations = tmp_path / "pages", tmp_path / "own_set"
    pages.mkdir()
    annotations.mkdir()
    (pages / "T01.txt").write_text(OWN_PAGE, encoding="utf-8")
    targets = [{"serial": s, "kind": "cumulative", "comparator": "=", "value": v, "unit": u, "note": ""}
               for s, v, u in (("1", 10, "公里"), ("2", 2, "所"), ("3", 5, "个"), ("4", 9, "个"))]
    page = {"file": "T01.txt", "layout": "table", "place": "unknown", "level": "county", "year": 2021,
            "period": {"kind": "q1", "end_month": 3}, "about": "written for this test",
            "tasks": ["1", "2", "3", "4"],  # 4 is not on the page: it must count as not found
            "targets": targets,
            "measurements": [{"serial": "1", "value": 4, "unit": "公里", "as_of": "2021-03",
                              "stated_ratio": None, "note": ""}],
            "status": [{"serial": s, "status": "on_track", "reason": "", "doubt": None} for s in "1234"]}
    (annotations / "T01.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    return pages, annotations


def test_devset_and_corpus_options_score_another_set(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("extract_devset_own", REPO / "benchmarks" / "extract_devset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pages, annotations = _own_set(tmp_path)
    assert module.main(["--devset", str(annotations), "--corpus", str(pages), "--part", "all", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "own_set, all, tasks the parser found: 1 pages, 4 annotated tasks (1 not found by the parser;" in out
    assert "own_set, all, all annotated tasks: 1 pages, 4 annotated tasks" in out
    assert "(gold 3," in out and "(gold 4," in out  # found-only drops task 4's target, the full count keeps it
    assert module.lists_disagreements("all", True)  # another set: every disagreement may be listed
    assert module.main(["--devset", str(tmp_path / "nope"), "--corpus", str(pages)]) == 1
    assert "--devset: no directory" in capsys.readouterr().err


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


def test_pages_option_leaves_the_other_files_unopened(tmp_path, capsys):
    """--pages scores only the named annotation files; the others are never opened (a file that
    is no JSON at all stands for a blind holdout here: opening it would fail)."""
    spec = importlib.util.spec_from_file_location("extract_devset_pages", REPO / "benchmarks" / "extract_devset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pages, annotations = _own_set(tmp_path)
    (annotations / "T02.json").write_text("blind: not to be opened", encoding="utf-8")
    assert module.main(["--devset", str(annotations), "--corpus", str(pages), "--part", "all",
                        "--pages", "T01"]) == 0
    assert "own_set, all, tasks the parser found: 1 pages, 4 annotated tasks" in capsys.readouterr().out
    with pytest.raises(json.JSONDecodeError):
        module.main(["--devset", str(annotations), "--corpus", str(pages), "--part", "all"])
