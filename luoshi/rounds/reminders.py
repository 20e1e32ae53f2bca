"""催办: which units still owe entries or co-unit contributions, and reminders (inbox and
e-mail) with escalation 提醒 → 催办 → 通报, sent by hand or on schedule (``luoshi remind --due``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from luoshi.core.models import Report, TaskUnit, Unit
from luoshi.rounds.models import Contribution, EntryState, Reminder
from luoshi.vocab import UnitRole

EDITABLE = (EntryState.DRAFT, EntryState.RETURNED)


@dataclass
class Owing:
    unit: Unit
    missing: int  # entries the unit leads that are not submitted
    sent: int  # reminders already sent for this report
    last: Reminder | None = None  # the latest of them (level, when, by whom)
    contributions: int = 0  # co-unit contributions it owes to entries not yet submitted


def _waiting_contributions(report: Report) -> dict[int, int]:
    """Co-unit → entries not yet submitted for which it has filed no contribution."""
    waiting = list(report.progress.filter(round_entry__state__in=EDITABLE)
                   .values_list("pk", "task_id", "task__parent_id"))
    task_ids = {t for _, a, b in waiting for t in (a, b) if t}
    co: dict[int, list[int]] = {}
    for task_id, unit_id in TaskUnit.objects.filter(task_id__in=task_ids, role=UnitRole.CO) \
            .values_list("task_id", "unit_id"):
        co.setdefault(task_id, []).append(unit_id)
    filed = set(Contribution.objects.filter(progress__report=report).exclude(text="")
                .values_list("progress_id", "unit_id"))
    counts: dict[int, int] = {}
    for pk, task_id, parent_id in waiting:
        for unit_id in co.get(task_id) or co.get(parent_id) or []:
            if (pk, unit_id) not in filed:
                counts[unit_id] = counts.get(unit_id, 0) + 1
    return counts


def overdue_units(report: Report) -> list[Owing]:
    """Lead units with entries still in draft or returned (a sub-item answers to its parent's
    lead unit), and co-units whose contribution to such an entry is missing; most missing
    first. A fixed number of queries."""
    waiting = list(report.progress.filter(
        round_entry__state__in=[EntryState.DRAFT, EntryState.RETURNED],
    ).values_list("task_id", "task__parent_id"))
    task_ids = {t for pair in waiting for t in pair if t}
    lead = dict(TaskUnit.objects.filter(task_id__in=task_ids, role=UnitRole.LEAD)
                .order_by("-order").values_list("task_id", "unit_id"))
    counts: dict[int, int] = {}
    for task_id, parent_id in waiting:
        unit_id = lead.get(task_id) or lead.get(parent_id)
        if unit_id is not None:
            counts[unit_id] = counts.get(unit_id, 0) + 1
    owed = _waiting_contributions(report)
    ids = set(counts) | set(owed)
    units = Unit.objects.in_bulk(list(ids))
    # One query for both the count and the latest: a report has a handful of reminders per unit.
    sent: dict[int, int] = {}
    last: dict[int, Reminder] = {}
    for reminder in (Reminder.objects.filter(report=report, unit_id__in=list(ids))
                     .select_related("sent_by").order_by("sent_at", "id")):
        sent[reminder.unit_id] = sent.get(reminder.unit_id, 0) + 1
        last[reminder.unit_id] = reminder
    owing = [Owing(units[i], counts.get(i, 0), sent.get(i, 0), last.get(i), owed.get(i, 0))
             for i in ids]
    return sorted(owing, key=lambda o: (-o.missing, -o.contributions, o.unit.name))


@dataclass
class RunningReport:
    report: Report
    owing: list[Owing]
    overdue: bool  # the deadline has passed

    @property
    def missing(self) -> int:
        return sum(o.missing for o in self.owing)


def running_reports(reports, *, now=None) -> list[RunningReport]:
    """Every running report with the units owing entries; past their deadline first."""
    now = now or timezone.now()
    out = [RunningReport(r, overdue_units(r), bool(r.deadline and r.deadline < now))
           for r in reports]
    far = now + timedelta(days=36500)
    return sorted(out, key=lambda r: (not r.overdue, r.report.deadline or far, r.report.pk))


@dataclass
class Unreachable:
    unit: Unit
    reason: str


@dataclass
class ReminderResult:
    sent: list[Reminder]
    unreachable: list[Unreachable]

    def __iter__(self):  # callers that only want the reminders sent
        return iter(self.sent)

    def __len__(self) -> int:
        return len(self.sent)


def send_reminders(report: Report, user=None, *, now=None, unit: Unit | int | None = None,
                   level: int | None = None) -> ReminderResult:
    """Remind every unit owing entries or contributions (or ``unit`` only): an inbox notice to
    each of its liaisons, and e-mail with a link to those with an address. ``level`` (提醒,
    催办, 通报) by default escalates: the first reminder of a unit for a report is 提醒, later
    ones 催办 (copied to the office); 通报 copies the office and leaders. Units that cannot be
    reached (no active liaison account) are listed with the reason instead. The CLI (sent_by
    empty) and the overdue pages (sent_by the user) both call this."""
    from luoshi.rounds.notify import leaders, liaisons_of, notify, office_users

    sent: list[Reminder] = []
    unreachable: list[Unreachable] = []
    unit_id = getattr(unit, "pk", unit)
    url = reverse("round_home")
    for owing in overdue_units(report):
        if unit_id is not None and owing.unit.pk != unit_id:
            continue
        people = liaisons_of([owing.unit.pk])
        if not people:
            unreachable.append(Unreachable(owing.unit, "没有联络员账号"))
            continue
        this_level = level or (Reminder.Level.REMINDER if owing.sent == 0
                               else Reminder.Level.NOTICE)
        copies = []
        if this_level >= Reminder.Level.NOTICE:
            copies += office_users()
        if this_level >= Reminder.Level.BULLETIN:
            copies += leaders()
        deadline = (timezone.localtime(report.deadline).strftime("%Y-%m-%d %H:%M")
                    if report.deadline else "尽快")
        label = Reminder.Level(this_level).label
        parts = []
        if owing.missing:
            parts.append(f"{owing.missing} 条未报送")
        if owing.contributions:
            parts.append(f"{owing.contributions} 条配合报送未填")
        what = "、".join(parts)
        subject = f"【{label}】{report}:{owing.unit.name} 尚有 {what}"
        body = (f"{owing.unit.name}:\n\n{report} 中贵单位尚有 {what},截止时间 {deadline}。"
                "请尽快登录系统填报。")
        emails = [u.email for u in people + copies if u.email]
        with transaction.atomic():
            notices = notify(people, "reminded", subject, url, subject=subject, body=body,
                             extra_emails=[u.email for u in copies if u.email])
            sent.append(Reminder.objects.create(
                report=report, unit=owing.unit, level=this_level, recipients=emails,
                missing=owing.missing, contributions=owing.contributions, subject=subject,
                sent_by=user, notified=len(notices)))
    return ReminderResult(sent, unreachable)


def due_level(report: Report, now, *, before_days: int, after_days: int,
              bulletin_days: int) -> int | None:
    """Which reminder a round is due for now: 提醒 from ``before_days`` before its deadline,
    催办 from ``after_days`` after it, 通报 from ``bulletin_days`` after it; None before that
    (or with no deadline)."""
    if report.deadline is None:
        return None
    if now >= report.deadline + timedelta(days=bulletin_days):
        return Reminder.Level.BULLETIN
    if now >= report.deadline + timedelta(days=after_days):
        return Reminder.Level.NOTICE
    if now >= report.deadline - timedelta(days=before_days):
        return Reminder.Level.REMINDER
    return None


def send_due(report: Report, now=None, *, before_days: int = 3, after_days: int = 0,
             bulletin_days: int = 3) -> ReminderResult:
    """The scheduled reminders (``luoshi remind --due``): each unit owing something gets the
    level the round is due for, once (a unit already sent that level or a higher one for this
    report is skipped)."""
    now = now or timezone.now()
    level = due_level(report, now, before_days=before_days, after_days=after_days,
                      bulletin_days=bulletin_days)
    result = ReminderResult([], [])
    if level is None:
        return result
    reached = {u for u, lv in Reminder.objects.filter(report=report)
               .values_list("unit_id", "level") if lv >= level}
    for owing in overdue_units(report):
        if owing.unit.pk in reached:
            continue
        one = send_reminders(report, None, now=now, unit=owing.unit, level=level)
        result.sent += one.sent
        result.unreachable += one.unreachable
    return result
