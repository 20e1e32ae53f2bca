"""催办: which units still owe entries, and reminders by e-mail with escalation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from luoshi.core.models import Report, TaskUnit, Unit
from luoshi.rounds.models import EntryState, Profile, Reminder, Role
from luoshi.vocab import UnitRole


@dataclass
class Owing:
    unit: Unit
    missing: int  # entries the unit leads that are not submitted
    sent: int  # reminders already sent for this report
    last: Reminder | None = None  # the latest of them (level, when, by whom)


def overdue_units(report: Report) -> list[Owing]:
    """Lead units with entries still in draft or returned, most missing first (a sub-item
    answers to its parent's lead unit). A fixed number of queries."""
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
    units = Unit.objects.in_bulk(list(counts))
    # One query for both the count and the latest: a report has a handful of reminders per unit.
    sent: dict[int, int] = {}
    last: dict[int, Reminder] = {}
    for reminder in (Reminder.objects.filter(report=report, unit_id__in=list(counts))
                     .select_related("sent_by").order_by("sent_at", "id")):
        sent[reminder.unit_id] = sent.get(reminder.unit_id, 0) + 1
        last[reminder.unit_id] = reminder
    owing = [Owing(units[i], n, sent.get(i, 0), last.get(i)) for i, n in counts.items()]
    return sorted(owing, key=lambda o: (-o.missing, o.unit.name))


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


def send_reminders(report: Report, user=None, *, now=None,
                   unit: Unit | int | None = None) -> list[Reminder]:
    """E-mail the liaisons of every unit owing entries (or of ``unit`` only, if it owes any).
    The first message is a reminder; every later one a notice (催办通知), which also copies the
    supervisors. The CLI (sent_by empty) and the overdue pages (sent_by the user) both call this."""
    now = now or timezone.now()
    sent: list[Reminder] = []
    supervisors = [p.user.email for p in Profile.objects.filter(role=Role.SUPERVISOR)
                   .select_related("user") if p.user.email]
    unit_id = getattr(unit, "pk", unit)
    for owing in overdue_units(report):
        if unit_id is not None and owing.unit.pk != unit_id:
            continue
        liaisons = [p.user.email for p in owing.unit.liaisons.select_related("user")
                    if p.user.email and p.user.is_active]
        level = Reminder.Level.REMINDER if owing.sent == 0 else Reminder.Level.NOTICE
        recipients = liaisons + (supervisors if level == Reminder.Level.NOTICE else [])
        if not recipients:
            continue
        deadline = (timezone.localtime(report.deadline).strftime("%Y-%m-%d %H:%M")
                    if report.deadline else "尽快")
        label = Reminder.Level(level).label
        subject = f"【{label}】{report}:{owing.unit.name} 尚有 {owing.missing} 条未报送"
        body = (f"{owing.unit.name}:\n\n{report} 中由贵单位牵头的 {owing.missing} 项重点工作"
                f"尚未提交落实情况,截止时间 {deadline}。请尽快登录系统填报。\n")
        with transaction.atomic():
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
            sent.append(Reminder.objects.create(
                report=report, unit=owing.unit, level=level, recipients=recipients,
                missing=owing.missing, subject=subject, sent_by=user))
    return sent
