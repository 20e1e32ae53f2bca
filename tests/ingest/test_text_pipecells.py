"""A pipe table flattened one cell per line ("序号 |" / "项目内容 |" / …), on a made-up page."""

from luoshi.ingest import read_document
from luoshi.vocab import ColumnRole as R

PAGE = "\n".join(
    [
        "2030年安澜县重点工作三季度推进情况",
        "序号 |",
        "项目内容 |",
        "责任",
        "单位 |",
        "进展情况 |",  # a header word split over lines
        "一、经济发展 |",
        "1 |",
        "新建公园3个。 |",
        "县建设局 |",
        "已建成2个,",
        "第3个在建。 |",
        "2 |",
        "新增就业1000人。 |",
        "县人社局 |",
        "县财政局 |",
        "新增1200人。 |",
        "3 |",
        "改造道路。 |",
        "|",
        "已完工。 |",  # an empty unit cell
        "序号 |",
        "项目内容 |",
        "责任单位 |",
        "进展情况 |",  # the header again at a page break
        "4 |",
        "修建水库 |",
    ]
)


def test_pipe_cells_page():
    doc = read_document(PAGE.encode(), name="pc.txt")
    assert doc.layout == "pipe-cells"
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.UNITS, R.DONE]
    assert [t.serial for t in doc.tasks] == ["1", "2", "3", "4"]
    t = doc.tasks
    assert t[0].items[0].done == "已建成2个,\n第3个在建。"
    assert t[1].units == ["县人社局", "县财政局"]  # two unit cells: aligned by content
    assert t[2].units == [] and t[2].items[0].done == "已完工。"
    assert doc.meta.government == "安澜县"
    assert doc.meta.period is not None and str(doc.meta.period.kind) == "q3"
    messages = [w.message for w in doc.warnings]
    assert any("row 4 ends before" in m for m in messages), messages
    assert any("group row '一、经济发展'" in m for m in messages)


def test_a_leader_cell_given_once_is_carried_down_with_one_warning():
    page = "\n".join(
        [
            "序号 |",
            "工作任务 |",
            "牵头领导 |",
            "责任单位 |",
            "1 |",
            "建设公园。 |",
            "张某某 |",
            "县建设局 |",
            "2 |",
            "改造道路。 |",
            "县交通局 |",  # leader cell merged over rows 1-3
            "3 |",
            "新建学校。 |",
            "县教育局 |",
            "4 |",
            "新建医院。 |",
            "李某某 |",
            "县卫健局 |",
        ]
    )
    doc = read_document(page.encode(), name="leaders.txt")
    assert [t.extra["牵头领导"] for t in doc.tasks] == ["张某某", "张某某", "张某某", "李某某"]
    assert [t.units for t in doc.tasks][1] == ["县交通局"]
    messages = [w.message for w in doc.warnings if "carried down" in w.message]
    assert len(messages) == 1 and "(2, 3)" in messages[0]
