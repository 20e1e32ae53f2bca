"""The year's plan stated in a progress entry becomes the task's target (origin progress_plan)
when the task text gives none — the same whichever path analyses the report (issue 10)."""

from __future__ import annotations

import dataclasses

from luoshi.core.models import Assessment, Measurement, Report, Target, Task
from luoshi.core.services.analysis import analyze_report
from luoshi.core.services.bulk_analysis import analyze_reports
from luoshi.core.services.importing import import_document
from luoshi.ingest.model import Item
from luoshi.ingest.model import Task as ParsedTask
from luoshi.sample import generate_plan

ROWS = [("推进农村公路提档升级。", "全年计划完成农村公路改造50公里,1-9月已完成20公里。"),
        ("做好稳就业工作。", "年度目标任务为新增就业5000人,1-9月新增就业4100人。"),
        ("做好稳就业工作。", "已完成全年计划的80%。")]


def _import() -> Report:
    doc = generate_plan(5, "安澜市", 2023, 2, periods=("q3",))[0]
    tasks = [ParsedTask(serial=str(i + 1), text=t, items=[Item(done=d)]) for i, (t, d) in enumerate(ROWS)]
    res = import_document(dataclasses.replace(doc, tasks=tasks), file_name="plan.txt")
    return Report.objects.get(pk=res.report_id)


def _stored(report: Report) -> list[tuple]:
    out = []
    for task in Task.objects.order_by("pk"):
        ts = list(Target.objects.filter(task=task).values_list("origin", "value", "unit"))
        ms = sorted(Measurement.objects.filter(task=task, report=report).exclude(target=None)
                    .values_list("value", flat=True))
        st = Assessment.objects.get(task=task, report=report).status
        out.append((ts, ms, st))
    return out


def test_plan_targets_per_report_and_bulk(db):
    report = _import()
    first = _stored(report)
    assert first == [
        ([("progress_plan", 50, "公里")], [20], "behind"),  # 40% at three quarters
        ([("progress_plan", 5000, "人")], [4100], "on_track"),  # 82%
        ([], [], "on_track"),  # a share done (的) is no plan figure
    ]
    analyze_report(report)  # again: nothing moves
    assert _stored(report) == first
    for model in (Assessment, Measurement, Target):
        model.objects.all().delete()
    summary = analyze_reports([report])
    assert summary.bulk == 1
    assert _stored(report) == first


def test_a_person_corrects_the_plan_target_and_it_stays(db, django_user_model):
    from luoshi.core.services.corrections import correct_target

    report = _import()
    user = django_user_model.objects.create_user("office")
    target = Target.objects.get(origin="progress_plan", unit="公里")
    correct_target(target, user=user, expected_version=target.version, reason="全年计划改为40公里",
                   value=40)
    analyze_report(report)  # re-analysis keeps the person's figure, and where it came from
    row = Target.objects.get(pk=target.pk)
    assert (row.value, row.origin, row.source) == (40, "progress_plan", "manual")
    assert row.derived["origin"] == "progress_plan" and row.derived["value"] == 50
    assert Target.objects.filter(task=row.task).count() == 1
    m = Measurement.objects.get(target=row, report=report)
    assert m.ratio == 0.5  # 20 of 40


def test_the_api_says_where_a_plan_target_came_from(client, db, django_user_model):
    from rest_framework.authtoken.models import Token

    from luoshi.rounds.models import Profile, Role

    _import()
    user = django_user_model.objects.create_user("duchashi")
    Profile.objects.create(user=user, role=Role.SUPERVISOR)
    key = Token.objects.create(user=user).key
    target = Target.objects.get(origin="progress_plan", unit="公里")
    r = client.get(f"/api/targets/?task={target.task_id}", HTTP_AUTHORIZATION=f"Token {key}")
    assert r.status_code == 200
    (row,) = r.json()["results"]
    assert (row["origin"], row["origin_note"]) == ("progress_plan", "目标取自进展中的全年计划")
