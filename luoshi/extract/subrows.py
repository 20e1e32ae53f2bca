"""Joined sub-rows judged part by part (rules.PART_LINE_WRAP and the table above it).

A pipe table's row without a serial is more targets of the task above. The reader gives such a
task in one of two shapes: its cells joined line by line (one item; the task cell holds one target
per line and the progress cell one progress line per target), or, where it keeps each joined row
apart (luoshi.ingest.text.pipesubrows, SUB-ROW ITEMS RULE), one progress item per target line,
headed by that line. Read as one text, a figure of one line may
measure the target of another and one part lagging turns the whole task red; read line by line,
each target meets its own progress, and the task's verdict is made from its parts' verdicts.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from luoshi.extract import rules
from luoshi.extract.model import (
    FIELD_DONE,
    FIELD_TEXT,
    FixKey,
    Measurement,
    MeasurementFix,
    PartVerdict,
    Span,
    StatusResult,
    Target,
    TaskAnalysis,
)
from luoshi.ingest.model import Item, Period, Task
from luoshi.vocab import Status

Line = tuple[int, int]  # start, end of a non-blank line in its cell
Part = tuple[Line, tuple[int, Line]]  # (task line, (progress item, its line in the item's done))


def nonblank_lines(text: str) -> list[Line]:
    """(start, end) of each line of ``text`` holding more than spaces."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group(0).strip():
            out.append((m.start(), m.end()))
    return out


def split(task: Task) -> list[Part] | None:
    """(task line, (item, progress line)) of each joined sub-row, or None when the task is not
    one. Either a single item whose progress cell has as many lines as the task cell (two or
    more), no task line ending mid-sentence (a wrapped cell), and no problems or next-steps cell
    of another line count; or one item per task line (two or more), each headed by its line
    (the reader's sub-row items), the item's whole progress beside it."""
    if "\n" not in task.text.strip() or not task.items:
        return None  # one line, or no progress: no sub-rows (most tasks stop here)
    tl = nonblank_lines(task.text)
    if len(tl) < 2:
        return None
    if len(task.items) > 1:
        pairs = list(zip(task.items, tl, strict=False))
        if len(task.items) != len(tl) or any(it.heading.strip() != task.text[a:b].strip() for it, (a, b) in pairs):
            return None
        return [((a, b), (i, (0, len(it.done)))) for i, (it, (a, b)) in enumerate(pairs)]
    item = task.items[0]
    dl = nonblank_lines(item.done)
    if len(tl) != len(dl):
        return None
    if any(task.text[a:b].rstrip().endswith(rules.PART_LINE_WRAP) for a, b in tl[:-1]):
        return None
    for other in (item.problems, item.next_steps):
        if other.strip() and len(nonblank_lines(other)) != len(tl):
            return None
    return [(t, (0, d)) for t, d in zip(tl, dl, strict=True)]


def _owner(t: Target, parts: list[Part]) -> int | None:
    if t.span.field != FIELD_TEXT or t.column or t.origin:
        return None
    for i, ((a, b), _) in enumerate(parts):
        if a <= t.span.start and t.span.end <= b:
            return i
    return None


def owners(targets: list[Target], parts: list[Part]) -> list[int] | None:
    """The part each target lies in, or None when one lies in none (a target column, a plan) or
    fewer than two lines hold a target (a line without one is judged by its words)."""
    own = [_owner(t, parts) for t in targets]
    if any(o is None for o in own) or len(set(own)) < 2:
        return None
    return own  # type: ignore[return-value]


def aligned(ms: list[Measurement], own: list[int], parts: list[Part]) -> bool:
    """Are the progress lines side by side with the target lines? Read whole, no figure that
    names its target's metric (match_score > 0) lies on a line other than its target's: one that
    does says the lines are in another order (or not one per target), and the task is read
    whole."""
    for m in ms:
        if m.target is None or m.match_score <= 0 or m.span.field != FIELD_DONE:
            continue
        line = next((i for i, (_, (it, (a, b))) in enumerate(parts)
                     if it == m.span.item and a <= m.span.start < b), None)
        if line is not None and line != own[m.target]:
            return False
    return True


def _shift(span: Span, text_off: int, item: int, done_off: int) -> Span:
    """A span of a part's analysis where it lies in the whole task: the part's task line at
    ``text_off``, its progress in item ``item`` at ``done_off`` (the part's one item is item 0)."""
    if span.field == FIELD_TEXT:
        return dataclasses.replace(span, start=span.start + text_off, end=span.end + text_off)
    if span.item != 0:
        return span
    off = done_off if span.field == FIELD_DONE else 0
    return dataclasses.replace(span, item=item, start=span.start + off, end=span.end + off)


def analyze_parts(
    task: Task, period: Period | None, year: int | None, targets: list[Target], own: list[int],
    parts: list[Part], reported: dict[int, float] | None,
    fixes: dict[FixKey, MeasurementFix] | None, analyze: Callable[..., TaskAnalysis],
) -> TaskAnalysis:
    """The task analysed part by part with ``analyze`` (analyze_task), put back together: the
    targets in their order, the figures with their spans where they lie in the whole cells, and
    the task's status from the parts' (combine)."""
    all_ms: list[Measurement] = []
    figures: list[Measurement] = []
    verdicts: list[PartVerdict] = []
    for i, ((ta, tb), (n, (da, db))) in enumerate(parts):
        item = task.items[n]
        whole_item = len(task.items) > 1  # the reader's sub-row items: the part's item as it is
        index = [k for k, o in enumerate(own) if o == i]
        local = [dataclasses.replace(targets[k], span=dataclasses.replace(
            targets[k].span, start=targets[k].span.start - ta, end=targets[k].span.end - ta)) for k in index]
        sub = Task(serial=task.serial, text=task.text[ta:tb], units=task.units,
                   items=[item if whole_item else Item(
                       heading=item.heading, done=item.done[da:db],
                       problems=_line(item.problems, i), next_steps=_line(item.next_steps, i))],
                   unit_line=task.unit_line)
        sub_reported = {j: reported[k] for j, k in enumerate(index) if k in reported} if reported else None
        sub_fixes = {(f, 0, s - da, e - da): fx for (f, it, s, e), fx in (fixes or {}).items()
                     if f == FIELD_DONE and it == n and da <= s and e <= db} or None
        a = analyze(sub, period, year, targets=local, reported=sub_reported, fixes=sub_fixes)
        for m in a.measurements:
            all_ms.append(dataclasses.replace(m, span=_shift(m.span, ta, n, da),
                                              target=None if m.target is None else index[m.target]))
        figures += [dataclasses.replace(m, span=_shift(m.span, ta, n, da)) for m in a.figures]
        st = a.status
        verdicts.append(PartVerdict(i, task.text[ta:tb].strip(), dataclasses.replace(
            st, evidence=[_shift(s, ta, n, da) for s in st.evidence])))
    return TaskAnalysis(task.serial, targets, all_ms, combine(verdicts), figures=figures, parts=verdicts)


def _line(text: str, i: int) -> str:
    lines = nonblank_lines(text)
    return text[lines[i][0] : lines[i][1]] if i < len(lines) else ""


_GREEN = (Status.ON_TRACK, Status.AHEAD, Status.DONE)
_LAGS = (Status.BEHIND, Status.NOT_STARTED)


def combine(parts: list[PartVerdict]) -> StatusResult:
    """The task's status from its parts' (the table in the rules package above PART_LINE_WRAP)."""
    said = ";".join(f"第{p.index + 1}项{p.status.value.label}({p.status.reason})" for p in parts)
    evidence = [s for p in parts for s in p.status.evidence]
    values = [p.status.value for p in parts]
    judged = [v for v in values if v not in (Status.VAGUE, Status.NO_DATA)]
    if not judged:
        value = Status.VAGUE if Status.VAGUE in values else Status.NO_DATA
    elif all(v is Status.DONE for v in values):
        value = Status.DONE
    elif all(v in _LAGS for v in judged):
        value = Status.NOT_STARTED if all(v is Status.NOT_STARTED for v in judged) else Status.BEHIND
    elif any(v in (*_LAGS, Status.AT_RISK) for v in judged):
        value = Status.AT_RISK
    elif all(v in (Status.AHEAD, Status.DONE) for v in judged):
        value = Status.AHEAD
    else:
        value = Status.ON_TRACK
    lagging = [p.index + 1 for p in parts if p.status.value in (*_LAGS, Status.AT_RISK)]
    head = (f"{len(parts)}个分项中第{'、'.join(map(str, lagging))}项滞后或有风险,其余未见滞后" if value is Status.AT_RISK
            and lagging and len(lagging) < len(judged) else f"{len(parts)}个分项")
    return StatusResult(value, f"{head}:{said}", evidence, "parts")
