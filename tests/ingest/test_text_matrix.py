"""Pages that are not task lists are refused with a reason saying what they are."""

import pytest

from luoshi.ingest import IngestError, read_document

PLACE_COLUMNS = [
    "序号",
    "指标名称",
    "单位",
    "安澜市",
    "平川",
    "青石",
    "东河",
    "北岭",
    "南湖区",
    "高新区",
]
PLACE_COLUMNS += ["1", "地区生产总值", "增幅(%)", "7", "7", "6.5", "7", "7", "7.5", "8"]
REGION_ROWS = ["地区", "城镇新增就业(人)", "目标", "完成", "全市", "2800", "3100", "市本级", "60"]
REGION_ROWS += ["东河区", "800", "900", "南湖区", "600", "700", "青石县", "500", "610"]


@pytest.mark.parametrize(
    "cells", [PLACE_COLUMNS, REGION_ROWS], ids=["place columns", "region rows"]
)
def test_indicator_matrix_is_refused_as_such(cells):
    text = "2030年主要指标分解表\n\n" + "\n\n".join(cells) + "\n"
    with pytest.raises(IngestError, match="indicator matrix"):
        read_document(text.encode(), name="matrix.txt")


def test_news_is_refused_saying_there_is_no_task_list():
    text = "我市召开经济工作会议\n\n会议指出,今年以来全市经济运行总体平稳。\n\n会议要求,各地要抓好落实。\n"
    with pytest.raises(IngestError, match="no task list to import"):
        read_document(text.encode(), name="news.txt")


BY_PLACE = "\n".join(
    [
        "2031年1-9月重点项目投资完成情况汇总表",
        "所属 | 项目个数 | 年度计划投资 | 完成投资额 | 完成率 |",
        "青石县 | 12 | 30.5 | 20.1 | 65.9% |",
        "平川县 | 9 | 22.0 | 18.3 | 83.2% |",
        "东河区 | 15 | 41.2 | 30.0 | 72.8% |",
        "北岭镇 | 4 | 6.1 | 5.9 | 96.7% |",
        "安澜高新区 | 7 | 18.8 | 12.0 | 63.8% |",
    ]
)
# The same figures per project, with a task column: a task list, read.
BY_PROJECT = BY_PLACE.replace("所属 |", "项目名称 |")


def test_summary_by_place_without_task_column_is_refused():
    with pytest.raises(IngestError, match="summary by place"):
        read_document(BY_PLACE.encode(), name="t.txt")


def test_rows_named_like_places_under_a_task_column_are_tasks():
    doc = read_document(BY_PROJECT.encode(), name="t.txt")
    assert len(doc.tasks) == 5


# A 通报 printing its attachment on the page, one cell per line ending in a pipe: the table by
# place is on the page, so the page is refused as a matrix, never as a cover notice whose table
# is "not part of the page".
NOTICE_WITH_MATRIX = (
    "关于2031年民生实事进展情况的通报\n\n截至8月底,全市开工率74%,详见附件。\n\n附件1\n\n"
    "2031年民生实事完成进度表\n\n"
    + "".join(f"{c} |\n" for c in ["序号", "县 区", "计划数", "开工数", "开工率"])
    + "".join(
        f"{i} |\n{place} |\n{n} |\n{n - 3} |\n{r} |\n"
        for i, (place, n, r) in enumerate(
            [("东河区", 40, "92%"), ("南湖区", 30, "90%"), ("青石县", 20, "85%"),
             ("平川县", 25, "88%"), ("北岭县", 18, "83%")],
            start=1,
        )
    )
)


def test_attachment_matrix_on_the_page_is_refused_as_a_matrix():
    with pytest.raises(IngestError) as err:
        read_document(NOTICE_WITH_MATRIX.encode(), name="notice.txt")
    message = str(err.value)
    assert "indicator matrix" in message and "东河区" in message
    assert "not part of the page" not in message


# A column headed 任务 whose cells are figures counts tasks per place; it names no task.
COUNTS_BY_PLACE = "\n".join(
    [
        "2031年安居工程进度表",
        "县名 | 计划任务数 | 完成数 | 占计划(%) |",
        "青石县 | 12 | 10 | 83.3 |",
        "平川县 | 9 | 9 | 100.0 |",
        "东河区 | 15 | 12 | 80.0 |",
        "北岭县 | 4 | 1 | 25.0 |",
        "安澜高新区 | 7 | 7 | 100.0 |",
    ]
)
# The same table whose task column names the tasks: read.
NAMED_TASKS = COUNTS_BY_PLACE.replace(" | 12 |", " | 新建安置房 |").replace(" | 9 |", " | 改造危房 |")
NAMED_TASKS = NAMED_TASKS.replace(" | 15 |", " | 修通村道 |").replace(" | 4 |", " | 建卫生室 |")
NAMED_TASKS = NAMED_TASKS.replace(" | 7 | 7", " | 建幼儿园 | 7")


@pytest.mark.parametrize(
    ("text", "refused"),
    [(COUNTS_BY_PLACE, True), (NAMED_TASKS, False)],
    ids=["task column of figures", "task column of names"],
)
def test_a_task_column_of_bare_figures_is_a_summary_by_place(text, refused):
    if refused:
        with pytest.raises(IngestError, match="summary by place"):
            read_document(text.encode(), name="t.txt")
    else:
        doc = read_document(text.encode(), name="t.txt")
        assert len(doc.tasks) == 5
        assert doc.tasks[0].text == "新建安置房"


# A task header over a column of bare place names (a two-row header whose 地区 cell was lost):
# the rows are places, the table a summary by place (PLACE COLUMN, text/matrix.py).
PLACES_UNDER_TASK = "\n".join(
    [
        "目标任务 | 完成情况 | 完成比例 |",
        "全省 | 40 | 100% |",
        "杭州 | 8 | 100% |",
        "宁波 | 6 | 100% |",
        "温州 | 7 | 100% |",
        "嘉兴 | 5 | 100% |",
        "湖州 | 4 | 100% |",
    ]
)
# The same column naming short tasks: read.
SHORT_TASKS = PLACES_UNDER_TASK.replace("杭州 |", "新建公园 |").replace("宁波 |", "改造道路 |")
SHORT_TASKS = SHORT_TASKS.replace("温州 |", "建卫生室 |").replace("嘉兴 |", "修通村道 |")
SHORT_TASKS = SHORT_TASKS.replace("湖州 |", "建幼儿园 |").replace("全省 |", "建图书馆 |")


@pytest.mark.parametrize(
    ("text", "refused"),
    [(PLACES_UNDER_TASK, True), (SHORT_TASKS, False)],
    ids=["place names under a task header", "short task names"],
)
def test_a_task_header_over_place_names_is_a_summary_by_place(text, refused):
    if refused:
        with pytest.raises(IngestError, match="summary by place"):
            read_document(text.encode(), name="places.txt")
    else:
        assert len(read_document(text.encode(), name="places.txt").tasks) == 6


# A vote on projects, one cell per line (a two-level header: the grades under 测评等次).
VOTE_CELLS = ["序号", "实事工程", "项目名称", "测评等次", "满意", "基本满意", "不满意"]
VOTE_CELLS += ["1", "城南学校扩建", "25", "3", "", "2", "河道清淤整治", "19", "8", "1"]
VOTE_CELLS += ["3", "社区食堂新建", "27", "1", ""]


@pytest.mark.parametrize("layout", ["cells per line", "pipe rows"])
def test_satisfaction_vote_is_refused_as_such(layout):
    if layout == "cells per line":
        body = "\n\n".join(VOTE_CELLS)
    else:
        rows = [["序号", "项目名称", "满意", "基本满意", "不满意"]]
        rows += [["1", "城南学校扩建", "25", "3", ""], ["2", "河道清淤整治", "19", "8", "1"]]
        body = "\n".join(" | ".join(r) + " |" for r in rows)
    text = "2031年民生实事项目满意度测评表\n\n" + body + "\n"
    with pytest.raises(IngestError, match="satisfaction vote"):
        read_document(text.encode(), name="vote.txt")
