"""Read published progress tables into typed dataclasses. Pure Python: no Django here.

    from luoshi.ingest import read_document
    doc = read_document("table.txt")          # or bytes, with name= for messages
"""

from __future__ import annotations

from pathlib import Path

from luoshi.ingest.errors import IngestError
from luoshi.ingest.model import Column, Item, Meta, ParsedDocument, ParseWarning, Period, Task

__all__ = [
    "Column",
    "IngestError",
    "Item",
    "Meta",
    "ParseWarning",
    "ParsedDocument",
    "Period",
    "Task",
    "read_document",
]


def read_document(
    source: str | Path | bytes, *, name: str | None = None, format: str | None = None
) -> ParsedDocument:
    """Read a published table from a path or bytes. Raises IngestError on bad input."""
    raise NotImplementedError("read_document is being written (issue 2)")
