"""The ``luoshi`` console script: ``luoshi parse|import|serve|demo …``.

Each sub-command lives in its own module with ``register(subparsers)``; commands that touch the
database call :func:`setup_django` first, so ``luoshi parse`` works without any database.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# Sub-command modules, in the order ``luoshi --help`` lists them.
COMMAND_MODULES = ["parse", "importer", "export", "analyze", "serve", "demo", "users", "remind",
                   "reindex", "check", "deploy", "manage", "bulletin",
                   "correct", "worker"]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="luoshi", description="落实: track government work-report key tasks."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"luoshi.cli.{name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `luoshi parse x | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0
