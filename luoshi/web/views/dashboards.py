"""One report's dashboard: figures per lead unit, empty and vague entries, change against the
previous period. Filters (units shown, measure, period compared with) are in the URL."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from luoshi.web import dashboard as figures
from luoshi.web.access import visible_reports


def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    reports = visible_reports(request.user)
    report = get_object_or_404(reports.select_related("plan__government", "period"), pk=pk)
    limit_key = request.GET.get("units", "20")
    limit_key = limit_key if limit_key in figures.UNIT_LIMITS else "20"
    measure = request.GET.get("measure", "tasks")
    measure = measure if measure in figures.MEASURES else "tasks"
    others = reports.filter(plan_id=report.plan_id).exclude(pk=report.pk).select_related("period")
    compare_id = request.GET.get("compare", "")
    if compare_id.isdigit():
        previous = others.filter(pk=int(compare_id)).first()
    else:
        previous = figures.previous_report(report, reports)
    current = figures.totals(report)
    units = figures.by_unit(report, limit=figures.UNIT_LIMITS[limit_key], measure=measure)
    comparison = figures.compare(report, previous) if previous is not None else None
    context = {
        "report": report,
        "totals": current,
        "units": units,
        "comparison": comparison,
        "deltas": {name: comparison.delta(current, name) for name in ("tasks", "empty", "vague")}
        if comparison else {},
        "others": others.order_by("-period__year", "-period__month"),
        "limit_key": limit_key,
        "measure": measure,
        "limits": [("10", "前 10 个"), ("20", "前 20 个"), ("all", "全部")],
        "measures": list(figures.MEASURES.items()),
        "chart_data": figures.chart_data(report, current, units, comparison),
    }
    return render(request, "web/dashboard.html", context)
