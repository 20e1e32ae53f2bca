"""The registry of readers keyed by format; ``read_document`` picks one by sniffing content.

Adding a reader is one line, e.g. in its module::

    register("html", sniff=looks_like_html, read=read_html, priority=20)

``sniff(data, name)`` gets the raw bytes and the file name and returns True when the reader
recognises the content (names are a hint only: a saved ``.txt`` page may hold HTML). Readers
are asked in descending priority; the plain-text reader is the fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from luoshi.ingest.errors import IngestError
from luoshi.ingest.model import ParsedDocument

Sniff = Callable[[bytes, str], bool]
Read = Callable[[bytes, str], ParsedDocument]


@dataclass(frozen=True)
class Reader:
    format: str
    sniff: Sniff
    read: Read
    priority: int = 0


_READERS: dict[str, Reader] = {}


def register(format: str, sniff: Sniff, read: Read, priority: int = 10) -> None:
    """Add (or replace) the reader for ``format``."""
    _READERS[format] = Reader(format, sniff, read, priority)


def readers() -> list[Reader]:
    return sorted(_READERS.values(), key=lambda r: -r.priority)


def formats() -> list[str]:
    return [r.format for r in readers()]


def reader_for(data: bytes, name: str, format: str | None = None) -> Reader:
    """The reader named by ``format``, else the first whose sniff accepts the content."""
    if format is not None:
        try:
            return _READERS[format]
        except KeyError:
            known = ", ".join(sorted(_READERS))
            raise IngestError(name, f"unknown format {format!r} (known: {known})") from None
    for reader in readers():
        if reader.sniff(data, name):
            return reader
    raise IngestError(
        name, "no reader recognises this content (formats: " + ", ".join(formats()) + ")"
    )
