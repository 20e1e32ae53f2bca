"""Issue 9, SHORT ROW RULE (text/align.py) and CONTINUATION ROW RULE (text/spanrows.py): a row
with fewer cells than the header is aligned by content in every layout, its spanned cells
(序号, 牵头单位) carried down from the row above with one warning. Made-up tables."""

from __future__ import annotations

import io

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.text.spanrows import continuation_cuts
from luoshi.vocab import ColumnRole as R

TITLE = "青石县2031年重点工作进展情况表"
HEADER = ["序号", "牵头单位", "重点任务", "进展情况", "备注"]
# The second row shares the first's serial and 牵头单位 (merged cells): it gives its own only.
ROWS = [
    ["1", "县住建局", "新建城区停车位500个", "已建成停车位320个,其余正在施工。", "无"],
    ["", "", "新增公共充电桩200个", "已建成充电桩150个。", ""],
    ["2", "县教育局", "改造农村学校食堂10所", "已完成改造6所。", "无"],
    ["3", "县民政局", "提高城乡低保标准", "已于1月起提高到每月700元。", "无"],
]


def _own(row: list[str]) -> list[str]:
    return [c for c in row if c]


def _pipe_rows(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |"]
    lines += ["| " + " | ".join(_own(r)) + " |" for r in rows]
    return "\n".join([TITLE, *lines]) + "\n"


def _pipe_cells(header: list[str], rows: list[list[str]]) -> str:
    lines = [f"{c} |" for c in header] + [f"{c} |" for r in rows for c in _own(r)]
    return "\n".join([TITLE, *lines]) + "\n"


def _space_rows(header: list[str], rows: list[list[str]]) -> str:
    lines = ["  ".join(header)] + ["  ".join(_own(r)) for r in rows]
    return "\n".join([TITLE, *lines]) + "\n"


def _cells_per_line(header: list[str], rows: list[list[str]]) -> str:
    return "\n\n".join([TITLE, *header, *(c for r in rows for c in _own(r))]) + "\n"


def _html(header: list[str], rows: list[list[str]]) -> str:
    def tr(cells: list[str]) -> str:
        return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    body = "".join(tr(_own(r)) for r in rows)
    return f"<html><body><p>{TITLE}</p><table>{tr(header)}{body}</table></body></html>"


def _docx(header: list[str], rows: list[list[str]]) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(TITLE)
    table = d.add_table(rows=len(rows) + 1, cols=len(header))
    for r, row in enumerate([header, *rows]):
        own = _own(row)
        for c, text in enumerate(own):
            table.rows[r].cells[c].text = text
        tr = table.rows[r]._tr
        for tc in tr.tc_lst[len(own) :]:
            tr.remove(tc)  # a ragged row: fewer <w:tc> than the header
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _bar(header: list[str], rows: list[list[str]]) -> str:
    cells = [*header, *(c for r in rows for c in _own(r))]
    return TITLE + "\n\n" + "".join(f"{c}\n|\n" for c in cells)


LAYOUTS = [
    ("pipe rows", _pipe_rows, "p.txt"),
    ("bar", _bar, "p.txt"),
    ("pipe cells", _pipe_cells, "p.txt"),
    ("space rows", _space_rows, "p.txt"),
    ("cells per line", _cells_per_line, "p.txt"),
    ("html", _html, "p.html"),
    ("docx", _docx, "p.docx"),
]


@pytest.mark.parametrize(("label", "make", "name"), LAYOUTS, ids=[x[0] for x in LAYOUTS])
def test_a_row_sharing_the_serial_and_lead_unit_is_a_task_of_its_own(label, make, name):
    doc = _read(make(HEADER, ROWS), name)
    assert [t.serial for t in doc.tasks] == ["1", "1", "2", "3"], label
    assert [t.text for t in doc.tasks] == [r[2] for r in ROWS]
    assert [t.units for t in doc.tasks] == [["县住建局"], ["县住建局"], ["县教育局"], ["县民政局"]]
    assert doc.tasks[1].items[0].done == "已建成充电桩150个。"
    assert doc.tasks[0].items[0].done == ROWS[0][3]  # the first row keeps its own progress
    carried = [w.message for w in doc.warnings if "carried down" in w.message]
    assert len(carried) == 1 and "牵头单位" in carried[0]


def _read(page: str | bytes, name: str):
    return read_document(page if isinstance(page, bytes) else page.encode(), name=name)


# Rows 1 and 2 share 牵头单位 and 责任领导, written after the task (merged cells): row 2 gives
# its serial, task and last cell only. Each table: header, rows, the last column's cells.
AFTER_TASK = ["序号", "重点任务", "牵头单位", "责任领导"]
TASKS = [
    ["1", "新建城区停车位500个", "县住建局", "王明"],
    ["2", "新增公共充电桩200个", "", ""],
    ["3", "改造农村学校食堂10所", "县教育局", "李华"],
    ["4", "提高城乡低保标准", "县民政局", "赵强"],
]
LAST = {
    "进展情况": ["已建成停车位320个,其余正在施工。", "已建成充电桩150个。", "已完成改造6所。", "已提高到每月700元。"],
    "完成时限": ["12月底", "9月底", "6月底", "3月底"],
}


@pytest.mark.parametrize("last", list(LAST))
@pytest.mark.parametrize(("label", "make", "name"), LAYOUTS, ids=[x[0] for x in LAYOUTS])
def test_spanned_cells_after_the_task_are_carried_down(label, make, name, last):
    rows = [[*r, cell] for r, cell in zip(TASKS, LAST[last], strict=True)]
    doc = _read(make([*AFTER_TASK, last], rows), name)
    assert [t.serial for t in doc.tasks] == ["1", "2", "3", "4"], label
    assert [t.text for t in doc.tasks] == [r[1] for r in TASKS]
    assert doc.tasks[1].units == ["县住建局"]
    assert [t.extra["责任领导"] for t in doc.tasks] == ["王明", "王明", "李华", "赵强"]
    carried = [w.message for w in doc.warnings if "carried down" in w.message]
    assert len(carried) == 1 and "(2)" in carried[0]
    assert not any("cut off" in w.message for w in doc.warnings)


# Rows of a cells-per-line table with a share column and an empty 备注: four paragraphs for
# five cells, the share is the progress column's, not the 备注's.
SHARE_HEADER = ["序号", "牵头单位", "重点任务", "进展情况", "完成进度", "备注"]
SHARE_ROWS = [
    ["1", "县住建局", "新建城区停车位500个", "已建成停车位320个,其余正在施工。", "64%"],
    ["2", "县教育局", "改造农村学校食堂10所", "已完成改造6所,4所正在招标。", "60%"],
    ["3", "县卫健委", "建设乡镇卫生院发热门诊5个", "已建成3个,2个主体完工。", "90%"],
    ["开展家庭医生签约服务", "签约居民1.2万人,完成年度任务的80%。"],
    ["4", "县民政局", "提高城乡低保标准", "低保标准已于1月起提高到每月700元。", "100%"],
]


def _share_page(rows: list[list[str]]) -> bytes:
    return ("\n\n".join([TITLE, *SHARE_HEADER, *(c for r in rows for c in r)]) + "\n").encode()


def test_a_short_cells_per_line_row_leaves_its_remarks_empty():
    rows = [r for r in SHARE_ROWS if r[0] != "开展家庭医生签约服务"]
    doc = read_document(_share_page(rows), name="p.txt")
    assert [t.extra.get("完成进度") for t in doc.tasks] == ["64%", "60%", "90%", "100%"]
    assert all(not t.extra.get("备注") for t in doc.tasks)
    assert not any("cut off" in w.message for w in doc.warnings)


def test_a_cells_per_line_row_running_on_after_its_share_holds_a_second_row():
    doc = read_document(_share_page(SHARE_ROWS), name="p.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3", "3", "4"]
    second = doc.tasks[3]
    assert second.text == "开展家庭医生签约服务"
    assert second.units == ["县卫健委"]
    assert second.items[0].done == "签约居民1.2万人,完成年度任务的80%。"
    assert doc.tasks[2].extra["完成进度"] == "90%"
    note = next(w.message for w in doc.warnings if "run on after" in w.message)
    assert "序号/牵头单位" in note and "other reading" in note


# continuation_cuts: rows given as their cells after the serial (lead: one cell before the
# task). Expected: where each row's second row begins, or None.
CUTS = [
    # the first row ends with 无 like the others, then a text: a second row
    (
        [["甲局", "任务一", "进展一。", "无", "任务二是一段文字", "进展二。"],
         ["乙局", "任务三", "进展三。", "无"], ["丙局", "任务四", "进展四。", "无"]],
        [4, None, None],
    ),
    # rows of different lengths (a progress cell over two paragraphs) closing with a share:
    # still cut
    (
        [["甲局", "任务一", "进展一。", "90%", "任务二是一段文字", "进展二。"],
         ["乙局", "任务三", "进展三上。", "进展三下。", "80%"], ["丙局", "任务四", "进展四。", "70%"]],
        [4, None, None],
    ),
    # the same closing with 无: an empty mark inside a row may be a sub-item's empty cell, and
    # no length is most rows': no cut
    (
        [["甲局", "任务一", "进展一。", "无", "任务二是一段文字", "进展二。"],
         ["乙局", "任务三", "进展三上。", "进展三下。", "无"], ["丙局", "任务四", "进展四。", "无"]],
        [None, None, None],
    ),
    # most rows close with no short cell: no cut
    (
        [["甲局", "任务一", "进展一。", "无", "任务二是一段文字", "进展二。"],
         ["乙局", "任务三", "进展三。"], ["丙局", "任务四", "进展四。"]],
        [None, None, None],
    ),
    # the others close with 无, this one with a figure inside its progress: one row
    (
        [["甲局", "任务一", "完成投资", "3亿元", "占年度计划的60%。", "预计年底完工。"],
         ["乙局", "任务三", "进展三。", "无"], ["丙局", "任务四", "进展四。", "无"]],
        [None, None, None],
    ),
    # one paragraph more only: a cell over two paragraphs, not a row
    (
        [["甲局", "任务一", "进展一。", "无", "任务二是一段文字"],
         ["乙局", "任务三", "进展三。", "无"], ["丙局", "任务四", "进展四。", "无"]],
        [None, None, None],
    ),
    # the rows close with no short cell: nothing to cut at
    (
        [["甲局", "任务一", "进展一。", "说明文字较长的备注", "任务二是一段文字", "进展二。"],
         ["乙局", "任务三", "进展三。", "说明文字较长的备注"],
         ["丙局", "任务四", "进展四。", "说明文字较长的备注"]],
        [None, None, None],
    ),
    # after the closing cell a unit list, not a text: no second row
    (
        [["甲局", "任务一", "进展一。", "90%", "市财政局、市住建局", "进展二。"],
         ["乙局", "任务三", "进展三。", "80%"], ["丙局", "任务四", "进展四。", "70%"]],
        [None, None, None],
    ),
]


@pytest.mark.parametrize(("rows", "want"), CUTS)
def test_continuation_cuts(rows, want):
    assert continuation_cuts(rows, 1) == want


def test_xlsx_keeps_cells_in_place():
    """XLSX places every cell: an empty 牵头单位 cell stays empty (nothing carried)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([TITLE])
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    doc = read_document(out.getvalue(), name="p.xlsx")
    assert [t.text for t in doc.tasks] == [r[2] for r in ROWS]
    assert doc.tasks[1].units == []
    assert not any("carried down" in w.message for w in doc.warnings)


# THE HEADER STATES THE SHAPE (fewer than three rows): the columns after the serial are
# 牵头单位 / 重点任务 / 进展情况 / 完成进度(%) / 备注. Expected: the cut of each row.
_L, _T, _D, _S, _M = R.LEAD_UNIT, R.TASK, R.DONE, R.DECLARED_STATUS, R.REMARKS
HEADER_CUTS = [
    # one row longer than the header, 90% in the status column, then a text: cut there
    ([["甲局", "任务一", "进展一。", "90%", "任务二是一段文字", "进展二。"]], [_L, _T, _D, _S, _M],
     [4]),
    # as long as the header only: the last cell is a long 备注, not a row
    ([["甲局", "任务一", "进展一。", "90%", "说明文字较长的备注"]], [_L, _T, _D, _S, _M], [None]),
    # the status column's cell is a text: the row's cells run on, no cut
    ([["甲局", "任务一", "进展一。", "进展续写的一段", "任务二是一段文字", "进展二。"]],
     [_L, _T, _D, _S, _M], [None]),
    # after the closing cell a unit list: no second row
    ([["甲局", "任务一", "进展一。", "90%", "市财政局、市住建局", "进展二。"]], [_L, _T, _D, _S, _M],
     [None]),
    # no closing column at the header's end (the progress is last): nothing stated
    ([["甲局", "任务一", "90%", "进展一。", "任务二是一段文字", "进展二。"]], [_L, _T, _S, _D, _M],
     [None]),
]


@pytest.mark.parametrize(("rows", "roles", "want"), HEADER_CUTS)
def test_header_states_the_shape(rows, roles, want):
    assert continuation_cuts(rows, 1, roles) == want


def test_two_rows_under_one_serial_in_cells_per_line():
    """A department's excerpt: one serial, its row then a second row (序号 and 牵头单位
    merged) with task and progress only."""
    paras = ["青石县水利局2031年一季度重点工作落实情况表", "序号", "牵头单位", "工作任务",
             "完成情况", "完成进度(%)", "备注", "12", "县水利局", "5.新建水厂一座。",
             "水厂主体已完工,正在安装设备。", "90%", "8.整治河道20公里。", "已整治河道12公里。"]
    doc = read_document(("\n\n".join(paras) + "\n").encode(), name="t.txt")
    got = [(t.serial, t.text, t.units, t.items[0].done) for t in doc.tasks]
    assert got == [
        ("12", "5.新建水厂一座。", ["县水利局"], "水厂主体已完工,正在安装设备。"),
        ("12", "8.整治河道20公里。", ["县水利局"], "已整治河道12公里。"),
    ]
    assert doc.tasks[0].extra.get("完成进度(%)") == "90%"
