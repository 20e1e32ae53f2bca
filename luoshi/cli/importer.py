"""`luoshi importer` (placeholder until implemented)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="not implemented yet")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("luoshi import: not implemented yet")
