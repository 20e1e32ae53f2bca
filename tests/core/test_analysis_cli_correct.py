"""`luoshi correct`: a supervisor corrects a status, a target's kind, a measurement from the
command line; other roles are refused and nothing changes."""

from __future__ import annotations

import pytest

from luoshi.cli import main
from luoshi.core.models import Assessment, Change, Measurement, Report, Target
from luoshi.core.services.analysis import analyze_report
from luoshi.core.services.importing import import_document
from luoshi.rounds.models import Profile, Role
from luoshi.sample import generate_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    [doc] = generate_plan(3, "安澜市", 2023, 15, periods=("h1",))
    return Report.objects.get(pk=import_document(doc, file_name="h1.txt").report_id)


@pytest.fixture
def supervisor(django_user_model):
    u = django_user_model.objects.create_user("duchashi")
    Profile.objects.create(user=u, role=Role.SUPERVISOR)
    return u


@pytest.fixture
def leader(django_user_model):
    u = django_user_model.objects.create_user("lingdao")
    Profile.objects.create(user=u, role=Role.LEADER)
    return u


def test_status_correction_kept_and_reverted(report, supervisor, capsys):
    a = Assessment.objects.filter(report=report).exclude(status="behind").select_related("task").first()
    assert main(["correct", "status", str(report.pk), a.task.serial, "behind",
                 "--reason", "实地核查发现停工", "--user", "duchashi"]) == 0
    assert "滞后(人工更正)— 实地核查发现停工" in capsys.readouterr().out
    analyze_report(report)
    a2 = Assessment.objects.get(pk=a.pk)
    assert (a2.status, a2.reason, a2.updated_by) == ("behind", "实地核查发现停工", supervisor)
    assert main(["correct", "revert", str(report.pk), a.task.serial, "--user", "duchashi"]) == 0
    assert Assessment.objects.get(pk=a.pk).status == a.derived_status


def test_leader_may_not_correct(report, leader, capsys):
    a = Assessment.objects.filter(report=report).select_related("task").first()
    assert main(["correct", "status", str(report.pk), a.task.serial, "done",
                 "--reason", "x", "--user", "lingdao"]) == 1
    assert "不能更正判断:只有督查室或管理员可以" in capsys.readouterr().err
    assert Assessment.objects.get(pk=a.pk).version == a.version


def test_target_kind_and_measurement(report, supervisor, capsys):
    t = Target.objects.filter(task__plan=report.plan).first()
    assert t is not None and t.kind
    assert main(["correct", "target", str(t.pk), "--kind", "level", "--reason", "水平值",
                 "--user", "duchashi"]) == 0
    assert Target.objects.get(pk=t.pk).kind == "level"
    m = Measurement.objects.filter(report=report).first()
    if m is not None:
        assert main(["correct", "measurement", str(m.pk), "--value", "7", "--reason", "笔误",
                     "--user", "duchashi"]) == 0
        assert Measurement.objects.get(report=report, progress=m.progress, start=m.start).value == 7
    assert Change.objects.filter(user=supervisor).count() >= 1


def test_unknown_things_are_clear_errors(report, supervisor, capsys):
    assert main(["correct", "target", "999999", "--kind", "rate", "--reason", "x",
                 "--user", "duchashi"]) == 1
    assert "没有目标 #999999" in capsys.readouterr().err
    assert main(["correct", "status", str(report.pk), "nope", "done", "--reason", "x",
                 "--user", "nobody"]) == 1
    assert "没有用户 'nobody'" in capsys.readouterr().err
