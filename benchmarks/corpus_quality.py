"""How well luoshi reads the real corpus pages, against expectations written by reading them.

    .venv/bin/python benchmarks/corpus_quality.py [--verbose] [--json]
        [--split dev|holdout|fresh] [--files 001,002] [--corpus DIR] [--expected DIR]

For every tests/corpus/expected/NNN.json (format: tests/corpus/SCHEMA.md, issue 9) the page
../shared/corpus/<file> is read with ``luoshi.ingest.read_document``; one line per page says
split, family, parsed or refused (with the IngestError's reason), rows found vs expected,
column roles right, checked cells right and metadata right. Total lines follow per split,
per family and overall; "checked cells right X/Y = Z%" is the headline figure.

``--expected DIR`` and ``--corpus DIR`` score another set the same way, e.g. the unseen set
(tests/corpus/fresh/expected, split "fresh"; its pages are public pages kept outside the repo,
listed with their URLs in tests/corpus/fresh/INDEX.tsv):

    .venv/bin/python benchmarks/corpus_quality.py --corpus /work/wt/fresh/pages \
        --expected tests/corpus/fresh/expected

Comparison rules (normalisation and hashing live in tests/corpus/expected_cells.py, the one
definition shared with the tests):

- Parsed / refused: an IngestError is a refusal (its reason is printed); a document with zero
  tasks is treated as a refusal too (nothing to import).
- Refuse pages (kind=refuse) score one checked cell: right when the page is refused or yields
  zero tasks, wrong when tasks come out. Their rows, roles and metadata are not scored (a
  refusal carries no metadata).
- Other pages (table, prose_list, forms) that are refused score 0 for all their checked cells
  and 0 of their four metadata checks (an empty expected government is not met by a refusal).
- Rows: ``len(doc.tasks)`` against ``rows`` (a page counts as rows-right only when equal).
- Column roles: the parsed ``doc.columns`` roles in order against ``columns``, position by
  position (right = positions that agree; total = the longer of the two lists). Roles the
  parser's vocabulary (luoshi.vocab.ColumnRole) does not have are mapped before comparing:
  an expected role absent from the vocabulary is right when the parser says the mapped role
  (ROLE_FALLBACK: person→leader, actual/deadline/category/remarks→other) or "other".
- Checked rows: the parsed task is found by serial (normalised, trailing 、. removed); when
  several parsed tasks share it (numbering restarts) the row's ``task_head`` picks among them,
  otherwise the first; rows with serial "" (or whose serial no parsed task has, when the row
  also gives a ``task_head``) are found by ``task_head`` = the first 8 normalised characters
  of the task text. A row not found scores all its cells wrong.
- Cells by role: task = the task text (several task columns are joined in column order, as
  the reader joins them); units = the task's unit list, compared as an ordered list of
  normalised names (lead_unit/co_units are merged into units, lead first); done / problems /
  next_steps = the concatenation over all items of the item's heading and that field (a
  heading is also accepted absent, since the schema includes headings only where they sit
  inside the cell); any other role (leader, person, target, declared_status, actual, deadline,
  category, remarks, other) = the task's extra cells of the parsed columns with that role,
  joined in column order; for a role the vocabulary lacks, the parsed column at the position
  the expectation gives it, when the parser's role there is acceptable (ROLE_FALLBACK, other).
- Metadata, four checks per non-refuse page: government (equal after normalisation, or one ends with the
  other when the shorter has at least 3 characters: 洞头区 ~ 温州市洞头区), year, period kind,
  end date. The parsed end date is ``period.end_date``, or, when absent and the kind is not
  plan, the last day of the period's end month in the parsed year. A null expectation is right
  only when the parser has none either.
"""

from __future__ import annotations

import argparse
import calendar
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXPECTED_DIR = REPO / "tests" / "corpus" / "expected"
for _p in (REPO, REPO / "tests" / "corpus"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from expected_cells import cell_matches, head, normalise, serial_key, task_head  # noqa: E402

from luoshi.ingest import IngestError, ParsedDocument, Task, read_document  # noqa: E402
from luoshi.vocab import ColumnRole  # noqa: E402

ROLE_FALLBACK = {
    "person": "leader",
    "actual": "other",
    "deadline": "other",
    "category": "other",
    "remarks": "other",
}
ITEM_ROLES = ("done", "problems", "next_steps")
UNIT_ROLES = ("units", "lead_unit", "co_units")
KNOWN_ROLES = {r.value for r in ColumnRole}


def role_ok(expected: str, parsed: str) -> bool:
    if expected == parsed:
        return True
    if expected not in KNOWN_ROLES:
        return parsed in (ROLE_FALLBACK.get(expected, "other"), "other")
    return False


def parsed_role_for(expected: str) -> str:
    return expected if expected in KNOWN_ROLES else ROLE_FALLBACK.get(expected, "other")


@dataclass
class PageScore:
    file: str
    split: str
    family: str
    kind: str
    refused: str | None = None  # reason, when refused or empty
    rows_found: int = 0
    rows_expected: int = 0
    roles_right: int = 0
    roles_total: int = 0
    cells_right: int = 0
    cells_total: int = 0
    meta_right: int = 0
    meta_total: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def rows_ok(self) -> bool:
        return self.rows_found == self.rows_expected

    def line(self) -> str:
        state = f"refused ({self.refused[:60]})" if self.refused is not None else "parsed"
        if self.kind == "refuse":
            rows = roles = "-"
        else:
            rows = f"{self.rows_found}/{self.rows_expected}"
            roles = f"{self.roles_right}/{self.roles_total}"
        return (
            f"{self.file:8} {self.split:7} {self.family:14} {self.kind:10} "
            f"rows {rows:7} roles {roles:5} cells {self.cells_right}/{self.cells_total:<3} "
            f"meta {self.meta_right}/{self.meta_total}  {state}"
        )


def _item_text(task: Task, name: str, with_heading: bool) -> str:
    parts = []
    for item in task.items:
        if with_heading and item.heading:
            parts.append(item.heading)
        parts.append(getattr(item, name) or "")
    return "".join(normalise(p) for p in parts)


def _extra_text(
    doc: ParsedDocument, task: Task, role: str, expected_columns: list[str]
) -> str | None:
    headers = [c.header for c in doc.columns if str(c.role) == role]
    if not headers and role not in KNOWN_ROLES:
        # A role the vocabulary lacks: the parsed column standing where the expectation puts
        # it, when the parser's role there is an acceptable stand-in (ROLE_FALLBACK or other).
        headers = [
            doc.columns[i].header
            for i, r in enumerate(expected_columns)
            if r == role and i < len(doc.columns) and role_ok(role, str(doc.columns[i].role))
        ]
    values = [task.extra[h] for h in headers if h in task.extra]
    return "".join(normalise(v) for v in values) if values else None


def cell_right(
    doc: ParsedDocument, task: Task, role: str, expected: Any, columns: list[str] | None = None
) -> tuple[bool, Any]:
    """Whether the parsed task's cell of ``role`` equals the expectation, and what was found."""
    if role == "task":
        return cell_matches(expected, task.text), task.text
    if role in UNIT_ROLES:
        return cell_matches(expected, list(task.units)), list(task.units)
    if role in ITEM_ROLES:
        with_h = _item_text(task, role, True)
        if cell_matches(expected, with_h):
            return True, with_h
        without = _item_text(task, role, False)
        return cell_matches(expected, without), without
    got = _extra_text(doc, task, role, columns or [])
    return cell_matches(expected, got), got


def _length_note(expected: Any, got: Any) -> str:
    """Normalised lengths of a text cell's want/got, since the heads shown often agree
    (a task that swallowed its unit line starts like the expected task)."""
    if not isinstance(got, str):
        return ""
    if isinstance(expected, dict):
        want = expected.get("n")
    elif isinstance(expected, str):
        want = len(normalise(expected))
    else:
        return ""
    return f" (n {want}/{len(normalise(got))})"


def find_task(doc: ParsedDocument, row: dict[str, Any]) -> Task | None:
    serial = serial_key(row.get("serial", ""))
    thead = normalise(row.get("task_head", ""))
    if serial:
        same = [t for t in doc.tasks if serial_key(t.serial) == serial]
        if len(same) > 1 and thead:
            for t in same:
                if task_head(t.text, len(thead)) == thead:
                    return t
        if same:
            return same[0]
    if thead:
        for t in doc.tasks:
            if task_head(t.text, len(thead)) == thead:
                return t
    return None


def _end_date(doc: ParsedDocument) -> str | None:
    period = doc.meta.period
    if period is None:
        return None
    if period.end_date is not None:
        return period.end_date.isoformat()
    if str(period.kind) == "plan" or doc.meta.year is None:
        return None
    month = period.end_month
    if not 1 <= month <= 12:
        return None
    year = doc.meta.year
    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _government_ok(expected: str, parsed: str) -> bool:
    e, p = normalise(expected), normalise(parsed)
    if e == p:
        return True
    short = min(len(e), len(p))
    return short >= 3 and (e.endswith(p) or p.endswith(e))


def score_meta(doc: ParsedDocument | None, exp: dict[str, Any], score: PageScore) -> None:
    period = exp.get("period") or {}
    checks: list[tuple[str, Any, Any, bool]] = []
    gov = doc.meta.government if doc else ""
    checks.append(("government", exp.get("government", ""), gov,
                   _government_ok(exp.get("government") or "", gov or "")))
    year = doc.meta.year if doc else None
    checks.append(("year", exp.get("year"), year, exp.get("year") == year))
    kind = str(doc.meta.period.kind) if doc and doc.meta.period else None
    checks.append(("period", period.get("kind"), kind, period.get("kind") == kind))
    end = _end_date(doc) if doc else None
    checks.append(("end_date", period.get("end_date"), end, period.get("end_date") == end))
    for name, want, got, ok in checks:
        score.meta_total += 1
        # A refused page delivered no metadata: an empty expectation is not met by nothing.
        if ok and doc is not None:
            score.meta_right += 1
        else:
            score.wrong.append(f"meta {name}: want {head(want, 10)} got {head(got, 10)}")


def score_page(exp: dict[str, Any], corpus: Path) -> PageScore:
    score = PageScore(
        file=exp["file"], split=exp.get("split", "?"), family=exp.get("family", "?"),
        kind=exp.get("kind", "?"), rows_expected=int(exp.get("rows") or 0),
    )
    doc: ParsedDocument | None = None
    try:
        doc = read_document(corpus / exp["file"])
    except IngestError as exc:
        score.refused = exc.reason
    if doc is not None and not doc.tasks:
        score.refused = "no tasks found"
    score.rows_found = len(doc.tasks) if doc else 0
    if score.kind == "refuse":
        score.cells_total = 1
        if score.refused is not None:
            score.cells_right = 1
        else:
            score.wrong.append(f"expected a refusal ({exp.get('refuse_reason', '')[:30]}), "
                               f"got {score.rows_found} tasks")
        return score
    score_meta(doc if score.refused is None else None, exp, score)
    want_roles = list(exp.get("columns") or [])
    got_roles = [str(c.role) for c in doc.columns] if doc else []
    score.roles_total = max(len(want_roles), len(got_roles))
    score.roles_right = sum(role_ok(w, g) for w, g in zip(want_roles, got_roles, strict=False))
    if score.roles_right < score.roles_total:
        score.wrong.append(f"roles: want {','.join(want_roles)} got {','.join(got_roles)}")
    for row in exp.get("checked") or []:
        cells = row.get("cells") or {}
        key = row.get("serial") or row.get("task_head") or "?"
        task = find_task(doc, row) if doc and score.refused is None else None
        for role, expected in cells.items():
            score.cells_total += 1
            if task is None:
                score.wrong.append(f"row {key} {role}: task not found")
                continue
            ok, got = cell_right(doc, task, role, expected, want_roles)
            if ok:
                score.cells_right += 1
            else:
                score.wrong.append(
                    f"row {key} {role}: want {head(expected)} got {head(got)}"
                    f"{_length_note(expected, got)}"
                )
    return score


@dataclass
class Total:
    pages: int = 0
    parsed: int = 0
    rows_ok: int = 0
    roles_right: int = 0
    roles_total: int = 0
    cells_right: int = 0
    cells_total: int = 0
    meta_right: int = 0
    meta_total: int = 0

    def add(self, s: PageScore) -> None:
        self.pages += 1
        self.parsed += s.refused is None
        self.rows_ok += s.kind != "refuse" and s.rows_ok
        self.roles_right += s.roles_right
        self.roles_total += s.roles_total
        self.cells_right += s.cells_right
        self.cells_total += s.cells_total
        self.meta_right += s.meta_right
        self.meta_total += s.meta_total

    @property
    def pct(self) -> float:
        return 100.0 * self.cells_right / self.cells_total if self.cells_total else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:22} pages {self.pages:3} parsed {self.parsed:3} rows-exact {self.rows_ok:3} "
            f"roles {self.roles_right}/{self.roles_total} meta {self.meta_right}/{self.meta_total}"
            f"  checked cells right {self.cells_right}/{self.cells_total} = {self.pct:.1f}%"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages, "parsed": self.parsed, "rows_exact": self.rows_ok,
            "roles_right": self.roles_right, "roles_total": self.roles_total,
            "meta_right": self.meta_right, "meta_total": self.meta_total,
            "cells_right": self.cells_right, "cells_total": self.cells_total,
            "cells_pct": round(self.pct, 2),
        }


def load_expectations(directory: Path = EXPECTED_DIR) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))]


def run(
    expectations: list[dict[str, Any]], corpus: Path = SHARED / "corpus"
) -> tuple[list[PageScore], dict[str, Total]]:
    scores = [score_page(exp, corpus) for exp in expectations]
    totals: dict[str, Total] = defaultdict(Total)
    for s in scores:
        totals["overall"].add(s)
        totals[f"split {s.split}"].add(s)
        totals[f"family {s.family}"].add(s)
    return scores, dict(totals)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="print each mismatch")
    ap.add_argument("--json", action="store_true", help="machine-readable totals")
    ap.add_argument("--split", choices=("dev", "holdout", "fresh"))
    ap.add_argument("--files", help="comma-separated stems, e.g. 001,002")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus",
                    help="directory holding the pages (default ../shared/corpus)")
    ap.add_argument("--expected", type=Path, default=EXPECTED_DIR,
                    help="directory of expectation JSON files (default tests/corpus/expected)")
    args = ap.parse_args(argv)
    if not args.expected.is_dir():
        print(f"no expectations directory: {args.expected}", file=sys.stderr)
        return 1
    if not args.corpus.is_dir():
        print(f"no corpus directory: {args.corpus}", file=sys.stderr)
        return 1
    expectations = load_expectations(args.expected)
    if args.split:
        expectations = [e for e in expectations if e.get("split") == args.split]
    if args.files:
        stems = {s.strip() for s in args.files.split(",") if s.strip()}
        expectations = [e for e in expectations if Path(e["file"]).stem in stems]
    if not expectations:
        print("no expectations selected", file=sys.stderr)
        return 1
    missing = [e["file"] for e in expectations if not (args.corpus / e["file"]).is_file()]
    if missing:
        print(f"pages missing from {args.corpus}: {', '.join(missing)}", file=sys.stderr)
        return 1
    scores, totals = run(expectations, args.corpus)
    if args.json:
        out = {
            "totals": {k: v.to_dict() for k, v in sorted(totals.items())},
            "pages": {
                s.file: {"cells_right": s.cells_right, "cells_total": s.cells_total,
                         "rows_found": s.rows_found, "rows_expected": s.rows_expected,
                         "refused": s.refused, "meta_right": s.meta_right,
                         "roles_right": s.roles_right, "roles_total": s.roles_total}
                for s in scores
            },
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for s in scores:
        print(s.line())
        if args.verbose:
            for w in s.wrong:
                print(f"    {w}")
    print()
    order = sorted(totals, key=lambda k: (k != "overall", not k.startswith("split"), k))
    for key in order[1:]:
        print(totals[key].line(key))
    print(totals["overall"].line("overall"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
