"""`luoshi export REPORT --format html|docx|xlsx|pdf|csv|json|text [-o FILE]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from luoshi.cli import _

EPILOG = """\
REPORT is a report id (as in /reports/ID/ of the web app). The report is written in its
official layout: the published columns in the published order, sub-items as merged rows.
Without -o the file goes to standard output.

Exit status: 0 on success, 1 when the report does not exist, 2 for a usage error.
"""


def register(sub: argparse._SubParsersAction) -> None:
    from luoshi.export import formats

    p = sub.add_parser(
        "export",
        help="write a stored report as html, docx, xlsx, pdf, csv, json or text",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--format", "-f", required=True, choices=formats())
    p.add_argument("-o", "--output", type=Path, metavar="FILE")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from luoshi.core.models import Report
    from luoshi.export import write_document
    from luoshi.reports.documents import document_for_report

    report = Report.objects.select_related("plan__government", "period").filter(
        pk=args.report
    ).first()
    if report is None:
        print("luoshi export: " + _("没有编号为 %(id)s 的报告") % {"id": args.report},
              file=sys.stderr)
        return 1
    return deliver(lambda: write_document(document_for_report(report), args.format),
                   args.output, "luoshi export")


def deliver(make: Callable[[], bytes], output: Path | None, prog: str) -> int:
    """Write what ``make`` returns to ``output`` (else standard output); exit status 1 with
    the reason when a PDF cannot be made (LibreOffice missing or failing). Shared by
    ``luoshi export`` and ``luoshi bulletin``."""
    from luoshi.reports.office import ConversionFailed, OfficeMissing

    try:
        data = make()
    except (OfficeMissing, ConversionFailed) as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 1
    if output:
        output.write_bytes(data)
        print(_("%(file)s:%(n)s 字节") % {"file": output, "n": len(data)}, file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0
