"""单位落实情况排名: the league table of lead units for one report.

Per lead unit (each task counted once, under its first-named unit): tasks led, entries (the
task's own row or its sub-items' rows), entries on time, late, returned, empty, boilerplate,
tasks done, behind and at risk.

* **on time** — in a round: submitted by the deadline (or with no deadline set); for a table
  imported as published (no round): every entry with content, since it was filed.
* **late** — submitted after the deadline, or still unsubmitted once the deadline has passed.
* **returned** — returned by the office at least once in the round.
* **empty** / **boilerplate** — 完成情况 blank / only stock phrases (the dashboard's rules).

Score (0–100, higher is better)::

    score = 100 × (1 − Σ w_k × rate_k / Σ w_k)

where ``rate_k`` is the unit's share of shortfall k — behind, at_risk and not_started over its
tasks; empty, boilerplate, late and returned over its entries — and ``w_k`` the office's weight
(:data:`DEFAULT_WEIGHTS`, documented in docs/bulletin.md). A unit with no shortfall scores
100, one failing on every count 0, whatever the weights. Ties go to the unit leading more
tasks, then by name. Weights are kept with the report (``LeagueWeights``); a report without
its own starts from the previous period's, else the defaults.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass

from django.utils import timezone

from luoshi.core.models import Report
from luoshi.export.csv import formula_escape
from luoshi.reports.facts import ReportFacts, load_facts

# Shortfall -> weight. Lagging work weighs most; filing quality next.
DEFAULT_WEIGHTS: dict[str, float] = {
    "behind": 35, "at_risk": 15, "not_started": 10, "empty": 15, "boilerplate": 10, "late": 10,
    "returned": 5,
}
TASK_MEASURES = ("behind", "at_risk", "not_started")
ENTRY_MEASURES = ("empty", "boilerplate", "late", "returned")
WEIGHT_LABELS = {"behind": "滞后", "at_risk": "有风险", "not_started": "未启动",
                 "empty": "完成情况空白", "boilerplate": "仅套话", "late": "逾期报送",
                 "returned": "被退回"}
COLUMNS = [("rank", "名次"), ("unit", "牵头单位"), ("tasks", "牵头任务"), ("entries", "填报事项"),
           ("on_time", "按时报送"), ("late", "逾期"), ("returned", "被退回"),
           ("empty", "空白"), ("boilerplate", "套话"), ("done", "已完成"), ("behind", "滞后"),
           ("at_risk", "有风险"), ("not_started", "未启动"), ("score", "得分")]
MAX_WEIGHT = 1000.0


class WeightsError(ValueError):
    pass


@dataclass
class UnitRow:
    unit: str
    unit_id: int | None
    tasks: int = 0
    entries: int = 0
    on_time: int = 0
    late: int = 0
    returned: int = 0
    empty: int = 0
    boilerplate: int = 0
    done: int = 0
    behind: int = 0
    at_risk: int = 0
    not_started: int = 0
    score: float = 100.0
    rank: int = 0


def clean_weights(values: dict) -> dict[str, float]:
    """Weights from a form or file: every known key, a number from 0 to 1000, not all zero.
    Raises WeightsError naming the bad one (in Chinese: it is shown on the page)."""
    out = {}
    for key in DEFAULT_WEIGHTS:
        raw = values.get(key, DEFAULT_WEIGHTS[key])
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise WeightsError(f"权重“{WEIGHT_LABELS[key]}”不是数字:{raw!r}") from None
        if not (0 <= value <= MAX_WEIGHT):
            raise WeightsError(f"权重“{WEIGHT_LABELS[key]}”应在 0 到 {MAX_WEIGHT:g} 之间")
        out[key] = value
    if not any(out.values()):
        raise WeightsError("权重不能全为 0")
    return out


def weights_for(report: Report) -> dict[str, float]:
    """The report's own weights, else the latest earlier report's of the plan, else defaults."""
    from luoshi.reports.models import LeagueWeights

    own = LeagueWeights.objects.filter(report=report).first()
    if own is None:
        own = (LeagueWeights.objects.filter(report__plan_id=report.plan_id,
                                            report__period__year=report.period.year,
                                            report__period__month__lt=report.period.month)
               .order_by("-report__period__month").first())
    return clean_weights(own.weights) if own else dict(DEFAULT_WEIGHTS)


def score(row: UnitRow, weights: dict[str, float]) -> float:
    total = sum(weights.values())
    shortfall = 0.0
    for key in TASK_MEASURES:
        if row.tasks:
            shortfall += weights.get(key, 0) * getattr(row, key) / row.tasks
    for key in ENTRY_MEASURES:
        if row.entries:
            shortfall += weights.get(key, 0) * getattr(row, key) / row.entries
    return round(100 * (1 - shortfall / total), 1) if total else 100.0


def league_table(report: Report, weights: dict[str, float] | None = None,
                 facts: ReportFacts | None = None) -> list[UnitRow]:
    """The ranked rows (best first) with ``weights`` (the report's when None)."""
    f = facts or load_facts(report)
    weights = weights or weights_for(report)
    deadline, now = report.deadline, timezone.now()
    rows: dict[int | None, UnitRow] = {}
    for t in f.tasks:
        row = rows.setdefault(t.lead_id, UnitRow(unit=t.lead or "(未列牵头单位)", unit_id=t.lead_id))
        row.tasks += 1
        if t.status in ("done", "ahead"):
            row.done += 1
        elif t.status in TASK_MEASURES:
            setattr(row, t.status, getattr(row, t.status) + 1)
        for e in t.entries:
            row.entries += 1
            if e.empty:
                row.empty += 1
            elif e.boilerplate:
                row.boilerplate += 1
            if e.returns:
                row.returned += 1
            filing = e.filing(deadline, now)
            if filing == "on_time":
                row.on_time += 1
            elif filing == "late":
                row.late += 1
    out = list(rows.values())
    for row in out:
        row.score = score(row, weights)
    out.sort(key=lambda r: (-r.score, -r.tasks, r.unit))
    for i, row in enumerate(out, 1):
        row.rank = i
    return out


def to_csv(rows: list[UnitRow]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([label for _, label in COLUMNS])
    for r in rows:
        d = asdict(r)
        # unit names come from imported files: "=HYPERLINK(…)" stays text (issue 14)
        w.writerow([formula_escape(d[k]) for k, _ in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel reads it as UTF-8


def to_xlsx(rows: list[UnitRow], title: str, weights: dict[str, float]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "单位排名"
    ws.append([title])
    ws.append([label for _, label in COLUMNS])
    for r in rows:
        d = asdict(r)
        ws.append([d[k] for k, _ in COLUMNS])
    w2 = wb.create_sheet("权重")
    w2.append(["项目", "权重"])
    for key, value in weights.items():
        w2.append([WEIGHT_LABELS[key], value])
    # openpyxl stores a string that starts with = as a formula: the title and unit names come
    # from imported files, so every such cell is text (as in luoshi/export/xlsx.py)
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
