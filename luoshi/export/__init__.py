"""Writers of a ParsedDocument, in a small registry keyed by format.

    from luoshi.export import write_document
    data = write_document(doc, "text")            # bytes

Registering a writer is one line, either directly::

    register("html", write_html)

or lazily, naming ``"module:function"`` so heavy dependencies load only when used::

    register_lazy("docx", "luoshi.export.docx:write_docx")

A writer takes the document (and keyword options such as ``header_every``) and returns bytes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from luoshi.ingest.model import ParsedDocument

Write = Callable[..., bytes]

_WRITERS: dict[str, Write] = {}
_LAZY: dict[str, str] = {
    "text": "luoshi.export.text:write_text",
    "html": "luoshi.export.html:write_html",
    "docx": "luoshi.export.docx:write_docx",
    "xlsx": "luoshi.export.xlsx:write_xlsx",
    "csv": "luoshi.export.csv:write_csv",
    "json": "luoshi.export.json:write_json",
    # The docx converted by LibreOffice (needs soffice at run time).
    "pdf": "luoshi.export.office:write_pdf",
}


def register(format: str, write: Write) -> None:
    """Add (or replace) the writer for ``format``."""
    _WRITERS[format] = write
    _LAZY.pop(format, None)


def register_lazy(format: str, target: str) -> None:
    """Add the writer ``"package.module:function"``, imported on first use."""
    _LAZY[format] = target
    _WRITERS.pop(format, None)


def formats() -> list[str]:
    return sorted({*_WRITERS, *_LAZY})


def writer(format: str) -> Write:
    if format not in _WRITERS:
        target = _LAZY.get(format)
        if target is None:
            raise ValueError(f"unknown export format {format!r} (known: {', '.join(formats())})")
        module, _, name = target.partition(":")
        _WRITERS[format] = getattr(importlib.import_module(module), name)
    return _WRITERS[format]


def write_document(doc: ParsedDocument, format: str, **options: Any) -> bytes:
    """``doc`` written as ``format``; options go to the writer (e.g. ``header_every=20``)."""
    return writer(format)(doc, **options)
