"""The job queue on the real database: a job runs once, a bad job fails with its message and
the worker goes on, a job held by a dead worker is given back and finished, and a site without a
worker still finishes its imports (LUOSHI_JOBS_INLINE). Worker processes, several at once and
one killed mid-job: test_worker_processes.py."""

from __future__ import annotations

import hashlib
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from luoshi.cli import main
from luoshi.core.models import ImportBatch, Progress, Report, Task
from luoshi.export import write_document
from luoshi.jobs.models import Job
from luoshi.jobs.queue import ClaimLost, _write, claim_next, enqueue, requeue_stale, work
from luoshi.sample import generate_plan
from luoshi.web.import_jobs import upload_dir


@pytest.fixture(autouse=True)
def data_dir(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    settings.LUOSHI_JOBS_INLINE = False  # these tests run the worker themselves
    return tmp_path


def stored(doc_seed: int = 5, tasks: int = 6, period: str = "h1", year: int = 2023) -> str:
    """A generated table stored as an upload; its key."""
    doc = generate_plan(doc_seed, "安澜市", year, tasks, periods=(period,))[0]
    data = write_document(doc, "html")
    key = hashlib.sha256(data).hexdigest()
    (upload_dir() / key).write_bytes(data)
    return key


def queue_import(key: str, name: str = "t.html", submitter=None, **given) -> Job:
    return enqueue(Job.Kind.IMPORT, submitter=submitter, file_name=name,
                   params={"key": key, "given": given})


def test_enqueue_then_the_worker_imports_the_report(db, supervisor):
    job = queue_import(stored(), submitter=supervisor)
    assert job.state == Job.State.QUEUED and not Report.objects.exists()
    assert work(burst=True) == 1
    job.refresh_from_db()
    report = Report.objects.get()
    assert job.state == Job.State.DONE and job.progress == 100 and job.finished_at
    assert job.result["report_id"] == report.pk and job.result["outcome"] == "created"
    assert Task.objects.filter(plan=report.plan, parent=None).count() == 6
    assert ImportBatch.objects.get().created_by_id == supervisor.pk
    assert job.claim == "" and job.attempts == 1
    assert work(burst=True) == 0  # nothing left


def test_a_refused_import_fails_in_chinese_and_writes_nothing(db):
    # Another table of the same plan and period was imported after the preview: the import
    # is refused inside its transaction, and the database is as it was.
    queue_import(stored(5))
    assert work(burst=True) == 1
    before = (Report.objects.count(), Task.objects.count(), Progress.objects.count(),
              ImportBatch.objects.count())
    job = queue_import(stored(6), name="另一张表.html")
    assert work(burst=True) == 1
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.result is None
    assert job.error.startswith("另一张表.html:文件无法导入")
    after = (Report.objects.count(), Task.objects.count(), Progress.objects.count(),
             ImportBatch.objects.count())
    assert after == before


def test_a_job_whose_file_is_gone_fails_with_a_message(db):
    job = queue_import("f" * 64, name="gone.html")
    work(burst=True)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and "gone.html" in job.error and "重新上传" in job.error


def test_a_job_held_by_a_dead_worker_is_queued_again_and_finished(db, settings):
    settings.LUOSHI_JOB_STALE_SECONDS = 60
    job = queue_import(stored())
    held = claim_next("worker-that-dies")
    assert held.pk == job.pk and held.state == Job.State.READING and held.attempts == 1
    assert claim_next("another") is None  # claimed: nobody else gets it
    # Its heartbeat is recent: not stale yet.
    assert requeue_stale() == 0
    # The worker was killed: its heartbeat stops. Two minutes later the job is given back …
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=2))
    assert work(burst=True) == 1
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.attempts == 2 and Report.objects.count() == 1
    # … and the dead worker's claim writes nothing over the outcome.
    with pytest.raises(ClaimLost):
        _write(held, state=Job.State.FAILED, error="too late")
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.error == ""


def test_a_heartbeat_written_after_the_stale_look_keeps_the_job(db, settings):
    """The worker's heartbeat lands between requeue_stale's select and its update (another
    connection, or a commit the update waited for on PostgreSQL): the job stays with it."""
    from django.db import connection

    settings.LUOSHI_JOB_STALE_SECONDS = 60
    job = queue_import(stored())
    held = claim_next("slow-but-alive")
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=2))
    beaten = []

    def heartbeat_first(execute, sql, params, many, context):
        if not beaten and sql.lstrip().upper().startswith("UPDATE"):
            beaten.append(sql)
            Job.objects.filter(pk=job.pk, claim=held.claim).update(heartbeat_at=timezone.now())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(heartbeat_first):
        assert requeue_stale() == 0
    assert beaten  # the stale look did find the job and tried to give it back
    job.refresh_from_db()
    assert job.state == Job.State.READING and job.claim == held.claim and job.attempts == 1


def test_an_import_whose_claim_was_lost_meanwhile_rolls_back(db):
    """Another worker took the job back while this one imported (its heartbeat looked stale):
    this run's import is not committed and its outcome is dropped; the job is the other's."""
    from luoshi.core.services.importing import report_imported
    from luoshi.jobs.queue import run_job

    job = queue_import(stored())
    held = claim_next("presumed-dead")

    def taken_back(sender, **kwargs):  # within the import's transaction, before it commits
        Job.objects.filter(pk=job.pk).update(state=Job.State.READING, claim="b" * 32)

    report_imported.connect(taken_back, dispatch_uid="test-taken-back")
    try:
        run_job(held)
    finally:
        report_imported.disconnect(dispatch_uid="test-taken-back")
    assert not Report.objects.exists() and not ImportBatch.objects.exists()
    assert not Task.objects.exists()
    job.refresh_from_db()
    assert job.state != Job.State.DONE and job.result is None


def test_a_job_that_kills_its_worker_every_time_is_failed_after_the_attempts(db, settings):
    settings.LUOSHI_JOB_MAX_ATTEMPTS = 3
    job = queue_import(stored(), name="杀手.html")
    old = timezone.now() - timedelta(hours=1)
    Job.objects.filter(pk=job.pk).update(state=Job.State.IMPORTING, claim="x" * 32,
                                         attempts=3, heartbeat_at=old)
    assert work(burst=True) == 0
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and "杀手.html" in job.error and "中断 3 次" in job.error
    assert not Report.objects.exists()


def test_luoshi_worker_once_and_burst(db, capsys):
    first, second = queue_import(stored(5), "a.html"), queue_import(stored(7, period="q3"), "b.html")
    assert main(["worker", "--once"]) == 0
    assert "已运行 1 个任务" in capsys.readouterr().out
    assert Job.objects.get(pk=first.pk).state == Job.State.DONE
    assert Job.objects.get(pk=second.pk).state == Job.State.QUEUED
    assert main(["worker", "--burst"]) == 0
    assert Job.objects.get(pk=second.pk).state == Job.State.DONE


def _wait_for(predicate, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_inline_jobs_run_in_a_thread_of_the_web_process(transactional_db, settings):
    """LUOSHI_JOBS_INLINE (the demo's default): enqueueing starts a thread after the commit;
    nobody runs ``luoshi worker`` and the import still completes."""
    from luoshi.jobs.queue import wait_inline, worker_name

    settings.LUOSHI_JOBS_INLINE = True
    job = queue_import(stored())
    _wait_for(lambda: Job.objects.get(pk=job.pk).finished)
    job.refresh_from_db()
    assert job.state == Job.State.DONE
    assert Report.objects.count() == 1
    # Run by another thread, not in the caller's (the request's) …
    assert job.worker and job.worker != worker_name()
    # … which stops once the queue is empty.
    assert wait_inline(timeout=30)


def test_check_deploy_warns_when_jobs_wait_for_a_worker(db, settings):
    from luoshi.cli.deploy import WARN, job_checks

    settings.LUOSHI_JOBS_INLINE = False
    job = queue_import(stored())
    assert [f.level for f in job_checks()] == ["OK"]  # just queued
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    [finding] = job_checks()
    assert finding.level == WARN and "1 个导入任务排队超过 5 分钟" in finding.what
    assert "luoshi-worker" in finding.fix
