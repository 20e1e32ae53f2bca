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


def test_a_later_sub_row_may_lack_a_middle_cell_spanned_from_above():
    """The problems cell of the first sub-row spans the others: the second sub-row is heading,
    done, next — its plan line goes to next, not into done."""
    task = "建设东区公园和西区广场。"
    paras = [
        "建设东区公园。",
        "已完成设计。",
        "——",
        "继续推进施工。",
        "建设西区广场。",
        "已完成招标。",
        "继续做好开工准备。",
    ]
    assert cells(paras, task) == [
        ("建设东区公园。", [["已完成设计。"], ["——"], ["继续推进施工。"]]),
        ("建设西区广场。", [["已完成招标。"], [], ["继续做好开工准备。"]]),
    ]


UNMARKED = [
    (  # no "——": the numbered plan list opens next, problems is missing
        ["已完成项目立项。", "1.继续推进建设。", "2.力争年底前开工。"],
        [["已完成项目立项。"], [], ["1.继续推进建设。", "2.力争年底前开工。"]],
    ),
    (  # two paragraphs: done and a plan, problems missing (not: the plan read as problems)
        ["截至9月底已完成投资2亿元。", "下一步将继续加快施工进度,力争年底前完工。"],
        [["截至9月底已完成投资2亿元。"], [], ["下一步将继续加快施工进度,力争年底前完工。"]],
    ),
    (  # a difficulty then nothing: next missing
        ["截至9月底已完成投资2亿元。", "征地拆迁难度较大,进度缓慢。"],
        [["截至9月底已完成投资2亿元。"], ["征地拆迁难度较大,进度缓慢。"], []],
    ),
]


@pytest.mark.parametrize(("paras", "expected"), UNMARKED)
def test_an_empty_cell_without_a_mark(paras, expected):
    assert cells(paras) == [(None, expected)]


def test_an_unmarked_empty_cell_is_unlikely_where_the_table_marks_them():
    """Mixed wording ("…难,需要进一步加大…") is a problems cell in a table that writes "——" for
    its empty cells; only where empty cells go unmarked can wording make it a missing cell."""
    paras = [
        "1.已完成规划编制。",
        "2.已召开推进会。",
        "项目招引难,需要进一步加大招商力度,继续推进。",
    ]
    paras += ["1.继续推进项目招商。", "2.做好年度考核。"]
    marked = segment(paras, ROLES, marked_empties=True)
    assert [it.cells for it in marked] == [((0, 2), (2, 3), (3, 5))]
    unmarked = segment(paras, ROLES)
    assert [it.cells for it in unmarked] == [((0, 2), (2, 2), (2, 5))]


def test_a_period_counted_from_january_reads_as_done():
    from luoshi.ingest.text.cues import cue_score

    assert cue_score(R.DONE, "1—9月份,菜篮子价格涨幅全省最低。") > 1.0
    assert cue_score(R.DONE, "1-8月,全市新增企业20家。") > 1.0
    assert cue_score(R.DONE, "11-12月份组织专项检查。") == 0.0  # a later period, not to date


def test_a_cue_inside_a_longer_word_is_not_that_cue():
    """In "项目前期" (项目 + 前期) there is no "目前" (at present): a later sub-row's difficulty caused by
    a project's preliminary stage stays its problems cell instead of running on the done cell
    (the missing problems cell would be read as spanned from the sub-row above)."""
    from luoshi.ingest.text.cues import cue_score

    assert cue_score(R.DONE, "受项目前期手续影响,工期推迟。") == 0.0
    assert cue_score(R.DONE, "项目目前已开工。") > 0.0  # 项目 + 目前: the cue is there
    task = "建成北湖泵站、南湖泵站。"
    paras = [
        "北湖泵站。",
        "已完成主体工程。",
        "受项目前期手续影响,完成时间推迟。",
        "加快设备安装。",
        "南湖泵站。",
        "已完成基坑开挖。",
        "受项目前期手续影响,完成时间推迟。",
        "加快主体施工。",
    ]
    assert cells(paras, task) == [
        (
            "北湖泵站。",
            [["已完成主体工程。"], ["受项目前期手续影响,完成时间推迟。"], ["加快设备安装。"]],
        ),
        (
            "南湖泵站。",
            [["已完成基坑开挖。"], ["受项目前期手续影响,完成时间推迟。"], ["加快主体施工。"]],
        ),
    ]


def test_wording_scores_of_a_row_in_one_pass_are_those_of_each_paragraph():
    """The segmenter scores a row's paragraphs at once (each body searched for its first cue,
    scanned on only when it holds one); each score must be exactly the one the paragraph gets
    alone — cues at a paragraph's start, after a list number (1. （2） ③ 二、 or white space
    first), several in one paragraph, a first cue after the sixth character (not doubled), a
    period from January, none at all; and a cue whose look-behind would be ruled out by the
    end of the paragraph before it (项 | 目前, 2 | 1-8月) if the paragraphs ran together."""
    from luoshi.ingest.text.cues import cue_score, cue_scores

    paras = [
        "1.已完成立项,累计投资3亿元。",
        "1-8月完成产值2亿元,同比增长5%。",
        "受项目前期手续影响,进度缓慢,仍有困难。",
        "",
        "下一步将继续加快施工,力争年底前完工。",
        "11-12月份组织检查。",
        "（2）目前已开工。",
        "涉及重点项",
        "目前已开工。",
        "二期工程2",
        "1-8月完成产值2亿元。",
        "③继续推进。",
        "二、尚未完成验收。",
        " 已完成招标。",
        "本季度园区道路工程已完成,累计投资1亿元。",
        "目前已开工\0继续施工。",
    ]
    roles = [R.DONE, R.PROBLEMS, R.NEXT_STEPS, R.TASK]
    got = cue_scores(roles, paras)
    assert got == [[cue_score(role, p) for p in paras] for role in roles]
    assert got[0][0] > 0 and got[1][2] > 0 and got[2][4] > 0 and got[3] == [0.0] * len(paras)


def test_below_expectation_reads_as_a_problem():
    """低于预期 (below expectation) is the register of difficulties, though the sentence also
    says 完成情况: the generated plans (benchmarks/parse.py) lost such problem cells to done."""
    from luoshi.export import write_document
    from luoshi.ingest import read_document
    from luoshi.sample import generate_plan

    docs = generate_plan(0, "安澜市", 2018, 150, layout="six")
    wrote = [t for doc in docs for t in doc.tasks]
    back = [t for doc in docs for t in read_document(write_document(doc, "text")).tasks]
    lost = [a.serial for a, b in zip(wrote, back, strict=True) if a.to_dict() != b.to_dict()]
    assert any("低于预期" in i.problems for t in wrote for i in t.items)
    assert lost == []
