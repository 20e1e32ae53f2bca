"""CUT OPENER (luoshi/ingest/text/unnumbered.py): in a table whose rows open with a task paragraph
closing in its unit note, a page cut off inside the next task paragraph still opens that row
when the table's own cells say so. Our own made-up pages."""

import pytest

from luoshi.ingest import read_document

HEAD = ["某市2022年重点工作半年度完成情况", "序号", "工作内容", "完成情况"]
ROW1 = ["新建公园3个。(牵头单位:市住建局)", "上半年完成2个。", "1.完成选址。", "2.完成招标。"]
ROW2 = ["新增就业1万人。(牵头单位:市人社局)", "1.开展招聘会6场。", "2.新增就业5200人。"]


def _tasks(tail, row1=ROW1):
    text = "\n\n".join([*HEAD, *row1, *ROW2, *tail])
    doc = read_document(text.encode(), name="cut.txt")
    return [(t.text, t.units) for t in doc.tasks]


@pytest.mark.parametrize(
    ("tail", "row1", "rows"),
    [
        # cut mid-sentence after the last row's points: a third, cut-off row
        (["加快老旧小区改造,年内完成"], ROW1, 3),
        # the page ends with a full stop: a closing line of the cell, no new row
        (["总体进展顺利。"], ROW1, 2),
        # a cell of this table has an unnumbered line after its points: no pattern to follow
        (["加快老旧小区改造,年内完成"], [*ROW1, "下步继续推进"], 2),
        # the last paragraph is a numbered point itself: the cell goes on
        (["3.举办培训"], ROW1, 2),
    ],
)
def test_a_cut_off_task_paragraph_opens_its_row_only_where_the_table_says_so(tail, row1, rows):
    tasks = _tasks(tail, row1)
    assert len(tasks) == rows
    assert tasks[1] == ("新增就业1万人。", ["市人社局"])
    if rows == 3:
        assert tasks[2] == ("加快老旧小区改造,年内完成", [])
