"""NESTED SINGLE-NOTE RULE (prose/structure.py ``_single_role_style``), made-up text: a plan
numbering its groups 1. / (1) over items ①②, of which only the first carries its unit note
(the page is cut inside the second, or the others give none), is a list of the ① items when
that note names its units by their part and the next ① counts on; without that evidence the
page is still refused."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document

TITLE = "某某县2021年民生实事工作方案\n\n一、工作任务\n\n(一)实施民生工程\n\n"
GROUPS = "1.居民增收工程\n\n(1)增加城镇居民收入\n\n"
FIRST = "①以就业促增收。新增就业岗位800个。(牵头部门:县人社局;责任单位:各乡镇)\n\n"

# (id, body, [(serial, units)]) — read as a list of the circled items
READ = [
    (
        "the second item cut inside its note",
        GROUPS + FIRST + "②以创业促发展。发放创业贷款2000万元。(牵头部",
        [("①", ["县人社局", "各乡镇"]), ("②", [])],
    ),
    (
        "the second item without a note",
        GROUPS + FIRST + "②以创业促发展。发放创业贷款2000万元。\n",
        [("①", ["县人社局", "各乡镇"]), ("②", [])],
    ),
    (
        "a note naming a lead and a co-operating unit (X牵头,Y配合)",
        GROUPS + "①新建公园2个。(县住建局牵头,县财政局配合)\n\n②改造小区5个。\n",
        [("①", ["县住建局", "县财政局"]), ("②", [])],
    ),
    (
        "an outer item counting on between them: the outer numbering is the list's",
        GROUPS + FIRST + "2.居民住房工程\n\n②改造棚户区300户。\n",
        [("1", ["县人社局", "各乡镇"]), ("2", [])],
    ),
]

# (id, body) — refused: no evidence that the circled items are a list
REFUSED = [
    (
        "the note names no part (责任单位 only)",
        GROUPS + "①以就业促增收。新增就业岗位800个。(责任单位:县人社局)\n\n②以创业促发展。\n",
    ),
    (
        "the next circled item does not count on",
        GROUPS + FIRST + "④以创业促发展。发放创业贷款2000万元。\n",
    ),
]


@pytest.mark.parametrize("body,want", [c[1:] for c in READ], ids=[c[0] for c in READ])
def test_circled_items_under_numbered_groups_are_the_list(body: str, want: list) -> None:
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.layout == "prose"
    assert [(t.serial, t.units) for t in doc.tasks] == want
    assert any(f"only task {want[0][0]} names its units" in w.message for w in doc.warnings)


@pytest.mark.parametrize("body", [c[1] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_without_the_evidence_the_page_is_refused(body: str) -> None:
    with pytest.raises(IngestError):
        read_document((TITLE + body).encode(), name="plan.txt")
