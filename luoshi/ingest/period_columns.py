"""Period columns side by side (一季度完成情况 | 二季度完成情况 | 三季度完成情况, or 1-3月 |
1-6月 | 1-9月): each is the progress of its own period.

The reader keeps the latest progress column as the task's progress and the earlier ones in the
row's other cells (``Task.extra``, by header; headers.columns_from_headers warns). This module
reads those columns back as periods: ``split_periods`` gives one document per period, the
latest first (the table's own period: its title's, or the latest column's when the title names
none), each task's progress that column's cell. The importer files each as a report of its
period, so a task's timeline holds one entry per column (docs/analysis.md, "Period columns").

A column counts when its header names a period (``parse_period``) and its role is progress;
two columns naming the same end month, or only one column naming a period, are no timeline:
nothing is split.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date

from luoshi.ingest.headers import main_done_column
from luoshi.ingest.model import Item, ParsedDocument, ParseWarning, Period
from luoshi.ingest.periods import parse_period
from luoshi.vocab import ColumnRole, PeriodKind

# A quarter named alone (二季度, 第三季度): its own figures, or the running total to its end?
_QUARTER_ALONE = re.compile(r"^第?[二三四2-4]季度$")


def period_columns(doc: ParsedDocument) -> list[tuple[str, Period]]:
    """The progress columns naming distinct periods of the year, earliest first, with their
    period (dated in the document's year when known); [] when fewer than two."""
    out: list[tuple[str, Period]] = []
    for c in doc.columns:
        if c.role is not ColumnRole.DONE:
            continue
        p = parse_period(c.header)
        if p is None or p.kind is PeriodKind.PLAN:
            return []  # a progress column naming no period: the columns are no timeline
        out.append((c.header, _dated(p, doc.meta.year)))
    months = [p.end_month for _, p in out]
    if len(out) < 2 or len(set(months)) != len(months):
        return []
    return sorted(out, key=lambda hp: hp[1].end_month)


def _dated(p: Period, year: int | None) -> Period:
    if year is None or p.end_date is not None:
        return p
    m = p.end_month
    return dataclasses.replace(p, end_date=date(year, m, calendar.monthrange(year, m)[1]))


def split_periods(doc: ParsedDocument) -> list[ParsedDocument]:
    """[the document as it is], or, with period columns, one document per column, the latest
    first: the latest is the table's own (its earlier columns' cells taken out of each task's
    other cells, its period the latest column's when the title names none), each earlier one
    a copy whose tasks' progress is that column's cell. A task with sub-items is left out of
    the earlier periods: the row's cells say nothing of its sub-items' progress then."""
    cols = period_columns(doc)
    main = main_done_column(doc.columns)
    if not cols or main < 0:
        return [doc]
    latest = doc.columns[main].header
    earlier = [(h, p) for h, p in cols if h != latest]
    headers = {h for h, _ in earlier}
    period = doc.meta.period or dict(cols)[latest]
    meta = dataclasses.replace(doc.meta, period=period)
    labels = "/".join(p.label for _, p in cols)
    alone = [p.label for _, p in cols if _QUARTER_ALONE.match(p.label)]
    said = (f"; {'/'.join(alone)} read as running totals from 1 January (二季度 as 1-6月): if each"
            " column is its quarter alone, cumulative targets are judged differently") if alone else ""
    note = ParseWarning(None, f"progress columns of {len(cols)} periods ({labels}): one report per period"
                        + said)
    first = dataclasses.replace(
        doc, meta=meta, warnings=[*doc.warnings, note],
        tasks=[dataclasses.replace(t, extra={k: v for k, v in t.extra.items() if k not in headers})
               for t in doc.tasks])
    out = [first]
    for header, p in reversed(earlier):
        tasks = [dataclasses.replace(t, items=[Item(done=t.extra.get(header, ""))],
                                     extra={k: v for k, v in t.extra.items()
                                            if k not in headers and k != latest})
                 for t in doc.tasks if len(t.items) <= 1 and all(i.heading is None for i in t.items)]
        if tasks:
            out.append(dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, period=p),
                                           tasks=tasks, warnings=[]))
    return out
