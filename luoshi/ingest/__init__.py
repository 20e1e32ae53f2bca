"""Read published progress tables into typed dataclasses. Pure Python: no Django here.

    from luoshi.ingest import read_document
    doc = read_document("table.txt")          # or bytes, with name= for messages

Readers sit in a registry keyed by format (:mod:`luoshi.ingest.registry`); the reader is
chosen by sniffing the content unless ``format`` names one. Every reader works within a
budget (:mod:`luoshi.ingest.budgets`) and nothing but ``IngestError`` comes out of
``read_document``: an unexpected exception inside a reader is logged with its traceback and
raised as ``IngestError("the file could not be read: …")`` naming the reader and the place.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import sysconfig
import traceback
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree.ElementTree import ParseError

from lxml.etree import XMLSyntaxError

import luoshi.ingest.formats  # (registers html, docx, xlsx, pdf, csv, json)
import luoshi.ingest.text  # noqa: F401  (registers the "text" reader)
from luoshi.ingest.budgets import Budget, LimitExceeded, check, check_time, reading
from luoshi.ingest.errors import IngestError
from luoshi.ingest.guards import precheck
from luoshi.ingest.inference import attach as attach_inference
from luoshi.ingest.layout import (
    CARRY_DOWN_LAYOUTS,
    carry_down,
    period_from_columns,
    plan_without_progress,
    split_merged_progress,
    warn_unit_heads,
)
from luoshi.ingest.model import (
    Column,
    Inference,
    Item,
    Meta,
    ParsedDocument,
    ParseWarning,
    Period,
    Task,
)
from luoshi.ingest.registry import formats, reader_for, register

__all__ = [
    "Budget",
    "Column",
    "Inference",
    "IngestError",
    "Item",
    "LimitExceeded",
    "Meta",
    "ParseWarning",
    "ParsedDocument",
    "Period",
    "ReaderFailed",
    "Task",
    "collector_paused",
    "formats",
    "read_document",
    "register",
]


log = logging.getLogger(__name__)
# Exceptions that by their type say the input is malformed (XML not well-formed, a damaged
# deflate stream or archive), from whichever library meets them first: a declared error.
_DAMAGED = (ParseError, XMLSyntaxError, zlib.error, zipfile.BadZipFile)
_PACKAGE = str(Path(__file__).resolve().parents[1])  # the luoshi package directory
_LIBRARIES = tuple({sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")})


def read_document(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    format: str | None = None,
    budget: Budget | None = None,
) -> ParsedDocument:
    """Read a published table from a path or bytes, within ``budget`` (the defaults, see
    ``budgets``). Raises IngestError on bad input, and on nothing else."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        label = name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(path)
        try:
            size = path.stat().st_size
            limit = (budget or Budget.from_env()).max_input_bytes
            if size > limit:  # refused before reading it into memory
                raise LimitExceeded(label, "max_input_bytes", size, limit)
            data = path.read_bytes()
        except FileNotFoundError:
            raise IngestError(label, "no such file") from None
        except IsADirectoryError:
            raise IngestError(label, "is a directory, not a file") from None
        except OSError as exc:
            raise IngestError(label, f"cannot read: {exc.strerror or exc}") from None
    with reading(label, budget), collector_paused():
        check("max_input_bytes", len(data))
        if not data.strip():
            raise IngestError(label, "empty file: no text to read")
        fmt = format or "sniffing"
        try:
            reader = reader_for(data, label, format)
            fmt = reader.format
            precheck(fmt, data, label)
            doc = reader.read(data, label)
            split_merged_progress(doc)
            period_from_columns(doc)
            plan_without_progress(doc)
            if doc.layout in CARRY_DOWN_LAYOUTS:
                carry_down(doc)
            warn_unit_heads(doc)
            for task in doc.tasks:  # the table's unit line goes with each of its tasks
                task.unit_line = doc.meta.unit_line
            attach_inference(doc)
            check_time()  # the budget holds even where no check inside the reader ran
        except IngestError:
            raise
        except _DAMAGED as exc:
            raise IngestError(
                label, f"damaged {fmt} file: {type(exc).__name__}: {str(exc)[:300]}"
            ) from exc
        except Exception as exc:  # a reader's bug or a library's surprise: still a clear error
            raise _unexpected(exc, label, fmt) from exc
    doc.source_name = label
    doc.sha256 = hashlib.sha256(data).hexdigest()
    doc.format = doc.format or reader.format
    return doc


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for a piece of work that allocates many small objects
    and makes no reference cycles of its own (a document's reading; a bulk analysis's batch, and
    the worker processes forked meanwhile, which inherit the pause), resumed after when it was
    running. Every 700 allocations the collector would traverse the young objects and find
    next to nothing to free: some 2 % of a reading's instructions, 9 % of a 20,000-task
    analysis's CPU. Objects are freed by their reference counts as before; a cycle made
    meanwhile (an exception's traceback) waits for the next collection, so the memory it holds
    is bounded by the piece of work."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class ReaderFailed(IngestError):
    """An unexpected exception inside a reader, turned into the one declared error type."""

    zh = "文件无法读取:文件可能已损坏,或其格式超出了系统能读取的范围。"


def _unexpected(exc: BaseException, label: str, fmt: str) -> IngestError:
    """IngestError for ``exc`` naming the reader and the innermost frame outside the standard
    library and installed packages (where the reader met the surprise);
    the traceback goes to the log for developers."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if not f.filename.startswith(_LIBRARIES)]
    at = ours[-1] if ours else (frames[-1] if frames else None)
    place = ""
    if at is not None:
        short = Path(at.filename).name
        if at.filename.startswith(_PACKAGE):
            short = "luoshi/" + Path(at.filename).relative_to(_PACKAGE).as_posix()
        place = f", at {short}:{at.lineno} in {at.name}"
    detail = str(exc)[:200] or "(no message)"
    if isinstance(exc, RecursionError):
        detail = "structure nested too deeply"
    elif isinstance(exc, MemoryError):
        detail = "out of memory"
    log.error("reader %s failed on %s", fmt, label, exc_info=exc)
    return ReaderFailed(
        label, f"the file could not be read: {type(exc).__name__}: {detail} (reader {fmt}{place})"
    )
