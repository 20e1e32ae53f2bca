"""The **prose** layout: the annual task list published as a document, not a table
(舟政办发〔2020〕4号 style)::

    一、…                          (optional section headings: groups)
    (一)…
    1.task text…                   (a numbered paragraph: one task)
    责任单位:市发改委、市财政局      (its unit line; or 牵头单位:… / 配合单位:… lines,
                                    or "(责任单位:…)" at the end of the task paragraph)

Tried only when no table header is found. The shape must be clear — at least two numbered
paragraphs with their units — so ordinary prose still gets the "no table header" error.
Cells are kept as written (no space normalisation, as in the table layouts).
"""

from __future__ import annotations

import re

from luoshi.ingest.layout import GROUP_KEY, RowCells, build_task
from luoshi.ingest.model import Column, ParsedDocument, Period, Task
from luoshi.ingest.text.pagemeta import read_page_meta
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import CLOSING, is_group
from luoshi.ingest.units import units_in_text
from luoshi.vocab import ColumnRole, PeriodKind

PROSE_LAYOUT = "prose"

_NUMBERED = re.compile(r"^(\d{1,3})\s*[.、．]\s*(?!\d)")
_UNIT_LINE = re.compile(r"^(责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门)\s*[:：]\s*")
_PART = re.compile(r"[;；]?\s*(责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门)\s*[:：]\s*")
_MIN_TASKS = 2
# A title naming the list itself (not a report on it): the period is the plan.
_PLAN_TITLE = re.compile(r"任务分解|责任分解|分工方案|任务清单|工作清单|清单")
_PROGRESS_WORD = re.compile(r"完成情况|进展|落实情况|推进情况|执行情况|进度")

# Reported columns; build_task also needs a co-unit column for 配合单位 lines (lead first).
COLUMNS = [
    Column("序号", ColumnRole.SERIAL),
    Column("任务内容", ColumnRole.TASK),
    Column("责任单位", ColumnRole.UNITS),
]
_BUILD_COLUMNS = [*COLUMNS, Column("配合单位", ColumnRole.CO_UNITS)]


def _has_inline_units(text: str) -> bool:
    return units_in_text(text) is not None


def _starts(paras: list[Para]) -> list[int]:
    """Indexes of numbered paragraphs that carry units (inline or on the next paragraphs)."""
    out = []
    for k, p in enumerate(paras):
        if not _NUMBERED.match(p.text):
            continue
        nxt = paras[k + 1].text if k + 1 < len(paras) else ""
        if _UNIT_LINE.match(nxt) or _has_inline_units(p.text):
            out.append(k)
    return out


def read_prose(paras: list[Para], name: str, ends_newline: bool) -> ParsedDocument | None:
    """The document when the paragraphs have the plan-in-prose shape, else None."""
    with_units = _starts(paras)
    if len(with_units) < _MIN_TASKS:
        return None
    first, last_with_units = with_units[0], with_units[-1]
    # Headings right above the first task belong to the body.
    start = first
    while start > 0 and is_group(paras[start - 1].text):
        start -= 1
    warn: list[tuple[int | None, str]] = [
        (
            paras[first].line,
            "the document is a plan in prose (numbered paragraphs, each with a 责任单位 line), "
            "not a table: columns 序号/任务内容/责任单位 are the reader's",
        )
    ]
    notes: list[str] = []
    tasks: list[Task] = []
    top, sub = "", ""
    row: RowCells | None = None
    row_group = ""
    text_lines: list[str] = []
    lead: list[str] = []
    co: list[str] = []
    ignored: list[Para] = []
    prev: int | None = None

    def close() -> None:
        if row is None:
            return
        row.fixed = {1: text_lines, 2: lead, 3: co}
        task = build_task(row, _BUILD_COLUMNS, notes)
        if row_group:
            task.extra[GROUP_KEY] = row_group
        if not task.units:
            warn.append((row.line_start, f"task {row.serial} has no 责任单位 line"))
        tasks.append(task)

    end = len(paras)
    for k in range(start, end):
        p = paras[k]
        m = _NUMBERED.match(p.text)
        if m and (k <= last_with_units or _is_tail(paras, k, ends_newline)):
            close()
            value = int(m.group(1))
            if prev is not None and value != prev + 1:
                warn.append((p.line, f"serial {value} follows {prev}"))
            prev = value
            row = RowCells(serial=m.group(1), line_start=p.line, line_end=p.line)
            row_group = " ".join(g for g in (top, sub) if g)
            text_lines, lead, co = [p.text[m.end() :]], [], []
            continue
        if is_group(p.text):
            if p.text.lstrip().startswith(("(", "（")):
                sub = p.text
            else:
                top, sub = p.text, ""
            continue
        if row is not None and _UNIT_LINE.match(p.text):
            _unit_parts(p.text, lead, co)
            row.line_end = p.line
            continue
        if row is not None and not lead and not co and k <= last_with_units:
            text_lines.append(p.text)  # the task paragraph continues
            row.line_end = p.line
            continue
        ignored.append(p)
    close()
    tail = paras[-1]
    if tasks and tail.line >= (tasks[-1].line_start or 0) and _cut_off(tail.text, ends_newline):
        # Only the fragment's own line counts as "ignored" for the cut-off message.
        ignored = [q for q in ignored if q is not tail]
        warn.append(
            (
                tail.line,
                f"the text ends mid-sentence ({tail.text[-12:]!r}): task {tasks[-1].serial} "
                "is probably cut off",
            )
        )
    if ignored:
        warn.append(
            (
                ignored[0].line,
                f"{len(ignored)} paragraph(s) among the tasks are neither a task, a unit line nor "
                f"a heading ({ignored[0].text[:20]!r}…): ignored",
            )
        )
    preamble = [q.text for q in paras[:start]]
    title = preamble[-1] if preamble and _PLAN_TITLE.search(preamble[-1]) else ""
    meta, meta_warnings = read_page_meta(preamble, title, [q.text for q in paras[start:]])
    if meta.period is None:
        for candidate in (meta.title, title):
            if candidate and (m := _PLAN_TITLE.search(candidate)):
                if not _PROGRESS_WORD.search(candidate):
                    meta.period = Period(kind=PeriodKind.PLAN, label=m.group(0))
                    meta_warnings = [w for w in meta_warnings if "no reporting period" not in w]
                    break
    meta.notes.extend(notes)
    doc = ParsedDocument(
        meta=meta,
        columns=list(COLUMNS),
        tasks=tasks,
        source_name=name,
        format="text",
        layout=PROSE_LAYOUT,
    )
    for w in meta_warnings:
        doc.warn(None, w)
    for line, message in warn:
        doc.warn(line, message)
    return doc


def _unit_parts(text: str, lead: list[str], co: list[str]) -> None:
    """A unit line into lead-side and co values: "牵头单位:A;配合单位:B"."""
    pieces = _PART.split(text)
    for key, value in zip(pieces[1::2], pieces[2::2], strict=False):
        value = value.strip().rstrip(";；")
        if value:
            (co if key.startswith("配合") else lead).append(value)


def _is_tail(paras: list[Para], k: int, ends_newline: bool) -> bool:
    """A numbered paragraph after the last one with units is still a task when only a
    cut-off fragment (or nothing) follows it: the excerpt ends inside that task."""
    rest = paras[k + 1 :]
    return len(rest) <= 1 and (not rest or _cut_off(rest[0].text, ends_newline))


def _cut_off(text: str, ends_newline: bool) -> bool:
    if not ends_newline:
        return not CLOSING.search(text)
    return text[-1] in ",，、:：(（“"
