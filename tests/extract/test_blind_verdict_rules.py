"""Rules answering the general causes of wrong statuses found on the pooled blind sets (fresh4-9,
benchmarks/blind_verdicts.py): a slipped milestone is amber, a rectification finished is done.
Made-up cases; docs/analysis.md ("Blind verdicts") states each rule."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3, task

YEAR = Period(PeriodKind.ANNUAL, "全年", date(2020, 12, 31))
MILESTONE = "移除入口处杂树"


@pytest.mark.parametrize(
    ("done", "period", "want"),
    [
        # a move to a stated date of the year: amber, by a verb of moving or of setting a date
        # after the first date is said to be missed
        ("受连续降雨影响,工期推迟至11月完成。", Q3, Status.AT_RISK),
        ("项目延期至11月底完成。", Q3, Status.AT_RISK),
        ("第三季节点内容不能于9月30日前完成,经与提议人协商后定于11月中旬前完成。", Q3, Status.AT_RISK),
        ("原定9月底完成,因用地调整改为12月底完成。", Q3, Status.AT_RISK),
        ("施工方撤场,顺延至四季度实施。", Q3, Status.AT_RISK),
        # a move to a later year, a severe lag, a delay with no new date: red
        ("项目延期至明年完成。", Q3, Status.BEHIND),
        ("项目延期至2021年6月完成。", Q3, Status.BEHIND),
        ("项目严重滞后,推迟至11月完成。", Q3, Status.BEHIND),
        ("项目推迟。", Q3, Status.BEHIND),
        # the new date already over at the report's end, not reported done: red
        ("工期推迟至11月完成。", YEAR, Status.BEHIND),
        # setting a date with no missed date is a plan, not a move
        ("已完成招标,定于11月进场施工。", Q3, Status.ON_TRACK),
        # a moved milestone is not done, whatever else the entry says was finished
        ("一期已完成,二期推迟至11月完成。", Q3, Status.AT_RISK),
    ],
)
def test_a_slipped_milestone_is_amber(done, period, want):
    s = analyze_task(task(MILESTONE, done), period).status
    assert s.value is want, s.reason
    if want is Status.AT_RISK:
        assert s.rule == "rescheduled" and "节点顺延" in s.reason


RECTIFY = "关于某小区违建问题的整改"


@pytest.mark.parametrize(
    ("done", "want"),
    [
        ("已经完成,长期坚持。", Status.DONE),
        ("已完成整改,长期坚持。", Status.DONE),
        ("该问题已完成整改。一是拆除违建3处;二是建立巡查机制。", Status.DONE),
        ("整改已完成,建立长效机制。", Status.DONE),
        ("已整改到位。", Status.DONE),
        ("已整改完毕,群众满意。", Status.DONE),
        # only basically or partly rectified, or under way: not done
        ("已基本完成整改。", Status.ON_TRACK),
        ("已完成部分整改,其余正在推进。", Status.ON_TRACK),
        ("正在整改。", Status.VAGUE),
    ],
)
def test_a_rectification_finished_is_done(done, want):
    s = analyze_task(task(RECTIFY, done), Q3).status
    assert s.value is want, s.reason


CLINICS = "基本消除村卫生室空白村"


@pytest.mark.parametrize(
    ("done", "want"),
    [
        # the task's overall share stated in its text, 100%: done
        ("截至10月底,各村卫生室完成装修和设备配备,总完成进度为100%,已按要求落实到位。", Status.DONE),
        ("工程总体进度达100%。", Status.DONE),
        # ... unless building is still under way: this year's plan done, on course
        ("工程总体进度达100%,二期正在施工。", Status.ON_TRACK),
        # a smaller share may be of a project of several years: not paced, no red from it
        ("截至10月底,工程总体进度为40%。", Status.ON_TRACK),
        # the progress of one part (资金拨付进度) is not the task's overall share
        ("已完成设备采购,资金拨付进度达到100%,正在安装。", Status.ON_TRACK),
    ],
)
def test_the_overall_share_stated_in_the_text(done, want):
    s = analyze_task(task(CLINICS, done), Q3).status
    assert s.value is want, s.reason
    if want is Status.DONE:
        assert s.reason.startswith("称") and "表中" not in s.reason


APRIL = Period(PeriodKind.MONTH, "1-4月", date(2023, 4, 30), month=4)


@pytest.mark.parametrize(
    ("text", "done", "want"),
    [
        # things only started, counted against things to build: on course, not ahead
        ("新建、改扩建70所公办幼儿园。", "已开工建设公办幼儿园63所,正在开展前期手续7所。", Status.ON_TRACK),
        ("新建学校10所。", "已有8所学校进场施工。", Status.ON_TRACK),
        # things built, or a task that promises the start: ahead by the figures
        ("新建、改扩建70所公办幼儿园。", "已建成公办幼儿园63所。", Status.AHEAD),
        ("开工建设70所公办幼儿园。", "已开工建设公办幼儿园63所。", Status.AHEAD),
    ],
)
def test_ahead_needs_the_result_promised(text, done, want):
    s = analyze_task(task(text, done), APRIL).status
    assert s.value is want, s.reason
    if want is Status.ON_TRACK:
        assert "开工数" in s.reason
