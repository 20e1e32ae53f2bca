"""Report-level status queries (luoshi.core.services.summary) and the analysis done by import."""

from __future__ import annotations

from collections import Counter

import pytest
from analysis_data import imported
from django.db import connection
from django.test.utils import CaptureQueriesContext
from shared_docs import shared_path

from luoshi.core.models import Assessment, Report, Task, TaskUnit
from luoshi.core.services.corrections import correct_status
from luoshi.core.services.importing import import_document
from luoshi.core.services.summary import compare_reports, previous_report, status_summary
from luoshi.ingest import read_document
from luoshi.sample import generate_plan
from luoshi.vocab import Status, UnitRole

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def plan_docs():
    return generate_plan(7, "安澜市", 2023, 60, periods=("q1", "h1"))


@pytest.fixture(scope="module")
def reports(django_db_setup, django_db_blocker, plan_docs):
    seed = read_document(shared_path("seeds", "004_fea78dcb383e1fba.txt"))
    pairs = [(plan_docs[0], "q1.txt"), (plan_docs[1], "h1.txt"), (seed, "004.txt")]
    with imported(django_db_blocker, *pairs) as results:
        yield [Report.objects.get(pk=r.report_id) for r in results]


def test_counts_per_status_equal_a_direct_count(reports):
    for report in reports:
        s = status_summary(report)
        direct = Counter(Assessment.objects.filter(report=report).values_list("status", flat=True))
        assert s["by_status"] == {st.value: direct.get(st.value, 0) for st in Status}
        assert s["total"] == sum(direct.values()) > 0
        assert s["corrected"] == 0


def test_per_lead_unit_counts(reports):
    report = reports[2]
    s = status_summary(report)
    assert sum(u["total"] for u in s["by_unit"]) == s["total"]
    for st in Status:
        assert sum(u["by_status"][st.value] for u in s["by_unit"]) == s["by_status"][st.value]
    unit = s["by_unit"][0]
    led = TaskUnit.objects.filter(role=UnitRole.LEAD, unit_id=unit["unit_id"]).values("task_id")
    direct = Counter(Assessment.objects.filter(report=report, task_id__in=led)
                     .values_list("status", flat=True))
    assert unit["total"] == sum(direct.values()) and unit["unit"]
    assert {k: v for k, v in unit["by_status"].items() if v} == dict(direct)


def test_flagged_list_has_reason_evidence_and_lead_unit(reports):
    report = reports[2]
    s = status_summary(report)
    assert len(s["flagged"]) == s["by_status"]["behind"] + s["by_status"]["at_risk"] > 0
    statuses = [f["status"] for f in s["flagged"]]
    assert statuses == sorted(statuses, key=["behind", "at_risk"].index)
    for f in s["flagged"]:
        assert f["reason"] and f["lead_unit"]
        assert all(e["text"] for e in f["evidence"])


def test_summary_takes_a_few_queries_and_shows_corrections(reports, django_user_model):
    report = reports[2]
    a = Assessment.objects.filter(report=report, status="on_track").first()
    correct_status(report, a.task, "at_risk", "资金未到位", user=None, expected_version=a.version)
    with CaptureQueriesContext(connection) as ctx:
        s = status_summary(report)
    assert len(ctx.captured_queries) <= 3
    assert s["corrected"] == 1
    [f] = [f for f in s["flagged"] if f["task_id"] == a.task_id]
    assert (f["status"], f["derived_status"], f["source"]) == ("at_risk", "on_track", "manual")


def test_previous_report_and_change(reports):
    q1, h1, seed = reports
    assert previous_report(h1) == q1
    assert previous_report(q1) is None and previous_report(seed) is None
    change = compare_reports(h1, q1)
    now = Counter(Assessment.objects.filter(report=h1).values_list("status", flat=True))
    before = Counter(Assessment.objects.filter(report=q1).values_list("status", flat=True))
    assert change["by_status_delta"] == {s.value: now[s.value] - before[s.value] for s in Status}
    moved = sum(t["count"] for t in change["transitions"])
    old = dict(Assessment.objects.filter(report=q1).values_list("task_id", "status"))
    new = dict(Assessment.objects.filter(report=h1).values_list("task_id", "status"))
    assert moved == sum(1 for t, st in new.items() if t in old and old[t] != st)


def test_import_assesses_every_top_level_task_and_counts_statuses(reports, plan_docs):
    h1 = reports[1]
    tops = Task.objects.filter(plan=h1.plan, parent__isnull=True).count()
    assert Assessment.objects.filter(report=h1).count() == tops == len(plan_docs[1].tasks)
    batch = h1.imports.get()
    assert batch.counts["assessed"] == tops
    assert sum(batch.counts[f"status_{s.value}"] for s in Status) == tops


def test_dry_run_counts_statuses_and_writes_nothing(reports):
    [doc] = generate_plan(8, "安澜市东湖区", 2023, 12, periods=("q3",))
    before = Assessment.objects.count()
    result = import_document(doc, file_name="q3.txt", dry_run=True)
    assert result.outcome == "created" and result.counts["assessed"] == 12
    assert sum(result.counts[f"status_{s.value}"] for s in Status) == 12
    assert Assessment.objects.count() == before > 0
