"""The analysis and index overlapped (``luoshi.search.pipeline``) store exactly the rows the
per-report paths store, whether the index is written beside the analysis (PostgreSQL, no
caller's transaction) or in turn (SQLite; inside a transaction).

Data: three generated plans of three reports each, imported the ordinary way (analysis and
index per report); the derived rows are dropped and the pipeline runs with batches so small
that every plan's reports straddle batches of the analysis.
"""

from __future__ import annotations

import pytest
from test_bulk_paths import snapshot

from luoshi.core.models import Assessment, Measurement, Report, Target
from luoshi.core.services import bulk_analysis
from luoshi.core.services.importing import import_document
from luoshi.sample import generate_plan
from luoshi.search import bulk, pipeline
from luoshi.search.models import TaskEntry


@pytest.fixture
def imported(django_capture_on_commit_callbacks, monkeypatch):
    for seed, name in ((21, "安澜市"), (22, "青石县"), (23, "白沙区")):
        for doc in generate_plan(seed, name, 2024, 12, periods=("q1", "h1", "annual")):
            with django_capture_on_commit_callbacks(execute=True):
                import_document(doc, file_name=f"{name}-{doc.meta.period.kind}.txt")
    before = snapshot()
    assert len(before["Assessment"]) == 3 * 3 * 12 and len(before["TaskEntry"]) == 3 * 4 * 12
    Measurement.objects.all().delete()
    Assessment.objects.all().delete()
    Target.objects.filter(source="derived").delete()
    # A report per batch of the analysis (a plan's three straddle three batches); two plans
    # per batch of the index (the first plan alone is just short of one).
    monkeypatch.setattr(bulk_analysis, "BATCH_ENTRIES", 1)
    first = Report.objects.order_by("pk").values_list("plan_id", flat=True).first()
    monkeypatch.setattr(pipeline, "BATCH_ENTRIES", bulk.plan_sizes([first])[first] + 1)
    return before


def _compare(before: dict, after: dict) -> None:
    for name, rows in before.items():
        assert after[name] == rows, name


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("drop", [False, True], ids=["first-load", "over-stale-rows"])
@pytest.mark.parametrize("fork", [True, False], ids=["process", "thread"])
def test_pipeline_stores_the_per_report_rows(imported, drop, fork, tmp_path, monkeypatch):
    from django.db import connection

    monkeypatch.setattr(pipeline, "can_fork", lambda: fork)  # the indexer's process or thread
    if drop:  # rows left from before are replaced, not doubled
        TaskEntry.objects.update(tokens="stale", status="")
    else:
        TaskEntry.objects.all().delete()
    ids = list(Report.objects.values_list("pk", flat=True))
    # Beside the analysis on PostgreSQL (no transaction here), in turn on SQLite.
    assert pipeline.can_overlap(ids) == (connection.vendor == "postgresql")
    log = tmp_path / "batches"  # a file: the index process's callback writes it too

    def indexed(n: int, _rows: int) -> None:
        with log.open("a") as f:
            f.write(f"{n}\n")

    summary, rows = pipeline.analyze_and_index(ids, drop=drop, workers=0, indexed=indexed)
    assert (summary.bulk, summary.again) == (9, 0)
    assert rows == TaskEntry.objects.count() == len(imported["TaskEntry"])
    # Plans indexed as their last report was stored, gathered to about a batch's size.
    assert log.read_text().split() == ["2", "1"]
    _compare(imported, snapshot())


@pytest.mark.django_db(transaction=True)
def test_pipeline_in_turn_stores_the_same_rows(imported):
    TaskEntry.objects.all().delete()
    ids = list(Report.objects.values_list("pk", flat=True))
    pipeline.analyze_and_index(ids, drop=False, workers=0, overlap=False)
    _compare(imported, snapshot())


@pytest.mark.django_db
def test_pipeline_inside_a_transaction_indexes_in_turn(imported):
    """A caller's transaction: another connection would see nothing, so no overlap."""
    TaskEntry.objects.all().delete()
    ids = list(Report.objects.values_list("pk", flat=True))
    assert not pipeline.can_overlap(ids)
    pipeline.analyze_and_index(ids, drop=False, workers=0)
    _compare(imported, snapshot())


@pytest.mark.django_db(transaction=True)
def test_reports_analysed_before_are_not_overlapped(imported):
    """A report with statuses goes through the per-report path, which indexes it through
    signals on the analysis's connection: the index is then written in turn."""
    ids = list(Report.objects.values_list("pk", flat=True))
    bulk_analysis.analyze_reports(ids[:1], workers=0)
    assert not pipeline.can_overlap(ids)


@pytest.mark.django_db(transaction=True)
def test_an_index_failure_stops_the_analysis_and_is_raised(imported, monkeypatch):
    def refuse(self, batch):
        raise RuntimeError("index refused")

    monkeypatch.setattr(bulk.IndexWriter, "write", refuse)
    TaskEntry.objects.all().delete()
    ids = list(Report.objects.values_list("pk", flat=True))
    with pytest.raises(RuntimeError, match="index refused"):
        pipeline.analyze_and_index(ids, drop=False, workers=0)
    assert not TaskEntry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_analysis_failure_leaves_no_index_row_when_overlapped(imported, monkeypatch):
    from django.db import connection

    real = bulk_analysis._analyse_batch
    calls = []

    def fail_late(reports, summary, workers=0):
        calls.append(1)
        if len(calls) == 8:  # after two plans were ready and sent to the indexer
            raise RuntimeError("analysis failed")
        return real(reports, summary, workers)

    monkeypatch.setattr(bulk_analysis, "_analyse_batch", fail_late)
    TaskEntry.objects.all().delete()
    ids = list(Report.objects.values_list("pk", flat=True))
    with pytest.raises(RuntimeError, match="analysis failed"):
        pipeline.analyze_and_index(ids, drop=False, workers=0)
    # Overlapped: the indexer's one transaction is rolled back. In turn: the two plans whose
    # reports were all stored keep their rows (each index batch commits, as reindex_plans).
    expected = 0 if connection.vendor == "postgresql" else 2 * 4 * 12
    assert TaskEntry.objects.count() == expected
