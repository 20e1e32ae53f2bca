"""`luoshi correct status|revert|target|measurement …`: a person corrects a derived verdict.

    luoshi correct status REPORT_ID SERIAL behind --reason "…" --user NAME
    luoshi correct revert REPORT_ID SERIAL --user NAME          (back to the derived status)
    luoshi correct target TARGET_ID [--kind K] [--value V] [--unit U] [--comparator C]
                          [--remove] --reason "…" --user NAME
    luoshi correct measurement MEASUREMENT_ID [--value V] [--target TARGET_ID | --no-target]
                          [--remove] --reason "…" --user NAME

Corrections are kept, shown with who and why, win over re-analysis (`luoshi analyze`) and are
recorded in the history. The user must be a supervisor (督查室) or an administrator.
"""

from __future__ import annotations

import argparse
import sys

from luoshi.cli import _
from luoshi.vocab import Status

KINDS = ("cumulative", "rate", "level", "rank", "reduction")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("correct", help="correct a status, a target or a measurement by hand",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    what = p.add_subparsers(dest="what", metavar="WHAT")
    what.required = True

    s = what.add_parser("status", help="set the status of a task in a report")
    s.add_argument("report", type=int, metavar="REPORT_ID")
    s.add_argument("serial", metavar="SERIAL", help="the task's 序号 in the report")
    s.add_argument("status", choices=[x.value for x in Status])
    _common(s)

    r = what.add_parser("revert", help="drop a status correction (back to the derived one)")
    r.add_argument("report", type=int, metavar="REPORT_ID")
    r.add_argument("serial", metavar="SERIAL")
    r.add_argument("--user", required=True, help="username of the supervisor or admin")

    t = what.add_parser("target", help="correct a target's kind, value, unit or comparator")
    t.add_argument("target", type=int, metavar="TARGET_ID")
    t.add_argument("--kind", choices=KINDS)
    t.add_argument("--value", type=float)
    t.add_argument("--unit")
    t.add_argument("--comparator")
    t.add_argument("--remove", action="store_true", help="the target is no target")
    _common(t)

    m = what.add_parser("measurement", help="correct a measurement's value or its target")
    m.add_argument("measurement", type=int, metavar="MEASUREMENT_ID")
    m.add_argument("--value", type=float)
    g = m.add_mutually_exclusive_group()
    g.add_argument("--target", type=int, metavar="TARGET_ID", help="the target it measures")
    g.add_argument("--no-target", action="store_true", help="it measures none of the targets")
    m.add_argument("--remove", action="store_true", help="the figure is no measurement")
    _common(m)
    p.set_defaults(func=run)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reason", required=True, help="why (shown with the correction)")
    p.add_argument("--user", required=True, help="username of the supervisor or admin")


def _err(msg: str) -> int:
    print(f"luoshi correct: {msg}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from luoshi.core.schema import ensure_migrated

    ensure_migrated()
    from django.contrib.auth import get_user_model

    from luoshi.core.models import Assessment, Measurement, Target
    from luoshi.core.services import corrections as svc
    from luoshi.rounds.permissions import Action, may, role_of

    user = get_user_model().objects.filter(username=args.user).first()
    if user is None:
        return _err(_("没有用户 %(user)r") % {"user": args.user})
    if not may(user, Action.CORRECT):
        return _err(_("用户 %(user)r(%(role)s)不能更正判断:只有督查室或管理员可以")
                    % {"user": args.user, "role": role_of(user)})
    try:
        if hasattr(args, "reason"):  # revert takes none
            args.reason = svc.clean_reason(args.reason)
    except ValueError as exc:
        return _err(_("--reason:%(problem)s") % {"problem": exc})
    try:
        if args.what in ("status", "revert"):
            a = (Assessment.objects.filter(report_id=args.report, task__serial=args.serial,
                                           task__parent__isnull=True)
                 .select_related("report", "task").first())
            if a is None:
                return _err(_("报告 #%(report)s 中没有已判断的任务 %(serial)r")
                            % {"report": args.report, "serial": args.serial})
            if args.what == "status":
                a = svc.correct_status(a.report, a.task, args.status, args.reason, user=user,
                                       expected_version=a.version)
            else:
                a = svc.revert_status(a.report, a.task, user=user, expected_version=a.version)
            how = _("人工更正") if a.is_manual else _("自动判断")
            print(_("报告 #%(report)s 任务 %(serial)s:%(status)s(%(how)s)— %(reason)s")
                  % {"report": a.report_id, "serial": args.serial,
                     "status": Status(a.status).label, "how": how, "reason": a.reason})
            return 0
        if args.what == "target":
            t = Target.objects.filter(pk=args.target).first()
            if t is None:
                return _err(_("没有目标 #%(id)s") % {"id": args.target})
            values = {k: getattr(args, k) for k in ("kind", "value", "unit", "comparator")
                      if getattr(args, k) is not None}
            if args.remove:
                values["active"] = False
            if not values:
                return _err(_("没有要更正的内容:请给出 --kind、--value、--unit、--comparator 或 "
                              "--remove"))
            t = svc.correct_target(t, user=user, expected_version=t.version, reason=args.reason,
                                   **values)
            removed = "" if t.active else _("(已删除)")
            print(_("目标 #%(id)s:%(target)s [%(kind)s]%(removed)s")
                  % {"id": t.pk, "target": t, "kind": t.kind, "removed": removed})
            return 0
        m = Measurement.objects.filter(pk=args.measurement).first()
        if m is None:
            return _err(_("没有测量值 #%(id)s") % {"id": args.measurement})
        kwargs = {}
        if args.target is not None:
            target = Target.objects.filter(pk=args.target).first()
            if target is None:
                return _err(_("没有目标 #%(id)s") % {"id": args.target})
            kwargs["target"] = target
        elif args.no_target:
            kwargs["target"] = None
        if args.value is None and not kwargs and not args.remove:
            return _err(_("没有要更正的内容:请给出 --value、--target、--no-target 或 --remove"))
        fix = svc.correct_measurement(m, user=user, reason=args.reason, value=args.value,
                                      active=not args.remove, **kwargs)
        print(_("测量值 #%(id)s(%(span)s):已更正(%(fix)s)")
              % {"id": m.pk, "span": m.span[:30], "fix": fix})
        return 0
    except svc.StaleVersion as exc:
        return _err(_("已被他人修改(当前版本 %(current)s,您依据的是版本 %(expected)s),未保存;"
                      "请重新运行")
                    % {"current": exc.current, "expected": exc.expected})
    except ValueError as exc:
        return _err(str(exc))
