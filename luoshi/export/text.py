"""A ParsedDocument written as a published page flattened to text (the seeds' style).

Title, the metadata block (bullets, value on the next line), the header cells one per line,
then each task's cells one paragraph per line with a blank line between paragraphs, "——"
for an empty cell, sub-headings on their own line before each sub-item's first progress cell,
and the header row repeated every ``header_every`` tasks as at page breaks. The text reader
reads it back to the same tasks and cells.
"""

from __future__ import annotations

from luoshi.export.table import DEFAULT_COLUMNS, META_LABELS
from luoshi.ingest.model import Column, ParsedDocument, Task
from luoshi.vocab import ITEM_FIELD_BY_ROLE as ITEM_FIELDS
from luoshi.vocab import UNIT_COLUMN_ROLES as UNIT_ROLES
from luoshi.vocab import ColumnRole

EMPTY = "——"
# 发布日期 is written on the page's own "发布日期:… 来源:…" line, not in the bullet block.
_META = [(label, attr) for label, attr in META_LABELS if attr != "published_date"]


def _paras(text: str) -> list[str]:
    lines = [s.strip() for s in text.split("\n")]
    return [s for s in lines if s] or [EMPTY]


def _unit_cell(task: Task, column: Column, roles: list[ColumnRole]) -> str:
    if column.role is ColumnRole.CO_UNITS:
        units = (
            task.units[1:]
            if ColumnRole.LEAD_UNIT in roles or ColumnRole.UNITS in roles
            else task.units
        )
    elif ColumnRole.CO_UNITS in roles:
        units = task.units[:1]
    else:
        units = task.units
    return "、".join(units)


def _task_paras(task: Task, columns: list[Column], unit_note: str) -> list[str]:
    roles = [c.role for c in columns]
    out: list[str] = [task.serial]
    item_cols = [c for c in columns if c.role in ITEM_FIELDS]
    first_item = columns.index(item_cols[0]) if item_cols else len(columns)
    for col in columns[:first_item]:
        if col.role is ColumnRole.SERIAL:
            continue
        if col.role is ColumnRole.TASK:
            out += _paras(task.text)
        elif col.role in UNIT_ROLES:
            out += _paras(_unit_cell(task, col, roles) + unit_note)
            unit_note = ""  # the remark about the column goes with the first unit cell only
        else:
            out += _paras(task.extra.get(col.header, ""))
    items = task.items or []
    headed = len(items) > 1
    for item in items:
        if headed or item.heading:
            out.append(item.heading or EMPTY)
        for col in item_cols:
            out += _paras(getattr(item, ITEM_FIELDS[col.role]))
    for col in columns[first_item + len(item_cols) :]:
        out += _paras(task.extra.get(col.header, ""))
    return out


def write_text(doc: ParsedDocument, *, header_every: int = 0) -> bytes:
    """The document as UTF-8 text in the published pages' flattened style."""
    meta = doc.meta
    columns = list(doc.columns) or DEFAULT_COLUMNS
    lines: list[str] = []
    if meta.government:
        lines.append(f"当前位置: {meta.government}人民政府> 政府信息公开>")
    if meta.title:
        lines.append(meta.title)
    if meta.published_date:
        lines.append(f"发布日期:{meta.published_date.isoformat()} 来源:{meta.publisher}")
    for label, attr in _META:
        value = getattr(meta, attr)
        if value:
            lines.append(f"  • {label}:")
            lines.append(f"  • {value.isoformat() if hasattr(value, 'isoformat') else value}")
    lines.append("")
    header = [c.header for c in columns]
    unit_notes = "".join(n for n in meta.notes if n[:1] in "(（" and n[-1:] in ")）")
    paras: list[str] = list(header)
    for n, task in enumerate(doc.tasks):
        if header_every and n and n % header_every == 0:
            paras += header
        paras += _task_paras(task, columns, unit_notes if n == 0 else "")
    lines += [p + "\n" for p in paras]
    return ("\n".join(lines) + "\n").encode("utf-8")
