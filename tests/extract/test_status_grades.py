"""How offices grade (issue 10): amber for a part, red for the whole, boilerplate, done,
not started, ahead — each rule with its light. Table-driven; the sentences paraphrase the
kinds of wording the issue quotes."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task
from luoshi.vocab import Status

from .conftest import Q3, task


def status(text, done, problems=""):
    return analyze_task(task(text, done, problems), Q3).status


@pytest.mark.parametrize(
    ("text", "done", "problems", "expected", "rule"),
    [
        # scope words limit a delay to a part: amber at most
        ("推进80个重点项目建设。", "80个项目已开工72个,个别项目进度滞后。", "", Status.AT_RISK, "part_delay"),
        ("编制专项规划。", "已完成总体规划初稿。", "部分配套规划编制略有延迟。", Status.AT_RISK, "part_delay"),
        ("推进重点项目建设。", "已开工项目30个,少数项目推进缓慢。", "", Status.AT_RISK, "part_delay"),
        ("推进重点项目建设。", "已开工项目30个,个别项目严重滞后。", "", Status.AT_RISK, "part_delay"),
        # a delay in one part while another sentence reports a part achieved: amber
        ("推进文旅融合发展。", "已完成景区提升工程。特色民宿项目进度78.2%,不及预期。", "", Status.AT_RISK,
         "part_delay"),
        # one part paused, the other done ahead (words of manner between 已 and the verb): amber
        ("新改建文体设施,建设应急广播300个。", "新改建文体设施受疫情影响暂缓实施;应急广播建设360个已提前超额完成。",
         "", Status.AT_RISK, "part_delay"),
        ("新改建文体设施,建设应急广播300个。", "文体设施暂缓实施;应急广播已顺利建成。", "", Status.AT_RISK,
         "part_delay"),
        # a pace of comparative degree (较慢, 偏慢) is slower than wished, not behind: amber;
        # with a severity word, red
        ("建设城市污水处理厂。", "项目推进进度较慢。", "", Status.AT_RISK, "part_delay"),
        ("推进老旧小区改造。", "已开展前期调查,整体进展偏慢。", "", Status.AT_RISK, "part_delay"),
        ("建设城市污水处理厂。", "项目进度明显较慢。", "", Status.BEHIND, "delay_words"),
        ("建设城市污水处理厂。", "项目推进缓慢。", "", Status.BEHIND, "delay_words"),
        # severity words, or a plain delay of the whole task: red
        ("建设城市污水处理厂。", "项目进度严重滞后。", "", Status.BEHIND, "delay_words"),
        ("建设城市污水处理厂。", "因资金未到位,项目无法按期完成。", "", Status.BEHIND, "delay_words"),
        ("建设城市污水处理厂。", "目前项目进度明显滞后于计划。", "", Status.BEHIND, "delay_words"),
        ("建设城市污水处理厂。", "工程进度22%(严重滞后)。", "", Status.BEHIND, "delay_words"),
        ("建设城市污水处理厂。", "已完成地勘。", "项目进度严重滞后。", Status.BEHIND, "delay_words"),
        # growth that fell back or slowed is a risk named for a growth aim: amber, not red
        ("确保地区生产总值增长7%左右。", "主要指标在全省排名靠前,但多数指标增速有不同程度回落。", "",
         Status.AT_RISK, "risk_words"),
        ("推动工业经济稳定增长。", "受市场影响,工业增加值增长明显放缓。", "", Status.AT_RISK, "risk_words"),
        # boilerplate says nothing: vague
        ("推进某项改革。", "按计划有序推进,各项工作正在稳步推进中。", "", Status.VAGUE, "boilerplate"),
        ("推进某项改革。", "进展顺利。", "", Status.VAGUE, "boilerplate"),
        ("推进某项改革。", "稳步推进,成效明显。", "", Status.VAGUE, "boilerplate"),
        ("建设某段排水管。", "工作进行中。", "", Status.VAGUE, "boilerplate"),
        # ... but the works themselves under way are a stage reached (WORKS UNDER WAY)
        ("建设某段排水管。", "工程进行中。", "", Status.ON_TRACK, "progress"),
        ("建设某段排水管。", "目前正在施工。", "", Status.ON_TRACK, "progress"),
        ("建设某段排水管。", "施工中。", "", Status.ON_TRACK, "progress"),
        # ... and so is a lone word of the work finished (FINISHED ONLY): a result, not vague
        ("城东创业孵化基地", "完工。", "", Status.ON_TRACK, "progress"),
        ("城东创业孵化基地", "竣工", "", Status.ON_TRACK, "progress"),
        # an entry that only repeats the task's words: vague
        ("城乡居民收入增长与经济增长基本同步。", "前三季度,城乡居民收入增长与经济增长基本同步。", "",
         Status.VAGUE, "restated"),
        # done
        ("举办国际海钓节活动。", "国际海钓节活动已举办完成。", "", Status.DONE, "done"),
        ("举办国际海钓节活动。", "已举办完成。", "", Status.DONE, "done"),
        # a case's word for itself (本案) names the whole task; 已办理完成 is 已完成
        ("修缮社区步道。", "本案已办理完成,经提案人同意结案。", "", Status.DONE, "done"),
        ("修缮社区步道。", "本案已辦理完成,經提案人同意結案。", "", Status.DONE, "done"),
        # nothing begun (late enough in the year): not started, red; a part not begun: amber
        ("申报省级开放平台。", "平台申报工作暂未启动。", "", Status.NOT_STARTED, "not_started"),
        ("推进三个片区改造。", "已完成一个片区改造,另两个片区尚未开工。", "", Status.AT_RISK, "part_delay"),
        # one of two targets well short while the other keeps pace: a part lags, amber
        ("新建文化驿站13家,全年服务群众1.2万人次。", "13家文化驿站已建成,累计服务群众2000人次。", "",
         Status.AT_RISK, "figures_slight"),
        # a progress cell that is a figure alone reports it: never boilerplate. A lone per cent
        # is the share of the task done (100%: done; less: progress, not prorated — the cell
        # does not say it is the year's plan), or the figure of the task's per-cent target
        ("建设城市污水处理厂。", "100%", "", Status.DONE, "done"),
        ("建设城市污水处理厂。", "60%。", "", Status.ON_TRACK, "progress"),
        ("城镇化率达到60%。", "62%", "", Status.ON_TRACK, "progress"),
        ("地区生产总值增长7%。", "4%", "", Status.BEHIND, "figures"),
        ("完成10公里道路改造。", "6公里", "", Status.AT_RISK, "figures_slight"),
        ("推进污水管网建设。", "2公里", "", Status.ON_TRACK, "progress"),
        # the text says it runs ahead of schedule
        ("推进农房改造。", "已改造农房1200户,超序时进度完成。", "", Status.AHEAD, "ahead"),
    ],
)
def test_grades(text, done, problems, expected, rule):
    s = status(text, done, problems)
    assert s.value is expected, s.reason
    assert s.rule == rule
    assert s.reason
    assert s.light == {"done": "green", "ahead": "green", "on_track": "green", "at_risk": "amber",
                       "behind": "red", "not_started": "red", "vague": "grey",
                       "no_data": "grey"}[s.value.value]
    for span in s.evidence:
        source = {"done": done, "problems": problems, "text": text}[span.field]
        assert source[span.start : span.end] == span.text


def test_strategy_is_no_scope_word():
    # 略 inside 战略 says nothing of degree: the task as a whole has not begun
    s = status("申报战略平台。", "战略平台申报工作暂未启动。")
    assert s.value is Status.NOT_STARTED


def test_not_started_early_in_the_year_is_not_red():
    from datetime import date

    from luoshi.ingest import Period
    from luoshi.vocab import PeriodKind

    q1 = Period(PeriodKind.Q1, "一季度", date(2023, 3, 31))
    s = analyze_task(task("申报省级开放平台。", "平台申报工作暂未启动。"), q1).status
    assert s.value is not Status.NOT_STARTED


def test_a_lone_per_cent_says_what_it_is_not_sure_of():
    a = analyze_task(task("建设城市污水处理厂。", "60%"), Q3)
    assert "未按时间进度判断" in a.status.reason
    assert [(f.value, f.ratio_stated) for f in a.figures] == [(60, 60)]  # one figure, not two
    lvl = analyze_task(task("城镇化率达到60%。", "62%"), Q3)
    assert [(m.value, m.target) for m in lvl.measurements] == [(62, 0)] and lvl.figures == []


@pytest.mark.parametrize(
    ("text", "done", "annual", "expected"),
    [
        # the subject's growth against the reference's, the reference by another name (经济 is
        # reported as 地区生产总值), the figures in either order
        ("居民收入增长与经济增长基本同步。", "地区生产总值增幅-1.1%;居民人均可支配收入同比增长2.3%。", True,
         Status.DONE),
        ("城乡居民收入增长与经济增长同步。", "城乡居民人均可支配收入增长6.2%,地区生产总值增长6.1%。", False,
         Status.ON_TRACK),
        ("城乡居民收入增长与经济增长同步。", "地区生产总值增长6.1%,城乡居民人均可支配收入增长5.2%。", False,
         Status.AT_RISK),
        # in step: a trail of a few tenths keeps step; faster than: it must be above
        ("城乡居民收入增长与经济增长同步。", "地区生产总值增长6.1%,城乡居民人均可支配收入增长5.9%。", False,
         Status.ON_TRACK),
        ("城乡居民收入增速快于经济增速。", "地区生产总值增长6.1%,城乡居民人均可支配收入增长6.1%。", False,
         Status.AT_RISK),
    ],
)
def test_a_growth_promised_relative_to_another(text, done, annual, expected):
    from datetime import date

    from luoshi.ingest import Period
    from luoshi.vocab import PeriodKind

    period = Period(PeriodKind.ANNUAL, "全年", date(2023, 12, 31)) if annual else Q3
    a = analyze_task(task(text, done), period)
    assert (a.status.value, a.status.rule) == (expected, "relational")
    assert len(a.status.evidence) == 2 and all("%" in s.text for s in a.status.evidence)


def test_one_growth_alone_is_not_judged_as_a_relation():
    a = analyze_task(task("城乡居民收入增长与经济增长同步。", "城乡居民人均可支配收入增长6.2%。"), Q3)
    assert a.status.rule != "relational"


@pytest.mark.parametrize(
    ("done", "annual", "expected"),
    [
        # how long it runs, or a plan: nothing achieved, at any time of year
        ("常年开展。", False, Status.VAGUE),
        ("长期坚持", True, Status.VAGUE),
        ("计划年底前完成。", False, Status.VAGUE),
        ("预计年内建成", True, Status.VAGUE),
        # a deadline alone: nothing achieved before the year ends; at its end it may be a claim
        ("年底完成。", False, Status.VAGUE),
        ("12月底前完成", False, Status.VAGUE),
        ("年底完成。", True, Status.ON_TRACK),
        # more than a time frame: a figure, or a month that may be past
        ("年底完成8个。", False, Status.ON_TRACK),
        ("9月完成主体工程。", False, Status.ON_TRACK),
    ],
)
def test_a_time_frame_alone_reports_nothing(done, annual, expected):
    from datetime import date

    from luoshi.ingest import Period
    from luoshi.vocab import PeriodKind

    period = Period(PeriodKind.ANNUAL, "全年", date(2023, 12, 31)) if annual else Q3
    assert analyze_task(task("建设社区养老服务中心。", done), period).status.value is expected
