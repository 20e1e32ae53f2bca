"""One rule for a correction's reason, whatever the form (web, API, CLI, services): stripped,
required, refused (never cut) beyond MAX_REASON characters; a refused correction saves nothing."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from luoshi.cli import main
from luoshi.core.models import Assessment, Change, Measurement, Report, Target
from luoshi.core.services.corrections import (
    MAX_REASON,
    clean_reason,
    correct_measurement,
    correct_status,
    correct_target,
)
from luoshi.core.services.importing import import_document
from luoshi.sample import generate_plan

TOO_LONG = "理" * (MAX_REASON + 1)


@pytest.mark.parametrize(("given", "required", "expected"), [
    ("  现场核查  ", True, "现场核查"),
    ("理" * MAX_REASON, True, "理" * MAX_REASON),
    (" " + "理" * MAX_REASON + "\n", True, "理" * MAX_REASON),  # space is not counted
    ("", False, ""),
    (None, False, ""),
])
def test_reasons_taken(given, required, expected):
    assert clean_reason(given, required=required) == expected


@pytest.mark.parametrize(("given", "required", "message"), [
    ("", True, "请填写修正理由"),
    ("   ", True, "请填写修正理由"),
    (None, True, "请填写修正理由"),
    (TOO_LONG, True, f"不能超过{MAX_REASON}字"),
    (TOO_LONG, False, f"不能超过{MAX_REASON}字"),
])
def test_reasons_refused(given, required, message):
    with pytest.raises(ValueError, match=message):
        clean_reason(given, required=required)


@pytest.fixture
def report(db):
    [doc] = generate_plan(3, "安澜市", 2023, 12, periods=("h1",))
    return Report.objects.get(pk=import_document(doc, file_name="h1.txt").report_id)


def _nothing_saved(report):
    assert not Change.objects.filter(model__in=("assessment", "target", "measurement")).exists()
    assert not Assessment.objects.filter(report=report, source="manual").exists()


def test_services_refuse_a_long_reason(report, supervisor):
    a = Assessment.objects.filter(report=report).select_related("task").first()
    t = Target.objects.filter(task__plan=report.plan).first()
    m = Measurement.objects.filter(report=report).first()
    with pytest.raises(ValueError):
        correct_status(report, a.task, "behind", TOO_LONG, user=supervisor,
                       expected_version=a.version)
    with pytest.raises(ValueError):
        correct_target(t, user=supervisor, expected_version=t.version, reason=TOO_LONG, value=1)
    with pytest.raises(ValueError):
        correct_measurement(m, user=supervisor, reason=TOO_LONG, value=1)
    _nothing_saved(report)


def test_web_refuses_a_long_reason_for_every_correction(report, supervisor_client):
    """Before, the status form refused it and the target and figure forms cut it silently."""
    a = Assessment.objects.filter(report=report).first()
    t = Target.objects.filter(task__plan=report.plan).first()
    m = Measurement.objects.filter(report=report).first()
    posts = [
        (reverse("assessment_correct", args=[a.pk]),
         {"status": "behind", "reason": TOO_LONG, "version": a.version}),
        (reverse("target_correct", args=[t.pk]),
         {"value": str(t.value + 1), "reason": TOO_LONG, "version": t.version}),
        (reverse("measurement_correct", args=[m.pk]), {"value": str(m.value + 1), "reason": TOO_LONG}),
    ]
    for url, data in posts:
        r = supervisor_client.post(url, data, follow=True)
        assert f"理由不能超过{MAX_REASON}字" in r.content.decode(), url
    _nothing_saved(report)
    assert Target.objects.get(pk=t.pk).value == t.value


def test_api_refuses_a_long_reason_for_every_correction(client, report, supervisor):
    token = Token.objects.create(user=supervisor).key
    a = Assessment.objects.filter(report=report).first()
    t = Target.objects.filter(task__plan=report.plan).first()
    m = Measurement.objects.filter(report=report).first()
    posts = [(f"/api/assessments/{a.pk}/correct/", {"status": "behind", "version": a.version}),
             (f"/api/targets/{t.pk}/correct/", {"value": t.value + 1, "version": t.version}),
             (f"/api/measurements/{m.pk}/correct/", {"value": m.value + 1})]
    for url, data in posts:
        for reason, code in ((TOO_LONG, 400), ("   ", 400)):
            r = client.post(url, data=json.dumps(data | {"reason": reason}),
                            content_type="application/json", HTTP_AUTHORIZATION=f"Token {token}")
            assert r.status_code == code, (url, r.content)
            assert "reason" in r.json(), r.json()
    _nothing_saved(report)


def test_cli_refuses_a_long_reason(report, supervisor, capsys):
    a = Assessment.objects.filter(report=report).select_related("task").first()
    name = supervisor.get_username()
    assert main(["correct", "status", str(report.pk), a.task.serial, "behind",
                 "--reason", TOO_LONG, "--user", name]) == 1
    assert f"理由不能超过{MAX_REASON}字" in capsys.readouterr().err
    assert main(["correct", "status", str(report.pk), a.task.serial, "behind",
                 "--reason", "  ", "--user", name]) == 1
    _nothing_saved(report)
