"""`luoshi import FILE... [--dry-run] [--replace]`: import published tables into the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EPILOG = """\
Each file is imported in its own transaction: all of it or nothing. Pending database
migrations are applied first.
Importing the same file again does nothing (files are recognised by their sha256).
A table for a plan and period that already has a different table is refused unless
--replace is given; replacing records every change in the history.

When a file cannot be read or is refused, the reason is printed on stderr as
FILE[:LINE]: REASON, nothing of that file is written, and the other files are still
imported. When a title does not say which government, year or period a table is for, give them with
--government, --year and --period (they apply to every FILE and win over the title).

Exit status: 0 when every file was imported (or already was), 1 when any file
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
    p.add_argument("--government", metavar="NAME",
                   help="the government, when the title does not name it (e.g. 洞头区)")
    p.add_argument("--year", type=int, help="the plan's year, when the title does not give it")
    p.add_argument("--period", type=period_arg, metavar="PERIOD",
                   help="the reporting period when the title does not give it: "
                        "q1, h1, q3, annual, plan, or m1..m12 (cumulative through that month)")
    p.set_defaults(func=run)


def period_arg(value: str):
    """q1 | h1 | q3 | annual | plan | mN → an ingest Period (its end date needs the year)."""
    from luoshi.ingest.model import Period
    from luoshi.vocab import PeriodKind

    value = value.strip().lower()
    if value.startswith("m") and value[1:].isdigit() and 1 <= int(value[1:]) <= 12:
        month = int(value[1:])
        return Period(kind=PeriodKind.MONTH, label=f"1-{month}月", month=month)
    try:
        kind = PeriodKind(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r}: use q1, h1, q3, annual, plan or m1..m12") from None
    if kind is PeriodKind.MONTH:
        raise argparse.ArgumentTypeError("give the month: m1..m12")
    return Period(kind=kind, label=kind.label)


def apply_overrides(doc, args: argparse.Namespace) -> None:
    """What the command line says wins over what the title was read as."""
    import calendar
    from dataclasses import replace
    from datetime import date

    if args.government:
        doc.meta.government = args.government
    if args.year:
        doc.meta.year = args.year
    if args.period is not None:
        period = args.period
        if doc.meta.year and period.end_month:
            last = calendar.monthrange(doc.meta.year, period.end_month)[1]
            period = replace(period, end_date=date(doc.meta.year, period.end_month, last))
        doc.meta.period = period


def summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(key, 0)} {label}" for key, label in COUNT_LABELS)


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from tqdm import tqdm

    from luoshi.core.schema import ensure_migrated, pending_migrations

    if not args.dry_run:
        ensure_migrated()  # a fresh SQLite file works without a separate `migrate`
    elif pending_migrations():
        print("luoshi import: the database is not set up yet (run `python manage.py migrate`); "
              "a dry run does not change it", file=sys.stderr)
        return 1

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
            apply_overrides(doc, args)
            # Stored and shown on pages: the file's name only, never the server's directories.
            result = import_document(doc, file_name=Path(name).name, dry_run=args.dry_run,
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
                # Near-duplicate tasks, for the office to merge or explain (luoshi.reports).
                from luoshi.reports.duplicates import import_notes

                for note in import_notes([(t.serial, t.text) for t in doc.tasks]):
                    print(f"  note: {note}", file=out)
    bar.close()
    verb = "would be imported" if args.dry_run else "imported"
    total = f"total: {imported} of {len(args.files)} files {verb}"
    if imported:
        total += f" ({summary(totals)})"
    if failed:
        total += f"; {failed} failed"
    print(total, file=out)
    return 1 if failed else 0
