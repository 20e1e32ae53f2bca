"""What the task page shows, read as plain rows (``values()``, no model instances for rows) in
a fixed number of queries whatever the number of sub-items, periods, entries, targets and
changes: the task with its plan, parent, sub-items and units (one query), the reports of the
plan the viewer may read, with their periods (one), the entries the viewer may see (one), the
statuses the viewer may see (one), the figures reported in those reports (one), the task's
targets (one), the history (one). Who sees what is asked of
luoshi.web.access / luoshi.rounds.permissions: every query that reads entries, statuses or
tasks starts from their querysets. The page is written from these rows by
luoshi.web.task_html.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connections, router
from django.db.models import Q
from django.http import Http404
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from luoshi.core.models import (
    Change,
    ImportBatch,
    Measurement,
    MeasurementCorrection,
    Period,
    Target,
)
from luoshi.core.models.analysis import ORIGIN_NOTES
from luoshi.rounds.permissions import rule_inputs
from luoshi.web import prepared
from luoshi.web.access import (
    shown_assessments,
    shown_progress,
    visible_reports,
    visible_tasks,
)

COMPARATORS = {">=": "不少于", "<=": "不超过", "=": "达到", "reach": "达到",
               "increase_by": "增长", "decrease_by": "下降"}
FIELDS = ("done", "problems", "next_steps")
HISTORY_LIMIT = 50
# Who changed what, by the name get_username() gives (the project's user model is Django's).
User = get_user_model()
USER_NAME = User._meta.get_field(User.USERNAME_FIELD).column
TASK_FIELDS = ("id", "parent_id", "serial", "text", "order", "plan_id", "deadline", "closed_at",
               "close_reason", "plan__title", "plan__year", "plan__government__name",
               "parent__serial", "parent__text",
               "task_units__unit_id", "task_units__role", "task_units__unit__name")
PERIOD = ("period__year", "period__month", "period__kind", "period__label")
ENTRY_FIELDS = ("id", "report_id", "task_id", *FIELDS)
ASSESSMENT_FIELDS = ("id", "report_id", "status", "reason", "evidence", "source",
                     "derived_status", "derived_reason", "version", "updated_at",
                     "updated_by__username")


def marked(text: str, spans: list[tuple[int, int, str]]) -> SafeString:
    """``text`` escaped, line breaks kept, each (start, end, css class) span in <mark>."""
    text = text or ""
    out, last = [], 0
    for start, end, css in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if start < last:  # overlapping spans: keep the first
            continue
        out.append(escape(text[last:start]))
        out.append(f'<mark class="{css}">{escape(text[start:end])}</mark>')
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out).replace("\n", "<br>"))  # every piece above is escaped


@dataclass
class TargetView:
    """One active target (a ``values()`` row) with its figures in the periods shown."""

    target: dict
    label: str
    latest: dict | None = None  # the last measurement (a row)
    period: Period | None = None  # the period of the last measurement
    history: list[tuple[Period, dict]] = field(default_factory=list)

    @property
    def smaller_is_better(self) -> bool:
        """A rank or a limit (comparator "<="): met at or below its figure, so never shown as a
        percentage of it (全国第10位 against 前3位 is not "333%"); a move up in rank (排名提升3位)
        is shown as reached or not too."""
        return self.target["kind"] == "rank" or self.target["comparator"] == "<="

    @property
    def percent(self) -> float | None:
        """Reported / target, in percent (None when nothing reported against it, or for a
        target where smaller is better)."""
        if self.latest is None or self.latest["ratio"] is None or self.smaller_is_better:
            return None
        return round(self.latest["ratio"] * 100, 1)

    @property
    def met(self) -> bool | None:
        """For a rank or a limit: whether the latest figure meets the target in its direction (at
        or below it; a move up in rank at or above it). None when nothing comparable was
        reported, or for other targets."""
        latest, target = self.latest, self.target
        if latest is None or not self.smaller_is_better:
            return None
        if latest["ratio"] is not None:  # a limit in another unit of its family (万元, 亿元)
            return latest["ratio"] <= 1
        if latest["unit"] != target["unit"]:
            return None
        if target["comparator"] == "<=":
            return latest["value"] <= target["value"]
        return latest["value"] >= target["value"]  # a move up in rank: at least N places

    @property
    def origin_note(self) -> str:
        """Where the target comes from, when not the task text or a column (Target.origin_note)."""
        return ORIGIN_NOTES.get(self.target["origin"], "")

    @property
    def bar(self) -> float:
        return max(0.0, min(100.0, self.percent or 0.0))

    @property
    def kind_note(self) -> str:
        """How the target's kind is judged ("增速目标,不按时间进度折算")."""
        from luoshi.extract.rules import TARGET_KINDS

        return TARGET_KINDS.get(self.target["kind"], "")

    @property
    def expected(self) -> float | None:
        """The share of the year elapsed at the reported period's end, in percent (None for a
        kind that is not prorated by time: only a cumulative quantity follows the calendar,
        an unknown kind as before); a period's own target (一季度目标 column, due at a quarter
        of the year) is due in full at its period's end."""
        if self.target["kind"] not in ("", "cumulative") or self.period is None:
            return None
        due = self.target["due_share"] if self.target["due_share"] > 0 else 1.0
        return round(min(1.0, self.period.share_elapsed / due) * 100, 1)

    @property
    def behind(self) -> bool:
        return self.percent is not None and self.expected is not None and \
            self.percent < self.expected


@dataclass
class Block:
    """The task's entries in one report (its own, then one per sub-item), with the status and
    the figures the viewer may see there."""

    report_id: int
    period: Period
    entries: list[tuple[dict, dict]]  # (task row, entry row)
    assessment: dict | None = None
    measurements: list[dict] = field(default_factory=list)  # for corrections


@dataclass
class TaskPage:
    task: dict
    plan: str  # the plan's name as shown (Plan.__str__)
    units: list[dict]  # {"unit_id", "role", "name"} in order
    children: list[dict]
    blocks: list[Block]
    targets: list[TargetView]
    text: SafeString  # the task's text, the spans its targets were read from marked
    marks: dict[int, dict[str, SafeString]]  # per entry, per field: evidence and figures marked
    history: list[dict]


def read(user, pk: int) -> TaskPage:
    """Everything the page of task ``pk`` shows to ``user``; 404 unless they may see it."""
    # The permission querysets below are compiled to SQL once per viewer's rules
    # (luoshi.web.prepared: the same statements, not written again for every page).
    rules = rule_inputs(user)
    # The task, its parent's serial and text, its sub-items and every one's units, in one
    # query (a sub-item is visible with its task: same plan). Rows: one per (task, unit).
    rows = prepared.rows(
        ("task_page.family", rules), lambda pk: (
            visible_tasks(user).filter(Q(pk=pk) | Q(parent_id=pk)).values(*TASK_FIELDS)
            .order_by("order", "pk", "task_units__order", "task_units__id")), pk=pk)
    family: dict[int, dict] = {}
    units: list[dict] = []
    for row in rows:
        family.setdefault(row["id"], row)
        if row["id"] == pk and row["task_units__unit_id"] is not None:
            units.append({"unit_id": row["task_units__unit_id"], "role": row["task_units__role"],
                          "name": row["task_units__unit__name"]})
    task = family.get(pk)
    if task is None:
        raise Http404
    children = [t for t in family.values() if t["parent_id"] == pk]
    top = task["parent_id"] or pk
    plan = task["plan__title"] or f"{task['plan__government__name']}{task['plan__year']}年重点工作"
    # The reports the viewer may read in the task's plan, with their periods. (Their ids are
    # given to the next queries as a list: SQLite then reads the entries and statuses of
    # these reports by index, where a subquery made it try every published report.)
    periods = {r: Period(year=y, month=m, kind=k, label=lb) for r, y, m, k, lb in
               prepared.rows(("task_page.reports", rules), lambda plan: (
                   visible_reports(user).filter(plan_id=plan).values_list("pk", *PERIOD)
                   .order_by()), plan=task["plan_id"])}
    reports = list(periods)

    # The entries of the task and its sub-items the viewer may see, in those reports.
    found: dict[int, dict[int, dict]] = defaultdict(dict)
    for row in prepared.rows(("task_page.entries", rules), lambda reports, family: (
            shown_progress(user).filter(report_id__in=reports, task_id__in=family)
            .values(*ENTRY_FIELDS).order_by()), reports=reports, family=list(family)):
        found[row["report_id"]][row["task_id"]] = row
    # Statuses and figures derived from the text are verdicts: only from the reports where
    # the viewer may see the task's status (luoshi.rounds.permissions.shown_assessments).
    judged = {row["report_id"]: row for row in
              prepared.rows(("task_page.statuses", rules), lambda top, reports: (
                  shown_assessments(user).filter(task_id=top, report_id__in=reports)
                  .values(*ASSESSMENT_FIELDS).order_by()), top=top, reports=reports)}
    order = {r: (p.year, p.month, r) for r, p in periods.items()}
    measurements = _measurements(top, list(judged)) if judged else []

    blocks = []
    for report_id in sorted(found, key=order.__getitem__):
        here = found[report_id]
        entries = [(t, here[t["id"]]) for t in (task, *children) if t["id"] in here]
        if children:  # the task's own empty entry says nothing next to its sub-items' entries
            entries = [(t, p) for t, p in entries if t is not task or _filled(p)]
        if entries:
            blocks.append(Block(report_id, periods[report_id], entries, judged.get(report_id),
                                [m for m in measurements if m["report_id"] == report_id]))
    # Targets and statuses belong to the top-level task; a sub-item's page shows its own
    # entries with the parent's evidence marked in them.
    views = _targets(pk, judged, periods, order, measurements) if top == pk else []
    entries = [p for block in blocks for _t, p in block.entries]
    # Only targets read from the task text: a column's or a progress entry's offsets are into
    # another text.
    spans = [(v.target["start"], v.target["end"], "mark-target") for v in views
             if v.target["start"] is not None and v.target["end"] is not None
             and not v.target["column"] and not v.target["origin"]]
    return TaskPage(
        task=task, plan=plan, units=units, children=children, blocks=blocks, targets=views,
        text=marked(task["text"], spans), marks=_entry_marks(entries, judged, measurements),
        history=_history([pk, *(c["id"] for c in children)], entries, judged, views))


def _filled(entry: dict) -> bool:
    return bool(entry["done"] or entry["problems"] or entry["next_steps"])


def _targets(task_id: int, judged: dict[int, dict], periods: dict[int, Period],
             order: dict[int, tuple], measurements: list[dict]) -> list[TargetView]:
    """The task's active targets with their figures in the reports with a visible status."""
    rows = _select(
        Target, TARGET_COLUMNS, [(User, "corrected_by_id", ((USER_NAME, "corrected_by__username"),))],
        f"t.{_q('task_id')} = %s AND t.{_q('active')} = %s", [task_id, True],
        f"t.{_q('position')}, t.{_q('id')}")
    active = {t["id"] for t in rows}
    found: dict[int, list[dict]] = defaultdict(list)
    for m in measurements:
        if m["target_id"] in active and m["report_id"] in judged:
            found[m["target_id"]].append(m)
    views = []
    for t in rows:
        value = f"{t['value']:g}" + (f"-{t['value_max']:g}" if t["value_max"] is not None else "")
        view = TargetView(t, f"{t['metric']} {COMPARATORS.get(t['comparator'], t['comparator'])} "
                             f"{value}{t['unit']}".strip())
        series = sorted(found.get(t["id"], []),
                        key=lambda m: (*order[m["report_id"]][:2], m["id"]))
        view.history = [(periods[m["report_id"]], m) for m in series]
        if series:
            view.latest = series[-1]
            view.period = periods[series[-1]["report_id"]]
        views.append(view)
    return views


def _entry_marks(entries: list[dict], judged: dict[int, dict],
                 measurements: list[dict]) -> dict[int, dict[str, SafeString]]:
    """Per entry, per field: the text with status evidence and measured figures marked."""
    spans: dict[tuple[int, str], list[tuple[int, int, str]]] = defaultdict(list)
    for a in judged.values():
        for e in a["evidence"] or []:
            if e.get("progress") and e.get("field") in FIELDS:
                spans[e["progress"], e["field"]].append(
                    (int(e.get("start") or 0), int(e.get("end") or 0), "mark-evidence"))
    for m in measurements:
        if m["progress_id"] and m["field"] in FIELDS:
            spans[m["progress_id"], m["field"]].append((m["start"], m["end"], "mark-figure"))
    return {p["id"]: {name: marked(p[name], spans.get((p["id"], name), []))
                      for name in FIELDS} for p in entries}


def _history(family: list[int], entries: list[dict], judged: dict[int, dict],
             views: list[TargetView]) -> list[dict]:
    """Recorded changes to the task, its sub-items, entries, statuses and targets (rows)."""
    if not family:
        return []
    wanted = {
        "task": family,
        "progress": [p["id"] for p in entries],
        "assessment": [a["id"] for a in judged.values()],
        "target": [v.target["id"] for v in views],
    }
    where, params = [], []
    for model, ids in wanted.items():
        if ids:
            where.append(f"(t.{_q('model')} = %s AND t.{_q('object_id')} IN ({_marks(ids)}))")
            params += [model, *ids]
    if judged:  # corrected figures: their ids read in the same query
        corrections = _q(MeasurementCorrection._meta.db_table)
        where.append(
            f"(t.{_q('model')} = %s AND t.{_q('object_id')} IN (SELECT c.{_q('id')} FROM "
            f"{corrections} c WHERE c.{_q('report_id')} IN ({_marks(judged)}) AND "
            f"c.{_q('task_id')} IN ({_marks(family)})))")
        params += ["measurement", *judged, *family]
    # Only the columns the page shows: an import batch's row carries its whole warning list
    # and counts, the user row its password hash.
    rows = _select(Change, HISTORY_COLUMNS,
                   [(User, "user_id", ((USER_NAME, "user__username"),)),
                    (ImportBatch, "batch_id", (("file_name", "batch__file_name"),))],
                   " OR ".join(where), params,
                   f"t.{_q('at')} DESC, t.{_q('id')} DESC LIMIT {HISTORY_LIMIT}")
    decode = Change._meta.get_field("fields").from_db_value
    connection = connections[router.db_for_read(Change)]
    for row in rows:
        row["fields"] = decode(row["fields"], None, connection)
    return rows


# -- plain reads ---------------------------------------------------------------------------
#
# The reads below select by ids that came out of the permission queries above (the task and
# sub-items the viewer may see, the reports where they may see its status), so they ask no
# rule themselves, and they are written as SQL: building the same statements through the ORM
# took more time than the rest of the page (about 0.3 ms a query, against 0.05 ms in SQLite).
# Identifiers are quoted by the backend (SQLite and PostgreSQL), values are parameters.

TARGET_COLUMNS = ("id", "metric", "comparator", "value", "value_max", "unit", "kind", "start",
                  "end", "column", "origin", "span", "due_share", "source", "version",
                  "corrected_at")
MEASUREMENT_COLUMNS = ("id", "report_id", "progress_id", "field", "start", "end", "value",
                       "unit", "span", "ratio", "target_id")
HISTORY_COLUMNS = ("id", "model", "object_id", "action", "fields", "at", "user_id", "batch_id")


@functools.cache
def _q(name: str) -> str:
    # Once per name: asking ``connections`` is a thread-local lookup, and the page quotes
    # some twenty names (the same on SQLite and PostgreSQL, the backends luoshi runs on).
    return connections["default"].ops.quote_name(name)


def _marks(ids) -> str:
    return ", ".join(["%s"] * len(ids))


def _select(model, columns: tuple[str, ...], joins: list[tuple], where: str, params: list,
            order: str) -> list[dict]:
    """Rows of ``model`` (alias t) as dicts of ``columns``; each join (other model, the
    foreign key column of t, (column of the other, key in the row) pairs) adds those keys."""
    connection = connections[router.db_for_read(model)]
    qn = connection.ops.quote_name
    names = [*columns]
    select = [f"t.{qn(c)}" for c in columns]
    tables = [f"{qn(model._meta.db_table)} t"]
    for i, (other, fk, other_columns) in enumerate(joins):
        select += [f"j{i}.{qn(c)}" for c, _key in other_columns]
        names += [key for _c, key in other_columns]
        tables.append(f"LEFT OUTER JOIN {qn(other._meta.db_table)} j{i} "
                      f"ON (t.{qn(fk)} = j{i}.{qn(other._meta.pk.column)})")
    sql = f"SELECT {', '.join(select)} FROM {' '.join(tables)} WHERE {where} ORDER BY {order}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    # Dates as the ORM gives them (SQLite hands back text): aware, in UTC.
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    if convert is not None:
        for row in rows:
            for name in ("at", "corrected_at", "updated_at"):
                if row.get(name) is not None:
                    row[name] = convert(row[name], None, connection)
    return rows


def _measurements(task_id: int, reports: list[int]) -> list[dict]:
    """The figures read from the task's entries in ``reports``, with their targets' state."""
    return _select(Measurement, MEASUREMENT_COLUMNS, [(Target, "target_id", (("active", "target__active"),
                                                               ("metric", "target__metric")))],
                   f"t.{_q('task_id')} = %s AND t.{_q('report_id')} IN ({_marks(reports)})",
                   [task_id, *reports], f"t.{_q('id')}")
