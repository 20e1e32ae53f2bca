"""The reader's statement of the structure it inferred and how sure it is, on small made-up
pages (not corpus text): one table per confidence level and per reason."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document

CLEAN_PIPE = "\n".join(
    [
        "2031年青禾县重点工作推进情况表",
        "序号 | 重点任务 | 责任单位 | 推进情况 |",
        "1 | 建成公园3个。 | 县住建局 | 已建成2个。 |",
        "2 | 新增学位800个。 | 县教育局 | 已新增600个。 |",
        "3 | 改造道路5公里。 | 县交通局 | 已完工。 |",
    ]
)
# The same table with three unknown columns of four: the header is weak.
WEAK_HEADER = "\n".join(
    [
        "序号 | 重点任务 | 甲栏 | 乙栏 | 丙栏 |",
        "1 | 建成公园3个。 | 一 | 二 | 三 |",
        "2 | 新增学位800个。 | 一 | 二 | 三 |",
    ]
)
# A header on one pipe line over cells one per line: the pipe reading finds no row, the
# pipe-cells reading finds them all; kept, and the other reading named.
TWO_READINGS = "\n".join(
    [
        "序号 | 重点任务 | 责任单位 |",
        "1 |",
        "建成公园3个。 |",
        "县住建局 |",
        "2 |",
        "新增学位800个。 |",
        "县教育局 |",
    ]
)
# Pipe rows with lone-bar lines between them are no bar-layout page: one reading only.
BARS_BETWEEN_ROWS = "\n".join(
    [
        "序号 | 重点任务 | 责任单位 | 推进情况 |",
        "|",
        "1 | 建成公园3个。 | 县住建局 | 已建成2个。 |",
        "|",
        "2 | 新增学位800个。 | 县教育局 | 已新增600个。 |",
        "|",
        "3 | 改造道路5公里。 | 县交通局 | 已完工。 |",
    ]
)

CASES = [
    # (page, layout, confidence, words that must be among the reasons, runner-up layouts)
    (CLEAN_PIPE, "pipe", "high", ["3 of 3 columns", "3 rows found by their serials"], ()),
    (WEAK_HEADER, "pipe", "low", ["1 of 4 columns"], ()),
    (TWO_READINGS, "pipe-cells", "medium", ["2 rows found by their serials"], ("pipe",)),
    (BARS_BETWEEN_ROWS, "pipe", "high", ["3 rows found by their serials"], ()),
]


@pytest.mark.parametrize(("page", "layout", "level", "words", "alternatives"), CASES)
def test_inference_statement(page, layout, level, words, alternatives):
    doc = read_document(page.encode(), name="t.txt")
    inf = doc.inference
    assert inf is not None
    assert (inf.layout, inf.confidence, inf.alternatives) == (layout, level, alternatives)
    said = "; ".join(inf.reasons)
    for w in words:
        assert w in said, said
    close = [w.message for w in doc.warnings if "also looks like" in w.message]
    # a close second reading is always warned about, naming it; otherwise never
    assert bool(close) == bool(alternatives)
    if alternatives:
        assert alternatives[0] in close[0]


def test_inference_stays_out_of_the_json_contract():
    doc = read_document(CLEAN_PIPE.encode(), name="t.txt")
    assert set(doc.to_dict()) == {"meta", "columns", "tasks", "warnings"}


def test_rows_without_serials_lower_confidence():
    page = "\n".join(
        [
            "重点任务 | 责任单位 | 推进情况 |",
            "建成公园3个。 | 县住建局 | 已建成2个。 |",
            "新增学位800个。 | 县教育局 | 已新增600个。 |",
            "改造道路5公里。 | 县交通局 | 已完工。 |",
        ]
    )
    doc = read_document(page.encode(), name="t.txt")
    assert doc.inference.confidence != "high"
    assert any("by their shape" in r for r in doc.inference.reasons)


def test_second_reading_gives_the_rows():
    doc = read_document(TWO_READINGS.encode(), name="t.txt")
    assert [(t.serial, t.text, t.units) for t in doc.tasks] == [
        ("1", "建成公园3个。", ["县住建局"]),
        ("2", "新增学位800个。", ["县教育局"]),
    ]
    assert any("read as pipe-cells" in w.message for w in doc.warnings)


def test_a_reader_s_own_doubt_lowers_the_confidence():
    # pipe rows with no header row (an excerpt starting mid-table): columns inferred
    page = "\n".join(
        [
            "3 | 公园建设行动。新建城市公园3个,口袋公园10个。 | 县住建局 | 截至6月底,已建成2个。 |",
            "4 | 学位扩容行动。新增公办学位800个以上。 | 县教育局 | 已新增学位600个。 |",
        ]
    )
    doc = read_document(page.encode(), name="t.txt")
    assert doc.inference.confidence != "high"
    assert any("inferred from the cells" in r for r in doc.inference.reasons)


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        # serials jumping: rows may have been cut or merged
        (
            ["1 | 建成公园3个。 | 县住建局 | 已建成2个。 |", "5 | 新增学位。 | 县教育局 | 已新增。 |",
             "6 | 改造道路。 | 县交通局 | 已完工。 |"],
            "serials out of order or repeated at 1 row(s)",
        ),
        # the unit column empty in most rows: its cells are elsewhere
        (
            ["1 | 建成公园3个。 | | 已建成2个。 |", "2 | 新增学位。 | | 已新增。 |",
             "3 | 改造道路。 | 县交通局 | 已完工。 |"],
            "column 责任单位 empty in 2 of 3 rows",
        ),
    ],
)
def test_irregular_rows_lower_the_confidence(rows, reason):
    page = "\n".join(["序号 | 重点任务 | 责任单位 | 推进情况 |", *rows, ""])
    doc = read_document(page.encode(), name="t.txt")
    assert doc.inference.confidence != "high"
    assert reason in doc.inference.reasons


def test_the_seeds_read_with_high_confidence(doc000, doc004):
    for doc in (doc000, doc004):
        assert doc.inference.confidence == "high", doc.inference.reasons
