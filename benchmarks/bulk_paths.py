"""Per-report and bulk paths of the stored analysis and the search index, side by side.

    .venv/bin/python benchmarks/bulk_paths.py --tasks 10000            # SQLite
    .venv/bin/python tests/pgserver.py -- .venv/bin/python benchmarks/bulk_paths.py

Imports ``--tasks`` generated tasks (plans of 500, one report each) through benchmarks/scale.py's
bulk writer's database (a fresh one), then, ``--rounds`` times: drops the analysis and index
rows and runs the per-report path (``analyze_report`` per report, ``reindex_plan`` per plan),
drops them again and runs the bulk path (``analyze_reports``, ``reindex_plans``). Prints
process CPU seconds (this process only: on a shared machine the steadier figure) and wall
seconds per step, and checks that both paths stored the same number of rows.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("LUOSHI_DEBUG", "0")
os.environ.setdefault("LUOSHI_SECRET_KEY", "benchmark-only-" + "x" * 40)

import benchdb

connection = benchdb.setup("luoshi-bench-bulk-")

from luoshi.core.models import Assessment, Government, Measurement, Plan, Report, Target  # noqa: E402
from luoshi.core.services.analysis import analyze_report, statuses_changed  # noqa: E402
from luoshi.core.services.bulk_analysis import analyze_reports  # noqa: E402
from luoshi.search import signals  # noqa: E402
from luoshi.search.bulk import reindex_plans  # noqa: E402
from luoshi.search.indexing import reindex_plan  # noqa: E402
from luoshi.search.models import TaskEntry  # noqa: E402


def load(tasks: int) -> None:
    """The documents of scale.py, written by its bulk writer (no analysis, no index)."""
    import scale

    writer = scale.BulkWriter()
    loader = scale.Loader(writer)
    for i in range(max(1, tasks // 500)):
        name = f"对比{i // 5 + 1}{scale.LEVELS[(i // 5) % 3]}"
        government, _ = Government.objects.get_or_create(
            name=name, defaults={"level": Government.level_for(name)})
        docs = scale.generate_plan(500_000 + i, name, 2021 + i % 5, 500,
                                   periods=(scale.KINDS[i % 4],))
        loader.plan(government, docs)
    writer.finish()


def clear() -> None:
    for model in (Measurement, Assessment, Target, TaskEntry):
        model.objects.all().delete()


def timed(label: str, fn) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    print(f"  {label:<22} cpu {time.process_time() - cpu:7.2f} s   wall "
          f"{time.perf_counter() - wall:7.2f} s", flush=True)


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Target, Measurement, Assessment, TaskEntry))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    load(args.tasks)
    # The per-report path as scale.py ran it before: no per-report reindex from the signal.
    statuses_changed.disconnect(sender=Report, dispatch_uid=f"{signals.UID}.statuses")
    print(f"database: {connection.vendor}, {args.tasks} tasks, {Report.objects.count()} reports")
    for k in range(1, args.rounds + 1):
        print(f"round {k}")
        clear()
        timed("per-report analysis", lambda: [
            analyze_report(r) for r in Report.objects.select_related("period").order_by("pk")])
        timed("per-plan index", lambda: [
            reindex_plan(p) for p in Plan.objects.order_by("pk").values_list("pk", flat=True)])
        per_report = counts()
        clear()
        timed("bulk analysis", lambda: analyze_reports(
            Report.objects.values_list("pk", flat=True)))
        timed("bulk index", lambda: reindex_plans(
            Plan.objects.values_list("pk", flat=True), drop=False))
        assert counts() == per_report, (counts(), per_report)
        print(f"  rows (targets, measurements, statuses, index): {per_report}, same both ways")


if __name__ == "__main__":
    main()
