"""`luoshi analyze [REPORT_ID...] [--all]`: derive targets, measurements and statuses again.

Runs the analysis (luoshi.extract) over imported reports and stores it, one transaction per
report. Statuses and targets a person corrected are kept: re-analysis only records what it
would have said. Run it after upgrading luoshi (better rules) or after editing entries.
"""

from __future__ import annotations

import argparse
import sys

from luoshi.cli import _
from luoshi.vocab import Status


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="derive targets, measurements and statuses again",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("reports", nargs="*", type=int, metavar="REPORT_ID",
                   help="ids of the reports to analyse")
    p.add_argument("--all", action="store_true", help="analyse every report")
    p.set_defaults(func=run)


def counts_line(statuses: dict[str, int]) -> str:
    """"已完成 3, 正常推进 9, …": every status, by its label, in vocab's order."""
    return ", ".join(f"{s.label} {statuses.get(s.value, 0)}" for s in Status)


def run(args: argparse.Namespace) -> int:
    if bool(args.reports) == bool(args.all):
        print("luoshi analyze: " + _("请给出 REPORT_ID… 或 --all(二者只选其一)"), file=sys.stderr)
        return 2
    from luoshi.cli import setup_django

    setup_django()
    from luoshi.core.schema import ensure_migrated

    ensure_migrated()
    from luoshi.core.models import Report
    from luoshi.core.services.analysis import analyze_report

    reports = Report.objects.select_related("plan__government", "period").order_by("pk")
    if not args.all:
        reports = reports.filter(pk__in=args.reports)
        missing = sorted(set(args.reports) - set(reports.values_list("pk", flat=True)))
        if missing:
            print("luoshi analyze: " + _("没有报告 #%(ids)s")
                  % {"ids": ", #".join(map(str, missing))}, file=sys.stderr)
            return 1
    totals = dict.fromkeys((s.value for s in Status), 0)
    n = kept = 0
    # Reports never analysed (a bulk load, a restore without the derived rows) go in bulk with
    # their plans' index rows, the index written beside the analysis where the database allows
    # (luoshi.search.pipeline: the same rows as the two steps in turn); the others one by one
    # below, as before.
    from luoshi.core.services.bulk_analysis import already_analysed
    from luoshi.search.pipeline import analyze_and_index

    ids = list(reports.values_list("pk", flat=True))
    first = sorted(set(ids) - already_analysed(ids))
    if first:
        s, _rows = analyze_and_index(first)
        n += s.bulk
        for k, v in s.statuses.items():
            totals[k] += v
        print(_("首次分析(批量)报告 %(n)s 份:任务 %(tasks)s 项:%(counts)s")
              % {"n": s.bulk, "tasks": s.tasks, "counts": counts_line(s.statuses)})
        reports = reports.exclude(pk__in=first)
    for report in reports:
        s = analyze_report(report)
        n += 1
        kept += s.manual
        for k, v in s.statuses.items():
            totals[k] += v
        print(_("报告 #%(id)s(%(report)s):任务 %(tasks)s 项:%(counts)s;保留人工更正 %(kept)s 项;"
                "变化 %(changed)s 项")
              % {"id": report.pk, "report": report, "tasks": s.tasks,
                 "counts": counts_line(s.statuses), "kept": s.manual, "changed": s.updated})
    print(_("合计:报告 %(n)s 份:%(counts)s;保留人工更正 %(kept)s 项")
          % {"n": n, "counts": counts_line(totals), "kept": kept})
    return 0
