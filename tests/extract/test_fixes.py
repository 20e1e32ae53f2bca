"""People's corrections of figures reach the verdict (analyze_task(fixes=…)): a value, a match
(another target or none) or "not a figure", keyed by where the figure was read."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.model import MeasurementFix
from luoshi.ingest.model import Period
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3, task

TEXT = "处置闲置土地400亩,消化批而未供土地200亩。"
DONE = "1-9月处置闲置土地320亩,消化批而未供土地160亩。"


def where(a, value):
    return next(m for m in a.measurements + a.figures if m.value == value).span.key()


@pytest.mark.parametrize(("fix", "expected", "status"), [
    # the value corrected: ratio and verdict follow (120 of 400 at Q3 is well under the pace;
    # the other target keeping pace makes it a part: amber)
    (MeasurementFix(value=120), [(120, 0, 0.3), (160, 1, 0.8)], Status.AT_RISK),
    # moved to the other target without a new value: its ratio is against that target
    # (the first target now has no figure: on course, not done)
    (MeasurementFix(set_target=True, target=1), [(320, 1, 1.6), (160, 1, 0.8)], Status.ON_TRACK),
    # said to measure no target, or to be no figure at all
    (MeasurementFix(set_target=True, target=None), [(160, 1, 0.8)], Status.ON_TRACK),
    (MeasurementFix(active=False), [(160, 1, 0.8)], Status.ON_TRACK),
])
def test_fixes_reach_ratio_and_status(fix, expected, status):
    t = task(TEXT, DONE)
    before = analyze_task(t, Q3)
    assert [(m.value, m.target) for m in before.measurements] == [(320, 0), (160, 1)]
    a = analyze_task(t, Q3, fixes={where(before, 320): fix})
    got = [(m.value, m.target, round(m.ratio, 3)) for m in a.measurements]
    assert got == expected
    assert a.status.value is status, a.status.reason
    if fix.set_target and fix.target is None:
        assert [m.value for m in a.figures] == [320]  # still shown, matchable by hand


def test_a_fix_for_a_figure_not_read_changes_nothing():
    t = task(TEXT, DONE)
    before = analyze_task(t, Q3)
    a = analyze_task(t, Q3, fixes={("done", 0, 999, 1000): MeasurementFix(value=1)})
    assert a.to_dict() == before.to_dict()


def test_a_figure_a_person_matched_is_the_one_a_rate_target_reads():
    """A rate target reads one figure of the latest date as is; among those, the one a person
    matched to it outranks the one the rules matched (here 4% against 7%: red, where the rules'
    7.5% alone would be on course)."""
    t = task("地区生产总值增长7%,固定资产投资增长10%。", "1-9月固定资产投资增长4%,地区生产总值增长7.5%。")
    before = analyze_task(t, Q3)
    assert [(m.value, m.target) for m in before.measurements] == [(4, 1), (7.5, 0)]
    a = analyze_task(t, Q3, fixes={where(before, 4): MeasurementFix(set_target=True, target=0)})
    assert [(m.value, m.target) for m in a.measurements] == [(4, 0), (7.5, 0)]
    assert a.status.value is Status.BEHIND, a.status.reason


# --- a person's figure wins for every kind of target ----------------------------------------

ANNUAL = Period(PeriodKind.ANNUAL, "全年", date(2020, 12, 31))
INVEST = ("完成投资40亿元以上。", "1-9月累计完成投资32亿元,其中新开工项目完成投资12亿元。")


@pytest.mark.parametrize(("text", "done", "period", "pick", "fix", "reported", "status", "note"), [
    # cumulative: the rules' largest figure (32 of 40, on course) loses to the one a person
    # matched (12 of 40 at Q3: red), or to the one a person corrected
    pytest.param(*INVEST, Q3, 12, MeasurementFix(set_target=True, target=0), None, Status.BEHIND,
                 "人工更正", id="cumulative-matched-smaller"),
    pytest.param(*INVEST, Q3, 32, MeasurementFix(value=10), None, Status.BEHIND, "人工更正",
                 id="cumulative-corrected-smaller"),
    # a figure filed in the round, smaller or larger than the text's
    pytest.param(*INVEST, Q3, None, None, {0: 12.0}, Status.BEHIND, "填报值", id="filed-smaller"),
    pytest.param("完成投资40亿元以上。", "1-9月累计完成投资12亿元。", Q3, None, None, {0: 32.0},
                 Status.ON_TRACK, "填报值", id="filed-larger-on-course"),
    # both a filed figure (32: on course) and the office's correction of the text's figure
    # (to 10: red): the correction, made after reading the filing, is the one judged
    pytest.param("完成投资40亿元以上。", "1-9月累计完成投资12亿元。", Q3, 12,
                 MeasurementFix(value=10), {0: 32.0}, Status.BEHIND, "人工更正",
                 id="corrected-over-filed"),
    # finished in words, but the figure a person matched is short of the target: not done
    pytest.param("完成投资40亿元以上。", "已全部完成,完成投资45亿元,其中新开工项目完成投资30亿元。",
                 ANNUAL, 30, MeasurementFix(set_target=True, target=0), None, Status.AT_RISK,
                 "人工更正", id="cumulative-not-done"),
    # level (the year over: not reached is amber) and rate targets, as before, and said so
    pytest.param("森林覆盖率达到65%以上。", "森林覆盖率达到66%,其中某区60%。", ANNUAL, 60,
                 MeasurementFix(set_target=True, target=0), None, Status.AT_RISK, "人工更正",
                 id="level"),
    pytest.param("地区生产总值增长7%。", "1-9月地区生产总值增长7.5%,其中工业增长4%。", Q3, 4,
                 MeasurementFix(set_target=True, target=0), None, Status.BEHIND, "人工更正",
                 id="rate-short"),
    pytest.param("地区生产总值增长7%。", "1-9月地区生产总值增长4%,其中工业增长7.5%。", Q3, 7.5,
                 MeasurementFix(set_target=True, target=0), None, Status.ON_TRACK, "人工更正",
                 id="rate-on-course"),
])
def test_a_persons_figure_wins_for_every_kind(text, done, period, pick, fix, reported, status, note):
    """Whatever the target's kind, the figure a person filed, corrected or matched is the one
    its verdict reads, and the reason says whose figure it is."""
    t = task(text, done)
    before = analyze_task(t, period)
    fixes = {where(before, pick): fix} if fix is not None else None
    a = analyze_task(t, period, reported=reported, fixes=fixes)
    assert a.status.value is status, a.status.reason
    assert note in a.status.reason, a.status.reason
    assert any(s.field == "reported" or (fix is not None and s.key() == where(before, pick))
               for s in a.status.evidence), a.status.evidence
