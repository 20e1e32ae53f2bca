"""Scale: many governments' plans loaded through a bulk path, then page latency at that size.

    .venv/bin/python tests/pgserver.py -- .venv/bin/python benchmarks/scale.py   # PostgreSQL, 1 000 000
    .venv/bin/python benchmarks/scale.py                                        # SQLite, 100 000
    .venv/bin/python tests/pgserver.py -- .venv/bin/python benchmarks/scale.py --tasks 200000
    LUOSHI_DATA_DIR=/tmp/scale .venv/bin/python benchmarks/scale.py   # SQLite, keep and reuse

The set: ``--tasks`` top-level tasks in plans of ``--per-plan`` (luoshi.sample, six columns,
~12 % of tasks split into sub-items), one plan per government and year over ``--years``, so
tasks / per-plan / years governments (级别 市, 县, 区 in turn); each plan has
``--reports-per-plan`` published reports, the period kinds taken in turn (Q1, H1, Q3, annual),
so the set spans many periods.

The bulk path, timed step by step:

- *write*: tasks, sub-items, unit links and progress rows with ids allocated by the script,
  written with PostgreSQL's COPY (SQLite: ``executemany`` in one transaction per batch of
  plans); governments, plans, periods, reports and units through the ORM (few rows), units
  resolved by the import's own ``normalize_unit``/``UnitResolver``. No ``ImportBatch`` or
  history rows: a bulk load is not a person's or a file's change.
- *analysis*: ``analyze_reports`` (luoshi.core.services.bulk_analysis): the rows
  ``analyze_report`` stores for each report (targets, measurements, statuses with evidence),
  built as tuples many reports at a time and written with COPY / ``executemany``; the pure
  Python part shared with forked worker processes (``LUOSHI_ANALYSIS_WORKERS``, by default
  one per core beyond the first, at most 3).
- *index*: ``reindex_plans`` (luoshi.search.bulk): the rows ``reindex_plan`` builds (the
  search/listing index, as ``luoshi reindex``), many plans at a time, tokens cached across
  plans, written the same way (a batch's rows generated while COPY sends them).
- by default the analysis and the index overlap (``analyze_and_index``,
  luoshi.search.pipeline): on PostgreSQL a plan's index rows are written by a forked
  process on a second connection as soon as its reports are analysed, the analysis
  committing batch by batch; "analysis" is then the wall time until the analysis ended,
  "index" the index's tail after it. ``--in-turn``: one step after the other, as before.
- on PostgreSQL the plain indexes and the foreign keys of the tables each step writes (tasks,
  unit links and progress rows; statuses and measurements, in turn only; index rows, whose
  keys stay when overlapped) are dropped before the step and made again at its end
  (``indexes_deferred``; counted in the step); the write's and the overlapped index's after
  their commit, several at once on connections of their own (``index_builders()``).
- then ``VACUUM ANALYZE`` (SQLite ``ANALYZE``): planner statistics and PostgreSQL's
  visibility map (autovacuum would do both some time after).

CPU seconds per step (this process, the analysis's worker processes, and the database
server's process when it runs on this machine) do not follow the machine's load as the wall
time does. ``--profile N`` prints cProfile's N costliest functions of the analysis and index.

Import tasks/s = top-level tasks / (write + analysis + index); generating the documents
(luoshi.sample) is reported apart. Then ``--requests`` requests per page through Django's test
client as a signed-in superuser with DEBUG off: dashboard of a random report; the task list
(unfiltered, by period, by plan and period, by plan and unit, a deep page); search (one word,
half of them within a period); a random task page — p50/p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import pstats
import random
import resource
import statistics
import time
from collections import defaultdict

# Production settings for the pages measured (no debug cursor, no SQL log per query).
os.environ.setdefault("LUOSHI_DEBUG", "0")
os.environ.setdefault("LUOSHI_SECRET_KEY", "benchmark-only-" + "x" * 40)
os.environ.setdefault("LUOSHI_SSL_REDIRECT", "0")
os.environ.setdefault("LUOSHI_ALLOWED_HOSTS", "testserver,127.0.0.1")

import benchdb

connection = benchdb.setup("luoshi-bench-scale-", keep_data_dir=True)

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from luoshi.core.models import (  # noqa: E402
    Assessment,
    Government,
    Measurement,
    Period,
    Plan,
    Progress,
    Report,
    Task,
    TaskUnit,
)
from luoshi.core.services.bulk_analysis import analyze_reports  # noqa: E402
from luoshi.core.services.rows import RowTable, index_builders, indexes_deferred  # noqa: E402
from luoshi.core.services.units import UnitResolver, normalize_unit, unit_roles  # noqa: E402
from luoshi.ingest.model import ParsedDocument  # noqa: E402
from luoshi.sample import generate_plan  # noqa: E402
from luoshi.search.bulk import reindex_plans  # noqa: E402
from luoshi.search.models import TaskEntry  # noqa: E402
from luoshi.search.pipeline import analyze_and_index  # noqa: E402
from luoshi.vocab import UnitRole  # noqa: E402

KINDS = ("q1", "h1", "q3", "annual")
LEVELS = "市县区"
SEARCH_WORDS = ["污水处理", "基站", "乡村振兴", "养老", "招商", "数字化", "农村", "营商环境",
                "项目 开工", "企业 上云", "市场主体", "公共服务"]
# The model fields each bulk table gets, in order (ids are allocated here, not by the database).
FIELDS = {
    Task: ["id", "plan", "parent", "serial", "text", "order", "version"],
    TaskUnit: ["id", "task", "unit", "role", "order"],
    Progress: ["id", "report", "task", "done", "problems", "next_steps", "position", "extra",
               "version", "updated_at"],
}


class BulkWriter:
    """Buffers rows of the bulk tables and writes them in one transaction per flush: COPY on
    PostgreSQL, executemany on SQLite (``RowTable``). Parents are written before the rows that
    point at them."""

    def __init__(self) -> None:
        self.rows: dict[type, list[tuple]] = {model: [] for model in FIELDS}
        self.next_id = {model: (model.objects.order_by("-id").values_list("id", flat=True)
                                .first() or 0) + 1 for model in FIELDS}
        self.now = timezone.now()
        # Columns not named in FIELDS get their defaults (luoshi.core.services.rows).
        self.tables = {model: RowTable(model, fields) for model, fields in FIELDS.items()}
        self.written = 0

    def new_id(self, model: type) -> int:
        pk = self.next_id[model]
        self.next_id[model] = pk + 1
        return pk

    def add(self, model: type, row: tuple) -> None:
        self.rows[model].append(row)

    def flush(self) -> None:
        with transaction.atomic():
            for model, rows in self.rows.items():
                if rows:
                    self.written += self.tables[model].write(rows)
                    rows.clear()

    def finish(self) -> None:
        self.flush()
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(FIELDS)):
                cursor.execute(sql)


class Loader:
    """One plan's documents into the bulk writer (tasks once, progress per report)."""

    def __init__(self, writer: BulkWriter) -> None:
        self.writer = writer
        self.periods: dict[tuple, Period] = {}
        self.resolvers: dict[int, UnitResolver] = {}

    def period(self, doc: ParsedDocument) -> Period:
        p = doc.meta.period
        key = (doc.meta.year, str(p.kind), p.end_month)
        if key not in self.periods:
            self.periods[key], _ = Period.objects.get_or_create(
                year=key[0], kind=key[1], month=key[2], defaults={"label": p.label})
        return self.periods[key]

    def plan(self, government: Government, docs: list[ParsedDocument]) -> None:
        meta = docs[0].meta
        plan = Plan.objects.create(government=government, year=meta.year,
                                   title=f"{government.name}{meta.year}年政府工作报告重点工作")
        resolver = self.resolvers.setdefault(government.pk, UnitResolver(government))
        w = self.writer
        rows: list[list[int]] = []  # per table row of the documents: the task ids it reports on
        for order, parsed in enumerate(docs[0].tasks, start=1):
            task_id = w.new_id(Task)
            w.add(Task, (task_id, plan.pk, None, parsed.serial, parsed.text, order, 1))
            names = [n for n in map(normalize_unit, parsed.units) if n.name]
            seen: set[int] = set()
            for name, lead in zip(names, unit_roles(names), strict=True):
                unit = resolver.resolve(name)
                if unit.pk in seen:
                    continue
                seen.add(unit.pk)
                w.add(TaskUnit, (w.new_id(TaskUnit), task_id, unit.pk,
                                 str(UnitRole.LEAD if lead else UnitRole.CO), len(seen)))
            items = parsed.items
            if len(items) <= 1 and all(item.heading is None for item in items):
                rows.append([task_id])
                continue
            children = []
            for k, item in enumerate(items, start=1):
                child = w.new_id(Task)
                w.add(Task, (child, plan.pk, task_id, "", item.heading or "", k, 1))
                children.append(child)
            rows.append(children)
        for doc in docs:
            report = Report.objects.create(
                plan=plan, period=self.period(doc), state=Report.State.PUBLISHED,
                title=doc.meta.title[:300], publisher=doc.meta.publisher[:200],
                written_date=doc.meta.written_date, published_date=doc.meta.published_date,
                columns=[c.to_dict() for c in doc.columns], notes=list(doc.meta.notes))
            position = 0
            for task_ids, parsed in zip(rows, doc.tasks, strict=True):
                extra = dict(parsed.extra or {})
                for task_id, item in zip(task_ids, parsed.items or [None], strict=True):
                    position += 1
                    w.add(Progress, (w.new_id(Progress), report.pk, task_id,
                                     item.done if item else "", item.problems if item else "",
                                     item.next_steps if item else "", position, extra, 1, w.now))


def server_cpu() -> float | None:
    """CPU seconds of this connection's database server process so far, where the server
    runs on this machine (PostgreSQL under tests/pgserver.py; its parallel index-build
    workers are not counted); None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _stat(pid: int | str) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def server_total_cpu() -> float | None:
    """CPU seconds of every process of the database server so far (its backends, parallel
    index-build workers, autovacuum, writers: the postmaster's children, alive or ended),
    where the server runs on this machine; None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = _stat(cursor.fetchone()[0])
    postmaster = backend[1] if backend else None
    fields = _stat(postmaster) if postmaster else None
    if fields is None:
        return None
    ticks = sum(int(x) for x in fields[11:15])  # its own and its ended children's
    for entry in os.listdir("/proc"):
        child = _stat(entry) if entry.isdigit() else None
        if child is not None and child[1] == postmaster:
            ticks += int(child[11]) + int(child[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_line(step: str, cpu: float, server: tuple[float | None, ...],
             workers: float | None = None) -> str:
    out = f"{step} CPU: this process {cpu:.1f} s"
    if workers is not None:
        out += f", worker processes {workers:.1f} s"
    if server[0] is not None and server[1] is not None:
        out += f", database server {server[1] - server[0]:.1f} s"
    if len(server) == 4 and server[2] is not None and server[3] is not None:
        out += f" (all its processes {server[3] - server[2]:.1f} s)"
    return out


@contextlib.contextmanager
def profiled(step: str, args: argparse.Namespace):
    """``--profile``: cProfile of one step, its most expensive functions printed after it."""
    if not args.profile:
        yield
        return
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        print(f"-- profile of the {step} step (this process; by own time)", flush=True)
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


@contextlib.contextmanager
def deferred(*tables: type, builders: int = 1):
    """``indexes_deferred``, saying how long making the indexes and keys again took (part of
    the step's time)."""
    with indexes_deferred(*tables, builders=builders):
        yield
        started, server, total = time.perf_counter(), server_cpu(), server_total_cpu()
    made = f"  indexes and foreign keys made again: {time.perf_counter() - started:.1f} s"
    after, total_after = server_cpu(), server_total_cpu()
    if server is not None and after is not None:
        made += f" (database server CPU {after - server:.1f} s"
        if total is not None and total_after is not None:  # with its other connections
            made += f", all its processes {total_after - total:.1f} s"
        made += ")"
    print(made, flush=True)


def children_cpu() -> float:
    """CPU seconds of this process's ended children (the analysis's forked workers)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def analyse_then_index(args: argparse.Namespace) -> tuple[float, float]:
    """``--in-turn``: the analysis, then the index, each a step of its own (one transaction
    each, their tables' indexes and keys deferred). Returns their wall seconds."""
    # First analyses in bulk; the index is built in bulk after it (no per-report rebuild).
    started = time.perf_counter()

    def analysed(done: int, total: int) -> None:
        print(f"  analysed {done}/{total} reports, {time.perf_counter() - started:.0f} s",
              flush=True)

    # A first load: the statuses' and measurements' indexes are built once at the end (the
    # targets' stay: each batch looks up its tasks' targets).
    cpu = time.process_time()
    server, total = server_cpu(), server_total_cpu()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with profiled("analysis", args), deferred(Measurement, Assessment):
        summary = analyze_reports(Report.objects.order_by("pk").values_list("pk", flat=True),
                                  progress=analysed)
    analysis = time.perf_counter() - started
    cpu = time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    print(f"analysis: {analysis:.1f} s = {summary.tasks / analysis:.0f} task-reports/s "
          f"({summary.bulk} reports in bulk, {summary.measurements} measurements, "
          f"{summary.targets} targets)", flush=True)
    # CPU seconds do not depend on what else runs on the machine: this process's, and its
    # analysis workers' (analysis_workers(); the database server is not counted in either).
    print(cpu_line("analysis", cpu, (server, server_cpu(), total, server_total_cpu()),
                   workers_cpu), flush=True)

    started = time.perf_counter()
    cpu = time.process_time()
    server, total = server_cpu(), server_total_cpu()

    def indexed(done: int, total: int, _rows: int) -> None:
        print(f"  indexed {done}/{total} plans, {time.perf_counter() - started:.0f} s",
              flush=True)

    with profiled("index", args), deferred(TaskEntry):
        rows = reindex_plans(Plan.objects.values_list("pk", flat=True), progress=indexed,
                             drop=False)
    index = time.perf_counter() - started
    print(f"index: {index:.1f} s = {rows / index:.0f} rows/s ({rows} rows)", flush=True)
    print(cpu_line("index", time.process_time() - cpu,
                   (server, server_cpu(), total, server_total_cpu())), flush=True)
    return analysis, index


def analyse_and_index(args: argparse.Namespace) -> tuple[float, float]:
    """The analysis and the index overlapped (``luoshi.search.pipeline``): the analysis
    commits batch by batch, a plan's index rows are written by a second connection once its
    reports are analysed. Returns the wall seconds until the analysis ended and after it
    (the index's tail: its last batch, and its indexes made again)."""
    started = time.perf_counter()
    analysis_end = [started]
    # CPU seconds when the analysis ended (this process, the database server's processes):
    # the index's tail is mostly the server making the index table's indexes.
    end_cpu: list[float | None] = [None, None]

    def analysed(done: int, total: int) -> None:
        analysis_end[0] = time.perf_counter()
        print(f"  analysed {done}/{total} reports, {analysis_end[0] - started:.0f} s",
              flush=True)
        if done == total:
            end_cpu[:] = [time.process_time(), server_total_cpu()]

    plans = [0]

    def indexed(n: int, rows: int) -> None:
        plans[0] += n
        print(f"  indexed {plans[0]} plans, {rows} rows, {time.perf_counter() - started:.0f} s",
              flush=True)

    cpu, workers = time.process_time(), children_cpu()
    server = (server_cpu(), None, server_total_cpu())
    with profiled("analysis and index (this thread)", args):
        summary, rows = analyze_and_index(
            Report.objects.order_by("pk").values_list("pk", flat=True), drop=False,
            analysed=analysed, indexed=indexed)
    ended = time.perf_counter()
    server = (server[0], server_cpu(), server[2], server_total_cpu())
    print(f"analysis and index, overlapped: {ended - started:.1f} s "
          f"({summary.bulk} reports in bulk, {summary.measurements} measurements, "
          f"{summary.targets} targets; {rows} index rows); the analysis ended at "
          f"{analysis_end[0] - started:.1f} s, the index {ended - analysis_end[0]:.1f} s "
          f"after it", flush=True)
    print(cpu_line("analysis and index", time.process_time() - cpu, server,
                   children_cpu() - workers) + " (the worker processes: the analysis's and "
          "the index's; the server: this connection's backend, the index's among all its "
          "processes)", flush=True)
    tail = ended - analysis_end[0]
    if end_cpu[0] is not None and tail > 0:
        line = f"the tail ({tail:.1f} s) CPU: this process {time.process_time() - end_cpu[0]:.1f} s"
        if end_cpu[1] is not None and server[3] is not None:
            used = server[3] - end_cpu[1]
            line += (f", database server (all its processes) {used:.1f} s = {used / tail:.2f} "
                     "cores busy")
        print(line, flush=True)
    return analysis_end[0] - started, ended - analysis_end[0]


def build(args: argparse.Namespace) -> None:
    plans = max(1, args.tasks // args.per_plan)
    years = list(range(2026 - args.years, 2026))
    writer = BulkWriter()
    loader = Loader(writer)
    governments: list[Government] = []
    generate = write = 0.0
    print(f"bulk load: {plans} plans of {args.per_plan} tasks, {len(years)} years, "
          f"{-(-plans // len(years))} governments, {args.reports_per_plan} report(s) per plan",
          flush=True)
    cpu = time.process_time()
    server = server_cpu()
    import_cpu = (cpu, children_cpu(), server_total_cpu())
    # A first load: the tables' plain indexes and foreign keys are made once at the end.
    started = time.perf_counter()
    with deferred(Task, TaskUnit, Progress, builders=index_builders()):
        write += time.perf_counter() - started
        for i in range(plans):
            g, y = divmod(i, len(years))
            if g == len(governments):
                name = f"规模{g + 1}{LEVELS[g % 3]}"
                governments.append(Government.objects.create(name=name,
                                                             level=Government.level_for(name)))
            kinds = tuple(KINDS[(i + k) % 4] for k in range(args.reports_per_plan))
            started = time.perf_counter()
            docs = generate_plan(500_000 + i, governments[g].name, years[y], args.per_plan,
                                 periods=kinds)
            generate += time.perf_counter() - started
            started = time.perf_counter()
            loader.plan(governments[g], docs)
            if sum(map(len, writer.rows.values())) > 50_000:
                writer.flush()
            write += time.perf_counter() - started
            if (i + 1) % 100 == 0 or i + 1 == plans:
                print(f"  {i + 1}/{plans} plans written, {writer.written} rows, generate "
                      f"{generate:.0f} s, write {write:.0f} s", flush=True)
        started = time.perf_counter()
        writer.finish()
    write += time.perf_counter() - started
    tasks = plans * args.per_plan
    print(f"write: {write:.1f} s = {tasks / write:.0f} tasks/s "
          f"({writer.written} rows; generating the documents took {generate:.1f} s apart)",
          flush=True)
    print(cpu_line("write (with generating)", time.process_time() - cpu, (server, server_cpu())),
          flush=True)

    if args.in_turn:
        analysis, index = analyse_then_index(args)
    else:
        analysis, index = analyse_and_index(args)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # PostgreSQL: VACUUM as well, which sets the visibility map of the freshly loaded
        # pages; without it an index-only scan (the count of the unfiltered list) still
        # reads every row from the table (500 000 tasks: 250 ms a count).
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"(VACUUM) ANALYZE: {time.perf_counter() - started:.1f} s")
    total = write + analysis + index
    print(f"import: {tasks} tasks in {total:.0f} s = {tasks / total:.0f} tasks/s "
          f"(write + analysis + index)", flush=True)
    used = time.process_time() - import_cpu[0] + children_cpu() - import_cpu[1]
    line = f"import CPU: this process and its workers {used:.1f} s"
    server_used = server_total_cpu()
    if server_used is not None and import_cpu[2] is not None:
        server_used -= import_cpu[2]
        used += server_used
        line += f", database server (all its processes) {server_used:.1f} s"
    print(f"{line}: {used:.0f} CPU s in {total:.0f} s = {used / total:.2f} cores busy "
          f"(the import's overlap; generating the documents included)", flush=True)
    # ru_maxrss is in KiB on Linux; the children are the analysis's forked workers (the
    # largest of them: they share most of their pages with this process).
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {own:.0f} MB, largest worker {worker:.0f} MB", flush=True)


def database_bytes() -> int:
    """The whole database on disk (tables, indexes, search index), for sizing."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute("PRAGMA page_size")
        return pages * cursor.fetchone()[0]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def page_urls(n: int, rng: random.Random) -> dict[str, list[str]]:
    reports = list(Report.objects.values_list("pk", "plan_id", "period_id"))
    periods = sorted({r[2] for r in reports})
    last = Task.objects.filter(parent=None).order_by("-pk").values_list("pk", flat=True).first()
    first = Task.objects.filter(parent=None).order_by("pk").values_list("pk", flat=True).first()
    task_list = reverse("task_list")
    out: dict[str, list[str]] = defaultdict(list)
    for i in range(n):
        pk, plan, period = rng.choice(reports)
        out["dashboard"].append(reverse("dashboard", args=[pk]))
        unit = TaskUnit.objects.filter(task__plan_id=plan).values_list("unit_id", flat=True) \
            .first()
        out["list"].append(task_list + [
            "", f"?period={rng.choice(periods)}", f"?plan={plan}&period={period}",
            f"?plan={plan}&unit={unit}", f"?page={rng.randint(2, 200)}"][i % 5])
        scope = "" if i % 2 else f"&period={rng.choice(periods)}"
        out["search"].append(task_list + f"?q={rng.choice(SEARCH_WORDS)}{scope}")
        task = None
        while task is None:  # ids are dense; sub-items are skipped
            task = Task.objects.filter(pk=rng.randint(first, last), parent=None) \
                .values_list("pk", flat=True).first()
        out["task page"].append(reverse("task_detail", args=[task]))
    return out


def explain(client: Client, kind: str, timed: list[tuple[float, str]], slow_ms: float) -> None:
    """The queries of the slowest requests of a kind, slowest first (the page built afresh: the
    page cache's version bumped first); on PostgreSQL the plan (EXPLAIN ANALYZE) of each query
    slower than ``slow_ms``."""
    from django.test.utils import CaptureQueriesContext

    from luoshi.web import pagecache

    for seconds, url in sorted(timed, reverse=True)[:2]:
        pagecache.bump()  # built again, not served from the page cache: its queries run
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
        sql_ms = sum(float(q["time"]) for q in queries) * 1000
        print(f"\n-- {kind} {url}: {seconds * 1000:.0f} ms, {len(queries)} queries, "
              f"{sql_ms:.0f} ms in the database", flush=True)
        for q in queries[:4]:
            ms = float(q["time"]) * 1000
            print(f"   {ms:7.1f} ms  {q['sql'][:400]}")
            if ms >= slow_ms and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
                    for (line,) in cursor.fetchall():
                        print(f"      {line}")


def measure(n_requests: int, explain_ms: float | None = None) -> None:
    call_command("collectstatic", interactive=False, verbosity=0)  # the manifest (DEBUG off)
    user = get_user_model().objects.filter(username="bench").first() or \
        get_user_model().objects.create_superuser("bench", password="bench-only")
    client = Client()
    client.force_login(user)
    print(f"{'page':<10} {'p50 ms':>8} {'p95 ms':>8}   ({n_requests} requests each)")
    slowest: dict[str, list[tuple[float, str]]] = {}
    for name, urls in page_urls(n_requests, random.Random(7)).items():
        for url in urls[:3]:  # warm up: templates, jieba's dictionary, database pages
            client.get(url)
        times = []
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        p50, p95 = percentiles(times)
        print(f"{name:<10} {p50:>8.1f} {p95:>8.1f}", flush=True)
        slowest[name] = list(zip(times, urls, strict=True))
    if explain_ms is not None:
        for name, timed in slowest.items():
            explain(client, name, timed, explain_ms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, help="top-level tasks (default 1 000 000 on "
                        "PostgreSQL, 100 000 on SQLite)")
    parser.add_argument("--per-plan", type=int, default=500, help="tasks per plan")
    parser.add_argument("--years", type=int, default=5, help="plan years per government")
    parser.add_argument("--reports-per-plan", type=int, default=1, choices=range(1, 5))
    parser.add_argument("--requests", type=int, default=60, help="requests per kind of page "
                        "(0: none)")
    parser.add_argument("--explain", type=float, metavar="MS", help="then show the queries of "
                        "the two slowest requests of each kind, and on PostgreSQL the plans of "
                        "those slower than MS")
    parser.add_argument("--profile", type=int, metavar="N", help="profile the analysis and "
                        "index steps with cProfile and print the N functions with the most "
                        "own time of each (slows them down: not for the figures)")
    parser.add_argument("--search-plans", action="store_true", help="then each search "
                        "word's page query with the database's own plan and walking the "
                        "list's order index (luoshi.search.backends.read_in_list_order)")
    parser.add_argument("--in-turn", action="store_true", help="the analysis, then the index "
                        "(as before the pipeline): not overlapped")
    args = parser.parse_args()
    if args.tasks is None:
        args.tasks = 1_000_000 if connection.vendor == "postgresql" else 100_000
    print(f"database: {connection.vendor}")
    if Task.objects.exists():
        print("reusing the tasks already in the database")
    else:
        build(args)
    print(f"tasks {Task.objects.filter(parent=None).count()} (+ sub-items "
          f"{Task.objects.exclude(parent=None).count()}), governments "
          f"{Government.objects.count()}, plans {Plan.objects.count()}, reports "
          f"{Report.objects.count()}, periods {Period.objects.count()}, progress rows "
          f"{Progress.objects.count()}, index rows {TaskEntry.objects.count()}", flush=True)
    print(f"database size: {database_bytes() / 2**20:.0f} MiB", flush=True)
    if args.requests:
        measure(args.requests, args.explain)
    if args.search_plans:
        from search_plans import search_plans  # Django is set up by now

        search_plans(SEARCH_WORDS)


if __name__ == "__main__":
    main()
