"""The ``luoshi`` console script: ``luoshi parse|import|serve|demo …``.

Each sub-command lives in its own module with ``register(subparsers)``; commands that touch the
database call :func:`setup_django` first, so ``luoshi parse`` works without any database.

Language (docs/i18n.md): every message a command prints for a person — results, errors,
warnings, progress — goes through :func:`_` (Django's gettext, the web's catalogs in
``luoshi/locale``), written in Chinese, in the language ``LUOSHI_LANGUAGE`` names (default
``LANGUAGE_CODE``, 简体中文). ``--help`` texts are English, all of them (argparse's own words
are English and untranslated; one language per screen). Machine-readable output (JSON, CSV,
the tab-separated lists of ``users list`` and ``remind``'s columns) is data and never
translated. tests/i18n/test_cli_strings.py holds the rule that says which literals are messages.
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

    django.setup()  # also points logging at this process's stderr (again: tests swap it)
    language = os.environ.get("LUOSHI_LANGUAGE", "").strip()
    if language:
        from django.utils import translation

        translation.activate(language)


def _(message: str) -> str:
    """``message`` (Chinese, a literal: makemessages extracts it) in the user's language.

    Sets Django up first, so that a command may speak before it needs the database (a usage
    error) or without one at all (``luoshi parse``'s warnings)."""
    from django.apps import apps

    if not apps.ready:
        setup_django()
    from django.utils.translation import gettext as translate

    return translate(message)


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
