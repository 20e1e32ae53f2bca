"""Serial columns of any shape (made-up tables): a serial word qualified by what a row is
(指标序号, 项目编号), serials that count on from any number with gaps of any size (a selection of
a report's numbered tasks), and one row carrying two serials (36,37 / 36、37)."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import header_role
from luoshi.ingest.model import Column
from luoshi.ingest.text.rows import Para, split_numbered
from luoshi.vocab import ColumnRole as R


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("指标序号", R.SERIAL),
        ("项目序号", R.SERIAL),
        ("任务编号", R.SERIAL),
        ("項目編號", R.SERIAL),  # traditional
        ("序号", R.SERIAL),
        ("类别序号", R.OTHER),  # two headers glued (类别 | 序号), split by the glued reader
        ("序", R.OTHER),
    ],
)
def test_a_serial_word_qualified_by_what_a_row_is_names_the_serial_column(header, role):
    assert header_role(header, False) is role


def _columns() -> list[Column]:
    return [
        Column("序号", R.SERIAL), Column("项目", R.TASK), Column("责任单位", R.UNITS),
        Column("进展", R.DONE),
    ]


def _split(texts: list[str]) -> tuple[list[str], list[str]]:
    warnings: list = []
    rows, lead = split_numbered(
        [Para(i, t) for i, t in enumerate(texts, 1)], _columns(), set(), warnings, ""
    )
    assert not lead
    return [r.serial for r in rows], [m for _, m in warnings]


def _row(serial: str, n: int) -> list[str]:
    return [serial, f"修建第{n}条道路", "县交通局", f"完成路基{n}公里"]


@pytest.mark.parametrize(
    ("serials", "expected"),
    [
        # a selection: counts on from 22, gaps of 2, 6 and 3
        (["22", "24", "30", "33"], ["22", "24", "30", "33"]),
        # one row for two tasks, written with a comma or 、; the next row counts on from 37
        (["35", "36,37", "38"], ["35", "36,37", "38"]),
        (["35", "36、37", "45"], ["35", "36、37", "45"]),
        (["1", "2 , 3", "4"], ["1", "2,3", "4"]),
        # the usual table stays as it was
        (["1", "2", "3"], ["1", "2", "3"]),
    ],
)
def test_serials_count_on_from_any_number_with_gaps_of_any_size(serials, expected):
    texts = [t for n, s in enumerate(serials) for t in _row(s, n)]
    got, warnings = _split(texts)
    assert got == expected
    if expected[0] != "1":
        assert any("first row's serial" in m for m in warnings)
    if any("," in s or "、" in s for s in expected):
        assert any("carries two serials" in m for m in warnings)
    if expected == ["22", "24", "30", "33"]:  # one cause, one warning naming every gap
        gaps = [m for m in warnings if "jump" in m or "not consecutive" in m]
        assert len(gaps) == 1 and "24→30" in gaps[0]


@pytest.mark.parametrize(
    "middle",
    [
        # a figure alone in the row's last cell: the row above is not complete yet, stays a cell
        ["1", "修建道路", "县交通局", "23000", "完成路基", "2", "修建桥梁", "县交通局", "完成"],
        # a figure where the next serial would stand, but the table's own next serial (2)
        # follows it: a cell that ran over two paragraphs, not a row
        ["1", "修建道路", "县交通局", "完成", "23000", "备注", "2", "修建桥梁", "县交通局", "完成"],
        # 12,500 is a figure, not the serials 12 and 500
        ["1", "修建道路", "县交通局", "完成", "12,500", "备注", "2", "修建桥梁", "县交通局", "完成"],
    ],
)
def test_a_number_inside_a_cell_is_no_row(middle):
    got, _ = _split(middle)
    assert got == ["1", "2"]


def test_a_selected_table_under_a_qualified_serial_header_reads_whole():
    text = "\n\n".join(
        [
            "某县2023年民生实事进展情况表", "指标序号", "项目名称", "责任单位", "进展情况",
            *_row("22", 1), *_row("30", 2), *_row("36,37", 3), *_row("41", 4),
        ]
    )
    doc = read_document(text.encode(), name="t.txt")
    assert [str(c.role) for c in doc.columns] == ["serial", "task", "units", "done"]
    assert [t.serial for t in doc.tasks] == ["22", "30", "36,37", "41"]
    assert [t.units for t in doc.tasks][2] == ["县交通局"]


_TABLE = [
    ("指标序号", "项目名称", "责任单位", "进展情况"),
    ("22", "新建城市公园两座", "县住建局", "已完成主体工程"),
    ("24", "改造老旧小区三个", "县住建局", "完成改造两个"),
    ("30", "新增停车位五百个", "县交通局", "已新增三百个"),
    ("36,37", "新建幼儿园两座", "县教育局", "一座已开工"),
    ("41", "新建公厕十座", "县城管局", "已建成八座"),
]


@pytest.mark.parametrize(
    ("layout", "line", "joiner"),
    [
        ("cells per line", lambda r: "\n\n".join(r), "\n\n"),
        ("pipe rows", lambda r: " | ".join(r) + " |", "\n"),
        ("pipe cells", lambda r: "\n".join(c + " |" for c in r), "\n"),
        ("space rows", " ".join, "\n"),
    ],
)
def test_selected_and_joined_serials_in_every_text_layout(layout, line, joiner):
    text = "某县2023年民生实事进展情况表\n\n" + joiner.join(line(r) for r in _TABLE) + "\n"
    doc = read_document(text.encode(), name="t.txt")
    assert [t.serial for t in doc.tasks] == [r[0] for r in _TABLE[1:]], layout
    assert [t.units for t in doc.tasks] == [[r[2]] for r in _TABLE[1:]], layout
    # the warnings say the serials skip, never that the table has none
    assert not any("no serial" in w.message for w in doc.warnings), layout
