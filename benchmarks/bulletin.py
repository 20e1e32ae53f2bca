"""The office's documents for a large report: a generated 1,000-task Q3 report (with its H1
report for the comparison) imported and analysed, then the 督查通报 built and written as DOCX
and Markdown, the league table and the stocktake pack built — each timed (best of 3, the
first, cold, run reported apart: it loads jieba's dictionary for the themes); the PDF
conversion by LibreOffice once, when installed.

    .venv/bin/python benchmarks/bulletin.py [N_TASKS]
"""

from __future__ import annotations

import sys
import time

import benchdb


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    benchdb.setup("luoshi-bench-bulletin-")
    from luoshi.core.models import Report
    from luoshi.core.services.importing import import_document
    from luoshi.reports import league, pack
    from luoshi.reports.bulletin import build_bulletin, to_docx, to_markdown
    from luoshi.sample import generate_plan

    docs = generate_plan(seed=5, government="安澜市", year=2024, n_tasks=n)
    t = time.perf_counter()
    ids = [import_document(d, file_name=f"b{i}.json").report_id for i, d in enumerate(docs[:3])]
    print(f"import+analyse Q1..Q3 ({n} tasks each): {time.perf_counter() - t:.1f} s")
    h1, q3 = (Report.objects.select_related("plan__government", "period").get(pk=i)
              for i in ids[1:3])
    entries = q3.progress.count()

    def bulletin_docx():
        b = build_bulletin(q3, h1)
        return b, to_docx(b)

    def run(fn, label: str) -> None:
        cold, value = benchdb.timed(fn)
        warm = min(benchdb.timed(fn)[0] for _ in range(3))
        print(f"{label:<34} cold {cold:6.3f} s   best of 3 {warm:6.3f} s")
        return value

    print(f"report: {n} tasks, {entries} entries, period {q3.period}, compared with {h1.period}")
    b, data = run(bulletin_docx, "bulletin (build + DOCX)")
    run(lambda: to_markdown(build_bulletin(q3, h1)), "bulletin (build + Markdown)")
    run(lambda: league.league_table(q3), "league table")
    run(lambda: pack.to_docx(pack.build_pack(q3, Report.objects.all())), "stocktake pack (build + DOCX)")
    # The command as the office runs it: a new process (Django start, jieba's dictionary load,
    # the database read) writing the DOCX.
    import os
    import subprocess
    import tempfile
    from pathlib import Path

    luoshi = Path(sys.executable).with_name("luoshi")
    if luoshi.exists() and not os.environ.get("DATABASE_URL"):
        import resource

        out = Path(tempfile.mkdtemp(prefix="luoshi-bench-out-")) / "b.docx"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        secs, _ = benchdb.timed(lambda: subprocess.run(
            [str(luoshi), "bulletin", str(q3.pk), "--compare", str(h1.pk), "--format", "docx",
             "-o", str(out)], check=True, capture_output=True))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"{'luoshi bulletin --format docx':<34} {secs:6.3f} s   wall, {cpu:.3f} s CPU "
              f"(new process; load average {os.getloadavg()[0]:.1f})")
    from luoshi.reports.office import docx_to_pdf, soffice

    if soffice():
        secs, pdf = benchdb.timed(lambda: docx_to_pdf(data))
        print(f"{'bulletin PDF (LibreOffice, once)':<34} {secs:6.3f} s   {len(pdf) // 1024} KB")
    print(f"bulletin: {len(b.quotes)} quotes, DOCX {len(data) // 1024} KB, "
          f"{len(b.attachments[0].rows)} lagging tasks listed")


if __name__ == "__main__":
    main()
