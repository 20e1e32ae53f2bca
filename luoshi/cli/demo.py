"""`luoshi demo [--if-empty] [--tasks N] [--seed S]`: load generated sample plans.

The sample tables (see ``luoshi.sample``) go through the same import service as real files, so
the demo database looks exactly like one filled by ``luoshi import``.
"""

from __future__ import annotations

import argparse
import sys

# (government, year, periods, layout): a city and one of its districts, two years.
DEMO_SET = (
    ("安澜市", 2023, ("q1", "h1", "q3", "annual"), "six"),
    ("安澜市", 2024, ("q1", "h1", "q3"), "six"),
    ("安澜市东湖区", 2023, ("h1", "q3", "annual"), "three"),
    ("安澜市东湖区", 2024, ("q1", "h1"), "six"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="load generated sample plans (made-up governments 安澜市 and 安澜市东湖区)",
        description="Load generated sample plans and their periodic tables through the importer. "
        "Applies pending database migrations first. Loading twice changes nothing.",
    )
    p.add_argument("--if-empty", action="store_true",
                   help="do nothing when the database already has reports")
    p.add_argument("--tasks", type=int, default=40, metavar="N",
                   help="tasks per plan (default 40)")
    p.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.tasks < 1:
        print("luoshi demo: --tasks must be at least 1", file=sys.stderr)
        return 2
    from luoshi.cli import setup_django

    setup_django()
    from luoshi.core.schema import ensure_migrated

    ensure_migrated()
    from luoshi.core.models import Report
    from luoshi.core.services.importing import import_document
    from luoshi.sample import generate_plan

    if args.if_empty and Report.objects.exists():
        print("luoshi demo: the database already has reports; nothing loaded")
        return 0
    loaded = 0
    for offset, (government, year, periods, layout) in enumerate(DEMO_SET):
        docs = generate_plan(args.seed + offset, government, year, args.tasks, periods, layout)
        for doc in docs:
            result = import_document(doc, file_name=doc.source_name)
            loaded += result.changed
            print(f"{doc.source_name}: {result.message}")
    print(f"luoshi demo: {loaded} sample tables loaded")
    return 0
