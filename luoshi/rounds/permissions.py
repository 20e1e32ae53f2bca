"""Who may do what: the one place every page and API operation asks.

Two questions, asked in this order:

* ``can_see(user, obj)`` — may the user know the object exists? If not, callers answer 404.
* ``may(user, action, obj)`` — may the user do ``action`` to it? If not, callers answer 403.

Role rules only; whether the round's *state* allows an action (a published report is frozen, an
approved entry is no longer edited) is decided by :mod:`luoshi.rounds.services`, which refuses
with a :class:`~luoshi.rounds.services.RoundError` naming the reason.
"""

from __future__ import annotations

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from luoshi.core.models import Assessment, Plan, Progress, Report, Task, TaskUnit
from luoshi.rounds.models import EntryState, Role
from luoshi.vocab import UnitRole

ADMIN = "admin"
PUBLIC = "public"
# Roles that read every report in every state.
READ_ALL = {ADMIN, Role.SUPERVISOR, Role.LEADER}


class Action(StrEnum):
    READ = "read"  # a report, task or entry
    OPEN_ROUND = "open_round"  # a plan: open a report for a period
    EXTEND = "extend"  # a report: move the round's deadline later, for everyone
    EDIT_TASK = "edit_task"  # a task: text, units, deadline, close (销号)/reopen, milestones
    REQUEST_CHANGE = "request_change"  # a task: 延期/调整申请 (a unit on the task, or the office)
    DECIDE = "decide"  # a change request: approve or reject (the office)
    MERGE_UNITS = "merge_units"  # units: merge one into another (the office)
    # A progress entry: done / problems / next steps, reported values. The lead unit's liaison,
    # or the office on the unit's behalf (units often send their text by other channels).
    EDIT_ENTRY = "edit_entry"
    CONTRIBUTE = "contribute"  # a progress entry: a co-unit's contribution (admin: any co-unit)
    SUBMIT = "submit"  # a progress entry (lead unit, or the office on its behalf)
    REVIEW = "review"  # a progress entry: approve or return (supervisor)
    PUBLISH = "publish"  # a report (supervisor)
    OVERDUE = "overdue"  # the overdue view of a report
    REMIND = "remind"  # send reminders for a report
    HISTORY = "history"  # versions of an entry
    IMPORT = "import"  # upload published tables
    # A report's internal documents: the bulletin's draft, the stocktake pack, the league table.
    BULLETIN = "bulletin"
    EDIT_BULLETIN = "edit_bulletin"  # the bulletin's wording and printing, the league weights
    # Correct a derived verdict (status, target, measurement) of a report or task: the office.
    CORRECT = "correct"
    # Read the derived verdicts (statuses with evidence) of a report through the API.
    READ_VERDICTS = "read_verdicts"


def role_of(user) -> str:
    """``admin`` (superuser), a :class:`Role` value, or ``public`` (anonymous or no role)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return PUBLIC
    if user.is_superuser:
        return ADMIN
    profile = getattr(user, "luoshi_profile", None)
    return profile.role if profile is not None else PUBLIC


def unit_ids(user) -> set[int]:
    """The units a liaison is bound to (empty for every other role)."""
    if role_of(user) != Role.LIAISON:
        return set()
    cache = getattr(user, "_luoshi_unit_ids", None)
    if cache is None:
        cache = set(user.luoshi_profile.units.values_list("pk", flat=True))
        user._luoshi_unit_ids = cache
    return cache


def rule_inputs(user) -> tuple:
    """Everything the querysets of this module read about ``user``: the role and, for a
    liaison, its units (written into the statements as values). Two users with the same inputs
    get the same statements, so a statement compiled for one serves the other
    (luoshi.web.prepared). A rule that comes to read anything else about the user (or the
    clock) must add it here."""
    role = role_of(user)
    return (str(role), tuple(sorted(unit_ids(user)))) if role == Role.LIAISON else (str(role),)


def _units_task(task: Task) -> Task:
    """Sub-items carry no units of their own: their parent's units answer for them."""
    return task.parent if task.parent_id and not task.task_units.exists() else task


def contributing_units(user, task: Task) -> set[int]:
    """The co-units of ``task`` the user may write a contribution for: a liaison's own; every
    co-unit for an admin."""
    links = TaskUnit.objects.filter(task=_units_task(task), role=UnitRole.CO)
    if role_of(user) != ADMIN:
        links = links.filter(unit__in=unit_ids(user))
    return set(links.values_list("unit_id", flat=True))


def on_behalf(user, task: Task) -> bool:
    """Whether the user writes the task's entry for its lead unit rather than as its liaison."""
    return UnitRole.LEAD not in task_roles(user, task)


def task_roles(user, task: Task) -> set[str]:
    """The user's unit roles (lead, co) on ``task``."""
    mine = unit_ids(user)
    if not mine:
        return set()
    links = TaskUnit.objects.filter(task=_units_task(task), unit__in=mine)
    return {str(role) for role in links.values_list("role", flat=True)}


def liaison_tasks(user) -> QuerySet[Task]:
    """Tasks (and their sub-items) with one of the liaison's units among their units."""
    mine = unit_ids(user)
    return Task.objects.filter(
        Q(task_units__unit__in=mine) | Q(parent__task_units__unit__in=mine)
    ).distinct()


def lead_tasks(user) -> QuerySet[Task]:
    """Tasks a liaison's unit leads: the entries whose unfiled text is its own. A sub-item with
    units of its own answers to its own lead unit, one without to its parent's (as
    :func:`task_roles`)."""
    mine = unit_ids(user)
    lead = UnitRole.LEAD
    return Task.objects.filter(
        Q(task_units__unit__in=mine, task_units__role=lead)
        | Q(task_units__isnull=True, parent__task_units__unit__in=mine,
            parent__task_units__role=lead)
    ).distinct()


# -- what has been filed --------------------------------------------------------------------
#
# An entry's text is *filed* when its unit handed it in: submitted or approved in a round, or
# any entry of a published report, or an entry that never was in a round (imported tables).
# Everything else (a draft, an entry returned and being rewritten) is 未填报: only its own
# unit — the task's lead unit, which writes it — (and the office, which may write on its
# behalf) reads it, on the round's own pages; tables, lists, search, dashboards, statuses and
# exports treat it as not filed. A co-unit is not the entry's own unit: it files its own
# contribution beside the entry (see :func:`contributes_only`) and reads the lead unit's text
# once it is filed, as leaders do.
FILED_STATES = (EntryState.SUBMITTED, EntryState.APPROVED)


def filed_q(prefix: str = "") -> Q:
    """Condition on Progress (or, with ``prefix`` like ``"progress__"``, on a relation to it)."""
    return (Q(**{f"{prefix}report__state": Report.State.PUBLISHED})
            | Q(**{f"{prefix}round_entry__isnull": True})
            | Q(**{f"{prefix}round_entry__state__in": FILED_STATES}))


def filed_progress() -> QuerySet[Progress]:
    return Progress.objects.filter(filed_q())


def _unfiled_in_family() -> Exists:
    """For an Assessment (or TaskEntry) row: an entry of its task or sub-items in its report
    that is not filed."""
    return Exists(Progress.objects.filter(report_id=OuterRef("report_id")).filter(
        Q(task_id=OuterRef("task_id")) | Q(task__parent_id=OuterRef("task_id"))
    ).exclude(filed_q()))


def filed_assessments() -> QuerySet[Assessment]:
    """Statuses of tasks whose every entry in the report is filed (or of published reports)."""
    return Assessment.objects.filter(Q(report__state=Report.State.PUBLISHED)
                                     | ~_unfiled_in_family())


def verdicts_public_q(prefix: str = "") -> Q:
    """The report is published and the office published its statuses with it."""
    return Q(**{f"{prefix}state": Report.State.PUBLISHED, f"{prefix}verdicts_public": True})


def readable_reports(user) -> QuerySet[Report]:
    role = role_of(user)
    if role in READ_ALL:
        return Report.objects.all()
    published = Q(state=Report.State.PUBLISHED)
    if role == Role.LIAISON:
        running = Report.objects.filter(
            state__in=[Report.State.OPEN, Report.State.REVIEW],
            progress__task__in=liaison_tasks(user).values("pk"),
        ).values("pk")
        return Report.objects.filter(published | Q(pk__in=running))
    return Report.objects.filter(published)


def readable_entries(user, report: Report) -> QuerySet[Progress]:
    """The entries of ``report`` the user may read: a liaison a running round's entries of the
    tasks their units lead (drafts included) and the filed ones of the tasks their units
    co-work; a leader what has been filed; the office every entry (it writes on a unit's
    behalf); published tables are read in full. Nothing if the report is hidden
    (readable_progress asks which reports are readable)."""
    return readable_progress(user).filter(report=report)


def shown_entries(user, report: Report) -> QuerySet[Progress]:
    """The entries of ``report`` shown in its table, lists and exports: readable and filed
    (a draft is 未填报 there, even to its own unit and the office)."""
    return readable_entries(user, report).filter(filed_q())


def contributes_only(user, progress: Progress) -> bool:
    """Whether the user opens ``progress`` only to file a co-unit's contribution: a co-unit's
    liaison while the lead unit's entry of a running round is unfiled (a draft, or returned
    and being rewritten). They see the task, the round's deadline and their own units'
    contributions; nothing of the lead unit's text, figures, files, history or state."""
    return (role_of(user) == Role.LIAISON
            and progress.report.state in (Report.State.OPEN, Report.State.REVIEW)
            and UnitRole.CO in task_roles(user, progress.task)
            and not can_see(user, progress))


def reads_drafts(user, progress: Progress) -> bool:
    """Whether the user reads the entry's unfiled text, now and in its history (what was saved
    between the round's opening or a return and the next submission): the office and the lead
    unit's liaison. Everyone else who reads the entry reads it as it was when filed."""
    return (role_of(user) in {ADMIN, Role.SUPERVISOR}
            or (role_of(user) == Role.LIAISON
                and UnitRole.LEAD in task_roles(user, progress.task)))


def knows_entry(user, progress: Progress) -> bool:
    """Whether the user may know the entry exists (else 404): they read it, or file a
    contribution to it."""
    return can_see(user, progress) or contributes_only(user, progress)


def can_see(user, obj) -> bool:
    """For an entry: may the user read its text, figures, files, state and history."""
    if isinstance(obj, Report):
        return readable_reports(user).filter(pk=obj.pk).exists()
    if isinstance(obj, Progress):
        return readable_progress(user).filter(pk=obj.pk).exists()
    if isinstance(obj, Plan):
        return role_of(user) in READ_ALL or readable_reports(user).filter(plan=obj).exists()
    if isinstance(obj, Task):
        return role_of(user) in READ_ALL or readable_reports(user).filter(plan=obj.plan_id).exists()
    raise TypeError(f"can_see: unknown object {type(obj).__name__}")


def may(user, action: Action | str, obj=None) -> bool:
    """Whether the user's role allows ``action`` on ``obj`` (which they can see)."""
    role = role_of(user)
    action = Action(action)
    if action == Action.READ:
        return obj is None or can_see(user, obj)
    if action == Action.CONTRIBUTE:
        # Before the read check: a co-unit files its part to a draft it may not read.
        return isinstance(obj, Progress) and knows_entry(user, obj) and (
            role == ADMIN or UnitRole.CO in task_roles(user, obj.task))
    if obj is not None and not can_see(user, obj):
        return False
    supervising = role in {ADMIN, Role.SUPERVISOR}
    if action in {Action.OPEN_ROUND, Action.EXTEND, Action.REVIEW, Action.PUBLISH, Action.REMIND,
                  Action.IMPORT, Action.EDIT_TASK, Action.DECIDE, Action.MERGE_UNITS,
                  Action.CORRECT}:
        return supervising
    if action == Action.REQUEST_CHANGE:
        return isinstance(obj, Task) and (supervising or bool(task_roles(user, obj)))
    if action == Action.READ_VERDICTS:
        return role in READ_ALL
    if action == Action.OVERDUE:
        return role in READ_ALL
    if action == Action.HISTORY:
        return role != PUBLIC
    if action in {Action.EDIT_ENTRY, Action.SUBMIT}:
        return isinstance(obj, Progress) and (
            supervising or UnitRole.LEAD in task_roles(user, obj.task))
    if action == Action.BULLETIN:
        return role in READ_ALL
    if action == Action.EDIT_BULLETIN:
        return supervising
    return False


def check(user, action: Action | str, obj=None) -> None:
    """Raise 404 for what the user may not know exists, 403 for what they may not do. A
    co-unit's liaison knows of an entry it contributes to (403 for what it may not do there)."""
    if obj is not None and not (knows_entry(user, obj) if isinstance(obj, Progress)
                                else can_see(user, obj)):
        raise Http404("不存在或无权查看")
    if not may(user, action, obj):
        raise PermissionDenied("无权进行此操作")


def readable_progress(user) -> QuerySet[Progress]:
    """Every entry the user may read, across reports (entry pages, the API's list, history,
    files): published reports' entries for everyone; in a running round a liaison's entries
    of the tasks their units lead (drafts too) and the filed ones of the tasks they co-work,
    a leader's filed ones, every one for the office."""
    role = role_of(user)
    entries = Progress.objects.filter(report__in=readable_reports(user).values("pk"))
    if role == Role.LIAISON:
        return entries.filter(Q(report__state=Report.State.PUBLISHED)
                              | Q(task__in=lead_tasks(user).values("pk"))
                              | (Q(task__in=liaison_tasks(user).values("pk")) & filed_q()))
    if role in {ADMIN, Role.SUPERVISOR}:
        return entries
    return entries.filter(filed_q())


def shown_progress(user) -> QuerySet[Progress]:
    """Entries whose text may appear in tables, lists, search snippets, CSV and exports."""
    return readable_progress(user).filter(filed_q())


def shown_assessments(user) -> QuerySet[Assessment]:
    """Statuses (internal verdicts) the user may see: the public only those the office
    published with a published report; others those of reports they read, and in a running
    round only for tasks whose every entry is filed (a draft is 未填报, never a status); a
    liaison only for their own tasks in a running round."""
    role = role_of(user)
    rows = Assessment.objects.filter(report__in=readable_reports(user).values("pk"))
    if role == PUBLIC:
        return rows.filter(verdicts_public_q("report__"))
    rows = rows.filter(pk__in=filed_assessments().values("pk"))
    if role == Role.LIAISON:
        rows = rows.filter(Q(report__state=Report.State.PUBLISHED)
                           | Q(task__in=liaison_tasks(user).values("pk")))
    return rows


def verdicts_visible(user, report: Report) -> bool:
    """Whether the user may see statuses of ``report`` at all (see :func:`shown_assessments`)."""
    if role_of(user) == PUBLIC:
        return report.is_published and report.verdicts_public
    return can_see(user, report)


def readable_plans(user) -> QuerySet[Plan]:
    if role_of(user) in READ_ALL:
        return Plan.objects.all()
    return Plan.objects.filter(pk__in=readable_reports(user).values("plan_id"))


def readable_tasks(user) -> QuerySet[Task]:
    return Task.objects.filter(plan__in=readable_plans(user).values("pk"))


def readable_requests(user):
    """延期/调整申请 the user may read: the office and leaders all; a liaison their units'."""
    from luoshi.rounds.models import ChangeRequest

    role = role_of(user)
    if role in READ_ALL:
        return ChangeRequest.objects.all()
    if role == Role.LIAISON:
        return ChangeRequest.objects.filter(unit__in=unit_ids(user))
    return ChangeRequest.objects.none()
