"""Cells-per-line headers the vocabulary only partly knows, without 序号 (reader.py,
_partly_known_header): half or more of the run's cells name known columns, among them a task
column and a unit, leader or progress column."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document

TITLE = "2024年重点项目推进情况表\n\n"
ROWS = (
    "城东公园建设\n\n占地30亩\n\n5000\n\n市住建局\n\n已完成主体工程,进入绿化施工。\n\n"
    "老城区管网改造\n\n改造管网12公里\n\n8000\n\n市城管局\n\n已改造管网8公里。\n"
)

ACCEPTED = [
    # (name, header cells, roles)
    (
        "two unknown columns of five",
        ["项目名称", "建设规模", "计划投资(万元)", "责任单位", "进展情况"],
        ["task", "other", "other", "units", "done"],
    ),
]


def test_a_header_half_known_is_found() -> None:
    header = "\n\n".join(ACCEPTED[0][1]) + "\n\n"
    doc = read_document((TITLE + header + ROWS).encode(), name="p.txt")
    assert [str(c.role) for c in doc.columns] == ACCEPTED[0][2]
    assert [t.text for t in doc.tasks] == ["城东公园建设", "老城区管网改造"]
    assert [t.units for t in doc.tasks] == [["市住建局"], ["市城管局"]]
    assert doc.tasks[0].items[0].done == "已完成主体工程,进入绿化施工。"
    assert any("unknown column header '建设规模'" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "header",
    [
        # fewer than half known
        ["项目名称", "建设规模", "总投资", "资金来源", "建设地点", "进展情况"],
        # no task column
        ["建设规模", "责任单位", "进展情况", "备注"],
        # no unit, leader or progress column
        ["项目名称", "建设规模", "备注"],
    ],
    ids=["under half known", "no task column", "no anchor column"],
)
def test_not_enough_known_is_no_header(header: list[str]) -> None:
    text = TITLE + "\n\n".join(header) + "\n\n" + ROWS
    with pytest.raises(IngestError, match="no table header"):
        read_document(text.encode(), name="p.txt")
