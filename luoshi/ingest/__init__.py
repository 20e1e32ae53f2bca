"""Read published progress tables into typed dataclasses. Pure Python: no Django here.

    from luoshi.ingest import read_document
    doc = read_document("table.txt")          # or bytes, with name= for messages

Readers sit in a registry keyed by format (:mod:`luoshi.ingest.registry`); the reader is
chosen by sniffing the content unless ``format`` names one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import luoshi.ingest.formats  # (registers html, docx, xlsx, pdf, csv, json)
import luoshi.ingest.text  # noqa: F401  (registers the "text" reader)
from luoshi.ingest.errors import IngestError
from luoshi.ingest.layout import (
    CARRY_DOWN_LAYOUTS,
    carry_down,
    plan_without_progress,
    split_merged_progress,
)
from luoshi.ingest.model import Column, Item, Meta, ParsedDocument, ParseWarning, Period, Task
from luoshi.ingest.registry import formats, reader_for, register

__all__ = [
    "Column",
    "IngestError",
    "Item",
    "Meta",
    "ParseWarning",
    "ParsedDocument",
    "Period",
    "Task",
    "formats",
    "read_document",
    "register",
]


def read_document(
    source: str | Path | bytes, *, name: str | None = None, format: str | None = None
) -> ParsedDocument:
    """Read a published table from a path or bytes. Raises IngestError on bad input."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        label = name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise IngestError(label, "no such file") from None
        except IsADirectoryError:
            raise IngestError(label, "is a directory, not a file") from None
        except OSError as exc:
            raise IngestError(label, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise IngestError(label, "empty file: no text to read")
    reader = reader_for(data, label, format)
    doc = reader.read(data, label)
    split_merged_progress(doc)
    plan_without_progress(doc)
    if doc.layout in CARRY_DOWN_LAYOUTS:
        carry_down(doc)
    doc.source_name = label
    doc.sha256 = hashlib.sha256(data).hexdigest()
    doc.format = doc.format or reader.format
    return doc
