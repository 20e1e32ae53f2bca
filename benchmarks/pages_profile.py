"""Where a page's time goes: the pages of benchmarks/vs_datasette.py through Django's test
client (no server, no network), anonymous as in that benchmark, on a set it built.

    .venv/bin/python benchmarks/pages_profile.py --tasks 20000            # ms and queries
    .venv/bin/python benchmarks/pages_profile.py --tasks 20000 --profile task   # cProfile

Prints per kind of page the median and p95 of ``--requests`` requests in milliseconds and
the CPU time of the request's thread (SQLite runs in it: steadier than the wall clock on a
shared machine) and the number of SQL queries of one request; ``--profile KIND`` adds the functions that take
the most cumulative time over those requests; ``--cold`` empties the page cache before each
request (what a page costs the first time after a write). The set is ``var/vs-datasette-TASKS/luoshi``
(built by vs_datasette.py; ``--dir`` for another).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["污水处理", "乡村振兴", "5G基站", "数字化", "固定资产投资", "营商环境"]


def urls(kind: str, n: int, rng: random.Random) -> list[str]:
    from luoshi.core.models import Report, Task

    reports = list(Report.objects.values_list("pk", "plan_id", "period_id"))
    tasks = list(Task.objects.filter(parent=None).values_list("pk", flat=True))
    out = []
    for _ in range(n):
        report, plan, period = rng.choice(reports)
        out.append({
            "list": f"/tasks/?plan={plan}&period={period}",
            "task": f"/tasks/{rng.choice(tasks)}/",
            "json": f"/api/entries/?report={report}&limit=50",
            "search": f"/tasks/?q={urllib.parse.quote(rng.choice(WORDS))}",
            "report": f"/reports/{report}/",
            "dashboard": f"/reports/{report}/dashboard/",
        }[kind])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--kinds", default="list,task,json,search,report")
    parser.add_argument("--profile", help="a kind to run under cProfile")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--sort", default="cumulative", help="cProfile order (tottime …)")
    parser.add_argument("--distinct", type=int, help="cycle this many distinct URLs (a warm "
                        "cache: each is built once, at warm-up)")
    parser.add_argument("--cold", action="store_true",
                        help="empty the page cache before each request (luoshi.web.pagecache)")
    args = parser.parse_args()
    data = (args.dir or ROOT / "var" / f"vs-datasette-{args.tasks}" / "luoshi").resolve()
    if not (data / "luoshi.sqlite3").exists():
        raise SystemExit(f"no set in {data}: run benchmarks/vs_datasette.py --tasks "
                         f"{args.tasks} first")
    os.environ["LUOSHI_DATA_DIR"] = str(data)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("LUOSHI_DEBUG", "0")
    os.environ.setdefault("LUOSHI_SECRET_KEY", "benchmark-only-" + "x" * 40)
    os.environ.setdefault("LUOSHI_SSL_REDIRECT", "0")
    os.environ.setdefault("LUOSHI_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ["LUOSHI_API_ANON_RATE"] = "100000000/minute"
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import benchdb

    benchdb.setup(keep_data_dir=True)
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off needs the manifest
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client

    client = Client()
    rng = random.Random(7)
    for kind in args.kinds.split(","):
        pool = urls(kind, args.distinct or args.requests, rng)
        pool = [pool[i % len(pool)] for i in range(args.requests)]
        for path in pool[:args.distinct or 0]:  # build each once
            client.get(path)
        for path in pool[:3]:  # warm up
            assert client.get(path).status_code == 200, path
        queries: list[str] = []

        def count(run, sql, *rest, seen=queries):
            seen.append(sql)
            return run(sql, *rest)

        if args.cold:
            caches["pages"].clear()
        with connection.execute_wrapper(count):
            client.get(pool[0])
        profiler = cProfile.Profile() if kind == args.profile else None
        times, cpu = [], []
        for path in pool:
            if args.cold:
                caches["pages"].clear()
            start, start_cpu = time.perf_counter(), time.thread_time()
            if profiler:
                profiler.enable()
            response = client.get(path)
            if profiler:
                profiler.disable()
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
            assert response.status_code == 200, path
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{kind:<9} p50 {statistics.median(times) * 1000:7.1f}  p95 {p95 * 1000:7.1f} ms"
              f"  cpu p50 {statistics.median(cpu) * 1000:7.1f} ms  {len(queries)} queries",
              flush=True)
        if profiler:
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
