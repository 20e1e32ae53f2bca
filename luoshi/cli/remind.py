"""`luoshi remind [--report ID] [--overdue-only] [--due …]`: remind units owing entries (催办).

Each unit owing entries (or co-unit contributions) gets an inbox notice for each of its
liaisons and e-mail with a link where they have an address. By hand (no ``--due``) the first
reminder to a unit for a report is 提醒, later ones 催办 copied to the office. With ``--due``
(run daily by cron or a systemd timer, see docs/notifications.md) each running round gets the
level it is due for — 提醒 from BEFORE days before its deadline, 催办 from AFTER days after it,
通报 (copied to the office and leaders) from BULLETIN days after it — once per unit and level.
Units that cannot be reached (no liaison account) are listed; exit status 1 if any.
"""

from __future__ import annotations

import argparse
import os
import sys

from luoshi.cli import _


def _days(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    return int(raw) if raw.isdigit() else default


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remind", help="remind units with missing entries (催办: inbox and e-mail)",
                       description="Send reminders for running rounds; every message is logged.")
    p.add_argument("--report", type=int, metavar="ID", help="only this report")
    p.add_argument("--overdue-only", action="store_true",
                   help="only reports whose deadline has passed")
    p.add_argument("--due", action="store_true",
                   help="scheduled mode: send each round the level it is due for, once")
    p.add_argument("--before", type=int, metavar="DAYS",
                   default=_days("LUOSHI_REMIND_BEFORE_DAYS", 3),
                   help="提醒 from this many days before the deadline (default 3, "
                        "env LUOSHI_REMIND_BEFORE_DAYS)")
    p.add_argument("--after", type=int, metavar="DAYS",
                   default=_days("LUOSHI_REMIND_AFTER_DAYS", 0),
                   help="催办 from this many days after the deadline (default 0, "
                        "env LUOSHI_REMIND_AFTER_DAYS)")
    p.add_argument("--bulletin", type=int, metavar="DAYS",
                   default=_days("LUOSHI_REMIND_BULLETIN_DAYS", 3),
                   help="通报 from this many days after the deadline (default 3, "
                        "env LUOSHI_REMIND_BULLETIN_DAYS)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from django.utils import timezone

    from luoshi.core.models import Report
    from luoshi.rounds.reminders import send_due, send_reminders
    from luoshi.rounds.services import RUNNING

    if args.after > args.bulletin:
        print("luoshi remind: " + _("--after 不能大于 --bulletin"), file=sys.stderr)
        return 2
    reports = Report.objects.filter(state__in=RUNNING)
    if args.report is not None:
        reports = Report.objects.filter(pk=args.report)
        if not reports.exists():
            print("luoshi remind: " + _("报告 %(id)s 不存在") % {"id": args.report},
                  file=sys.stderr)
            return 2
        if reports[0].state not in RUNNING:
            print("luoshi remind: " + _("报告 %(id)s 不在进行中的填报轮次中") % {"id": args.report},
                  file=sys.stderr)
            return 2
    if args.overdue_only:
        reports = reports.filter(deadline__lt=timezone.now())
    total, unreachable = 0, 0
    for report in reports.select_related("plan", "period"):
        if args.due:
            result = send_due(report, before_days=args.before, after_days=args.after,
                              bulletin_days=args.bulletin)
        else:
            result = send_reminders(report)
        for reminder in result.sent:
            total += 1
            print(f"{reminder.get_level_display()}\t{reminder.unit.name}\t"
                  f"{reminder.missing}\t{reminder.notified}\t{', '.join(reminder.recipients)}")
        for gone in result.unreachable:
            unreachable += 1
            print("\t".join([_("无法送达"), gone.unit.name, gone.reason]), file=sys.stderr)
    print(_("已发送提醒 %(sent)s 条;无法送达的单位 %(unreachable)s 个")
          % {"sent": total, "unreachable": unreachable}, file=sys.stderr)
    return 1 if unreachable else 0
