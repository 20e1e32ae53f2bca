"""The segmenter on small rows written for the purpose: each case is one clue at work."""

import pytest

from luoshi.ingest.text.segment import heading_echo, segment
from luoshi.vocab import ColumnRole as R

ROLES = [R.DONE, R.PROBLEMS, R.NEXT_STEPS]


def cells(paras, task=""):
    return [
        (None if it.heading is None else paras[it.heading], [paras[a:b] for a, b in it.cells])
        for it in segment(paras, ROLES, task)
    ]


CASES = [
    (  # numbering restarting at 1. opens the next cell
        ["1.完成设计。", "2.启动招标。", "1.资金紧张。", "1.加快施工。", "2.做好验收。"],
        [["1.完成设计。", "2.启动招标。"], ["1.资金紧张。"], ["1.加快施工。", "2.做好验收。"]],
    ),
    (  # "——" is a whole (empty) cell
        ["已完成项目立项。", "累计投资3亿元。", "——", "继续推进建设。"],
        [["已完成项目立项。", "累计投资3亿元。"], ["——"], ["继续推进建设。"]],
    ),
    (  # wording: a difficulty, then plans, with no numbers at all
        [
            "截至9月底已完成投资2亿元。",
            "征地拆迁难度较大,进度缓慢。",
            "下一步将加快征地进度。",
            "力争年底前开工。",
        ],
        [
            ["截至9月底已完成投资2亿元。"],
            ["征地拆迁难度较大,进度缓慢。"],
            ["下一步将加快征地进度。", "力争年底前开工。"],
        ],
    ),
    (  # an unnumbered lead-in before a numbered list stays in the cell
        ["全市扎实推进各项工作。", "1.出台实施方案。", "2.召开推进会。", "——", "1.继续推进。"],
        [
            ["全市扎实推进各项工作。", "1.出台实施方案。", "2.召开推进会。"],
            ["——"],
            ["1.继续推进。"],
        ],
    ),
]


@pytest.mark.parametrize(("paras", "expected"), CASES)
def test_plain_rows(paras, expected):
    assert cells(paras) == [(None, expected)]


def test_sub_rows_opened_by_headings_echoing_the_task():
    task = "建设东区公园和西区广场。"
    paras = [
        "建设东区公园。",
        "已完成设计。",
        "——",
        "加快施工。",
        "建设西区广场。",
        "完成招标。",
        "资金不足。",
        "争取上级资金。",
    ]
    assert cells(paras, task) == [
        ("建设东区公园。", [["已完成设计。"], ["——"], ["加快施工。"]]),
        ("建设西区广场。", [["完成招标。"], ["资金不足。"], ["争取上级资金。"]]),
    ]


def test_one_heading_like_line_does_not_make_sub_rows():
    task = "建设东区公园。"
    paras = ["建设东区公园。", "已完成设计。", "——", "加快施工。"]
    assert cells(paras, task) == [
        (None, [["建设东区公园。", "已完成设计。"], ["——"], ["加快施工。"]])
    ]


def test_later_sub_rows_may_hold_only_their_first_cell():
    task = "改造东街、西街、南街三条步行街。"
    paras = [
        "东街。",
        "完成改造。",
        "——",
        "继续招商。",
        "西街。",
        "完成设计。",
        "南街。",
        "开工建设。",
    ]
    assert cells(paras, task) == [
        ("东街。", [["完成改造。"], ["——"], ["继续招商。"]]),
        ("西街。", [["完成设计。"], [], []]),
        ("南街。", [["开工建设。"], [], []]),
    ]


def test_cut_off_row_fills_first_cells():
    assert cells(["已完成。"]) == [(None, [["已完成。"], [], []])]


def test_heading_echo():
    assert heading_echo("舟山大脑建成应用。", "加快政府数字化转型,舟山大脑建成应用。") == 1.0
    assert heading_echo("完全无关的句子", "建设公园") == 0.0


def test_one_progress_column_may_have_sub_rows():
    task = "建设东区公园和西区广场。"
    paras = ["建设东区公园。", "已完成设计。", "建设西区广场。", "完成招标。"]
    got = [
        (paras[it.heading], [paras[a:b] for a, b in it.cells])
        for it in segment(paras, [R.DONE], task)
    ]
    assert got == [("建设东区公园。", [["已完成设计。"]]), ("建设西区广场。", [["完成招标。"]])]


def test_a_line_ending_in_a_colon_labels_text_in_the_same_cell():
    task = "开工建设东区公园,基本建成西区广场。"
    paras = ["东区公园:", "完成土石方工程。", "西区广场:", "主体已完工。"]
    assert [(it.heading, it.cells) for it in segment(paras, [R.DONE], task)] == [(None, ((0, 4),))]
