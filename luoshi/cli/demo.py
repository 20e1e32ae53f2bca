"""`luoshi demo` (placeholder until implemented)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="not implemented yet")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("luoshi demo: not implemented yet")
