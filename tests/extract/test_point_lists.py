"""Rules for the entries of point lists (issue 10, verdict10b), where a task is a heading and its
progress lists several parts with their shares of the plan (rules.RATIO_LIST_JOINERS,
rules.PART_SHARE_AMBER): paraphrased, table-driven, with the counter-cases. The error classes
they answer are in docs/analysis.md ("Error classes on point lists")."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.measurements import scan
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3, task


@pytest.mark.parametrize(
    ("done", "shares"),
    [
        ("改造旧路10条,新建天桥6座,打通卡口8处,分别达到年度计划的80%、40%和72%。", [80, 40, 72]),
        ("分别完成今年计划工作量的60%、72%和96%,两个区率先完成改造。", [60, 72, 96]),
        ("新建公交场站12座,达到年计划的50%。", [50]),
        # counter-case: a per cent after other words is no share of the list
        ("完成年度计划的70%,同比增长12%。", [70]),
    ],
)
def test_shares_listed_after_a_stated_share_are_shares_too(done, shares):
    _, ratios = scan(done)
    assert [r.value for r in ratios] == shares
    assert all(r.annual for r in ratios)


@pytest.mark.parametrize(
    ("done", "expected", "rule"),
    [
        # one part well short while another keeps pace: a part lags
        ("改造旧路10条,新建天桥6座,打通卡口8处,分别达到年度计划的80%、40%和72%。", Status.AT_RISK, None),
        ("分别完成今年计划工作量的60%、72%和96%。", Status.AT_RISK, None),
        # every part short: the task lags
        ("分别完成年度计划的30%、35%和40%。", Status.BEHIND, "figures"),
        # a share with nothing else reported: the task's own pace
        ("完成年度计划的40%。", Status.BEHIND, "figures"),
        # a share of one part beside other things done: amber, the other reading said
        ("新建公交场站12座,达到年计划的50%,更新新能源公交车600部。", Status.AT_RISK, "part_share"),
        # all parts on course
        ("分别完成年度计划的78%、80%和95%。", Status.ON_TRACK, None),
        # the parts' shares item by item between semicolons are one list: one keeping pace
        # makes the others' short shares parts lagging (rules.LIST_SENTENCE_END)
        ("新建天桥6座,完成计划的40%;改造旧路10条,完成计划的80%;打通卡口8处,完成计划的35%。",
         Status.AT_RISK, None),
        # ... and each short: the task lags
        ("新建天桥6座,完成计划的40%;改造旧路10条,完成计划的45%;打通卡口8处,完成计划的35%。",
         Status.BEHIND, "figures"),
        # shares in sentences of their own are not one list: the short ones decide
        ("新建天桥6座,完成计划的40%。改造旧路10条,完成计划的80%。打通卡口8处,完成计划的35%。",
         Status.BEHIND, "figures"),
    ],
)
def test_a_heading_task_is_judged_by_the_shares_of_its_parts(done, expected, rule):
    s = analyze_task(task("城市道路和公交设施建设。", done), Q3).status
    assert s.value is expected, s.reason
    if rule is not None:
        assert s.rule == rule
    if rule == "part_share":
        assert "若为整体进度则为滞后" in s.reason


@pytest.mark.parametrize(
    ("done", "figures"),
    [
        ("更新环保型公交车600部。", [(600.0, "部")]),
        ("出台地方性法规3部。", [(3.0, "部")]),
        # 部 opening a word is no unit
        ("协调3部门联合执法。", []),
        ("3部分工程已完工。", []),
    ],
)
def test_bu_counts_vehicles_and_laws_not_departments(done, figures):
    cands, _ = scan(done)
    assert [(c.q.value, c.q.unit) for c in cands if c.q.unit.endswith("部")] == figures


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("除甲县、乙区外,其余120个县级单位均已完成本月补助发放。", Status.AT_RISK),
        ("截至10月底,除丙市外,各地均已发放到位。", Status.AT_RISK),
        ("除两个项目外,其余项目均已开工建设。", Status.AT_RISK),
        # counter-cases: an exception by design, and no exception at all
        ("除涉密事项外,相关信息均已公开。", Status.ON_TRACK),
        ("各县级单位均已完成本月补助发放。", Status.ON_TRACK),
    ],
)
def test_all_done_but_the_named_ones_is_a_part_lagging(done, expected):
    s = analyze_task(task("按月发放城乡低保补助资金。", done), Q3).status
    assert s.value is expected, s.reason


YEAR_END = Period(PeriodKind.ANNUAL, "全年", date(2023, 12, 31))


@pytest.mark.parametrize(
    ("done", "period", "expected"),
    [
        ("30个社区宣传栏已全部建设完成并投入使用;发放服务卡1.2万张。", YEAR_END, Status.DONE),
        ("新建站点40处,全市站点建设完成率达到100%。", YEAR_END, Status.DONE),
        # counter-cases: before the year's end; only basically finished; a part still under way
        ("30个社区宣传栏已全部建设完成并投入使用。", Q3, Status.ON_TRACK),
        ("宣传栏已全部建设完成,调解室基本完成。", YEAR_END, Status.ON_TRACK),
        ("宣传栏已全部建设完成,调解室尚未完成。", YEAR_END, None),
    ],
)
def test_a_year_end_account_of_all_things_delivered_is_done(done, period, expected):
    s = analyze_task(task("为各社区提供法律服务。", done), period).status
    if expected is None:
        assert s.value is not Status.DONE, s.reason
    else:
        assert s.value is expected, s.reason


@pytest.mark.parametrize(
    ("done", "values", "subjects"),
    [
        # two shares side by side, joined by 、 and a verb: the first names no set of the second
        ("甲隧道完成80%、乙隧道完成85%。", [80.0, 85.0], [None, None]),
        # counter-case: a count before the verb is the set the next figure is about
        ("20个重点项目完成投资8亿元。", [8.0], [(20.0, "个")]),
    ],
)
def test_a_share_names_no_set(done, values, subjects):
    cands, _ = scan(done)
    assert [c.q.value for c in cands] == values
    assert [c.subject for c in cands] == subjects
