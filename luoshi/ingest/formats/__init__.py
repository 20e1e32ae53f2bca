"""Readers for structured formats, registered in the ingest registry (chosen by content).

HTML, DOCX, XLSX, PDF and CSV readers turn a file into expanded Grids
(``read_<format>_grids(data, name=...)``); ``luoshi.ingest.gridlayout`` turns those into a
ParsedDocument. JSON is the `luoshi parse` JSON read back. See docs/formats.md.
"""

from __future__ import annotations

from collections.abc import Callable

from luoshi.ingest.formats.csv import read_csv_grids
from luoshi.ingest.formats.docx import read_docx_grids
from luoshi.ingest.formats.html import read_html_grids
from luoshi.ingest.formats.jsondoc import read_json_document
from luoshi.ingest.formats.legacy import doc_to_docx, ole2_kind, read_xls_grids
from luoshi.ingest.formats.pdf import read_pdf_grids
from luoshi.ingest.formats.sniff import sniff
from luoshi.ingest.formats.xlsx import read_xlsx_grids
from luoshi.ingest.grid import Grid
from luoshi.ingest.gridlayout import document_from_grids
from luoshi.ingest.model import ParsedDocument
from luoshi.ingest.registry import register

__all__ = [
    "read_csv_grids",
    "read_docx_grids",
    "read_html_grids",
    "read_pdf_grids",
    "read_xls_grids",
    "read_xlsx_grids",
    "sniff",
]

_WORD_NAMES = (".doc", ".docx", ".dot", ".dotx", ".wps")


def _reader(
    read_grids: Callable[..., list[Grid]], fmt: str
) -> Callable[[bytes, str], ParsedDocument]:
    def read(data: bytes, name: str) -> ParsedDocument:
        return document_from_grids(read_grids(data, name=name), name, fmt, layout=fmt)

    return read


def _is(*kinds: str) -> Callable[[bytes, str], bool]:
    return lambda data, name: sniff(data, name) in kinds


def _ole2_word(data: bytes, name: str) -> bool:
    """An encrypted .docx (named so): the docx reader says what to do."""
    return (
        sniff(data, name) == "ole2"
        and ole2_kind(data) not in ("xls", "doc")
        and name.lower().endswith(_WORD_NAMES)
    )


def _ole2_other(data: bytes, name: str) -> bool:
    # Any other OLE2 container (an encrypted .xlsx, an unknown one): the xlsx reader says so.
    return (
        sniff(data, name) == "ole2"
        and ole2_kind(data) not in ("xls", "doc")
        and not name.lower().endswith(_WORD_NAMES)
    )


def _read_doc(data: bytes, name: str) -> ParsedDocument:
    return document_from_grids(read_docx_grids(doc_to_docx(data, name), name=name), name, "doc")


register("pdf", sniff=_is("pdf"), read=_reader(read_pdf_grids, "pdf"), priority=50)
register(
    "docx",
    sniff=lambda d, n: _is("docx")(d, n) or _ole2_word(d, n),
    read=_reader(read_docx_grids, "docx"),
    priority=50,
)
register(
    "xlsx",
    sniff=lambda d, n: _is("xlsx")(d, n) or _ole2_other(d, n),
    read=_reader(read_xlsx_grids, "xlsx"),
    priority=50,
)
register(
    "xls",
    sniff=lambda d, n: ole2_kind(d) == "xls",
    read=_reader(read_xls_grids, "xls"),
    priority=50,
)
register("doc", sniff=lambda d, n: ole2_kind(d) == "doc", read=_read_doc, priority=50)
register("json", sniff=_is("json"), read=read_json_document, priority=40)
register("html", sniff=_is("html"), read=_reader(read_html_grids, "html"), priority=30)
register("csv", sniff=_is("csv"), read=_reader(read_csv_grids, "csv"), priority=20)
