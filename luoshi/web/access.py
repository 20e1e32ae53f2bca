"""Who may see what. Every page takes its querysets from here, so the role checks of issue 6
slot in at one place instead of in each view."""

from __future__ import annotations

from django.db.models import QuerySet

from luoshi.core.models import Plan, Report, Task


def visible_reports(user) -> QuerySet[Report]:
    """The reports ``user`` may read. For now every report is visible to everyone."""
    return Report.objects.all()


def visible_tasks(user) -> QuerySet[Task]:
    """The tasks ``user`` may read: those of a plan with at least one visible report."""
    plans = Plan.objects.filter(reports__in=visible_reports(user)).values("pk")
    return Task.objects.filter(plan__in=plans)
