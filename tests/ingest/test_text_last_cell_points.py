"""POINTS IN THE LAST CELL (luoshi/ingest/text/unnumbered.py): in a cells-per-line table
without serials, numbered paragraphs that would each make a row of its task text alone, after
paragraphs filling one row's cells up to the last column, are that row's progress points.
Made-up pages."""

from __future__ import annotations

from luoshi.ingest import read_document

HEADER = "某区文化局2021年重点工作第二季度落实情况\n\n目标任务\n\n年度目标\n\n责任单位\n\n第二季度落实情况\n\n"

ONE_ROW = HEADER + (
    "完善公共文化服务体系\n\n服务效能明显提升\n\n区文化局\n\n"
    "1.指导各村居每月上报进展情况。\n\n2.完善总分馆制建设,新增服务点3个。\n\n"
    "3.建成城市书房两处并开放。\n"
)

# the numbers open rows that have cells of their own: rows, as before
NUMBERED_ROWS = HEADER + (
    "1.完善公共文化服务体系\n\n服务效能明显提升\n\n区文化局\n\n已新增服务点3个。\n\n"
    "2.繁荣文艺创作生产\n\n推出精品剧目2部\n\n区文化馆\n\n已完成剧本创作。\n\n"
    "3.推进文旅融合发展\n\n接待游客增长10%\n\n区旅游中心\n\n上半年接待游客增长8%。\n"
)


def test_numbered_points_after_a_row_are_its_last_cell() -> None:
    doc = read_document(ONE_ROW.encode(), name="points.txt")
    assert len(doc.tasks) == 1
    task = doc.tasks[0]
    assert task.text == "完善公共文化服务体系"
    assert task.units == ["区文化局"]
    done = task.items[0].done
    assert done.startswith("1.指导各村居") and "2.完善总分馆制" in done and "3.建成城市书房" in done
    assert any("points of that row's last cell" in w.message for w in doc.warnings)


def test_numbers_opening_full_rows_stay_rows() -> None:
    doc = read_document(NUMBERED_ROWS.encode(), name="rows.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[1].units == ["区文化馆"]
    assert not any("points of that row's last cell" in w.message for w in doc.warnings)
