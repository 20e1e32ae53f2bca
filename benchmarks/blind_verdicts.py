"""Verdicts on the blind sets: extraction scored on every spent blind set, per set and pooled.

    .venv/bin/python benchmarks/blind_verdicts.py [--pages-root DIR] [--sets fresh8,fresh9]
        [--verbose]

Each set is an annotation directory tests/extract/data/freshN (devset format: targets, achieved
figures, one of the eight statuses per task, written from the pages before luoshi was run on
them) scored against its pages in <pages-root>/freshN (default /work/wt/pages). A set whose page
directory is absent, or holds none of the files its annotations name, is skipped and the skip is
said. Scoring is benchmarks/extract_devset.py's (its ``score``, imported, not copied), on the
tasks the parser found, so that the analysis is judged apart from the reader.

Printed per set and pooled over the sets scored:
  tasks found / annotated; targets and measurements P/R/F1 on (task, value, unit); status
  macro-F1 over the classes of the annotation and accuracy; the confusion of statuses
  (annotated in rows, called in columns); red means red: tasks called behind and how many of
  them the annotation calls behind; done recall: annotated done and called done.
``--verbose`` lists each disagreement (these sets are spent: nothing here is blind any more).
``--aligned-rows`` lets a right figure on the reader's merged row count for the #N task that
misses it (by default a figure counts only on the task luoshi files it under, as a user sees it:
the figure rules seen apart from the reader's rows).
``--part tuned|held_out`` scores only the pages whose place is (not) in one of
extract_devset.HELD_OUT's provinces, so that a change can be seen apart on the held-out part.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ANNOTATIONS = REPO / "tests" / "extract" / "data"
DEFAULT_PAGES_ROOT = REPO.parent / "pages"  # /work/wt/pages beside the worktrees
# the spent sets: a set joins once this session's code has been run on it blind
SETS = ("fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11",
        "fresh12", "fresh13", "fresh14", "fresh15", "fresh16")
STATUSES = ("done", "ahead", "on_track", "at_risk", "behind", "not_started", "vague", "no_data")


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


devset = _load("extract_devset")
quality = devset.quality


def present(name: str, pages_root: Path) -> str | None:
    """Why a set cannot be scored, or None when it can."""
    ann = ANNOTATIONS / name
    pages = pages_root / name
    if not ann.is_dir():
        return f"no annotations {ann}"
    if not pages.is_dir():
        return f"no pages {pages}"
    devset.DEVSET, devset.CORPUS, devset.ONLY = ann, pages, set()
    if not any((pages / p["file"]).is_file() for p in devset.pages("all")):
        return f"none of its annotated pages is in {pages}"
    return None


def score_set(name: str, pages_root: Path, part: str = "all") -> dict[str, Any]:
    """One set's scores, with the counts that pool (true positives, called and gold sizes);
    ``part``: extract_devset's split by province (tuned, held_out) or all."""
    devset.DEVSET, devset.CORPUS, devset.ONLY = ANNOTATIONS / name, pages_root / name, set()
    # Pages absent from the directory are left out, not counted as unread (--files as elsewhere).
    devset.ONLY = {p["_id"] for p in devset.pages(part)
                   if (devset.CORPUS / p["file"]).is_file()} or {"-"}  # none: score nothing
    s, analyses, info = devset.score(part, found_only=True)
    found = {a.serial for a in analyses}
    gold = {f"{p['_id']}:{devset._serial(g['serial'])}": g["status"]
            for p in devset.pages(part) for g in p["status"]}
    gold = {k: v for k, v in gold.items() if k in found}
    called = {a.serial: str(a.status.value) for a in analyses}
    out: dict[str, Any] = {"name": name, "tasks": info["tasks"],
                           "found": info["tasks"] - info["unmatched"], "pages": info["pages"]}
    for k in ("targets", "measurements"):
        v = s[k]
        out[k] = {"tp": round(v["precision"] * v["predicted"]), "predicted": v["predicted"],
                  "gold": v["gold"]}
    out["shares"] = s["shares"]
    out["gold_status"] = {f"{name}/{k}": v for k, v in gold.items()}
    out["called_status"] = {f"{name}/{k}": v for k, v in called.items()}
    out["reasons"] = {f"{name}/{a.serial}": a.status.reason for a in analyses}
    out["errors"] = s["errors"]
    return out


def _prf(tp: int, predicted: int, gold: int) -> str:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp} right of {predicted} called, gold {gold})"


def print_scores(title: str, parts: list[dict[str, Any]]) -> dict[str, float]:
    """Prints one block (a set, or several pooled) and returns its headline figures."""
    tasks = sum(p["tasks"] for p in parts)
    found = sum(p["found"] for p in parts)
    gold = {k: v for p in parts for k, v in p["gold_status"].items()}
    called = {k: v for p in parts for k, v in p["called_status"].items()}
    pages = sum(p["pages"] for p in parts)
    print(f"{title}: {pages} pages, tasks found {found} / annotated {tasks}")
    head: dict[str, float] = {}
    for k in ("targets", "measurements"):
        tp = sum(p[k]["tp"] for p in parts)
        pr = sum(p[k]["predicted"] for p in parts)
        gd = sum(p[k]["gold"] for p in parts)
        print(f"  {k:13s}{_prf(tp, pr, gd)}")
        f = 2 * tp / (pr + gd) if pr + gd else 0.0
        head[k] = f
    agree, total = (sum(p["shares"][k] for p in parts) for k in ("agree", "total"))
    print(f"  stated shares on their figures: {agree} of {total}"
          " (annotated figures with a share that luoshi reports, given that very share)")
    st = quality.status_scores(called, gold, {})
    head["status"] = st["macro_f1"]
    print(f"  status macro-F1 {st['macro_f1']:.3f}  accuracy {st['accuracy']:.3f}"
          f"  (classes of the annotation: {', '.join(st['per_class'])})")
    # Per class: gold items, called among the annotated tasks, right, F1 — a class of one or two
    # gold items moves the macro mean by up to 1/(number of classes) on one task.
    print("    per class (gold/called/right F1): " + "  ".join(
        f"{c} {v['support']}/{sum(called.get(k) == c for k in gold)}/"
        f"{round(v['recall'] * v['support'])} {v['f1']:.2f}" for c, v in st["per_class"].items()))
    cols = [c for c in STATUSES if c in set(gold.values()) | set(called.values())]
    print("    annotated \\ called " + " ".join(f"{c[:8]:>8s}" for c in cols))
    conf = Counter((gold[k], called.get(k)) for k in gold)
    for r in cols:
        if any(conf[(r, c)] for c in cols):
            print(f"    {r:20s} " + " ".join(f"{conf[(r, c)] or '.':>8}" for c in cols))
    red = [k for k, v in called.items() if v == "behind"]
    red_ok = sum(gold.get(k) == "behind" for k in red)
    print(f"  red means red: called behind {len(red)}, of them behind by the annotation {red_ok}"
          f"; annotated behind {sum(v == 'behind' for v in gold.values())}")
    done = [k for k, v in gold.items() if v == "done"]
    print(f"  done recall: annotated done {len(done)}, called done"
          f" {sum(called.get(k) == 'done' for k in done)}")
    return head


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages-root", type=Path, default=DEFAULT_PAGES_ROOT,
                    help="directory holding one page directory per set (freshN)")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    ap.add_argument("--part", choices=("all", "tuned", "held_out"), default="all",
                    help="only the pages of extract_devset's held-out provinces, or the others")
    ap.add_argument("--aligned-rows", action="store_true",
                    help="credit a right figure on the reader's merged row to the #N task that "
                         "misses it (extract_quality.align_positional_rows); default: by position")
    args = ap.parse_args(argv)
    quality.ALIGN_POSITIONAL = args.aligned_rows
    scored = []
    for name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        why = present(name, args.pages_root)
        if why:
            print(f"{name}: skipped ({why})")
            continue
        part = score_set(name, args.pages_root, args.part)
        scored.append(part)
        print_scores(name, [part])
        if args.verbose:
            for k, v in part["errors"].items():
                for e in v:
                    extra = ""
                    if k == "status":
                        extra = f"  <- {part['reasons'].get(f'{name}/{e[0]}', '')}"
                    print(f"    {k}: {e}{extra}")
    if not scored:
        print("no blind set present", file=sys.stderr)
        return 1
    scope = "" if args.part == "all" else f", {args.part} part"
    print_scores("pooled (" + ", ".join(p["name"] for p in scored) + scope + ")", scored)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
