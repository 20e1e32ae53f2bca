"""Issue 9, CONTENT-CHECKED ROLES (luoshi/ingest/contentroles.py): a column the header leaves
weak (other, remarks, actual) takes the role its cells show when the header gave that role to
no column. Made-up tables."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.contentroles import content_roles
from luoshi.ingest.model import Column
from luoshi.vocab import ColumnRole as R

TASKS = ["为全县六十岁以上老人免费体检一次。", "新建社区养老服务中心三处并投入使用。", "改造农村公路四十公里。"]
UNITS = ["县卫健局", "县民政局、各乡镇", "县交通运输局"]
DONE = ["已完成体检两万人,占计划八成。", "已建成两处,一处主体完工。", "已完成改造三十公里。"]
SHARES = ["20%", "100%", "85%"]
STATUS = ["顺利推进", "已完成", "顺利推进"]

CASES = [
    # (header roles, each column's cells, roles wanted)
    # unknown task, units and progress headers: all three read from the cells
    ([R.SERIAL, R.OTHER, R.OTHER, R.OTHER], [["1", "2", "3"], TASKS, UNITS, DONE],
     [R.SERIAL, R.TASK, R.UNITS, R.DONE]),
    # a bare share done under an unknown header is the progress
    ([R.SERIAL, R.OTHER, R.UNITS, R.OTHER], [["1", "2", "3"], TASKS, UNITS, SHARES],
     [R.SERIAL, R.TASK, R.UNITS, R.DONE]),
    # ... but under 已完成数 (actual) a share is the figure the header names
    ([R.SERIAL, R.TASK, R.UNITS, R.ACTUAL], [["1", "2", "3"], TASKS, UNITS, SHARES],
     [R.SERIAL, R.TASK, R.UNITS, R.ACTUAL]),
    # beside an actual-figures column, a column of shares is the rate (完成率), not progress
    ([R.TASK, R.UNITS, R.ACTUAL, R.OTHER], [TASKS, UNITS, ["7.2", "15", "30"], SHARES],
     [R.TASK, R.UNITS, R.ACTUAL, R.OTHER]),
    # 已完成数 holding the progress text is the progress
    ([R.SERIAL, R.TASK, R.UNITS, R.ACTUAL], [["1", "2", "3"], TASKS, UNITS, DONE],
     [R.SERIAL, R.TASK, R.UNITS, R.DONE]),
    # 备注 holding the departments is the units column
    ([R.SERIAL, R.TASK, R.DONE, R.REMARKS], [["1", "2", "3"], TASKS, DONE, UNITS],
     [R.SERIAL, R.TASK, R.DONE, R.UNITS]),
    # a column of single places is sites (建设地点), not units
    ([R.TASK, R.DONE, R.OTHER], [TASKS, DONE, ["城关镇", "经开区", "河西街道"]],
     [R.TASK, R.DONE, R.OTHER]),
    # 备注 with done words stays remarks: notes often say what was done
    ([R.SERIAL, R.TASK, R.UNITS, R.REMARKS], [["1", "2", "3"], TASKS, UNITS, DONE],
     [R.SERIAL, R.TASK, R.UNITS, R.REMARKS]),
    # a column of short repeated status phrases is a declared status
    ([R.TASK, R.DONE, R.OTHER], [TASKS, DONE, STATUS], [R.TASK, R.DONE, R.DECLARED_STATUS]),
    # status phrases that never repeat are no evidence of a picked list: unchanged
    ([R.TASK, R.DONE, R.OTHER], [TASKS, DONE, ["顺利推进", "已完成"]], [R.TASK, R.DONE, R.OTHER]),
    # the header already names the units: a second unit-like column is left alone
    ([R.TASK, R.UNITS, R.OTHER], [TASKS, UNITS, UNITS], [R.TASK, R.UNITS, R.OTHER]),
    # the header already names the progress: done words elsewhere change nothing
    ([R.TASK, R.DONE, R.OTHER], [TASKS, DONE, DONE], [R.TASK, R.DONE, R.OTHER]),
    # a column the header names (target) is never changed, whatever it holds
    ([R.OTHER, R.TARGET], [TASKS, DONE], [R.TASK, R.TARGET]),
    # one row is no evidence
    ([R.SERIAL, R.OTHER, R.OTHER], [["1"], TASKS[:1], DONE[:1]], [R.SERIAL, R.OTHER, R.OTHER]),
    # short text (names, dates) is no task; done words left of the task are no progress
    ([R.OTHER, R.OTHER, R.TASK], [DONE, ["2031年6月底", "2031年9月"], TASKS],
     [R.OTHER, R.OTHER, R.TASK]),
    # mostly (two thirds) long text is enough for a task; one short cell among three
    ([R.OTHER, R.DONE], [[*TASKS[:2], "养老"], DONE], [R.TASK, R.DONE]),
    # of two progress-like columns, the one with the longer cells
    ([R.TASK, R.OTHER, R.OTHER], [TASKS, SHARES, DONE], [R.TASK, R.OTHER, R.DONE]),
]


@pytest.mark.parametrize(("roles", "cells", "want"), CASES)
def test_content_roles(roles, cells, want):
    columns = [Column(header=f"h{i}", role=r) for i, r in enumerate(roles)]
    warnings = content_roles(columns, lambda i: cells[i])
    assert [c.role for c in columns] == want
    changed = sum(1 for a, b in zip(roles, want, strict=True) if a is not b)
    assert len(warnings) == changed
    for w in warnings:
        assert "the alternative" in w


HEADER = "序号 | 事项清单指标 | 责任单位 | 推进比例 |"
ROWS = [
    "1 | 为全县六十岁以上老人免费体检一次。 | 县卫健局 | 20% |",
    "2 | 新建社区养老服务中心三处并投入使用。 | 县民政局 | 100% |",
    "3 | 改造农村公路四十公里并完成验收。 | 县交通运输局 | 60% |",
]


def test_pipe_table_with_unknown_headers_keeps_task_units_and_progress():
    page = "\n".join(["青石县2031年民生实事进展情况", HEADER, *ROWS]) + "\n"
    doc = read_document(page.encode(), name="t.txt")
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.UNITS, R.DONE]
    got = [(t.serial, t.text[:6], t.units, t.items[0].done) for t in doc.tasks]
    assert got == [
        ("1", "为全县六十岁", ["县卫健局"], "20%"),
        ("2", "新建社区养老", ["县民政局"], "100%"),
        ("3", "改造农村公路", ["县交通运输局"], "60%"),
    ]
    said = [w.message for w in doc.warnings]
    assert any("事项清单指标" in w and "read as task" in w for w in said)
    assert not any(w.startswith("unknown column header '事项清单指标'") for w in said)


def test_html_table_goes_through_the_same_check():
    cells = [c.split(" | ") for c in (r.strip(" |") for r in [HEADER, *ROWS])]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)
    page = f"<html><body><h1>青石县2031年民生实事进展情况</h1><table>{body}</table></body></html>"
    doc = read_document(page.encode(), name="t.html")
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.UNITS, R.DONE]
    assert [t.items[0].done for t in doc.tasks] == ["20%", "100%", "60%"]


REMARK_UNITS = [
    "序号 | 工作任务 | 进展情况 | 备注 |",
    "1 | 新建社区养老服务中心三处。 | 已建成两处。 | 县民政局 |",
    "2 | 改造农村公路四十公里。 | 已完成三十公里。 | 县交通运输局、各乡镇 |",
]


def test_remarks_holding_the_departments_are_the_units():
    page = "\n".join(["青石县2031年重点工作进展情况", *REMARK_UNITS]) + "\n"
    doc = read_document(page.encode(), name="t.txt")
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.DONE, R.UNITS]
    assert [t.units for t in doc.tasks] == [["县民政局"], ["县交通运输局", "各乡镇"]]


CELLS_PER_LINE = [
    "序号", "工作任务", "进展情况", "备注",
    "1", "新建社区养老服务中心三处。", "已建成两处,一处主体完工。", "县民政局",
    "2", "改造农村公路四十公里。", "已完成三十公里。", "县交通运输局、各乡镇",
    "3", "新增城镇就业岗位五千个。", "已新增四千二百个。", "县人社局",
]


def test_cells_per_line_table_rows_are_read_again_under_the_checked_roles():
    page = "\n".join(["青石县2031年重点工作进展情况", *CELLS_PER_LINE]) + "\n"
    doc = read_document(page.encode(), name="t.txt")
    assert doc.layout == "cells-per-line"
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.DONE, R.UNITS]
    assert [t.units for t in doc.tasks] == [["县民政局"], ["县交通运输局", "各乡镇"], ["县人社局"]]
    assert all(not t.extra for t in doc.tasks)
