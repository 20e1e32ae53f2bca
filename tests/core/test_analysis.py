"""Derived analysis in the database: statuses with evidence, targets, measurements, corrections."""

from __future__ import annotations

import pytest
from analysis_data import imported
from shared_docs import shared_path

from luoshi.core.models import Assessment, Change, Measurement, Progress, Report, Target, Task
from luoshi.core.services.analysis import analyze_report
from luoshi.core.services.corrections import (
    StaleVersion,
    add_target,
    correct_status,
    correct_target,
    revert_status,
)
from luoshi.extract import analyze_document
from luoshi.ingest import read_document
from luoshi.vocab import Status

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def docs():
    return {
        "000": read_document(shared_path("seeds", "000_eb2b56e49a1860ea.txt")),
        "004": read_document(shared_path("seeds", "004_fea78dcb383e1fba.txt")),
    }


@pytest.fixture(scope="module")
def seeds(django_db_setup, django_db_blocker, docs):
    with imported(django_db_blocker, (docs["000"], "000.txt"), (docs["004"], "004.txt")) as res:
        yield {"000": Report.objects.get(pk=res[0].report_id),
               "004": Report.objects.get(pk=res[1].report_id)}


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("duchashi")  # no password: hashing is slow


def _field_text(e: dict) -> str:
    if e["progress"] is None:
        return Task.objects.get(pk=e["task"]).text
    return getattr(Progress.objects.get(pk=e["progress"]), e["field"])


def test_seed000_every_task_assessed_with_exact_evidence(seeds):
    report = seeds["000"]
    rows = list(Assessment.objects.filter(report=report))
    assert len(rows) == 190
    assert {a.task.parent_id for a in rows} == {None}
    with_evidence = [a for a in rows if a.evidence]
    assert len(with_evidence) > 100
    for a in with_evidence:
        for e in a.evidence:
            assert e["text"] and _field_text(e)[e["start"]:e["end"]] == e["text"], (a.task.serial, e)


def test_stored_statuses_are_what_extract_says(seeds, docs):
    expected = {a.serial: str(a.status.value) for a in analyze_document(docs["000"])}
    stored = dict(Assessment.objects.filter(report=seeds["000"])
                  .values_list("task__serial", "status"))
    assert stored == expected
    assert Status.BEHIND in stored.values() and Status.DONE in stored.values()


def test_targets_and_measurements_point_at_their_text(seeds):
    targets = list(Target.objects.filter(task__plan=seeds["000"].plan))
    assert len(targets) > 20
    for t in targets:
        assert t.source == "derived" and t.active
        assert t.task.text[t.start:t.end] == t.span
    ms = list(Measurement.objects.filter(report=seeds["000"]).select_related("progress", "target"))
    assert len(ms) > 10 and any(m.target_id for m in ms)
    for m in ms:
        assert getattr(m.progress, m.field)[m.start:m.end] == m.span
        assert m.target is None or m.target.task_id == m.task_id


def test_sub_items_assessed_on_the_parent_from_all_items(seeds):
    report = seeds["004"]
    assert Assessment.objects.filter(report=report).count() == 150
    assert not Assessment.objects.filter(report=report, task__parent__isnull=False).exists()
    parent = Task.objects.get(plan=report.plan, serial="3", parent__isnull=True)
    a = Assessment.objects.get(report=report, task=parent)
    children = set(parent.children.values_list("pk", flat=True))
    assert a.evidence and all(e["task"] in children for e in a.evidence if e["progress"])
    for e in a.evidence:
        assert _field_text(e)[e["start"]:e["end"]] == e["text"]


def test_reanalysis_is_idempotent(seeds):
    report = seeds["000"]
    before = list(Target.objects.filter(task__plan=report.plan).values_list("pk", "value"))
    summary = analyze_report(report)
    assert (summary.tasks, summary.created, summary.updated, summary.removed) == (190, 0, 0, 0)
    assert sum(summary.statuses.values()) == 190
    assert list(Target.objects.filter(task__plan=report.plan).values_list("pk", "value")) == before


def test_status_correction_survives_reanalysis_and_is_recorded(seeds, user):
    report = seeds["000"]
    a = Assessment.objects.filter(report=report, status=Status.ON_TRACK).first()
    saved = correct_status(report, a.task, "behind", "督查发现进度滞后", user=user,
                           expected_version=a.version)
    assert (saved.status, saved.source, saved.version) == ("behind", "manual", a.version + 1)
    assert saved.corrected_from == "on_track" and saved.updated_by == user
    summary = analyze_report(report)
    assert summary.manual == 1
    again = Assessment.objects.get(pk=a.pk)
    assert (again.status, again.reason, again.derived_status) == (
        "behind", "督查发现进度滞后", "on_track")
    change = Change.objects.get(model="assessment", object_id=a.pk)
    assert change.user == user and change.fields["status"] == ["on_track", "behind"]
    reverted = revert_status(report, a.task, user=user, expected_version=saved.version)
    assert (reverted.status, reverted.source, reverted.reason) == ("on_track", "derived", a.reason)
    assert Change.objects.filter(model="assessment", object_id=a.pk).count() == 2


def test_stale_version_is_refused_and_nothing_changes(seeds, user):
    report = seeds["000"]
    a = Assessment.objects.filter(report=report, status=Status.VAGUE).first()
    correct_status(report, a.task, "on_track", "电话核实", user=user, expected_version=a.version)
    state = Assessment.objects.filter(pk=a.pk).values().get()
    changes = Change.objects.count()
    with pytest.raises(StaleVersion, match="changed by someone else"):
        correct_status(report, a.task, "behind", "第二个人", user=user, expected_version=a.version)
    assert Assessment.objects.filter(pk=a.pk).values().get() == state
    assert Change.objects.count() == changes


def test_unknown_status_is_refused(seeds, user):
    a = Assessment.objects.filter(report=seeds["000"]).first()
    with pytest.raises(ValueError):
        correct_status(seeds["000"], a.task, "late", "", user=user, expected_version=a.version)
    assert Assessment.objects.get(pk=a.pk).version == a.version


def test_target_correction_is_kept_and_used(seeds, user):
    report = seeds["000"]
    m = (Measurement.objects.filter(report=report, target__isnull=False, ratio__isnull=False)
         .select_related("target").first())
    target = m.target
    # Say the promise was exactly what was reported: the ratio becomes 1.
    fixed = correct_target(target, user=user, expected_version=target.version,
                           value=m.value * (target.value / (m.value / m.ratio)))
    assert fixed.source == "manual" and fixed.derived["value"] == target.value
    assert fixed.corrected_by == user
    m2 = Measurement.objects.get(report=report, task=m.task, start=m.start, end=m.end)
    assert m2.target_id == target.pk and m2.ratio == pytest.approx(1.0, rel=1e-3)
    analyze_report(report)
    assert Target.objects.get(pk=target.pk).value == fixed.value
    assert Target.objects.filter(task=target.task, start=target.start, end=target.end).count() == 1
    assert Change.objects.filter(model="target", object_id=target.pk, user=user).exists()
    with pytest.raises(StaleVersion):
        correct_target(target, user=user, expected_version=target.version, value=1)
    assert Target.objects.get(pk=target.pk).value == fixed.value


def test_removed_target_does_not_come_back(seeds, user):
    report = seeds["000"]
    target = Target.objects.filter(task__plan=report.plan).first()
    correct_target(target, user=user, expected_version=target.version, active=False)
    analyze_report(report)
    rows = Target.objects.filter(task=target.task, start=target.start, end=target.end)
    assert [(t.pk, t.active) for t in rows] == [(target.pk, False)]
    assert not Measurement.objects.filter(target=target).exists()


def test_added_target_is_kept(seeds, user):
    report = seeds["000"]
    task = Task.objects.get(plan=report.plan, serial="1")
    row = add_target(task, user=user, metric="新增企业", comparator=">=", value=5, unit="家")
    analyze_report(report)
    assert Target.objects.get(pk=row.pk).source == "manual"
    assert Change.objects.filter(model="target", object_id=row.pk, action="create").exists()
    with pytest.raises(ValueError):
        add_target(task, user=user, metric="x", comparator="about", value=1)


@pytest.mark.parametrize("text", ["新增企业40家", "完成投资1.5亿元", "集装箱吞吐量达到300万标箱",
                                  "新建绿道42公里", "增长8%"])
def test_unit_of_a_corrected_target_compares_as_extract_reads_it(text):
    from luoshi.core.services.analysis import _unit_family
    from luoshi.extract.targets import extract_targets

    [t] = extract_targets(text)
    assert _unit_family(t.unit) == (t.family, pytest.approx(t.factor))


def test_a_tables_unit_line_is_kept_and_read_by_both_analysis_paths(django_db_blocker):
    """A table whose amounts are given once in a unit line above it (corpus 145, 金额单位:万元):
    the import keeps the line among the report's notes, and the one-report and the bulk
    analyses both read the planned and completed investment in it."""
    from luoshi.core.services.bulk_analysis import analyze_reports

    doc = read_document(shared_path("corpus", "145.txt"))
    doc.meta.government = "某市"  # the mirror page names none; the importer asks for one
    with imported(django_db_blocker, (doc, "145.txt")) as res:
        report = Report.objects.get(pk=res[0].report_id)
        assert "金额单位:万元" in report.notes
        for run in (lambda: analyze_report(report), lambda: analyze_reports([report])):
            run()
            first = Progress.objects.get(report=report, task__serial="1", task__parent=None).task
            assert list(Target.objects.filter(task=first).values_list("value", "unit")) == [(40000, "万元")]
            assert (56280, "万元") in set(Measurement.objects.filter(task=first, report=report)
                                           .values_list("value", "unit"))
