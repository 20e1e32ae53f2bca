"""`luoshi check [--fix]`: is the data consistent? Exit 0 when it is, 1 when not.

Today it checks the search/listing index against the data: one row per reported task in every
report, one row per top-level task in every plan (imports write these in their own transaction;
a restore without the index, or a process killed by an older version, can leave gaps). --fix
rebuilds what is missing and checks again. Safe to run at any time, e.g. from a timer.
"""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check that the index is in step with the data (--fix repairs)",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fix", action="store_true", help="rebuild what is missing, then check again")
    p.set_defaults(func=run)


def _describe(gaps) -> list[str]:
    lines = [f"report #{r}: {want} index rows expected, {have} found"
             for r, (want, have) in sorted(gaps.reports.items())]
    lines += [f"plan #{p}: {want} task rows expected, {have} found"
              for p, (want, have) in sorted(gaps.plans.items())]
    return lines


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from django.db import transaction

    from luoshi.search.indexing import index_gaps, repair

    gaps = index_gaps()
    if not gaps:
        print("index: in step with the data")
        return 0
    for line in _describe(gaps):
        print(f"index: {line}", file=sys.stderr)
    if not args.fix:
        print("index: out of step; `luoshi check --fix` rebuilds the missing rows",
              file=sys.stderr)
        return 1
    with transaction.atomic():
        written = repair(gaps)
    left = index_gaps()
    if left:
        for line in _describe(left):
            print(f"index: still {line}", file=sys.stderr)
        return 1
    print(f"index: repaired ({written} rows written); now in step with the data")
    return 0
