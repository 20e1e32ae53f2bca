"""The plain-text reader: a published page flattened to text, one table cell after another.

    title and metadata block
    序号 / 任务内容 / 责任单位 / 前三季度完成情况 / 存在问题及困难 / 下一步工作   (header cells)
    1 / task text / units / done paragraphs… / problems… / next steps…          (a row)
    2 / …
    序号 / 任务内容 / …                                   (header repeated at a page break)

Rows are found by their serials (a paragraph holding only the next number); inside a row the
task and unit cells are one paragraph each and the progress columns are split by
:mod:`luoshi.ingest.text.segment`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.ingest.cells import is_empty_mark
from luoshi.ingest.decode import decode_text
from luoshi.ingest.errors import IngestError
from luoshi.ingest.gridlayout import document_from_grids
from luoshi.ingest.headers import columns_from_headers, header_role, normalise_header
from luoshi.ingest.layout import RowCells, build_task, item_columns
from luoshi.ingest.metadata import read_meta
from luoshi.ingest.model import Column, ParsedDocument
from luoshi.ingest.text.pipe import (
    BAR_LAYOUT,
    PIPE_LAYOUT,
    bar_grid,
    find_pipe_header,
    looks_like_bar,
    pipe_grid,
)
from luoshi.ingest.text.segment import segment
from luoshi.ingest.text.source import split_source_lines
from luoshi.vocab import ColumnRole

LAYOUT = "cells-per-line"
_SERIAL = re.compile(r"^(\d{1,4})[.、．]?$")
_MAX_HEADER_LEN = 24
_SENTENCE = re.compile(r"[。;；,，!?！？]")
# A gap in the serials larger than this is read as a number inside a cell, not a task.
_MAX_SERIAL_GAP = 5


_PROGRESS_ROLES = frozenset({ColumnRole.DONE, ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS})


@dataclass(frozen=True)
class Para:
    line: int  # 1-based
    text: str


def paragraphs(text: str) -> list[Para]:
    return [Para(i, s) for i, line in enumerate(text.splitlines(), 1) if (s := line.strip())]


def _serial_of(p: Para) -> int | None:
    m = _SERIAL.match(p.text)
    return int(m.group(1)) if m else None


def _is_header_cell(text: str) -> bool:
    h = normalise_header(text)
    return 0 < len(h) <= _MAX_HEADER_LEN and not _SENTENCE.search(h) and _SERIAL.match(h) is None


def find_header(paras: list[Para]) -> tuple[int, int] | None:
    """[start, end) paragraph indexes of the header row: a 序号 cell followed by header-like
    cells at least one of which names a known column, ending before the first serial."""
    for i, p in enumerate(paras):
        if header_role(p.text, have_task=False) is not ColumnRole.SERIAL:
            continue
        j = i + 1
        seen: set[ColumnRole] = set()
        while j < len(paras) and _is_header_cell(paras[j].text):
            role = header_role(paras[j].text, have_task=ColumnRole.TASK in seen)
            # A task-like cell after the progress columns is a group row under the header
            # ("徐仁标市长牵头重点工作"), not one more column.
            if role is ColumnRole.TASK and seen & _PROGRESS_ROLES:
                break
            seen.add(role)
            j += 1
        cells = [paras[t].text for t in range(i + 1, j)]
        if any(header_role(c, have_task=False) is not ColumnRole.OTHER for c in cells):
            return i, j
    return None


def _header_repeat_at(paras: list[Para], i: int, header: list[str]) -> int:
    """Length of a repeated header row starting at paras[i] (0 when there is none)."""
    if normalise_header(paras[i].text) != header[0]:
        return 0
    n = 1
    while (
        n < len(header) and i + n < len(paras) and normalise_header(paras[i + n].text) == header[n]
    ):
        n += 1
    return n if n >= min(2, len(header)) else 0


def read_text_document(data: bytes, name: str) -> ParsedDocument:
    """The text reader: picks the layout (pipe, bar, glued, cells-per-line) from the lines."""
    text, _encoding = decode_text(data, name)
    text, source_url = split_source_lines(text)
    doc = _read_layout(text, name)
    doc.meta.source_url = source_url
    return doc


def _read_layout(text: str, name: str) -> ParsedDocument:
    lines = text.split("\n")
    h = find_pipe_header(lines)
    if h is not None:
        grid, warnings = pipe_grid(lines, h)
        return document_from_grids([grid], name, "text", PIPE_LAYOUT, warnings)
    if looks_like_bar(lines):
        found = bar_grid(lines)
        if found is not None:
            return document_from_grids([found[0]], name, "text", BAR_LAYOUT, found[1])
    return _read_cells_per_line(text, name)


def _read_cells_per_line(text: str, name: str) -> ParsedDocument:
    paras = paragraphs(text)
    if not paras:
        raise IngestError(name, "empty file: only blank lines", line=1)
    found = find_header(paras)
    if found is None:
        raise IngestError(
            name,
            "no table header found: expected a header row starting with 序号 "
            "(e.g. 序号 / 任务内容 / 责任单位 / 完成情况)",
            line=paras[0].line,
        )
    h0, h1 = found
    header_texts = [p.text for p in paras[h0:h1]]
    columns, header_warnings = columns_from_headers(header_texts)
    doc_warnings: list[tuple[int | None, str]] = [(paras[h0].line, w) for w in header_warnings]
    body_texts = [p.text for p in paras[h1:]]
    meta, meta_warnings = read_meta([p.text for p in paras[:h0]], body_texts)
    doc_warnings[:0] = [(None, w) for w in meta_warnings]

    normal_header = [normalise_header(t) for t in header_texts]
    body: list[Para] = []
    i = h1
    while i < len(paras):
        n = _header_repeat_at(paras, i, normal_header)
        if n:
            i += n
            continue
        body.append(paras[i])
        i += 1

    rows = _split_rows(body, columns, name, paras[h0].line, doc_warnings)
    notes: list[str] = []
    tasks = [
        build_task(_row_cells(r, columns, meta_title="", warn=doc_warnings), columns, notes)
        for r in rows
    ]
    meta.notes.extend(notes)
    doc = ParsedDocument(
        meta=meta, columns=columns, tasks=tasks, source_name=name, format="text", layout=LAYOUT
    )
    for line, message in doc_warnings:
        doc.warn(line, message)
    return doc


@dataclass
class _Row:
    serial: str
    line: int
    paras: list[Para]


def _split_rows(
    body: list[Para], columns: list[Column], name: str, header_line: int, warnings: list
) -> list[_Row]:
    """Rows by serial: a paragraph holding only the next number opens a row."""
    min_cells = max(1, len(columns) - 1)  # a row has at least one paragraph per column
    rows: list[_Row] = []
    lead: list[Para] = []
    seen: dict[int, int] = {}
    prev: int | None = None
    for k, p in enumerate(body):
        value = _serial_of(p)
        if value is not None:
            following = body[k + 1].text if k + 1 < len(body) else ""
            plausible_next = bool(following) and _serial_of(body[k + 1]) is None
            if prev is None:
                is_row = plausible_next
            elif value == prev + 1:
                is_row = True
            else:
                full = rows and len(rows[-1].paras) >= min_cells
                is_row = bool(
                    full
                    and plausible_next
                    and (value == prev or prev + 1 < value <= prev + _MAX_SERIAL_GAP)
                )
                if is_row and value == prev:
                    warnings.append(
                        (
                            p.line,
                            f"serial {value} repeats the previous row's serial (line {seen[value]}); both rows kept",
                        )
                    )
                elif is_row:
                    missing = f"{prev + 1}" if value == prev + 2 else f"{prev + 1}–{value - 1}"
                    warnings.append(
                        (p.line, f"serials jump from {prev} to {value}: {missing} missing")
                    )
            if is_row:
                if prev is None and value != 1:
                    warnings.append((p.line, f"the first row's serial is {value}, not 1"))
                rows.append(_Row(str(value), p.line, []))
                seen.setdefault(value, p.line)
                prev = value
                continue
        if rows:
            rows[-1].paras.append(p)
        else:
            lead.append(p)
    if not rows:
        raise IngestError(
            name,
            "the table has a 序号 column but no row starts with a serial number "
            "(a paragraph holding only 1, 2, 3 …)",
            line=header_line,
        )
    if lead:
        warnings.append(
            (
                lead[0].line,
                f"{len(lead)} paragraph(s) between the header and the first row are not in any row (group rows?): ignored",
            )
        )
    return rows


def _row_cells(row: _Row, columns: list[Column], meta_title: str, warn: list) -> RowCells:
    """Assign a row's paragraphs to columns: fixed columns one paragraph each (units may wrap),
    the progress run split by the segmenter."""
    paras = row.paras
    cols = [i for i, c in enumerate(columns) if c.role is not ColumnRole.SERIAL]
    # A target cell may run over several paragraphs ("全年:" then 1., 2. …), so it is
    # segmented together with the progress cells when it stands next to them.
    run = item_columns(columns, also=frozenset({ColumnRole.TARGET}))
    before = [c for c in cols if not run or c < run[0]]
    after = [c for c in cols if run and c > run[-1]]
    out = RowCells(
        serial=row.serial, line_start=row.line, line_end=paras[-1].line if paras else row.line
    )
    lo, hi = 0, len(paras)
    for c in before:
        if lo >= hi:
            break
        take = 1
        if columns[c].role in (ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS):
            take = _unit_span(paras, lo, hi - max(len(run), 1) - len(after))
        out.fixed[c] = [p.text for p in paras[lo : lo + take]]
        lo += take
    for c in reversed(after):
        if hi <= lo + len(run):
            break
        out.fixed[c] = [paras[hi - 1].text]
        hi -= 1
    missing = [columns[c].header for c in [*before, *after] if c not in out.fixed]
    middle = paras[lo:hi]
    if run:
        texts = [p.text for p in middle]
        task_text = " ".join(
            " ".join(out.fixed.get(c, [])) for c in before if columns[c].role is ColumnRole.TASK
        )
        if len(middle) < len(run):
            missing += [columns[c].header for c in run[len(middle) :]]
        for seg in segment(texts, [columns[c].role for c in run], task_text):
            heading = texts[seg.heading] if seg.heading is not None else None
            cells = {c: texts[a:b] for c, (a, b) in zip(run, seg.cells, strict=True)}
            out.items.append((heading, cells))
    if missing:
        warn.append(
            (
                out.line_end,
                f"row {row.serial} ends before its {'/'.join(missing)} cell(s): the table may be cut off here",
            )
        )
    return out


def _unit_span(paras: list[Para], lo: int, limit: int) -> int:
    """How many paragraphs from ``lo`` form one unit cell: continuation lines open with a
    parenthesis ("(市国资委)") or follow a line ending in 、."""
    take = 1
    while lo + take < limit:
        prev, nxt = paras[lo + take - 1].text, paras[lo + take].text
        if (nxt[0] in "(（" and len(nxt) <= 20) or (prev[-1] in "、,，" and not is_empty_mark(nxt)):
            take += 1
        else:
            break
    return take
