"""A stored report comes back as the document it was imported from, in every export format."""

from __future__ import annotations

import pytest
from shared_docs import shared_path

from luoshi.core.models import Report
from luoshi.core.services.importing import import_document
from luoshi.export import write_document
from luoshi.ingest import read_document
from luoshi.reports.documents import document_for_report
from luoshi.sample import generate_plan

pytestmark = pytest.mark.django_db


def _cells(doc):
    """Columns and task cells; unit names as the database keeps them (seed 004 writes
    "市 城管局" once, which the import normalises to 市城管局)."""
    tasks = [t.to_dict() | {"units": ["".join(u.split()) for u in t.units]} for t in doc.tasks]
    return tasks, [c.to_dict() for c in doc.columns]


@pytest.fixture(scope="module")
def seed004_doc():
    return read_document(shared_path("seeds", "004_fea78dcb383e1fba.txt"))


def test_seed_004_from_the_database_equals_the_parsed_table(seed004_doc):
    result = import_document(seed004_doc, file_name="004.txt")
    doc = document_for_report(Report.objects.get(pk=result.report_id))
    assert _cells(doc) == _cells(seed004_doc)
    assert doc.meta.index_no == seed004_doc.meta.index_no
    assert doc.meta.period == seed004_doc.meta.period
    assert doc.meta.notes == seed004_doc.meta.notes


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx", "csv", "json"])
def test_export_then_import_gives_back_the_same_cells(fmt, seed004_doc):
    result = import_document(seed004_doc, file_name="004.txt")
    data = write_document(document_for_report(Report.objects.get(pk=result.report_id)), fmt)
    back = read_document(data, name=f"004.{fmt}")
    assert _cells(back) == _cells(seed004_doc)


def test_generated_plan_keeps_extra_columns_and_sub_items():
    docs = generate_plan(seed=7, government="安澜市", year=2024, n_tasks=30)
    original = docs[-1]
    result = import_document(original, file_name="gen.json")
    doc = document_for_report(Report.objects.get(pk=result.report_id))
    assert _cells(doc) == _cells(original)
    assert any(len(t.items) > 1 for t in doc.tasks)
