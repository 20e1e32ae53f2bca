"""Who may see what. Every page takes its querysets from here, so the role checks of issue 6
slot in at one place instead of in each view."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from luoshi.core.models import Plan, Report, Task
from luoshi.jobs.models import Job
from luoshi.rounds.models import Role
from luoshi.rounds.permissions import (
    ADMIN,
    READ_ALL,
    Action,
    liaison_tasks,
    may,
    readable_reports,
    role_of,
    shown_assessments,
    shown_entries,
    shown_progress,
    verdicts_visible,
)

__all__ = ["can_import", "public_reports", "scope_key", "shown_assessments", "shown_entries",
           "shown_progress", "verdicts_visible", "visible_index_rows", "visible_jobs",
           "visible_plans", "visible_reports", "visible_tasks"]


def visible_reports(user) -> QuerySet[Report]:
    """The reports ``user`` may read, by role (rules in luoshi.rounds.permissions)."""
    return readable_reports(user)


def visible_tasks(user) -> QuerySet[Task]:
    """The tasks ``user`` may read: those of a plan with at least one visible report. Asked
    per row (EXISTS on the row's plan's reports): a page reads a few tasks, and the database
    then looks at their plans' reports by index instead of first listing every visible report
    and every plan that has one (100 000 tasks: 0.09 ms against 0.28 ms a task page)."""
    return Task.objects.filter(Exists(visible_reports(user).filter(plan_id=OuterRef("plan_id"))))


def visible_plans(user) -> QuerySet[Plan]:
    """The plans ``user`` may read: those with at least one visible report."""
    return Plan.objects.filter(pk__in=visible_reports(user).values("plan_id"))


def visible_index_rows(user) -> Q | None:
    """The search/listing index rows (``TaskEntry``) the user may list: the tasks' own rows
    (of visible plans, restricted by the caller) and the rows of visible reports; a liaison
    only their own tasks' rows of a running round. None: every row (the office, leaders)."""
    role = role_of(user)
    if role in READ_ALL:
        return None
    rows = Q(report__isnull=True) | Q(report__in=readable_reports(user).values("pk"))
    if role == Role.LIAISON:
        rows &= (Q(report__isnull=True) | Q(report__state=Report.State.PUBLISHED)
                 | Q(task__in=liaison_tasks(user).values("pk")))
    return rows


def scope_key(user) -> str:
    """A name for what ``user`` may see: two users with the same key see the same reports,
    plans, entries and statuses, so a fragment built for one may be served to the other (the
    caches of luoshi.web.pagecache). The rules depend on the role alone, except for a
    liaison, whose tasks are those of their own units."""
    role = role_of(user)
    return f"{role}-{user.pk}" if role == Role.LIAISON else str(role)


def public_reports() -> QuerySet[Report]:
    """Reports anyone may read without logging in: the published ones, and only those."""
    return Report.objects.filter(state=Report.State.PUBLISHED)


def can_import(user) -> bool:
    """Who may upload tables: the supervision office (督查室) and admins — by role, not by
    Django's staff flag (rules in luoshi.rounds.permissions)."""
    return may(user, Action.IMPORT)


def visible_jobs(user) -> QuerySet[Job]:
    """The background jobs (web imports) ``user`` may see: none unless they may import; the
    office and admins see every job (to help and to watch the queue), anyone else who may
    import (no such role today) only their own."""
    if not can_import(user):
        return Job.objects.none()
    if role_of(user) in {ADMIN, Role.SUPERVISOR}:
        return Job.objects.all()
    return Job.objects.filter(submitter=user)


def can_correct(user, report: Report | None = None) -> bool:
    """Who may correct a derived verdict (status, target, measurement): the office and admins
    (rules in luoshi.rounds.permissions)."""
    return may(user, Action.CORRECT, report)
