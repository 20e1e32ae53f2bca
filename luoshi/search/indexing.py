"""Build the ``TaskEntry`` rows of a plan (or of some of its tasks or reports) from the core
models. Every function here replaces rows wholesale, so it is always safe to run again.

Called by the import hook and signals (``luoshi.search.signals``) and by ``manage.py reindex``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

from luoshi.core.models import Assessment, Plan, Progress, Report, Task, TaskUnit
from luoshi.extract.status import is_boilerplate
from luoshi.rounds.permissions import filed_q
from luoshi.search.models import TaskEntry
from luoshi.search.tokens import index_tokens
from luoshi.vocab import UnitRole

BATCH = 2000


@dataclass
class _Family:
    task: Task
    children: list[Task]
    lead_id: int | None
    lead_name: str
    words: str  # tokens of the task's own text, sub-item headings and unit names


class _Tokens:
    """Token strings per text, so a text seen twice (a task in four reports, a stock
    phrase in many entries) is segmented once per build."""

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if not text:
            return ""
        found = self.cache.get(text)
        if found is None:
            found = self.cache[text] = index_tokens(text)
        return found


def _families(plan: Plan, top_ids: list[int] | None, tokens: _Tokens) -> dict[int, _Family]:
    tasks = Task.objects.filter(plan=plan).only("id", "parent_id", "text", "order", "plan_id")
    if top_ids is not None:
        tasks = tasks.filter(pk__in=top_ids) | tasks.filter(parent_id__in=top_ids)
    top: dict[int, Task] = {}
    children: dict[int, list[Task]] = defaultdict(list)
    for task in tasks.order_by("order", "pk"):
        if task.parent_id is None:
            top[task.pk] = task
        else:
            children[task.parent_id].append(task)
    units: dict[int, list[TaskUnit]] = defaultdict(list)
    links = TaskUnit.objects.filter(task_id__in=list(top)).select_related("unit")
    for link in links.order_by("task_id", "order", "pk"):
        units[link.task_id].append(link)
    out = {}
    for pk, task in top.items():
        linked = units.get(pk, [])
        lead = next((link for link in linked if link.role == UnitRole.LEAD), None)
        lead = lead or (linked[0] if linked else None)
        texts = [task.text, *(c.text for c in children.get(pk, []))]
        texts += [link.unit.name for link in linked]
        out[pk] = _Family(
            task=task,
            children=children.get(pk, []),
            lead_id=lead.unit_id if lead else None,
            lead_name=lead.unit.name if lead else "",
            words=" ".join(t for t in (tokens(x) for x in texts) if t),
        )
    return out


def row_words(top: int, entries: list, tokens: Callable[[str], str]) -> tuple[list, str]:
    """A task's progress rows in one report as its row of the table, and their words: the
    task's own empty entry next to its sub-items' is not a row of the table."""
    if len(entries) > 1:
        entries = [e for e in entries if e.task_id != top or not e.is_empty] or entries
    texts = [getattr(e, f) for e in entries for f in ("done", "problems", "next_steps")]
    texts += [str(v) for e in entries[:1] for v in (e.extra or {}).values()]
    return entries, " ".join(t for t in (tokens(x) for x in texts) if t)


def _entry(family: _Family, plan: Plan, report: Report | None, **fields) -> TaskEntry:
    return TaskEntry(
        task_id=family.task.pk,
        plan_id=plan.pk,
        report_id=report.pk if report else None,
        period_id=report.period_id if report else None,
        year=plan.year,
        year_desc=9999 - plan.year,
        order=family.task.order,
        lead_unit_id=family.lead_id,
        lead_name=family.lead_name[:200],
        **fields,
    )


def _build(plan: Plan, top_ids: list[int] | None, report_ids: list[int] | None) -> list[TaskEntry]:
    """New rows for the given tasks (None: all of the plan's) in the given reports (None: all
    of them); the task's own row (report null) is always included.

    A task's own row holds the words of the task and of its entries in every published
    report, so a search in no particular period matches on one row per task; anyone may
    search those rows. A report's rows hold the words of its *filed* entries only: a draft (or
    an entry returned to its unit) is 未填报 here — its text counts as empty and is not
    searchable, and its task has no status in that report (luoshi.rounds.permissions).
    """
    tokens = _Tokens()
    families = _families(plan, top_ids, tokens)
    owner: dict[int, int] = {f.task.pk: f.task.pk for f in families.values()}
    owner |= {c.pk: f.task.pk for f in families.values() for c in f.children}
    reports = {r.pk: r for r in Report.objects.filter(plan=plan)}
    wanted = set(reports) if report_ids is None else set(report_ids) & set(reports)
    progress = Progress.objects.filter(report_id__in=list(reports)).only(
        "report_id", "task_id", "done", "problems", "next_steps", "position", "extra"
    )
    if top_ids is not None:
        progress = progress.filter(task_id__in=list(owner))
    unfiled = set(progress.exclude(filed_q()).values_list("pk", flat=True))
    grouped: dict[tuple[int, int], list[Progress]] = defaultdict(list)
    for entry in progress.iterator(chunk_size=BATCH):
        top = owner.get(entry.task_id)
        if top is not None:
            if entry.pk in unfiled:
                entry.done = entry.problems = entry.next_steps = ""
            grouped[top, entry.report_id].append(entry)
    open_families = {(owner[e.task_id], e.report_id)
                     for e in progress.filter(pk__in=unfiled).only("task_id", "report_id")
                     if e.task_id in owner}

    statuses, latest = _statuses(plan, list(families))
    statuses = {k: v for k, v in statuses.items() if k not in open_families}
    everywhere: dict[int, list[str]] = defaultdict(list)  # entry words of a task, all reports
    rows = []
    for (top, report_id), entries in grouped.items():
        family = families[top]
        entries, words = row_words(top, entries, tokens)
        if reports[report_id].is_published:
            everywhere[top].append(words)
        if report_id not in wanted:
            continue
        positions = [e.position for e in entries if e.position > 0]
        rows.append(_entry(
            family, plan, reports[report_id],
            position=min(positions, default=0),
            entries=len(entries),
            empty=sum(1 for e in entries if not e.done.strip()),
            vague=sum(1 for e in entries if is_boilerplate(e.done)),
            tokens=f"{family.words} {words}".strip(),
            status=statuses.get((top, report_id), ""),
        ))
    rows += [
        _entry(f, plan, None, status=latest.get(f.task.pk, ""),
               tokens=" ".join([f.words, *everywhere.get(f.task.pk, [])]).strip())
        for f in families.values()
    ]
    return rows


def _statuses(plan: Plan, top_ids: list[int]) -> tuple[dict[tuple[int, int], str], dict[int, str]]:
    """Status per (task, report), and per task its status in its latest assessed report whose
    statuses are public (the task rows' status filter is open to anyone)."""
    rows = (
        Assessment.objects.filter(report__plan=plan, task_id__in=top_ids)
        .order_by("report__period__year", "report__period__month", "report_id")
        .values_list("task_id", "report_id", "status", "report__state", "report__verdicts_public")
    )
    by_report: dict[tuple[int, int], str] = {}
    latest: dict[int, str] = {}
    for task_id, report_id, status, state, public in rows.iterator(chunk_size=BATCH):
        by_report[task_id, report_id] = status
        if state == Report.State.PUBLISHED and public:
            latest[task_id] = status  # ordered by period: the last one wins
    return by_report, latest


def reindex_plan(
    plan: Plan | int,
    *,
    task_ids: Iterable[int] | None = None,
    report_ids: Iterable[int] | None = None,
) -> int:
    """Replace the rows of ``plan`` (or of some of its top-level tasks, and/or of some of its
    reports; the tasks' own rows are always rebuilt). Returns the number of rows written."""
    if not isinstance(plan, Plan):
        plan = Plan.objects.filter(pk=plan).first()
        if plan is None:
            return 0
    top_ids = None if task_ids is None else sorted(set(task_ids))
    reports = None if report_ids is None else sorted(set(report_ids))
    with transaction.atomic():
        stale = TaskEntry.objects.filter(plan=plan)
        if top_ids is not None:
            stale = stale.filter(task_id__in=top_ids)
        if reports is not None:
            stale = stale.filter(report__isnull=True) | stale.filter(report_id__in=reports)
        stale.delete()
        rows = _build(plan, top_ids, reports)
        TaskEntry.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def reindex_tasks(task_ids: Iterable[int]) -> int:
    """Rebuild the rows of these tasks (sub-items stand for their parent), in every report."""
    tops: dict[int, set[int]] = defaultdict(set)
    for pk, parent_id, plan_id in Task.objects.filter(pk__in=set(task_ids)).values_list(
        "pk", "parent_id", "plan_id"
    ):
        tops[plan_id].add(parent_id or pk)
    return sum(reindex_plan(plan_id, task_ids=ids) for plan_id, ids in tops.items())


def reindex_report(report: Report | int) -> int:
    """Rebuild the rows of one report and the plan's task rows (new tasks come with it)."""
    if not isinstance(report, Report):
        report = Report.objects.filter(pk=report).first()
        if report is None:
            return 0
    return reindex_plan(report.plan_id, report_ids=[report.pk])


def reindex_all(progress: Callable[[Plan, int], None] | None = None) -> int:
    """Drop and rebuild the whole index (in bulk: ``luoshi.search.bulk``, the same rows as
    ``reindex_plan`` on every plan). Returns the number of rows. ``progress(plan, rows)``
    is called with the last plan of each batch and the rows written so far."""
    from luoshi.search import bulk  # bulk builds on this module's token cache

    def batch_done(done: int, total: int, rows: int) -> None:
        if progress is not None:
            plan = Plan.objects.order_by("pk")[done - 1:done].first()
            progress(plan, rows)

    return bulk.rebuild_all(progress=batch_done if progress is not None else None)


@dataclass
class IndexGaps:
    """Where the index is out of step with the data, by row counts: a report whose rows are not
    one per reported task (killed before its rows were written, or a restore without them), a
    plan whose tasks' own rows are not one per top-level task."""

    reports: dict[int, tuple[int, int]]  # report id -> (rows expected, rows found)
    plans: dict[int, tuple[int, int]]  # plan id -> (task rows expected, found)

    def __bool__(self) -> bool:
        return bool(self.reports or self.plans)


def index_gaps(report_ids: Iterable[int] | None = None) -> IndexGaps:
    """Compare the index with the data (counts only: cheap enough for every report at once).

    ``report_ids``: only these reports (and their plans); None: everything."""
    from django.db.models import Count
    from django.db.models.functions import Coalesce

    progress = Progress.objects.all()
    entries = TaskEntry.objects.filter(report__isnull=False)
    tasks = Task.objects.filter(parent__isnull=True)
    own = TaskEntry.objects.filter(report__isnull=True)
    if report_ids is not None:
        ids = sorted(set(report_ids))
        plan_ids = list(Report.objects.filter(pk__in=ids).values_list("plan_id", flat=True))
        progress, entries = progress.filter(report_id__in=ids), entries.filter(report_id__in=ids)
        tasks, own = tasks.filter(plan_id__in=plan_ids), own.filter(plan_id__in=plan_ids)
    # One row per top-level task reported on (a sub-item's entry counts for its parent).
    expected = dict(progress.values("report_id").annotate(
        n=Count(Coalesce("task__parent_id", "task_id"), distinct=True)).values_list("report_id", "n"))
    found = dict(entries.values("report_id").annotate(n=Count("id")).values_list("report_id", "n"))
    reports = {r: (expected.get(r, 0), found.get(r, 0)) for r in set(expected) | set(found)
               if expected.get(r, 0) != found.get(r, 0)}
    plan_expected = dict(tasks.values("plan_id").annotate(n=Count("id")).values_list("plan_id", "n"))
    plan_found = dict(own.values("plan_id").annotate(n=Count("id")).values_list("plan_id", "n"))
    plans = {p: (plan_expected.get(p, 0), plan_found.get(p, 0))
             for p in set(plan_expected) | set(plan_found)
             if plan_expected.get(p, 0) != plan_found.get(p, 0)}
    return IndexGaps(reports=reports, plans=plans)


def repair(gaps: IndexGaps) -> int:
    """Rebuild what ``gaps`` names. Returns the number of rows written."""
    written = 0
    plans_done: set[int] = set()
    for report_id in sorted(gaps.reports):
        plan_id = Report.objects.filter(pk=report_id).values_list("plan_id", flat=True).first()
        if plan_id is None:  # rows of a report that no longer exists
            TaskEntry.objects.filter(report_id=report_id).delete()
            continue
        written += reindex_plan(plan_id, report_ids=[report_id])  # also the plan's task rows
        plans_done.add(plan_id)
    for plan_id in sorted(set(gaps.plans) - plans_done):
        if not Plan.objects.filter(pk=plan_id).exists():
            TaskEntry.objects.filter(plan_id=plan_id).delete()
            continue
        written += reindex_plan(plan_id, report_ids=[])
    return written
