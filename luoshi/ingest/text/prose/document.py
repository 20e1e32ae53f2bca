"""The document a prose list makes: which gathered tasks are the list, its columns (the page's
own: no unit column when no task names units, a progress column in a report, a schedule column
when tasks state one), the warnings that say what was inferred, and the page's metadata."""

from __future__ import annotations

from itertools import pairwise

from luoshi.ingest.headers import header_role
from luoshi.ingest.layout import GROUP_KEY, RowCells, build_task
from luoshi.ingest.model import Column, ParsedDocument, Period, Task
from luoshi.ingest.text.pagemeta import read_page_meta, title_from_lead_in
from luoshi.ingest.text.prose.content import (
    CONTENT_COLUMN,
    content_warning,
    headings_over_content,
)
from luoshi.ingest.text.prose.items import (
    CN_NUMBERED,
    bare_list_start,
    names_its_items,
    single_role_task,
    split_schedule,
    unit_columns,
)
from luoshi.ingest.text.prose.structure import (
    BUILD_COLUMNS,
    COLUMNS,
    DONE_AT,
    DONE_COLUMN,
    LONE_SERIAL,
    MIN_BARE_TASKS,
    MIN_TASKS,
    PLAN_TITLE,
    PROGRESS_WORD,
    PROSE_LAYOUT,
    SCHEDULE_COLUMN,
    ProseTask,
    cut_off,
    heading_unit,
)
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import is_group
from luoshi.vocab import PeriodKind


def headings_as_tasks(keep: list[ProseTask]) -> int:
    """Unnumbered tasks each alone under its own numbered heading (一、实施X over one
    paragraph closed by its units), on a list where every task is so: when the headings are
    headings over content (:mod:`.content`), each heading becomes its task (serial and text)
    and the paragraph its content; the number of tasks so read (0 when the rule does not
    hold)."""
    if not keep or any(t.serial or not t.heading for t in keep):
        return 0
    if len({t.heading for t in keep}) != len(keep):
        return 0  # a heading over several paragraphs is a group
    parts: list[tuple[str, str, str]] = []
    for t in keep:
        m = CN_NUMBERED.match(t.heading)
        if m is None:
            return 0
        parts.append((t.heading[: m.end()].strip("、"), t.heading[m.end() :].strip(), "\n".join(t.text)))
    if not headings_over_content(parts):
        return 0
    for t, (serial, heading, content) in zip(keep, parts, strict=True):
        t.serial, t.text, t.content = serial, [heading], content
        outer = t.group[: -len(t.heading)].strip() if t.group.endswith(t.heading) else ""
        t.group = outer
    return len(keep)


def _trim_last(
    keep: list[ProseTask], paras: list[Para], at: int, warn: list[tuple[int | None, str]]
) -> None:
    """In a list whose items name no units (nothing closes an item), the last item's text
    is its own paragraph and only as many paragraphs under it as another item has: a
    notice, a footer or a sign-off below a list of one-paragraph items is no part of the
    last one (warned). ``at`` is the paragraph index where the last item opens."""
    if len(keep) < MIN_BARE_TASKS:
        return
    last = keep[-1]
    most = max(len(t.text) for t in keep[:-1])
    if len(last.text) <= max(most, 1) or at + len(last.text) > len(paras):
        return
    cut = last.text[most:]
    last.text = last.text[:most]
    last.line_end = paras[at + most - 1].line
    warn.append(
        (
            paras[at + most].line,
            f"{len(cut)} paragraph(s) below the last item ({cut[0][:16]!r}…) are not its text: "
            f"no other item has more than {most} paragraph(s) — a notice or footer below the list",
        )
    )


def _continues_from_above(head: list[ProseTask], at: int | None) -> bool:
    """EXCERPT START RULE: the items before the list's first run (``head[:-1]``; ``head[-1]``
    opens the run at 1) are its items too when the page opens with the first of them (paragraph
    0: no title or lead-in above it, the excerpt cut mid-list), they count on from one another
    (5. 6. …, not 1.) and the run restarts at 1 under a new heading: item 5 of a group whose
    head the excerpt lacks is as much a task as the items below it."""
    items, run = head[:-1], head[-1]
    if at != 0 or not items or run.value != 1 or run.group == items[-1].group:
        return False
    values = [t.value for t in items]
    if values[0] is None or values[0] <= 1:
        return False
    return all(b == a + 1 for a, b in pairwise(values) if a is not None and b is not None)


def build_document(
    paras: list[Para],
    tasks_raw: list[ProseTask],
    first_index: dict[int, int],
    ignored: list[Para],
    warn: list[tuple[int | None, str]],
    *,
    report: bool,
    name: str,
    ends_newline: bool,
) -> ParsedDocument | None:
    """The document of the tasks the list reader gathered, or None when they are not a list
    (fewer than two with units and no bare numbered list)."""
    with_units = [n for n, t in enumerate(tasks_raw) if t.lead or t.co]
    bare = False
    single = single_role_task(tasks_raw, with_units)
    if single is not None:
        warn.append(
            (
                tasks_raw[single].line,
                f"only task {tasks_raw[single].serial} names its units (a note naming the lead "
                "unit by its part, 牵头/配合); read as a task list because the numbering runs on "
                "to the next item — the alternative is prose citing a unit: check the tasks",
            )
        )
    elif len(with_units) < MIN_TASKS:
        first = bare_list_start(
            tasks_raw,
            MIN_BARE_TASKS,
            lambda i: paras[first_index[i] - 1].text if first_index.get(i, 0) > 0 else "",
        )
        if first is None or _serial_cells(paras, max(first_index.values(), default=-1)):
            # a paragraph holding only a number is a table's serial cell flattened onto a
            # line of its own: the numbered paragraphs are points inside that table's cells
            return None
        with_units, bare = [first], True
        paged = False
        for t in tasks_raw:
            # no unit column: a unit named once (a signature line under the last item, 某县
            # 人民代表大会) is no task's units
            t.lead, t.co = [], []
            # a lone number among an item's paragraphs is a page number (_serial_cells)
            for part in (t.text, t.done):
                kept = [x for x in part if not LONE_SERIAL.match(x.strip())]
                paged = paged or len(kept) < len(part)
                part[:] = kept
        if paged:
            warn.append(
                (
                    tasks_raw[first].line,
                    "a line holding only a number, counting on from no other, is a page "
                    "number: dropped from the item it broke (the alternative is a table's "
                    "serial cell)",
                )
            )
    # Tasks before the first one with units are numbered lines of the preamble (附件:1.…),
    # unless the list's numbering runs on from them into it (1. 2. 3.(units): one list
    # whose first items' notes are missing or unreadable — warned about below).
    first = with_units[0]
    while (
        first > 0
        and tasks_raw[first].value is not None
        and tasks_raw[first - 1].value == tasks_raw[first].value - 1
        and tasks_raw[first - 1].group == tasks_raw[first].group
    ):
        first -= 1
    if first > 0 and _continues_from_above(tasks_raw[: first + 1], first_index.get(0)):
        warn.append(
            (
                tasks_raw[0].line,
                f"the page opens with item {tasks_raw[0].serial} of a list begun above the "
                "excerpt: read as a task (the alternative is a stray numbered line)",
            )
        )
        first = 0
    keep = tasks_raw[first:]
    if bare:
        _trim_last(keep, paras, first_index[len(tasks_raw) - 1], warn)
    start = first_index[first]
    while start > 0 and (is_group(paras[start - 1].text) or heading_unit(paras[start - 1].text)):
        start -= 1
    ignored = [q for q in ignored if q.line >= paras[start].line]
    for t in keep:
        if t.text:
            head, t.schedule = split_schedule(t.text[-1])
            if t.schedule:
                t.text[-1:] = [head] if head else []
    if headed := headings_as_tasks(keep):
        warn.append((keep[0].line, content_warning(headed)))
    with_done = any(t.done for t in keep)
    with_schedule = any(t.schedule for t in keep)
    with_content = any(t.content for t in keep)
    # the columns the page gives: no unit column when no task names units; the unit column(s)
    # named by the page's own labels
    # in the page's order: the schedule sits in the task's paragraph, before the unit line;
    # no 序号 column when no item has a number of its own (numbered by position, as a table
    # without one is)
    columns = [COLUMNS[0]] if any(t.serial for t in keep) else []
    columns += [COLUMNS[1]] + ([CONTENT_COLUMN] if with_content else [])
    columns += [SCHEDULE_COLUMN] if with_schedule else []
    columns += [] if bare else unit_columns(paras[start:], COLUMNS[2])
    riding: list[Column] = []
    for t in keep:
        for label in t.fields:
            if all(c.header != label for c in riding):
                riding.append(Column(label, header_role(label, have_task=True)))
    columns += riding
    columns += [DONE_COLUMN] if with_done else []
    warn.insert(
        0,
        (
            keep[0].line,
            (
                "the document is a progress report written as a list (numbered paragraphs, "
                "each a task followed by what was done), not a table: columns "
                if report
                else "the document is a plan in prose (numbered paragraphs, each with a "
                "责任单位 line), not a table: columns "
            )
            + "/".join(c.header for c in columns)
            + " are the reader's",
        ),
    )
    if bare:
        warn.insert(
            1,
            (
                keep[0].line,
                "the numbered paragraphs name no responsible units (no 责任单位 line or note): "
                "read as tasks, with no unit column",
            ),
        )
    unnumbered = [t for t in keep if not t.serial]
    if unnumbered and len(unnumbered) == len(keep):
        # a list of plain paragraphs (each closing with its unit note): numbered by their
        # place, as a table's rows without serials are (in a numbered list an unnumbered
        # one-sentence section keeps no serial: a position number would clash)
        for n, t in enumerate(keep, 1):
            t.serial = t.serial or str(n)
        warn.append(
            (
                unnumbered[0].line,
                f"{len(unnumbered)} task(s) have no number of their own (paragraphs closing with "
                f"a unit note): numbered {', '.join(t.serial for t in unnumbered[:8])}"
                f"{'…' if len(unnumbered) > 8 else ''} by position",
            )
        )
    notes: list[str] = []
    tasks: list[Task] = []
    build_columns = [*BUILD_COLUMNS, DONE_COLUMN, SCHEDULE_COLUMN, CONTENT_COLUMN, *riding]
    for t in keep:
        row = RowCells(serial=t.serial, line_start=t.line, line_end=t.line_end)
        row.fixed = {1: t.text, 2: t.lead, 3: t.co}
        if with_schedule:
            row.fixed[DONE_AT + 1] = [t.schedule] if t.schedule else []
        if with_content:
            row.fixed[DONE_AT + 2] = [t.content] if t.content else []
        for n, col in enumerate(riding, DONE_AT + 3):
            row.fixed[n] = [t.fields[col.header]] if col.header in t.fields else []
        if with_done:
            row.items = [(None, {DONE_AT: t.done})]
        task = build_task(row, build_columns, notes)
        if t.group:
            task.extra[GROUP_KEY] = t.group
        if not task.units and not bare:
            warn.append((t.line, f"task {t.serial} has no 责任单位 line"))
        tasks.append(task)
    tail = paras[-1]
    tail_heading = is_group(tail.text) or CN_NUMBERED.match(tail.text.strip())
    if (
        tasks
        and tail.line >= (tasks[-1].line_start or 0)
        and not tail_heading
        and cut_off(tail.text, ends_newline)
    ):
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
    title = next((q for q in reversed(preamble[-3:]) if PLAN_TITLE.search(q)), "")
    meta, meta_warnings = read_page_meta(preamble, title, [q.text for q in paras[start:]])
    if not meta.title and preamble and names_its_items(preamble[-1]):
        title_from_lead_in(meta, preamble[-1], meta_warnings)
    if meta.period is None:
        for candidate in (meta.title, title):
            if candidate and (m := PLAN_TITLE.search(candidate)):
                if not PROGRESS_WORD.search(candidate):
                    meta.period = Period(kind=PeriodKind.PLAN, label=m.group(0))
                    meta_warnings = [w for w in meta_warnings if "no reporting period" not in w]
                    break
    meta.notes.extend(notes)
    doc = ParsedDocument(
        meta=meta,
        columns=columns,
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


def _serial_cells(paras: list[Para], last_item: int) -> bool:
    """Whether paragraphs holding only a number are a table's serial cells flattened onto lines
    of their own: two or more of them counting on (3 then 4), or one after which no item of
    the list opens (the next row's serial, its task below it). A lone number counting on from
    none with the list going on after it (an item below, perhaps under a group heading) is a
    page number of a document's text (a PDF's page break), not a serial. ``last_item``: the
    paragraph index where the list's last item opens."""
    lone = [
        (k, int(q.text.strip())) for k, q in enumerate(paras) if LONE_SERIAL.match(q.text.strip())
    ]
    values = [v for _, v in lone]
    return any(b == a + 1 for a, b in pairwise(values)) or any(k > last_item for k, _ in lone)
