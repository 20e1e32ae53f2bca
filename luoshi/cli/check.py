"""`luoshi check [--fix]`: is the data consistent? Exit 0 when it is, 1 when not.

Today it checks the search/listing index against the data: one row per reported task in every
report, one row per top-level task in every plan (imports write these in their own transaction;
a restore without the index, or a process killed by an older version, can leave gaps). --fix
rebuilds what is missing and checks again. Safe to run at any time, e.g. from a timer.
"""

from __future__ import annotations

import argparse
import sys

from luoshi.cli import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check that the index is in step with the data (--fix repairs)",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fix", action="store_true", help="rebuild what is missing, then check again")
    p.set_defaults(func=run)


def _describe(gaps) -> list[str]:
    lines = [_("报告 #%(id)s:应有索引行 %(want)s 行,实有 %(have)s 行")
             % {"id": r, "want": want, "have": have}
             for r, (want, have) in sorted(gaps.reports.items())]
    lines += [_("计划 #%(id)s:应有任务行 %(want)s 行,实有 %(have)s 行")
              % {"id": p, "want": want, "have": have}
              for p, (want, have) in sorted(gaps.plans.items())]
    return lines


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from django.db import transaction

    from luoshi.search.indexing import index_gaps, repair

    gaps = index_gaps()
    if not gaps:
        print(_("索引:与数据一致"))
        return 0
    for line in _describe(gaps):
        print(_("索引:%(gap)s") % {"gap": line}, file=sys.stderr)
    if not args.fix:
        print(_("索引:与数据不一致;`luoshi check --fix` 可重建缺少的行"), file=sys.stderr)
        return 1
    with transaction.atomic():
        written = repair(gaps)
    left = index_gaps()
    if left:
        for line in _describe(left):
            print(_("索引:仍然 %(gap)s") % {"gap": line}, file=sys.stderr)
        return 1
    print(_("索引:已修复(写入 %(rows)s 行),现已与数据一致") % {"rows": written})
    return 0
