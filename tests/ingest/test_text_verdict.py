"""VERDICT (issue 9, fresh6 cause 3), on made-up text: under a numbered item line, a paragraph
opening with a verdict on the item's target (超出目标任务。…) is the item's progress, not more of
its task; a plan's own explanatory paragraph stays with its task."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.text.prose.items import opens_with_verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("超出目标任务。全年新增床位1200张。", True),
        ("全面完成目标任务。建成绿道30公里。", True),
        ("基本完成年度目标任务,剩余2处在施工。", True),
        ("未完成目标任务。因征地推迟,完成60%。", True),
        ("完成任务目标。", True),
        # a plan's own sentences
        ("完成10个养老机构的改造。", False),
        ("全面推进垃圾分类。", False),
        ("目标任务:新建公园5个。", False),
    ],
)
def test_opens_with_verdict(text: str, verdict: bool) -> None:
    assert opens_with_verdict(text) is verdict


PAGE = [
    "安澜区2031年实事项目完成情况",
    "(1)新增养老床位1000张",
    "超出目标任务。全年新增养老床位1200张,改造养老机构8家。",
    "安澜区实事项目成绩单",
    "(2)建成滨河绿道30公里",
    "全面完成目标任务。滨河绿道全线贯通,全长31公里。",
    "(3)改造老旧小区20个",
    "基本完成目标任务。已完工18个,其余2个年内收尾。",
]


def test_verdict_paragraphs_are_the_items_progress() -> None:
    doc = read_document("\n\n".join(PAGE).encode(), name="verdict.txt")
    assert [t.text for t in doc.tasks] == ["新增养老床位1000张", "建成滨河绿道30公里", "改造老旧小区20个"]
    assert doc.tasks[0].items[0].done == "超出目标任务。全年新增养老床位1200张,改造养老机构8家。"
    assert doc.tasks[2].items[0].done.startswith("基本完成目标任务。")
