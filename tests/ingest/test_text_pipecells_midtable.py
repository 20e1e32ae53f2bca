"""Pipe-cells tables read from the middle, and rows one cell short (issue 9, fresh6 causes 1
and 2), on made-up pages: a page may start mid-table (serials 24, 25, …), and a row that
leaves out one cell (a merged 全年目标任务) is aligned by what its cells look like — a bare
name goes to the person column, a yes/no answer to the status column."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import header_roles
from luoshi.ingest.text.align import align

HEADER = [
    "序号 |",
    "主要任务 |",
    "全年目标任务 |",
    "分管领导 |",
    "牵头单位 |",
    "进展情况 |",
    "是否达序 |",
]


def _row(serial: str, task: str, name: str, unit: str, done: str, yes: str) -> list[str]:
    # the 全年目标任务 cell is left out: one cell short of the header
    return [f"{serial} |", f"{task} |", f"{name} |", f"{unit} |", f"{done} |", f"{yes} |", "|"]


MIDTABLE = [
    "2031年安澜区民生实事推进情况(1-10月)",
    *HEADER,
    *_row("24", "新修道路5条。", "王立新", "区建设局", "已完成3条。", "是"),
    *_row("25", "新增停车位300个。", "王立新", "区城管局", "新增120个,招标推迟。", "否"),
    *_row("26", "改造公厕10座。", "李春", "区城管局", "已改造9座。", "是"),
]


def test_a_table_starting_mid_list_is_read_by_its_serials():
    doc = read_document("\n".join(MIDTABLE).encode(), name="mid.txt")
    assert [t.serial for t in doc.tasks] == ["24", "25", "26"]
    assert any("rows found by their serials" in w.message for w in doc.warnings)


def test_a_row_one_cell_short_puts_the_name_and_the_answer_where_they_belong():
    doc = read_document("\n".join(MIDTABLE).encode(), name="mid.txt")
    roles = [str(c.role) for c in doc.columns]
    t = doc.tasks[1]
    extra = dict(t.extra)
    assert extra["分管领导"] == "王立新" and extra["全年目标任务"] == ""
    assert extra["是否达序"] == "否", (roles, extra)
    assert t.items[0].done == "新增120个,招标推迟。"
    assert t.units == ["区城管局"]


def test_serials_that_do_not_count_on_are_a_selection_cut_by_width():
    page = [
        "序号 |",
        "主要任务 |",
        "牵头单位 |",
        "落实情况 |",
        "145 |",
        "整治背街小巷。 |",
        "区城管局 |",
        "已整治12条。 |",
        "249 |",
        "新建书屋5个。 |",
        "区文旅局 |",
        "已建成2个。 |",
    ]
    doc = read_document("\n".join(page).encode(), name="sel.txt")
    assert [t.serial for t in doc.tasks] == ["145", "249"]


W = ["序号", "主要任务", "全年目标任务", "分管领导", "进展情况", "是否达序"]


@pytest.mark.parametrize(
    ("pieces", "want"),
    [
        # the target cell left out: the name is the leader's, 是 the status column's
        (["1", "修路3公里。", "张明", "已完成2公里。", "是"], {3: "张明", 5: "是", 2: ""}),
        (["2", "建公园。", "赵一", "已开工。", "否"], {3: "赵一", 5: "否", 2: ""}),
        # a status word is no name: 已完成 stays progress when the leader cell is empty
        (["3", "建书屋。", "目标2个", "", "已完成", "是"], {4: "已完成", 3: "", 5: "是"}),
    ],
)
def test_align_by_content(pieces, want):
    taken = align(pieces, header_roles(W))
    got = {c: "".join(pieces[i] for i in taken[c]) for c in want}
    assert got == want
