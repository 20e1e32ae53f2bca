"""The year's plan stated in a progress cell is the target when the task gives none (issue 10,
rules.PROGRESS_PLAN). Table-driven; sentences are our own."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.progress_plan import ORIGIN

from .conftest import Q3, task


@pytest.mark.parametrize(
    ("text", "done", "target", "measured", "status"),
    [
        # the plan figure is the target, the achieved figure measures it against time
        ("推进农村公路提档升级。", "全年计划完成农村公路改造50公里,已完成42公里。", (50, "公里"), [42], "on_track"),
        ("推进农村公路提档升级。", "全年计划完成农村公路改造50公里,已完成20公里。", (50, "公里"), [20], "behind"),
        ("做好稳就业工作。", "年度目标任务为新增就业5000人,1-9月新增就业4100人。", (5000, "人"), [4100],
         "on_track"),
        ("抓好项目建设。", "今年计划完成投资40亿元,1-9月完成投资18亿元。", (40, "亿元"), [18], "behind"),
        # projects scheduled for the year (排定) are the year's plan too
        ("推进重点项目建设。", "今年排定重点项目30个,1-9月已开工25个。", (30, "个"), [25], "on_track"),
        # a share done (的 between) is no plan
        ("做好稳就业工作。", "已完成全年计划的80%。", None, [], "on_track"),
        ("抓好项目建设。", "完成投资18亿元,年度计划完成率45%。", None, [], "behind"),  # a share: red at Q3
        # no plan stated: nothing made up
        ("推进农村公路提档升级。", "已完成改造42公里。", None, [], "on_track"),
        # a page's mark for slow progress (未达到全年任务计划40%) is a share, not the plan
        ("推进农村公路提档升级。", "各县进度不一,未达到全年任务计划40%的有甲县、乙县。", None, [],
         "on_track"),
    ],
)
def test_plan_in_the_entry_is_the_target(text, done, target, measured, status):
    a = analyze_task(task(text, done), Q3, year=2020)
    if target is None:
        assert a.targets == []
    else:
        assert [(t.value, t.unit, t.origin) for t in a.targets] == [(*target, ORIGIN)]
        assert a.targets[0].span.field == "done" and a.targets[0].span.text in done
        assert a.to_dict()["targets"][0]["origin"] == ORIGIN
    assert sorted(m.value for m in a.measurements) == measured
    assert a.status.value.value == status, a.status.reason


def test_the_task_texts_target_wins_and_the_plan_is_no_measurement():
    a = analyze_task(task("新增城镇就业6000人。", "年度目标任务为新增就业5000人,已新增就业4100人。"), Q3)
    assert [(t.value, t.origin) for t in a.targets] == [(6000, "")]
    assert [m.value for m in a.measurements + a.figures] == [4100]


@pytest.mark.parametrize(
    ("done", "targets", "measured", "status"),
    [
        # the project's whole beside the year's plan: a target, not the yardstick
        ("本年完成投资9亿元,占年计划12亿元的75%;累计完成投资20亿元,占总投资30亿元的67%。",
         [(12, "亿元"), (30, "亿元")], [(9, 0)], "on_track"),
        # the year's plan lags while the whole is nearly reached: red by the year's plan
        ("本年完成投资3亿元,占年计划12亿元的25%;累计完成投资28亿元,占总投资30亿元的93%。",
         [(12, "亿元"), (30, "亿元")], [(3, 0)], "behind"),
        # a whole with no figure of its own (占总投资的84%): nothing more to read
        ("本年完成投资9亿元,占年计划12亿元的75%;累计完成投资20亿元,占总投资的84%。",
         [(12, "亿元")], [(9, 0)], "on_track"),
        # a whole alone, no year's plan: no pace to judge a year by, no target
        ("累计完成投资20亿元,占总投资30亿元的67%。", [], [], None),
        # a whole of another unit family than the year's plan: not read
        ("年度计划改造50公里,已完成40公里;累计完成投资2亿元,占总投资3亿元的67%。",
         [(50, "公里")], [(40, 0)], "on_track"),
    ],
)
def test_the_projects_whole_is_a_target_beside_the_years_plan(done, targets, measured, status):
    a = analyze_task(task("推进某快速路建设。", done), Q3, year=2020)
    assert [(t.value, t.unit) for t in a.targets] == targets
    assert all(t.origin == ORIGIN and t.span.text in done for t in a.targets)
    assert [(m.value, m.target) for m in a.measurements] == measured
    if status is not None:
        assert a.status.value.value == status, a.status.reason
