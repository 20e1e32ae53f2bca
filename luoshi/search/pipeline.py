"""A bulk load's analysis and search index overlapped: a plan's index rows are written as soon
as all of its reports are analysed, by a second database connection, while the analysis goes on.

    summary, rows = analyze_and_index(report_ids)

The stored rows are those of ``analyze_reports`` (luoshi.core.services.bulk_analysis) followed
by ``reindex_plans`` (luoshi.search.bulk) over the reports' plans: the same functions write
them, only the moment changes. The rules:

- A plan is indexed once every one of its reports among those analysed is stored (its rows
  hold each report's status and the words of every published report), so a plan whose
  reports straddle two batches of the analysis waits for the later batch.
- Overlapped (PostgreSQL, outside any transaction, first analyses only): a thread writes the
  index on its own connection, in one transaction of its own, while this thread analyses the
  next batch; the analysis commits batch by batch, so the indexer reads what it needs. The
  database server turns the index rows into tsvectors and table pages (the index's largest
  cost) on the core the analysis leaves idle. The index table's plain indexes are dropped for
  the load and made again at its end (``indexes_deferred``); its foreign keys stay, checked
  statement by statement as the rows go in (dropping a key would lock the table it points at,
  which the analysis reads and writes beside).
- In turn (SQLite, which has one writer at a time; inside a caller's transaction, where
  another connection sees nothing the analysis writes; reports analysed before, whose
  per-report path indexes them through signals): the plans are indexed on this connection
  after each batch of the analysis. Same rows, no overlap.
- Failure: an error in the analysis rolls the indexer's transaction back (the batches of the
  analysis already committed stay, as when the two steps run in turn); an error in the
  indexer stops the analysis after its current batch and is raised here.
"""

from __future__ import annotations

import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from types import SimpleNamespace

from django.db import connections, router, transaction

from luoshi.core.models import Report
from luoshi.core.services.bulk_analysis import (
    BulkSummary,
    already_analysed,
    analyze_reports,
    has_target_columns,
)
from luoshi.core.services.rows import indexes_deferred
from luoshi.search.bulk import BATCH_ENTRIES, IndexWriter, plan_sizes
from luoshi.search.models import TaskEntry

_END = object()  # the analysis is done: write what is left and commit
_ABORT = object()  # the analysis failed: roll back


def can_overlap(report_ids: list[int]) -> bool:
    """Whether the index can be written beside the analysis (the module's rules)."""
    connection = connections[router.db_for_write(TaskEntry)]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return False
    if already_analysed(report_ids):
        return False
    columns = Report.objects.filter(pk__in=report_ids).values_list("columns", flat=True)
    return not any(has_target_columns(SimpleNamespace(columns=c)) for c in columns)


class _Batcher:
    """Plans made ready, gathered into batches of about ``BATCH_ENTRIES`` progress rows."""

    def __init__(self, sizes: dict[int, int], write: Callable[[list[int]], object]):
        self.sizes, self.write = sizes, write
        self.pending: list[int] = []
        self.entries = 0

    def add(self, plans: list[int]) -> None:
        for plan in plans:
            self.pending.append(plan)
            self.entries += self.sizes.get(plan, 0)
        if self.entries >= BATCH_ENTRIES:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.write(sorted(self.pending))
            self.pending, self.entries = [], 0


class _Indexer(threading.Thread):
    """The overlapped writer: plans come through a queue; one transaction on this thread's
    own connection (Django gives each thread its own)."""

    def __init__(self, sizes: dict[int, int], drop: bool,
                 progress: Callable[[int, int], None] | None):
        super().__init__(name="luoshi-index", daemon=True)
        self.sizes, self.drop, self.progress = sizes, drop, progress
        self.plans: queue.Queue = queue.Queue()
        self.error: BaseException | None = None
        self.written = 0
        self.alias = router.db_for_write(TaskEntry)

    def run(self) -> None:
        connection = connections[self.alias]
        try:
            with transaction.atomic(using=self.alias), indexes_deferred(TaskEntry, keys=False):
                with connection.cursor() as cursor:
                    # Checked as each batch goes in, beside the analysis, not all at commit.
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                writer = IndexWriter(drop=self.drop)

                def write(batch: list[int]) -> None:
                    writer.write(batch)
                    if self.progress is not None:
                        self.progress(len(batch), writer.written)

                batcher = _Batcher(self.sizes, write)
                while (item := self.plans.get()) is not _END:
                    if item is _ABORT:
                        raise _Aborted
                    batcher.add(item)
                batcher.flush()
                self.written = writer.written
        except _Aborted:
            pass
        except BaseException as exc:  # raised by the analysing thread
            self.error = exc
        finally:
            connection.close()


class _Aborted(Exception):
    pass


def analyze_and_index(reports: Iterable[int], *, drop: bool = True,
                      workers: int | None = None, overlap: bool | None = None,
                      analysed: Callable[[int, int], None] | None = None,
                      indexed: Callable[[int, int], None] | None = None
                      ) -> tuple[BulkSummary, int]:
    """Analyse ``reports`` (``analyze_reports``) and replace their plans' index rows
    (``reindex_plans``; ``drop=False``: a first load, the plans have none). Returns the
    analysis's summary and the index rows written. ``overlap``: None decides by
    ``can_overlap``; False indexes in turn. ``analysed(done, total)`` after each batch of
    reports, ``indexed(plans, rows so far)`` after each batch of plans (from the indexer's
    thread when overlapped)."""
    ids = sorted({int(r) for r in reports})
    plan_of = dict(Report.objects.filter(pk__in=ids).values_list("pk", "plan_id"))
    waiting = Counter(plan_of.values())  # per plan, its reports not yet stored
    sizes = plan_sizes(list(waiting))
    if overlap is None:
        overlap = can_overlap(ids)
    indexer: _Indexer | None = None
    written = 0
    if overlap:
        indexer = _Indexer(sizes, drop, indexed)
        indexer.start()
        send: Callable[[list[int]], None] = indexer.plans.put
    else:
        writer = IndexWriter(drop=drop)

        def write(batch: list[int]) -> None:
            writer.write(batch)
            if indexed is not None:
                indexed(len(batch), writer.written)

        batcher = _Batcher(sizes, write)
        send = batcher.add

    def stored(report_ids: list[int]) -> None:
        if indexer is not None and indexer.error is not None:
            raise indexer.error  # stops the analysis; raised again below
        ready = []
        for pk in report_ids:
            plan = plan_of.get(pk)
            if plan is not None:
                waiting[plan] -= 1
                if waiting[plan] == 0:
                    ready.append(plan)
        if ready:
            send(ready)

    try:
        summary = analyze_reports(ids, progress=analysed, workers=workers, stored=stored)
    except BaseException:
        if indexer is not None:
            indexer.plans.put(_ABORT)
            indexer.join()
        raise
    # Every plan is indexed at the end, even one whose report the analysis skipped (deleted
    # meanwhile): its rows follow what is stored.
    leftover = sorted(plan for plan, n in waiting.items() if n > 0)
    if leftover:
        send(leftover)
    if indexer is None:
        batcher.flush()
        written = writer.written
    else:
        indexer.plans.put(_END)
        indexer.join()
        if indexer.error is not None:
            raise indexer.error
        written = indexer.written
    return summary, written
