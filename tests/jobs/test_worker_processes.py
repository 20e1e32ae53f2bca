"""``luoshi worker`` as real processes on the test's database (a SQLite file copied from the
test database, or the PostgreSQL test database itself): several workers run each job once,
and a worker killed with SIGKILL in the middle of a job leaves it to be queued again and
finished by the next worker, with the database consistent."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from luoshi.core.models import ImportBatch, Report, Task
from luoshi.export import write_document
from luoshi.jobs.models import Job
from luoshi.jobs.queue import enqueue
from luoshi.sample import generate_plan
from luoshi.search.models import TaskEntry
from luoshi.web.import_jobs import upload_dir


class SharedDatabase:
    """The test database as a subprocess can open it (``url``); ``pull()`` brings what the
    subprocesses wrote back into the test's connection (SQLite: the file is copied back)."""

    def __init__(self, tmp_path: Path):
        self.file = None
        if connection.vendor == "sqlite":
            self.file = tmp_path / "jobs.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(self.file)
            connection.connection.backup(target)
            target.close()
            self.url = f"sqlite:///{self.file}"
        else:
            s = connection.settings_dict
            self.url = (f"postgres://{quote(s['USER'])}:{quote(s['PASSWORD'] or '')}@"
                        f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{quote(s['NAME'])}")

    def env(self, tmp_path: Path, **extra: str) -> dict[str, str]:
        return dict(os.environ, DATABASE_URL=self.url, LUOSHI_DATA_DIR=str(tmp_path),
                    LUOSHI_JOBS_INLINE="0", **extra)

    def state(self, pk: int) -> str:
        """The job's state, read while subprocesses write."""
        if self.file is None:
            return Job.objects.get(pk=pk).state
        with sqlite3.connect(self.file, timeout=20) as db:
            return db.execute("select state from jobs_job where id = ?", (pk,)).fetchone()[0]

    def pull(self) -> None:
        if self.file is not None:
            source = sqlite3.connect(self.file)
            source.backup(connection.connection)
            source.close()


def worker(env: dict[str, str], *args: str) -> subprocess.Popen:
    command = "import sys; from luoshi.cli import main; sys.exit(main())"  # `luoshi worker`
    return subprocess.Popen([sys.executable, "-c", command, "worker", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def queue_import(year: int, tasks: int, name: str) -> Job:
    doc = generate_plan(year, "安澜市", year, tasks, periods=("h1",))[0]
    data = write_document(doc, "html")
    key = hashlib.sha256(data).hexdigest()
    (upload_dir() / key).write_bytes(data)
    return enqueue(Job.Kind.IMPORT, file_name=name, params={"key": key, "given": {}})


@pytest.fixture
def data_dir(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    settings.LUOSHI_JOBS_INLINE = False
    return tmp_path


def test_worker_processes_in_parallel_run_each_job_once(transactional_db, data_dir):
    jobs = [queue_import(2010 + i, 3, f"{i}.html") for i in range(5)]
    shared = SharedDatabase(data_dir)
    env = shared.env(data_dir)
    procs = [worker(env, "--burst", "--poll", "0.05") for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in outs]
    ran = sum(int(re.search(r"已运行 (\d+) 个任务", out)[1]) for out, _ in outs)
    shared.pull()
    assert ran == 5
    states = Job.objects.filter(pk__in=[j.pk for j in jobs]).values_list("state", "attempts")
    errors = list(Job.objects.exclude(error="").values_list("error", flat=True))
    assert sorted(set(states)) == [(Job.State.DONE, 1)], errors
    assert Report.objects.count() == 5 and ImportBatch.objects.count() == 5


def test_a_worker_killed_mid_job_leaves_it_to_the_next(transactional_db, data_dir):
    job = queue_import(2024, 300, "大表.html")
    shared = SharedDatabase(data_dir)
    env = shared.env(data_dir)
    victim = worker(env, "--poll", "0.05")
    deadline = time.monotonic() + 60
    while shared.state(job.pk) not in Job.RUNNING:
        assert time.monotonic() < deadline and victim.poll() is None, victim.communicate()
        time.sleep(0.01)
    os.kill(victim.pid, signal.SIGKILL)  # mid-job: reading or importing
    victim.communicate(timeout=30)
    assert shared.state(job.pk) in Job.RUNNING  # claimed by a worker that no longer exists
    time.sleep(1.2)  # the heartbeat grows stale
    rescue = worker(shared.env(data_dir, LUOSHI_JOB_STALE_SECONDS="1"), "--burst")
    out, err = rescue.communicate(timeout=120)
    assert rescue.returncode == 0, err[-2000:]
    assert "已运行 1 个任务" in out
    shared.pull()
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.attempts == 2, job.error
    # Consistent: one report, all of its tasks, and the index row of each of them.
    report = Report.objects.get()
    assert job.result["report_id"] == report.pk and ImportBatch.objects.count() == 1
    tasks = Task.objects.filter(plan=report.plan, parent=None).count()
    assert tasks == 300
    assert TaskEntry.objects.filter(report=report).count() >= tasks


def test_sigterm_lets_the_worker_finish_its_job_then_stop(transactional_db, data_dir):
    """systemd stops the worker with SIGTERM: the job in hand is finished, then it exits 0."""
    job = queue_import(2025, 200, "停止前.html")
    shared = SharedDatabase(data_dir)
    proc = worker(shared.env(data_dir), "--poll", "0.05")
    deadline = time.monotonic() + 60
    while shared.state(job.pk) not in Job.RUNNING:
        assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-2000:]
    assert "已运行 1 个任务" in out
    shared.pull()
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.attempts == 1
    assert Report.objects.count() == 1
