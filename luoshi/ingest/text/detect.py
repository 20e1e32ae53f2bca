"""Which other text layouts a page also looks like: the runner-ups of the dispatcher's choice,
and the second reading when the first found no rows.

The dispatcher (:mod:`luoshi.ingest.text.reader`) takes the first layout whose header it
finds; when the page also passes another layout's test (its header found, or its cell
borders present in most lines), the reading was a choice between two, and the document says
so (:mod:`luoshi.ingest.inference`). Only the cheap tests are asked, and only for pages read
by a bordered layout: a page read cells-per-line failed every test before it already.

When the first reading is weak — no task with text (the borders were read the wrong way: a
header on one pipe line over cells one per line), or low confidence — the page is read again
as each runner-up and the likeliest reading (confidence, then rows with task text) is kept,
with a warning naming both.
"""

from __future__ import annotations

from collections.abc import Callable

from luoshi.ingest.errors import IngestError
from luoshi.ingest.gridlayout import document_from_grids
from luoshi.ingest.inference import assess
from luoshi.ingest.model import ParsedDocument
from luoshi.ingest.text.bar import BAR_LAYOUT, bar_grid, looks_like_bar
from luoshi.ingest.text.pipe import (
    PIPE_LAYOUT,
    find_pipe_header,
    pipe_grid,
)
from luoshi.ingest.text.pipecells import (
    PIPE_CELLS_LAYOUT,
    looks_like_pipe_cells,
    pipe_cells_grid,
)
from luoshi.ingest.text.spacerows import SPACE_LAYOUT, find_space_header, space_grid

_TESTS: tuple[tuple[str, Callable[[list[str]], bool]], ...] = (
    (PIPE_LAYOUT, lambda lines: find_pipe_header(lines) is not None),
    (PIPE_CELLS_LAYOUT, looks_like_pipe_cells),
    (BAR_LAYOUT, lambda lines: looks_like_bar(lines) and not _cells_between_bars(lines)),
    (SPACE_LAYOUT, lambda lines: find_space_header(lines) is not None),
)


def _cells_between_bars(lines: list[str]) -> bool:
    """Most lines with text hold bars between their cells: pipe rows with lone-bar lines
    between them, not the bar layout (whose cell lines hold no bar)."""
    filled = [s for line in lines if (s := line.strip()) and s.replace("|", "").strip()]
    return sum(1 for s in filled if "|" in s) * 2 > len(filled)


_TESTED = frozenset(name for name, _ in _TESTS)


def other_layouts(text: str, chosen: str) -> list[str]:
    """Layouts other than ``chosen`` whose test the page passes (empty when ``chosen`` is
    not a bordered layout)."""
    if chosen not in _TESTED:
        return []
    lines = text.split("\n")
    return [name for name, test in _TESTS if name != chosen and test(lines)]


def _grid_of(layout: str, lines: list[str], ends_newline: bool):
    """(grid, warnings) of the page read as ``layout``, or None when that reading fails."""
    if layout == PIPE_LAYOUT:
        h = find_pipe_header(lines)
        return pipe_grid(lines, h) if h is not None else None
    if layout == PIPE_CELLS_LAYOUT:
        return pipe_cells_grid(lines, ends_newline)
    if layout == BAR_LAYOUT:
        return bar_grid(lines)
    found = find_space_header(lines)
    return space_grid(lines, found[0], found[1], ends_newline) if found else None


def _rows_with_text(doc: ParsedDocument) -> int:
    return sum(1 for t in doc.tasks if t.text.strip())


_LEVEL = {"high": 2, "medium": 1, "low": 0}


def _rank(doc: ParsedDocument) -> tuple[int, int]:
    """How likely a reading is: its confidence (without the runner-up doubt, which both
    readings share), then its rows with task text."""
    runner_up, doc.runner_up = doc.runner_up, []
    level = _LEVEL[assess(doc).confidence]
    doc.runner_up = runner_up
    return (level, _rows_with_text(doc)) if _rows_with_text(doc) else (-1, 0)


def second_reading(doc: ParsedDocument, text: str, name: str) -> ParsedDocument:
    """``doc`` with its runner-ups set; when the first reading is weak (no task with text, or
    low confidence), each runner-up reading is made and the likeliest kept (:func:`_rank`),
    with a warning naming the other."""
    doc.runner_up = other_layouts(text, doc.layout)
    if not doc.runner_up:
        return doc
    first = _rank(doc)
    if first[0] > _LEVEL["low"]:
        return doc
    lines = text.split("\n")
    ends_newline = text.rstrip(" \t").endswith("\n")
    best, best_rank = doc, first
    for layout in doc.runner_up:
        try:
            found = _grid_of(layout, lines, ends_newline)
            if found is None:
                continue
            other = document_from_grids([found[0]], name, "text", layout, found[1])
        except IngestError:
            continue
        rank = _rank(other)
        if rank > best_rank:
            best, best_rank = other, rank
    if best is doc:
        return doc
    best.runner_up = [doc.layout]
    said = "no task" if first[0] < 0 else f"{first[1]} rows, low confidence"
    best.warn(
        None,
        f"read as {best.layout}: read as {doc.layout} (the first layout tried) the page gave "
        f"{said}; {len(best.tasks)} rows as {best.layout}",
    )
    return best
