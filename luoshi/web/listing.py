"""The task list: filters to a ``TaskEntry`` queryset, and the rows of one page with their
units, entries and search highlights. Shared by the HTML page and the CSV download.

A row is a top-level task; with a period chosen, the task as it stands in that period's
report (its entries, its counts), otherwise the task itself.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.safestring import SafeString

from luoshi.core.models import Assessment, Period, Plan, Progress, Task, TaskUnit, Unit
from luoshi.rounds.permissions import filed_assessments
from luoshi.search.backends import period_scope, task_scope
from luoshi.search.highlight import has_match, highlight, snippet
from luoshi.search.models import TaskEntry
from luoshi.search.query import search_entries
from luoshi.search.tokens import highlight_terms, query_words
from luoshi.vocab import PeriodKind, UnitRole
from luoshi.web import prepared

SORT_ORDER = {
    "order": ("year_desc", "plan_id", "order", "pk"),
    "-order": ("year_desc", "plan_id", "-order", "-pk"),
    "lead": ("lead_name", "year_desc", "plan_id", "order"),
    "empty": ("-empty", "-vague", "year_desc", "plan_id", "order"),
    "status": ("status_rank", "year_desc", "plan_id", "order"),
}
# Most urgent first when sorting by status; tasks without a status last.
STATUS_RANK = ["behind", "not_started", "at_risk", "vague", "no_data", "on_track", "ahead", "done"]
FIELDS = ("done", "problems", "next_steps")


@dataclass
class Filters:
    q: str = ""
    plan: Plan | None = None
    period: Period | None = None
    unit: Unit | None = None
    role: str = "any"
    status: str = ""
    sort: str = "order"

    @classmethod
    def from_form(cls, data: dict) -> Filters:
        return cls(**{k: data.get(k) or getattr(cls, k) for k in cls.__dataclass_fields__})


@dataclass
class RowUnit:
    """A unit on a row: id, name, whether it leads."""

    id: int
    name: str
    lead: bool


@dataclass
class Row:
    """One row of the list, flat (built from ``values()`` rows, no model instances): the
    template and the CSV read plain attributes."""

    entry: dict  # the index row's values (ROW_FIELDS)
    task_id: int
    serial: str
    text: SafeString
    task_text: str
    units: list[RowUnit]
    government: str = ""
    period: str = ""  # the row's report's period, "" for a task's own row
    sub_items: list[SafeString] = field(default_factory=list)
    done: SafeString | str = ""  # this period's 完成情况 (joined over sub-items)
    match: SafeString | str = ""  # where the search words were found, when not in the text
    match_where: str = ""
    progress: dict[str, str] = field(default_factory=dict)  # full texts, for CSV
    status: str = ""
    reason: str = ""
    units_html: SafeString | str = ""  # the units as links (views.task_list)


# What a row needs of its index row (``TaskEntry.values``).
ROW_FIELDS = ("id", "task_id", "report_id", "plan_id", "period_id", "year", "entries",
              "empty", "vague", "status")


def search_scope(filters: Filters) -> str:
    """The scope of the index rows the list shows (luoshi.search.backends): the tasks' own
    rows, or the chosen period's."""
    return task_scope() if filters.period is None else period_scope(filters.period.pk)


def filter_entries(
    filters: Filters, plans: QuerySet[Plan] | None, *, rows: Q | None = None,
    assessments: QuerySet[Assessment] | None = None, report: int | None = None,
) -> tuple[QuerySet[TaskEntry], list]:
    """The index rows matching ``filters`` among ``plans`` (None: every plan) and ``rows`` (a
    condition on the index rows the user may see, from luoshi.web.access; None: all), sorted;
    and the search words. ``assessments``: the statuses the user may see (None: every filed
    task's). ``report``: the id of the report of the chosen plan and period, when the caller
    knows it (Report is unique per plan and period, so it names the same rows; the database
    then reads them in order from the report's index instead of sorting the plan's rows)."""
    # The token text is for matching only: never fetch (or sort) it with the rows.
    entries = TaskEntry.objects.defer("tokens")
    if plans is not None:
        entries = entries.filter(plan__in=plans)
    if rows is not None:
        entries = entries.filter(rows)
    if filters.period is not None:
        entries = entries.filter(period=filters.period)
        if report is not None and filters.plan is not None:
            entries = entries.filter(report_id=report)
    else:
        entries = entries.filter(report__isnull=True)
    if filters.plan is not None:
        entries = entries.filter(plan=filters.plan)
    if filters.unit is not None:
        if filters.role == "lead":
            entries = entries.filter(lead_unit=filters.unit)
        else:
            linked = TaskUnit.objects.filter(unit=filters.unit).values("task_id")
            entries = entries.filter(task_id__in=linked)
    if filters.status and filters.period is not None:
        # The report's stored status, read live (a correction shows at once).
        statuses = filed_assessments() if assessments is None else assessments
        entries = entries.filter(Exists(statuses.filter(
            report_id=OuterRef("report_id"), task_id=OuterRef("task_id"),
            status=filters.status)))
    elif filters.status:
        entries = entries.filter(status=filters.status)  # the task's latest report
    words = query_words(filters.q)
    if words:
        entries = search_entries(entries, words, scope=search_scope(filters))
    if filters.sort == "status":
        entries = entries.annotate(status_rank=Case(
            *[When(status=s, then=Value(i)) for i, s in enumerate(STATUS_RANK)],
            default=Value(len(STATUS_RANK)), output_field=IntegerField()))
    return entries.order_by(*SORT_ORDER.get(filters.sort, SORT_ORDER["order"])), words


def _joined(entries: list[tuple[dict, dict]], name: str) -> str:
    parts = []
    for task, entry in entries:
        text = entry[name].strip()
        if not text:
            continue
        heading = task["text"].strip().rstrip("。")
        parts.append(f"{heading}:{text}" if task["parent_id"] and heading else text)
    return "\n".join(parts)


def period_labels(ids) -> dict[int, str]:
    return {p.pk: str(p) for p in Period.objects.filter(pk__in=set(ids))}



def build_rows(entries: list[dict], words: list, *, full: bool = False,
               progress: QuerySet[Progress] | None = None,
               assessments: QuerySet[Assessment] | None = None,
               rules: tuple | None = None) -> list[Row]:
    """Rows for one page (or one CSV chunk) of index rows (``values(*ROW_FIELDS)``), in a
    fixed number of queries, from plain values (no model instances).

    ``progress`` / ``assessments``: the entries whose text and the statuses the viewer may see
    (luoshi.rounds.permissions.shown_progress / shown_assessments); None: none of the
    entries' text and no status of a report (the public's share, safe by default, is asked
    for explicitly by the views). ``rules``: the viewer's ``permissions.rule_inputs``, which
    decide those two querysets: given, their statements are compiled once per rules
    (luoshi.web.prepared), as the other reads here always are."""
    terms = tuple(highlight_terms(words))
    task_ids = [e["task_id"] for e in entries]
    family: dict[int, dict] = {}
    children: dict[int, list[dict]] = defaultdict(list)
    for t in prepared.rows(("listing.family",), lambda ids: (
            Task.objects.filter(Q(pk__in=ids) | Q(parent_id__in=ids))
            .order_by("order", "pk").values("id", "parent_id", "serial", "text")), ids=task_ids):
        family[t["id"]] = t
        if t["parent_id"] is not None:
            children[t["parent_id"]].append(t)
    units: dict[int, list[RowUnit]] = defaultdict(list)
    for link in prepared.rows(("listing.units",), lambda ids: (
            TaskUnit.objects.filter(task_id__in=ids).order_by("order", "pk")
            .values_list("task_id", "unit_id", "unit__name", "role")), ids=task_ids):
        units[link[0]].append(RowUnit(link[1], link[2], link[3] == UnitRole.LEAD))
    # (Dicts and lookups below: no ORDER BY, whose model default would cost a join or a sort.)
    plans = dict(prepared.rows(("listing.plans",), lambda ids: (
        Plan.objects.filter(pk__in=ids).order_by().values_list("pk", "government__name")),
        ids=sorted({e["plan_id"] for e in entries})))

    def read(name: str, build, **slots) -> list:
        if rules is None:
            return list(build(**slots))
        return prepared.rows((name, rules), build, **slots)
    owner = {pk: (t["parent_id"] or pk) for pk, t in family.items()}

    # Entries of the rows' reports; without a period, the search looks in every report.
    report_ids = {e["report_id"] for e in entries if e["report_id"]}
    progress = (Progress.objects.none() if progress is None else progress)

    def entries_of(shown: QuerySet[Progress]) -> QuerySet[Progress]:
        return shown.order_by("report__period__year", "report__period__month", "position") \
            .values("task_id", "report_id", "report__period__year", "report__period__label",
                    "report__period__kind", *FIELDS)

    found_entries: list[dict] = []
    if report_ids:
        found_entries = read("listing.entries", lambda tasks, reports: entries_of(
            progress.filter(task_id__in=tasks, report_id__in=reports)),
            tasks=list(family), reports=sorted(report_ids))
    elif terms:
        # Without a period the entries serve only to show where the words were found when
        # the task's own texts do not have them: read only those tasks' entries (a search
        # found by the tasks' texts reads none, instead of every report's entries of a page).
        unmatched = [pk for pk in family if not any(
            has_match(family[m]["text"], terms) for m in (owner[pk], *(
                c["id"] for c in children[owner[pk]])))]
        if unmatched:
            found_entries = read("listing.matches", lambda tasks: entries_of(
                progress.filter(task_id__in=tasks)), tasks=unmatched)
    by_row: dict[tuple[int, int | None], list[tuple[dict, dict]]] = defaultdict(list)
    for p in found_entries:
        key = (owner[p["task_id"]], p["report_id"] if report_ids else None)
        by_row[key].append((family[p["task_id"]], p))
    # The CSV names each row's period (the page has it in its caption).
    labels = period_labels(e["period_id"] for e in entries if e["period_id"]) if full else {}

    shown = Assessment.objects.none() if assessments is None else assessments
    assessed = {
        (a[0], a[1]): a
        for a in read("listing.statuses", lambda tasks, reports: (
            shown.filter(task_id__in=tasks, report_id__in=reports).order_by()
            .values_list("task_id", "report_id", "status", "reason")),
            tasks=task_ids, reports=sorted(report_ids))
    } if report_ids else {}

    rows = []
    for e in entries:
        task = family.get(e["task_id"])
        if task is None:
            continue
        kids = children[task["id"]]
        found = by_row.get((e["task_id"], e["report_id"]), [])
        row = Row(
            entry=e, task_id=task["id"], serial=task["serial"], task_text=task["text"],
            text=highlight(task["text"], terms), units=units[task["id"]],
            government=plans.get(e["plan_id"], ""),
            period=labels.get(e["period_id"], "") if e["report_id"] else "",
            sub_items=[highlight(c["text"], terms) for c in kids if c["text"]],
        )
        assessment = assessed.get((e["task_id"], e["report_id"]))
        # A report's row: the status only if the viewer may see it; the task's own row: its
        # latest public status (the index keeps no other there).
        row.status = assessment[2] if assessment else ("" if e["report_id"] else e["status"])
        row.reason = assessment[3] if assessment else ""
        if e["report_id"]:
            done = _joined(found, "done")
            row.done = snippet(done, terms, width=120) if terms else done[:120] + (
                "…" if len(done) > 120 else "")
        if full:
            row.progress = {name: _joined(found, name) for name in FIELDS}
        if terms and not has_match(task["text"], terms) and not any(
                has_match(c["text"], terms) for c in kids):
            row.match, row.match_where = _first_match(found, terms)
        rows.append(row)
    return rows


FIELD_LABELS = {"done": "完成情况", "problems": "存在问题", "next_steps": "下一步"}


def _first_match(found: list[tuple[dict, dict]], terms: tuple[str, ...]):
    for _task, entry in reversed(found):  # the latest period first
        for name in FIELDS:
            text = entry[name]
            if has_match(text, terms):
                return snippet(text, terms), f"{period_label(entry)} {FIELD_LABELS[name]}"
    return "", ""


def period_label(values: dict, prefix: str = "report__period__") -> str:
    """str(Period) from values: 2024年半年度."""
    label = values[f"{prefix}label"] or PeriodKind(values[f"{prefix}kind"]).label
    return f"{values[f'{prefix}year']}年{label}"


def lead_of(row: Row) -> str:
    return next((u.name for u in row.units if u.lead), "")
