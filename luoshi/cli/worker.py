"""`luoshi worker [--burst | --once] [--poll SECONDS]`: run background jobs (web imports).

Runs the queued jobs of the database the settings name, one at a time, until stopped (SIGTERM
or Ctrl+C: the job in hand is finished first; a second signal stops at once and queues the job
again). A job that fails is marked failed with its message and the worker goes on; a job held
by a worker that died is queued again once its heartbeat is LUOSHI_JOB_STALE_SECONDS old.
Start as many workers as you like: each job is claimed by exactly one. --burst runs what is
queued and exits (cron, tests); --once runs at most one job. The local demo needs none: there
the web process runs jobs itself (LUOSHI_JOBS_INLINE, docs/deploy.md).
"""

from __future__ import annotations

import argparse
import signal
import threading


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("worker", help="run background jobs (web imports) until stopped",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    how = p.add_mutually_exclusive_group()
    how.add_argument("--burst", action="store_true", help="run the queued jobs, then exit")
    how.add_argument("--once", action="store_true", help="run at most one job, then exit")
    p.add_argument("--poll", type=float, default=1.0,
                   help="seconds between looks at an empty queue (default 1)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import _, setup_django

    setup_django()
    from luoshi.jobs.queue import work, worker_name

    stop = threading.Event()

    def on_signal(signum, frame) -> None:
        if stop.is_set():
            raise KeyboardInterrupt  # the second signal: stop now (the job is queued again)
        stop.set()

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous[signum] = signal.signal(signum, on_signal)
    name = worker_name()
    if not (args.burst or args.once):
        print(_("luoshi worker %(name)s:等待任务(Ctrl+C 停止)") % {"name": name}, flush=True)
    try:
        count = work(worker=name, burst=args.burst, once=args.once, stop=stop, poll=args.poll)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    print(_("luoshi worker %(name)s:已运行 %(count)s 个任务") % {"name": name, "count": count},
          flush=True)
    return 0
