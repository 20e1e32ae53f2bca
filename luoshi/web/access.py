"""Who may see what. Every page takes its querysets from here, so the role checks of issue 6
slot in at one place instead of in each view."""

from __future__ import annotations

from django.db.models import QuerySet

from luoshi.core.models import Plan, Report, Task
from luoshi.rounds.permissions import Action, may, readable_reports


def visible_reports(user) -> QuerySet[Report]:
    """The reports ``user`` may read, by role (rules in luoshi.rounds.permissions)."""
    return readable_reports(user)


def visible_tasks(user) -> QuerySet[Task]:
    """The tasks ``user`` may read: those of a plan with at least one visible report."""
    plans = Plan.objects.filter(reports__in=visible_reports(user)).values("pk")
    return Task.objects.filter(plan__in=plans)


def visible_plans(user) -> QuerySet[Plan]:
    """The plans ``user`` may read: those with at least one visible report."""
    return Plan.objects.filter(pk__in=visible_reports(user).values("plan_id"))


def public_reports() -> QuerySet[Report]:
    """Reports anyone may read without logging in: the published ones, and only those."""
    return Report.objects.filter(state=Report.State.PUBLISHED)


def can_import(user) -> bool:
    """Who may upload tables: the supervision office (督查室) and admins — by role, not by
    Django's staff flag (rules in luoshi.rounds.permissions)."""
    return may(user, Action.IMPORT)


def can_correct(user, report: Report | None = None) -> bool:
    """Who may correct a derived verdict (status, target, measurement): the office and admins
    (rules in luoshi.rounds.permissions)."""
    return may(user, Action.CORRECT, report)
