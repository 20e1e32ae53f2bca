"""The review of a round's entries: the lead unit submits, the office returns or approves.

Each step takes the acting user, asks :mod:`luoshi.rounds.permissions`, and moves the entry
between round states only from the states it names (else :class:`~.guards.RoundError`). An
entry is submitted only when it says something, its warnings are acknowledged and every co-unit
that could file has filed or the lead unit says why not; submitting and approving bump its
version in a guarded UPDATE, so a save that read it before lands on nothing. The round is
under review when every entry is handed in; the lead unit's liaisons are told of a return or
an approval.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from luoshi.core.models import Change, Progress, Report, TaskUnit
from luoshi.rounds.guards import (
    COMMENT_LIMIT,
    EDITABLE,
    RUNNING,
    SUBMIT_CONFLICT_MESSAGE,
    NeedsAcknowledgement,
    RoundError,
    _change,
    _conflict,
    _refusal,
    _require_running,
    _serial,
    entry_of,
    guarded,
)
from luoshi.rounds.models import (
    Contribution,
    EntryState,
    ReviewEvent,
    RoundEntry,
    RoundEntryNote,
)
from luoshi.rounds.permissions import Action, check
from luoshi.rounds.submission import submission_warnings
from luoshi.vocab import UnitRole


def _set_state(progress: Progress, from_states, to_state: str, user, **fields) -> RoundEntry:
    entry = entry_of(progress)
    hit = RoundEntry.objects.filter(pk=entry.pk, state__in=from_states).update(
        state=to_state, **fields)
    if not hit:
        entry.refresh_from_db()
        raise RoundError(f"该条目当前状态为「{entry.get_state_display()}」,不能进行此操作。")
    _change("round_entry", progress.pk, Change.Action.UPDATE, {"state": [entry.state, to_state]},
            user)
    entry.refresh_from_db()
    return entry


def _sync_report_state(report: Report) -> None:
    """A round is under review when every entry is submitted or approved."""
    if report.state not in RUNNING:
        return
    waiting = RoundEntry.objects.filter(progress__report=report, state__in=EDITABLE).exists()
    state = Report.State.OPEN if waiting else Report.State.REVIEW
    if report.state != state:
        Report.objects.filter(pk=report.pk, state__in=RUNNING).update(state=state)
        report.state = state


class NeedsCoReason(RoundError):
    """Co-units have not filed their contributions and the lead unit has not said why."""

    code = "needs_co_reason"

    def __init__(self, names: list[str]):
        super().__init__(f"配合单位 {'、'.join(names)} 尚未报送;如需先行提交,请填写未报送说明。")
        self.names = names


def missing_contributions(progress: Progress) -> list[str]:
    """Co-units of the entry's task that could file in the system (they have an active liaison
    account) and have not: the lead unit waits for them or says why. Co-units without an
    account send their part by other channels, which the lead unit folds in by hand."""
    top = progress.task.parent if progress.task.parent_id and not progress.task.task_units.exists() \
        else progress.task
    co = TaskUnit.objects.filter(task=top, role=UnitRole.CO,
                                 unit__liaisons__user__is_active=True).distinct()
    filed = set(Contribution.objects.filter(progress=progress).exclude(text="")
                .values_list("unit_id", flat=True))
    return [link.unit.name for link in co.select_related("unit").order_by("order")
            if link.unit_id not in filed]


def submit_entry(user, progress: Progress, acknowledge: bool = False,
                 version: int | None = None, co_reason: str = "") -> RoundEntry:
    """Hand the entry in as it stands (at ``version``, when given: else :class:`Conflict`).
    Refused if it was changed while being submitted or left the editable states; bumps the
    version."""
    check(user, Action.SUBMIT, progress)
    current = Progress.objects.select_related("report", "task", "updated_by").get(pk=progress.pk)
    if version is not None and current.version != version:
        raise _conflict(current, SUBMIT_CONFLICT_MESSAGE)
    _require_running(current.report)
    if entry_of(current).state not in EDITABLE:
        raise _refusal(current.pk)
    if not (current.done.strip() or current.problems.strip()):
        raise RoundError("完成情况为空,不能提交。")
    warnings = submission_warnings(current)
    if warnings and not acknowledge:
        raise NeedsAcknowledgement(warnings)
    missing = missing_contributions(current)
    co_reason = co_reason.strip()[:COMMENT_LIMIT]
    if missing and not co_reason:
        raise NeedsCoReason(missing)
    with transaction.atomic():
        if missing:
            RoundEntryNote.objects.update_or_create(
                progress=current, defaults={"text": co_reason, "missing": missing})
        if not guarded(current.pk, current.version, EDITABLE).update(
                version=F("version") + 1):
            raise _refusal(current.pk, SUBMIT_CONFLICT_MESSAGE)
        entry = _set_state(current, EDITABLE, EntryState.SUBMITTED, user, warnings=warnings,
                           acknowledged=bool(warnings), submitted_at=timezone.now(),
                           submitted_by=user, comment="")
        ReviewEvent.objects.create(progress=current, action=ReviewEvent.Action.SUBMIT,
                                   user=user, warnings=warnings, acknowledged=bool(warnings))
        _sync_report_state(current.report)
    progress.refresh_from_db()
    return entry


def _hold_running(report_id: int) -> None:
    """Take the report's row (PostgreSQL: its lock; SQLite: the transaction holds the database)
    while it is running, so a review and a publication cannot interleave."""
    if not Report.objects.filter(pk=report_id, state__in=RUNNING).update(
            updated_at=timezone.now()):
        raise RoundError("该落实情况表已发布,不能再修改。")


def return_entry(user, progress: Progress, comment: str) -> RoundEntry:
    check(user, Action.REVIEW, progress)
    _require_running(progress.report)
    comment = comment.strip()
    if not comment:
        raise RoundError("退回时请填写退回意见。")
    if len(comment) > COMMENT_LIMIT:
        raise RoundError(f"退回意见超过 {COMMENT_LIMIT} 字。")
    with transaction.atomic():
        _hold_running(progress.report_id)
        entry = _set_state(progress, [EntryState.SUBMITTED, EntryState.APPROVED],
                           EntryState.RETURNED, user, comment=comment)
        ReviewEvent.objects.create(progress=progress, action=ReviewEvent.Action.RETURN,
                                   user=user, comment=comment)
        _sync_report_state(progress.report)
        _tell_lead(progress, "returned", f"已退回:{_title(progress)}。退回意见:{comment}")
    return entry


def approve_entry(user, progress: Progress) -> RoundEntry:
    """Approve the entry as it stands (submitted); bumps the version."""
    check(user, Action.REVIEW, progress)
    current = Progress.objects.select_related("report").get(pk=progress.pk)
    _require_running(current.report)
    with transaction.atomic():
        _hold_running(current.report_id)
        if not guarded(current.pk, current.version, [EntryState.SUBMITTED]).update(
                version=F("version") + 1):
            raise _refusal(current.pk, states=[EntryState.SUBMITTED])
        entry = _set_state(current, [EntryState.SUBMITTED], EntryState.APPROVED, user)
        ReviewEvent.objects.create(progress=current, action=ReviewEvent.Action.APPROVE,
                                   user=user)
        _tell_lead(current, "approved", f"已审核通过:{_title(current)}")
    progress.refresh_from_db()
    return entry


def _title(progress: Progress) -> str:
    task = progress.task
    return f"{progress.report} {_serial(task)} {task.text[:30]}"


def _tell_lead(progress: Progress, kind: str, text: str) -> None:
    """Notify the liaisons of the entry's lead unit (inbox, e-mail with the entry's link)."""
    from django.urls import reverse

    from luoshi.rounds.notify import liaisons_of, notify

    task = progress.task
    top = task.parent if task.parent_id and not task.task_units.exists() else task
    leads = TaskUnit.objects.filter(task=top, role=UnitRole.LEAD).values_list("unit_id",
                                                                             flat=True)
    notify(liaisons_of(leads), kind, text, reverse("round_entry", args=[progress.pk]))
