"""Counted name lists (luoshi.ingest.text.prose.counted), on made-up pages."""

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.vocab import PeriodKind

_NAMES = ["城区学校扩建工程项目", "背街小巷改造项目", "公共充电桩建设项目", "社区食堂项目"]
_STORY = "县人代会上,代表们投票选出了今年的民生实事,大家对此十分关心,会场气氛热烈。"


def _page(heading: str, names: list[str], note: str = "(按得票多少排序)") -> bytes:
    lines = ["某县新闻网", _STORY, heading, *([note] if note else []), *names, _STORY]
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    ("heading", "note"),
    [
        ("2031年全县4大民生实事项目", "(按得票多少排序)"),
        ("今年四件民生实事项目", ""),
    ],
)
def test_a_counted_list_of_names_is_read_as_that_many_tasks(heading, note):
    doc = read_document(_page(heading, _NAMES, note), name="list.txt")
    assert [t.text for t in doc.tasks] == _NAMES
    assert all(t.units == [] for t in doc.tasks)
    assert doc.meta.period is not None and doc.meta.period.kind is PeriodKind.PLAN
    assert any("heading counting them" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "heading",
    [
        "2031年全县5大民生实事项目",  # the count is not the run: nothing is read
        "2031年全县民生实事项目",  # no count
    ],
)
def test_a_run_of_names_the_heading_does_not_count_is_refused(heading):
    with pytest.raises(IngestError):
        read_document(_page(heading, _NAMES), name="list.txt")


_PARTS = ["新建城东幼儿园一所", "改造老旧小区12个,加装电梯30部", "修建乡村道路40公里"]


@pytest.mark.parametrize(
    "lead",
    [
        "今年县政府将办好三件民生实事,分别是:",
        "今年縣政府將辦好三件民生實事,分別是:",  # traditional script
        "2031年确定3项民生实事项目,包括:",
    ],
)
def test_a_counted_inline_list_is_read_as_that_many_tasks(lead):
    page = "\n".join(["某县新闻网", _STORY, lead + ";".join(_PARTS) + "。", _STORY])
    doc = read_document(page.encode(), name="inline.txt")
    assert [t.text for t in doc.tasks] == _PARTS
    assert doc.meta.period is not None and doc.meta.period.kind is PeriodKind.PLAN
    assert any("listed inline" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "lead",
    [
        "今年县政府将办好四件民生实事,分别是:",  # counts four, lists three
        "今年县政府将办好民生实事,分别是:",  # no count
    ],
)
def test_an_inline_list_the_sentence_does_not_count_is_refused(lead):
    page = "\n".join(["某县新闻网", _STORY, lead + ";".join(_PARTS) + "。", _STORY])
    with pytest.raises(IngestError):
        read_document(page.encode(), name="inline.txt")
