"""luoshi.sample: deterministic, realistic generated plans that the importer accepts."""

from __future__ import annotations

import re

import pytest

from luoshi.core.models import Progress, Task
from luoshi.core.services.importing import import_document
from luoshi.sample import generate_plan
from luoshi.vocab import ColumnRole, PeriodKind

FIGURE = re.compile(r"(1-\d+月),累计(.+?)([\d.]+)(\S+?),完成年度目标的([\d.]+)%")


@pytest.fixture(scope="module")
def docs():
    return generate_plan(5, "安澜市", 2023, 60)


def test_same_seed_same_documents_other_seed_other_documents(docs):
    again = generate_plan(5, "安澜市", 2023, 60)
    assert [d.to_dict() for d in again] == [d.to_dict() for d in docs]
    other = generate_plan(6, "安澜市", 2023, 60)
    assert [t.text for t in other[0].tasks] != [t.text for t in docs[0].tasks]


def test_a_period_does_not_depend_on_the_others_asked_for(docs):
    [q3] = generate_plan(5, "安澜市", 2023, 60, periods=("q3",))
    assert q3.to_dict() == docs[2].to_dict()


def test_one_document_per_period_with_metadata(docs):
    assert [d.meta.period.kind for d in docs] == [PeriodKind.Q1, PeriodKind.H1, PeriodKind.Q3,
                                                  PeriodKind.ANNUAL]
    assert [d.meta.period.end_month for d in docs] == [3, 6, 9, 12]
    for doc in docs:
        assert doc.meta.government == "安澜市" and doc.meta.year == 2023
        assert doc.meta.title == f"2023年度安澜市政府重点工作任务{doc.meta.period.label}完成情况"
        assert doc.meta.published_date > doc.meta.period.end_date
        assert [c.role for c in doc.columns] == [
            ColumnRole.SERIAL, ColumnRole.TASK, ColumnRole.UNITS, ColumnRole.DONE,
            ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS]


def test_task_shapes(docs):
    tasks = docs[0].tasks
    assert [t.serial for t in tasks] == [str(i) for i in range(1, 61)]
    assert all(t.text.endswith("。") and len(t.text) > 15 for t in tasks)
    assert all(t.units and len(set(t.units)) == len(t.units) for t in tasks)
    assert all(u.startswith(("市", "各")) for t in tasks for u in t.units)
    split = [t for t in tasks if len(t.items) > 1]
    assert split, "some tasks have sub-items"
    assert all(i.heading for t in split for i in t.items)
    assert all(t.items[0].heading is None for t in tasks if len(t.items) == 1)
    # Same tasks, same units in every period.
    for doc in docs[1:]:
        assert [(t.serial, t.text, t.units) for t in doc.tasks] == \
            [(t.serial, t.text, t.units) for t in tasks]


def test_district_units_carry_the_district_prefix():
    [doc] = generate_plan(1, "安澜市东湖区", 2024, 20, periods=("h1",))
    assert all(u.startswith(("区", "各")) for t in doc.tasks for u in t.units)


def test_progress_tells_a_consistent_story(docs):
    """Cumulative figures grow period after period; lagging tasks say so; boilerplate exists."""
    shares: dict[str, list[float]] = {}
    for doc in docs[:3]:
        for task in doc.tasks:
            m = FIGURE.search(task.items[0].done)
            if m:
                assert m.group(1) == f"1-{doc.meta.period.end_month}月"
                shares.setdefault(task.serial, []).append(float(m.group(5)))
    assert len(shares) > 10
    assert all(s == sorted(s) for s in shares.values())
    annual = docs[3]
    behind = [t for t in annual.tasks if "未完成年度目标任务" in t.items[0].done]
    assert behind and all("影响" in t.items[0].problems for t in behind)
    assert any(t.items[0].done == "按计划推进。" or "有序推进" in t.items[0].done
               for d in docs for t in d.tasks)
    assert all(not i.next_steps for t in annual.tasks for i in t.items
               if "已完成年度目标任务" in i.done)


def test_three_column_layout_has_no_units_problems_or_next_steps():
    [doc] = generate_plan(2, "安澜市", 2023, 10, periods=("q1",), layout="three")
    assert [c.header for c in doc.columns] == ["序号", "重点工作", "一季度完成情况"]
    assert all(not t.units for t in doc.tasks)
    assert all(not i.problems and not i.next_steps for t in doc.tasks for i in t.items)


def test_bad_arguments():
    with pytest.raises(ValueError, match="layout"):
        generate_plan(1, layout="four")
    with pytest.raises(ValueError, match="period"):
        generate_plan(1, periods=("month",))


@pytest.mark.django_db
def test_a_generated_year_imports_onto_one_set_of_tasks(docs):
    results = [import_document(doc, file_name=doc.source_name) for doc in docs]
    assert [r.outcome for r in results] == ["created"] * 4
    assert [r.counts["matched"] for r in results] == [0, 60, 60, 60]
    assert all(r.warnings == [] for r in results)
    assert Task.objects.filter(parent__isnull=True).count() == 60
    rows = sum(len(t.items) for t in docs[0].tasks)
    assert Progress.objects.count() == 4 * rows
