"""Fixtures for the office's documents: seed 004 imported (and analysed by the import), and a
generated plan's periods imported one after another (for comparisons)."""

from __future__ import annotations

import pytest
from shared_docs import shared_path

from luoshi.core.models import Report
from luoshi.core.services.importing import import_document
from luoshi.ingest import read_document
from luoshi.sample import generate_plan


@pytest.fixture
def seed004_report(db) -> Report:
    from luoshi.search.indexing import reindex_all

    doc = read_document(shared_path("seeds", "004_fea78dcb383e1fba.txt"))
    result = import_document(doc, file_name="004.txt")
    # The listing index is built when the import commits; tests run inside a transaction.
    reindex_all()
    return Report.objects.select_related("plan__government", "period").get(pk=result.report_id)


@pytest.fixture
def generated_reports(db) -> list[Report]:
    """安澜市 2024: Q1, H1, Q3 and annual reports of one made-up plan, oldest first."""
    from luoshi.search.indexing import reindex_all

    ids = [import_document(doc, file_name=f"gen{i}.json").report_id
           for i, doc in enumerate(generate_plan(seed=11, government="安澜市", year=2024,
                                                 n_tasks=40))]
    reindex_all()
    return list(Report.objects.filter(pk__in=ids).select_related("period", "plan__government")
                .order_by("period__month"))

# Headless Chromium recording console errors and failed requests (browser tests).
from web.conftest import chromium, web_page  # noqa: E402, F401
