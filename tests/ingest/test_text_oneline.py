"""A whole table run onto one line, cells and rows separated by single spaces."""

from __future__ import annotations

from luoshi.ingest import read_document
from luoshi.ingest.text.oneline import unfold_one_line_table

_ROWS = [
    ("1", "城镇新增就业1万人。", "序时推进", "一季度新增就业2600人,完成全年目标26%。", "市人社局"),
    ("2", "新建公办幼儿园3所。", "已完成", "3所幼儿园均已建成 并于3月开园招生。", "市教育局"),
    ("3", "改造老旧小区20个。", "滞后", "已完成设计招标, 2 个小区进场施工。", "市住建局"),
]


def _page() -> str:
    cells = ["某市2031年上半年重点工作进展情况统计表", "序号", "重点工作", "完成状态"]
    cells += ["工作进展情况", "责任单位", "一、稳就业保民生"]
    for row in _ROWS:
        cells += list(row)
    return "网站导航\n\n" + " ".join(cells) + "\n"


def test_one_line_table_unfolded_into_rows() -> None:
    doc = read_document(_page().encode(), name="t.txt")
    assert [str(c.role) for c in doc.columns] == [
        "serial",
        "task",
        "declared_status",
        "done",
        "units",
    ]
    got = [(t.serial, t.text, t.extra["完成状态"], t.units) for t in doc.tasks]
    assert got == [(s, task, st, [u]) for s, task, st, _, u in _ROWS]
    # a space inside a progress cell stays inside it
    assert [t.items[0].done.replace(" ", "") for t in doc.tasks] == [
        d.replace(" ", "") for *_, d, _ in _ROWS
    ]
    assert doc.meta.year == 2031
    assert any("one line" in w.message for w in doc.warnings)


def test_number_inside_text_that_is_not_the_next_serial_opens_no_row() -> None:
    lines = _page().split("\n")
    unfolded = unfold_one_line_table(lines)
    assert unfolded is not None
    # title, header, group heading, three rows: the piece 2 inside row 3 is no serial (2 is past)
    assert unfolded[2].startswith("某市")
    assert [u.split()[0] for u in unfolded[3:8]] == ["序号", "一、稳就业保民生", "1", "2", "3"]


def test_short_line_is_not_unfolded() -> None:
    assert unfold_one_line_table(["序号 重点工作 责任单位 1 某项工作 市某局"]) is None


def test_serials_glued_to_the_task_and_rows_on_later_lines() -> None:
    """Serials glued to the task by a list mark (2.新建…) open rows in a table whose first row
    has one; rows run together on a later line are cut the same way."""
    page = _page()
    for serial, task, *_ in _ROWS:
        page = page.replace(f" {serial} {task}", f" {serial}.{task}")
    head, _, tail = page.partition(" 3.")
    doc = read_document((head + "\n3." + tail).encode(), name="t.txt")
    assert [(t.serial, t.text, t.units) for t in doc.tasks] == [
        (s, task, [u]) for s, task, *_, u in _ROWS
    ]


def test_pipe_table_on_one_line_is_unfolded_with_its_empty_cells() -> None:
    """Cells between bars, the whole table on its header's line: rows cut at the serials,
    an empty cell kept in its place."""
    rows = [list(r) for r in _ROWS]
    rows[2][3] = ""  # row 3 has no progress text
    cells = ["序号", "重点工作", "完成状态", "工作进展情况", "责任单位"]
    cells += [c for r in rows for c in r]
    page = "某市2031年上半年重点工作进展情况统计表\n" + " | ".join(cells) + " |\n"
    doc = read_document(page.encode(), name="t.txt")
    assert doc.layout == "pipe"
    got = [(t.serial, t.text, t.extra["完成状态"], t.items[0].done, t.units) for t in doc.tasks]
    assert got == [(s, task, st, d, [u]) for s, task, st, d, u in rows]
