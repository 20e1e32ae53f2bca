"""UNIT-NAMED UNDERTAKINGS (prose/unitnamed.py), made-up text: running paragraphs each naming
one undertaking by the unit answering for it (由X负责的Y项目) are a task list; two such
paragraphs, or a story with other paragraphs between them, stay refused."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document

LEAD = "某某镇民生项目\n\n今年以来,全镇共确定重点项目8项。\n\n"
PLAN = (
    "聚焦“民生”,由镇交通站负责的村道硬化项目,建设道路12公里,预计2031年11月份完成。\n\n"
    "聚焦“生态”。由镇农业办负责的美丽乡村建设项目,完善绿化亮化,预计2031年12月底完成。\n\n"
    "聚焦“治理”,由镇综治办负责的平安乡村工程,新增监控50路,计划年底前建成。\n"
)

# (id, text, [(category, units, task, target or done, deadline)], the content's column)
READ = [
    (
        "a plan: the repeated frame a category, the closing 预计 clause a deadline",
        LEAD + PLAN,
        [
            ("聚焦“民生”", ["镇交通站"], "村道硬化项目", "建设道路12公里", "2031年11月份"),
            ("聚焦“生态”", ["镇农业办"], "美丽乡村建设项目", "完善绿化亮化", "2031年12月底"),
            ("聚焦“治理”", ["镇综治办"], "平安乡村工程", "新增监控50路", "年底前"),
        ],
        "target",
    ),
    (
        "frames that differ stay in the content; a report's content is its progress",
        "某某镇重点项目进展情况\n\n"
        "今年,由镇交通站负责的村道硬化项目已完成道路8公里。\n\n"
        "由镇农业办牵头实施的美丽乡村建设项目已完成绿化2处。\n\n"
        "在东片,由镇水务站负责的河道清淤工程已清淤3公里。\n",
        [
            ("", ["镇交通站"], "村道硬化项目", "今年。已完成道路8公里", ""),
            ("", ["镇农业办"], "美丽乡村建设项目", "已完成绿化2处", ""),
            ("", ["镇水务站"], "河道清淤工程", "在东片。已清淤3公里", ""),
        ],
        "done",
    ),
]

REFUSED = [
    ("two items only", LEAD + PLAN.split("\n\n", 2)[0] + "\n\n" + PLAN.split("\n\n", 2)[1]),
    (
        "a story with other paragraphs between the items",
        LEAD + PLAN.replace("\n\n", "\n\n镇领导到现场察看施工情况,要求加快进度。\n\n", 1),
    ),
    (
        "two marker paragraphs: the list readers' page, whose verdict holds",
        LEAD + "1.加快建设。\n\n2.强化督查。\n\n" + PLAN,
    ),
]


def _cell(doc, task, role: str) -> str:
    """The task's extra cell under the column of that role ("" when none)."""
    header = next((c.header for c in doc.columns if c.role.value == role), None)
    return task.extra.get(header, "") if header else ""


@pytest.mark.parametrize("text,want,content", [c[1:] for c in READ], ids=[c[0] for c in READ])
def test_unit_named_undertakings_are_tasks(text: str, want: list, content: str) -> None:
    doc = read_document(text.encode(), name="page.txt")
    assert doc.layout == "unit-named"
    got = []
    for t in doc.tasks:
        value = t.items[0].done if content == "done" else _cell(doc, t, "target")
        got.append((_cell(doc, t, "category"), t.units, t.text, value, _cell(doc, t, "deadline")))
    assert got == want
    assert any("news citing the units" in w.message for w in doc.warnings)


@pytest.mark.parametrize("text", [c[1] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_not_a_list_of_unit_named_undertakings(text: str) -> None:
    try:
        doc = read_document(text.encode(), name="page.txt")
    except IngestError:
        return
    assert doc.layout != "unit-named"
