"""luoshi and Datasette side by side on the same rows, served as each is shipped.

    .venv/bin/python benchmarks/vs_datasette.py                  # 100 000 tasks
    .venv/bin/python benchmarks/vs_datasette.py --tasks 20000    # quicker, to iterate

1. Builds ``--tasks`` top-level tasks (luoshi.sample plans of ``--per-plan`` tasks, an H1 and a
   Q3 table each) into luoshi's SQLite database through the import service (analysis and
   search index included, as every import does), in ``var/vs-datasette-N/luoshi`` — kept, so
   a second run reuses it (the 100 000-task set takes 10-20 minutes).
2. Copies the same rows into a Datasette database (``var/vs-datasette-N/datasette.db``): the
   tasks (with lead unit and units), the progress entries, and the list rows of each report
   (task, lead unit, status, 完成情况), with the indexes a Datasette publisher would add and an
   FTS5 trigram index on the tasks (Chinese has no spaces: trigram is how SQLite's FTS finds
   a Chinese word inside a text).
3. Installs Datasette in its own virtual environment (``var/datasette-venv``; never in the
   project's dependencies) and serves the file as shipped (``datasette serve -i``, one
   process); serves luoshi under gunicorn with DEBUG off (``--workers``/``--threads``).
4. Runs the equivalent requests of each kind — interleaved A, B, A, B …, ``--rounds`` rounds —
   at each concurrency with wrk (Debian's ``wrk``; without it a threaded client of our own),
   and prints requests/s, p50/p95 in ms (median over rounds) and the ratio luoshi/Datasette.

``--no-page-cache`` runs luoshi with its page cache off (``LUOSHI_PAGE_CACHE=0``): every page
built afresh, as the first request after a write finds it.
With the page cache on, the first ``--check`` URLs of each kind are built before measuring and
the rest during round 1 (at c=1 on a loaded machine, most of round 1): the default figure is a
mix of built and kept pages that depends on the machine's speed. ``--check`` equal to
``--urls`` (300) builds every page first, so the rounds measure pages served from the cache
only (anonymous readers: the whole page, luoshi.web.pagecache.whole_page).

Request kinds (each a pool of ``--urls`` URLs over random reports, tasks and words):

    list     /tasks/?plan=P&period=Q (50 a page)    /db/report_tasks?report_id=R&_sort=position&_size=50
    task     /tasks/T/                              /db/tasks/T        (row page, links from entries)
    json     /api/entries/?report=R&limit=50        /db/entries.json?report_id=R&_sort=position&_size=50&_shape=objects
    search   /tasks/?q=WORD (tasks' own rows)       /db/tasks?_search=WORD&_size=50   (FTS5 trigram)

Search words have three or more characters (the trigram tokenizer finds nothing shorter).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import defaultdict
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETTE = "datasette>=0.65,<0.66"  # the current stable release line
# Words of the generated plans (luoshi.sample) of three or more characters, found in 2-15 % of
# the tasks each.
SEARCH_WORDS = ["污水处理", "乡村振兴", "5G基站", "数字化", "固定资产投资", "营商环境",
                "招商引资", "重大项目", "市场主体", "养老服务", "综合服务中心", "公共服务"]
WRK_SCRIPT = r"""
local urls = {}
for line in io.lines(os.getenv("BENCH_URLS")) do urls[#urls + 1] = line end
local i = 0
function setup(thread) thread:set("offset", math.random(1, #urls)) end
function init(args) i = offset or 0 end
function request()
  i = i % #urls + 1
  return wrk.format("GET", urls[i])
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


# -- 1. luoshi's database ---------------------------------------------------------------------

def setup_django(data_dir: Path):
    os.environ["LUOSHI_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)  # both sides on SQLite: the same engine
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import benchdb

    return benchdb.setup(keep_data_dir=True)


def build_luoshi(n_tasks: int, per_plan: int, periods: tuple[str, ...]) -> None:
    from luoshi.core.models import Task
    from luoshi.core.services.importing import import_document
    from luoshi.sample import generate_plan

    if Task.objects.exists():
        print("luoshi: reusing the existing set", flush=True)
        return
    plans = max(1, n_tasks // per_plan)
    print(f"luoshi: importing {plans} plans of {per_plan} tasks ({','.join(periods)}) …",
          flush=True)
    start = time.perf_counter()
    for i in range(plans):
        for doc in generate_plan(1000 + i, f"基准{i // 3 + 1}市", 2022 + i % 3, per_plan,
                                 periods=periods):
            import_document(doc, file_name=f"bench-{i}-{doc.meta.period.kind}")
        if (i + 1) % 20 == 0 or i + 1 == plans:
            print(f"  {i + 1}/{plans} plans, {time.perf_counter() - start:.0f} s", flush=True)


# -- 2. the same rows for Datasette -------------------------------------------------------------

DATASETTE_SCHEMA = """
CREATE TABLE reports (id INTEGER PRIMARY KEY, government TEXT, year INTEGER, period TEXT,
    title TEXT);
CREATE TABLE tasks (id INTEGER PRIMARY KEY, plan_id INTEGER, government TEXT, year INTEGER,
    parent_id INTEGER REFERENCES tasks(id), serial TEXT, text TEXT, lead_unit TEXT, units TEXT);
CREATE TABLE entries (id INTEGER PRIMARY KEY, report_id INTEGER REFERENCES reports(id),
    task_id INTEGER REFERENCES tasks(id), position INTEGER, done TEXT, problems TEXT,
    next_steps TEXT);
CREATE TABLE report_tasks (id INTEGER PRIMARY KEY, report_id INTEGER REFERENCES reports(id),
    task_id INTEGER REFERENCES tasks(id), position INTEGER, serial TEXT, text TEXT,
    lead_unit TEXT, status TEXT, done TEXT);
CREATE INDEX entries_report ON entries(report_id, position);
CREATE INDEX entries_task ON entries(task_id);
CREATE INDEX report_tasks_report ON report_tasks(report_id, position);
CREATE INDEX report_tasks_task ON report_tasks(task_id);
CREATE INDEX tasks_plan ON tasks(plan_id);
CREATE INDEX tasks_parent ON tasks(parent_id);
CREATE VIRTUAL TABLE tasks_fts USING fts5(text, units, content="tasks", content_rowid="id",
    tokenize="trigram");
"""


def build_datasette_db(path: Path) -> None:
    """The luoshi rows, denormalised the way one would publish them with Datasette."""
    import sqlite3

    from luoshi.core.models import Progress, Report, Task, TaskUnit
    from luoshi.search.models import TaskEntry

    if path.exists():
        print(f"datasette: reusing {path}", flush=True)
        return
    start = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(DATASETTE_SCHEMA)
    db.executemany("INSERT INTO reports VALUES (?, ?, ?, ?, ?)", (
        (r["id"], r["plan__government__name"], r["plan__year"], r["period__label"], r["title"])
        for r in Report.objects.values("id", "plan__government__name", "plan__year",
                                       "period__label", "title").iterator()))
    units: dict[int, list[str]] = defaultdict(list)
    for task_id, name in TaskUnit.objects.order_by("task_id", "order") \
            .values_list("task_id", "unit__name").iterator(chunk_size=20_000):
        units[task_id].append(name)
    db.executemany("INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        (t["id"], t["plan_id"], t["plan__government__name"], t["plan__year"], t["parent_id"],
         t["serial"], t["text"], (units.get(t["id"]) or [""])[0], "、".join(units.get(t["id"], [])))
        for t in Task.objects.order_by("id").values(
            "id", "plan_id", "plan__government__name", "plan__year", "parent_id", "serial",
            "text").iterator(chunk_size=20_000)))
    done: dict[tuple[int, int], list[str]] = defaultdict(list)  # (report, top task) -> texts
    rows = []
    for p in Progress.objects.order_by("report_id", "position").values(
            "id", "report_id", "task_id", "task__parent_id", "position", "done", "problems",
            "next_steps").iterator(chunk_size=20_000):
        rows.append((p["id"], p["report_id"], p["task_id"], p["position"], p["done"],
                     p["problems"], p["next_steps"]))
        done[(p["report_id"], p["task__parent_id"] or p["task_id"])].append(p["done"])
    db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    del rows
    db.executemany("INSERT INTO report_tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        (e["id"], e["report_id"], e["task_id"], e["position"], e["task__serial"],
         e["task__text"], e["lead_name"], e["status"],
         "\n".join(done.get((e["report_id"], e["task_id"]), [])))
        for e in TaskEntry.objects.exclude(report=None).order_by("report_id", "position")
        .values("id", "report_id", "task_id", "position", "task__serial", "task__text",
                "lead_name", "status").iterator(chunk_size=20_000)))
    db.execute("INSERT INTO tasks_fts(tasks_fts) VALUES ('rebuild')")
    db.commit()
    db.execute("ANALYZE")
    db.execute("VACUUM")
    db.close()
    tmp.rename(path)
    print(f"datasette: {path} written in {time.perf_counter() - start:.0f} s "
          f"({path.stat().st_size / 1e6:.0f} MB)", flush=True)


def datasette_venv(venv: Path) -> Path:
    exe = venv / "bin" / "datasette"
    if not exe.exists():
        print(f"datasette: installing {DATASETTE} into {venv} …", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                        DATASETTE], check=True)
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout
    print(f"datasette: {version.strip()}", flush=True)
    return exe


# -- 3. the two servers -------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server for {url} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {timeout:.0f} s")


def start_luoshi(data_dir: Path, port: int, args: argparse.Namespace, log: Path):
    env = dict(os.environ, LUOSHI_DATA_DIR=str(data_dir), LUOSHI_DEBUG="0",
               LUOSHI_SECRET_KEY="benchmark-only-" + "x" * 40, LUOSHI_SSL_REDIRECT="0",
               LUOSHI_ALLOWED_HOSTS="127.0.0.1,localhost",
               # The API's anonymous throttle (600/minute) would answer 429 to a load test.
               LUOSHI_API_ANON_RATE="100000000/minute")
    env.pop("DATABASE_URL", None)
    if args.no_page_cache:
        env["LUOSHI_PAGE_CACHE"] = "0"  # every page built afresh: as the first after a write
    if args.server == "serve":
        # `luoshi serve` as shipped (its own choice of server, workers and threads).
        cmd = [str(Path(sys.executable).parent / "luoshi"), "serve", "--host", "127.0.0.1",
               "--port", str(port)]
    else:
        subprocess.run([sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput",
                        "--verbosity", "0"], env=env, check=True, cwd=ROOT)
        try:
            import gunicorn  # noqa: F401
        except ImportError:
            raise SystemExit("gunicorn is not installed in this environment: pip install "
                             "gunicorn (luoshi's production server)") from None
        cmd = [sys.executable, "-m", "gunicorn", "luoshi.wsgi:application", "--bind",
               f"127.0.0.1:{port}", "--workers", str(args.workers), "--threads",
               str(args.threads), "--worker-class", "gthread", "--log-level", "warning"]
    print(f"luoshi: {' '.join(cmd[1:])}", flush=True)
    return subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log.open("w"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def start_datasette(exe: Path, db: Path, port: int, log: Path):
    cmd = [str(exe), "serve", "-i", str(db), "--host", "127.0.0.1", "--port", str(port)]
    print(f"datasette: {' '.join(cmd[1:])}", flush=True)
    return subprocess.Popen(cmd, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


# -- 4. requests and load -----------------------------------------------------------------------

def url_pools(n: int, rng: random.Random) -> dict[str, tuple[list[str], list[str]]]:
    """Per kind: (luoshi paths, Datasette paths), the same report/task/word at each index."""
    from luoshi.core.models import Report, Task

    reports = list(Report.objects.values_list("pk", "plan_id", "period_id"))
    tasks = list(Task.objects.filter(parent=None).values_list("pk", flat=True))
    pools: dict[str, tuple[list[str], list[str]]] = {k: ([], []) for k in
                                                     ("list", "task", "json", "search")}
    for _ in range(n):
        report, plan, period = rng.choice(reports)
        pools["list"][0].append(f"/tasks/?plan={plan}&period={period}")
        pools["list"][1].append(f"/datasette/report_tasks?report_id={report}&_sort=position&_size=50")
        task = rng.choice(tasks)
        pools["task"][0].append(f"/tasks/{task}/")
        pools["task"][1].append(f"/datasette/tasks/{task}")
        report = rng.choice(reports)[0]
        pools["json"][0].append(f"/api/entries/?report={report}&limit=50")
        pools["json"][1].append(f"/datasette/entries.json?report_id={report}&_sort=position"
                                f"&_size=50&_shape=objects")
        word = urllib.request.quote(rng.choice(SEARCH_WORDS))
        pools["search"][0].append(f"/tasks/?q={word}")
        pools["search"][1].append(f"/datasette/tasks?_search={word}&_size=50")
    return pools


def check(base: str, paths: list[str]) -> None:
    """Every path answers 200 (a load test of error pages would measure nothing)."""
    for path in paths:
        try:
            with urllib.request.urlopen(base + path, timeout=60) as r:
                r.read()
        except OSError as exc:
            raise SystemExit(f"{base + path}: {exc}") from exc


def search_counts(bases: list[str]) -> None:
    """Matches per word on each side: luoshi's page says 共 N 项 (or 超过 1000 项: it stops
    counting there); Datasette's JSON has the count. Tasks and sub-items on Datasette's side."""
    print("search matches, luoshi / datasette:")
    for word in SEARCH_WORDS:
        q = urllib.request.quote(word)
        with urllib.request.urlopen(f"{bases[0]}/tasks/?q={q}", timeout=60) as r:
            found = re.search(r"(共|超过) (\d+) 项任务", r.read().decode())
        with urllib.request.urlopen(f"{bases[1]}/datasette/tasks.json?_search={q}&_size=1",
                                    timeout=60) as r:
            theirs = json.load(r).get("filtered_table_rows_count") or 0
        ours = f"{'>' if found and found[1] == '超过' else ''}{found[2] if found else '?'}"
        print(f"  {word} {ours} / {theirs}")


def run_wrk(base: str, urls_file: Path, script: Path, concurrency: int, seconds: float):
    env = dict(os.environ, BENCH_URLS=str(urls_file))
    out = subprocess.run(["wrk", "-t", str(min(concurrency, 2)), "-c", str(concurrency),
                          "-d", f"{seconds:g}s", "--timeout", "30s", "-s", str(script), base],
                         capture_output=True, text=True, env=env, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    n, duration_us, p50, p95, bad_status, errors = map(int, line.split()[1:])
    return n / (duration_us / 1e6), p50 / 1000, p95 / 1000, bad_status + errors


def run_threads(base: str, paths: list[str], concurrency: int, seconds: float):
    """Fallback without wrk: ``concurrency`` threads, each on one keep-alive connection."""
    host, port = base.removeprefix("http://").split(":")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker(offset: int) -> None:
        conn = HTTPConnection(host, int(port), timeout=30)
        mine, i = [], offset
        while time.perf_counter() < deadline:
            path = paths[i % len(paths)]
            i += 1
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                conn.close()
                conn = HTTPConnection(host, int(port), timeout=30)
                ok = False
            mine.append(time.perf_counter() - start)
            if not ok:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(k * 37,)) for k in range(concurrency)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return len(latencies) / elapsed, statistics.median(ordered) * 1000, p95 * 1000, errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=100_000, help="top-level tasks in all")
    parser.add_argument("--per-plan", type=int, default=500, help="tasks per plan")
    parser.add_argument("--periods", default="h1,q3", help="reports per plan (default h1,q3)")
    parser.add_argument("--dir", type=Path, help="where both databases are kept "
                        "(default var/vs-datasette-TASKS)")
    parser.add_argument("--venv", type=Path, default=ROOT / "var" / "datasette-venv",
                        help="Datasette's own virtual environment")
    parser.add_argument("--concurrency", default="1,16", help="connections (default 1,16)")
    parser.add_argument("--rounds", type=int, default=3, help="A/B rounds (default 3)")
    parser.add_argument("--seconds", type=float, default=5, help="length of one run")
    parser.add_argument("--urls", type=int, default=300, help="URLs per kind")
    parser.add_argument("--kinds", default="list,task,json,search")
    parser.add_argument("--check", type=int, default=40, help="URLs per kind and side fetched "
                        "once before measuring (must answer 200; warms the servers up)")
    cpus = os.cpu_count() or 1
    parser.add_argument("--workers", type=int, default=2 * cpus, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument("--server", choices=("gunicorn", "serve"), default="gunicorn",
                        help="gunicorn started here (default), or `luoshi serve` as shipped")
    parser.add_argument("--no-page-cache", action="store_true",
                        help="luoshi with its page cache off (LUOSHI_PAGE_CACHE=0): every "
                        "page built afresh, what it costs the first time after a write")
    parser.add_argument("--client", choices=("wrk", "threads"),
                        default="wrk" if shutil.which("wrk") else "threads")
    args = parser.parse_args()

    work = (args.dir or ROOT / "var" / f"vs-datasette-{args.tasks}").resolve()
    (work / "luoshi").mkdir(parents=True, exist_ok=True)
    setup_django(work / "luoshi")
    build_luoshi(args.tasks, args.per_plan, tuple(args.periods.split(",")))
    db = work / "datasette.db"
    build_datasette_db(db)
    exe = datasette_venv(args.venv.resolve())
    from django.db import connection

    from luoshi.core.models import Progress, Report, Task
    print(f"rows: tasks {Task.objects.filter(parent=None).count()} (+ sub-items "
          f"{Task.objects.exclude(parent=None).count()}), reports {Report.objects.count()}, "
          f"progress {Progress.objects.count()}")
    pools = url_pools(args.urls, random.Random(7))
    connection.close()

    tmp = Path(tempfile.mkdtemp(prefix="luoshi-vs-datasette-"))
    script = tmp / "bench.lua"
    script.write_text(WRK_SCRIPT)
    # Datasette names the database after the file: serve it as /datasette/….
    served = tmp / "datasette.db"
    served.symlink_to(db)
    ports = free_port(), free_port()
    servers = [start_luoshi(work / "luoshi", ports[0], args, work / "luoshi-server.log"),
               start_datasette(exe, served, ports[1], work / "datasette.log")]
    bases = [f"http://127.0.0.1:{p}" for p in ports]
    try:
        wait_up(bases[0] + "/tasks/", servers[0])
        wait_up(bases[1] + "/datasette", servers[1])
        kinds = args.kinds.split(",")
        print(f"checking that the first {args.check} URLs of each kind answer 200 on both "
              f"(and warming up) …", flush=True)
        for kind in kinds:
            for side in (0, 1):
                check(bases[side], pools[kind][side][:args.check])
        search_counts(bases)
        results: dict[tuple[str, int, int], list[tuple[float, float, float, int]]] = \
            defaultdict(list)
        levels = [int(c) for c in args.concurrency.split(",")]
        for kind in kinds:
            files = []
            for side in (0, 1):
                f = tmp / f"{kind}-{side}.txt"
                f.write_text("\n".join(pools[kind][side]) + "\n")
                files.append(f)
            for c in levels:
                for r in range(args.rounds):
                    for side in (0, 1):  # A, B, A, B …
                        seconds = args.seconds
                        while True:
                            if args.client == "wrk":
                                got = run_wrk(bases[side], files[side], script, c, seconds)
                            else:
                                got = run_threads(bases[side], pools[kind][side], c, seconds)
                            # Fewer answers than 3 per connection: the run measured the
                            # queue, not the server; run it again, longer (up to 80 s).
                            if got[0] * seconds >= 3 * c or seconds >= 80:
                                break
                            seconds *= 4
                        results[(kind, c, side)].append(got)
                        print(f"  {kind:<6} c={c:<3} round {r + 1} {('luoshi', 'datasette')[side]:<9}"
                              f" {got[0]:8.1f} req/s  p50 {got[1]:7.1f}  p95 {got[2]:7.1f} ms"
                              f"  ({seconds:g} s)"
                              f"{f'  ERRORS {got[3]}' if got[3] else ''}", flush=True)
        report(results, kinds, levels, args)
    finally:
        for proc in servers:
            stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


def report(results, kinds: list[str], levels: list[int], args) -> None:
    server = ("`luoshi serve`" if args.server == "serve"
              else f"gunicorn {args.workers}x{args.threads} gthread")
    print(f"\n{args.tasks} tasks; {args.rounds} rounds of {args.seconds:g} s per side, kind and "
          f"concurrency; client {args.client}; luoshi {server}"
          f"{' without page cache' if args.no_page_cache else ''}; medians over rounds")
    print(f"{'kind':<7} {'c':>3} | {'luoshi r/s':>10} {'p50':>7} {'p95':>7} | "
          f"{'datasette r/s':>13} {'p50':>7} {'p95':>7} | {'ratio':>6}")
    for kind in kinds:
        for c in levels:
            a = [statistics.median(x) for x in zip(*results[(kind, c, 0)], strict=True)]
            b = [statistics.median(x) for x in zip(*results[(kind, c, 1)], strict=True)]
            errors = sum(x[3] for side in (0, 1) for x in results[(kind, c, side)])
            ratio = f"{a[0] / b[0]:>6.2f}" if b[0] else f"{'-':>6}"
            print(f"{kind:<7} {c:>3} | {a[0]:>10.1f} {a[1]:>7.1f} {a[2]:>7.1f} | "
                  f"{b[0]:>13.1f} {b[1]:>7.1f} {b[2]:>7.1f} | {ratio}"
                  f"{f'  ({errors} errors)' if errors else ''}")


if __name__ == "__main__":
    main()
