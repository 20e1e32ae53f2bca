"""Imports reach the index when they commit; dry runs and refused imports leave it alone."""

import pytest

from luoshi.core.models import Report
from luoshi.core.services.importing import ImportRefused, import_document
from luoshi.sample import generate_plan
from luoshi.search.models import TaskEntry


@pytest.fixture
def docs():
    return generate_plan(3, "安澜市", 2023, 12, periods=("h1", "q3"))


def test_import_indexes_the_report(db, docs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = import_document(docs[0], file_name="h1.txt")
    report = Report.objects.get(pk=result.report_id)
    assert TaskEntry.objects.filter(report__isnull=True).count() == 12
    assert TaskEntry.objects.filter(report=report).count() == 12
    with django_capture_on_commit_callbacks(execute=True):
        second = import_document(docs[1], file_name="q3.txt")
    assert TaskEntry.objects.filter(report_id=second.report_id).count() == 12
    assert TaskEntry.objects.filter(report__isnull=True).count() == 12


def test_dry_run_and_refused_import_index_nothing(db, docs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_document(docs[0], file_name="h1.txt", dry_run=True)
    assert TaskEntry.objects.count() == 0
    assert callbacks == []  # rolled back with the dry run
    docs[0].meta.year = None
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ImportRefused):
        import_document(docs[0], file_name="bad.txt")
    assert TaskEntry.objects.count() == 0
