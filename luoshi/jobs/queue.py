"""The job queue: enqueue, claim, run, heartbeat, and give back what a dead worker held.

Rules (true of any job kind and either database):

- **Claim**: a worker takes the oldest queued job with a conditional update
  (``state=queued`` → ``reading`` with a fresh ``claim`` token); the update succeeds for exactly
  one worker, on SQLite (writes are serialised; transactions take the write lock at BEGIN) as on
  PostgreSQL (a second updater re-reads the row after the first commits and finds it taken).
  On PostgreSQL the candidate is picked with ``SELECT … FOR UPDATE SKIP LOCKED`` so that
  workers do not queue behind each other's row locks.
- **Every later write names the claim**: progress, result and failure are written only while the
  row still carries this worker's token, so a worker that lost its job (given back as stale)
  cannot overwrite the outcome of the worker that ran it again. A handler that writes data
  renews the claim inside its own transaction (``hold``), so a stale worker's data rolls back.
- **Heartbeat**: while a job runs, a thread renews ``heartbeat_at`` every
  ``LUOSHI_JOB_HEARTBEAT_SECONDS``. A running job whose heartbeat is older than
  ``LUOSHI_JOB_STALE_SECONDS`` was held by a worker that died (killed, machine restarted): it is
  queued again, up to ``LUOSHI_JOB_MAX_ATTEMPTS`` claims, then failed with a message (a file
  that kills its worker each time must not do so forever). On SQLite the heartbeat cannot be
  written while an import holds the write lock; nor can a requeue, which waits for the lock
  and then finds the heartbeat the import renewed before committing (``hold``; the update
  re-checks staleness), so a long import is not given back (the default is five minutes).
- **A bad job does not stop the worker**: an expected failure (``JobFailed``) ends the job with
  its Chinese message; anything else is logged with its traceback and ends the job with a
  message naming the file and the error. The handler's own transaction (one per import) has
  rolled back by then, so the database is as before.
- **Inline**: with ``LUOSHI_JOBS_INLINE`` (on in the local demo), enqueueing also starts a
  thread of the web process that runs queued jobs after the request's commit, so a site
  without ``luoshi worker`` still finishes its imports; the request itself never waits.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import (
    DatabaseError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from luoshi.jobs.models import Job

log = logging.getLogger("luoshi.jobs")

# What runs each kind of job: ``handler(job, step) -> result`` (JSON-able), raising JobFailed.
HANDLERS = {
    Job.Kind.IMPORT_PREVIEW: "luoshi.web.import_jobs.preview",
    Job.Kind.IMPORT: "luoshi.web.import_jobs.run_import",
}

Step = Callable[[str, int], None]
LOCKED_RETRIES = 20  # about ten seconds of a table locked by others (see _write)


class JobFailed(Exception):
    """An expected failure: ``message`` (Chinese, naming the file and what is wrong) is shown."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class ClaimLost(Exception):
    """This worker's claim was given back (stale) and the job belongs to another run now."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident() % 100000}"[:100]


# --- enqueue -------------------------------------------------------------------------------


def enqueue(kind: str, *, submitter=None, file_name: str = "", params: dict | None = None) -> Job:
    """Queue a job; with LUOSHI_JOBS_INLINE, also run it in a thread once this commits."""
    job = Job.objects.create(kind=Job.Kind(kind), submitter=submitter, file_name=file_name,
                             params=params or {})
    if getattr(settings, "LUOSHI_JOBS_INLINE", False):
        transaction.on_commit(kick)
    return job


# --- claim and give back -------------------------------------------------------------------


def requeue_stale(now=None) -> int:
    """Queue again (or fail, past the attempts) the running jobs whose worker stopped beating."""
    now = now or timezone.now()
    limit = now - timedelta(seconds=settings.LUOSHI_JOB_STALE_SECONDS)
    attempts = settings.LUOSHI_JOB_MAX_ATTEMPTS
    count = 0
    stale = Job.objects.filter(state__in=Job.RUNNING, heartbeat_at__lt=limit)
    for pk, token, tried, name in stale.values_list("pk", "claim", "attempts", "file_name"):
        # Conditions re-checked by the update itself: a heartbeat written since the select
        # (or, on PostgreSQL, committed while this update waited for the row) keeps the job.
        held = Job.objects.filter(pk=pk, claim=token, state__in=Job.RUNNING,
                                  heartbeat_at__lt=limit)
        if tried >= attempts:
            count += held.update(
                state=Job.State.FAILED, finished_at=now, claim="",
                error=f"{name}:处理这个文件的后台进程已中断 {tried} 次(进程被终止或崩溃),"
                      "任务已停止。中断的导入不会留下任何数据;请检查文件,或联系管理员查看日志。")
        else:
            count += held.update(state=Job.State.QUEUED, claim="", worker="", progress=0,
                                 heartbeat_at=None)
            log.warning("job %s: worker stopped beating (attempt %s), queued again", pk, tried)
    return count


def claim_next(worker: str) -> Job | None:
    """Take the oldest queued job for ``worker``, or None when there is none."""
    requeue_stale()
    for _ in range(5):  # another worker may win the candidate: try the next one
        with transaction.atomic():
            queued = Job.objects.filter(state=Job.State.QUEUED).order_by("created_at", "pk")
            if connection.features.has_select_for_update_skip_locked:
                queued = queued.select_for_update(skip_locked=True)
            candidate = queued.values_list("pk", flat=True).first()
            if candidate is None:
                return None
            now = timezone.now()
            token = uuid.uuid4().hex
            won = Job.objects.filter(pk=candidate, state=Job.State.QUEUED).update(
                state=Job.State.READING, claim=token, worker=worker, started_at=now,
                heartbeat_at=now, progress=0, attempts=F("attempts") + 1)
        if won:
            return Job.objects.get(pk=candidate)
    return None


# --- run -----------------------------------------------------------------------------------


def _locked(exc: DatabaseError) -> bool:
    return "locked" in str(exc).lower()


def _write(job: Job, **fields: Any) -> None:
    """Write fields of a job this worker holds; ClaimLost when it no longer does. A write
    refused because the table is locked is tried again for a few seconds (SQLite beyond its
    busy timeout, or a shared-cache database, which answers "locked" at once): a job must not
    fail because a page read its row at the same moment."""
    fields.setdefault("heartbeat_at", timezone.now())
    for attempt in range(LOCKED_RETRIES):
        try:
            updated = Job.objects.filter(pk=job.pk, claim=job.claim).update(**fields)
            break
        except OperationalError as exc:
            if not _locked(exc) or attempt == LOCKED_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    if not updated:
        raise ClaimLost(f"job {job.pk}")
    for name, value in fields.items():
        setattr(job, name, value)


def hold(job: Job) -> None:
    """Renew the claim now, or ClaimLost. Called inside a handler's own transaction (the
    import's), it makes the handler's writes commit only while this worker still holds the
    job: a stale worker's import rolls back. On PostgreSQL the renewal locks the row until
    commit, so a requeue_stale waiting on it then finds the fresh heartbeat and leaves it."""
    _write(job)


class _Heartbeat(threading.Thread):
    """Renews the job's heartbeat from its own connection while the handler works."""

    def __init__(self, job: Job):
        super().__init__(name=f"luoshi-job-{job.pk}-heartbeat", daemon=True)
        self.job_pk, self.claim = job.pk, job.claim
        self.stop = threading.Event()

    def run(self) -> None:
        interval = settings.LUOSHI_JOB_HEARTBEAT_SECONDS
        try:
            while not self.stop.wait(interval):
                try:
                    Job.objects.filter(pk=self.job_pk, claim=self.claim).update(
                        heartbeat_at=timezone.now())
                except DatabaseError as exc:  # e.g. SQLite locked by the import itself
                    log.debug("job %s: heartbeat not written (%s)", self.job_pk, exc)
        finally:
            connection.close()


def run_job(job: Job) -> None:
    """Run one claimed job to its end: done with its result, or failed with a message."""
    beat = _Heartbeat(job)
    beat.start()
    try:
        handler = import_string(HANDLERS[job.kind])
        result = handler(job, lambda state, progress: _write(job, state=state, progress=progress))
        _write(job, state=Job.State.DONE, progress=100, result=result,
               finished_at=timezone.now(), claim="")
    except ClaimLost:
        log.warning("job %s was given to another worker; this run's outcome is dropped", job.pk)
    except JobFailed as failure:
        _end_failed(job, failure.message)
    except Exception as exc:
        log.exception("job %s (%s, %s) failed unexpectedly", job.pk, job.kind, job.file_name)
        _end_failed(job, f"{job.file_name or '任务'}:处理时出现意外错误({type(exc).__name__}: "
                         f"{exc}),数据库没有改动。请联系管理员查看日志。")
    except BaseException:
        # Stopped mid-job (Ctrl+C twice): give the job back at once rather than after the
        # stale timeout; the handler's transaction has rolled back.
        Job.objects.filter(pk=job.pk, claim=job.claim).update(
            state=Job.State.QUEUED, claim="", worker="", progress=0, heartbeat_at=None)
        raise
    finally:
        beat.stop.set()


def _end_failed(job: Job, message: str) -> None:
    try:
        _write(job, state=Job.State.FAILED, error=message[:4000], finished_at=timezone.now(),
               claim="")
    except ClaimLost:
        log.warning("job %s was given to another worker; its failure here is dropped", job.pk)


def work(*, worker: str | None = None, burst: bool = False, once: bool = False,
         stop: threading.Event | None = None, poll: float = 1.0) -> int:
    """Run jobs until ``stop`` is set; ``burst``: until none is queued; ``once``: at most one.
    Returns the number of jobs run. A database error while claiming (SQLite busy, PostgreSQL
    restarting) is logged and retried after ``poll`` seconds; in a burst it ends the run."""
    worker = worker or worker_name()
    stop = stop or threading.Event()
    done = tries = 0
    while not stop.is_set():
        _refresh_connections()
        try:
            job = claim_next(worker)
        except DatabaseError as exc:
            log.warning("worker %s: cannot claim a job now (%s)", worker, exc)
            tries += 1
            if (burst or once) and (tries >= LOCKED_RETRIES or not _locked(exc)):
                break  # the next run (or kick) tries again
            stop.wait(min(poll, 0.05 * tries))
            continue
        tries = 0
        if job is not None:
            try:
                run_job(job)
            except DatabaseError as exc:  # even its failure could not be written
                log.warning("worker %s: job %s ended by a database error (%s); it is queued "
                            "again once its heartbeat is stale", worker, job.pk, exc)
            done += 1
            if once:
                break
            continue
        if burst or once:
            break
        stop.wait(poll)
    _refresh_connections()
    return done


def _refresh_connections() -> None:
    """Drop connections past their age or broken (a long-running worker, as Django does
    between requests) — never inside a caller's transaction (a test's, or code that runs the
    worker in its own transaction), which closing would end."""
    if not connection.in_atomic_block:
        close_old_connections()


# --- inline: a thread of the web process -----------------------------------------------------

_inline_lock = threading.Lock()
_inline: dict[str, Any] = {"thread": None, "pending": False}


def kick() -> None:
    """Make sure a thread of this process runs the queued jobs (LUOSHI_JOBS_INLINE)."""
    with _inline_lock:
        _inline["pending"] = True
        thread = _inline["thread"]
        if thread is not None and thread.is_alive():
            return  # it sees ``pending`` before it stops
        thread = threading.Thread(target=_inline_loop, name="luoshi-inline-jobs", daemon=True)
        _inline["thread"] = thread
        thread.start()


def wait_inline(timeout: float = 30.0) -> bool:
    """Wait for this process's job thread to stop (tests: before the database is emptied);
    whether it did."""
    with _inline_lock:
        thread = _inline["thread"]
    if thread is not None:
        thread.join(timeout)
        return not thread.is_alive()
    return True


def _inline_loop() -> None:
    try:
        while True:
            with _inline_lock:
                if not _inline["pending"]:
                    _inline["thread"] = None
                    return
                _inline["pending"] = False
            work(burst=True)
    except Exception:
        log.exception("inline job thread stopped")
        with _inline_lock:
            _inline["thread"] = None
    finally:
        connection.close()
