"""Plain text flattened from a published page (one cell per line); the fallback reader."""

from __future__ import annotations

from luoshi.ingest.registry import register
from luoshi.ingest.text.reader import read_text_document


def _sniff(data: bytes, name: str) -> bool:
    return True  # the fallback: anything other readers do not claim is tried as text


register("text", sniff=_sniff, read=read_text_document, priority=0)
