"""Status rules found on the spent blind sets' tuned part (session 16), each with its general
statement in docs/analysis.md and its made-up cases here. Table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3, task

H1 = Period(PeriodKind.H1, "上半年", date(2024, 6, 30))
YEAR = Period(PeriodKind.ANNUAL, "全年", date(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "done", "period", "expected", "rule", "says"),
    [
        # LONE SHARE OF A RUNNING TOTAL: a per cent alone, every target a running total of the
        # year — graded by the time share: ahead, on course, amber; never red
        ("新增配置公共场所除颤仪120台。", "85%", H1, Status.AHEAD, "lone_share", "超过时间进度50%"),
        ("新增残疾人就业60人以上。", "70%", Q3, Status.ON_TRACK, "progress", "不低于时间进度75%"),
        ("新增残疾人就业60人以上。", "60%", Q3, Status.AT_RISK, "lone_share", "略低于时间进度75%"),
        ("新增残疾人就业60人以上。", "25%", Q3, Status.AT_RISK, "lone_share", "仅凭此比例不判滞后"),
        # no target to pace (a project's whole may run over years), or a per-cent target the
        # figure measures, or the year is over: the rule of a figure alone, as before
        ("建设城市污水处理厂。", "25%", Q3, Status.ON_TRACK, "progress", "未按时间进度判断"),
        ("新增残疾人就业60人以上。", "25%", YEAR, None, None, ""),
    ],
)
def test_lone_share_of_a_running_total(text, done, period, expected, rule, says):
    s = analyze_task(task(text, done), period).status
    if expected is None:
        assert s.rule != "lone_share"
        return
    assert (s.value, s.rule) == (expected, rule)
    assert says in s.reason


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        # HIGHER LEVEL ONLY: the entry says only that a higher level runs or counts the item
        ("市统项目", Status.NO_DATA),
        ("市統 項目。", Status.NO_DATA),
        ("由市统一实施。", Status.NO_DATA),
        ("属省级统筹事项", Status.NO_DATA),
        # anything more is progress of its own
        ("市统项目,已完成招标。", Status.ON_TRACK),
        ("区级统筹推进项目3个,均已开工。", Status.ON_TRACK),
    ],
)
def test_higher_level_only_is_no_data(done, expected):
    s = analyze_task(task("实行门诊报销比例不低于50%。", done), Q3).status
    assert s.value is expected
    assert (s.rule == "higher_level_only") is (expected is Status.NO_DATA)


@pytest.mark.parametrize(
    ("text", "done", "expected", "rule"),
    [
        # BASICALLY FINISHED IS NOT DONE: the unit's own verdict, a sentence of its own
        ("完成县中一对一结对帮扶学校1所(甲中学结对乙高级中学)。",
         "基本完成。\n完成甲中学与乙中学一对一结对帮扶任务及信息上报,待上级审核。", Status.ON_TRACK,
         "basically_only"),
        # without it the finished step is the task done, as before
        ("完成县中一对一结对帮扶学校1所(甲中学结对乙高级中学)。",
         "完成甲中学与乙中学一对一结对帮扶任务及信息上报。", Status.DONE, "done"),
        ("建成社区养老服务中心1个。", "养老服务中心已建成投入使用。", Status.DONE, "done"),
        ("建成社区养老服务中心1个。", "目前已基本建成。养老服务中心已建成投入使用。", Status.ON_TRACK, None),
        # figures past every target outweigh it: done
        ("完成成人学历提升400人。", "基本完成。\n成人学历提升完成860人,完成率达215%。", Status.DONE, None),
        # 基本 inside a longer sentence is left to the other rules (a part basically finished)
        ("建成社区养老服务中心1个。", "养老服务中心主体基本完成,正在装修。", Status.ON_TRACK, "progress"),
    ],
)
def test_basically_finished_is_not_done(text, done, expected, rule):
    s = analyze_task(task(text, done), Q3).status
    assert s.value is expected
    if rule:
        assert s.rule == rule


def _declared(text: str, done: str, **extra: str):
    from luoshi.ingest.model import Item, Task

    t = Task(serial="1", text=text, items=[Item(done=done)], extra=extra)
    return analyze_task(t, Q3).status


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        # DECLARED FULL, TEXT SHORT: the text gives the works' progress under 100: on course
        ("甲路段:开展路基开挖,累计形象进度30%;乙路段:完成形象进度至45%", Status.ON_TRACK),
        ("道路工程进度为80%,桥梁已完工。", Status.ON_TRACK),
        # a share of something else is no progress of the works; 100% in the text agrees
        ("两条道路均已通车,资金拨付进度95%。", Status.DONE),
        ("两条道路均已通车,形象进度100%。", Status.DONE),
    ],
)
def test_declared_full_with_a_short_share_in_the_text(done, expected):
    s = _declared("打通断头路2条。", done, 形象进度="100.0%")
    assert s.value is expected


@pytest.mark.parametrize(
    ("text", "done", "expected"),
    [
        # ALL OF IT FINISHED: all of the task's things said finished, with 已 and 全部/均
        ("完成3条无灯道路路灯建设,解决夜间照明问题。", "照明设施已于5月全部安装完毕,正式亮灯。", Status.DONE),
        ("完成农村危房改造120户。", "危房改造户均已完工并通过验收。", Status.DONE),
        # not a finish (a start), not all (no 全部/均), not the task's things, or something left
        ("完成农村危房改造120户。", "危房改造户已全部开工。", Status.ON_TRACK),
        ("完成3条无灯道路路灯建设,解决夜间照明问题。", "照明设施已于5月安装完毕。", Status.ON_TRACK),
        ("完成3条无灯道路路灯建设,解决夜间照明问题。", "招标文件已全部编制完成。", Status.ON_TRACK),
        ("完成农村危房改造120户。", "危房改造户均已完工,验收工作正在进行。", Status.ON_TRACK),
        ("完成农村危房改造120户。", "2个村的改造户均已完工。", Status.ON_TRACK),
    ],
)
def test_all_of_it_finished(text, done, expected):
    s = analyze_task(task(text, done), Q3).status
    assert s.value is expected, s.reason


@pytest.mark.parametrize(
    ("text", "done", "expected"),
    [
        # ONE OF THE LISTED THINGS: a plain delay of one thing the task lists, another reported
        # on with no delay: a part lags, amber
        ("甲镇大桥、乙河桥新建等项目落地建设", "甲镇大桥:初步设计已完成,因资金保障难度大,项目暂缓。乙河桥新建按要求推进相关工作",
         Status.AT_RISK),
        ("推进东区污水厂和西区污水管网建设。", "东区污水厂进度滞后。西区污水管网正在铺设。", Status.AT_RISK),
        # both lag, or the delay names no one of them, or it is severe: red
        ("推进东区污水厂和西区污水管网建设。", "东区污水厂进度滞后。西区污水管网进度滞后。", Status.BEHIND),
        ("推进东区污水厂和西区污水管网建设。", "项目进度滞后。西区污水管网正在铺设。", Status.BEHIND),
        ("推进东区污水厂和西区污水管网建设。", "东区污水厂进度严重滞后。西区污水管网正在铺设。", Status.BEHIND),
        # a task listing one thing: as before
        ("推进东区污水厂建设。", "东区污水厂进度滞后。", Status.BEHIND),
    ],
)
def test_one_of_the_listed_things_lags(text, done, expected):
    s = analyze_task(task(text, done), Q3).status
    assert s.value is expected, s.reason


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        # DECLARED DONE, A PART SAID TO LAG: the table's 100% does not make it done
        ("东区污水厂已建成。西区污水管网个别路段进度滞后。", Status.AT_RISK),
        # without words of a part lagging the declaration wins over a green reading, as before
        ("东区污水厂已建成。西区污水管网已铺设。", Status.DONE),
    ],
)
def test_declared_done_does_not_hide_a_part_lagging(done, expected):
    s = _declared("推进东区污水厂和西区污水管网建设。", done, 形象进度="100%")
    assert s.value is expected, s.reason


OCTOBER = Period(PeriodKind.MONTH, "1-10月", date(2024, 10, 31), month=10)


@pytest.mark.parametrize(
    ("text", "done", "period", "expected"),
    [
        # PREPARATION ONLY, LATE IN THE YEAR: after Q3, only preparatory steps: amber
        ("完成15公里农村公路大修。", "已完成招投标工作。", OCTOBER, Status.AT_RISK),
        ("建设镇中心养老院。", "项目规划、设计等前期准备工作已完成,正在进行项目选址。", OCTOBER,
         Status.AT_RISK),
        # at the year's end the time for the work is over: red
        ("建设镇中心养老院。", "项目规划、设计等前期准备工作已完成,正在进行项目选址。", YEAR, Status.BEHIND),
        # at Q3 a work of the last quarter may still be in preparation; a plan may be the task
        ("完成15公里农村公路大修。", "已完成招投标工作。", Q3, Status.ON_TRACK),
        ("完成国土空间规划编制。", "已完成规划初稿。", OCTOBER, Status.ON_TRACK),
        # a start or a figure is more than preparation
        ("完成15公里农村公路大修。", "已完成招投标,施工队伍已进场。", OCTOBER, Status.ON_TRACK),
        ("完成15公里农村公路大修。", "已完成设计,完成大修6公里。", OCTOBER, None),
    ],
)
def test_preparation_only_late_in_the_year(text, done, period, expected):
    s = analyze_task(task(text, done), period).status
    if expected is None:
        assert s.rule != "preparation_only"
        return
    assert s.value is expected, s.reason
    assert (s.rule == "preparation_only") is (expected in (Status.AT_RISK, Status.BEHIND))
