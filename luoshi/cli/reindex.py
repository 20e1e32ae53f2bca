"""`luoshi reindex [PLAN_ID ...]`: rebuild the search and listing index.

Imports and edits keep the index up to date by themselves; rebuild it after restoring a
database, after changing the search tokenisation, or after a bulk re-analysis (`luoshi
analyze`) so that the task list shows the new statuses.
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reindex", help="rebuild the search/listing index",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("plans", nargs="*", type=int, metavar="PLAN_ID",
                   help="only these plans (default: everything)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("reindex", *[str(p) for p in args.plans])
    return 0
