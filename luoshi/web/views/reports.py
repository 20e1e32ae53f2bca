"""The list of reports and one report shown as its published table."""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from luoshi.web import pagecache
from luoshi.web.access import scope_key, shown_entries, visible_reports
from luoshi.web.tables import build_report_table


def report_list(request: HttpRequest) -> HttpResponse:
    """Every visible report, newest period first, with its number of tasks."""
    reports = (
        visible_reports(request.user)
        .select_related("plan__government", "period")
        # A task with sub-items has its entries on the sub-items: count each task once.
        .annotate(
            task_count=Count(
                Coalesce("progress__task__parent_id", "progress__task_id"), distinct=True
            )
        )
        .order_by("-period__year", "-period__month", "plan__government__name", "-pk")
    )
    return render(request, "web/report_list.html", {"reports": reports})


@pagecache.whole_page  # an anonymous reader's whole page
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One report: its publication metadata and its table in the published layout. Below the
    header the page depends on the data and the viewer's scope only: cached by the data
    version (luoshi.web.pagecache)."""
    key = f"report:{pk}:{scope_key(request.user)}"  # + the language (pagecache.cached)
    parts = pagecache.cached(key, lambda: _report_parts(request, pk))
    return render(request, "web/report_detail.html", {"parts": parts})


def _report_parts(request: HttpRequest, pk: int) -> dict[str, str]:
    report = get_object_or_404(
        visible_reports(request.user).select_related("plan__government", "period"), pk=pk
    )
    table = build_report_table(report, shown_entries(request.user, report))
    return pagecache.render_parts(request, "web/report_detail",
                                  {"report": report, "table": table})
