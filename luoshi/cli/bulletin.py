"""`luoshi bulletin REPORT [--compare REPORT] --format docx|pdf|md [-o FILE]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from luoshi.cli import _

EPILOG = """\
Writes the 督查通报 of a report: 一、总体情况 (counts per status, change since the compared
period), 二、进展较好的工作, 三、存在的问题 (lagging tasks by problem theme, the units' own
words quoted), 四、下一步工作建议, and the attachments. The office's saved wording (the web
page's draft) is used unless --generated is given. docx is laid out as a 公文 (GB/T 9704);
pdf is that docx converted by LibreOffice; md is Markdown.

Without --compare the plan's report of the latest earlier period is compared, if any.
Exit status: 0 on success, 1 when a report does not exist or the PDF cannot be made, 2 for a
usage error.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bulletin", help="write a report's 督查通报 as docx, pdf or md",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--compare", type=int, metavar="REPORT",
                   help="the report of the earlier period to compare with")
    p.add_argument("--no-compare", action="store_true", help="compare with no earlier period")
    p.add_argument("--format", "-f", required=True, choices=["docx", "pdf", "md"])
    p.add_argument("--generated", action="store_true",
                   help="the generated wording, ignoring the office's saved draft")
    p.add_argument("-o", "--output", type=Path, metavar="FILE")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from luoshi.cli.export import deliver
    from luoshi.core.models import Report
    from luoshi.reports.bulletin import build_bulletin, to_docx, to_markdown
    from luoshi.reports.drafts import current_bulletin, previous_for
    from luoshi.reports.office import docx_to_pdf

    reports = Report.objects.select_related("plan__government", "period")
    report = reports.filter(pk=args.report).first()
    if report is None:
        print("luoshi bulletin: " + _("没有编号为 %(id)s 的报告") % {"id": args.report},
              file=sys.stderr)
        return 1
    previous = None
    if args.compare is not None:
        previous = reports.filter(pk=args.compare).first()
        if previous is None:
            print("luoshi bulletin: " + _("没有编号为 %(id)s 的报告") % {"id": args.compare},
                  file=sys.stderr)
            return 1
    elif not args.no_compare:
        previous = previous_for(report)
    bulletin = (build_bulletin(report, previous) if args.generated
                else current_bulletin(report, previous))

    def make() -> bytes:
        if args.format == "md":
            return to_markdown(bulletin).encode("utf-8")
        data = to_docx(bulletin)
        return docx_to_pdf(data) if args.format == "pdf" else data

    return deliver(make, args.output, "luoshi bulletin")
