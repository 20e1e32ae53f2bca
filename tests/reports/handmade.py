"""A small report made by hand, whose league table and theme counts were worked out on paper
before the code ran (the expected values in test_league.py and test_themes.py).

海城市 2022: an H1 report and a Q3 report (open round, deadline 2022-10-10, long past).
Lead units 市发改局 (A), 市经信局 (B), 市住建局 (C). Statuses are set directly (the
analysis is not what these tests are about). All names and texts are made up.

Q3 entries (task: lead, status; entry: done / problems / round); the table has a 责任领导 column
(副市长N, N the row's position):
  1: A, behind    — 完成投资3亿元。 / 项目资金缺口较大,用地指标尚未落实。 / on time
  2: A, on_track  — 按计划推进。(boilerplate) / — / submitted late
  3: B, at_risk   — (empty) / 受疫情影响,企业订单下降。 / draft, never submitted (late);
                    未填报, so the documents show neither its text nor its status
  4: B, done      — 已全面完成。 / 无 / on time, returned once before
  5: C, behind, two sub-items:
       5a — 完成拆迁50户。 / 征地拆迁政策处理难度大,需市级协调。 / on time
       5b — (empty) / 审批手续未办结。 / on time
  6: C, on_track  — 完成设计。 / 施工受台风天气影响。 / on time
  7: C, on_track  — 正在推进。(boilerplate) / 人员力量不足,其他暂无。 / on time
H1 entries: 1 资金不到位。 3 疫情影响。 (problems); tasks 1-3 on_track.
"""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from luoshi.core.models import (
    Assessment,
    Government,
    Period,
    Plan,
    Progress,
    Report,
    Task,
    TaskUnit,
    Unit,
)
from luoshi.rounds.models import EntryState, ReviewEvent, RoundEntry
from luoshi.vocab import UnitRole

DEADLINE = datetime(2022, 10, 10, 17, 0, tzinfo=UTC)
ON_TIME = datetime(2022, 10, 8, 9, 0, tzinfo=UTC)
LATE = datetime(2022, 10, 12, 9, 0, tzinfo=UTC)


def build(state: str = Report.State.OPEN) -> SimpleNamespace:
    gov = Government.objects.create(name="海城市", level=Government.Level.CITY)
    plan = Plan.objects.create(government=gov, year=2022, title="海城市2022年重点工作")
    h1p = Period.objects.create(year=2022, kind="h1", month=6, label="半年度")
    q3p = Period.objects.create(year=2022, kind="q3", month=9, label="前三季度")
    h1 = Report.objects.create(plan=plan, period=h1p, state=Report.State.PUBLISHED,
                               title="海城市2022年半年度")
    q3 = Report.objects.create(plan=plan, period=q3p, state=state, deadline=DEADLINE,
                               title="海城市2022年前三季度",
                               columns=[{"header": "序号", "role": "serial"},
                                        {"header": "任务内容", "role": "task"},
                                        {"header": "牵头单位", "role": "units"},
                                        {"header": "责任领导", "role": "leader"},
                                        {"header": "前三季度完成情况", "role": "done"},
                                        {"header": "存在问题", "role": "problems"}])
    a, b, c = (Unit.objects.create(government=gov, name=n) for n in ("市发改局", "市经信局", "市住建局"))
    tasks = {}
    for serial, lead in ((1, a), (2, a), (3, b), (4, b), (5, c), (6, c), (7, c)):
        t = Task.objects.create(plan=plan, serial=str(serial), text=f"任务{serial}。", order=serial)
        TaskUnit.objects.create(task=t, unit=lead, role=UnitRole.LEAD, order=0)
        tasks[serial] = t
    sub_a = Task.objects.create(plan=plan, parent=tasks[5], text="东片区", order=1)
    sub_b = Task.objects.create(plan=plan, parent=tasks[5], text="西片区", order=2)

    def entry(task, done, problems, state, at=None, returns=0, position=0):
        p = Progress.objects.create(report=q3, task=task, done=done, problems=problems,
                                    position=position, extra={"责任领导": f"副市长{position}"})
        RoundEntry.objects.create(progress=p, state=state, submitted_at=at)
        for _ in range(returns):
            ReviewEvent.objects.create(progress=p, action=ReviewEvent.Action.RETURN, comment="请补充")
        return p

    entry(tasks[1], "完成投资3亿元。", "项目资金缺口较大,用地指标尚未落实。", EntryState.SUBMITTED, ON_TIME, position=1)
    entry(tasks[2], "按计划推进。", "", EntryState.SUBMITTED, LATE, position=2)
    entry(tasks[3], "", "受疫情影响,企业订单下降。", EntryState.DRAFT, position=3)
    entry(tasks[4], "已全面完成。", "无", EntryState.APPROVED, ON_TIME, returns=1, position=4)
    entry(sub_a, "完成拆迁50户。", "征地拆迁政策处理难度大,需市级协调。", EntryState.SUBMITTED, ON_TIME, position=5)
    entry(sub_b, "", "审批手续未办结。", EntryState.SUBMITTED, ON_TIME, position=6)
    entry(tasks[6], "完成设计。", "施工受台风天气影响。", EntryState.SUBMITTED, ON_TIME, position=7)
    entry(tasks[7], "正在推进。", "人员力量不足,其他暂无。", EntryState.SUBMITTED, ON_TIME, position=8)
    for serial, status in ((1, "behind"), (2, "on_track"), (3, "at_risk"), (4, "done"),
                           (5, "behind"), (6, "on_track"), (7, "on_track")):
        Assessment.objects.create(report=q3, task=tasks[serial], status=status,
                                  derived_status=status, reason="人工设定")
    for serial, problems in ((1, "资金不到位。"), (2, ""), (3, "疫情影响。")):
        Progress.objects.create(report=h1, task=tasks[serial], done="推进中。", problems=problems,
                                position=serial)
        Assessment.objects.create(report=h1, task=tasks[serial], status="on_track",
                                  derived_status="on_track")
    from luoshi.search.indexing import reindex_all

    reindex_all()  # the listing index the dashboard reads (built on commit outside tests)
    return SimpleNamespace(plan=plan, h1=h1, q3=q3, units=(a, b, c), tasks=tasks)
