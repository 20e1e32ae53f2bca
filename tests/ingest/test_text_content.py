"""Items that are a heading over a content paragraph (luoshi/ingest/text/prose/content.py),
in each prose reader: the heading is the task, the paragraph its target (内容及目标). Made-up
pages, not corpus text."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.text.prose.content import headings_over_content, is_heading
from luoshi.vocab import ColumnRole as R

_TITLE = "2030年安澜市民生实事项目\n\n"
_ITEMS = [
    ("一", "实施农村天然气村村通", "为1200个村庄、23万户接通天然气,年度计划实施17万户。"),
    ("二", "改造敬老院设施,提升养老服务水平", "对全市13处公办敬老院安装自动喷淋系统。"),
    ("三", "建设城市公园", "新建城市公园3个,口袋公园10个。"),
]
_UNITS = ["市城市管理局", "市民政局", "市住建局"]


def _page(items=_ITEMS, units: bool = True) -> str:
    return _TITLE + "".join(
        f"{s}、{h}\n{c}" + (f"(责任单位:{u})" if units else "") + "\n"
        for (s, h, c), u in zip(items, _UNITS, strict=True)
    )


@pytest.mark.parametrize(
    ("page", "layout", "units"),
    [
        (_page(), "prose", _UNITS),  # each paragraph closed by its unit note: a prose list
        (_page(units=False), "point-list", None),  # a 实事 plan enumerating points
    ],
    ids=["prose-list", "point-list"],
)
def test_headings_over_content_are_tasks_with_a_target(page, layout, units) -> None:
    doc = read_document(page.encode(), name="h.txt")
    assert doc.layout == layout
    assert [c.role for c in doc.columns][:3] == [R.SERIAL, R.TASK, R.TARGET]
    assert [(t.serial, t.text, t.extra["内容及目标"]) for t in doc.tasks] == _ITEMS
    assert all("分组" not in t.extra for t in doc.tasks)  # the heading is no group
    if units:
        assert [t.units for t in doc.tasks] == [[u] for u in units]
    assert any("heading over a content paragraph" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("items", "why"),
    [
        # categories, no work named: the headings stay groups over their task
        (
            [("一", "城乡建设", _ITEMS[0][2]), ("二", "社会保障", _ITEMS[1][2]),
             ("三", "农村环境整治", _ITEMS[2][2])],
            "category",
        ),
        # the paragraphs say what was done: progress, not a target
        (
            [(s, h, c.rstrip("。") + ",目前已完成60%。") for s, h, c in _ITEMS],
            "progress",
        ),
    ],
    ids=["category", "progress"],
)
def test_no_headings_over_content(items, why) -> None:
    doc = read_document(_page(items).encode(), name="n.txt")
    assert R.TARGET not in [c.role for c in doc.columns], why
    assert not any("heading over a content paragraph" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("items", "want"),
    [
        ([("一", "实施天然气村村通", "为1200个村庄接通。"), ("二", "建设公园", "新建3个。")], True),
        ([("一", "实施天然气村村通", "为1200个村庄接通。"), ("二", "建设公园", "")], False),
        ([("一", "实施天然气村村通。", "为1200个村庄接通。"), ("二", "建设公园", "新建3个。")], False),
        ([("一", "实施天然气村村通工程", "为12个村庄接通。"), ("二", "改造全市公办敬老院所", "3处。")], False),
        ([("一", "实施天然气村村通", "为1200个村庄接通。"), ("二", "建设公园", "已建成3个。")], False),
    ],
    ids=["two", "one-with-content", "closes-a-sentence", "one-width", "progress"],
)
def test_the_rule(items, want) -> None:
    assert headings_over_content(items) is want


def test_a_heading_names_work_in_a_short_line() -> None:
    assert is_heading("改造敬老院设施,提升养老服务水平")
    assert not is_heading("城乡建设")  # a category
    assert not is_heading("实施" + "农村" * 20)  # too long for a heading
    assert not is_heading("实施农村天然气村村通:")
