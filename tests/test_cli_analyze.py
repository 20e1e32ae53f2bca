"""`luoshi analyze`: re-runs the analysis, prints status counts, keeps corrections."""

from __future__ import annotations

import pytest

from luoshi.cli import main
from luoshi.core.models import Assessment, Report
from luoshi.core.services.corrections import correct_status
from luoshi.core.services.importing import import_document
from luoshi.sample import generate_plan
from luoshi.vocab import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    [doc] = generate_plan(3, "安澜市", 2023, 15, periods=("h1",))
    return Report.objects.get(pk=import_document(doc, file_name="h1.txt").report_id)


def test_all_prints_counts_per_report_and_total(report, capsys):
    Assessment.objects.filter(report=report).delete()  # e.g. imported before analysis existed
    assert main(["analyze", "--all"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"报告 #{report.pk}(") and ":任务 15 项:" in out[0]
    counts = {s: Assessment.objects.filter(report=report, status=s).count()
              for s in [x.value for x in Status]}  # all statuses, ahead/not_started included
    assert ", ".join(f"{Status(s).label} {n}" for s, n in counts.items()) in out[0]
    assert out[-1].startswith("合计:报告 1 份:")
    assert sum(counts.values()) == 15


def test_a_correction_is_kept(report, capsys):
    a = Assessment.objects.filter(report=report).exclude(status="behind").first()
    correct_status(report, a.task, "behind", "核查", user=None, expected_version=a.version)
    assert main(["analyze", str(report.pk)]) == 0
    assert "保留人工更正 1 项" in capsys.readouterr().out
    assert Assessment.objects.get(pk=a.pk).status == "behind"


@pytest.mark.parametrize("argv, code, message", [
    (["analyze"], 2, "luoshi analyze: 请给出 REPORT_ID… 或 --all"),
    (["analyze", "1", "--all"], 2, "luoshi analyze: 请给出 REPORT_ID… 或 --all"),
    (["analyze", "999"], 1, "luoshi analyze: 没有报告 #999"),
])
def test_usage_errors(argv, code, message, capsys):
    assert main(argv) == code
    assert message in capsys.readouterr().err


def test_never_analysed_reports_go_in_bulk_with_their_index(report, capsys):
    from luoshi.core.models import Measurement
    from luoshi.search.models import TaskEntry

    expected = sorted(Assessment.objects.filter(report=report).values_list("task_id", "status"))
    entries = TaskEntry.objects.filter(report=report).count()
    Assessment.objects.filter(report=report).delete()  # a bulk load or restore without them
    Measurement.objects.filter(report=report).delete()
    TaskEntry.objects.all().delete()
    assert main(["analyze", "--all"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("首次分析(批量)报告 1 份:任务 15 项:")
    assert out[-1].startswith("合计:报告 1 份:")
    assert sorted(Assessment.objects.filter(report=report)
                  .values_list("task_id", "status")) == expected
    assert TaskEntry.objects.filter(report=report).count() == entries == 15
