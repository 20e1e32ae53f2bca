"""Structure rules of prose lists met on the third unseen set (fresh3), each with made-up text:
progress paragraphs under items on a page whose opening does not name a report, a 一、 item
with its own units and a status after them, numbering restarting under a status group."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.layout import GROUP_KEY

OPENING = "截至2020年12月31日,县政府十件民生实事全部办结。具体如下:\n\n"

# (id, body, [(serial, task, units, done)])
CASES = [
    (
        "a paragraph saying what was done under each item is its progress",
        "1.新建公园2个(责任单位:县住建局,各乡镇)\n\n此项工作已完成。全年建成公园2个。\n\n"
        "2.改造老旧小区5个。(责任单位:县住建局)\n\n此项工作已完成。截至12月底,改造小区6个。\n",
        [
            ("1", "新建公园2个", ["县住建局", "各乡镇"], "此项工作已完成。全年建成公园2个。"),
            ("2", "改造老旧小区5个。", ["县住建局"], "此项工作已完成。截至12月底,改造小区6个。"),
        ],
    ),
    (
        "a 一、 item with its own units and a status after them, no sub-items, is a task",
        "一、新建学校3所。(责任单位:县教育局)该件实事已全面完成\n\n"
        "1.新建小学2所(责任单位:县教育局)\n\n此项工作已完成。建成小学2所。\n\n"
        "二、新增公交线路4条。(责任单位:县交通局)该件实事已全面完成\n\n"
        "此项工作已完成。开通线路4条。\n",
        [
            ("1", "新建小学2所", ["县教育局"], "此项工作已完成。建成小学2所。"),
            ("二", "新增公交线路4条。", ["县交通局"], "此项工作已完成。开通线路4条。"),
        ],
    ),
]


@pytest.mark.parametrize("body,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_prose_structure(body: str, want: list) -> None:
    doc = read_document((OPENING + body).encode(), name="list.txt")
    assert doc.layout == "prose"
    got = [(t.serial, t.text, t.units, t.items[0].done) for t in doc.tasks]
    assert got == want
    assert any("read as a progress report" in w.message for w in doc.warnings)


def test_a_plan_with_one_described_item_is_not_a_report() -> None:
    # one paragraph under one item is not enough to call a plan a report
    body = (
        "2021年重点工作任务分解\n\n1.新建公园2个(责任单位:县住建局)\n\n已完成选址。\n\n"
        "2.改造老旧小区5个(责任单位:县住建局)\n"
    )
    doc = read_document(body.encode(), name="plan.txt")
    assert all(not i.done for t in doc.tasks for i in t.items)


def test_a_status_after_the_unit_note_is_named_not_dropped() -> None:
    doc = read_document((OPENING + CASES[1][1]).encode(), name="list.txt")
    assert any("该件实事已全面完成" in w.message for w in doc.warnings)


GROUPED = (
    "2022年县民生实事一季度推进情况\n\n(一)已完成任务共2项\n\n"
    "1.新建公园2个。(责任单位:县住建局)\n\n推进情况:已建成公园2个。\n\n"
    "2.改造小区5个。(责任单位:县住建局)\n\n推进情况:已改造小区5个。\n\n"
    "(二)已开工任务共2项\n\n"
    "1.新建学校1所。(责任单位:县教育局)\n\n推进情况:主体完工60%。\n\n"
    "2.新增公交线路3条。(责任单位:县交通局)\n\n推进情况:开通1条。\n"
)


@pytest.mark.parametrize(
    "body,n_tasks,second_done",
    [
        (GROUPED, 4, "已改造小区5个。"),
        # numbering counting on under the heading: the same four items, the heading still cut
        (GROUPED.replace("1.新建学校", "3.新建学校").replace("2.新增公交", "4.新增公交"), 4, None),
    ],
    ids=["numbering restarts under a status group", "numbering counts on"],
)
def test_numbering_restarting_under_a_group_heading_opens_new_items(
    body: str, n_tasks: int, second_done: str | None
) -> None:
    doc = read_document(body.encode(), name="grouped.txt")
    assert [t.text for t in doc.tasks][:n_tasks][-1] == "新增公交线路3条。"
    assert len(doc.tasks) == n_tasks
    if second_done is not None:
        assert doc.tasks[1].items[0].done == second_done
        assert [t.extra.get(GROUP_KEY) for t in doc.tasks] == [
            "(一)已完成任务共2项",
            "(一)已完成任务共2项",
            "(二)已开工任务共2项",
            "(二)已开工任务共2项",
        ]
        assert any("numbering restarts" in w.message for w in doc.warnings)


PIPE_HEAD = "2022年区民生实事进展情况表(截至9月底)\n序号 | 项目内容 | 进展情况 | 责任单位 |\n"


@pytest.mark.parametrize(
    "rows,want",
    [
        (  # more targets of task 2 on rows of their own, serial and unit left out
            "1 | 新建学校2所。 | 已开工。 | 教育局 |\n"
            "2 | 新建驿站7家。 | 建成9家。 | 卫健局 |\n"
            "新增托位500个。 | 新增托位600个。 | ||\n"
            "开展筛查1万例。 | 完成筛查1.2万例。 | ||\n"
            "3 | 新修公路10公里。 | 完成8公里。 | 交通局 |\n",
            [
                ("1", "新建学校2所。", [(None, "已开工。")]),
                (  # each joined target kept with its own progress (SUB-ROW ITEMS RULE)
                    "2",
                    "新建驿站7家。\n新增托位500个。\n开展筛查1万例。",
                    [
                        ("新建驿站7家。", "建成9家。"),
                        ("新增托位500个。", "新增托位600个。"),
                        ("开展筛查1万例。", "完成筛查1.2万例。"),
                    ],
                ),
                ("3", "新修公路10公里。", [(None, "完成8公里。")]),
            ],
        ),
        (  # the page's last such row, cut off before its closing bars
            "1 | 新建学校2所。 | 已开工。 | 教育局 |\n"
            "2 | 新建驿站7家。 | 建成9家。 | 卫健局 |\n"
            "新增托位500个。 | 新增托位6\n",
            [
                ("1", "新建学校2所。", [(None, "已开工。")]),
                (
                    "2",
                    "新建驿站7家。\n新增托位500个。",
                    [("新建驿站7家。", "建成9家。"), ("新增托位500个。", "新增托位6")],
                ),
            ],
        ),
    ],
    ids=["sub-rows join the task above", "a cut-off last sub-row"],
)
def test_pipe_rows_without_serial_or_unit_join_the_task_above(rows: str, want: list) -> None:
    doc = read_document((PIPE_HEAD + rows).encode(), name="sub.txt")
    got = [(t.serial, t.text, [(i.heading, i.done) for i in t.items]) for t in doc.tasks]
    assert got == want
    assert any("more targets of the task above" in w.message for w in doc.warnings)


def test_a_row_with_its_own_unit_but_no_serial_is_not_joined() -> None:
    rows = (
        "1 | 新建学校2所。 | 已开工。 | 教育局 |\n"
        "新增托位500个。 | 新增600个。 | 卫健局 |\n"
        "3 | 新修公路10公里。 | 完成8公里。 | 交通局 |\n"
    )
    doc = read_document((PIPE_HEAD + rows).encode(), name="sub.txt")
    assert doc.tasks[0].text == "新建学校2所。"
    assert not any("more targets of the task above" in w.message for w in doc.warnings)


def test_the_last_item_of_a_one_line_list_ends_with_that_line() -> None:
    page = (
        "县政府2021年将办好十件民生实事\n\n"
        "(1)城区新建公园2个,新增绿地3万平方米。 (2)改造老旧小区5个,惠及居民1200户。 "
        "(3)新增公交线路3条,方便群众出行。 |\n"
        "信息公开\n县政府2021年将办好十件民生实事\n"
    )
    doc = read_document(page.encode(), name="oneline.txt")
    assert [t.text.rstrip(" |") for t in doc.tasks] == [
        "城区新建公园2个,新增绿地3万平方米。",
        "改造老旧小区5个,惠及居民1200户。",
        "新增公交线路3条,方便群众出行。",
    ]


NOTICE = (
    "关于开展重点工作督查的通知\n\n为推动重点任务落实,决定开展专项督查。现将有关事项通知如下:\n\n"
    "1.督查内容:重点任务落实情况。\n\n"
    "2.督查方式:听取汇报与实地查看相结合。由县督查室牵头,县发改局配合。\n\n"
    "3.时间安排:6月10日至20日(责任单位:各乡镇)。\n\n4.工作要求:各单位如实提供资料。\n"
)


def test_a_notices_own_arrangements_are_not_tasks() -> None:
    with pytest.raises(IngestError, match="arrangements"):
        read_document(NOTICE.encode(), name="notice.txt")


def test_items_opening_with_a_theme_label_are_still_tasks() -> None:
    page = (
        "2021年县政府重点工作任务分解\n\n"
        "1.稳增长:新开工项目40个。(责任单位:县发改局)\n\n"
        "2.促改革:深化放管服改革。(责任单位:县政务服务局)\n\n"
        "3.惠民生:新建学校2所。(责任单位:县教育局)\n"
    )
    doc = read_document(page.encode(), name="plan.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]


PARAGRAPHS = (
    "新建城市公园3个(2021—2023年)。上半年,完成选址2处,开工1个。\n\n"
    "改造老旧小区20个。截至6月底,已开工12个,完工5个。\n\n"
    "新修农村公路50公里。上半年,完成路基30公里。\n\n"
    "新建学校2所。1-6月,主体完工1所。\n"
)


def test_one_paragraph_per_task_in_a_report() -> None:
    doc = read_document(("2021年县重点项目上半年推进情况\n\n" + PARAGRAPHS).encode(), name="p.txt")
    assert doc.layout == "paragraph-tasks"
    assert [(t.text, t.items[0].done) for t in doc.tasks][1] == (
        "改造老旧小区20个。",
        "截至6月底,已开工12个,完工5个。",
    )
    assert len(doc.tasks) == 4
    assert any("one task per paragraph" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "page",
    [
        "县里召开民生工作会议\n\n" + PARAGRAPHS,  # the opening names no report: news
        "2021年县重点项目上半年推进情况\n\n" + "\n\n".join(PARAGRAPHS.split("\n\n")[:2]) + "\n",
    ],
    ids=["no report opening", "two paragraphs only"],
)
def test_paragraphs_of_that_shape_are_not_enough_alone(page: str) -> None:
    try:
        doc = read_document(page.encode(), name="p.txt")
    except IngestError:
        return
    assert doc.layout != "paragraph-tasks"
