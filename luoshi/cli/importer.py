"""`luoshi import FILE... [--dry-run] [--replace]`: import published tables into the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from luoshi.cli import _

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

# The counts a summary line gives, in order; the words are marked where they are used (_count).
COUNT_KEYS = ("tasks", "sub_items", "units", "progress", "matched", "warnings")


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
        return Period(kind=PeriodKind.MONTH, label=f"1-{month}月", month=month)  # i18n: data
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


def _count(key: str, n: int) -> str:
    words = {"tasks": _("任务 %(n)s 项"), "sub_items": _("子项 %(n)s 项"),
             "units": _("单位 %(n)s 个"), "progress": _("进展条目 %(n)s 条"),
             "matched": _("与已有任务对应 %(n)s 项"), "warnings": _("警告 %(n)s 条")}
    return words[key] % {"n": n}


def summary(counts: dict[str, int]) -> str:
    return ", ".join(_count(key, counts.get(key, 0)) for key in COUNT_KEYS)


def result_words(result, doc) -> str:
    """What the import did (or, in a dry run, would do), by its outcome: the service's own
    ``message`` is English for the log; this is the user's sentence."""
    meta = doc.meta
    what = _("%(government)s %(year)s年 %(period)s") % {
        "government": meta.government, "year": meta.year,
        "period": meta.period.label if meta.period else ""}
    values = {"id": result.report_id, "batch": result.batch_id, "what": what}
    dry = result.dry_run
    if result.outcome == "already_imported":
        text = _("这个文件已导入过(批次 #%(batch)s),无需操作")
    elif result.outcome == "same_content":
        text = (_("同一张表已作为报告 #%(id)s 导入;将记录此文件,其他不变") if dry
                else _("同一张表已作为报告 #%(id)s 导入;已记录此文件,其他不变"))
    elif result.outcome == "replaced":
        text = (_("将替换报告 #%(id)s(%(what)s)") if dry
                else _("已替换报告 #%(id)s(%(what)s)"))
    else:
        text = (_("将作为新报告导入(%(what)s)") if dry
                else _("已导入为报告 #%(id)s(%(what)s)"))
    text = text % values
    return _("试运行,未写入:%(words)s") % {"words": text} if dry else text


def refusal_line(exc: Exception) -> str:
    """"FILE[:LINE]: reason" of a reader or the import service; a reason that carries a
    Chinese sentence (``zh``: budget limits, a reader's surprise) leads with it."""
    text, zh = str(exc), getattr(exc, "zh", "")
    if not zh:
        return text
    place, _sep, reason = text.partition(": ")
    return f"{place}: {zh}({reason})"


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from tqdm import tqdm

    from luoshi.core.schema import ensure_migrated, pending_migrations

    if not args.dry_run:
        ensure_migrated()  # a fresh SQLite file works without a separate `migrate`
    elif pending_migrations():
        print("luoshi import: " + _("数据库尚未建立(请先运行 `luoshi manage migrate`);"
                                    "试运行不会改动数据库"), file=sys.stderr)
        return 1

    from luoshi.core.services.importing import ImportRefused, import_document
    from luoshi.ingest import IngestError, read_document

    out, err = sys.stdout, sys.stderr
    failed = 0
    imported = 0
    totals: dict[str, int] = {}
    bar = tqdm(args.files, desc=_("导入"), unit=_("个文件"), file=err,
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
            print(refusal_line(exc), file=err)
            continue
        except OSError as exc:
            failed += 1
            bar.clear()
            print(_("%(file)s:无法读取:%(reason)s") % {"file": name,
                                                        "reason": exc.strerror or exc},
                  file=err)
            continue
        if result.outcome in {"created", "replaced"}:
            imported += 1
            for key, value in result.counts.items():
                totals[key] = totals.get(key, 0) + value
        if not args.quiet:
            bar.clear()
            print(f"{name}: {result_words(result, doc)}", file=out)
            if result.outcome in {"created", "replaced"}:
                print(f"  {summary(result.counts)}", file=out)
                for w in result.warnings:
                    place = f"{name}:{w['line']}" if w.get("line") else name
                    print("  " + _("警告:%(place)s:%(message)s")
                          % {"place": place, "message": w["message"]}, file=out)
                # Near-duplicate tasks, for the office to merge or explain (luoshi.reports).
                from luoshi.reports.duplicates import import_notes

                for note in import_notes([(t.serial, t.text) for t in doc.tasks]):
                    print("  " + _("提示:%(note)s") % {"note": note}, file=out)
    bar.close()
    values = {"n": imported, "files": len(args.files)}
    total = (_("合计:%(files)s 个文件中 %(n)s 个将导入") if args.dry_run
             else _("合计:%(files)s 个文件中 %(n)s 个已导入")) % values
    if imported:
        total += f"({summary(totals)})"
    if failed:
        total += _(";%(n)s 个失败") % {"n": failed}
    print(total, file=out)
    return 1 if failed else 0
