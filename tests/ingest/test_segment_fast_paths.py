"""The segmenter's shortcuts (parse speed) give the answer of its general path: both dynamic
programmes over every paragraph's scores, the better split winning. Made-up rows cover each
shortcut's branch: as many blocks (empty marks, runs between them) as columns, more, fewer,
with and without sub-rows to try, one column and several."""

from __future__ import annotations

import itertools

import pytest

from luoshi.ingest.text import segment as sg
from luoshi.vocab import ColumnRole as R

ROLES = [
    [R.DONE, R.PROBLEMS, R.NEXT_STEPS],
    [R.DONE],
    [R.DONE, R.NEXT_STEPS],
    [R.TARGET, R.DONE, R.PROBLEMS, R.NEXT_STEPS],
]
TASK = "建设东区公园和西区广场。"
PIECES = [
    "1.完成设计。",
    "2.启动招标。",
    "——",
    "/",
    "建设东区公园。",
    "征地拆迁难度较大,进度缓慢。",
    "下一步将加快征地进度。",
    "",
]


def _general(paras, roles, task, marked):
    """segment() without shortcuts: the scorer, the plain split, sub-rows when the first
    paragraph can head one, the fallback when nothing fits."""
    k, n = len(roles), len(paras)
    if n == 0:
        return [sg.SegItem(None, ((0, 0),) * k)]
    sc = sg._Scorer(paras, roles, task)
    missing = sg.MISSING_COST_MARKED if marked else sg.MISSING_COST
    plain_score, plain_cells = sg._plain(sc, k, 0, missing)
    sub_score, sub_items = sg.NEG, []
    if n >= k + 3 and sc.head[0] != sg.NEG:
        sub_score, sub_items = sg._subrows(sc, k, missing)
    if sub_score > plain_score:
        return sub_items
    if plain_score == sg.NEG:
        return [sg.SegItem(None, (*((r, r + 1) for r in range(k - 1)), (k - 1, n)))]
    return [sg.SegItem(None, tuple(plain_cells))]


def _rows():
    # every row of up to four pieces, and longer ones built from them (sub-row shapes)
    for n in range(5):
        yield from itertools.product(PIECES, repeat=n)
    yield [
        "建设东区公园。", "已完成设计。", "——", "继续推进。",
        "建设西区广场。", "已开工。", "——", "——",
    ]
    yield ["建设东区公园。", "1.完成设计。", "——", "1.继续推进。", "——", "/", "2.做好验收。"]


@pytest.mark.parametrize("marked", [False, True])
def test_segment_gives_the_general_answer(marked):
    checked = 0
    for paras in _rows():
        for roles in ROLES:
            paras = list(paras)
            assert sg.segment(paras, roles, TASK, marked_empties=marked) == _general(
                paras, roles, TASK, marked
            ), (paras, roles)
            checked += 1
    assert checked > 18000


@pytest.mark.parametrize(
    ("empty", "blocks"),
    [
        ([], []),
        ([False, False], [(0, 2)]),
        ([True], [(0, 1)]),
        ([False, True, False, False], [(0, 1), (1, 2), (2, 4)]),
        ([True, True, False], [(0, 1), (1, 2), (2, 3)]),
        ([False, True], [(0, 1), (1, 2)]),
    ],
)
def test_blocks_are_each_mark_and_each_run_between_marks(empty, blocks):
    assert sg._blocks(empty) == blocks


# Rows split into sub-rows under headings echoing the task, with wording cues and lists of
# their own (made-up): the sub-rows win, and the plain split is skipped where it cannot.
SUBROW_TASK = "推进东区公园和西区广场建设,完善配套设施。"
SUBROW_ROWS = [
    ["东区公园", "1.完成设计。", "2.启动招标。", "——", "下一步将加快施工。",
     "西区广场", "已开工建设。", "资金到位较慢。", "继续推进。"],
    ["东区公园建设", "已完成土方。", "征地拆迁难度较大。", "加快征地进度。",
     "西区广场建设", "1.完成设计。", "2.启动招标。", "——", "——",
     "配套设施", "管网已铺设。", "——", "力争年底完工。"],
    ["东区公园", "推进中。", "西区广场", "已完工。", "配套设施", "已验收。"],
]


@pytest.mark.parametrize("marked", [False, True])
@pytest.mark.parametrize("paras", SUBROW_ROWS + [list(p) for p in _rows() if len(p) >= 4][:400])
def test_the_plain_bound_is_never_below_the_plain_split(paras, marked):
    for roles in ROLES:
        sc = sg._Scorer(paras, roles, SUBROW_TASK if paras in SUBROW_ROWS else TASK)
        missing = sg.MISSING_COST_MARKED if marked else sg.MISSING_COST
        plain_score, _ = sg._plain(sc, len(roles), 0, missing)
        assert plain_score <= sg._plain_bound(sc, len(roles)), (paras, roles)


def test_sub_rows_that_beat_the_plain_bound_are_the_general_answer():
    skipped = 0
    for paras in SUBROW_ROWS:
        for roles in ROLES:
            k = len(roles)
            got = sg.segment(paras, roles, SUBROW_TASK)
            assert got == _general(paras, roles, SUBROW_TASK, False), (paras, roles)
            sc = sg._Scorer(paras, roles, SUBROW_TASK)
            sub_score = sg._subrows(sc, k, sg.MISSING_COST)[0] if sc.head[0] != sg.NEG else sg.NEG
            if sub_score != sg.NEG and sg._plain_bound(sc, k) < sub_score - sg._BOUND_MARGIN:
                skipped += 1
    assert skipped  # the shortcut is taken on some of them
