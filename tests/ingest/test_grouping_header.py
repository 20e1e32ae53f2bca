"""GROUPING HEADER (headerwords.ungroup_header): a two-level header flattened to one run of
words names one word more than the rows have cells; a top word spans the sub-words ending the
header and has no cells of its own. Made-up headers and tables."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headerwords import ungroup_header

SUBS = ["已完成工作", "存在问题", "下步打算"]


@pytest.mark.parametrize(
    ("words", "width", "expected"),
    [
        # the top word right before its sub-words
        (
            ["序号", "重点任务", "责任单位", "推进情况", *SUBS], 6,
            ["序号", "重点任务", "责任单位", "推进情况·已完成工作", "推进情况·存在问题",
             "推进情况·下步打算"],
        ),
        # the top word among the top line's words, its sub-words written after that line
        (
            ["序号", "重点任务", "推进情况", "责任单位", "已完成工作", "存在问题"], 5,
            ["序号", "重点任务", "推进情况·已完成工作", "推进情况·存在问题", "责任单位"],
        ),
        # rows as wide as the header: no top word
        (["序号", "重点任务", "责任单位", "推进情况", *SUBS], 7, None),
        # 进展情况 beside 存在问题 / 下步计划 is the progress column: a short row left a cell out
        (["序号", "重点任务", "责任单位", "进展情况", "存在问题", "下步计划"], 5, None),
    ],
)
def test_a_top_word_spans_the_sub_words_ending_the_header(words, width, expected):
    got = ungroup_header(words, width)
    assert (got[0] if got else None) == expected
    if got:
        assert "two-level header" in got[1]


ROWS = [
    ("1", "新建城市公园两座", "县住建局", "已完成主体工程", "资金不足", "加快推进"),
    ("2", "改造老旧小区三个", "县住建局", "完成改造两个", "无", "年底完成"),
    ("3", "新增停车位五百个", "县交通局", "已新增三百个", "选址难", "协调用地"),
]
HEADER = ["序号", "重点任务", "责任单位", "推进情况", *SUBS]


@pytest.mark.parametrize(
    ("layout", "joiner", "cell"),
    [("cells per line", "\n\n", "{}"), ("pipe cells", "\n", "{} |"), ("space rows", None, "")],
)
def test_a_flattened_grouping_header_reads_the_sub_columns(layout, joiner, cell):
    cells = [*HEADER, *(c for r in ROWS for c in r)]
    if joiner is None:  # one line per header line and per row, cells parted by spaces
        lines = [" ".join(HEADER[:4]), " ".join(SUBS), *(" ".join(r) for r in ROWS)]
        text = "某县2023年重点工作进展情况表\n\n" + "\n".join(lines) + "\n"
    else:
        text = "某县2023年重点工作进展情况表\n\n" + joiner.join(map(cell.format, cells)) + "\n"
    doc = read_document(text.encode(), name="t.txt")
    assert [str(c.role) for c in doc.columns] == [
        "serial", "task", "units", "done", "problems", "next_steps"
    ], layout
    assert [t.items[0].done for t in doc.tasks] == [r[3] for r in ROWS]
    assert [t.items[0].problems for t in doc.tasks] == [r[4] for r in ROWS]
    assert any("two-level header" in w.message for w in doc.warnings)
