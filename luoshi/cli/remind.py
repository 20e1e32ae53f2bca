"""`luoshi remind [--report ID] [--overdue-only]`: e-mail liaisons of units with missing entries.

The first reminder to a unit for a report is a 催办提醒; later ones are 催办通知 copied to the
supervision office. Mail goes through Django's mail backend (console unless configured).
"""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remind", help="e-mail liaisons of units with missing entries (催办)",
                       description="Send reminders for running rounds; every message is logged.")
    p.add_argument("--report", type=int, metavar="ID", help="only this report")
    p.add_argument("--overdue-only", action="store_true",
                   help="only reports whose deadline has passed")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from django.utils import timezone

    from luoshi.core.models import Report
    from luoshi.rounds.reminders import send_reminders
    from luoshi.rounds.services import RUNNING

    reports = Report.objects.filter(state__in=RUNNING)
    if args.report is not None:
        reports = Report.objects.filter(pk=args.report)
        if not reports.exists():
            print(f"luoshi remind: report {args.report} does not exist", file=sys.stderr)
            return 2
        if reports[0].state not in RUNNING:
            print(f"luoshi remind: report {args.report} is not in a running round",
                  file=sys.stderr)
            return 2
    if args.overdue_only:
        reports = reports.filter(deadline__lt=timezone.now())
    total = 0
    for report in reports.select_related("plan", "period"):
        for reminder in send_reminders(report):
            total += 1
            print(f"{reminder.get_level_display()}\t{reminder.unit.name}\t"
                  f"{reminder.missing}\t{', '.join(reminder.recipients)}")
    print(f"sent {total} reminder(s)", file=sys.stderr)
    return 0
