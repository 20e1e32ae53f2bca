"""The glued layout: cells concatenated with no delimiter (see read_glued)."""

from __future__ import annotations

from luoshi.ingest.model import ParsedDocument

GLUED_LAYOUT = "glued"


def read_glued(lines: list[str], name: str) -> ParsedDocument | None:
    return None
