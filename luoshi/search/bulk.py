"""The search/listing index of many plans at once, built as tuples and written in bulk.

    rows = reindex_plans(plan_ids)      # replaces those plans' rows
    rows = rebuild_all()                # drops and rebuilds every row (``manage.py reindex``)

The same rows as ``luoshi.search.indexing.reindex_plan`` on each plan (``_build``'s rules:
one row per task and report, one per task with no report; a report's unfiled entries count
as empty and their task has no status there), read with ``values_list`` many plans per
query and written with COPY (PostgreSQL) or ``executemany`` (SQLite) by
``luoshi.core.services.rows`` — no ``Task``, ``Progress`` or ``TaskEntry`` instance per row.
Token strings are cached across plans (a stock phrase, a unit's name, a task's text in
each of its reports is segmented once), up to ``TOKEN_CACHE`` texts.

A batch is read first (every query), and its rows are then *generated* while they are written:
segmenting the texts (jieba, this process's CPU) runs while the database turns the rows
already sent into their stored tsvector and table pages (PostgreSQL's CPU, another process),
instead of one waiting for the other. The rows and their order are the same either way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

from luoshi.core.models import Assessment, Plan, Progress, Report, Task, TaskUnit
from luoshi.core.services.rows import RowTable
from luoshi.extract.status import is_boilerplate
from luoshi.rounds.permissions import filed_q
from luoshi.search.indexing import _Tokens, row_words
from luoshi.search.models import TaskEntry
from luoshi.vocab import UnitRole

BATCH_ENTRIES = 40_000  # progress rows read per batch of plans
TOKEN_CACHE = 300_000  # texts whose tokens are kept between plans

FIELDS = ["task", "plan", "report", "period", "year", "year_desc", "order", "lead_unit",
          "lead_name", "position", "entries", "empty", "vague", "tokens", "status"]


class TokenCache(_Tokens):
    """``indexing._Tokens`` with a bound: a province's texts do not all fit in memory."""

    def __call__(self, text: str) -> str:
        if len(self.cache) > TOKEN_CACHE:
            self.cache.clear()
        return super().__call__(text)


@dataclass
class _Family:
    pk: int
    plan_id: int
    order: int
    children: list[int]
    lead_id: int | None
    lead_name: str
    texts: list[str]  # the task's text, its sub-items' headings, its units' names
    words: str | None = None  # their tokens, once segmented (``_words``)


def _words(family: _Family, tokens: _Tokens) -> str:
    """The family's own words, segmented on first use (while rows are being written)."""
    if family.words is None:
        family.words = " ".join(t for t in map(tokens, family.texts) if t)
    return family.words


@dataclass
class _Entry:
    task_id: int
    done: str
    problems: str
    next_steps: str
    position: int
    extra: dict | None

    @property
    def is_empty(self) -> bool:
        return not (self.done or self.problems or self.next_steps)


def _families(plan_ids: list[int]) -> dict[int, _Family]:
    """The plans' top-level tasks with their sub-items and units (queries only: the texts
    are segmented later, by ``_words``)."""
    top: dict[int, _Family] = {}
    rows = (Task.objects.filter(plan_id__in=plan_ids).order_by("plan_id", "order", "id")
            .values_list("id", "plan_id", "parent_id", "text", "order"))
    children: list[tuple[int, int, str]] = []
    for pk, plan_id, parent_id, text, order in rows.iterator(chunk_size=5000):
        if parent_id is None:
            top[pk] = _Family(pk, plan_id, order, [], None, "", [text])
        else:
            children.append((pk, parent_id, text))
    for pk, parent_id, text in children:  # in (order, id) order within each plan
        if parent_id in top:
            top[parent_id].children.append(pk)
            top[parent_id].texts.append(text)
    links: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for task_id, unit_id, role, name in (
            TaskUnit.objects.filter(task__plan_id__in=plan_ids)
            .order_by("task_id", "order", "id")
            .values_list("task_id", "unit_id", "role", "unit__name").iterator(chunk_size=5000)):
        links[task_id].append((unit_id, role, name))
    for pk, family in top.items():
        linked = links.get(pk, [])
        lead = next((link for link in linked if link[1] == UnitRole.LEAD), None)
        lead = lead or (linked[0] if linked else None)
        family.lead_id, family.lead_name = (lead[0], lead[2]) if lead else (None, "")
        family.texts += [link[2] for link in linked]
    return top


def _statuses(plan_ids: list[int], top_ids: set[int]
              ) -> tuple[dict[tuple[int, int], str], dict[int, str]]:
    """As ``indexing._statuses``, for many plans."""
    rows = (Assessment.objects.filter(report__plan_id__in=plan_ids)
            .order_by("report__period__year", "report__period__month", "report_id")
            .values_list("task_id", "report_id", "status", "report__state",
                         "report__verdicts_public"))
    by_report: dict[tuple[int, int], str] = {}
    latest: dict[int, str] = {}
    for task_id, report_id, status, state, public in rows.iterator(chunk_size=5000):
        if task_id not in top_ids:
            continue
        by_report[task_id, report_id] = status
        if state == Report.State.PUBLISHED and public:
            latest[task_id] = status
    return by_report, latest


def build_rows(plan_ids: list[int], tokens: _Tokens) -> list[tuple]:
    """The index rows of ``plan_ids`` as tuples of ``FIELDS`` (see ``indexing._build``)."""
    return list(rows_of(plan_ids, tokens))


def rows_of(plan_ids: list[int], tokens: _Tokens) -> Iterator[tuple]:
    """``build_rows`` as a generator: every query runs before the first row is yielded (so
    the rows can be written by COPY on the same connection while they are generated), the
    segmentation of the texts as the rows are taken."""
    families = _families(plan_ids)
    owner = {f.pk: f.pk for f in families.values()}
    owner |= {c: f.pk for f in families.values() for c in f.children}
    reports = {pk: (plan_id, period_id, state == Report.State.PUBLISHED)
               for pk, plan_id, period_id, state in Report.objects.filter(plan_id__in=plan_ids)
               .values_list("id", "plan_id", "period_id", "state")}
    progress = Progress.objects.filter(report_id__in=list(reports))
    unfiled = set(progress.exclude(filed_q()).values_list("pk", flat=True))
    grouped: dict[tuple[int, int], list[_Entry]] = defaultdict(list)
    open_families: set[tuple[int, int]] = set()
    for pk, report_id, task_id, done, problems, next_steps, position, extra in (
            # Progress's own order (its report's: newest period first), as ``_build`` reads.
            progress.order_by("-report__period__year", "-report__period__month", "report_id",
                              "position", "id")
            .values_list("id", "report_id", "task_id", "done", "problems", "next_steps",
                         "position", "extra").iterator(chunk_size=5000)):
        top = owner.get(task_id)
        if top is None:
            continue
        if pk in unfiled:
            done = problems = next_steps = ""
            open_families.add((top, report_id))
        grouped[top, report_id].append(_Entry(task_id, done, problems, next_steps, position,
                                              extra))
    statuses, latest = _statuses(plan_ids, set(families))
    everywhere: dict[int, list[str]] = defaultdict(list)
    plan_years = dict(Plan.objects.filter(pk__in=plan_ids).values_list("id", "year"))
    return _generate(families, grouped, reports, open_families, statuses, latest, everywhere,
                     plan_years, tokens)


def _generate(families: dict[int, _Family], grouped: dict[tuple[int, int], list[_Entry]],
              reports: dict[int, tuple[int, int, bool]], open_families: set[tuple[int, int]],
              statuses: dict[tuple[int, int], str], latest: dict[int, str],
              everywhere: dict[int, list[str]], plan_years: dict[int, int],
              tokens: _Tokens) -> Iterator[tuple]:
    """The rows from what ``rows_of`` read (no query here): a report's rows of each task,
    then every task's own row."""

    def row(f: _Family, report_id: int | None, period_id: int | None, position: int,
            entries: int, empty: int, vague: int, words: str, status: str) -> tuple:
        year = plan_years[f.plan_id]
        return (f.pk, f.plan_id, report_id, period_id, year, 9999 - year, f.order, f.lead_id,
                f.lead_name[:200], position, entries, empty, vague, words, status)

    for (top, report_id), entries in grouped.items():
        family = families[top]
        entries, words = row_words(top, entries, tokens)
        _plan, period_id, published = reports[report_id]
        if published:
            everywhere[top].append(words)
        positions = [e.position for e in entries if e.position > 0]
        status = "" if (top, report_id) in open_families else statuses.get((top, report_id), "")
        yield row(family, report_id, period_id, min(positions, default=0), len(entries),
                  sum(1 for e in entries if not e.done.strip()),
                  sum(1 for e in entries if is_boilerplate(e.done)),
                  f"{_words(family, tokens)} {words}".strip(), status)
    for f in families.values():
        yield row(f, None, None, 0, 0, 0, 0,
                  " ".join([_words(f, tokens), *everywhere.get(f.pk, [])]).strip(),
                  latest.get(f.pk, ""))


def plan_sizes(plan_ids: list[int]) -> dict[int, int]:
    """Progress rows per plan: what a batch of plans costs to index."""
    return dict(Progress.objects.filter(report__plan_id__in=plan_ids)
                .values("report__plan_id").annotate(n=Count("id"))
                .values_list("report__plan_id", "n"))


def _batches(plan_ids: list[int]) -> Iterable[list[int]]:
    sizes = plan_sizes(plan_ids)
    batch: list[int] = []
    entries = 0
    for pk in plan_ids:
        batch.append(pk)
        entries += sizes.get(pk, 0)
        if entries >= BATCH_ENTRIES:
            yield batch
            batch, entries = [], 0
    if batch:
        yield batch


class IndexWriter:
    """Writes the index rows of batches of plans (``write``), each in a transaction (a
    savepoint inside a caller's), with one token cache across them. ``drop=False``: the
    caller knows the plans have no rows yet (a first load). Make it in the thread that
    writes: it holds that thread's database connection."""

    def __init__(self, *, drop: bool = True) -> None:
        self.drop = drop
        self.tokens = TokenCache()
        self.table = RowTable(TaskEntry, FIELDS)
        self.written = 0

    def write(self, batch: list[int]) -> int:
        """Replace the index rows of the plans in ``batch``. Returns how many were written."""
        with transaction.atomic(using=self.table.db):
            if self.drop:
                TaskEntry.objects.filter(plan_id__in=batch).delete()
            # Generated while COPY sends them (rows_of has done its queries by then).
            n = self.table.write(rows_of(batch, self.tokens))
        self.written += n
        return n


def reindex_plans(plan_ids: Iterable[int], *,
                  progress: Callable[[int, int, int], None] | None = None,
                  drop: bool = True) -> int:
    """Replace the index rows of these plans, a batch of plans per transaction. Returns the
    number of rows written. ``drop=False``: the caller knows there are none (a first load).
    ``progress(plans done, plans, rows written)`` after each batch."""
    ids = sorted(set(plan_ids))
    writer = IndexWriter(drop=drop)
    done = 0
    for batch in _batches(ids):
        writer.write(batch)
        done += len(batch)
        if progress is not None:
            progress(done, len(ids), writer.written)
    return writer.written


def rebuild_all(progress: Callable[[int, int, int], None] | None = None) -> int:
    """Drop and rebuild the whole index in one transaction. Returns the number of rows."""
    with transaction.atomic():
        TaskEntry.objects.all().delete()
        ids = list(Plan.objects.order_by("pk").values_list("pk", flat=True))
        return reindex_plans(ids, progress=progress, drop=False)
