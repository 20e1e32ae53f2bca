"""A ParsedDocument laid out as its official table, the one layout every writer renders.

Conventions (docs/formats.md; the readers rely on them on the way back):

- columns and their order are the source's (``ParsedDocument.columns``); header texts as read;
- one row per item; the task's own cells (serial, task, units, and any column that is not
  done/problems/next steps) are merged down across the rows of its items;
- an item's sub-heading is the first paragraph of its row's first progress cell (the first
  done/problems/next-steps column), and is shown bold; a task with one item and no heading is
  one plain row. So a task whose serial cell spans several rows has one item per row and
  reads each row's first progress paragraph as that item's heading;
- units are joined with 、 in their order, lead first; a lead/co split (牵头单位 + 配合单位)
  puts the first unit in the lead column and the rest in the co column;
- notes that are parenthesised remarks about the unit column ("(列第一位者…,下同)") follow the
  first task's units, where the published tables put them; other notes follow the metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from luoshi.ingest.model import Column, Meta, ParsedDocument, Task
from luoshi.vocab import ITEM_ROLES, ColumnRole
from luoshi.vocab import UNIT_COLUMN_ROLES as UNIT_ROLES

DEFAULT_COLUMNS = [
    Column("序号", ColumnRole.SERIAL),
    Column("任务内容", ColumnRole.TASK),
    Column("责任单位", ColumnRole.UNITS),
    Column("完成情况", ColumnRole.DONE),
    Column("存在问题及困难", ColumnRole.PROBLEMS),
    Column("下一步工作", ColumnRole.NEXT_STEPS),
]

META_LABELS = [  # (label, Meta attribute) in the order of the published metadata block
    ("索引号", "index_no"),
    ("组配分类", "category"),
    ("发布机构", "publisher"),
    ("成文日期", "written_date"),
    ("发布日期", "published_date"),
    ("公开方式", "disclosure"),
]


@dataclass
class OutCell:
    text: str  # the whole cell text, heading included, paragraphs joined with "\n"
    rowspan: int = 1
    heading: str | None = None  # the first paragraph, when it is an item's sub-heading

    @property
    def body(self) -> str:
        """The text after the heading paragraph."""
        if self.heading is None:
            return self.text
        return self.text[len(self.heading) + 1 :] if self.text != self.heading else ""


@dataclass
class OfficialTable:
    title: str
    meta_lines: list[str]  # "索引号:…" lines, then free notes
    header: list[str]
    roles: list[ColumnRole]
    # rows[i][j] is None where a cell above spans down over it
    rows: list[list[OutCell | None]] = field(default_factory=list)
    task_of_row: list[int] = field(default_factory=list)  # index of the task each row belongs to

    @property
    def width(self) -> int:
        return len(self.header)


def is_unit_note(note: str) -> bool:
    return note[:1] in "(（" and note[-1:] in ")）"


def meta_lines(meta: Meta) -> list[str]:
    lines = []
    if meta.government and meta.government not in meta.title:
        # The page's breadcrumb names the government when the title says only 市政府.
        lines.append(f"{meta.government}人民政府 > 政府信息公开")
    for label, attr in META_LABELS:
        value = getattr(meta, attr)
        if value:
            lines.append(f"{label}:{value.isoformat() if hasattr(value, 'isoformat') else value}")
    lines.extend(n for n in meta.notes if not is_unit_note(n))
    return lines


def columns_of(doc: ParsedDocument) -> list[Column]:
    return list(doc.columns) if doc.columns else DEFAULT_COLUMNS


def _task_cell(task: Task, column: Column, roles: list[ColumnRole]) -> str:
    role = column.role
    if role is ColumnRole.SERIAL:
        return task.serial
    if role is ColumnRole.TASK:
        return task.text
    if role in UNIT_ROLES:
        has_co = ColumnRole.CO_UNITS in roles
        if role is ColumnRole.CO_UNITS:
            units = task.units[1:] if ColumnRole.LEAD_UNIT in roles or ColumnRole.UNITS in roles else task.units
        elif has_co:
            units = task.units[:1]
        else:
            units = task.units
        return "、".join(units)
    return task.extra.get(column.header, "")  # leader, target, declared status, other


def official_table(doc: ParsedDocument) -> OfficialTable:
    columns = columns_of(doc)
    roles = [c.role for c in columns]
    table = OfficialTable(
        title=doc.meta.title,
        meta_lines=meta_lines(doc.meta),
        header=[c.header for c in columns],
        roles=roles,
    )
    item_cols = [j for j, r in enumerate(roles) if r in ITEM_ROLES]
    first_item_col = item_cols[0] if item_cols else None
    first_unit_col = next((j for j, r in enumerate(roles) if r in UNIT_ROLES), None)
    unit_notes = [n for n in doc.meta.notes if is_unit_note(n)]
    for t_index, task in enumerate(doc.tasks):
        items = task.items or []
        n = max(1, len(items))
        headed = len(items) > 1 or any(it.heading for it in items)
        for i in range(n):
            item = items[i] if i < len(items) else None
            row: list[OutCell | None] = []
            for j, role in enumerate(roles):
                if role in ITEM_ROLES:
                    value = ""
                    if item is not None:
                        value = {ColumnRole.DONE: item.done, ColumnRole.PROBLEMS: item.problems,
                                 ColumnRole.NEXT_STEPS: item.next_steps}[role]
                    heading = item.heading if (item is not None and headed and j == first_item_col) else None
                    if heading:
                        row.append(OutCell("\n".join(p for p in (heading, value) if p), 1, heading))
                    else:
                        row.append(OutCell(value))
                elif i == 0:
                    text = _task_cell(task, columns[j], roles)
                    if t_index == 0 and unit_notes and j == first_unit_col:
                        text += "".join(unit_notes)
                    row.append(OutCell(text, n))
                else:
                    row.append(None)
            table.rows.append(row)
            table.task_of_row.append(t_index)
    return table


def plain_lines(text: str) -> list[str]:
    """A cell's paragraphs."""
    return text.split("\n") if text else []
