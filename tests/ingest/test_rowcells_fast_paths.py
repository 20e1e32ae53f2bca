"""The row-cell shortcuts (parse speed) give the answer of the general code they stand in for."""

from __future__ import annotations

import itertools

import pytest

from luoshi.ingest.cells import EMPTY_MARKS
from luoshi.ingest.text import rowcells as rc
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import CLOSING, looks_like_units


@pytest.mark.parametrize("mark", sorted(EMPTY_MARKS))
def test_no_empty_mark_is_a_unit_list(mark):
    # the premise of _unit_sub_rows' shortcut: a mark alone, spaced out or not, is no unit cell
    for text in (mark, " ".join(mark), f" {mark} "):
        assert not looks_like_units(text)


def _general(middle):
    """_unit_sub_rows trying every short paragraph that ends no sentence, marks too."""
    texts = [p.text for p in middle]
    cuts = []
    for j in range(1, len(texts) - 1):
        if not texts[j] or len(texts[j]) > rc._UNIT_LINE_MAX or texts[j][-1] in rc._NO_UNIT_END:
            continue
        if (cuts and j < cuts[-1][1] + 1) or not rc._is_progress(texts[j - 1]):
            continue
        take = rc._unit_span(middle, j, min(len(middle) - 1, j + rc._MAX_UNIT_LINES))
        joined = "".join(texts[j : j + take])
        if (
            len(joined) <= rc._UNIT_LINE_MAX
            and looks_like_units(joined)
            and not CLOSING.search(joined)
            and j + take < len(middle)
            and rc._is_progress(texts[j + take])
        ):
            cuts.append((j, j + take))
    return cuts


PIECES = [
    "已完成道路施工图设计,正在开展招标工作。",
    "——",
    "— —",
    "/",
    "(市国资委)",
    "(市国资委、",
    "市财政局",
    "市住建局、",
    "区科技局",
    "城东街道办事处",
    "继续加快施工进度,确保年底前完工。",
]


def test_unit_sub_rows_give_the_general_answer():
    found = 0
    for n in range(2, 5):
        for texts in itertools.product(PIECES, repeat=n):
            middle = [Para(i + 1, t) for i, t in enumerate(texts)]
            cuts = rc._unit_sub_rows(middle, list(texts))
            assert cuts == _general(middle), texts
            found += bool(cuts)
    assert found > 100  # rows with unit cells inside, marks before and after them


@pytest.mark.parametrize("label", ["合计", "小 计", "合  计", " 总 计 ：", "共计\u3000"])
def test_a_total_row_written_with_spaces_is_still_found(label):
    # split_numbered looks one by one only at paragraphs that may be a serial or a total
    # label; a label spaced out to more than three characters must stay among them
    from luoshi.ingest.model import Column
    from luoshi.ingest.text.rows import split_numbered
    from luoshi.vocab import ColumnRole as R

    columns = [
        Column("序号", R.SERIAL), Column("任务", R.TASK), Column("责任单位", R.UNITS),
        Column("完成情况", R.DONE),
    ]
    texts = ["1", "修建道路。", "区交通局", "累计完成投资2亿元。", label, "100万元", "——"]
    warnings: list = []
    rows, lead = split_numbered(
        [Para(i, t) for i, t in enumerate(texts, 1)], columns, set(), warnings, ""
    )
    assert [p.text for p in rows[0].paras] == texts[1:4] and not lead
    assert any("a total row" in message for _, message in warnings)


def _columns_six():
    from luoshi.ingest.model import Column
    from luoshi.vocab import ColumnRole as R

    return [
        Column("序号", R.SERIAL), Column("任务", R.TASK), Column("责任单位", R.UNITS),
        Column("完成情况", R.DONE), Column("存在问题", R.PROBLEMS), Column("下步计划", R.NEXT_STEPS),
    ]


def test_fixed_columns_follow_a_column_list_changed_in_place():
    # row_cells keeps the fixed columns of the table it last read; a list changed in place,
    # or a row with a column merged away, is worked out anew
    from luoshi.ingest.model import Column
    from luoshi.ingest.text.rows import Row
    from luoshi.vocab import ColumnRole as R

    columns = _columns_six()
    texts = ["修建道路。", "区交通局", "完成施工。", "——", "继续推进。"]
    row = Row("1", 1, [Para(i, t) for i, t in enumerate(texts, 1)])
    first = rc.row_cells(row, columns, [])
    assert first.fixed == {1: ["修建道路。"], 2: ["区交通局"]}
    run = rc.segmented_run(columns)
    assert rc._fixed_columns(columns, set(), run).task_cols == [1]
    columns[1] = Column("备注", R.OTHER)  # the same list, the same run: no task column now
    assert rc._fixed_columns(columns, set(), run).task_cols == []
    columns[0] = Column("类别", R.CATEGORY)  # no serial: a fixed column of its own
    assert rc._fixed_columns(columns, set(), run).before == [0, 1, 2]
    assert rc._fixed_columns(columns, {0}, run).before == [1, 2]  # merged away in this row
    assert rc.row_cells(row, columns, [], run=run).fixed == {0: ["修建道路。"], 1: ["区交通局"]}


@pytest.mark.parametrize(
    "lines, text",
    [(["——"], ""), ([" —— "], ""), (["— —"], ""), (["-"], ""), (["完成 施工"], "完成 施工"),
     (["  完成施工。 "], "完成施工。"), (["——", ""], ""), (["完成", "施工"], "完成\n施工")],
)
def test_build_task_cells_read_as_cell_text(lines, text):
    # build_task writes cell_text's one-paragraph case out: the same text, marks read as empty
    from luoshi.ingest.cells import cell_text
    from luoshi.ingest.layout import RowCells, build_task

    columns = _columns_six()
    row = RowCells("1", fixed={1: list(lines)}, items=[(None, {3: list(lines)})])
    task = build_task(row, columns, [])
    assert task.text == cell_text(lines) == text
    assert task.items[0].done == text


def _general_per_paragraph(paras, lo, take, spare):
    """UNIT PER PARAGRAPH asking the unit shape of every paragraph, sentences too."""
    while (
        spare - (take - 1) > 0
        and lo + take < len(paras)
        and looks_like_units(paras[lo + take - 1].text)
        and looks_like_units(paras[lo + take].text)
    ):
        take += 1
    return take


def test_unit_per_paragraph_gives_the_general_answer():
    pieces = [*PIECES, "市财政局;", "区科技局。", "市住建局 。", "", "城东街道办事处!"]
    taken = 0
    for texts in itertools.product(pieces, repeat=3):
        paras = [Para(i + 1, t) for i, t in enumerate(texts)]
        for spare in (0, 1, 2):
            got = rc._unit_per_paragraph(paras, 0, 1, spare)
            assert got == _general_per_paragraph(paras, 0, 1, spare), (texts, spare)
            taken += got > 1
    assert taken > 50  # rows whose unit cell goes on over the next paragraphs
