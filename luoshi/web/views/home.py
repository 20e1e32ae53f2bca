"""``/home/``: each role's first screen (luoshi.web.home says what each shows and why).

Signing in lands here. The public (and anyone without a role) is sent to the report list, which
is their home: published reports and the search."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from luoshi.core.ids import parse_id
from luoshi.rounds.models import Role
from luoshi.rounds.permissions import ADMIN, role_of
from luoshi.web import home
from luoshi.web.access import shown_assessments, visible_reports

CARD_LABELS = {"behind": _("滞后"), "at_risk": _("有风险"), "unfiled": _("未填报"),
               "overdue": _("逾期")}


def home_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect("report_list")
    role = role_of(user)
    reports = visible_reports(user)
    if role == Role.LEADER:
        chosen = request.GET.get("report", "")
        screen = home.leader_screen(reports, shown_assessments(user),
                                    parse_id(chosen))
        return render(request, "web/home_leader.html", {"screen": screen,
                                                        "card_labels": CARD_LABELS})
    if role == Role.LIAISON:
        rounds, pending = home.liaison_todo(user, reports)
        return render(request, "web/home_liaison.html", {"rounds": rounds, "pending": pending})
    if role in (Role.SUPERVISOR, ADMIN):
        return render(request, "web/home_office.html", home.office_screen(reports))
    return redirect("report_list")
