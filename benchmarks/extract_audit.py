"""Score luoshi.extract on seed 004, tasks 1-40, against the project's own audit annotation.

    .venv/bin/python benchmarks/extract_audit.py [--verbose] [--no-devset]

Then the corpus dev set (tests/extract/data/devset), tuned and held-out parts, as
benchmarks/extract_devset.py prints it (per-status precision and recall, behind precision).

The annotation (tests/extract/data/seed004_audit_1-40.json) was made by reading the parsed
tasks before looking at the analysis output, following ../shared/gold/README.md; it holds no
source text. It measures how the rules, tuned on seed 000, carry over to another government's
table with a different layout (a problems column, sub-items). Scoring is the same as
benchmarks/extract_quality.py: targets and measurements match on (serial, value, unit); status
by macro-F1 over the classes present, at_risk (amber) scored apart from behind (red). Comparators of matched
targets and as-of months of matched measurements are reported as agreement rates.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
AUDIT = REPO / "tests" / "extract" / "data" / "seed004_audit_1-40.json"

_spec = importlib.util.spec_from_file_location("extract_quality", Path(__file__).with_name("extract_quality.py"))
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)

from luoshi.extract import TaskAnalysis  # noqa: E402


def load_audit(path: Path = AUDIT) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def analyses_1_40() -> tuple[list[TaskAnalysis], str]:
    """The analysis of seed 004's tasks whose serials the audit covers."""
    audit = load_audit()
    wanted = {str(s) for s in audit["tasks"]}
    tasks, period, source = quality.load_tasks(quality.SEED004, "seed004_segments_1-75.json",
                                               quality.SEED004_PERIOD)
    tasks = [t for t in tasks if t.serial in wanted]
    return quality.analyse(tasks, period), source


def _month(m) -> str:
    if m.as_of_date:
        return m.as_of_date[:7]
    return ""


def score_audit(analyses: list[TaskAnalysis], audit: dict[str, Any] | None = None) -> dict[str, Any]:
    audit = audit or load_audit()
    # Red means red: at_risk (amber) is scored apart from behind; the two statuses the audit
    # predates fold into its classes (ahead as on_track, not_started as behind).
    s = quality.score_against(analyses, audit["targets"], audit["measurements"], audit["status"],
                              quality.SIX_STATUSES)
    # Agreement on the fields the (serial, value, unit) match does not look at.
    gold_cmp = defaultdict(list)
    for g in audit["targets"]:
        gold_cmp[quality._key(g["serial"], g["value"], g["unit"])].append(g["comparator"])
    agree = total = 0
    for a in analyses:
        for t in a.targets:
            k = quality._key(a.serial, t.value, t.unit)
            if gold_cmp.get(k):
                total += 1
                if t.comparator in gold_cmp[k]:
                    agree += 1
    s["comparator_agreement"] = agree / total if total else 1.0
    gold_asof = defaultdict(list)
    for g in audit["measurements"]:
        gold_asof[quality._key(g["serial"], g["value"], g["unit"])].append(g["as_of"])
    agree = total = 0
    for a in analyses:
        for m in a.measurements:
            k = quality._key(a.serial, m.value, m.unit)
            if gold_asof.get(k):
                total += 1
                if _month(m) in gold_asof[k]:
                    agree += 1
    s["as_of_agreement"] = agree / total if total else 1.0
    return s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    ap.add_argument("--no-devset", action="store_true",
                    help="the seed-004 audit only (not the corpus dev set of extract_devset.py)")
    args = ap.parse_args(argv)
    analyses, source = analyses_1_40()
    s = score_audit(analyses)
    print(f"seed 004 audit (tasks 1-40): {len(analyses)} tasks from {source}")
    for k in ("targets", "measurements"):
        v = s[k]
        print(f"{k:13s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}"
              f"  (gold {v['gold']}, predicted {v['predicted']})")
    print(f"comparators of matched targets agree {s['comparator_agreement']:.3f};"
          f" as-of months of matched measurements agree {s['as_of_agreement']:.3f}")
    st = s["status"]
    print(f"status        macro-F1 {st['macro_f1']:.3f}  accuracy {st['accuracy']:.3f}"
          f"  behind recall {s['behind_recall']:.3f}  behind precision {s['behind_precision']:.3f}")
    for c, v in st["per_class"].items():
        print(f"  {c:9s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  (n={v['support']})")
    if args.verbose:
        reasons = {str(a.serial): (str(a.status.value), a.status.reason) for a in analyses}
        for k, v in s["errors"].items():
            for e in v:
                extra = f"  <- {reasons[e[0]][1]}" if k == "status" else ""
                print(f"  {k}: {e}{extra}")
    if not args.no_devset:
        # The second dev set (corpus pages, tuned and held-out parts), scored the same way by
        # benchmarks/extract_devset.py: one command gives every figure issue 10 asks for.
        spec = importlib.util.spec_from_file_location("extract_devset", Path(__file__).with_name("extract_devset.py"))
        devset = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(devset)
        for part in ("tuned", "held_out"):
            devset.report(part, False, found_only=True)
            devset.report(part, False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
