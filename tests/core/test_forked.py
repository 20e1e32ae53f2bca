"""Work shared with forked processes (luoshi.core.services.forked) and the bulk analysis's
default number of them: the same results as in one process, whatever happens to the workers;
in one process where forking is not possible; never on the per-report (web) path."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from luoshi.core.services import bulk_analysis, forked
from luoshi.core.services.forked import CHUNK, forked_map


def _square_and_pid(i: int) -> tuple[int, int]:
    time.sleep(0.004)  # long enough that the workers are up before this process is done
    return i * i, os.getpid()


@pytest.mark.skipif(not forked.can_fork(), reason="no fork start method on this system")
@pytest.mark.parametrize("workers", [0, 1, 2])
def test_results_in_order_and_shared(workers):
    n = 10 * CHUNK + 7
    out = forked_map(_square_and_pid, n, workers)
    assert [v for v, _pid in out] == [i * i for i in range(n)]
    pids = {pid for _v, pid in out}
    assert os.getpid() in pids  # this process takes its share
    assert len(pids) <= workers + 1
    if workers:
        assert len(pids) > 1, "no chunk was computed in a worker process"


@pytest.mark.skipif(not forked.can_fork(), reason="no fork start method on this system")
def test_a_worker_that_dies_has_its_chunks_computed_here():
    parent = os.getpid()

    def fn(i: int) -> int:
        if os.getpid() != parent:
            os._exit(3)  # killed, as by the out-of-memory killer
        return i + 1

    assert forked_map(fn, 5 * CHUNK, 2) == [i + 1 for i in range(5 * CHUNK)]


@pytest.mark.skipif(not forked.can_fork(), reason="no fork start method on this system")
def test_an_error_in_a_worker_is_raised_here():
    parent = os.getpid()

    def fn(i: int) -> int:
        if os.getpid() != parent:
            raise ValueError(f"bad item {i}")
        time.sleep(0.004)
        return i

    with pytest.raises(RuntimeError, match="ValueError: bad item"):
        forked_map(fn, 20 * CHUNK, 1)


@pytest.mark.skipif(not forked.can_fork(), reason="no fork start method on this system")
def test_a_refused_process_leaves_the_work_here(monkeypatch, caplog):
    def refuse(self):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", refuse)
    out = forked_map(_square_and_pid, 3 * CHUNK, 2)
    assert out == [(i * i, os.getpid()) for i in range(3 * CHUNK)]
    assert "instead of 2" in caplog.text


def test_without_fork_everything_runs_here(monkeypatch):
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setenv("LUOSHI_ANALYSIS_WORKERS", "2")
    assert bulk_analysis.analysis_workers() == 0
    out = forked_map(_square_and_pid, 3 * CHUNK, 2)
    assert {pid for _v, pid in out} == {os.getpid()}


@pytest.mark.parametrize(("cores", "env", "expected"), [
    (1, "", 0), (2, "", 1), (4, "", 3), (16, "", 3),  # one per core beyond this process's
    (16, "0", 0), (2, "2", 2), (2, " 3 ", 3), (8, "-1", 0),  # the setting wins
])
def test_default_workers_from_the_cores(monkeypatch, cores, env, expected):
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    monkeypatch.setattr(bulk_analysis, "can_fork", lambda: True)
    monkeypatch.setattr(bulk_analysis, "_cores", lambda: cores)
    monkeypatch.setenv("LUOSHI_ANALYSIS_WORKERS", env)
    assert bulk_analysis.analysis_workers() == expected


def test_cores_follow_the_affinity():
    if hasattr(os, "sched_getaffinity"):
        assert bulk_analysis._cores() == len(os.sched_getaffinity(0))
    assert bulk_analysis._cores() >= 1


@pytest.mark.django_db
def test_the_per_report_import_never_forks(monkeypatch, django_capture_on_commit_callbacks):
    """A file imported the ordinary way (the web's upload) is analysed and indexed in the
    request's process, whatever the setting says."""
    from luoshi.core.models import Assessment
    from luoshi.core.services.importing import import_document
    from luoshi.sample import generate_plan

    def no_fork(*args, **kwargs):
        raise AssertionError("a process was forked on the per-report path")

    monkeypatch.setenv("LUOSHI_ANALYSIS_WORKERS", "2")
    monkeypatch.setattr(multiprocessing, "get_context", no_fork)
    doc = generate_plan(3, "安澜市", 2024, 120, periods=("q1",))[0]
    with django_capture_on_commit_callbacks(execute=True):
        import_document(doc, file_name="q1.txt")
    assert Assessment.objects.count() >= 100
