"""Score luoshi.extract on the independent dev set of corpus pages (tests/extract/data/devset).

    .venv/bin/python benchmarks/extract_devset.py [--part tuned|held_out|all] [--verbose]
    .venv/bin/python benchmarks/extract_devset.py --devset tests/extract/data/fresh4 \
        --corpus /work/wt/fresh4/pages --part all --verbose

The dev set was annotated by another person from the pages, before looking at luoshi's output
(targets with their kind, achieved figures, one of the eight statuses per task; no source
text). Each page is read with luoshi.ingest.read_document from ../shared/corpus and analysed
at its parsed period (the annotation's period only when the parser finds none: counted).
Tasks match by serial; "#N" in the annotation is the N-th parsed row.

Honesty rule: the pages of some provinces are held out (HELD_OUT below). Rules were tuned on
the other pages only. The held-out part was read for issue 10 and is now declared spent (no
longer blind; a fresh blind set replaces it): ``--verbose`` lists per-task disagreements of any
part, ``--part all`` scores both together. Its figures are still printed apart, so that a
change can be seen on pages the rules were not first written from.

``--devset DIR --corpus DIR`` score another annotation directory (same file shape) against
pages in another directory, e.g. a blind set whose pages live outside the repo. Such a set
has no held-out part of its own to protect, so there ``--part all --verbose`` lists every
disagreement too; without the two options nothing changes. ``--pages J01,J02`` scores only the
named annotation files and never opens the others, so that a set's blind part stays blind
(fresh4: ``--pages J01,J02,J03,J04``, its tune pages).

Printed: targets F1 and measurements F1 on (serial, value, unit); agreement of target kinds
(matched targets, and the task kind of tasks without figures); per-status precision and
recall over the eight statuses as they are (amber apart from red); status macro-F1 over the
classes in the annotation; behind precision (of the tasks called behind, the share the
annotation calls behind).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT_DEVSET = REPO / "tests" / "extract" / "data" / "devset"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEVSET = DEFAULT_DEVSET  # --devset: another annotation directory
CORPUS = DEFAULT_CORPUS  # --corpus: the pages those annotations were written from
HELD_OUT = ("安徽", "上海", "湖北", "湖南", "福建", "河南", "天津", "云南", "陕西", "江西", "广西", "广东")

_spec = importlib.util.spec_from_file_location("extract_quality", Path(__file__).with_name("extract_quality.py"))
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)

from luoshi.extract import TaskAnalysis, analyze_task  # noqa: E402
from luoshi.ingest.model import Period  # noqa: E402
from luoshi.vocab import PeriodKind  # noqa: E402

LAYOUT = "all"  # "table" or "prose": only pages of that layout (the annotation's field)
ONLY: set[str] = set()  # --pages: only these annotation files (by stem), e.g. a set's tune pages


def pages(part: str = "all") -> list[dict[str, Any]]:
    out = []
    for path in sorted(DEVSET.glob("*.json")):
        if ONLY and path.stem not in ONLY:
            continue  # not opened: a blind part stays blind
        page = json.loads(path.read_text(encoding="utf-8"))
        held = page.get("place", "").startswith(HELD_OUT)
        if LAYOUT != "all" and page.get("layout", "table") != LAYOUT:
            continue
        if part == "all" or (part == "held_out") == held:
            page["_id"] = path.stem
            out.append(page)
    return out


def _period(page: dict[str, Any]) -> Period:
    p = page.get("period") or {}
    year = page.get("year") if isinstance(page.get("year"), int) else 2020
    kind = PeriodKind(p.get("kind", "annual"))
    month = int(p.get("end_month") or 12)
    import calendar

    end = date(year, month, calendar.monthrange(year, month)[1])
    return Period(kind, kind.label, end, month=month if kind is PeriodKind.MONTH else None)


def _serial(s: str) -> str:
    return str(s).strip().rstrip(".、 ")


def analyse_page(page: dict[str, Any]) -> tuple[dict[str, TaskAnalysis], bool]:
    """Analyses keyed by the annotation's serials, and whether the period fell back."""
    from luoshi.ingest import IngestError, read_document

    try:
        doc = read_document(CORPUS / page["file"])
    except IngestError:
        return {}, True  # the parser cannot read the page: every task of it counts as missed
    period = doc.meta.period
    fallback = period is None
    if period is None:
        period = _period(page)
    year = doc.meta.year or (page["year"] if isinstance(page.get("year"), int) else None)
    by_serial: dict[str, Any] = {}
    for i, t in enumerate(doc.tasks, 1):
        by_serial.setdefault(f"#{i}", t)
        if t.serial:
            by_serial.setdefault(_serial(t.serial), t)
    out = {}
    for s in page["tasks"]:
        t = by_serial.get(_serial(s))
        if t is not None:
            a = analyze_task(t, period, year)
            a.serial = f"{page['_id']}:{_serial(s)}"
            out[_serial(s)] = a
    return out, fallback


def score(part: str, found_only: bool = False) -> tuple[dict[str, Any], list[TaskAnalysis], dict[str, Any]]:
    """Scores of one part; ``found_only`` scores only the tasks the parser found (the
    extraction on its own), else every annotated task (a task not parsed is all missed)."""
    analyses: list[TaskAnalysis] = []
    gold_t, gold_m, gold_s = [], [], []
    kinds_agree = kinds_total = 0
    kind_errors: list[tuple[str, Any, str, str, str]] = []
    info = {"pages": 0, "tasks": 0, "unmatched": 0, "period_fallback": 0, "unread": 0}
    for page in pages(part):
        found, fallback = analyse_page(page)
        info["pages"] += 1
        info["unread"] += not found
        info["period_fallback"] += fallback
        pid = page["_id"]

        def key(s: Any, pid: str = pid) -> str:
            return f"{pid}:{_serial(s)}"

        for s in page["tasks"]:
            info["tasks"] += 1
            if _serial(s) not in found:
                info["unmatched"] += 1
        analyses.extend(found.values())

        def wanted(g: dict[str, Any], found: dict[str, TaskAnalysis] = found) -> bool:
            return not found_only or _serial(g["serial"]) in found

        gold_t += [dict(g, serial=key(g["serial"])) for g in page["targets"]
                   if g.get("value") is not None and wanted(g)]
        gold_m += [dict(g, serial=key(g["serial"])) for g in page["measurements"]
                   if g.get("value") is not None and wanted(g)]
        gold_s += [dict(g, serial=key(g["serial"])) for g in page["status"] if wanted(g)]
        # Kinds: a matched target's kind; a task without figures by its own kind.
        for s, a in found.items():
            mine = [g for g in page["targets"] if _serial(g["serial"]) == s]
            valued = [g for g in mine if g.get("value") is not None]
            for g in valued:
                hit = [t for t in a.targets if quality._key(0, t.value, t.unit) == quality._key(0, g["value"], g["unit"])]
                if hit:
                    kinds_total += 1
                    kinds_agree += hit[0].kind == g.get("kind")
                    if hit[0].kind != g.get("kind"):
                        kind_errors.append((key(s), g["value"], g["unit"], g.get("kind"), hit[0].kind))
            if mine and not valued and not a.targets:
                kinds_total += 1
                kinds_agree += a.task_kind in {g.get("kind") for g in mine}
                if a.task_kind not in {g.get("kind") for g in mine}:
                    kind_errors.append((key(s), None, "", "/".join(sorted({g.get("kind") for g in mine})),
                                        a.task_kind))
    # The annotation records every achieved figure, not only those of a target's metric: the
    # other figures luoshi reports (TaskAnalysis.figures) count too.
    s = quality.score_against(analyses, gold_t, gold_m, gold_s, mapping={}, other_figures=True)
    s["kind_agreement"] = kinds_agree / kinds_total if kinds_total else 1.0
    s["kind_total"] = kinds_total
    s["errors"]["kinds"] = kind_errors
    return s, analyses, info


def _is_default_set() -> bool:
    return DEVSET == DEFAULT_DEVSET and CORPUS == DEFAULT_CORPUS


def lists_disagreements(part: str, verbose: bool) -> bool:
    """Per-task output of any part: the dev set's held-out part is spent (read for issue 10),
    and another set given with --devset has no held-out part of its own to protect."""
    return verbose


def report(part: str, verbose: bool, found_only: bool = False) -> dict[str, Any]:
    s, analyses, info = score(part, found_only)
    scope = "tasks the parser found" if found_only else "all annotated tasks"
    if LAYOUT != "all":
        scope += f", {LAYOUT} pages"
    name = "dev set" if _is_default_set() else DEVSET.name
    print(f"{name}, {part}, {scope}: {info['pages']} pages, {info['tasks']} annotated tasks"
          f" ({info['unmatched']} not found by the parser; {info['unread']} pages unread),"
          f" period from the annotation on"
          f" {info['period_fallback']} pages")
    for k in ("targets", "measurements"):
        v = s[k]
        print(f"  {k:13s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}"
              f"  (gold {v['gold']}, predicted {v['predicted']})")
    print(f"  target kinds agree {s['kind_agreement']:.3f} (n={s['kind_total']})")
    st = s["status"]
    called = Counter(str(a.status.value) for a in analyses)
    print(f"  status macro-F1 {st['macro_f1']:.3f}  accuracy {st['accuracy']:.3f}"
          f"  behind precision {s['behind_precision']:.3f} (called behind: {called.get('behind', 0)})")
    for c, v in st["per_class"].items():
        print(f"    {c:11s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  (n={v['support']})")
    print(f"  stated shares on their figures {s['shares']['agree']} of {s['shares']['total']}")
    if lists_disagreements(part, verbose):
        reasons = {a.serial: a.status.reason for a in analyses}
        for k, v in s["errors"].items():
            for e in v:
                extra = f"  <- {reasons.get(e[0], '')}" if k == "status" else ""
                print(f"    {k}: {e}{extra}")
    return s


def _unit_class(unit: str) -> str:
    """A coarse class of a unit, so that error counts say what kind of figure was missed."""
    if not unit:
        return "bare"
    if "/" in unit or "." in unit:
        return "compound"
    if unit in ("%", "个百分点"):
        return "percent"
    if unit.endswith("倍"):
        return "times"
    return "unit"


def error_classes(part: str) -> dict[str, Counter]:
    """Counts of disagreements by class (never by page or task), for any part: a missed or
    extra figure is classed as 'unit' when the same task has the same value under another unit
    (the number was read, its unit not), else by the class of its unit; statuses as a
    confusion of annotation -> luoshi."""
    s, analyses, _info = score(part, found_only=True)
    rule = {a.serial: a.status.rule for a in analyses}
    out: dict[str, Counter] = {}
    for what in ("targets", "measurements"):
        missing = s["errors"][f"{what}_missing"]
        extra = s["errors"][f"{what}_extra"]
        by_value_extra = Counter((k[0], k[1]) for k in extra)
        by_value_missing = Counter((k[0], k[1]) for k in missing)
        out[f"{what} missed"] = Counter(
            "unit differs" if by_value_extra[(k[0], k[1])] else f"not read ({_unit_class(k[2])})"
            for k in missing)
        out[f"{what} extra"] = Counter(
            "unit differs" if by_value_missing[(k[0], k[1])] else f"not annotated ({_unit_class(k[2])})"
            for k in extra)
    out["status (annotation -> luoshi [rule])"] = Counter(
        f"{e[1]} -> {e[2]} [{rule.get(e[0], '')}]" for e in s["errors"]["status"])
    kinds = s["errors"]["kinds"]
    out["kinds (annotation -> luoshi)"] = Counter(f"{e[3]} -> {e[4]}" for e in kinds)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("tuned", "held_out", "all"), default=None,
                    help="one part only (default: tuned, then held out)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list per-task disagreements (any part: the held-out part is spent)")
    ap.add_argument("--layout", choices=("all", "table", "prose"), default="all",
                    help="only pages of this layout (tables, or prose bulletins and lists)")
    ap.add_argument("--classes", action="store_true",
                    help="counts of disagreements by class (any part: no page or task is named)")
    ap.add_argument("--devset", type=Path, default=None,
                    help="another annotation directory (same shape as tests/extract/data/devset)")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="the directory holding the pages those annotations name")
    ap.add_argument("--pages", default="",
                    help="only these annotation files, comma-separated stems (e.g. J01,J02): the"
                         " others are not opened, so a blind part of a set stays blind")
    args = ap.parse_args(argv)
    global LAYOUT, DEVSET, CORPUS, ONLY
    LAYOUT = args.layout
    ONLY = {p.strip() for p in args.pages.split(",") if p.strip()}
    DEVSET = args.devset or DEFAULT_DEVSET
    CORPUS = args.corpus or DEFAULT_CORPUS
    for what, given in (("--devset", args.devset), ("--corpus", args.corpus)):
        if given is not None and not given.is_dir():
            print(f"{what}: no directory {given}", file=sys.stderr)
            return 1
    for part in ([args.part] if args.part else ["tuned", "held_out"]):
        report(part, args.verbose, found_only=True)
        report(part, False)
        if args.classes:
            for name, counts in error_classes(part).items():
                print(f"  {part} {name}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
