"""A unit named in a sentence "由X组织推进和落实" (由 + a verb of carrying the work out), and a page
with no opening that is a report because its items say, after that sentence, what was done.
Made-up text."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.units import units_by_role_note

# (id, page, [(serial, task, units, done)], read as a report)
CASES = [
    (
        "由X组织推进和落实 then what was done: units and progress",
        "3、新建社区食堂。由县民政局组织推进和落实。已建成食堂4个,投入使用。\n"
        "4、改造农村公路。由县交通局组织推进和落实。完成路面硬化12公里。\n"
        "5、建设城南公园。由县住建局、县林业局组织实施。公园主体已完工。\n",
        [
            ("3", "新建社区食堂。", ["县民政局"], "已建成食堂4个,投入使用。"),
            ("4", "改造农村公路。", ["县交通局"], "完成路面硬化12公里。"),
            ("5", "建设城南公园。", ["县住建局", "县林业局"], "公园主体已完工。"),
        ],
        True,
    ),
    (
        "由X具体执行 with nothing after it: units, no progress, not a report",
        "1、新建社区食堂。由县民政局具体执行。\n2、改造农村公路。由县交通局负责实施。\n",
        [("1", "新建社区食堂。", ["县民政局"], ""), ("2", "改造农村公路。", ["县交通局"], "")],
        False,
    ),
]


@pytest.mark.parametrize(
    "page,want,report", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_unit_sentence_with_by(page: str, want: list, report: bool) -> None:
    doc = read_document(page.encode(), name="list.txt")
    assert doc.layout == "prose"
    got = [(t.serial, t.text, t.units, t.items[0].done) for t in doc.tasks]
    assert got == want
    assert any("read as a progress report" in w.message for w in doc.warnings) == report


def test_a_plan_describing_its_items_after_the_unit_is_not_a_report() -> None:
    # fewer than half of the items say what was done after their unit: a plan's description
    page = (
        "1、新建社区食堂。由县民政局组织实施。年底前建成食堂4个。\n"
        "2、改造农村公路。由县交通局组织实施。确保群众出行便利。\n"
        "3、建设城南公园。由县住建局组织实施。打造市民休闲空间。\n"
    )
    doc = read_document(page.encode(), name="list.txt")
    assert all(not i.done for t in doc.tasks for i in t.items)
    assert [t.units for t in doc.tasks] == [["县民政局"], ["县交通局"], ["县住建局"]]


@pytest.mark.parametrize(
    "text,want",
    [
        ("新建食堂(由市民政局组织实施)", ("新建食堂", ["市民政局"], [])),
        ("新建食堂(由市民政局组织推进和落实)", ("新建食堂", ["市民政局"], [])),
        # without 由 the verb may be the task's own wording: no unit
        ("新建食堂(加快推进和落实)", None),
    ],
)
def test_role_note_with_by(text: str, want: tuple | None) -> None:
    assert units_by_role_note(text) == want
