"""The table's own evidence (issue 10): declared status and target columns, figures filed in
a reporting round — each feeds the status, and the reason says so."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest import Period
from luoshi.ingest.model import Item, Task
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3

H1 = Period(PeriodKind.H1, "上半年", date(2023, 6, 30))


def tsk(text, done, **extra):
    return Task(serial="1", text=text, items=[Item(done=done)], extra=extra)


@pytest.mark.parametrize(
    ("extra", "done", "expected"),
    [
        ({"是否达序": "否"}, "已完成部分前期工作。", Status.BEHIND),
        ({"是否达序": "是"}, "按计划推进。", Status.ON_TRACK),  # vague text, declared on course
        ({"进展状态": "顺利推进"}, "正在推进。", Status.ON_TRACK),
        ({"形象进度": "100%"}, "主体工程已完工,正在验收。", Status.DONE),
        ({"形象进度": "40%"}, "主体工程正在施工。", Status.BEHIND),  # 0.40 well under 0.75
        ({"进展状态": "滞后"}, "已完成设计。", Status.BEHIND),
        ({"进展状态": "尚未启动"}, "正在谋划。", Status.NOT_STARTED),
        # a declared "on course" never hides a lag the text states
        ({"进展状态": "顺利推进"}, "项目进度严重滞后。", Status.BEHIND),
        # a bare number under a per-cent header is a percentage: 80% at three quarters keeps pace
        ({"完成目标(%)": "80"}, "", Status.ON_TRACK),
        ({"完成目标(%)": "45.5"}, "", Status.BEHIND),
        ({"完成进度(%)": "120"}, "", Status.DONE),
        # a declared 100% while building is still under way is this year's plan done, not the
        # task: on course (acceptance under way, above, is no building work)
        ({"完成工作进度(%)": "100"}, "已完成招标,正在进行桩基施工。", Status.ON_TRACK),
        ({"形象进度": "100%"}, "一期已建成,二期仍在建设。", Status.ON_TRACK),
        ({"形象进度": "100%"}, "两所学校已建成,其余项目正在建设。", Status.ON_TRACK),
        ({"完成工作进度(%)": "100"}, "已完成。", Status.DONE),
        # met and exceeded is done; ahead of the time share is ahead
        ({"完成成效": "超额完成"}, "已培训420人。", Status.DONE),
        ({"进展状态": "超序时进度"}, "已培训420人。", Status.AHEAD),
        ({"进展状态": "达到时间进度"}, "", Status.ON_TRACK),
        ({"进展状态": "低于时间进度"}, "已培训420人。", Status.BEHIND),
        # the unit's declared progress of the whole task keeps pace: a count of parts finished
        # (3 of 16 at three quarters) is no lag of the whole
        ({"形象进度(%)": "80%"}, "16个小区中3个已完成改造,其余正在施工。", Status.ON_TRACK),
        # ... but it never hides words of delay
        ({"形象进度(%)": "80%"}, "16个小区中3个已完成改造,其余进度严重滞后。", Status.BEHIND),
        # a remark that is only a status phrase declares one
        ({"备注": "达到时间进度"}, "", Status.ON_TRACK),
        ({"备注": "已完成"}, "", Status.DONE),
        ({"备注": "按时序推进"}, "", Status.ON_TRACK),
        # a negated on-course phrase declares the lag (未按…, not its 按时序/按计划)
        ({"备注": "未按时序推进"}, "已完成设计。", Status.BEHIND),
        ({"进展状态": "未按计划推进"}, "已完成设计。", Status.BEHIND),
    ],
)
def test_declared_status_column(extra, done, expected):
    text = "完成16个小区改造。" if "小区" in done else "建设某工程。"
    s = analyze_task(tsk(text, done, **extra), Q3).status
    assert s.value is expected, s.reason
    assert any(e.field == "declared" for e in s.evidence)
    assert "表中" in s.reason


@pytest.mark.parametrize("extra", [
    {"备注": "牵头单位:市人社局,配合单位:市财政局"},  # a remark that says more is no declaration
    {"备注": "已完成部分项目前期工作,其余正在推进"},
    {"完成目标": "80"},  # a bare number without a per-cent header says nothing of a share
    {"完成目标(%)": "19456"},  # no share: a count under a per-cent header (misread columns)
])
def test_not_a_declaration(extra):
    s = analyze_task(tsk("建设某工程。", "", **extra), Q3).status
    assert s.value is Status.NO_DATA, s.reason


def test_target_column_of_a_period_falls_due_at_its_end():
    # "半年度目标: 完成投资10亿元" — 9亿元 at H1 is 90% of that period's own target, not of a
    # year's: judged as is at the period's end.
    t = tsk("推进某园区建设。", "上半年完成投资6亿元。", **{"半年度目标任务": "完成投资10亿元"})
    a = analyze_task(t, H1)
    assert [(x.value, x.unit, x.due_share) for x in a.targets] == [(10, "亿元", 0.5)]
    assert a.status.value is Status.BEHIND, a.status.reason  # 0.6 of a target due now
    t.items[0].done = "上半年完成投资9.5亿元。"
    assert analyze_task(t, H1).status.value is Status.ON_TRACK


def test_filed_figure_wins_over_the_text():
    t = tsk("完成投资40亿元以上。", "1-9月累计完成投资12亿元。")
    assert analyze_task(t, Q3).status.value is Status.BEHIND
    a = analyze_task(t, Q3, reported={0: 32.0})
    assert a.status.value is Status.ON_TRACK, a.status.reason
    filed = [m for m in a.measurements if m.span.field == "reported"]
    assert [(m.value, m.target) for m in filed] == [(32.0, 0)]
    # a reported figure for a target that does not exist is ignored
    assert analyze_task(t, Q3, reported={5: 1.0}).status.value is Status.BEHIND


# --- one reading of a declared share, for the status, for combine and for the figure -------

PARTS = "16个小区中3个已完成改造,其余正在施工。"  # a figure's lag (3 of 16) the share outweighs


@pytest.mark.parametrize(("header", "cell", "share", "figure"), [
    pytest.param("形象进度", "80%", 80, True, id="percent"),
    pytest.param("进度(%)", "80", 80, True, id="bare-under-percent-header"),
    # a header naming progress is a share of the work, whatever words come before it
    pytest.param("完成工作进度(%)", "80", 80, True, id="work-progress-header"),
    pytest.param("完成进度(%)", "80", 80, True, id="completion-progress-header"),
    pytest.param("形象进度", "完成80%,顺利推进", 80, True, id="percent-inside-words"),
    # a completion rate is the share for the status, but the stated ratio of an amount the
    # row gives in another column, not a figure of its own
    pytest.param("完成目标(%)", "80", 80, False, id="bare-completion-rate"),
    pytest.param("年计划投资完成率", "80%", 80, False, id="completion-rate"),
    pytest.param("完成目标(%)", "19456", None, False, id="count-under-percent-header"),
    pytest.param("形象进度", "1500%", None, False, id="above-the-believable-share"),
    pytest.param("完成目标", "80", None, False, id="bare-without-percent-header"),
])
def test_a_declared_share_is_read_one_way(header, cell, share, figure):
    """The share the status rests on, the share that outweighs a figure's lag and the figure
    the table reports are one reading (table.declared_share)."""
    a = analyze_task(tsk("完成16个小区改造。", PARTS, **{header: cell}), Q3)
    figures = [m.value for m in a.figures if m.span.field == "declared"]
    assert figures == ([share] if figure else [])
    declared = any(e.field == "declared" for e in a.status.evidence)
    if share is None:
        assert a.status.value is not Status.ON_TRACK or not declared, a.status.reason
    else:
        # 80% at three quarters keeps pace: it outweighs the count of parts finished
        assert a.status.value is Status.ON_TRACK and declared, a.status.reason


# -- issue 10: a target column's bare figure names no metric; the row's name does -------------

H1_2021 = Period(PeriodKind.H1, "上半年", date(2021, 6, 30))


@pytest.mark.parametrize(
    ("name", "column", "done", "metric", "kind", "status"),
    [
        # a growth rate named by the row: a rate, compared as is (28% against 6% is ahead)
        ("区级税收收入增长率", "6%以上", "28%", "区级税收收入增长率", "rate", "ahead"),
        ("实际利用外资增长率", "5%", "4%", "实际利用外资增长率", "rate", "at_risk"),
        # a count named by the row; the cell that is the figure alone measures it
        ("新增总部企业数", "3家", "4家", "新增总部企业数", "cumulative", "done"),
        ("新增总部企业数", "6家", "1家", "新增总部企业数", "cumulative", "behind"),
        # a cell with words of its own keeps them
        ("招商引资", "引进项目20个", "已引进12个", "引进项目", "cumulative", "on_track"),
    ],
)
def test_a_bare_target_cell_takes_the_rows_name(name, column, done, metric, kind, status):
    t = Task(serial="1", text=name, items=[Item(done=done)], extra={"年度目标": column})
    a = analyze_task(t, H1_2021)
    (target,) = a.targets
    assert (target.metric, target.kind) == (metric, kind)
    assert a.status.value.value == status, a.status.reason


# A bare number in the target and achieved columns takes the unit the row's remark writes the
# same number in (rules.STATED_UNIT_MIN_DIGITS); none, several, or a one-digit number: no unit.
@pytest.mark.parametrize("target, done, remark, expected", [
    ("150", "150", "已完成150户改造,正在验收", [(150.0, "户")]),
    ("60", "45", "60个项目已开工45个", [(60.0, "个")]),
    ("150", "150", "", []),
    ("150", "150", "完成150户,另有150个项目在建", []),
    ("3", "3", "已建成3座", []),
])
def test_a_bare_number_takes_the_unit_its_row_writes(target, done, remark, expected):
    t = Task(serial="1", text="改造老旧住房", items=[Item(done="")],
             extra={"工作目标": target, "已完成数": done, "备注": remark})
    a = analyze_task(t, Q3, 2026)
    assert [(x.value, x.unit) for x in a.targets] == expected
    if expected:
        assert (float(done), expected[0][1]) in [(m.value, m.unit) for m in a.measurements]


@pytest.mark.parametrize(
    ("header", "period", "figures"),
    [
        # a second progress column of the report's own period (1-9月) is this entry's: read
        ("1-9月份工作取得成效", Q3, [(12, "处"), (300, "万元")]),
        ("前三季度取得成效", Q3, [(12, "处"), (300, "万元")]),
        # an earlier period's column beside the latest is that period's entry: not read
        ("1-6月份工作取得成效", Q3, [(12, "处")]),
        ("一季度完成情况", Q3, [(12, "处")]),
        # the report's period unknown: a dated column cannot be placed, not read
        ("1-9月份工作取得成效", None, [(12, "处")]),
    ],
)
def test_a_progress_column_of_the_reports_own_period_is_read(header, period, figures):
    t = tsk("推进社区健身场地建设", "已完成场地建设12处。",
            **{"年度目标": "建成健身场地15处", header: "累计投入资金300万元,12处场地已投入使用。"})
    a = analyze_task(t, period, year=2020)
    got = sorted({(m.value, m.unit) for m in a.measurements + a.figures})
    assert got == sorted(figures)


@pytest.mark.parametrize(
    ("text", "done", "status"),
    [
        # only the foundation finished: a stage reached, on course, not done (UNFINISHED_STAGE)
        ("建成健身场地15处。", "15处健身场地已完成基础建设。", Status.ON_TRACK),
        ("推进健身场地建设。", "15处健身场地已完成基础施工。", Status.ON_TRACK),
        ("推进健身场地建设。", "15处健身场地基础工程已完工。", Status.ON_TRACK),
        # the things themselves finished: done
        ("建成健身场地15处。", "15处健身场地已全部建成并投入使用。", Status.DONE),
        # infrastructure (基础设施建设) is no stage of a build
        ("完成村庄基础设施建设项目15个。", "已完成村庄基础设施建设项目15个。", Status.DONE),
    ],
)
def test_a_finished_foundation_is_a_stage_not_the_work_done(text, done, status):
    a = analyze_task(tsk(text, done), Q3, year=2020)
    assert a.status.value is status, a.status.reason


# --- DECLARED RED NAMES THE RED: both red, the table's grade says which ----------------------
@pytest.mark.parametrize(
    ("extra", "done", "expected", "other"),
    [
        # the office grades the whole task 滞后; the text's 未启动 is of one stretch of it
        ({"进展状态": "滞后"}, "推进滨河步道建设3公里未启动。", Status.BEHIND, "未启动"),
        ({"进展状态": "未达到序时进度"}, "东区改造尚未启动。", Status.BEHIND, "未启动"),
        # the reverse: the office says not started, the text a lag
        ({"进展状态": "未启动"}, "前期工作进度严重滞后。", Status.NOT_STARTED, "滞后"),
    ],
)
def test_declared_red_names_the_red(extra, done, expected, other):
    s = analyze_task(tsk("综合整治某河段。", done, **extra), Q3).status
    assert s.value is expected, s.reason
    assert s.rule == "declared"
    assert f"文字所述另作{other}" in s.reason  # the text's reading, the alternative, is said


@pytest.mark.parametrize(
    ("extra", "done", "expected"),
    [
        ({}, "推进滨河步道建设3公里未启动。", Status.NOT_STARTED),  # no grade: the text decides
        ({"进展状态": "滞后"}, "进度严重滞后。", Status.BEHIND),  # same red: nothing to name
    ],
)
def test_one_red_reading_is_kept(extra, done, expected):
    s = analyze_task(tsk("综合整治某河段。", done, **extra), Q3).status
    assert s.value is expected, s.reason
    assert "文字所述另作" not in s.reason


# --- DECLARED SHARE OF A HELD TARGET: a cap or a growth met so far is on course, not done ---
YEAR = Period(PeriodKind.ANNUAL, "全年", date(2023, 12, 31))


@pytest.mark.parametrize(
    ("text", "share", "period", "expected"),
    [
        # a cap kept, or a growth, must hold to December: 103% in the third quarter holds so far
        ("城镇调查失业率控制在5%以内。", "103", Q3, Status.ON_TRACK),
        ("城镇登记失业率低于4.3%。", "100", Q3, Status.ON_TRACK),
        ("规上工业增加值增长6%。", "110", Q3, Status.ON_TRACK),
        # at the year's end it is done
        ("城镇登记失业率低于4.3%。", "103", YEAR, Status.DONE),
        # a level raised, a level brought down to, a running total: reached is done
        ("公办学位占比提高到92%。", "101", Q3, Status.DONE),
        ("居民用水价格降至3.2元/吨。", "100", Q3, Status.DONE),
        ("新增城镇就业6000人。", "110", Q3, Status.DONE),
        # one target of the task is a running total: 100% of it is done
        ("规上工业增加值增长6%,完成技改投资20亿元。", "100", Q3, Status.DONE),
    ],
)
def test_declared_share_of_a_held_target(text, share, period, expected):
    s = analyze_task(tsk(text, "", **{"完成目标(%)": share}), period).status
    assert s.value is expected, s.reason
    assert any(e.field == "declared" for e in s.evidence)
    assert ("若指全年任务已完成则为已完成" in s.reason) is (expected is Status.ON_TRACK)


# --- DECLARED BAND: a share written as a band's bound grades the task, and is no figure ------
@pytest.mark.parametrize(
    ("extra", "figures", "expected"),
    [
        ({"进展状态": "完成年计划70%以上"}, [], Status.ON_TRACK),  # 0.70 against 0.75
        ({"进展状态": "完成年计划50%以下"}, [], Status.BEHIND),
        ({"进展状态": "进度30%-50%之间"}, [], Status.BEHIND),
        ({"形象进度": "70%"}, [70.0], Status.ON_TRACK),  # a plain share is a figure
        # under a header of progress it is the unit's own estimate: a figure, "more than"
        ({"形象进度": "80%以上"}, [80.0], Status.ON_TRACK),
        ({"形象进度": "完成70%,以上为估算"}, [70.0], Status.ON_TRACK),  # no bound right after it
    ],
)
def test_declared_band_is_no_figure(extra, figures, expected):
    a = analyze_task(tsk("建设某工程。", "", **extra), Q3)
    assert [m.value for m in a.figures + a.measurements] == figures
    assert a.status.value is expected, a.status.reason


@pytest.mark.parametrize("extra", [
    {"是否达序": "否"},  # a yes/no answer says not which red
    {"进展状态": "未完成"},  # nor does a plain "not done"
    {"形象进度": "10%"},  # nor a share under the time share
])
def test_a_declaration_naming_no_red_leaves_the_texts(extra):
    s = analyze_task(tsk("综合整治某河段。", "项目尚未启动。", **extra), Q3).status
    assert s.value is Status.NOT_STARTED, s.reason


@pytest.mark.parametrize(
    ("text", "extra", "expected"),
    [
        # a second task-like column beside the task's name: its figures are the task's targets
        ("改造老年大学。", {"工作任务": "建设老年大学分校3所"}, [(3, "所")]),
        ("社区改造项目", {"项目内容": "改造社区服务站,建设面积约12万平方米"}, [(12, "万平方米")]),
        ("推進醫院建設。", {"事項內容": "推進2所醫院項目建設"}, [(2, "所")]),
        # restating the task text: one target, not two
        ("新建幼儿园5所。", {"工作任务": "新建幼儿园5所"}, [(5, "所")]),
        # a column of names or of results is no content column
        ("某产业园项目", {"项目名称": "年产8万吨饲料加工厂"}, []),
        ("某产业园项目", {"完成内容": "建成厂房4栋"}, []),
    ],
)
def test_a_content_column_gives_targets(text, extra, expected):
    a = analyze_task(tsk(text, "", **extra), Q3)
    assert [(x.value, x.unit) for x in a.targets] == expected


@pytest.mark.parametrize(
    ("text", "done", "extra", "expected", "rule"),
    [
        # DECLARED ON COURSE OUTWEIGHS FIGURES: a figure past the target counts things chosen,
        # the unit says its work goes on (按时序推进): on course, the figures' done the other reading
        ("为280户困难家庭改造住房。", "已确定300户改造对象,完成招标。", {"备注": "按时序推进"},
         Status.ON_TRACK, "declared"),
        ("新建8个社区食堂。", "已选定8个社区食堂点位,完成设计。", {"进展状态": "正常推进"},
         Status.ON_TRACK, "declared"),
        # no declaration: the figures alone decide
        ("为280户困难家庭改造住房。", "已确定300户改造对象,完成招标。", {},
         Status.DONE, "done_figures"),
        # words saying the work is finished are not outweighed
        ("为280户困难家庭改造住房。", "280户住房改造已全部完成。", {"备注": "按时序推进"},
         Status.DONE, "done"),
    ],
)
def test_declared_on_course_outweighs_figures(text, done, extra, expected, rule):
    s = analyze_task(tsk(text, done, **extra), Q3).status
    assert (s.value, s.rule) == (expected, rule), s.reason
    if rule == "declared":
        assert "已实现" in s.reason  # the figures' reading is said as the alternative
