"""Demo people and a half-filled reporting round, for ``luoshi demo`` (issue 6).

Everything goes through :mod:`luoshi.rounds.accounts` and :mod:`luoshi.rounds.services` as the
people themselves would: liaisons save and submit, the office returns and approves. So the demo
round is exactly what a supervisor would see on the first day after a real round opened.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from luoshi.core.models import Period, Plan, Progress, Report, TaskUnit, Unit
from luoshi.rounds import services
from luoshi.rounds.accounts import add_user
from luoshi.rounds.models import Role
from luoshi.rounds.permissions import ADMIN
from luoshi.rounds.submission import task_targets
from luoshi.vocab import PeriodKind, UnitRole

# The round the demo opens: the next period of one of the demo plans (luoshi.cli.demo.DEMO_SET
# loads its 一季度, 半年度 and 前三季度 tables).
ROUND_GOVERNMENT = "安澜市"
ROUND_YEAR = 2024
ROUND_KIND = PeriodKind.ANNUAL
DEADLINE_DAYS = 7
LIAISONS = 3
RETURN_COMMENT = "请补充全年完成的具体数据,并说明下一步安排。"


@dataclass
class DemoLogin:
    username: str
    role: str  # admin or a Role value
    label: str  # shown on the console: 管理员, 督查室, 领导, 单位联络员
    units: list[str] = field(default_factory=list)


@dataclass
class DemoResult:
    password: str
    logins: list[DemoLogin]
    report: Report | None  # None when the demo plan is missing or its round already exists
    states: dict[str, int] = field(default_factory=dict)  # what was done to the round's entries


def new_password() -> str:
    """A fresh random password for one demo load; never stored in the repository."""
    return secrets.token_urlsafe(12)


def demo_plan() -> Plan | None:
    return Plan.objects.filter(government__name=ROUND_GOVERNMENT, year=ROUND_YEAR).first()


def _lead_units(plan: Plan, n: int) -> list[Unit]:
    """The units that lead most tasks of the plan (departments, not "各县(区)政府")."""
    counted = (TaskUnit.objects.filter(task__plan=plan, role=UnitRole.LEAD)
               .exclude(unit__name__startswith="各")
               .values("unit_id").annotate(n=Count("id")).order_by("-n", "unit_id"))
    ids = [row["unit_id"] for row in counted[:n]]
    units = Unit.objects.in_bulk(ids)
    return [units[i] for i in ids]


def create_people(password: str, units: list[Unit]) -> list[DemoLogin]:
    """An admin, the office (督查室), a leader and one liaison per unit, all with ``password``."""
    people = [DemoLogin("admin", ADMIN, "管理员"),
              DemoLogin("office", Role.SUPERVISOR, Role.SUPERVISOR.label),
              DemoLogin("leader", Role.LEADER, Role.LEADER.label)]
    people += [DemoLogin(f"liaison{i}", Role.LIAISON, Role.LIAISON.label, [unit.name])
               for i, unit in enumerate(units, 1)]
    bound = {unit.name: unit for unit in units}
    hashed = make_password(password)  # hashed once: each hash costs half a second on purpose
    for login in people:
        user = add_user(login.username, str(login.role), units=[bound[u] for u in login.units])
        user.password = hashed
        user.save(update_fields=["password"])
    return people


def _period() -> Period:
    month = Period.end_month_for(ROUND_KIND)
    period, _ = Period.objects.get_or_create(year=ROUND_YEAR, kind=ROUND_KIND, month=month,
                                             defaults={"label": ROUND_KIND.label})
    return period


def _lead_of(progress: Progress) -> int | None:
    task = progress.task
    lead = task.lead_unit() or (task.parent.lead_unit() if task.parent_id else None)
    return lead.pk if lead is not None else None


def _done_text(progress: Progress) -> tuple[str, dict[int, float]]:
    """A plausible year-end entry with the figure of each numeric target (our own wording)."""
    targets = task_targets(progress.task)
    values = {t.pk: round(t.value * 1.05, 1) for t in targets if t.pk is not None}
    parts = [f"全年{t.metric or '完成'}{round(t.value * 1.05, 1):g}{t.unit},完成年度目标的105%。"
             for t in targets]
    if not parts:
        parts = ["年度各项任务已全部完成,相关项目均已通过验收。"]
    return "".join(parts), values


# What happens to the first entries of the liaisons' units, taken round-robin over the units:
# liaison1, whom people try first, gets the returned entry and the acknowledged boilerplate.
SCRIPT = ("returned", "submitted", "approved", "boilerplate", "submitted")


def _candidates(report: Report, units: list[Unit]) -> list[Progress]:
    entries = list(report.progress.select_related("task__parent").order_by("position"))
    by_unit: dict[int, list[Progress]] = {unit.pk: [] for unit in units}
    for progress in entries:
        lead = _lead_of(progress)
        if lead in by_unit:
            by_unit[lead].append(progress)
    queues = list(by_unit.values())
    out: list[Progress] = []
    while any(queues):
        for queue in queues:
            if queue:
                out.append(queue.pop(0))
    return out


def fill_round(report: Report, office, liaison_by_unit: dict[int, object],
               units: list[Unit]) -> dict[str, int]:
    """Save and submit a few entries as their liaisons; return one, approve one as the office."""
    done: dict[str, int] = {}
    for progress, action in zip(_candidates(report, units), SCRIPT, strict=False):
        liaison = liaison_by_unit[_lead_of(progress)]
        if action == "boilerplate":
            text, values = "按计划有序推进。", {}
        else:
            text, values = _done_text(progress)
        services.save_entry(liaison, progress, progress.version, services.EntryInput(
            done=text, problems="", next_steps="巩固成果,做好下一年度衔接。", values=values))
        # The boilerplate entry's warnings are acknowledged, as the form asks the liaison to.
        # The demo's co-units send their part by other channels.
        services.submit_entry(liaison, progress, acknowledge=True, co_reason="配合单位书面报送。")
        if action == "returned":
            services.return_entry(office, progress, RETURN_COMMENT)
        elif action == "approved":
            services.approve_entry(office, progress)
        done[action] = done.get(action, 0) + 1
    return done


@transaction.atomic
def load_people_and_round(password: str | None = None) -> DemoResult | None:
    """Create the demo people and open the demo round; None (and nothing done) when the
    database already has users."""
    if get_user_model().objects.exists():
        return None
    password = password or new_password()
    plan = demo_plan()
    units = _lead_units(plan, LIAISONS) if plan is not None else []
    logins = create_people(password, units)
    if plan is None or Report.objects.filter(plan=plan, period=_period()).exists():
        return DemoResult(password, logins, None)
    User = get_user_model()
    office = User.objects.get(username="office")
    liaison_by_unit = {}
    for login in logins:
        if login.units:
            unit = next(u for u in units if u.name == login.units[0])
            liaison_by_unit[unit.pk] = User.objects.get(username=login.username)
    deadline = timezone.now() + timedelta(days=DEADLINE_DAYS)
    report = services.open_round(office, plan, _period(), deadline)
    states = fill_round(report, office, liaison_by_unit, units)
    report.refresh_from_db()
    return DemoResult(password, logins, report, states)
