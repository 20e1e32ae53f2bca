"""`luoshi import FILE... [--dry-run] [--replace]`: import published tables into the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EPILOG = """\
Each file is imported in its own transaction: all of it or nothing.
Importing the same file again does nothing (files are recognised by their sha256).
A table for a plan and period that already has a different table is refused unless
--replace is given; replacing records every change in the history.

When a file cannot be read or is refused, the reason is printed on stderr as
FILE[:LINE]: REASON, nothing of that file is written, and the other files are still
imported. Exit status: 0 when every file was imported (or already was), 1 when any file
failed, 2 for a usage error.
"""

COUNT_LABELS = (
    ("tasks", "tasks"),
    ("sub_items", "sub-items"),
    ("units", "units"),
    ("progress", "progress entries"),
    ("matched", "matched to existing tasks"),
    ("warnings", "warnings"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import published tables into the database",
        description="Import published progress tables (txt, html, docx, xlsx, pdf …).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", type=Path)
    p.add_argument("--dry-run", action="store_true",
                   help="show what would be imported and write nothing")
    p.add_argument("--replace", action="store_true",
                   help="replace a different table already imported for the same plan and period")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors and the total")
    p.set_defaults(func=run)


def summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(key, 0)} {label}" for key, label in COUNT_LABELS)


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from tqdm import tqdm

    from luoshi.core.services.importing import ImportRefused, import_document
    from luoshi.ingest import IngestError, read_document

    out, err = sys.stdout, sys.stderr
    failed = 0
    imported = 0
    totals: dict[str, int] = {}
    bar = tqdm(args.files, desc="import", unit="file", file=err,
               disable=not err.isatty() or len(args.files) < 2, leave=False)
    for path in bar:
        name = str(path)
        try:
            doc = read_document(path, name=name)
            result = import_document(doc, file_name=name, dry_run=args.dry_run,
                                     replace=args.replace)
        except (IngestError, ImportRefused) as exc:
            failed += 1
            bar.clear()
            print(str(exc), file=err)
            continue
        except OSError as exc:
            failed += 1
            bar.clear()
            print(f"{name}: cannot read: {exc.strerror or exc}", file=err)
            continue
        if result.outcome in {"created", "replaced"}:
            imported += 1
            for key, value in result.counts.items():
                totals[key] = totals.get(key, 0) + value
        if not args.quiet:
            bar.clear()
            print(f"{name}: {result.message}", file=out)
            if result.outcome in {"created", "replaced"}:
                print(f"  {summary(result.counts)}", file=out)
                for w in result.warnings:
                    place = f"{name}:{w['line']}" if w.get("line") else name
                    print(f"  warning: {place}: {w['message']}", file=out)
    bar.close()
    verb = "would be imported" if args.dry_run else "imported"
    total = f"total: {imported} of {len(args.files)} files {verb}"
    if imported:
        total += f" ({summary(totals)})"
    if failed:
        total += f"; {failed} failed"
    print(total, file=out)
    return 1 if failed else 0
