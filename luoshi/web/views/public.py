"""Government-information-disclosure pages: published reports only, no login needed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from luoshi.web.access import public_reports, shown_entries
from luoshi.web.tables import build_report_table


def public_report_list(request: HttpRequest) -> HttpResponse:
    reports = public_reports().select_related("plan__government", "period").order_by(
        "-period__year", "-period__month", "plan__government__name", "-pk")
    return render(request, "web/public_list.html", {"reports": reports})


def public_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The published table in its official layout; any other state is not found (404)."""
    report = get_object_or_404(
        public_reports().select_related("plan__government", "period"), pk=pk)
    table = build_report_table(report, shown_entries(request.user, report))
    return render(request, "web/public_report.html", {"report": report, "table": table})
