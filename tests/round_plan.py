"""Fixtures for round tests (tests/rounds, tests/api): a plan ready for a round: 海城市 2022,
three tasks (one with two sub-items), three units, a published Q1 report as the previous period,
liaisons for the three units."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from luoshi.core.models import Government, Period, Plan, Progress, Report, Task, TaskUnit, Unit
from luoshi.vocab import PeriodKind, UnitRole


def link(task: Task, units: list[Unit]) -> None:
    for order, unit in enumerate(units):
        TaskUnit.objects.create(task=task, unit=unit, order=order,
                                role=UnitRole.LEAD if order == 0 else UnitRole.CO)


def build_round_plan() -> SimpleNamespace:
    city = Government.objects.create(name="海城市", level=Government.Level.CITY)
    plan = Plan.objects.create(government=city, year=2022, title="海城市2022年重点工作")
    q1 = Period.objects.create(year=2022, kind=PeriodKind.Q1, month=3, label="一季度")
    h1 = Period.objects.create(year=2022, kind=PeriodKind.H1, month=6, label="半年度")
    reform = Unit.objects.create(government=city, name="市发改局")
    economy = Unit.objects.create(government=city, name="市经信局")
    water = Unit.objects.create(government=city, name="市水利局")
    roads = Task.objects.create(plan=plan, serial="1", text="新建改造道路100公里。", order=1)
    link(roads, [reform, economy])
    parks = Task.objects.create(plan=plan, serial="2", text="推进海岛公园建设。", order=2)
    link(parks, [economy])
    park_a = Task.objects.create(plan=plan, parent=parks, text="东岛公园。", order=1)
    park_b = Task.objects.create(plan=plan, parent=parks, text="西岛步道。", order=2)
    river = Task.objects.create(plan=plan, serial="3", text="整治河道。", order=3)
    link(river, [water])
    prev = Report.objects.create(plan=plan, period=q1, state=Report.State.PUBLISHED,
                                 title="一季度")
    Progress.objects.create(report=prev, task=roads, done="完成道路20公里。",
                            next_steps="继续施工。", position=1)
    return SimpleNamespace(city=city, plan=plan, q1=q1, h1=h1, prev=prev, roads=roads,
                           parks=parks, park_a=park_a, park_b=park_b, river=river,
                           reform=reform, economy=economy, water=water)


@pytest.fixture
def rp(db) -> SimpleNamespace:
    return build_round_plan()


@pytest.fixture
def people(rp, supervisor, leader, liaison_for, admin_user) -> SimpleNamespace:
    """One user of each role; ``reform`` leads roads, ``economy`` co-works roads and leads parks."""
    return SimpleNamespace(
        admin=admin_user, supervisor=supervisor, leader=leader,
        reform=liaison_for(rp.reform, name="发改联络员"),
        economy=liaison_for(rp.economy, name="经信联络员"),
        water=liaison_for(rp.water, name="水利联络员"),
        public=None,
    )


@pytest.fixture
def opened(rp, people) -> SimpleNamespace:
    """The H1 round opened by the supervisor."""
    from luoshi.rounds.services import open_round

    rp.report = open_round(people.supervisor, rp.plan, rp.h1, None)
    rp.entry = {p.task_id: p for p in rp.report.progress.all()}
    return rp
