"""The bulk analysis and bulk index store exactly the rows the per-report paths store.

Data: two generated plans imported the ordinary way (analysis and index per report), one of
them with a person's target correction and status correction; and a plan with an open
reporting round (a draft report whose entries are not filed). The per-report rows are
recorded, the derived rows dropped, the bulk paths run, and every stored row compared by
its content (ids aside, references by what they point at).
"""

from __future__ import annotations

import pytest
from round_plan import opened, people, rp  # noqa: F401 (fixtures)

from luoshi.core.models import Assessment, Measurement, Plan, Report, Target
from luoshi.core.services.analysis import analyze_report
from luoshi.core.services.bulk_analysis import analyze_reports
from luoshi.core.services.corrections import correct_status, correct_target
from luoshi.core.services.importing import import_document
from luoshi.sample import generate_plan
from luoshi.search.bulk import rebuild_all, reindex_plans
from luoshi.search.indexing import reindex_plan
from luoshi.search.models import TaskEntry

pytestmark = pytest.mark.django_db(transaction=False)


def _target_key(t: Target | None) -> tuple | None:
    return None if t is None else (t.task_id, t.start, t.end, t.source, t.position)


def snapshot() -> dict[str, list]:
    """Every analysis and index row, by content."""
    targets = {t.pk: t for t in Target.objects.all()}
    skip = {"id", "version", "corrected_at", "updated_at"}

    def content(obj, fields) -> tuple:
        out = []
        for f in fields:
            if f.name == "target":
                out.append(_target_key(targets.get(obj.target_id)))
            elif f.name not in skip:
                out.append(repr(getattr(obj, f.attname)))
        return tuple(out)

    def rows(model) -> list[tuple]:
        fields = model._meta.concrete_fields
        return sorted(content(obj, fields) for obj in model.objects.all())

    return {m.__name__: rows(m) for m in (Target, Measurement, Assessment, TaskEntry)}


@pytest.fixture
def loaded(opened, supervisor, django_capture_on_commit_callbacks):  # noqa: F811
    for seed, name in ((11, "安澜市"), (12, "青石县")):
        for doc in generate_plan(seed, name, 2024, 30, periods=("q1", "h1", "annual")):
            with django_capture_on_commit_callbacks(execute=True):
                import_document(doc, file_name=f"{name}-{doc.meta.period.kind}.txt")
    for report in Report.objects.filter(plan=opened.plan):
        analyze_report(report)
    reindex_plan(opened.plan.pk)
    # People's corrections: a target (its task's statuses follow) and a status.
    target = Target.objects.filter(task__plan__government__name="安澜市").first()
    assert target is not None, "the generated tasks promise some figures"
    correct_target(target, user=supervisor, expected_version=target.version,
                   value=target.value * 2)
    a = Assessment.objects.filter(report__plan__government__name="青石县").first()
    correct_status(a.report, a.task, "behind", "实地核查", user=supervisor,
                   expected_version=a.version)
    reindex_plan(a.report.plan_id)
    reindex_plan(target.task.plan_id)
    return a.report


@pytest.mark.parametrize("workers", [0, 1, 2], ids=["in-process", "one-worker", "two-workers"])
def test_bulk_paths_store_the_per_report_rows(loaded, workers):
    before = snapshot()
    assert len(before["Assessment"]) > 150 and len(before["Measurement"]) > 20
    assert any("'manual'" in row for row in before["Target"])
    # Drop what analysis derived, but not people's corrections (nor the corrected report's
    # statuses, which must go through the per-report path again).
    Measurement.objects.exclude(report=loaded).delete()
    Assessment.objects.exclude(report=loaded).delete()
    Target.objects.filter(source="derived").delete()
    TaskEntry.objects.all().delete()

    summary = analyze_reports(Report.objects.all(), workers=workers)
    assert summary.again == 1 and summary.bulk == Report.objects.count() - 1
    written = reindex_plans(Plan.objects.values_list("pk", flat=True), drop=False)
    assert written == TaskEntry.objects.count()
    after = snapshot()
    for name, rows in before.items():
        gone = [r for r in rows if r not in after[name]][:1]
        new = [r for r in after[name] if r not in rows][:1]
        assert after[name] == rows, (name, [(i, a, b) for g, n in zip(gone, new, strict=False)
                                            for i, (a, b) in enumerate(zip(g, n, strict=True))
                                            if a != b])


def test_bulk_index_replaces_rows(loaded):
    before = snapshot()["TaskEntry"]
    TaskEntry.objects.filter(report__isnull=True).update(tokens="stale", status="")
    assert rebuild_all() == len(before)
    assert snapshot()["TaskEntry"] == before
    reindex_plans([loaded.plan_id])  # again, over existing rows
    assert snapshot()["TaskEntry"] == before


def test_indexes_deferred_puts_every_index_back(loaded):
    from django.db import connection

    from luoshi.core.services.rows import indexes_deferred

    def indexes() -> dict:
        with connection.cursor() as cursor:
            found = connection.introspection.get_constraints(cursor, TaskEntry._meta.db_table)
        return {k: (v["columns"], v["unique"]) for k, v in found.items() if v["index"]}

    def keys() -> dict:
        with connection.cursor() as cursor:
            found = connection.introspection.get_constraints(cursor, TaskEntry._meta.db_table)
        return {k: v["foreign_key"] for k, v in found.items() if v["foreign_key"]}

    before = indexes()
    before_keys = keys()
    assert len(before) >= 8
    assert len(before_keys) == 5  # task, plan, report, period, lead unit
    rows = TaskEntry.objects.count()
    with indexes_deferred(TaskEntry, Measurement):
        during = indexes()
        during_keys = keys()
        assert rebuild_all() == rows  # rows written (foreign keys checked) before the build
    assert indexes() == before
    assert keys() == before_keys
    if connection.vendor == "postgresql":  # only the unique ones stay during the load
        assert set(during) == {k for k, (_cols, unique) in before.items() if unique}
        assert during_keys == {}
    else:
        assert during == before
        assert during_keys == before_keys


def test_indexes_deferred_still_refuses_a_row_naming_a_missing_row(loaded):
    from django.db import IntegrityError, connection, transaction

    from luoshi.core.services.rows import indexes_deferred

    entry = TaskEntry.objects.filter(report__isnull=True).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        with indexes_deferred(TaskEntry):
            TaskEntry.objects.filter(pk=entry.pk).update(task_id=entry.task_id + 10**6)
        if connection.vendor != "postgresql":  # keys checked at commit, as ever: check now
            connection.check_constraints([TaskEntry._meta.db_table])
    assert TaskEntry.objects.get(pk=entry.pk).task_id == entry.task_id


def test_bulk_ids_never_reuse_a_deleted_rows_id(db):
    from luoshi.core.models import Government, Task
    from luoshi.core.services.rows import RowTable

    plan = Plan.objects.create(government=Government.objects.create(name="甲市"), year=2024)
    last = Task.objects.create(plan=plan, text="乙", order=2)
    gone = last.pk
    last.delete()  # the highest id so far, now gone
    table = RowTable(Task, ["id", "plan", "text", "order"])
    [pk] = table.new_ids(1)
    assert pk > gone
    table.write([(pk, plan.pk, "丙", 3)])
    row = Task.objects.get(pk=pk)  # the columns not named got their defaults
    assert (row.text, row.version, row.close_reason, row.parent_id) == ("丙", 1, "", None)


def test_bulk_reads_the_table_columns_as_the_per_report_path(db, tmp_path):
    """A table with target and achieved-figure columns (新增城镇就业(人) | 3000 | 2100): the
    bulk path reads the column targets and the row's figures as the per-report path does."""
    from luoshi.ingest import read_document

    path = tmp_path / "indicators.txt"
    rows = [["序号", "工作任务", "目标任务", "责任单位", "已完成数", "完成情况"],
            ["1", "新增城镇就业(人)", "3000", "市人社局", "2100", "稳步推进。"],
            ["2", "职业技能培训(人次)", "8000", "市人社局", "2000", "已开班20期。"],
            ["3", "新建充电桩", "800个", "市发展改革委", "", "累计建成610个。"]]
    path.write_text("甲市2023年三季度重点工作推进情况\n\n"
                    + "\n".join(" | ".join(r) + " |" for r in rows) + "\n", encoding="utf-8")
    doc = read_document(path)
    doc.meta.government = "甲市"
    import_document(doc, file_name="indicators.txt")
    before = snapshot()
    assert sum("'目标任务'" in row for row in before["Target"]) == 3
    assert sum("'actual'" in row for row in before["Measurement"]) == 2
    Measurement.objects.all().delete()
    Assessment.objects.all().delete()
    Target.objects.filter(source="derived").delete()
    summary = analyze_reports(Report.objects.all())
    assert (summary.again, summary.bulk) == (1, 0)  # target columns: the per-report path
    after = snapshot()
    for name in ("Target", "Measurement", "Assessment"):
        assert after[name] == before[name], name


def _index_definitions() -> list[tuple[str, str]]:
    from django.db import connection

    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name = %s", [TaskEntry._meta.db_table])
            return sorted(cursor.fetchall())
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s",
                       [TaskEntry._meta.db_table])
        return sorted(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_indexes_made_after_the_commit_on_several_connections_are_the_same(loaded,
                                                                            monkeypatch):
    """``builders=2`` outside a transaction: the same indexes, made by two threads after the
    rows were committed (another connection sees them), the GIN ones handed out first."""
    import threading

    from django.db import connection, connections

    from luoshi.core.services import rows as bulk_rows

    before = _index_definitions()
    rows = TaskEntry.objects.count()
    made: list[tuple[str, str]] = []  # (thread, definition) in the order handed out
    committed: list[int] = []
    real = bulk_rows._make_index

    def spy(alias: str, definition: str) -> None:
        made.append((threading.current_thread().name, definition))
        with connections[alias].cursor() as cursor:  # this thread's own connection
            cursor.execute(f"SELECT count(*) FROM {TaskEntry._meta.db_table}")
            committed.append(cursor.fetchone()[0])
        real(alias, definition)

    monkeypatch.setattr(bulk_rows, "_make_index", spy)
    with bulk_rows.indexes_deferred(TaskEntry, builders=2):
        assert rebuild_all() == rows
    assert _index_definitions() == before
    if connection.vendor == "postgresql":
        plain = [d for _n, d in before if not d.startswith("CREATE UNIQUE")]
        assert sorted(d for _t, d in made) == sorted(plain)
        assert {t for t, _d in made} <= {"luoshi-index-build-0", "luoshi-index-build-1"}
        assert all(" USING gin " in d for _t, d in made[:2])
        assert set(committed) == {rows}
    else:
        assert made == []


@pytest.mark.django_db(transaction=True)
def test_an_index_that_cannot_be_made_after_the_commit_is_named(loaded, monkeypatch):
    """A failed index is made again on the calling connection; failing there too, the error
    names it, and the rows stay."""
    from django.db import connection

    from luoshi.core.services import rows as bulk_rows

    before = _index_definitions()
    rows = TaskEntry.objects.count()
    real = bulk_rows._make_index
    tries: list[str] = []
    if connection.vendor != "postgresql":  # SQLite keeps its indexes: nothing to make
        monkeypatch.setattr(bulk_rows, "_make_index", tries.append)
        with bulk_rows.indexes_deferred(TaskEntry, builders=2):
            assert rebuild_all() == rows
        assert tries == [] and _index_definitions() == before
        return

    def refuse(times: int):
        def make(alias: str, definition: str) -> None:
            if "taskentry_plan " in definition and tries.count(definition) < times:
                tries.append(definition)
                raise RuntimeError("no room")
            real(alias, definition)
        return make

    monkeypatch.setattr(bulk_rows, "_make_index", refuse(1))  # once: made again here
    with bulk_rows.indexes_deferred(TaskEntry, builders=2):
        assert rebuild_all() == rows
    assert _index_definitions() == before and len(tries) == 1
    tries.clear()
    monkeypatch.setattr(bulk_rows, "_make_index", refuse(2))
    try:
        with pytest.raises(RuntimeError, match="could not be made again: CREATE INDEX "
                           "taskentry_plan "):
            with bulk_rows.indexes_deferred(TaskEntry, builders=2):
                assert rebuild_all() == rows
        assert TaskEntry.objects.count() == rows
        assert "taskentry_plan" not in dict(_index_definitions())
    finally:
        monkeypatch.setattr(bulk_rows, "_make_index", real)
        missing = set(before) - set(_index_definitions())
        for _name, definition in missing:
            real(connection.alias, definition)
    assert _index_definitions() == before


@pytest.mark.parametrize("running", [True, False], ids=["collector-on", "collector-off"])
def test_a_batch_runs_without_the_cyclic_collector_and_restores_it(loaded, monkeypatch, running):
    import gc

    from luoshi.core.services import bulk_analysis

    seen: list[bool] = []
    analysed = bulk_analysis._analysed

    def spy(job):
        seen.append(gc.isenabled())
        return analysed(job)

    monkeypatch.setattr(bulk_analysis, "_analysed", spy)
    Measurement.objects.exclude(report=loaded).delete()
    Assessment.objects.exclude(report=loaded).delete()
    was = gc.isenabled()
    (gc.enable if running else gc.disable)()
    try:
        summary = analyze_reports(Report.objects.exclude(pk=loaded.pk), workers=0)
        assert summary.bulk > 0 and seen and not any(seen)  # paused while a batch is analysed
        assert gc.isenabled() is running  # and left as it was found
    finally:
        (gc.enable if was else gc.disable)()
