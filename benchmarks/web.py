"""Page latency on a large plan set: dashboard, task list, search and task page.

    .venv/bin/python benchmarks/web.py                                  # SQLite, fresh temp dir
    .venv/bin/python tests/pgserver.py -- .venv/bin/python benchmarks/web.py   # PostgreSQL
    LUOSHI_DATA_DIR=/tmp/bench .venv/bin/python benchmarks/web.py   # keep (and reuse) the set

Builds a generated plan set (luoshi.sample) of ``--tasks`` top-level tasks through the import
service, which also builds the search index (as every import does), then requests each kind
of page ``--requests`` times through Django's test client as a signed-in superuser, with
varying parameters, and prints p50/p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import benchdb

# LUOSHI_DATA_DIR, when given, is kept and reused: the 100 000-task set takes minutes to build.
connection = benchdb.setup("luoshi-bench-web-", keep_data_dir=True)

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from luoshi.core.models import Progress, Report, Task, TaskUnit  # noqa: E402
from luoshi.core.services.importing import import_document  # noqa: E402
from luoshi.sample import generate_plan  # noqa: E402
from luoshi.search.models import TaskEntry  # noqa: E402

SEARCH_WORDS = ["污水处理", "基站", "乡村振兴", "养老", "学校", "旅游", "招商", "数字化", "道路",
                "垃圾分类", "医疗", "海岛", "项目 开工", "企业 上云", "资金"]


def build(n_tasks: int, per_plan: int, periods: tuple[str, ...]) -> None:
    plans = max(1, n_tasks // per_plan)
    rows = 0
    start = time.perf_counter()
    for i in range(plans):
        year = 2022 + i % 3
        docs = generate_plan(1000 + i, f"基准{i // 3 + 1}市", year, per_plan, periods=periods)
        for doc in docs:
            result = import_document(doc, file_name=f"bench-{i}-{doc.meta.period.kind}")
            rows += result.counts.get("progress", 0)
        if (i + 1) % 20 == 0 or i + 1 == plans:
            spent = time.perf_counter() - start
            print(f"  imported {i + 1}/{plans} plans, {rows} progress rows, {spent:.0f} s "
                  f"({rows / spent:.0f} rows/s incl. index)", flush=True)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def measure(client: Client, urls: list[str]) -> tuple[float, float]:
    for url in urls[:3]:  # warm caches (templates, jieba dictionary, database pages)
        client.get(url)
    times = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return percentiles(times)


def urls(n: int, rng: random.Random) -> dict[str, list[str]]:
    reports = list(Report.objects.values_list("pk", "plan_id", "period_id"))
    periods = sorted({r[2] for r in reports})
    tasks = list(Task.objects.filter(parent=None).values_list("pk", flat=True)[:50_000])
    task_list = reverse("task_list")
    out: dict[str, list[str]] = {"dashboard": [], "list": [], "search": [], "task page": []}
    for i in range(n):
        pk, plan, period = rng.choice(reports)
        out["dashboard"].append(reverse("dashboard", args=[pk]))
        unit = TaskUnit.objects.filter(task__plan_id=plan).values_list("unit_id", flat=True) \
            .order_by("?").first()
        variants = [
            "",
            f"?page={rng.randint(2, 200)}",
            f"?period={rng.choice(periods)}",
            f"?plan={plan}&period={period}",
            f"?plan={plan}&unit={unit}",
            f"?period={rng.choice(periods)}&sort=empty",
            "?sort=lead",
        ]
        out["list"].append(task_list + variants[i % len(variants)])
        word = rng.choice(SEARCH_WORDS)
        scope = "" if i % 2 else f"&period={rng.choice(periods)}"
        out["search"].append(task_list + f"?q={word}{scope}")
        out["task page"].append(reverse("task_detail", args=[rng.choice(tasks)]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=100_000, help="top-level tasks in all")
    parser.add_argument("--per-plan", type=int, default=500, help="tasks per plan")
    parser.add_argument("--periods", default="h1,q3", help="reports per plan (default h1,q3)")
    parser.add_argument("--requests", type=int, default=60, help="requests per kind of page")
    parser.add_argument("--reindex", action="store_true", help="rebuild the index first")
    args = parser.parse_args()
    print(f"database: {connection.vendor}")
    if args.reindex:
        started = time.perf_counter()
        call_command("reindex")
        print(f"reindexed in {time.perf_counter() - started:.0f} s")
    if not Task.objects.exists():
        print(f"building {args.tasks} tasks ({args.per_plan} per plan, periods {args.periods}) "
              f"through the import service …", flush=True)
        started = time.perf_counter()
        build(args.tasks, args.per_plan, tuple(args.periods.split(",")))
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    print(f"tasks {Task.objects.filter(parent=None).count()} (+ sub-items "
          f"{Task.objects.exclude(parent=None).count()}), reports {Report.objects.count()}, "
          f"progress rows {Progress.objects.count()}, index rows {TaskEntry.objects.count()}")
    user = get_user_model().objects.filter(username="bench").first() or \
        get_user_model().objects.create_superuser("bench", password="bench-only")
    client = Client()
    client.force_login(user)
    print(f"{'page':<10} {'p50 ms':>8} {'p95 ms':>8}   ({args.requests} requests each)")
    for name, page_urls in urls(args.requests, random.Random(7)).items():
        p50, p95 = measure(client, page_urls)
        print(f"{name:<10} {p50:>8.1f} {p95:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
