"""Each status rule, with its reason and evidence: table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3, task

H1 = Period(PeriodKind.H1, "上半年", date(2020, 6, 30))


def status(text, done, problems="", period=Q3):
    return analyze_task(task(text, done, problems), period).status


@pytest.mark.parametrize(
    ("text", "done", "problems", "expected", "rule"),
    [
        # no data
        ("为企业减负2.2亿元以上。", "区局无法提供数据", "", Status.NO_DATA, "no_data_words"),
        ("推进某项工作。", "", "", Status.NO_DATA, "empty"),
        # delay words in done or problems
        ("确保某项目落地。", "由于项目土地流拍,正在重新招商。", "", Status.BEHIND, "delay_words"),
        ("举办国际赛事。", "受疫情影响,世界杯赛取消,计划10月举办半程赛。", "", Status.BEHIND, "delay_words"),
        ("推进移交。", "移交工作因此暂缓,需待市政府明确。", "", Status.BEHIND, "delay_words"),
        ("出台管理办法。", "已形成讨论稿,集体土地直接入市目前还做不到。", "", Status.BEHIND, "delay_words"),
        ("推进平台建设。", "已完成平台部署。", "省里接入进度缓慢。", Status.BEHIND, "delay_words"),
        # figures against time: 61.98% of the annual plan at the end of Q3 is slightly under the
        # time share (amber); 45% is well under it (red)
        ("确保完成投资40亿元以上。", "三季度累计完成年度计划61.98%,累计投资25.8亿元", "", Status.AT_RISK,
         "figures_slight"),
        ("确保完成投资40亿元以上。", "三季度累计完成年度计划45%,累计投资18亿元", "", Status.BEHIND, "figures"),
        ("新增地方综合贡献1.5亿元以上。", "截至9月,累计入库税收6987.6万元。", "", Status.BEHIND, "figures"),
        # growth rate of the wrong sign
        ("社会消费品零售总额增长8.5%以上。", "1-8月社会消费品零售额同比下降4.8%。", "", Status.BEHIND, "figures"),
        # a task to be finished this year that has only started, late in the year
        ("建成某度假村。", "已完成土地招拍挂,8月中旬已开工。", "", Status.BEHIND, "stage"),
        # done
        ("建设机械立体停车场。", "已建成。", "", Status.DONE, "done"),
        ("实现全区危旧房清零。", "已完成,其中8户C级已治理改造。", "", Status.DONE, "done"),
        ("加快系统集成运用。", "(该项已完成)全面铺开运用。", "", Status.DONE, "done"),
        ("开工梦幻海湾项目。", "梦幻海湾项目已于5月份开工纳统入库。", "", Status.DONE, "done"),
        ("争取3个项目列入省“152”工程。", "甲、乙、丙项目已列入省“152”工程清单", "", Status.DONE, "done"),
        ("实现全区农村困难家庭无房户清零。", "已实现全区农村困难家庭无房户清零。", "", Status.DONE, "done"),
        ("设立乡村振兴产业基金。", "出台通知,设立海岛振兴引导基金,基金规模2亿元。", "", Status.DONE, "done"),
        ("压减一般公用经费支出5%。", "压减资金2900多万,已完成上级压减2个亿的任务要求。", "", Status.DONE, "done"),
        # vague
        ("加快建设紫菜产业园。", "按计划推进。", "", Status.VAGUE, "boilerplate"),
        ("推进某项目。", "正在推进", "", Status.VAGUE, "boilerplate"),
        # at risk: difficulty foreseen for meeting the aim or time, no delay stated
        ("推进平台转型。", "提出组建方案。", "短时间内完成转型难度较大。", Status.AT_RISK, "risk_words"),
        ("建设某码头。", "完成可研批复。", "用海审批可能有所推迟,影响开工时间。", Status.AT_RISK, "risk_words"),
        # a difficulty of the field that puts no aim or date in doubt is no risk
        ("推进一体化。", "与某方作了沟通。", "协调工作难度较大。", Status.ON_TRACK, "progress"),
        ("推进基层治理。", "建成网格120个。", "基层治理领域还存在风险盲区。", Status.ON_TRACK, "progress"),
        # a lag that is a state, a missing means, or a deliberate saving is no delay
        ("推进某专项行动。", "查处案件20起。", "执法力量建设较为滞后。", Status.ON_TRACK, "progress"),
        ("推进审批改革。", "梳理事项50项。", "各部门数据未打通,无法实现信息共享。", Status.ON_TRACK, "progress"),
        ("推进审批改革。", "梳理事项50项。", "受疫情影响,全年目标无法实现。", Status.BEHIND, "delay_words"),
        ("过紧日子。", "开展两轮压减,非急需项目推迟实施。", "", Status.ON_TRACK, "progress"),
        # a slight lag: the task's figures decide when they keep pace; without figures it lags
        ("引进人才100名以上。", "前三季度引进人才90名。", "受疫情影响,落户进度有所滞后。", Status.ON_TRACK, "progress"),
        ("引进人才100名以上。", "前三季度引进人才40名。", "受疫情影响,落户进度有所滞后。", Status.BEHIND, "figures"),
        # a slight delay without figures is amber (the task as a whole is not said to lag)
        ("编制专项规划。", "完成规划思路。", "规划编制启动有些延迟。", Status.AT_RISK, "part_delay"),
        # done: a quoted restatement of the target; a subject saying "all of them"
        ("压减一般性支出不低于10%。", "已完成政府工作报告中“一般性支出压减不低于10%”的任务。", "",
         Status.DONE, "done"),
        ("做好对口支援工作。", "全部12项指标均已超额完成省定目标。", "", Status.DONE, "done"),
        # on track
        ("全年筹融资24亿元以上。", "1-9月,共完成融资21亿元。", "", Status.ON_TRACK, "progress"),
        # a growth rate is compared as is, not prorated: short by up to a quarter is amber, more
        # is red (10.7% against 15%); at or above it on course
        ("数字经济核心产业增加值增长15%。", "1-9月核心产业增加值同比增长12%", "", Status.AT_RISK,
         "figures_slight"),
        ("数字经济核心产业增加值增长15%。", "1-9月核心产业增加值同比增长10.7%", "", Status.BEHIND,
         "figures"),
        ("地区生产总值增长7%。", "前三季度地区生产总值同比增长7.9%", "", Status.ON_TRACK, "progress"),
        ("谋划大门鹿西一体化综合开发。", "已完成规划方案编制初稿和实施建议书。", "", Status.ON_TRACK, "progress"),
        ("建成某花苑。", "8月13日已完成中间验收,进入外墙施工。", "", Status.ON_TRACK, "progress"),
    ],
)
def test_rules(text, done, problems, expected, rule):
    s = status(text, done, problems)
    assert s.value is expected, s.reason
    assert s.rule == rule
    assert s.reason
    for span in s.evidence:
        source = {"done": done, "problems": problems, "text": text}[span.field]
        assert source[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("done", "not_expected"),
    [
        ("经核查,不存在滞后情况,各项工作正常。", Status.BEHIND),  # negated delay
        ("审计发现港口设施建设滞后等22个问题,提出3条建议。", Status.BEHIND),  # a finding about others
        ("督导落后项目进度,完成试点工作总结。", Status.BEHIND),
        ("项目尚未完成,正在施工。", Status.DONE),  # 未完成 is not done
        ("主体工程已基本完成。", Status.DONE),  # 基本 is partial
        ("16个项目已提前完成全年任务,其余在建。", Status.DONE),  # a part, not the whole
        ("推进取消证明事项改革。", Status.BEHIND),  # 取消 as a reform verb
        ("专利拥有量达到25件,超额完成省定目标。", Status.DONE),  # one indicator's own target
    ],
)
def test_negations_and_exceptions(done, not_expected):
    assert status("推进某项重点工作。", done).value is not not_expected


def test_speeding_up_a_result_is_not_finishing_it():
    # "加快实现" promises movement towards the result; 30 items online do not finish it
    assert status("加快实现事项网上办理。", "目前30个事项已实现网上办理。").value is Status.ON_TRACK
    assert status("实现事项网上办理。", "事项已实现网上办理。").value is Status.DONE


def test_time_share_depends_on_period():
    text, done = "确保完成投资40亿元以上。", "累计投资20亿元。"
    assert status(text, done, period=Q3).value is Status.BEHIND  # 0.50 < 0.75 - 0.10
    assert status(text, done, period=H1).value is Status.ON_TRACK  # 0.50 >= 0.50 - 0.10


def test_status_dict_has_reason_and_evidence():
    d = analyze_task(task("举办赛事。", "赛事因疫情取消。"), Q3).to_dict()["status"]
    assert d["value"] == "behind"
    assert "取消" in d["reason"]
    assert d["evidence"] == ["赛事因疫情取消"]
