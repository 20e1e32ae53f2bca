"""Measurements: which figures of a progress text measure which target, and as of when."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task
from luoshi.vocab import Status

from .conftest import Q3, task


def ms(text, done):
    return [(m.value, m.unit, m.as_of, m.target) for m in analyze_task(task(text, done), Q3).measurements]


@pytest.mark.parametrize(
    ("text", "done", "expected"),
    [
        # the metric words match
        ("确保全年招商到位资金18亿元。", "1-9月,累计到位资金15.98亿元。", [(15.98, "亿元", "1-9月", 0)]),
        # scale differs: 万元 against 亿元, matched by unit family when the metric has no other figure
        ("新增地方综合贡献1.5亿元以上。", "截至9月,已招引企业86家,累计入库税收6987.6万元。",
         [(6987.6, "万元", "截至9月", 0)]),
        # a rate target is measured by a rate, with its sign
        ("社会消费品零售总额增长8.5%以上。", "1-8月实现社会消费品零售额17.47亿元,同比下降4.8%,降幅收窄3个百分点。",
         # the amount reported with the growth rate measures the same metric (issue 10)
         [(17.47, "亿元", "1-8月", 0), (-4.8, "%", "1-8月", 0)]),
        # periods per quarter
        ("集装箱吞吐量突破30万标箱。", "一季度累计完成6万标箱,二季度累计完成13.2万标箱。",
         [(6, "万标箱", "一季度", 0), (13.2, "万标箱", "二季度", 0)]),
        # the plan restated, a forecast, what remains and a breakdown are not measurements
        ("全年筹融资24亿元以上。", "1-9月,共完成融资12.85亿元,占全年计划24.6亿元的52.24%。其中:甲公司融资8.55亿元。",
         [(12.85, "亿元", "1-9月", 0)]),
        ("新增上云企业80家。", "目前预计新增3家平台企业,1-9月上云企业80家。", [(80, "家", "1-9月", 0)]),
        # 向上争取 reports funds won from above, 争取 alone looks ahead (rules.FUTURE_NOT)
        ("争取上级资金30亿元。", "积极向上争取建设资金22亿元。", [(22, "亿元", "", 0)]),
        ("争取上级资金30亿元。", "下半年争取建设资金22亿元。", []),
        ("推出20项微改革举措。", "共20项举措,已完成15个,剩余5个正在推进。", [(20, "项", "", 0), (15, "个", "", 0)]),
        # two targets of one family are told apart by their words
        ("消化土地300亩,处置闲置土地1400亩。", "处置闲置土地325亩,消化土地334亩。",
         [(325, "亩", "", 1), (334, "亩", "", 0)]),
        # a different kind of money is not the target's metric
        ("确保海洋产业增加值80亿元以上。", "1-9月示范区项目累计完成投资20.23亿元。", []),
        # different measure words do not compare (幢 vs 家)
        ("新增标志性楼宇2幢。", "已累计新招引企业37家。", []),
        # a figure with no achievement in its clause is not taken for the target by unit alone
        ("创建示范村20个以上。", "会同6个部门审查名单。", []),
        # figures joined by 和 share the verb of change before the first
        ("事故起数、死亡人数分别下降20%。", "1-8月发生事故10起,死亡8人,分别同比下降25%和30%。",
         [(25, "%", "1-8月", 0), (30, "%", "1-8月", 0)]),
        # a count naming the set another figure measures is not a measurement of the count; the
        # figure about that set (the target's own 50个) reports on the target, with no ratio
        ("抓好50个重点项目建设。", "50个重点项目1-8月完成投资80亿元。", [(80, "亿元", "1-8月", 0)]),
        # the whole economy's output is not one sector's value added; a shared 增长 names no metric
        ("地区生产总值增长8%左右。", "规上工业增加值增长9%。", []),
        # 建设 names no metric: 开工 tells the two count targets apart
        ("抓好20个重点项目建设,新开工10个重大项目。", "1-8月新增项目已有7个开工建设。", [(7, "个", "1-8月", 1)]),
        # 增加值 is a noun, not a verb of change: the share is a level
        ("新兴产业增加值占比提升至44%。", "1-2月新兴产业增加值占规上工业增加值比重为46.3%。",
         [(46.3, "%", "1-2月", 0)]),
        # a count sharing no word with the target counts something else
        ("每个环节谋划落地1-2个项目。", "已建设完成深水网箱120个。", []),
        # the total named before 已完成 is the set; the figure after it is what was done
        ("实施25个隐患点治理工程。", "25处隐患点已完成治理17处(含省级3处)。", [(17, "处", "", 0)]),
        # a figure about the very set a target promises reports on it, in another unit (no ratio)
        ("推进60个市级重点项目建设。", "60个市级重点项目1-9月完成投资210.5亿元,完成年度计划的78%。",
         [(210.5, "亿元", "1-9月", 0)]),
        ("新开工30个产业项目。", "30个产业项目1-6月累计完成投资12亿元。", [(12, "亿元", "1-6月", 0)]),
        # ... but not when the set is another number than the target's
        ("推进60个市级重点项目建设。", "45个项目1-9月完成投资210.5亿元。", []),
        # the amount of a cut reports on a cut target beside the cut rate itself
        ("压减一般性支出不低于8%。", "一般性支出压减8%,共计压减支出3.2亿元。",
         [(8, "%", "", 0), (3.2, "亿元", "", 0)]),
        # a further cut on an already cut base ("再压减") is not the cut the target asks for
        ("压减会议经费不低于10%。", "会议经费已压减10%,在此基础上再压减20%。", [(10, "%", "", 0)]),
        ("气价每方下降0.5元。", "在前期下调8%的基础上又下调了3%。", []),
        # a minus sign after a rate word is a fall; after a figure it is a range dash
        ("地区生产总值增长5%左右。", "全年地区生产总值初步核算增幅-2.3%。", [(-2.3, "%", "", 0)]),
        ("财政收入增长3%。", "财政收入增长为-1.5%。", [(-1.5, "%", "", 0)]),
        # a plan set at the start of the year or adjusted since restates the plan
        ("税收收入增长4%左右。", "税收收入增长由年初的4%调整为-2%左右,全年税收收入增长-1.8%。",
         [(-1.8, "%", "", 0)]),
        ("建设重点项目40个。", "今年排定40个重点项目,已开工32个。", [(32, "个", "", 0)]),
        # a set that opens its clause, the next clause reporting on it
        ("建设重点项目40个。", "全市40个重点项目,完成投资52亿元。", [(52, "亿元", "", 0)]),
        # the whole a part is taken from ("N个指标中") is no measurement
        ("5个结构性指标增长10%以上。", "5个结构性指标中,民间投资增长12%。", [(12, "%", "", 1)]),
        ("完成16个小区改造。", "16个小区中3个已完成改造。", [(3, "个", "", 0)]),  # X of Y
        # two readings of one growth side by side: both measure the target; a rate naming
        # another metric does not
        ("一般公共预算收入增长7%。", "一般公共预算收入自然口径增长4.3%,同口径增长17.7%。",
         [(4.3, "%", "", 0), (17.7, "%", "", 0)]),
        ("一般公共预算收入增长7%。", "一般公共预算收入增长8%,工业增加值增长17.7%。", [(8, "%", "", 0)]),
        # X of Y with the set's size in brackets: the Y is no measurement
        ("建设生活小区30个。", "生活小区(30个):13个已完成,其余正在施工。", [(13, "个", "", 0)]),
        # labels in progress text
        ("建设5G基站100个。", "2.5G基站已经建成93个。", [(93, "个", "", 0)]),
    ],
)
def test_measurements(text, done, expected):
    assert ms(text, done) == expected


def test_ratio_after_unit_conversion_and_stated_ratio():
    a = analyze_task(task("确保完成投资40亿元以上。", "三季度累计完成年度计划61.98%,累计投资25.8亿元"), Q3)
    (m,) = a.measurements
    assert m.ratio == pytest.approx(25.8 / 40)
    assert m.ratio_stated == 61.98
    assert m.as_of == "三季度" and m.as_of_date == "2020-09-30"
    d = m.to_dict()
    assert set(d) == {"metric", "value", "unit", "as_of", "span", "ratio_stated", "target", "ratio"}
    assert d["span"] in "三季度累计完成年度计划61.98%,累计投资25.8亿元"


def test_spans_are_exact_substrings_with_offsets():
    done = "1.完成招引2家企业。\n2.累计完成市场采购贸易出口约285万美元,完成市对区考核任务的57%"
    a = analyze_task(task("积极参与试点,完成出口500万美元。", done), Q3)
    (m,) = a.measurements
    assert done[m.span.start : m.span.end] == m.span.text
    assert m.span.field == "done" and m.span.item == 0
    assert m.ratio_stated == 57 and m.ratio == pytest.approx(0.57)


def test_no_targets_no_measurements():
    assert analyze_task(task("深化政务公开工作。", "完成15所学校结对帮扶。"), Q3).measurements == []


def test_figure_about_the_target_set_has_no_ratio_across_units():
    a = analyze_task(task("推进60个市级重点项目建设。", "60个市级重点项目1-9月完成投资210.5亿元。"), Q3)
    [m] = a.measurements
    assert (m.value, m.unit, m.target, m.ratio) == (210.5, "亿元", 0, None)
    assert a.status.value is not Status.BEHIND  # no ratio: nothing to compare with the pace


@pytest.mark.parametrize(("done", "expected"), [
    # a count that ends a clause of its own verb is a figure of its own, not the set the next
    # clause reports on
    ("各社区开展公益活动25场,累计服务群众3000人次。", [(25, "场"), (3000, "人次")]),
    # a set opening its clause, the next reporting on it: the set is no figure
    ("全区12个省重点项目,完成投资80.5亿元。", [(80.5, "亿元")]),
    # a range dash is no minus sign
    ("2家进度30%-50%之间。", [(2, "家"), (30, "%"), (50, "%")]),
    # X of Y: the set's size is another figure, the part done too
    ("生活小区(30个):13个已完成。", [(30, "个"), (13, "个")]),
    # a share of the budget is a stated completion share, attached to its figure
    ("1-6月一般公共预算支出318.5亿元,完成年初预算的54.8%。", [(318.5, "亿元")]),
    ("1-9月完成投资8.5亿元,完成投资率85.49%。", [(8.5, "亿元")]),
])
def test_other_figures(done, expected):
    a = analyze_task(task("深入推进某项工作。", done), Q3)
    assert [(m.value, m.unit) for m in a.figures] == expected


# A change from one level to another reports the new level; the old one is where it started
# (rules.FROM_LEVEL_BEFORE / FROM_LEVEL_AFTER). Paraphrased cases.
@pytest.mark.parametrize("done, figures", [
    ("补助标准从每人每年500元提高到540元", [(540.0, "元")]),
    ("报销比例由40%提高至55%,惠及群众3万人次", [(55.0, "%"), (3.0, "万人次")]),
    ("收费从每方5元下调为4.2元", [(4.2, "元")]),
    # No change verb after it: a span of figures, both kept.
    ("从3月到5月共完成12个项目", [(12.0, "个")]),
    ("已完成投资2亿元,由去年的1亿元翻番", [(2.0, "亿元"), (1.0, "亿元")]),
])
def test_the_level_a_change_started_from_is_no_measurement(done, figures):
    from luoshi.extract.measurements import scan as scan_cell
    cands, _ = scan_cell(done)
    assert [(c.q.value, c.q.unit) for c in cands] == figures


@pytest.mark.parametrize(
    ("done", "values"),
    [
        ("该项目总投资约260万元,资金由街道负责。该项目已完工。", []),
        ("其中甲路投资约250万元、乙路投资约100万元。", []),
        ("已完成投资120万元。", [120.0]),
        ("目前已安排36个项目,总投资88.1亿元。", [88.1]),  # the size of what was arranged
        # money spent may be approximate: a done word before it makes it a measurement
        ("已累计完成投资约2000万元。", [2000.0]),
    ],
)
def test_a_project_budget_is_no_measurement(done, values):
    a = analyze_task(task("新建公园3个,投资500万元。", done), Q3)
    assert sorted(m.value for m in a.measurements) == sorted(values)


# NOT YET BEGUN (rules.NOT_BEGUN_AFTER): a figure whose own clause says it has not begun, or is
# only being prepared, is what is still to do. Made-up cases.
@pytest.mark.parametrize(("done", "expected"), [
    ("推进滨江绿道建设3公里未启动。", []),
    ("新建口袋公园4个尚未开工。", []),
    ("打造2个社区食堂示范点正着手准备招标。", []),
    # the not-begun words in the next clause are of another thing: the figure is achieved
    ("已建成绿道3公里,其余段落未启动。", [(3, "公里")]),
    ("已建成口袋公园4个。", [(4, "个")]),
])
def test_a_figure_not_yet_begun_is_no_achievement(done, expected):
    a = analyze_task(task("深入推进某项工作。", done), Q3)
    assert [(m.value, m.unit) for m in a.figures + a.measurements] == expected


# YEAR-ON-YEAR FALL (rules.YEAR_ON_YEAR_WORDS): a per cent measuring no target that fell against
# last year's same period is a growth, negative; a bare fall says how much was cut. Made up.
@pytest.mark.parametrize(("done", "expected"), [
    ("上半年会议费同比下降12.5%。", [(-12.5, "%")]),
    ("公务用车费用比上年同期减少8%。", [(-8.0, "%")]),
    ("单位产值能耗下降4.2%。", [(4.2, "%")]),  # a cut achieved, kept positive
    ("培训费同比增长3%。", [(3.0, "%")]),
])
def test_a_fall_against_last_year_is_a_negative_growth(done, expected):
    a = analyze_task(task("加强机关事务管理。", done), Q3)
    assert [(m.value, m.unit) for m in a.figures] == expected
