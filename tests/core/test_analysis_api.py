"""The corrections API: the office reads and corrects verdicts; leaders read; liaisons and the
public neither; a stale version is 409 and nothing changes; every correction is in the history."""

from __future__ import annotations

import json

import pytest
from rest_framework.authtoken.models import Token

from luoshi.core.models import Assessment, Change, Measurement, Report, Target
from luoshi.core.services.importing import import_document
from luoshi.rounds.models import Profile, Role
from luoshi.sample import generate_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    [doc] = generate_plan(3, "安澜市", 2023, 12, periods=("h1",))
    return Report.objects.get(pk=import_document(doc, file_name="h1.txt").report_id)


def _user(django_user_model, name, role):
    u = django_user_model.objects.create_user(name)
    Profile.objects.create(user=u, role=role)
    return Token.objects.create(user=u).key


@pytest.fixture
def tokens(django_user_model):
    return {"office": _user(django_user_model, "duchashi", Role.SUPERVISOR),
            "leader": _user(django_user_model, "lingdao", Role.LEADER),
            "liaison": _user(django_user_model, "lianluoyuan", Role.LIAISON)}


def call(client, method, path, token=None, data=None):
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"} if token else {}
    if method == "get":
        return client.get(path, **headers)
    return client.post(path, data=json.dumps(data or {}), content_type="application/json", **headers)


def test_office_corrects_a_status_and_it_is_shown_with_who(client, report, tokens):
    a = Assessment.objects.filter(report=report).exclude(status="behind").first()
    r = call(client, "get", f"/api/assessments/?report={report.pk}", tokens["office"])
    assert r.status_code == 200 and r.json()["count"] == Assessment.objects.filter(report=report).count()
    row = next(x for x in r.json()["results"] if x["id"] == a.pk)
    assert row["light"] in ("green", "amber", "red", "grey") and row["version"] == a.version
    r = call(client, "post", f"/api/assessments/{a.pk}/correct/", tokens["office"],
             {"status": "behind", "reason": "现场核查:停工两个月", "version": a.version})
    assert r.status_code == 200, r.content
    body = r.json()
    assert (body["status"], body["source"], body["corrected_by"], body["light"]) == (
        "behind", "manual", "duchashi", "red")
    # the same version again: someone changed it since — 409, nothing changes
    r = call(client, "post", f"/api/assessments/{a.pk}/correct/", tokens["office"],
             {"status": "done", "reason": "x", "version": a.version})
    assert r.status_code == 409
    assert Assessment.objects.get(pk=a.pk).status == "behind"
    assert Change.objects.filter(model="assessment", object_id=a.pk).count() == 1
    r = call(client, "post", f"/api/assessments/{a.pk}/revert/", tokens["office"],
             {"version": a.version + 1})
    assert r.status_code == 200 and r.json()["source"] == "derived"


def test_leader_reads_but_may_not_correct_liaison_and_public_do_not_read(client, report, tokens):
    a = Assessment.objects.filter(report=report).first()
    assert call(client, "get", f"/api/assessments/?report={report.pk}", tokens["leader"]).status_code == 200
    r = call(client, "post", f"/api/assessments/{a.pk}/correct/", tokens["leader"],
             {"status": "done", "reason": "x", "version": a.version})
    assert r.status_code == 403
    assert call(client, "get", "/api/assessments/", tokens["liaison"]).status_code == 403
    assert call(client, "get", "/api/assessments/").status_code in (401, 403)
    assert Assessment.objects.get(pk=a.pk).version == a.version


def test_target_kind_and_measurement_corrections(client, report, tokens):
    t = Target.objects.filter(task__plan=report.plan, active=True).first()
    r = call(client, "get", f"/api/targets/?task={t.task_id}", tokens["office"])
    assert r.status_code == 200 and r.json()["results"][0]["kind_note"]
    r = call(client, "post", f"/api/targets/{t.pk}/correct/", tokens["office"],
             {"version": t.version, "reason": "年末水平值", "kind": "level"})
    assert r.status_code == 200 and r.json()["kind"] == "level" and r.json()["corrected_by"] == "duchashi"
    r = call(client, "post", f"/api/targets/{t.pk}/correct/", tokens["office"],
             {"version": t.version + 1, "reason": "x", "kind": "nonsense"})
    assert r.status_code == 400
    m = Measurement.objects.filter(report=report).first()
    if m is not None:
        r = call(client, "post", f"/api/measurements/{m.pk}/correct/", tokens["office"],
                 {"reason": "原文笔误", "value": 12.5})
        assert r.status_code == 200 and r.json()["value"] == 12.5
        other = Target.objects.filter(task__plan=report.plan).exclude(task=m.task).first()
        if other is not None:
            bad = call(client, "post", f"/api/measurements/{m.pk}/correct/", tokens["office"],
                       {"reason": "x", "target": other.pk})
            assert bad.status_code == 404
