"""A pure function over a batch's items, computed by this process and forked copies of it.

    results = forked_map(lambda i: work(items[i]), len(items), workers=2)

For the CPU-bound, database-free part of a bulk analysis (``bulk_analysis``). The copies are
forked *after* the batch is in memory, so they read their inputs from the memory they share
with this process instead of receiving them pickled; only results travel back, through a
pipe. Every process, this one included, takes the next chunk of indices from a shared counter
until none are left, so a busy core simply takes fewer chunks. Results are put back in index
order: the same list, in the same order, as ``[fn(i) for i in range(n)]`` — as long as ``fn``
is a function of its argument and of data made before the call (it must not use the database:
the forked copies inherit the connection and must never send on it; they end with
``os._exit``, as multiprocessing's fork start method does, which sends nothing).

Where processes cannot be forked (no ``fork`` start method: Windows, macOS's default; or the
system refuses a process, a pipe or a semaphore) the items are computed here, in order, and a
warning says why.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

CHUNK = 64  # indices per turn: one counter lock and one small list per 64 results


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(fn: Callable[[int], T], n: int, workers: int) -> list[T]:
    """``[fn(i) for i in range(n)]``, shared with ``workers`` forked processes."""
    if workers <= 0 or n <= CHUNK or not can_fork():
        return [fn(i) for i in range(n)]
    ctx = multiprocessing.get_context("fork")
    try:
        counter = ctx.Value("l", 0)
    except (OSError, ImportError) as exc:  # no /dev/shm, no semaphores
        log.warning("analysis in this process alone: cannot share it (%s)", exc)
        return [fn(i) for i in range(n)]

    def take() -> int:
        with counter.get_lock():
            start = counter.value
            counter.value = start + CHUNK
        return start

    def run(start: int, out: dict[int, list[Any]]) -> None:
        while start < n:
            out[start] = [fn(i) for i in range(start, min(n, start + CHUNK))]
            start = take()

    def child(send: Any) -> None:
        out: dict[int, list[Any]] = {}
        try:
            run(take(), out)
            send.send(("ok", out))
        except BaseException:  # reported to the parent, which raises it
            send.send(("error", traceback.format_exc()))
        finally:
            send.close()

    processes = []
    # Objects made so far are left out of the children's garbage collections, which would
    # otherwise touch (and so copy) every page of this process's memory in each of them.
    gc.freeze()
    try:
        for _ in range(workers):
            try:
                receive, send = ctx.Pipe(duplex=False)
                process = ctx.Process(target=child, args=(send,), daemon=True)
                process.start()
            except OSError as exc:  # the system refuses another process: the rest runs here
                log.warning("analysis shared with %d process(es) instead of %d: %s",
                            len(processes), workers, exc)
                break
            send.close()  # this process's copy: the pipe ends when the child's does
            processes.append((process, receive))
    finally:
        gc.unfreeze()
    results: dict[int, list[Any]] = {}
    failure = None
    try:
        run(take(), results)  # this process's share, while the others run
        for _process, receive in processes:
            try:
                status, value = receive.recv()
            except EOFError:  # killed (out of memory …): its chunks are computed below
                log.warning("an analysis worker process ended without its results")
                continue
            if status == "ok":
                results.update(value)
            else:
                failure = failure or value
    finally:
        for process, receive in processes:
            receive.close()
            process.join()
    if failure is not None:
        raise RuntimeError(f"analysis in a worker process failed:\n{failure}")
    for start in range(0, n, CHUNK):  # a dead worker's chunks, if any
        if start not in results:
            results[start] = [fn(i) for i in range(start, min(n, start + CHUNK))]
    return [r for start in sorted(results) for r in results[start]]
