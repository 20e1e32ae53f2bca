"""Issue 9: a page without a title whose list is announced by a sentence (…于2031年1月19日表决
通过2031年安澜市青石区民生实事项目5个,分别为:) takes the list's name from it — the clause from
the list's year to its noun — for its title, year and government (text/pagemeta.py,
title_from_lead_in; the lead-in is recognised with a count and 分别为 before its colon, in
either script: prose/items.py, names_its_items). Made-up pages."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.text.prose.items import names_its_items

ITEMS = (
    "\n".join(
        f"{n}.{t};"
        for n, t in enumerate(
            ["新建公办幼儿园项目", "农村公路提升改造项目", "老旧小区改造项目", "口袋公园建设项目"],
            1,
        )
    )
    + "\n5.社区食堂建设项目。\n"
)

# A news report's opening sentence, too long to be read as a title (over 100 characters).
_LONG = (
    "1月20日上午,记者从安澜市青石区第五届人民代表大会第二次会议上了解到,本次会议听取和审议了"
    "政府工作报告、计划报告和预算报告,并于2031年1月19日以无记名投票方式表决通过2031年安澜市青石区"
    "民生实事项目5个,分别为:"
)
# (lead-in line, year, government)
CASES = [
    (
        "1月20日,记者从青石区人代会上了解到,会议于2031年1月19日表决通过2031年安澜市青石区"
        "民生实事项目5个,分别为:",
        2031,
        "青石区",
    ),
    (
        "1月20日,記者從青石區人代會上了解,會議于2031年1月19日表決通過2031年安瀾市青石區"
        "民生實事項目5個,分別為:",
        2031,
        "青石區",
    ),
    (_LONG, 2031, "青石区"),
    ("安澜市人民政府2031年民生实事项目:", 2031, "安澜市"),
]


@pytest.mark.parametrize(("lead_in", "year", "government"), CASES)
def test_the_list_name_in_a_lead_in_sentence(lead_in: str, year: int, government: str) -> None:
    doc = read_document(f"{lead_in}\n{ITEMS}".encode(), name="page.txt")
    assert len(doc.tasks) == 5
    assert (doc.meta.year, doc.meta.government) == (year, government)


def test_a_long_lead_in_gives_the_list_name_for_a_title() -> None:
    doc = read_document(f"{_LONG}\n{ITEMS}".encode(), name="page.txt")
    assert doc.meta.title == "2031年安澜市青石区民生实事项目"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("2031年民生实事项目:", True),
        ("表决通过2031年民生实事项目10个,分别为:", True),
        ("表決通過2031年民生實事項目10個,分別為:", True),
        ("现将有关事项通知如下:", False),
    ],
)
def test_names_its_items(line: str, names: bool) -> None:
    assert names_its_items(line) is names
