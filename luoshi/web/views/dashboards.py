"""One report's dashboard: figures per lead unit, empty and vague entries, change against the
previous period. Filters (units shown, measure, period compared with) are in the URL."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from luoshi.core.ids import parse_id
from luoshi.core.services.summary import compare_reports, status_summary
from luoshi.vocab import Status
from luoshi.web import dashboard as figures
from luoshi.web.access import shown_assessments, visible_reports
from luoshi.web.evidence import evidence_snippets
from luoshi.web.statuses import shown_status

FLAG_FILTERS = {"all": ("behind", "not_started", "at_risk"), "behind": ("behind", "not_started"),
                "at_risk": ("at_risk",)}


def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    reports = visible_reports(request.user)
    report = get_object_or_404(reports.select_related("plan__government", "period"), pk=pk)
    limit_key = request.GET.get("units", "20")
    limit_key = limit_key if limit_key in figures.UNIT_LIMITS else "20"
    measure = request.GET.get("measure", "tasks")
    measure = measure if measure in figures.MEASURES else "tasks"
    others = reports.filter(plan_id=report.plan_id).exclude(pk=report.pk).select_related("period")
    compare_id = request.GET.get("compare", "")
    if (chosen := parse_id(compare_id)) is not None:
        previous = others.filter(pk=chosen).first()
    else:
        previous = figures.previous_report(report, reports)
    current = figures.totals(report)
    units = figures.by_unit(report, limit=figures.UNIT_LIMITS[limit_key], measure=measure)
    comparison = figures.compare(report, previous) if previous is not None else None
    limit = figures.UNIT_LIMITS[limit_key]
    shown = shown_assessments(request.user)
    summary = status_summary(report, shown)
    flag = request.GET.get("flag", "all")
    flag = flag if flag in FLAG_FILTERS else "all"
    flagged = [f for f in summary["flagged"] if f["status"] in FLAG_FILTERS[flag]]
    for f, snippets in zip(flagged, evidence_snippets([f["evidence"] for f in flagged]),
                           strict=True):
        f["snippets"] = snippets
    status_change = compare_reports(report, previous, shown) if previous and summary["total"] else None
    context = {
        "report": report,
        # A running round: entries not filed are 未填报, a category of their own.
        "unfiled": figures.unfiled(report),
        "totals": current,
        "units": units,
        "comparison": comparison,
        "deltas": {name: comparison.delta(current, name) for name in ("tasks", "empty", "vague")}
        if comparison else {},
        "others": others.order_by("-period__year", "-period__month"),
        "limit_key": limit_key,
        "measure": measure,
        "limits": [("10", _("前 10 个")), ("20", _("前 20 个")), ("all", _("全部"))],
        "measures": list(figures.MEASURES.items()),
        "summary": summary,
        "status_rows": [(s.value, shown_status(s.value), summary["by_status"][s.value],
                         status_change["by_status_delta"][s.value] if status_change else None)
                        for s in Status],
        "status_change": status_change,
        "flagged": flagged,
        "flag": flag,
        "flags": [("all", _("滞后和有风险")), ("behind", _("仅滞后")), ("at_risk", _("仅有风险"))],
        "chart_data": figures.chart_data(
            report, current, units, comparison, summary, limit,
            status_change["by_status_delta"] if status_change else None),
    }
    # The lead unit × status chart's numbers as a table (its alternative for a screen reader
    # and for anyone who wants the figures): one row per unit, one column per status.
    chart = context["chart_data"].get("status_units")
    context["status_unit_table"] = chart and {
        "statuses": [(s["key"], s["name"]) for s in chart["series"]],
        "rows": [(name, [s["values"][i] for s in chart["series"]])
                 for i, name in enumerate(chart["names"])]}
    return render(request, "web/dashboard.html", context)
