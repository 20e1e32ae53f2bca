"""Issue 9, RATED ROWS RULE (luoshi/ingest/ratedrows.py): rows rated each on their own under
one merged name are tasks of their own, the name their category. Made-up tables."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.ratedrows import cut_rated_row, rated_placement
from luoshi.vocab import ColumnRole as R

HEADER = "序号 | 项目名称 | 项目内容 | 当前进展情况 | 进度评价 | 主办单位 |"
ROLES = [R.SERIAL, R.TASK, R.TARGET, R.DONE, R.DECLARED_STATUS, R.UNITS]

PLACEMENTS = [
    # content, progress, rating: placed to end at the rating column
    (["新建公园3个。", "已建成2个。", "已完成"], ROLES, ["", "", "新建公园3个。", "已建成2个。", "已完成", ""]),
    # a share is a rating too
    (["新建公园3个。", "已建成2个。", "60%"], ROLES, ["", "", "新建公园3个。", "已建成2个。", "60%", ""]),
    # the last cell is progress text, no rating: not placed (the SUB-ROW ITEMS RULE's case)
    (["新建公园3个。", "已建成2个,其余在建。"], ROLES, None),
    # too many cells to end at the rating: the row would take the serial's place
    (["甲", "乙", "丙", "丁", "已完成"], ROLES, None),
    # no rating column in the header
    (["新建公园3个。", "已完成"], [R.SERIAL, R.TASK, R.DONE, R.UNITS], None),
    # placed to end at the rating, the row would open in the progress column: not placed
    (["已建成2个。", "已完成"], ROLES, None),
]


@pytest.mark.parametrize(("filled", "roles", "want"), PLACEMENTS)
def test_rated_placement(filled, roles, want):
    assert rated_placement(filled, roles) == want


def test_cut_rated_row_opens_where_the_row_above_does():
    above = ["", "", "新建公园3个。", "已建成2个。", "已完成", ""]
    assert cut_rated_row(["改造道路5公里,", "已完成"], above) == [
        "", "", "改造道路5公里,", "已完成", "", ""]
    assert cut_rated_row(["甲", "乙", "丙", "丁", "戊"], above) is None


def _page(rows: list[str]) -> bytes:
    return ("\n".join(["青石县2031年民生工程进展情况", HEADER, *rows]) + "\n").encode()


ROWS = [
    "1 | 城乡环境提升工程 | 新建公园3个。 | 已建成2个。 | 已完成 | 县住建局 |",
    "改造道路5公里。 | 已完工4公里,其余在建。 | 正常推进 | |||",
    "新增绿地20亩。 | 已新增绿地20亩。 | 已完成 | |||",
    "2 | 教育提升工程 | 新建学校1所。 | 主体完工。 | 正常推进 | 县教育局 |",
]


def test_pipe_rows_rated_each_are_tasks_under_the_name():
    doc = read_document(_page(ROWS), name="t.txt")
    roles = [c.role for c in doc.columns]
    assert roles[1:3] == [R.CATEGORY, R.TASK]
    got = [(t.serial, t.text, t.units, t.items[0].done) for t in doc.tasks]
    assert got == [
        ("1", "新建公园3个。", ["县住建局"], "已建成2个。"),
        ("1", "改造道路5公里。", ["县住建局"], "已完工4公里,其余在建。"),
        ("1", "新增绿地20亩。", ["县住建局"], "已新增绿地20亩。"),
        ("2", "新建学校1所。", ["县教育局"], "主体完工。"),
    ]
    assert [t.extra.get("项目名称") or t.category for t in doc.tasks][:3] == [
        "城乡环境提升工程"] * 3
    assert any("their category" in w.message for w in doc.warnings)


def test_last_rated_row_cut_off_is_a_task_of_the_run():
    doc = read_document(_page([*ROWS[:3], "完善垃圾分类设施, | 已布置分类亭"]), name="t.txt")
    assert [t.text for t in doc.tasks][-1] == "完善垃圾分类设施,"
    assert doc.tasks[-1].units == ["县住建局"]
    assert any("cut off" in w.message for w in doc.warnings)


def test_unrated_sub_rows_stay_items_of_one_task():
    """Sub-rows without a rating of their own: one task of several targets, as before."""
    rows = ["1 | 城乡环境提升工程 | 新建公园3个。 | 已建成2个。 | 已完成 | 县住建局 |",
            "改造道路5公里。 | 已完工4公里,其余在建。 | |||"]
    doc = read_document(_page(rows), name="t.txt")
    assert len(doc.tasks) == 1
    assert [c.role for c in doc.columns][1:3] == [R.TASK, R.TARGET]


def test_html_merged_name_over_rated_rows():
    """The same rule where the format keeps the merge (an office's HTML table)."""
    html = (
        "<html><body><p>青石县2031年民生工程进展情况</p><table>"
        "<tr><td>序号</td><td>项目名称</td><td>项目内容</td><td>当前进展情况</td>"
        "<td>进度评价</td><td>主办单位</td></tr>"
        "<tr><td rowspan=2>1</td><td rowspan=2>城乡环境提升工程</td><td>新建公园3个。</td>"
        "<td>已建成2个。</td><td>已完成</td><td rowspan=2>县住建局</td></tr>"
        "<tr><td>改造道路5公里。</td><td>已完工4公里。</td><td>正常推进</td></tr>"
        "</table></body></html>"
    )
    doc = read_document(html.encode(), name="t.html")
    assert [(t.serial, t.text, t.units) for t in doc.tasks] == [
        ("1", "新建公园3个。", ["县住建局"]),
        ("1", "改造道路5公里。", ["县住建局"]),
    ]
