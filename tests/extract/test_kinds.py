"""Kinds of target, each with its own rule against time (issue 10): table-driven.

Sentences are paraphrases of the kinds of wording the issue names, not copies of any page.
"""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.rules import TARGET_KINDS
from luoshi.extract.targets import extract_targets
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3, task

H1 = Period(PeriodKind.H1, "上半年", date(2023, 6, 30))
ANNUAL = Period(PeriodKind.ANNUAL, "全年", date(2023, 12, 31))
MONTH_5 = Period(PeriodKind.MONTH, "1-5月", date(2023, 5, 31), month=5)


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        # cumulative: amounts that add up over the year
        ("全年完成固定资产投资45亿元以上。", "cumulative", 45, "亿元"),
        ("新开工保障性住房800套。", "cumulative", 800, "套"),
        ("新增市场主体2000户。", "cumulative", 2000, "户"),
        # rate / growth: compared as is
        ("地区生产总值增长6.5%左右。", "rate", 6.5, "%"),
        ("城镇居民收入提高2个百分点。", "rate", 2, "个百分点"),
        # level / ratio / price / capacity: reached or not
        ("城市生活垃圾回收利用率达到60%以上。", "level", 60, "%"),
        ("高新技术产业增加值占比提升至65%以上。", "level", 65, "%"),
        ("居民用水价格降至3.9元/方。", "level", 3.9, "元/方"),
        ("工业电价控制在0.62元/千瓦时以内。", "level", 0.62, "元/千瓦时"),
        ("形成年处理能力20万吨/年。", "level", 20, "万吨/年"),
        # a price per a product of two units (per person-month)
        ("低保标准不低于300元/人·月。", "level", 300, "元/人·月"),
        ("发放补助500元/月/人。", "level", 500, "元/月/人"),  # a second slash, kept as written
        ("低保标准提高到350元/人.月。", "level", 350, "元/人.月"),  # a dot, kept as written
        # a multiple of another quantity: a level, kept as written
        ("特困供养标准不低于低保标准的1.3倍。", "level", 1.3, "倍"),
        # traditional script reads as simplified: the rules' words and units match
        ("全年完成投資45億元以上。", "cumulative", 45, "亿元"),
        ("人均预期寿命达到81岁。", "level", 81, "岁"),
        ("确保新增财力的三分之二以上用于民生。", "level", 66.67, "%"),  # a fraction in words
        # a count to stand at a figure is a stock, a level; one whose metric names the adding
        # (新增, 培训 …) adds up over the year
        ("全市国家高新技术企业达到500家。", "level", 500, "家"),
        ("建成5G基站总数达到3000个。", "level", 3000, "个"),
        ("培训农民达到5000人。", "cumulative", 5000, "人"),
        ("城镇新增就业达到3万人。", "cumulative", 3, "万人"),
        # rank: reached or not
        ("营商环境评价力争进入全省前五。", "rank", 5, "位"),
        ("全国排名保持第12位。", "rank", 12, "位"),
        # reduction: by a share or a quantity
        ("压减一般性支出8%以上。", "reduction", 8, "%"),
        ("单位能耗下降3%。", "reduction", 3, "%"),
        # CUT OPENING THE CLAUSE: a verb of cutting governs the amount at the clause's end
        ("减少农村贫困人口2.5万人。", "reduction", 2.5, "万人"),
        ("确保压减煤炭消费总量30万吨。", "reduction", 30, "万吨"),
        ("提升改造城市绿道42公里。", "cumulative", 42, "公里"),  # 提升 may name the work
        # ONE THING: done or not; one for each of several is a standard each must reach
        ("开工建设跨河大桥1座。", "milestone", 1, "座"),
        ("新建公办幼儿园1所。", "milestone", 1, "所"),
        ("每个乡镇至少建成1个综合文化站。", "level", 1, "个"),
        ("新建公办幼儿园2所。", "cumulative", 2, "所"),
    ],
)
def test_kind_of_each_target(text, kind, value, unit):
    ts = extract_targets(text)
    assert [(t.value, t.unit) for t in ts] == [(value, unit)], [t.to_dict() for t in ts]
    assert ts[0].kind == kind
    assert ts[0].kind_note == TARGET_KINDS[kind]


@pytest.mark.parametrize(
    "text",
    ["全省第三批试点平台申报。", "推广3岁以下婴幼儿照护服务。", "做好第七次人口普查。"],
)
def test_batches_ages_and_ordinals_are_no_targets(text):
    assert extract_targets(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [("年底前建成城市书房。", "milestone"), ("出台人才新政。", "milestone"),
     ("深化国资国企改革。", "qualitative"), ("谋划一批重大平台。", "qualitative"),
     ("申报省级开放平台。", "milestone"), ("推进城市有机更新建设。", "qualitative"),
     ("城乡居民收入增长与经济增长基本同步。", "rate"),
     # BUILT WORK NAME: only the name of a work to build promises the thing built
     ("实验小学教学楼建设项目", "milestone"), ("东湖路大桥工程。", "milestone"),
     ("滨江花园住宅楼二期工程", "milestone"), ("城西污水处理厂配套管网工程", "milestone"),
     ("社区食堂新建项目", "milestone"),
     # a programme's name, or a name inside a sentence, stays qualitative
     ("“文化惠民能力提升”项目", "qualitative"), ("职业农民培训工程", "qualitative"),
     ("小区停车位规划项目", "qualitative"), ("办公楼前停车位规划项目", "qualitative"),
     # the same promise as an order: a verb of building, then the thing built
     ("建设城北社区敬老院。", "milestone"), ("新建城东污水处理厂", "milestone"),
     ("建设智慧城市体系。", "qualitative"),
     # 建造, 兴建 build too; a conduit named, then the verb of laying it, is a work built
     ("建造临时城南污水处理厂", "milestone"), ("兴建镇文化中心", "milestone"),
     ("建造新深海排放管", "milestone"), ("北村污水渠道敷设", "milestone"),
     ("推进污水管网建设", "qualitative"),
     ("加快推进城区学校建设项目,提升办学条件。", "qualitative")],
)
def test_task_kind_without_figures(text, kind):
    a = analyze_task(task(text, "已开展调研。"), Q3)
    assert a.targets == [] and a.kinds == [kind]


@pytest.mark.parametrize(
    ("text", "done", "period", "expected", "rule"),
    [
        # cumulative: prorated by the share of the year (Q3 0.75, tolerance 0.10, amber band 0.20)
        ("完成投资40亿元以上。", "1-9月累计完成投资32亿元。", Q3, Status.ON_TRACK, "progress"),
        ("完成投资40亿元以上。", "1-9月累计完成投资24亿元。", Q3, Status.AT_RISK, "figures_slight"),
        ("完成投资40亿元以上。", "1-9月累计完成投资12亿元。", Q3, Status.BEHIND, "figures"),
        ("完成投资40亿元以上。", "1-6月累计完成投资32亿元。", H1, Status.AHEAD, "ahead"),
        ("完成投资40亿元以上。", "1-9月累计完成投资38亿元。", Q3, Status.ON_TRACK, "progress"),
        # monthly period: by the days elapsed (end of May is 151/365 = 0.41 of the year)
        ("完成投资40亿元以上。", "1-5月累计完成投资16亿元。", MONTH_5, Status.ON_TRACK, "progress"),
        ("完成投资40亿元以上。", "1-5月累计完成投资13亿元。", MONTH_5, Status.AT_RISK, "figures_slight"),
        ("完成投资40亿元以上。", "1-5月累计完成投资4亿元。", MONTH_5, Status.BEHIND, "figures"),
        # rate: as is — 4.3% at Q3 against 7% is more than a quarter short (red), 6% short by
        # less (amber); not "61% of 75%"
        ("地区生产总值增长7%。", "前三季度地区生产总值同比增长4.3%。", Q3, Status.BEHIND, "figures"),
        ("地区生产总值增长7%。", "前三季度地区生产总值同比增长6%。", Q3, Status.AT_RISK, "figures_slight"),
        ("地区生产总值增长7%。", "前三季度地区生产总值同比增长7.2%。", Q3, Status.ON_TRACK, "progress"),
        ("地区生产总值增长7%。", "前三季度地区生产总值同比下降1.2%。", Q3, Status.BEHIND, "figures"),
        ("社会消费品零售总额增长1%。", "1-9月社会消费品零售总额同比增长1.0%。", Q3, Status.ON_TRACK,
         "progress"),
        # before the year ends, a rate at 1.5 times its target or more is ahead (超进度) — only
        # when every rate read for it is: readings that disagree are on course at best
        ("社会消费品零售总额增长6%。", "前三季度社会消费品零售总额同比增长9.5%。", Q3, Status.AHEAD,
         "ahead"),
        ("一般公共预算收入增长7%。", "前三季度一般公共预算收入自然口径增长8%,同口径增长17.7%。", Q3,
         Status.ON_TRACK, "progress"),
        ("社会消费品零售总额增长6%。", "全年社会消费品零售总额同比增长9.5%。", ANNUAL, Status.ON_TRACK,
         "progress"),
        ("一般公共预算收入增长7%。", "前三季度一般公共预算收入同口径增长17.7%,自然口径增长8%。", Q3,
         Status.ON_TRACK, "progress"),
        # level: not prorated — not yet reached mid-year is no lag; reached is reached
        ("城市生活垃圾回收利用率达到60%以上。", "目前回收利用率为52%。", H1, Status.ON_TRACK, "progress"),
        ("城市生活垃圾回收利用率达到60%以上。", "全年回收利用率为52%。", ANNUAL, Status.AT_RISK,
         "figures_slight"),
        # a price to bring down is a level reached from above: reached (已降至) reads like a level
        # reached (已达62%), done; not yet reached, before the year ends, no lag
        ("居民用水价格降至3.9元/方。", "居民用水价格已降至3.8元/方。", H1, Status.DONE, "done_figures"),
        ("居民用水价格降至3.9元/方。", "居民用水价格为4.1元/方。", H1, Status.ON_TRACK, "progress"),
        # rank: reached or not
        ("营商环境评价力争进入全省前八。", "营商环境评价位列全省第7位。", H1, Status.ON_TRACK, "progress"),
        ("营商环境评价力争进入全省前八。", "营商环境评价位列全省第11位。", H1, Status.AT_RISK,
         "figures_slight"),
        ("营商环境评价力争进入全省前八。", "营商环境评价位列全省第11位。", ANNUAL, Status.BEHIND, "figures"),
        # reduction: the cut reported as is
        # (the verb before the metric, 已压减一般性支出12%, is read as the cut: met, done; from
        # the figure alone, no word of things finished: rule done_figures)
        ("压减一般性支出10%。", "已压减一般性支出12%。", H1, Status.DONE, "done_figures"),
        ("压减一般性支出10%。", "已压减一般性支出6%。", H1, Status.ON_TRACK, "progress"),
        # an annual report meeting the target (完成率120%) is done, not on_track
        ("全年完成造林1万亩。", "全年完成造林1.2万亩,完成率120%。", ANNUAL, Status.DONE, "done"),
    ],
)
def test_each_kind_has_its_rule(text, done, period, expected, rule):
    s = analyze_task(task(text, done), period).status
    assert s.value is expected, s.reason
    assert s.rule == rule
    assert s.reason and s.light == expected.light


def test_rate_reason_says_it_is_not_prorated():
    s = analyze_task(task("地区生产总值增长7%。", "前三季度地区生产总值同比增长6%。"), Q3).status
    assert "不按时间进度折算" in s.reason


@pytest.mark.parametrize(
    ("done", "values"),
    [
        # compound units
        ("目前工业电价为0.58元/千瓦时。", [(0.58, "元/千瓦时")]),
        ("已形成产能15万吨/年。", [(15, "万吨/年")]),
        # traditional script: 萬元 is 万元
        ("1-9月完成投資3.2萬元,同比增長15.8%。", [(3.2, "万元"), (15.8, "%")]),
        # growth next to an amount: both reported
        ("1-9月完成投资12亿元,同比增长15.8%。", [(12, "亿元"), (15.8, "%")]),
        # a rank reported
        ("综合考评列全省第10位。", [(10, "位")]),
        # a space between number and unit
        ("1-8月完成投资296.47 亿元。", [(296.47, "亿元")]),
        # an estimate for the period just ended is a figure for it, also in the next clause
        ("三季度,预计全市生产总值增长5%以上。", [(5, "%")]),
        ("前三季度,预计实现零售总额204.4亿元,同比增长9.5%。", [(204.4, "亿元"), (9.5, "%")]),
        # a rank among the top N; ranks after 全省 and in a list
        ("收入增幅预计继续处于全省前二。", [(2, "位")]),
        ("建安投资全省第1,住宿、餐饮分别为全省第4和第2。", [(1, "位"), (4, "位"), (2, "位")]),
    ],
)
def test_missed_figures_are_read(done, values):
    a = analyze_task(task("推进某项工作。", done), Q3)
    got = [(m.value, m.unit) for m in a.measurements + a.figures]
    for v in values:
        assert v in got, got


def test_quoted_restatement_reported_as_achieved_measures_the_targets():
    a = analyze_task(task("压减一般性支出不低于10%,压减公用支出不低于5%。",
                          "已完成“一般性支出压减不低于10%、公用支出压减不低于5%”的任务。"), Q3)
    assert sorted((m.value, m.target) for m in a.measurements) == [(5, 1), (10, 0)]
    # a quoted name elsewhere stays a label
    b = analyze_task(task("推进某项工作。", "举办“10%计划”推介会。"), Q3)
    assert all(m.value != 10 for m in b.measurements + b.figures)


def test_breakdown_and_forecast_figures_measure_no_target():
    a = analyze_task(task("新增公交线路35条。", "已完成线路37条,其中新增11条,优化26条。预计全年完成40条。"), Q3)
    assert [(m.value, m.target) for m in a.measurements] == [(37, 0)]
    assert {(m.value, m.target) for m in a.figures} >= {(11, None), (26, None)}
    assert 40 not in [m.value for m in a.measurements]


@pytest.mark.parametrize(
    ("done", "value", "unit"),
    [
        ("生活小区(30个):13个已完成。", 13, "个"),  # X of Y: the X is read (and the Y)
        ("目前已完成年度任务的83%。", 83, "%"),  # a completion share stated on its own
        ("完成投资率85.49%。", 85.49, "%"),
    ],
)
def test_x_of_y_and_stated_shares_are_figures(done, value, unit):
    a = analyze_task(task("推进某项工作。", done), Q3)
    got = [(m.value, m.unit) for m in a.measurements + a.figures]
    assert (value, unit) in got, got


@pytest.mark.parametrize(
    ("text", "done", "unit", "measured"),
    [
        # a sum per head takes the per-head unit the entry writes, and is measured by it
        ("确保城市低保月人均补助不低于330元。", "发放低保金2140.81万元,补助365.95元/人.月。", "元/人.月",
         [(365.95, "元/人.月")]),
        ("农村低保每人每月补助不低于170元。", "发放低保金900万元,月补助188.9元/月/人。", "元/月/人",
         [(188.9, "元/月/人")]),
        # the entry writes no per-head figure: 元/人, and the total paid out measures nothing
        ("确保城市低保月人均补助不低于330元。", "累计发放低保金2140.81万元。", "元/人", []),
        # not per head: a sum of money as before
        ("全年发放低保金3000万元。", "累计发放低保金2140.81万元。", "万元", [(2140.81, "万元")]),
    ],
)
def test_a_sum_per_head_is_a_level_per_head(text, done, unit, measured):
    a = analyze_task(task(text, done), Q3)
    assert [t.unit for t in a.targets] == [unit]
    assert [(m.value, m.unit) for m in a.measurements] == measured


def test_large_figures_in_reasons_are_whole_numbers():
    a = analyze_task(task("全年完成民生投资40000万元。", "累计完成民生投资56280万元。"), Q3)
    assert "56280万元" in a.status.reason and "40000万元" in a.status.reason
    assert "e+" not in a.status.reason


@pytest.mark.parametrize(
    ("label", "kind", "month", "warned"),
    [
        ("二季度", PeriodKind.H1, 6, True),  # a quarter alone: its own figures, or 1-6月?
        ("第三季度", PeriodKind.Q3, 9, True),
        ("上半年", PeriodKind.H1, 6, False),
        ("1-6月", PeriodKind.H1, 6, False),
        ("前三季度", PeriodKind.Q3, 9, False),
    ],
)
def test_a_quarter_alone_is_read_as_a_running_total_and_the_reason_says_the_other_reading(
        label, kind, month, warned):
    import calendar

    p = Period(kind, label, date(2023, month, calendar.monthrange(2023, month)[1]))
    a = analyze_task(task("全年新增就业1000人。", "累计新增就业300人。"), p)
    assert a.status.value is Status.BEHIND  # read as 1 January to the quarter's end
    assert (f"若为{label}当季数" in a.status.reason) is warned
    on = analyze_task(task("全年新增就业1000人。", "累计新增就业900人。"), p)
    assert "当季数" not in on.status.reason  # nothing rests on the reading: nothing said


def test_a_multiple_reported_is_a_figure_kept_as_written():
    a = analyze_task(task("财政收入增长7%。", "重点企业税收收入21.29亿元,增长2.7倍。"), Q3)
    assert (2.7, "倍") in [(f.value, f.unit) for f in a.measurements + a.figures]


@pytest.mark.parametrize(
    ("text", "done", "expected"),
    [
        # a result due by a date within the year, the date passed, not done: the whole task is late
        ("6月底前建成社区食堂。", "食堂正在装修。", Status.BEHIND),
        ("上半年出台实施方案。", "方案已形成初稿,正在征求意见。", Status.BEHIND),
        # done, or the date not yet passed, or due at year end: as the other rules say
        ("6月底前建成社区食堂。", "食堂已于6月建成投用。", Status.DONE),
        ("10月底前建成社区食堂。", "食堂正在装修。", Status.ON_TRACK),
        ("年底前建成社区食堂。", "食堂正在装修。", Status.ON_TRACK),
        # a task with figures is judged by its figures, not by this rule (a running total the
        # task dates within the year falls due then: 80% of a target due at mid-year, amber)
        ("上半年完成投资5000万元。", "累计完成投资4000万元。", Status.AT_RISK),
    ],
)
def test_a_milestone_with_a_deadline(text, done, expected):
    a = analyze_task(task(text, done), Q3)
    assert a.status.value is expected, a.status.reason
    if expected is Status.BEHIND:
        assert a.status.rule == "deadline" and "未见完成" in a.status.reason


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("上半年完成投资5000万元。", [0.5]),
        ("6月底前完成老旧小区改造300户。", [0.5]),
        ("全年完成投资5000万元。", [1.0]),
        ("新增就业2000人,其中一季度500人。", [1.0, 0.25]),
        ("城镇化率上半年达到60%。", [1.0]),  # a level is not prorated: no due share
    ],
)
def test_a_running_total_dated_within_the_year_falls_due_then(text, due):
    assert [t.due_share for t in extract_targets(text)] == due
