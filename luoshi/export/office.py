"""PDF of a report in its official layout: the Word writer's document converted by LibreOffice
(see luoshi.reports.office for why LibreOffice rather than a second layout in reportlab)."""

from __future__ import annotations

from luoshi.export.docx import write_docx
from luoshi.ingest.model import ParsedDocument


def write_pdf(doc: ParsedDocument, **options) -> bytes:
    from luoshi.reports.office import docx_to_pdf

    return docx_to_pdf(write_docx(doc, **options), name="report")
