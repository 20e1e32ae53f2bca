"""Verdict rules made general for issue 10 (verdict10): each rule with paraphrased, table-driven
cases, including the counter-cases that keep it from reaching too far. The error classes these
rules answer are listed in docs/analysis.md ("Error classes of the verdicts")."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest import Period
from luoshi.ingest.model import Item, Task
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3, task

H1 = Period(PeriodKind.H1, "上半年", date(2023, 6, 30))
ANNUAL = Period(PeriodKind.ANNUAL, "全年", date(2023, 12, 31))


def verdict(text, done, period):
    return analyze_task(task(text, done), period).status


# A level not reached at the year's end is graded like a running total at its end: short by
# less than PACE_AMBER of it amber, further short red; before the year ends, not yet is no lag.
@pytest.mark.parametrize(
    ("text", "done", "period", "expected", "rule"),
    [
        ("公办幼儿园在园幼儿占比达到50%。", "全年公办幼儿园在园幼儿占比达32.5%。", ANNUAL, Status.BEHIND,
         "figures"),
        ("公办幼儿园在园幼儿占比达到50%。", "全年公办幼儿园在园幼儿占比达46%。", ANNUAL, Status.AT_RISK,
         "figures_slight"),
        ("公办幼儿园在园幼儿占比达到50%。", "公办幼儿园在园幼儿占比达32.5%。", H1, Status.ON_TRACK, "progress"),
        ("农村自来水普及率达到95%。", "全年农村自来水普及率为60%。", ANNUAL, Status.BEHIND, "figures"),
        # a level to bring down to, the same way from above
        ("居民用水价格降至3元/方。", "全年居民用水价格为3.3元/方。", ANNUAL, Status.AT_RISK, "figures_slight"),
        ("居民用水价格降至3元/方。", "全年居民用水价格为4.5元/方。", ANNUAL, Status.BEHIND, "figures"),
        ("居民用水价格降至3元/方。", "居民用水价格为4.5元/方。", H1, Status.ON_TRACK, "progress"),
    ],
)
def test_a_level_at_the_year_end_is_graded_by_how_far_it_falls_short(text, done, period, expected, rule):
    s = verdict(text, done, period)
    assert (s.value, s.rule) == (expected, rule), s.reason


# A cell saying only that the figure is counted by the year reports nothing for a period before
# the year's end: no data. A share of the year's indicator is a figure, not this.
@pytest.mark.parametrize(
    ("done", "period", "expected"),
    [
        ("年度指标", H1, True),
        ("该指标为年度考核指标,年底统计。", H1, True),
        ("年底统计", Q3, True),
        ("年度指标", ANNUAL, False),
        ("已完成年度指标的60%。", H1, False),
        ("年度指标已完成。", H1, False),
    ],
)
def test_a_cell_saying_the_figure_is_yearly_is_no_data_before_the_year_end(done, period, expected):
    s = verdict("新增规模以上工业企业30家。", done, period)
    assert (s.value is Status.NO_DATA and s.rule == "yearly_only") is expected, s.reason


# Parts of one set told apart in one sentence and sharing its predicate are summed; parts with
# a predicate each (开工…,竣工…) are not.
@pytest.mark.parametrize(
    ("text", "done", "values"),
    [
        ("完成7个乡镇卫生院改扩建。", "甲、乙、丙、丁4所卫生院改扩建,及戊、己、庚3所卫生院迁建已全部完工。", [7]),
        ("新建学校5所。", "城东2所和城西3所新建学校均已投用。", [5]),
        ("开工建设重点项目20个。", "已开工重点项目12个,竣工重点项目5个。", [12, 5]),
        ("新建学校5所。", "已建成学校2所,另有3所学校在建。", [2, 3]),
    ],
)
def test_parts_of_one_set_are_summed(text, done, values):
    a = analyze_task(task(text, done), H1)
    assert sorted(m.value for m in a.measurements) == sorted(values), [m.to_dict() for m in a.measurements]


# A target reached by a figure whose sentence says its things are only basically finished or
# still under way is on course, not done, even at the year's end.
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("7所卫生院主体工程已基本完工,正在进行内外装修。", Status.ON_TRACK),
        ("7所卫生院改扩建工程已全部完工投用。", Status.DONE),
    ],
)
def test_a_target_reached_at_a_stage_short_of_finished_is_not_done(done, expected):
    s = verdict("完成7所乡镇卫生院改扩建。", done, ANNUAL)
    assert s.value is expected, s.reason


# The year's plan a progress cell states is the target when the task gives none: 年内计划 too.
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("今年排定重点项目85个,年内计划完成投资290亿元,1-6月完成投资110亿元。", Status.AT_RISK),
        ("年内计划完成投资200亿元,1-6月完成投资105亿元。", Status.ON_TRACK),
        ("年内计划完成投资200亿元,1-6月完成投资40亿元。", Status.BEHIND),
    ],
)
def test_the_plan_for_within_the_year_stated_in_the_entry_is_the_target(done, expected):
    s = verdict("推进示范区重点项目建设。", done, H1)
    assert s.value is expected, s.reason


# A declared-status cell saying the task's target or task is accomplished (完成任务) is done.
@pytest.mark.parametrize(
    ("cell", "expected"),
    [("完成任务", Status.DONE), ("完成年度目标任务", Status.DONE), ("未完成任务", Status.BEHIND)],
)
def test_a_declared_cell_saying_the_task_is_accomplished(cell, expected):
    t = task("新增2个乡镇建有托育机构。", "已在两个乡建成托育机构。")
    t.extra = {"完成成效": cell}
    s = analyze_task(t, ANNUAL).status
    assert s.value is expected, s.reason


# Opening for (trial) service is the result 投入试运营/通车 promise; a word of part (一期) that the
# task's own object names is what was promised, not a part of it.
@pytest.mark.parametrize(
    ("text", "done", "expected"),
    [
        ("地铁2号线一期工程投入试运营。", "地铁2号线一期工程已于5月28日通车试运营。", Status.DONE),
        ("滨江大道全线通车。", "滨江大道已于4月全线通车。", Status.DONE),
        ("建成地铁2号线。", "地铁2号线一期工程已于5月28日建成通车。", Status.ON_TRACK),
    ],
)
def test_opening_for_service_and_parts_the_task_names(text, done, expected):
    s = verdict(text, done, Q3)
    assert s.value is expected, s.reason


# A delay said of a count smaller than the set the target promises concerns that part (amber);
# the problems cell explaining that same delay with the same word is of that part too. A delay
# of the whole, or one told of the whole set, stays red.
@pytest.mark.parametrize(
    ("done", "problems", "expected", "rule"),
    [
        ("3条已完成整治,1条处于收尾阶段,2条处于实施阶段,进度相对滞后。", "", Status.AT_RISK, "part_delay"),
        ("3条已完成整治,1条处于收尾阶段,2条处于实施阶段,进度相对滞后。", "两条道路因管线迁改复杂,实施进度相对滞后。",
         Status.AT_RISK, "part_delay"),
        ("已开展管线摸排,整体进度滞后。", "", Status.BEHIND, "delay_words"),
        # the problems sentence explaining the part's delay, in other words besides the same one
        ("各段均已进场施工,部分路段进度比较缓慢。", "某路段因方案调整,造成进场滞后,进度相对缓慢。",
         Status.AT_RISK, "part_delay"),
        ("各条道路施工进度均滞后。", "", Status.BEHIND, "delay_words"),
        # the count is of the part achieved, the rest lags: not a part's delay
        ("3条已完成整治,其余进度滞后。", "", Status.BEHIND, "delay_words"),
        ("3条已完成整治,1条处于收尾阶段,2条处于实施阶段,进度相对滞后。", "管线迁改进度严重滞后。",
         Status.BEHIND, "delay_words"),
    ],
)
def test_a_delay_of_a_counted_part_is_amber(done, problems, expected, rule):
    s = analyze_task(task("实现城区6条主要道路架空线路入地。", done, problems), H1).status
    assert (s.value, s.rule) == (expected, rule), s.reason


# A count raised to a figure (扩充…至) is a stock to stand at, a level; added (新增) a running total.
@pytest.mark.parametrize(
    ("text", "kind"),
    [("扩充公办幼儿园学位至1800个。", "level"), ("全市养老床位增加到5000张。", "level"),
     ("新增公办幼儿园学位1800个。", "cumulative")],
)
def test_a_count_raised_to_a_figure_is_a_stock(text, kind):
    a = analyze_task(task(text, "已开展前期工作。"), H1)
    assert [t.kind for t in a.targets] == [kind], [t.to_dict() for t in a.targets]


# Below an expectation (不及预期, 低于预期) is a pace of comparative degree: amber, unless severe.
@pytest.mark.parametrize(
    ("done", "expected", "rule"),
    [
        ("精品民宿项目进度75%,不及预期。", Status.AT_RISK, "part_delay"),
        ("景区提升已完成,精品民宿项目进度低于预期。", Status.AT_RISK, "part_delay"),
        ("精品民宿项目进度远低于预期。", Status.BEHIND, "delay_words"),
        ("精品民宿项目进度远不及预期。", Status.BEHIND, "delay_words"),
        ("精品民宿项目进度滞后。", Status.BEHIND, "delay_words"),
    ],
)
def test_below_expectation_is_amber_unless_severe(done, expected, rule):
    s = verdict("推进文旅融合,建设精品民宿项目。", done, Q3)
    assert (s.value, s.rule) == (expected, rule), s.reason


# A task of several items (sub-items, each a part of the task): a plain delay stated in one
# item's progress while another item's reports a part achieved is that part's: amber. A severe
# one, or one with nothing achieved elsewhere, stays red.
@pytest.mark.parametrize(
    ("dones", "expected", "rule"),
    [
        (["推进小型船厂整治,已完成征地手续。", "某船厂资产第二次流拍,正在重新招商。"], Status.AT_RISK, "part_delay"),
        (["推进小型船厂整治,开展规范生产检查。", "某船厂资产第二次流拍,正在重新招商。"], Status.BEHIND, "delay_words"),
        (["推进小型船厂整治,已完成征地手续。", "兼并重组进度严重滞后。"], Status.BEHIND, "delay_words"),
        (["某船厂资产第二次流拍,正在重新招商。"], Status.BEHIND, "delay_words"),
    ],
)
def test_a_delay_of_one_item_while_another_reports_an_achievement_is_amber(dones, expected, rule):
    t = Task(serial="1", text="加快推动船企升级、兼并重组。", items=[Item(done=d) for d in dones])
    s = analyze_task(t, Q3).status
    assert (s.value, s.rule) == (expected, rule), s.reason


# A delay, even severe, whose sentence names the thing of one target no figure measures, while
# another target's figures keep pace: that part lags, amber (rules.NAMED_PART_MIN_BIGRAMS). The
# task as a whole lags when the delay names no one target or nothing else keeps pace.
@pytest.mark.parametrize(
    ("done", "problems", "expected", "rule"),
    [
        ("新引进标杆性企业40家。", "国际检测认证机构受外部因素影响,设立分支机构事宜远不及预期,已被搁置。",
         Status.AT_RISK, "part_delay"),
        # the delay names no one target: the whole task
        ("新引进标杆性企业40家。", "招引进度严重滞后。", Status.BEHIND, "delay_words"),
        # the other target's figures do not keep pace
        ("新引进标杆性企业10家。", "国际检测认证机构设立分支机构事宜远不及预期,已被搁置。", Status.BEHIND,
         "delay_words"),
    ],
)
def test_a_severe_delay_of_one_unmeasured_target_beside_one_keeping_pace_is_amber(done, problems, expected, rule):
    text = "引进国际检测认证机构3家、标杆性企业50家以上。"
    s = analyze_task(task(text, done, problems), Q3).status
    assert (s.value, s.rule) == (expected, rule), s.reason


# A clause naming no thing of its own, only time words and a verb of reporting (当年度累计引进39家),
# counts the thing of the clause before it (rules.ELLIPTIC_DROP): the firms, not the other target.
def test_an_elliptic_clause_with_a_time_word_counts_the_thing_before_it():
    a = analyze_task(task("引进国际检测认证机构3家、标杆性企业50家以上。", "新引进标杆性企业14家,当年度累计引进39家。",
                          "国际检测认证机构设立分支机构事宜远不及预期,已被搁置。"), Q3)
    assert sorted((m.value, m.target) for m in a.measurements) == [(14, 1), (39, 1)]
    assert (a.status.value, a.status.rule) == (Status.AT_RISK, "part_delay"), a.status.reason


# "…,完成目标任务。": a clause of its own after what was done reports the target met, as 已完成…
# does (rules.TARGET_MET); with a modal before it (确保, 力争) it promises. When the entry is that
# one sentence, the figure before it is the task's own, not one indicator of several.
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("全市干线公路路面使用性能指数达82,完成目标任务。", Status.DONE),
        ("建设改造农村电网线路587.8公里,完成目标任务。", Status.DONE),
        ("建设改造农村电网线路587.8公里,完成了年度目标任务。", Status.DONE),
        ("加快线路改造,确保完成目标任务。", Status.ON_TRACK),
        ("正在推进,力争完成目标任务。", Status.ON_TRACK),
        # one indicator of several: its target met, not the task's
        ("建设改造线路587.8公里,完成目标任务。改造台区12个,正在施工。", Status.ON_TRACK),
    ],
)
def test_a_clause_saying_the_target_task_is_completed_is_done(done, expected):
    s = verdict("农村电网改造工程", done, ANNUAL)
    assert s.value is expected, s.reason


def test_such_a_clause_may_qualify_the_target_in_a_few_words():
    s = verdict("区级一般公共预算收入增长2%左右。",
                "一般公共预算收入由年初预算43.9亿元调整为41.3亿元,增长由年初的2%调整为-4%左右。"
                "全年一般公共预算收入完成41.38亿元,完成调整后方案目标。", ANNUAL)
    assert s.value is Status.DONE, s.reason


def test_such_a_clause_in_one_item_of_several_is_that_items():
    t = Task(serial="1", text="实施城区道路和沿街立面提升改造工程。",
             items=[Item(done="道路工程基本完工,恢复通车。"), Item(done="乙县继续深化图纸设计,完成既定目标。")])
    s = analyze_task(t, ANNUAL).status
    assert s.value is not Status.DONE, s.reason


# The same claim with the whole target said as a share (已完成全年目标任务的100%, …的105%) is the
# target met, before the year ends too; a share short of the whole is progress (prose15).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("已完成全年目标任务的100%。", Status.DONE),
        ("已完成年度目标任务的105%。", Status.DONE),
        ("已完成全年目标任务的60%。", Status.ON_TRACK),
        ("力争完成全年目标任务的100%。", Status.ON_TRACK),
    ],
)
def test_a_clause_saying_the_whole_target_as_a_share_is_done(done, expected):
    s = verdict("开放乡镇综合文化站", done, H1)
    assert s.value is expected, s.reason


# A running total dated over several years (…(2013—2017年)) is a programme's total: paced by the
# share of the programme elapsed when the report's year is known, never by one year's share; with
# no year known its figures give no pace (rules.PROGRAMME_YEARS).
H1_2014 = Period(PeriodKind.H1, "上半年", date(2014, 6, 30))
H1_2016 = Period(PeriodKind.H1, "上半年", date(2016, 6, 30))


@pytest.mark.parametrize(
    ("text", "done", "period", "expected"),
    [
        # 1.5 of 5 years elapsed (0.3); 40% of the total done: on course (against the year: amber)
        ("解决500万人饮水安全(2013—2017年)。", "上半年解决了59.6万人。累计解决了200万人。", H1_2014, Status.ON_TRACK),
        # half a year of three elapsed (0.17); 20% done: on course (against the year: red)
        ("农村公路安装安全设施3000公里(2016-2018年)。", "上半年已完成610公里。", H1_2016, Status.ON_TRACK),
        # 3.5 of 5 years elapsed (0.7); 45% done: red (against the year: on course)
        ("完成2000个行政村环境整治(2013—2017年)。", "累计完成了900个行政村整治。", H1_2016, Status.BEHIND),
        # no year known: no pace from figures
        ("解决500万人饮水安全(2013—2017年)。", "上半年解决了59.6万人。", None, Status.ON_TRACK),
        # the year's own total is prorated as before
        ("解决50万人饮水安全。", "上半年解决了5.96万人。", H1_2014, Status.BEHIND),
    ],
)
def test_a_programme_total_over_several_years_is_paced_by_the_programme(text, done, period, expected):
    s = verdict(text, done, period)
    assert s.value is expected, s.reason


# A done cell opening with a share and a bracket (80%(某园进度滞后)) states the share of the task
# done and what holds it back: a plain delay or a thing not begun there is of the rest, amber,
# unless severe or the share itself is well under the time share (rules.LEADING_SHARE).
OCT = Period(PeriodKind.MONTH, "1-10月", date(2023, 10, 31))


@pytest.mark.parametrize(
    ("done", "expected", "rule"),
    [
        ("80%(城东实验幼儿园进度滞后)", Status.AT_RISK, "part_delay"),
        ("88%(甲镇园区路、乙镇农村路推进缓慢)", Status.AT_RISK, "part_delay"),
        ("50%(乙镇未开工)", Status.AT_RISK, "part_delay"),
        # severe: red whatever the share
        ("80%(城东实验幼儿园进度严重滞后)", Status.BEHIND, "delay_words"),
        # the share itself well short of the time share (0.83): red
        ("30%(城东实验幼儿园进度滞后)", Status.BEHIND, "delay_words"),
        # no share: the delay is the task's
        ("城东实验幼儿园进度滞后", Status.BEHIND, "delay_words"),
        ("尚未开工", Status.NOT_STARTED, "not_started"),
    ],
)
def test_a_delay_in_the_bracket_after_a_share_done_is_of_the_rest(done, expected, rule):
    s = verdict("新建、改扩建公办幼儿园5所。", done, OCT)
    assert (s.value, s.rule) == (expected, rule), s.reason


# A claim whose subject counts exactly what the task promises (the same figures) is the whole
# task's; another count is a part's.
@pytest.mark.parametrize(
    ("text", "done", "expected"),
    [
        ("完成7.4万口山塘整治。", "全市7.4万口山塘整治工作已提前完成总目标任务。", Status.DONE),
        ("推进16个重点项目建设。", "16个项目已提前完成全年任务。", Status.DONE),
        ("推进20个重点项目建设。", "16个项目已提前完成全年任务,其余在建。", Status.ON_TRACK),
        ("推进160个重点项目建设。", "16个项目已提前完成全年任务。", Status.ON_TRACK),
    ],
)
def test_a_claim_of_the_very_set_the_task_promises_is_the_whole(text, done, expected):
    s = verdict(text, done, Q3)
    assert s.value is expected, s.reason


# A claim of all of a counted set (四项指标均已完成) is of that set only when its count is not the
# task's and another sentence reports a figure of something else; a total (共计20项) or the
# task's own count is the whole.
@pytest.mark.parametrize(
    ("text", "done", "expected"),
    [
        ("主要约束性指标完成上级下达的计划目标。",
         "预计单位生产总值能耗同比上升1%左右。甲、乙、丙、丁四项指标均已完成减排目标。", Status.ON_TRACK),
        ("主要约束性指标完成上级下达的计划目标。", "甲、乙、丙、丁四项指标均已完成减排目标。", Status.DONE),
        ("做好对口协作工作。", "涉及我市的共计20项指标均已超额完成省定目标。其中帮扶资金完成1902万元。", Status.DONE),
        ("完成四项减排指标。", "预计能耗上升1%。四项指标均已完成减排目标。", Status.DONE),
    ],
)
def test_a_claim_of_all_of_a_counted_set_beside_another_figure_is_of_that_set(text, done, expected):
    s = verdict(text, done, Q3)
    assert s.value is expected, s.reason


# A few things to finish, some finished and the rest under way: short of the time share is amber
# (they land in lumps), not red; nothing finished, or many things, stays by pace
# (rules.LUMPY_COUNT_MAX, LUMPY_UNDER_WAY).
@pytest.mark.parametrize(
    ("text", "done", "expected"),
    [
        ("实现城区6条主要道路架空线入地。", "3条道路已完成架空线入地,1条处于收尾阶段,2条处于实施阶段。", Status.AT_RISK),
        ("实现城区6条主要道路架空线入地。", "3条道路已完成架空线入地。", Status.BEHIND),
        ("实现城区6条主要道路架空线入地。", "6条均在施工。", Status.ON_TRACK),
        ("改造老旧小区60个。", "已完成改造30个,其余在建。", Status.BEHIND),
    ],
)
def test_a_few_things_finished_in_lumps_with_the_rest_under_way_is_amber(text, done, expected):
    s = verdict(text, done, Q3)
    assert s.value is expected, s.reason
