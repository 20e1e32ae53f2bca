"""A small plan built through the ORM, indexed as a commit would index it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from round_plan import opened, people, rp  # noqa: F401  (round fixtures, tests/rounds)

from luoshi.core.models import Government, Period, Plan, Progress, Report, Task, TaskUnit, Unit
from luoshi.vocab import PeriodKind, UnitRole


@pytest.fixture
def indexed(db, django_capture_on_commit_callbacks) -> SimpleNamespace:
    """海城市 2021: three tasks (one with sub-items), a H1 and a Q3 report. Made-up texts."""
    with django_capture_on_commit_callbacks(execute=True):
        city = Government.objects.create(name="海城市")
        plan = Plan.objects.create(government=city, year=2021)
        h1 = Report.objects.create(plan=plan, period=Period.objects.create(
            year=2021, kind=PeriodKind.H1, month=6, label="半年度"), state=Report.State.OPEN)
        q3 = Report.objects.create(plan=plan, period=Period.objects.create(
            year=2021, kind=PeriodKind.Q3, month=9, label="前三季度"),
            state=Report.State.PUBLISHED)
        reform = Unit.objects.create(government=city, name="市发改局")
        water = Unit.objects.create(government=city, name="市水利局")
        digital = Task.objects.create(plan=plan, serial="1", text="建设数字城市,新建5G基站。", order=1)
        sewage = Task.objects.create(plan=plan, serial="2", text="推进城镇污水处理厂提标改造。", order=2)
        part = Task.objects.create(plan=plan, parent=sewage, text="东区污水管网。", order=1)
        village = Task.objects.create(plan=plan, serial="3", text="实施乡村振兴战略。", order=3)
        for task, units in ((digital, [reform]), (sewage, [water, reform]), (village, [])):
            for order, unit in enumerate(units):
                TaskUnit.objects.create(task=task, unit=unit, order=order,
                                        role=UnitRole.LEAD if order == 0 else UnitRole.CO)
        Progress.objects.create(report=h1, task=digital, done="启动基站选址。")
        Progress.objects.create(report=q3, task=digital, done="已建成基站一百个。", position=1)
        Progress.objects.create(report=q3, task=part, done="按计划推进。", position=2)
        Progress.objects.create(report=q3, task=village, done="", problems="资金缺口较大。",
                                position=3)
    return SimpleNamespace(plan=plan, h1=h1, q3=q3, digital=digital, sewage=sewage, part=part,
                           village=village, reform=reform, water=water)
