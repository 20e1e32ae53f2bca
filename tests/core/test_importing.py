"""import_document: one transaction, idempotent, reconciles periods, refuses silent overwrites."""

from __future__ import annotations

import copy
from unittest import mock

import pytest

from luoshi.core.models import (
    Change,
    Government,
    ImportBatch,
    Period,
    Plan,
    Progress,
    Report,
    Task,
    TaskUnit,
    Unit,
    UnitAlias,
)
from luoshi.core.services import importing
from luoshi.core.services.importing import ImportRefused, content_sha256, import_document
from luoshi.ingest.model import Item
from luoshi.sample import generate_plan
from luoshi.vocab import UnitRole

pytestmark = pytest.mark.django_db

MODELS = (Government, Plan, Unit, UnitAlias, Task, TaskUnit, Period, Report, Progress,
          ImportBatch, Change)


def snapshot() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


@pytest.fixture(scope="module")
def docs():
    """Four periods of one generated plan (q1, h1, q3, annual)."""
    return generate_plan(11, "安澜市", 2023, 24)


def fresh(doc):
    return copy.deepcopy(doc)


def sub_item_task(doc):
    return next(t for t in doc.tasks if len(t.items) > 1)


def test_import_creates_the_plan_tasks_units_and_progress(docs):
    doc = docs[0]
    result = import_document(doc, file_name="q1.txt")
    assert result.outcome == "created" and result.changed
    report = Report.objects.get(pk=result.report_id)
    assert report.plan.government.name == "安澜市"
    assert report.plan.government.level == Government.Level.CITY
    assert (report.period.kind, report.period.month, report.period.year) == ("q1", 3, 2023)
    assert report.state == Report.State.PUBLISHED
    assert report.title == doc.meta.title and report.published_date == doc.meta.published_date
    assert [c["role"] for c in report.columns] == [str(c.role) for c in doc.columns]
    assert report.content_sha256 == content_sha256(doc)

    top = Task.objects.filter(plan=report.plan, parent__isnull=True).order_by("order")
    assert [t.serial for t in top] == [t.serial for t in doc.tasks]
    assert [t.text for t in top] == [t.text for t in doc.tasks]
    # Units in order, lead first.
    first = top[0]
    links = first.ordered_units()
    assert [link.unit.name for link in links] == doc.tasks[0].units
    assert [link.role for link in links] == [UnitRole.LEAD] + [UnitRole.CO] * (len(links) - 1)
    # Sub-items become child tasks titled by their heading, each with its own progress.
    parsed = sub_item_task(doc)
    parent = top.get(serial=parsed.serial)
    children = list(parent.children.order_by("order"))
    assert [c.text for c in children] == [i.heading for i in parsed.items]
    assert not Progress.objects.filter(report=report, task=parent).exists()
    got = Progress.objects.get(report=report, task=children[1])
    assert (got.done, got.problems, got.next_steps) == (
        parsed.items[1].done, parsed.items[1].problems, parsed.items[1].next_steps)
    # Rows keep the published order.
    rows = list(Progress.objects.filter(report=report).order_by("position"))
    assert [p.position for p in rows] == list(range(1, len(rows) + 1))
    n_rows = sum(len(t.items) for t in doc.tasks)
    assert len(rows) == n_rows
    assert result.counts["tasks"] == 24 and result.counts["progress"] == n_rows
    assert result.counts["sub_items"] == sum(len(t.items) for t in doc.tasks if len(t.items) > 1)
    assert result.counts["matched"] == 0 and result.counts["new_tasks"] == 24
    assert result.counts["units"] == Unit.objects.count()
    # History: one create per task and per progress row.
    assert Change.objects.filter(model="progress", action="create").count() == n_rows
    assert Change.objects.filter(model="task", action="create", batch_id=result.batch_id).exists()
    batch = ImportBatch.objects.get(pk=result.batch_id)
    assert batch.report_id == report.pk and batch.counts["tasks"] == 24


def test_reimporting_the_same_bytes_does_nothing_and_says_so(docs):
    first = import_document(fresh(docs[0]), file_name="q1.txt")
    before = snapshot()
    again = import_document(fresh(docs[0]), file_name="q1-copy.txt")
    assert again.outcome == "already_imported" and not again.changed
    assert "already imported" in again.message and f"#{first.batch_id}" in again.message
    assert again.report_id == first.report_id
    assert snapshot() == before


def test_same_table_from_another_file_is_recorded_but_changes_nothing(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    other = fresh(docs[0])
    other.sha256 = "f" * 64  # other bytes (say, the HTML page), same table
    before = snapshot()
    result = import_document(other, file_name="q1.html")
    assert result.outcome == "same_content"
    after = snapshot()
    assert after.pop("ImportBatch") == before.pop("ImportBatch") + 1
    assert after == before


def test_another_period_attaches_progress_to_the_same_tasks(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    tasks_before = Task.objects.count()
    links_before = TaskUnit.objects.count()
    result = import_document(fresh(docs[2]), file_name="q3.txt")
    assert result.outcome == "created"
    assert result.counts["matched"] == 24 and result.counts["new_tasks"] == 0
    assert Task.objects.count() == tasks_before and TaskUnit.objects.count() == links_before
    assert result.warnings == []
    task = Task.objects.get(serial="1", parent__isnull=True)
    assert task.progress.count() == 2
    parsed = sub_item_task(docs[2])
    parent = Task.objects.get(serial=parsed.serial, parent__isnull=True)
    for child in parent.children.all():
        assert child.progress.count() == 2


def test_whitespace_and_punctuation_differences_still_match(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    h1 = fresh(docs[1])
    h1.tasks[0].text = " " + h1.tasks[0].text.replace(",", ",").rstrip("。") + " "
    result = import_document(h1, file_name="h1.txt")
    assert result.counts["matched"] == 24 and result.warnings == []


def test_reworded_task_matches_by_serial_with_a_warning(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    h1 = fresh(docs[1])
    original = h1.tasks[3].text
    h1.tasks[3].text = original[:-1] + "，确保按期完成。"
    result = import_document(h1, file_name="h1.txt")
    assert result.counts["matched"] == 24 and result.counts["new_tasks"] == 0
    [warning] = result.warnings
    assert warning["message"].startswith(f"task {h1.tasks[3].serial}: text differs")
    assert ImportBatch.objects.get(pk=result.batch_id).warnings == result.warnings
    assert Task.objects.get(serial=h1.tasks[3].serial).text == original  # kept


def test_different_task_under_a_known_serial_is_new_with_a_warning(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    h1 = fresh(docs[1])
    h1.tasks[5].text = "全面完成海岛公路环线建设。"
    result = import_document(h1, file_name="h1.txt")
    assert result.counts["matched"] == 23 and result.counts["new_tasks"] == 1
    assert any("imported as a new task" in w["message"] for w in result.warnings)
    assert Task.objects.filter(serial=h1.tasks[5].serial, parent__isnull=True).count() == 2


def test_renumbered_task_is_found_by_its_text(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    h1 = fresh(docs[1])
    h1.tasks[0].serial, h1.tasks[1].serial = h1.tasks[1].serial, h1.tasks[0].serial
    result = import_document(h1, file_name="h1.txt")
    assert result.counts["matched"] == 24 and result.counts["new_tasks"] == 0
    assert len([w for w in result.warnings if "same text as existing task" in w["message"]]) == 2


def test_conflicting_report_is_refused_and_nothing_changes(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    changed = fresh(docs[0])
    changed.sha256 = "e" * 64
    changed.tasks[0].items[0].done = "已全面完成。"
    before = snapshot()
    with pytest.raises(ImportRefused) as err:
        import_document(changed, file_name="q1-v2.txt")
    message = str(err.value)
    assert message.startswith("q1-v2.txt: a different table for")
    assert "--replace" in message and "q1.txt" in message
    assert snapshot() == before


def test_replace_updates_progress_and_records_the_changes(docs):
    first = import_document(fresh(docs[0]), file_name="q1.txt")
    changed = fresh(docs[0])
    changed.sha256 = "e" * 64
    old_done = changed.tasks[0].items[0].done
    changed.tasks[0].items[0].done = "已全面完成。"
    result = import_document(changed, file_name="q1-v2.txt", replace=True)
    assert result.outcome == "replaced" and result.report_id == first.report_id
    assert result.counts["progress_updated"] == 1
    progress = Progress.objects.get(report_id=first.report_id, task__serial="1")
    assert progress.done == "已全面完成。" and progress.version == 2
    change = Change.objects.get(model="progress", action="update", object_id=progress.pk)
    assert change.fields == {"done": [old_done, "已全面完成。"]}
    assert change.batch_id == result.batch_id


def test_replace_with_the_original_bytes_again_is_allowed(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    changed = fresh(docs[0])
    changed.sha256 = "e" * 64
    changed.tasks[0].items[0].done = "已全面完成。"
    import_document(changed, file_name="q1-v2.txt", replace=True)
    back = import_document(fresh(docs[0]), file_name="q1.txt", replace=True)
    assert back.outcome == "replaced"
    assert Progress.objects.get(report_id=back.report_id, task__serial="1").done == \
        docs[0].tasks[0].items[0].done


def test_dry_run_writes_nothing_but_reports_the_same_counts(docs):
    before = snapshot()
    dry = import_document(fresh(docs[0]), file_name="q1.txt", dry_run=True)
    assert snapshot() == before
    assert dry.dry_run and dry.batch_id is None and dry.message.startswith("dry run")
    real = import_document(fresh(docs[0]), file_name="q1.txt")
    assert dry.counts == real.counts


def test_failure_midway_leaves_the_database_exactly_as_before(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    before = snapshot()
    with mock.patch.object(importing._Importer, "_progress", side_effect=RuntimeError("boom")), \
            pytest.raises(RuntimeError, match="boom"):
        import_document(fresh(docs[1]), file_name="h1.txt")
    assert snapshot() == before


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda d: setattr(d.meta, "government", ""), "the government is not known"),
        (lambda d: setattr(d.meta, "year", None), "the year is not known"),
        (lambda d: setattr(d.meta, "period", None), "the reporting period is not known"),
        (lambda d: d.tasks.clear(), "the table has no tasks"),
        (lambda d: setattr(d.tasks[2], "serial", d.tasks[1].serial), "appears twice"),
        (lambda d: setattr(d.tasks[1], "text", " "), "has no text"),
    ],
)
def test_invalid_documents_are_refused_with_a_reason(docs, damage, reason):
    doc = fresh(docs[0])
    damage(doc)
    for t in doc.tasks:
        t.line_start = 10 + int(t.serial)
    with pytest.raises(ImportRefused, match=reason) as err:
        import_document(doc, file_name="bad.txt")
    assert str(err.value).startswith("bad.txt")
    assert all(v == 0 for v in snapshot().values())


def test_duplicate_serial_names_the_line(docs):
    doc = fresh(docs[0])
    for i, t in enumerate(doc.tasks):
        t.line_start = 100 + i
    doc.tasks[2].serial = doc.tasks[1].serial
    with pytest.raises(ImportRefused) as err:
        import_document(doc, file_name="dup.txt")
    assert str(err.value) == "dup.txt:102: serial 2 appears twice (first at line 101)"


def test_units_are_normalised_aliased_and_lead_marked(docs):
    doc = fresh(docs[0])
    doc.tasks[0].units = ["市府办（市大数据局）", "*市 发改委", "★市经信局"]
    doc.tasks[1].units = ["市大数据局", "市财政局"]
    import_document(doc, file_name="q1.txt")
    t1 = Task.objects.get(serial="1", parent__isnull=True)
    assert [(link.unit.name, link.role) for link in t1.ordered_units()] == [
        ("市府办(市大数据局)", UnitRole.CO), ("市发改委", UnitRole.LEAD),
        ("市经信局", UnitRole.LEAD)]
    t2 = Task.objects.get(serial="2", parent__isnull=True)
    # The alias resolves to the unit already filed under its full name.
    assert t2.lead_unit().name == "市府办(市大数据局)"
    assert UnitAlias.objects.get(alias="市大数据局").unit.name == "市府办(市大数据局)"


def test_units_added_later_fill_a_task_that_had_none(docs):
    three = generate_plan(11, "安澜市", 2023, 24, periods=("q1",), layout="three")[0]
    import_document(three, file_name="q1-three.txt")
    assert TaskUnit.objects.count() == 0
    result = import_document(fresh(docs[1]), file_name="h1.txt")
    assert result.counts["matched"] == 24
    t1 = Task.objects.get(serial="1", parent__isnull=True)
    assert [u.unit.name for u in t1.ordered_units()] == docs[1].tasks[0].units
    assert Change.objects.filter(model="task", object_id=t1.pk, action="update").exists()


def test_units_that_differ_later_are_kept_with_a_warning(docs):
    import_document(fresh(docs[0]), file_name="q1.txt")
    h1 = fresh(docs[1])
    h1.tasks[0].units = ["市审计局"]
    result = import_document(h1, file_name="h1.txt")
    assert any(w["message"].startswith("task 1: units differ") for w in result.warnings)
    t1 = Task.objects.get(serial="1", parent__isnull=True)
    assert [u.unit.name for u in t1.ordered_units()] == docs[0].tasks[0].units


def test_compound_government_name_gets_a_parent():
    doc = generate_plan(3, "安澜市东湖区", 2024, 5, periods=("h1",))[0]
    import_document(doc, file_name="h1.txt")
    district = Government.objects.get(name="安澜市东湖区")
    assert district.level == Government.Level.DISTRICT
    assert district.parent.name == "安澜市" and district.parent.level == Government.Level.CITY
    assert Unit.objects.filter(government=district, name__startswith="区").exists()


def test_empty_row_still_makes_a_progress_row(docs):
    doc = fresh(docs[0])
    doc.tasks[0].items = [Item()]
    result = import_document(doc, file_name="q1.txt")
    p = Progress.objects.get(report_id=result.report_id, task__serial="1")
    assert p.is_empty and p.position == 1


def test_cells_of_other_columns_are_kept_on_every_row_of_the_task(docs):
    doc = fresh(docs[0])
    parsed = sub_item_task(doc)
    parsed.extra = {"责任领导": "分管副市长"}
    result = import_document(doc, file_name="q1.txt")
    parent = Task.objects.get(serial=parsed.serial, parent__isnull=True)
    rows = Progress.objects.filter(report_id=result.report_id, task__parent=parent)
    assert rows.count() == len(parsed.items)
    assert {tuple(p.extra.items()) for p in rows} == {(("责任领导", "分管副市长"),)}
    # The extra cells are part of the table's content: a change there is a different table.
    changed = fresh(doc)
    changed.sha256 = "d" * 64
    changed.tasks[int(parsed.serial) - 1].extra = {"责任领导": "常务副市长"}
    with pytest.raises(ImportRefused, match="a different table"):
        import_document(changed, file_name="q1-v2.txt")


def test_new_task_history_holds_its_text_and_units_in_one_row(docs):
    result = import_document(fresh(docs[0]), file_name="q1.txt")
    t1 = Task.objects.get(serial="1", parent__isnull=True)
    [change] = Change.objects.filter(model="task", object_id=t1.pk)
    assert change.action == "create" and change.batch_id == result.batch_id
    assert change.fields == {"serial": "1", "text": docs[0].tasks[0].text,
                             "units": docs[0].tasks[0].units}


def test_replace_removes_rows_that_left_the_table_and_records_them(docs):
    first = import_document(fresh(docs[0]), file_name="q1.txt")
    shorter = fresh(docs[0])
    shorter.sha256 = "c" * 64
    dropped = shorter.tasks.pop()
    result = import_document(shorter, file_name="q1-v2.txt", replace=True)
    assert result.counts["progress_removed"] == len(dropped.items)
    task = Task.objects.get(serial=dropped.serial, parent__isnull=True)
    rows = Progress.objects.filter(report_id=first.report_id, task__in=[task, *task.children.all()])
    assert not rows.exists()
    deleted = Change.objects.filter(model="progress", action="delete", batch_id=result.batch_id)
    assert deleted.count() == len(dropped.items)
    assert sorted(c.fields["done"] for c in deleted) == sorted(i.done for i in dropped.items)
    # The task stays in the plan: it may have entries in other periods.
    assert Task.objects.filter(pk=task.pk).exists()


def test_concurrent_import_of_the_same_period_is_refused_cleanly(docs):
    from django.db import IntegrityError

    with mock.patch.object(importing._Importer, "run", side_effect=IntegrityError("unique")), \
            pytest.raises(ImportRefused, match="ran at the same time"):
        import_document(fresh(docs[0]), file_name="q1.txt")
    assert all(v == 0 for v in snapshot().values())
