"""A bulk load's analysis and search index overlapped: a plan's index rows are written as soon
as all of its reports are analysed, by a second database connection, while the analysis goes on.

    summary, rows = analyze_and_index(report_ids)

The stored rows are those of ``analyze_reports`` (luoshi.core.services.bulk_analysis) followed
by ``reindex_plans`` (luoshi.search.bulk) over the reports' plans: the same functions write
them, only the moment changes. The rules:

- A plan is indexed once every one of its reports among those analysed is stored (its rows
  hold each report's status and the words of every published report), so a plan whose
  reports straddle two batches of the analysis waits for the later batch.
- Overlapped (PostgreSQL, outside any transaction, first analyses only): a forked process (a
  thread where processes cannot be forked) writes the index on its own connection, in one
  transaction of its own, while this process analyses the next batch; the analysis commits
  batch by batch, so the indexer reads what it needs. The database server turns the index
  rows into tsvectors and table pages (the index's largest cost) on the core the analysis
  leaves idle. The index table's plain indexes are dropped for
  the load and made again after its commit, several at once on connections of their own
  (``indexes_deferred`` with ``index_builders()``: once the analysis has ended the cores are
  idle but for the one making an index); its foreign keys stay, checked statement by
  statement as the rows go in (dropping a key would lock the table it points at, which the
  analysis reads and writes beside). Readers of the index table wait until the commit, then
  read it without its indexes until they are made: a step of a first load
  (``benchmarks/scale.py``), not of a live site's re-analysis.
- In turn (SQLite, which has one writer at a time; inside a caller's transaction, where
  another connection sees nothing the analysis writes; reports analysed before, whose
  per-report path indexes them through signals): the plans are indexed on this connection
  after each batch of the analysis. Same rows, no overlap.
- Failure: an error in the analysis rolls the indexer's transaction back (the batches of the
  analysis already committed stay, as when the two steps run in turn); an error in the
  indexer stops the analysis after its current batch and is raised here.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import queue
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from types import SimpleNamespace

from django.db import connections, router

from luoshi.core.models import Report
from luoshi.core.services import bulk_analysis
from luoshi.core.services.bulk_analysis import (
    BulkSummary,
    already_analysed,
    analyze_reports,
    has_target_columns,
)
from luoshi.core.services.forked import can_fork
from luoshi.core.services.rows import index_builders, indexes_deferred
from luoshi.search.bulk import IndexWriter, plan_sizes
from luoshi.search.models import TaskEntry

# Strings, not objects: they cross a pipe to the index process (equal, not identical).
# Progress rows of the plans the indexer writes at a time: those of about one batch of the
# analysis, so that what is left when the analysis ends (its last batch's plans, then the
# indexes made again) is small; half of ``reindex_plans``'s batch, whose queries still do not
# count at that size.
BATCH_ENTRIES = bulk_analysis.BATCH_ENTRIES
_END = "end"  # the analysis is done: write what is left and commit
_ABORT = "abort"  # the analysis failed: roll back


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


class _Aborted(Exception):
    pass


def _index_loop(alias: str, sizes: dict[int, int], drop: bool, next_item: Callable[[], object],
                progress: Callable[[int, int], None] | None) -> int:
    """The indexer's work, on ``alias``'s connection of the calling thread or process: plans
    from ``next_item`` until ``_END`` (commit) or ``_ABORT`` (roll back), one transaction."""
    connection = connections[alias]
    # Outermost (its own transaction): the indexes are made after the commit, several at once.
    with indexes_deferred(TaskEntry, keys=False, builders=index_builders()):
        with connection.cursor() as cursor:
            # Checked as each batch goes in, beside the analysis, not all at commit.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        writer = IndexWriter(drop=drop)

        def write(batch: list[int]) -> None:
            writer.write(batch)
            if progress is not None:
                progress(len(batch), writer.written)

        batcher = _Batcher(sizes, write)
        while (item := next_item()) != _END:
            if item == _ABORT:
                raise _Aborted
            batcher.add(item)  # type: ignore[arg-type]
        batcher.flush()
    return writer.written


class _ThreadIndexer(threading.Thread):
    """The indexer in a thread (Django gives it a connection of its own), where processes
    cannot be forked: its Python work shares this process's interpreter lock."""

    def __init__(self, sizes: dict[int, int], drop: bool,
                 progress: Callable[[int, int], None] | None):
        super().__init__(name="luoshi-index", daemon=True)
        self.args = (router.db_for_write(TaskEntry), sizes, drop)
        self.progress = progress
        self.plans: queue.Queue = queue.Queue()
        self.error: BaseException | None = None
        self.written = 0
        self.start()

    def run(self) -> None:
        try:
            self.written = _index_loop(*self.args, self.plans.get, self.progress)
        except _Aborted:
            pass
        except BaseException as exc:  # raised by the analysing thread
            self.error = exc
        finally:
            connections[self.args[0]].close()

    def send(self, item: object) -> None:
        self.plans.put(item)

    def failed(self) -> BaseException | None:
        return self.error

    def finish(self, item: object) -> int:
        self.send(item)
        self.join()
        if self.error is not None and item != _ABORT:
            raise self.error
        return self.written


class _ProcessIndexer:
    """The indexer in a forked process: its Python work (reading, segmenting the texts) runs
    beside this process's, not under its interpreter lock. It opens a connection of its own;
    the ones it inherits are forgotten, never closed (closing one would end this process's
    session on the server), and it ends with ``os._exit`` as ``forked_map``'s workers do."""

    def __init__(self, sizes: dict[int, int], drop: bool,
                 progress: Callable[[int, int], None] | None):
        ctx = multiprocessing.get_context("fork")
        self.plans_out, plans_in = ctx.Pipe(duplex=False)[::-1]
        self.result_in, result_out = ctx.Pipe(duplex=False)
        alias = router.db_for_write(TaskEntry)
        self.error: BaseException | None = None
        gc.freeze()  # the child's collections leave this process's objects (and pages) alone
        try:
            self.process = ctx.Process(
                target=self._child, args=(alias, sizes, drop, progress, plans_in, result_out),
                name="luoshi-index", daemon=True)
            self.process.start()
        finally:
            gc.unfreeze()
        plans_in.close()
        result_out.close()

    @staticmethod
    def _child(alias: str, sizes: dict[int, int], drop: bool,
               progress: Callable[[int, int], None] | None, plans_in, result_out) -> None:
        inherited = [c.connection for c in connections.all(initialized_only=True)]
        for c in connections.all(initialized_only=True):
            c.connection = None  # the next query connects anew
        try:
            written = _index_loop(alias, sizes, drop, plans_in.recv, progress)
            result_out.send(("ok", written))
        except _Aborted:
            result_out.send(("aborted", 0))
        except BaseException:
            result_out.send(("error", traceback.format_exc()))
        finally:
            connections[alias].close()
            del inherited  # never closed: the process ends with os._exit (multiprocessing)

    def send(self, item: object) -> None:
        self.plans_out.send(item)

    def _result(self) -> int:
        try:
            status, value = self.result_in.recv()
        except EOFError:
            status, value = "error", "the index process ended without a word"
        if status == "error":
            self.error = RuntimeError(f"indexing in its process failed:\n{value}")
        return value if status == "ok" else 0

    def failed(self) -> BaseException | None:
        if self.error is None and self.result_in.poll():
            self._result()
            if self.error is None:  # finished before being told to: cannot be
                self.error = RuntimeError("the index process ended early")
        return self.error

    def finish(self, item: object) -> int:
        if self.error is None:
            with contextlib.suppress(OSError):  # it has ended already: its word says why
                self.send(item)
            written = self._result()
        else:
            written = 0
        self.process.join()
        self.plans_out.close()
        self.result_in.close()
        if self.error is not None and item != _ABORT:
            raise self.error
        return written


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
    indexer: _ThreadIndexer | _ProcessIndexer | None = None
    written = 0
    if overlap:
        indexer = (_ProcessIndexer if can_fork() else _ThreadIndexer)(sizes, drop, indexed)
        send: Callable[[list[int]], None] = indexer.send
    else:
        writer = IndexWriter(drop=drop)

        def write(batch: list[int]) -> None:
            writer.write(batch)
            if indexed is not None:
                indexed(len(batch), writer.written)

        batcher = _Batcher(sizes, write)
        send = batcher.add

    def stored(report_ids: list[int]) -> None:
        if indexer is not None and (error := indexer.failed()) is not None:
            raise error  # stops the analysis
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
            indexer.finish(_ABORT)
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
        written = indexer.finish(_END)
    return summary, written
