"""Importing the two real seed tables (../shared/seeds) through read_document."""

from __future__ import annotations

import pytest
from shared_docs import shared_path

from luoshi.core.models import Government, Progress, Report, Task, Unit
from luoshi.core.services.importing import import_document
from luoshi.ingest import read_document
from luoshi.vocab import UnitRole

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seed_docs():
    """Both seeds parsed once for the module (parsing is the slow part)."""
    return {
        "000": read_document(shared_path("seeds", "000_eb2b56e49a1860ea.txt")),
        "004": read_document(shared_path("seeds", "004_fea78dcb383e1fba.txt")),
    }


def test_seed_000_imports_190_tasks_in_order(seed_docs):
    result = import_document(seed_docs["000"], file_name="000.txt")
    report = Report.objects.get(pk=result.report_id)
    assert report.plan.government.name == "洞头区"
    assert report.plan.government.level == Government.Level.DISTRICT
    assert (report.period.year, report.period.kind) == (2020, "q3")
    tasks = Task.objects.filter(plan=report.plan, parent__isnull=True).order_by("order")
    assert tasks.count() == 190 == result.counts["tasks"]
    assert [t.serial for t in tasks] == [str(i) for i in range(1, 191)]
    assert Progress.objects.filter(report=report).count() == 190
    assert [c["role"] for c in report.columns] == ["serial", "task", "done"]


def test_seed_004_imports_units_lead_first_and_sub_items(seed_docs):
    result = import_document(seed_docs["004"], file_name="004.txt")
    report = Report.objects.get(pk=result.report_id)
    assert report.plan.government.name == "舟山市"
    tasks = Task.objects.filter(plan=report.plan, parent__isnull=True)
    assert tasks.count() == 150
    t2 = tasks.get(serial="2")
    assert [(link.unit.name, link.role) for link in t2.ordered_units()] == [
        ("市发改委", UnitRole.LEAD), ("市经信局", UnitRole.CO), ("市府办(市大数据局)", UnitRole.CO)]
    t1 = tasks.get(serial="1")
    names = [link.unit.name for link in t1.ordered_units()]
    assert names[0] == "市疫情防控办" and not any("下同" in n for n in names)
    # Task 3: four sub-items, each its own row with progress, problems and next steps.
    t3 = tasks.get(serial="3")
    subs = list(t3.children.order_by("order"))
    assert [s.text for s in subs][:2] == ["舟山大脑建成应用。",
                                          "深化“互联网+政务服务”改革,推进“掌上办事之市”建设。"]
    first = Progress.objects.get(report=report, task=subs[0])
    assert first.done.startswith("完善通用平台建设。")
    assert first.problems.startswith("舟山大脑,尚未形成")
    assert not Progress.objects.filter(report=report, task=t3).exists()
    # 市大数据局 is kept as an alias of the unit written 市府办(市大数据局).
    unit = Unit.objects.get(government=report.plan.government, name="市府办(市大数据局)")
    assert list(unit.aliases.values_list("alias", flat=True)) == ["市大数据局"]


def test_both_seeds_again_change_nothing(seed_docs):
    import_document(seed_docs["000"], file_name="000.txt")
    import_document(seed_docs["004"], file_name="004.txt")
    counts = (Task.objects.count(), Progress.objects.count())
    again = [import_document(d, file_name="again.txt") for d in seed_docs.values()]
    assert [r.outcome for r in again] == ["already_imported", "already_imported"]
    assert (Task.objects.count(), Progress.objects.count()) == counts
