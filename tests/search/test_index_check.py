"""The index in step with the data: an import writes its rows inside its own transaction;
`luoshi check` finds rows missing (a restore, an older version killed after its commit) and
`--fix` or importing the same file again repairs them."""

import pytest
from django.db import transaction

from luoshi.cli import main
from luoshi.core.models import Report
from luoshi.core.services.importing import import_document
from luoshi.sample import generate_plan
from luoshi.search.indexing import index_gaps, reindex_all
from luoshi.search.models import TaskEntry


@pytest.fixture
def docs():
    return generate_plan(4, "安澜市", 2023, 10, periods=("h1", "q3"))


def test_import_writes_the_index_inside_its_transaction(db, docs,
                                                         django_capture_on_commit_callbacks):
    # The test's transaction never commits: rows present now were written inside it, not by
    # an on-commit callback (none is run here).
    with django_capture_on_commit_callbacks(execute=False):
        result = import_document(docs[0], file_name="h1.txt")
        assert TaskEntry.objects.filter(report_id=result.report_id).count() == 10
        assert TaskEntry.objects.filter(report__isnull=True).count() == 10
    assert not index_gaps()


def test_a_failed_import_leaves_no_rows(db, docs):
    with pytest.raises(RuntimeError), transaction.atomic():
        import_document(docs[0], file_name="h1.txt")
        raise RuntimeError("killed")
    assert TaskEntry.objects.count() == 0 and not Report.objects.exists()


def test_check_finds_missing_rows_and_fix_repairs(db, docs, capsys):
    first = import_document(docs[0], file_name="h1.txt").report_id
    second = import_document(docs[1], file_name="q3.txt").report_id
    assert main(["check"]) == 0 and "索引:与数据一致" in capsys.readouterr().out
    # Rows lost for one report and for the plan's tasks (as a kill after commit used to).
    TaskEntry.objects.filter(report_id=second).delete()
    TaskEntry.objects.filter(pk__in=list(TaskEntry.objects.filter(
        report__isnull=True).values_list("pk", flat=True)[:3])).delete()
    gaps = index_gaps()
    assert gaps.reports == {second: (10, 0)} and list(gaps.plans.values()) == [(10, 7)]
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert f"索引:报告 #{second}:应有索引行 10 行,实有 0 行" in err and "--fix" in err
    assert main(["check", "--fix"]) == 0
    assert "索引:已修复" in capsys.readouterr().out
    assert not index_gaps()
    assert TaskEntry.objects.filter(report_id=first).count() == 10


def test_importing_the_same_file_again_repairs_its_report(db, docs, capsys):
    result = import_document(docs[0], file_name="h1.txt")
    TaskEntry.objects.filter(report_id=result.report_id).delete()
    again = import_document(docs[0], file_name="h1.txt")
    assert again.outcome == "already_imported"
    assert TaskEntry.objects.filter(report_id=result.report_id).count() == 10
    assert not index_gaps()


def test_gaps_count_sub_items_for_their_parent(db):
    # A plan whose tasks have sub-items: one row per top-level task, so nothing is "missing".
    for doc in generate_plan(9, "安澜市", 2024, 25, periods=("q3",)):
        import_document(doc, file_name="q3.txt")
    reindex_all()
    assert not index_gaps()
