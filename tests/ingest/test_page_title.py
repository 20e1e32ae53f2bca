"""A title not at the top of the page is found by its shape (luoshi/ingest/text/pagemeta.py,
``title_by_shape``); made-up lines, not corpus text."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.text.pagemeta import read_page_meta, title_by_shape

SHAPE_CASES = [
    ("a plan's name with a year", ["政府信息公开", "青石县2030年民生实事项目"], "青石县2030年民生实事项目"),
    ("a tag in brackets is not part of it", ["【聚焦两会】青石县政府2030年将办好12件民生实事"],
     "青石县政府2030年将办好12件民生实事"),
    ("a pipe left by the flattening", ["| 2030年重点工作完成情况 |"], "2030年重点工作完成情况"),
    ("traditional characters", ["2030年重點工作進展情況"], "2030年重點工作進展情況"),
    ("a numbered item is not a title", ["(3)2030年完成民生实事12件"], ""),
    ("a sentence is not a title", ["2030年,全县民生实事进展顺利。"], ""),
    ("no year, no title", ["民生实事进展情况"], ""),
    ("no plan or report word, no title", ["2030年5月10日上午"], ""),
    ("too long to be a title", ["2030年" + "民生实事" * 16], ""),
]


@pytest.mark.parametrize(
    ("lines", "title"), [c[1:] for c in SHAPE_CASES], ids=[c[0] for c in SHAPE_CASES]
)
def test_title_by_shape(lines: list[str], title: str) -> None:
    assert title_by_shape(lines) == title


def test_a_title_after_the_list_gives_year_and_government_with_a_warning() -> None:
    body = [f"({i})新建公园{i}个,改造道路{i}公里。" for i in range(1, 10)]
    body += ["政府信息公开", "【聚焦两会】青石县政府2030年将办好9件民生实事", "索引号:0001 时间:2030-05-11"]
    meta, warnings = read_page_meta(["5月10日上午,县人代会开幕。"], "", body)
    assert (meta.title, meta.year, meta.government) == (
        "青石县政府2030年将办好9件民生实事", 2030, "青石县"
    )
    assert any("near the end of the page" in w for w in warnings)
    assert not any(w.startswith("no title found") for w in warnings)


def test_an_indented_title_under_a_source_line_is_found() -> None:
    preamble = ["?", "來源:青石縣人民政府網", "發布時間:2030-07-01", "    青石縣2030年民生實事進展情況"]
    meta, _ = read_page_meta(preamble, "", ["1.新建公园3个(责任单位:县住建局)"])
    assert meta.title == "青石縣2030年民生實事進展情況"
    assert (meta.year, meta.government) == (2030, "青石縣")


def test_a_prose_page_with_its_title_at_the_end_is_read_with_that_year() -> None:
    items = "\n".join(
        f"{i}.新建城乡公园{i}个,改造背街小巷{i}条,惠及群众{i}万人。(责任单位:县住建局)" for i in range(1, 5)
    )
    text = f"?\n\n{items}\n\n政府信息公开\n\n青石县2030年民生实事项目清单\n\n"
    doc = read_document(text.encode(), name="page.txt")
    assert len(doc.tasks) == 4
    assert (doc.meta.year, doc.meta.government) == (2030, "青石县")
