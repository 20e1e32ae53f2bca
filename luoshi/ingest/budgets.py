"""Limits every reader works within, so that no input takes unbounded time or memory.

A published table is small: the largest real one has a few hundred rows, a few thousand cells
and a few megabytes. A file far beyond that is either damaged or hostile (a zip bomb, a sheet
claiming a cell at XFD1048576, an HTML cell spanning a million positions, JSON nested a
thousand deep). Rather than let such a file run a server out of memory, every reader checks
what it is about to spend against a :class:`Budget` and stops with a declared
:class:`LimitExceeded` (an ``IngestError``) naming the file, what was too large and the limit.

``read_document`` opens one reading per document (:func:`reading`): it knows the file's label
and its deadline and counts the table cells spent so far, so checks deep inside a reader need
neither the file name nor the budget passed down. Outside a reading (a reader called directly)
the per-call limits still hold with the default budget; nothing is counted across calls.

The defaults can be changed by environment variables ``LUOSHI_INGEST_<FIELD>`` (e.g.
``LUOSHI_INGEST_MAX_SECONDS=120``), read when a reading starts without an explicit budget.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace

from luoshi.ingest.errors import IngestError

MB = 1 << 20


@dataclass(frozen=True)
class Budget:
    """What one document may cost. Each field's docstring-like comment says what it bounds."""

    max_input_bytes: int = 30 * MB  # the file as uploaded (a PDF or DOCX with images)
    max_text_bytes: int = 8 * MB  # text-like formats, parsed whole (seed 004: 0.2 MB)
    max_lines: int = 50_000  # lines of a text-like file (seed 004, 150 tasks: 2,994)
    max_zip_members: int = 5_000  # entries of a DOCX/XLSX archive
    max_member_bytes: int = 32 * MB  # one archive member (or PDF stream) decompressed
    max_unzipped_bytes: int = 96 * MB  # all members read, decompressed, together
    max_xml_nodes: int = 1_000_000  # tags in one XML member (each is a parsed element)
    max_html_nodes: int = 400_000  # tags of an HTML page
    max_cells: int = 200_000  # table cells and grid positions of one document, all tables
    max_merged_cells: int = 200_000  # positions covered by a sheet's merged ranges
    max_row_paragraphs: int = 300  # paragraphs of one text row split into columns
    max_json_depth: int = 64  # nesting of arrays and objects in JSON
    max_json_values: int = 500_000  # arrays, objects and values in JSON
    max_pdf_pages: int = 500
    max_lzw_bytes: int = 32_768  # an LZW-coded PDF stream (pdfminer: quadratic time in it)
    max_seconds: float = 60.0  # wall time for one document

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Budget:
        """The defaults, each overridden by ``LUOSHI_INGEST_<FIELD>`` when set."""
        env = os.environ if env is None else env
        changes: dict[str, int | float] = {}
        for f in fields(cls):
            key = f"LUOSHI_INGEST_{f.name.upper()}"
            raw = env.get(key)
            if raw:
                kind = float if f.type in ("float", float) else int
                try:
                    changes[f.name] = kind(raw.replace("_", ""))
                except ValueError:
                    raise ValueError(f"{key} must be a number, not {raw!r}") from None
        return replace(cls(), **changes)


# What each limit is called in messages, in English and Chinese.
_WHAT: dict[str, tuple[str, str]] = {
    "max_input_bytes": ("file size (bytes)", "文件大小(字节)"),
    "max_text_bytes": ("text size (bytes)", "文本大小(字节)"),
    "max_lines": ("lines", "行数"),
    "max_zip_members": ("archive members", "压缩包内文件数"),
    "max_member_bytes": ("decompressed size of one member (bytes)", "单个压缩成员解压后大小(字节)"),
    "max_unzipped_bytes": ("decompressed size in total (bytes)", "解压后总大小(字节)"),
    "max_xml_nodes": ("XML elements", "XML 元素数"),
    "max_html_nodes": ("HTML elements", "HTML 元素数"),
    "max_cells": ("table cells", "表格单元格数"),
    "max_merged_cells": ("cells covered by merged ranges", "合并单元格覆盖的格数"),
    "max_row_paragraphs": ("paragraphs in one table row", "同一表格行内的段落数"),
    "max_json_depth": ("JSON nesting depth", "JSON 嵌套层数"),
    "max_json_values": ("JSON values", "JSON 值的个数"),
    "max_pdf_pages": ("PDF pages", "PDF 页数"),
    "max_lzw_bytes": ("size of an LZW-coded PDF stream (bytes)", "PDF 中 LZW 编码数据流大小(字节)"),
    "max_seconds": ("reading time (seconds)", "读取时间(秒)"),
}


class LimitExceeded(IngestError):
    """A document beyond one of the budget's limits. ``zh`` is the message for the web."""

    def __init__(self, source: str, limit: str, value: float, maximum: float, where: str = ""):
        what, what_zh = _WHAT.get(limit, (limit, limit))
        self.limit, self.value, self.maximum = limit, value, maximum
        reason = (
            f"too large to read safely: {what} reached {value:,}, the limit is {maximum:,} "
            f"(LUOSHI_INGEST_{limit.upper()})"
        )
        super().__init__(source, reason, where=where)
        self.zh = f"文件超出读取限制:{what_zh}超过上限 {maximum:,}。文件可能已损坏或被构造为攻击文件。"


@dataclass
class Reading:
    """One document being read: its label, budget, deadline and the cells spent so far."""

    source: str
    budget: Budget
    deadline: float
    cells: int = 0


_CURRENT: ContextVar[Reading | None] = ContextVar("luoshi_ingest_reading", default=None)


@contextmanager
def reading(source: str, budget: Budget | None = None) -> Iterator[Reading]:
    """Read one document within ``budget`` (the environment's defaults when None)."""
    b = budget or Budget.from_env()
    run = Reading(source, b, time.monotonic() + b.max_seconds)
    token = _CURRENT.set(run)
    try:
        with _alarm(run):
            yield run
    finally:
        _CURRENT.reset(token)


@contextmanager
def _alarm(run: Reading) -> Iterator[None]:
    """Hold the time budget even on a path that never checks the clock: on the main thread
    (``luoshi import``, ``luoshi worker``, ``luoshi parse``) a timer interrupts the reading at
    its deadline with LimitExceeded. Elsewhere (a web process's inline job thread), or when
    someone else already uses SIGALRM (a test harness, the fuzz benchmark's own hang timer, an
    outer reading), only the checks inside the readers hold it."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def expired(signum, frame):
        spent = round(time.monotonic() - run.deadline + run.budget.max_seconds, 1)
        raise LimitExceeded(run.source, "max_seconds", spent, run.budget.max_seconds)

    signal.signal(signal.SIGALRM, expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, max(run.deadline - time.monotonic(), 0.001))
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def current() -> Reading | None:
    return _CURRENT.get()


def budget() -> Budget:
    """The budget of the document being read (the defaults outside a reading)."""
    run = _CURRENT.get()
    return run.budget if run is not None else _DEFAULT


_DEFAULT = Budget()


def _source() -> str:
    run = _CURRENT.get()
    return run.source if run is not None else ""


def check(limit: str, value: int, where: str = "") -> None:
    """Raise LimitExceeded when ``value`` is above the budget's ``limit`` (a field name)."""
    maximum = getattr(budget(), limit)
    if value > maximum:
        raise LimitExceeded(_source(), limit, value, maximum, where)


def charge_cells(n: int = 1, where: str = "") -> None:
    """Count ``n`` more table cells (or grid positions) against the document's max_cells; a
    single charge is checked even outside a reading. Every few thousand cells, the clock."""
    run = _CURRENT.get()
    if run is None:
        check("max_cells", n, where)
        return
    before = run.cells
    run.cells += n
    if run.cells > run.budget.max_cells:
        raise LimitExceeded(run.source, "max_cells", run.cells, run.budget.max_cells, where)
    if (before >> 12) != (run.cells >> 12):
        check_time(where)


def check_time(where: str = "") -> None:
    """Raise LimitExceeded when the document's reading time has run out."""
    run = _CURRENT.get()
    if run is not None and time.monotonic() > run.deadline:
        spent = round(time.monotonic() - run.deadline + run.budget.max_seconds, 1)
        raise LimitExceeded(run.source, "max_seconds", spent, run.budget.max_seconds, where)
