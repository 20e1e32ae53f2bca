"""People's corrections of a target's kind and of measurements: kept, winning over
re-analysis, recorded with who and why (issue 10)."""

from __future__ import annotations

import pytest
from analysis_data import imported
from shared_docs import shared_path

from luoshi.core.models import (
    Assessment,
    Change,
    Measurement,
    MeasurementCorrection,
    Report,
    Target,
)
from luoshi.core.services.analysis import analyze_report
from luoshi.core.services.corrections import correct_measurement, correct_target
from luoshi.ingest import read_document

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def report(django_db_setup, django_db_blocker):
    doc = read_document(shared_path("seeds", "000_eb2b56e49a1860ea.txt"))
    with imported(django_db_blocker, (doc, "000.txt")) as res:
        yield Report.objects.get(pk=res[0].report_id)


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("duchashi")


def test_targets_carry_their_kind(report):
    kinds = set(Target.objects.filter(task__plan=report.plan).values_list("kind", flat=True))
    assert {"cumulative", "rate"} <= kinds
    assert "" not in kinds
    t = Target.objects.filter(task__plan=report.plan, kind="rate").first()
    assert t.kind_note == "增速目标,不按时间进度折算"


def test_kind_correction_is_kept_with_reason(report, user):
    t = Target.objects.filter(task__plan=report.plan, kind="cumulative").first()
    fixed = correct_target(t, user=user, expected_version=t.version, kind="level",
                           reason="是年末水平,不是累计量")
    assert fixed.kind == "level" and fixed.derived["kind"] == "cumulative"
    analyze_report(report)
    assert Target.objects.get(pk=t.pk).kind == "level"
    change = Change.objects.filter(model="target", object_id=t.pk).latest("at")
    assert change.user == user and change.fields["reason"] == "是年末水平,不是累计量"
    with pytest.raises(ValueError):
        correct_target(fixed, user=user, expected_version=fixed.version, kind="nonsense")


def test_measurement_value_correction_wins_over_reanalysis(report, user):
    m = Measurement.objects.filter(report=report, target__isnull=False, ratio__isnull=False).first()
    fix = correct_measurement(m, user=user, value=m.value * 2, reason="原文笔误")
    again = Measurement.objects.get(report=report, progress=m.progress, start=m.start, end=m.end)
    assert again.value == pytest.approx(m.value * 2)
    assert again.ratio == pytest.approx(m.ratio * 2, rel=1e-6)
    analyze_report(report)
    again = Measurement.objects.get(report=report, progress=m.progress, start=m.start, end=m.end)
    assert again.value == pytest.approx(m.value * 2)
    change = Change.objects.get(model="measurement", object_id=fix.pk)
    assert change.user == user and change.fields["reason"] == "原文笔误"


def test_measurement_removed_or_unmatched_by_a_person(report, user):
    ms = list(Measurement.objects.filter(report=report, target__isnull=False)[:2])
    correct_measurement(ms[0], user=user, active=False, reason="不是实绩")
    correct_measurement(ms[1], user=user, target=None, reason="不是该目标的指标")
    analyze_report(report)
    assert not Measurement.objects.filter(report=report, progress=ms[0].progress,
                                          start=ms[0].start, end=ms[0].end).exists()
    m1 = Measurement.objects.get(report=report, progress=ms[1].progress, start=ms[1].start, end=ms[1].end)
    assert m1.target_id is None
    assert MeasurementCorrection.objects.filter(report=report).count() >= 2
    assert Assessment.objects.filter(report=report).count() == 190


def test_measurement_target_of_another_task_is_refused(report, user):
    m = Measurement.objects.filter(report=report).first()
    other = Target.objects.filter(task__plan=report.plan).exclude(task=m.task).first()
    with pytest.raises(ValueError):
        correct_measurement(m, user=user, target=other)
    assert not MeasurementCorrection.objects.filter(report=report, start=m.start, progress=m.progress).exists()


def test_filed_figure_wins_over_the_text_and_the_evidence_says_so(report):
    from luoshi.rounds.models import ReportedValue

    m = (Measurement.objects.filter(report=report, target__isnull=False, ratio__isnull=False,
                                    target__kind="cumulative", target__active=True)
         .select_related("target", "progress").first())
    target = m.target
    ReportedValue.objects.create(progress=m.progress, target=target, value=target.value * 2)
    analyze_report(report)
    filed = Measurement.objects.get(report=report, task=m.task, field="reported", target=target)
    assert filed.value == target.value * 2 and filed.span.startswith("填报值")
    a = Assessment.objects.get(report=report, task=m.task)
    assert a.status in ("done", "ahead", "on_track"), a.reason


def test_declared_status_cell_is_evidence(report):
    from luoshi.core.models import Progress

    a = Assessment.objects.filter(report=report, status="on_track", task__parent__isnull=True).first()
    p = Progress.objects.get(report=report, task=a.task)
    p.extra = {"是否达序": "否"}
    p.save(update_fields=["extra"])
    analyze_report(report)
    a = Assessment.objects.get(pk=a.pk)
    assert a.status == "behind" and "是否达序" in a.reason
    assert any(e["field"] == "declared" and e["text"] == "否" for e in a.evidence)


def test_moving_a_measurement_to_another_target_recomputes_ratio_and_status(report, user):
    """A correction of the match alone (no new value): the figure is measured against the
    target it now belongs to, and the task's verdict is decided again on it."""
    # Seed 000 task 2 promises 40, 30, 20, 10 and 1 (个); "20" is read for the 20 target.
    task = report.plan.tasks.get(serial="2", parent__isnull=True)
    m = Measurement.objects.get(report=report, task=task, value=20, target__value=20)
    assert m.ratio == pytest.approx(1.0)
    before = Assessment.objects.get(report=report, task=task)
    forty = Target.objects.get(task=task, value=40, active=True)
    correct_measurement(m, user=user, target=forty, reason="这是另一项目标的完成数")
    moved = Measurement.objects.get(report=report, progress=m.progress, start=m.start, end=m.end)
    assert moved.target_id == forty.pk and moved.value == 20
    assert moved.ratio == pytest.approx(0.5)
    after = Assessment.objects.get(report=report, task=task)
    # 20 of 40 at three quarters of the year is short of the pace: no longer on track.
    assert before.derived_status == "on_track"
    assert after.derived_status != "on_track", after.derived_reason
    assert any(e["text"] == m.span for e in after.derived_evidence), after.derived_evidence
    analyze_report(report)  # kept through re-analysis
    again = Measurement.objects.get(report=report, progress=m.progress, start=m.start, end=m.end)
    assert again.target_id == forty.pk and again.ratio == pytest.approx(0.5)
    assert Assessment.objects.get(report=report, task=task).derived_status == after.derived_status


def test_target_columns_are_stored_as_targets_of_the_task(report, user):
    """The table's own target columns (全年目标, 一季度目标) are the task's targets in the
    database too: kept with their column and when they fall due, judged like the text's."""
    from luoshi.core.models import Progress

    a = Assessment.objects.filter(report=report, task__parent__isnull=True,
                                  task__targets__isnull=True).select_related("task").first()
    p = Progress.objects.get(report=report, task=a.task)
    p.extra = {"全年目标": "完成投资12亿元", "一季度目标": "完成投资3亿元"}
    p.save(update_fields=["extra"])
    analyze_report(report)
    rows = {(t.column, t.value, t.unit, t.due_share) for t in Target.objects.filter(task=a.task)}
    assert rows == {("全年目标", 12, "亿元", 1.0), ("一季度目标", 3, "亿元", 0.25)}
    again = analyze_report(report)  # nothing changes on a second run
    assert Target.objects.filter(task=a.task).count() == 2 and again.targets >= 2
    # the column now says otherwise: the old figure goes, the new one comes
    p.extra = {"全年目标": "完成投资15亿元", "一季度目标": "完成投资3亿元"}
    p.save(update_fields=["extra"])
    analyze_report(report)
    assert sorted(Target.objects.filter(task=a.task).values_list("value", flat=True)) == [3, 15]
    # a person's correction of a column target is kept through re-analysis
    t = Target.objects.get(task=a.task, column="全年目标")
    correct_target(t, user=user, expected_version=t.version, kind="level", reason="年末水平")
    analyze_report(report)
    kept = Target.objects.get(pk=t.pk)
    assert kept.kind == "level" and kept.column == "全年目标" and kept.value == 15
    assert Target.objects.filter(task=a.task).count() == 2
    # the table no longer has the quarter's column in any report: its derived target goes
    p.extra = {"全年目标": "完成投资15亿元"}
    p.save(update_fields=["extra"])
    analyze_report(report)
    assert set(Target.objects.filter(task=a.task).values_list("column", flat=True)) == {"全年目标"}


def test_a_target_column_another_report_has_stays_when_this_one_lacks_it(report):
    """Another period's table of the plan without the 全年目标 column leaves the targets that
    column gave alone: they are the task's all the same (the column is in use elsewhere), and
    that report is judged against them too."""
    from luoshi.core.models import Period, Progress

    a = Assessment.objects.filter(report=report, task__parent__isnull=True,
                                  task__targets__isnull=True).select_related("task").first()
    p = Progress.objects.get(report=report, task=a.task)
    p.extra = {"全年目标": "完成投资12亿元"}
    p.save(update_fields=["extra"])
    analyze_report(report)
    [target] = Target.objects.filter(task=a.task)
    assert (target.column, target.value) == ("全年目标", 12)
    period, _ = Period.objects.get_or_create(year=report.period.year, kind="h1", month=6)
    other = Report.objects.create(plan=report.plan, period=period)
    Progress.objects.create(report=other, task=a.task, done="1-6月完成投资3亿元。")
    analyze_report(other)
    assert list(Target.objects.filter(task=a.task)) == [target]  # kept, not derived again
    m = Measurement.objects.get(report=other, task=a.task)
    assert (m.value, m.target_id) == (3, target.pk)
