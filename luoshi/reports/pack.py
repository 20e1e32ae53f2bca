"""Stocktake pack (推进会材料) for leaders: a cover page of counts, then one page per red and
amber task — target, figures by period (a small chart), problems, 需协调解决事项 (the asks found
in problems and next steps, quoted as written), units and the responsible leader where the
table has one — ordered by severity: behind, not started, at risk; within a status the figure
furthest behind time first, then table order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet

from luoshi.core.models import Measurement, Report
from luoshi.extract.themes import asks
from luoshi.reports.facts import (
    FLAGGED,
    STATUS_ORDER,
    ReportFacts,
    TaskFacts,
    _ratio,
    figure_line,
    load_facts,
    status_label,
)
from luoshi.rounds.permissions import filed_assessments

BAR_WIDTH = 20  # characters of the text bar chart in the DOCX


@dataclass
class PackPage:
    task: TaskFacts
    status_label: str
    figure: str
    series: list[dict] = field(default_factory=list)  # {"period","value","unit","ratio"}
    asks: list[dict] = field(default_factory=list)  # {"entry","field","start","end","text"}


@dataclass
class Pack:
    report: Report
    title: str
    counts: list[tuple[str, str, int]]  # (status, label, n)
    total: int
    pages: list[PackPage]


def _severity(t: TaskFacts) -> tuple:
    ratios = [r for r in (_ratio(f) for f in t.figures) if r is not None]
    return (FLAGGED.index(t.status), min(ratios) if ratios else 9.9, t.position, t.pk)


def _series(report: Report, reports: QuerySet[Report], task_ids: list[int]) -> dict[int, list]:
    """Figures of each task in each visible report of the plan up to ``report``'s period: the
    one matched to a target (else the first), oldest period first. Figures of a report where
    the task is 未填报 (a draft) are left out, like its status (filed_assessments)."""
    scope = reports.filter(plan_id=report.plan_id, period__year=report.period.year,
                           period__month__lte=report.period.month)
    out: dict[int, dict[int, dict]] = {}
    filed = Exists(filed_assessments().filter(report=OuterRef("report"), task=OuterRef("task")))
    for m in (Measurement.objects.filter(report__in=scope, task_id__in=task_ids).filter(filed)
              .select_related("report__period").order_by("report__period__month", "pk")):
        per = out.setdefault(m.task_id, {})
        if m.report_id not in per or (m.target_id and not per[m.report_id]["matched"]):
            per[m.report_id] = {"period": str(m.report.period), "month": m.report.period.month,
                                "value": m.value, "unit": m.unit, "metric": m.metric,
                                "ratio": m.ratio, "matched": bool(m.target_id)}
    return {k: sorted(v.values(), key=lambda x: x["month"]) for k, v in out.items()}


def build_pack(report: Report, reports: QuerySet[Report],
               facts: ReportFacts | None = None) -> Pack:
    """The pack of ``report``; ``reports`` are those the reader may see (for the series)."""
    f = facts or load_facts(report)
    flagged = sorted((t for t in f.tasks if t.status in FLAGGED), key=_severity)
    series = _series(report, reports, [t.pk for t in flagged])
    pages = []
    for t in flagged:
        found = []
        for e in t.entries:
            for name in ("problems", "next_steps"):
                text = getattr(e, name)
                for a, b in asks(text):
                    found.append({"entry": e.pk, "field": name, "start": a, "end": b,
                                  "text": text[a:b]})
        pages.append(PackPage(t, status_label(t.status), figure_line(t, f.share_elapsed),
                              series.get(t.pk, []), found))
    counts = [(v, status_label(v), f.by_status.get(v, 0)) for v in STATUS_ORDER]
    if f.unfiled_tasks:  # a running round: 未填报 is a line of its own, never a status
        counts.insert(0, ("unfiled", "未填报", f.unfiled_tasks))
    title = f"{report.plan}{report.period.label or ''}推进会材料"
    return Pack(report, title, counts, f.summary["total"] + f.unfiled_tasks, pages)


def to_docx(pack: Pack) -> bytes:
    from luoshi.reports.gongwen import Block, write_gongwen

    red = sum(n for v, _, n in pack.counts if v in FLAGGED)
    blocks = [Block("center", f"{pack.report.period} 共{pack.total}项重点工作,"
                              f"需关注{red}项(滞后、未启动、有风险)"),
              Block("table", header=["状态", "项数", "占比"],
                    rows=[[label, str(n), f"{n / pack.total * 100:.1f}%" if pack.total else "0%"]
                          for _, label, n in pack.counts], widths=[2, 1, 1])]
    if pack.pages:
        blocks.append(Block("h1", "需关注事项一览"))
        blocks.append(Block("table", header=["序号", "任务", "牵头单位", "状态"],
                            rows=[[p.task.serial, p.task.text[:60], p.task.lead, p.status_label]
                                  for p in pack.pages], widths=[0.6, 4, 1.8, 0.8]))
    for n, p in enumerate(pack.pages, 1):
        t = p.task
        blocks += [Block("page"), Block("h1", f"{n}. {t.serial} {t.text[:60]}"),
                   Block("p", f"状态:{p.status_label}。{p.figure or t.reason}"),
                   Block("p", f"责任单位:{'、'.join(t.units) or '未列'}"
                              + (f";责任领导:{t.leader}" if t.leader else ""))]
        if t.targets:
            blocks.append(Block("p", "目标:" + ";".join(x["span"] for x in t.targets if x["span"])))
        if p.series:
            top = max(abs(s["value"]) for s in p.series) or 1
            blocks.append(Block("table", header=["报告期", "实绩", "图示"], widths=[1.5, 1.5, 3],
                                rows=[[s["period"], f"{s['value']:.4g}{s['unit']}",
                                       "█" * max(1, round(abs(s["value"]) / top * BAR_WIDTH))]
                                      for s in p.series]))
        blocks.append(Block("h2", "(一)存在问题"))
        blocks.append(Block("p", t.joined("problems") or "未填报。"))
        blocks.append(Block("h2", "(二)需协调解决事项"))
        blocks += [Block("p", f"{k}.{a['text']}") for k, a in enumerate(p.asks, 1)] or [
            Block("p", "单位未提出。")]
    return write_gongwen(pack.title, blocks)
