"""The headed-sections layout (HEADED SECTIONS RULE, luoshi/ingest/text/headed.py): headings
一、<项目>完成情况 over their progress paragraphs are a task list; a report's or a bulletin's own
sections are not. Our own made-up pages."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.errors import IngestError

TITLE = "东岙乡2021年民生实事项目完成情况"


def _read(lines):
    return read_document("\n".join(lines).encode(), name="headed.txt")


def test_headings_naming_projects_are_tasks_and_their_paragraphs_the_progress():
    doc = _read(
        [
            TITLE,
            "一、乡村道路硬化工程完成情况",
            "全年硬化道路3.2公里,已全部完工验收。",
            "二、农贸市场改造完成情况",
            "市场主体改造完成,6月投入使用。",
            "(一)摊位改造120个。",
            "三、敬老院扩建工程2021年完成情况：新增床位40张。",
            "四、存在问题",
            "资金缺口较大。",
        ]
    )
    assert doc.layout == "headed-sections"
    assert [str(c.role) for c in doc.columns] == ["serial", "task", "done"]
    assert [(t.serial, t.text, t.items[0].done) for t in doc.tasks] == [
        ("一", "乡村道路硬化工程", "全年硬化道路3.2公里,已全部完工验收。"),
        ("二", "农贸市场改造", "市场主体改造完成,6月投入使用。\n(一)摊位改造120个。"),
        ("三", "敬老院扩建工程", "新增床位40张。"),  # 四、存在问题 is no task's progress
    ]
    assert (doc.meta.government, doc.meta.year, str(doc.meta.period.kind)) == (
        "东岙乡",
        2021,
        "annual",
    )
    assert any("section headings" in w.message for w in doc.warnings)
    # no header row: the reader says the structure is a guess, not a table it saw
    assert doc.inference.confidence != "high"
    assert any("section headings" in r for r in doc.inference.reasons)


def test_the_pages_sign_off_is_not_the_last_tasks_progress():
    doc = _read(
        [
            TITLE,
            "一、乡村道路硬化工程完成情况",
            "已完工。",
            "二、农贸市场改造完成情况",
            "已投入使用。",
            "东岙乡人民政府",
            "2022年1月10日",
        ]
    )
    assert [t.items[0].done for t in doc.tasks] == ["已完工。", "已投入使用。"]


def test_bracketed_headings_keep_their_brackets_as_serials():
    doc = _read(
        [
            TITLE,
            "(一)村级文化礼堂建设进展情况",
            "主体完工。",
            "(二)饮用水提标改造进展情况",
            "管网铺设过半。",
        ]
    )
    assert [(t.serial, t.text) for t in doc.tasks] == [
        ("(一)", "村级文化礼堂建设"),
        ("(二)", "饮用水提标改造"),
    ]


NOT_TASK_LISTS = [
    # a work summary's own sections
    [
        "一、上半年工作完成情况",
        "各项工作有序推进。",
        "二、存在问题",
        "资金紧张。",
        "三、下步打算",
        "抓落实。",
    ],
    # a bulletin's categories: classes of tasks, not tasks
    ["一、市级重点项目推进情况", "开工30个。", "二、县级重点项目推进情况", "开工12个。"],
    ["一、主要经济指标完成情况", "增长5%。", "二、民生实事完成情况", "完成8件。"],
    # one heading is no list; headings out of order are not one list
    ["一、乡村道路硬化工程完成情况", "已完工。"],
    ["二、乡村道路硬化工程完成情况", "已完工。", "一、农贸市场改造完成情况", "已完工。"],
    # headings with nothing under them
    ["一、乡村道路硬化工程完成情况", "二、农贸市场改造完成情况"],
]


@pytest.mark.parametrize("lines", NOT_TASK_LISTS)
def test_a_reports_own_sections_are_not_read_as_tasks(lines):
    with pytest.raises(IngestError):
        _read(["某县2021年工作总结", *lines])
