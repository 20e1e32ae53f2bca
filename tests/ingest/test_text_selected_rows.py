"""SELECTED ROWS (luoshi/ingest/text/rows.py): a cells-per-line table listing a selection of a
report's tasks under the report's own numbers (6, 52, 53 …) opens a row at a serial jumping
far ahead when the serials after it count on from it; a number inside a cell does not.
Made-up pages."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document

HEADER = "某县农业农村局2023年重点工作落实情况\n\n序号\n\n工作任务\n\n责任单位\n\n进展情况\n\n"


def _row(serial: int, k: int) -> str:
    return f"{serial}\n\n推进高标准农田建设第{k}批项目\n\n县农业农村局\n\n已完成建设任务的{k}0%。\n\n"


SELECTED = HEADER + _row(6, 1) + _row(52, 2) + _row(53, 3) + _row(54, 4)
# a number alone inside a cell, the table's own next serial after it: no row
IN_CELL = HEADER + (
    "1\n\n推进高标准农田建设项目\n\n县农业农村局\n\n完成项目数\n\n40\n\n已完成建设任务的八成。\n\n"
    + _row(2, 2)
    + _row(3, 3)
)
# a jump followed by no count: not a row
LONE_JUMP = HEADER + _row(1, 1) + _row(2, 2) + "60\n\n已完成。\n\n"


@pytest.mark.parametrize(
    ("page", "serials"),
    [
        (SELECTED, ["6", "52", "53", "54"]),
        (IN_CELL, ["1", "2", "3"]),
        (LONE_JUMP, ["1", "2"]),
    ],
    ids=["selection", "number in a cell", "lone jump"],
)
def test_selected_rows(page: str, serials: list[str]) -> None:
    doc = read_document(page.encode(), name="selected.txt")
    assert [t.serial for t in doc.tasks] == serials
    assert doc.tasks[-1].units == ["县农业农村局"]
