"""Stored analysis: analyze_report on generated plans (luoshi.sample), and status_summary.

    .venv/bin/python benchmarks/analyze.py                 # a fresh SQLite database
    .venv/bin/python tests/pgserver.py -- .venv/bin/python benchmarks/analyze.py

Prints, per plan size: seconds for the analysis done inside the import (creates every row), a
re-analysis with nothing changed, a re-analysis after every assessment was removed, and one
status_summary call.
"""

from __future__ import annotations

import benchdb

connection = benchdb.setup("luoshi-bench-")

from luoshi.core.models import Assessment, Report  # noqa: E402
from luoshi.core.services import importing  # noqa: E402
from luoshi.core.services.analysis import analyze_report  # noqa: E402
from luoshi.core.services.summary import status_summary  # noqa: E402
from luoshi.sample import generate_plan  # noqa: E402

timed = benchdb.timed


def main() -> None:
    print(f"database: {connection.vendor}")
    # Warm up (jieba dictionary, regular expressions) so the first size is not penalised.
    importing.import_document(generate_plan(99, "热身市", 2023, 20, periods=("q1",))[0],
                              file_name="warm-up")
    original = importing._Importer._analyze
    in_import: list[float] = []

    def timed_analyze(self, report):
        seconds, _ = timed(lambda: original(self, report))
        in_import.append(seconds)

    importing._Importer._analyze = timed_analyze
    print(f"{'tasks':>6} {'import s':>9} {'again s':>8} {'fresh s':>8} {'summary s':>10}")
    for seed, n in enumerate((50, 200, 1000), start=1):
        [doc] = generate_plan(seed, f"分析{seed}市", 2023, n, periods=("q3",))
        report = Report.objects.get(pk=importing.import_document(doc, file_name=f"q3-{n}").report_id)
        again, _ = timed(lambda report=report: analyze_report(report))
        Assessment.objects.filter(report=report).delete()
        fresh, _ = timed(lambda report=report: analyze_report(report))
        summary, _ = timed(lambda report=report: status_summary(report))
        print(f"{n:>6} {in_import[-1]:>9.3f} {again:>8.3f} {fresh:>8.3f} {summary:>10.4f}")


if __name__ == "__main__":
    main()
