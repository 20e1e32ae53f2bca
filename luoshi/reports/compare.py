"""Compare governments: the tasks of several governments matching a theme or search words, side
by side — target, latest figure, status, period — from published reports only.

For each plan, the latest published report is read. A task matches words when its text holds
every word; it matches a theme when its problems cells in that report name the theme
(luoshi.extract.themes). Amounts are put on one scale so that 3.2亿元 and 5000万元 compare:
money in 亿元, other scaled units (万吨, 万人) in their base unit ×10⁴ when large. A status is
shown only when the office published the report's statuses with it (``Report.verdicts_public``,
docs/visibility.md): the page is public.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from luoshi.core.models import Assessment, Measurement, Report, Target, Task
from luoshi.reports.facts import status_label
from luoshi.reports.problem_themes import task_themes

SCALES = (("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("亿", 1e8), ("万", 1e4), ("千", 1e3))
MAX_WORDS = 5
MAX_ROWS = 500


@dataclass
class Row:
    government: str
    period: str
    report_id: int
    task_id: int
    serial: str
    text: str
    target: str
    figure: str
    status: str


def normalise(value: float, unit: str) -> tuple[float, str]:
    """(value, unit) on a common scale: 5000万元 -> (0.5, 亿元); 3万吨 -> (30000, 吨) then shown
    as (3, 万吨) again when large. Units without a scale are returned as they are."""
    base, rest = value, unit
    for prefix, factor in SCALES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            base, rest = value * factor, unit[len(prefix):]
            break
    if rest == "元":
        return base / 1e8, "亿元"
    if rest != unit or base >= 1e4:
        return (base / 1e4, "万" + rest) if base >= 1e4 else (base, rest)
    return value, unit


def _fmt(value: float, unit: str) -> str:
    v, u = normalise(value, unit)
    return f"{v:.4g}{u}"


def latest_reports(reports: QuerySet[Report]) -> list[Report]:
    """The latest report of each plan among ``reports`` (which the caller limits to published)."""
    latest: dict[int, Report] = {}
    for r in reports.select_related("plan__government", "period").order_by(
            "plan_id", "-period__year", "-period__month"):
        latest.setdefault(r.plan_id, r)
    return sorted(latest.values(), key=lambda r: (r.plan.government.name, r.period.year))


def compare(reports: QuerySet[Report], *, words: list[str] | None = None,
            theme: str | None = None, governments: list[int] | None = None) -> list[Row]:
    """Matching tasks of the latest report of each plan in ``reports`` (published ones only:
    the filter is applied here too, whatever the caller passes)."""
    reports = reports.filter(state=Report.State.PUBLISHED)
    if governments:
        reports = reports.filter(plan__government_id__in=governments)
    words = [w for w in (words or []) if w][:MAX_WORDS]
    rows: list[Row] = []
    for report in latest_reports(reports):
        tasks = Task.objects.filter(plan_id=report.plan_id, parent__isnull=True,
                                    progress__report=report).distinct()
        for w in words:
            tasks = tasks.filter(text__contains=w)
        if theme:
            ids = [t for t, found in task_themes(report).items() if theme in found]
            tasks = tasks.filter(pk__in=ids)
        elif not words:
            continue
        tasks = list(tasks.order_by("order")[:MAX_ROWS])
        ids = [t.pk for t in tasks]
        targets: dict[int, str] = {}
        for tg in Target.objects.filter(task_id__in=ids, active=True).order_by("position"):
            targets.setdefault(tg.task_id, f"{tg.metric}{_fmt(tg.value, tg.unit)}")
        figures: dict[int, str] = {}
        for m in Measurement.objects.filter(report=report, task_id__in=ids).order_by("pk"):
            if m.task_id not in figures or m.target_id:
                figures[m.task_id] = f"{m.metric}{_fmt(m.value, m.unit)}"
        statuses = dict(Assessment.objects.filter(report=report, task_id__in=ids)
                        .values_list("task_id", "status")) if report.verdicts_public else {}
        for t in tasks:
            rows.append(Row(report.plan.government.name, str(report.period), report.pk, t.pk,
                            t.serial, t.text, targets.get(t.pk, ""), figures.get(t.pk, ""),
                            status_label(statuses[t.pk]) if t.pk in statuses else ""))
        if len(rows) >= MAX_ROWS:
            break
    return rows[:MAX_ROWS]
