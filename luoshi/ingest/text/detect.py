"""Which other text layouts a page also looks like: the runner-ups of the dispatcher's choice,
and the second reading when the first found no rows.

The dispatcher (:mod:`luoshi.ingest.text.reader`) takes the first layout whose header it
finds; when the page also passes another layout's test (its header found, or its cell
borders present in most lines), the reading was a choice between two, and the document says
so (:mod:`luoshi.ingest.inference`). Only the cheap tests are asked, and only for pages read
by a bordered layout: a page read cells-per-line failed every test before it already.

When the first reading gives no task with text (the borders were read the wrong way: a
header on one pipe line over cells one per line), the page is read again as each runner-up
in turn and the first reading that gives tasks is kept, with a warning naming both.
"""

from __future__ import annotations

from collections.abc import Callable

from luoshi.ingest.errors import IngestError
from luoshi.ingest.gridlayout import document_from_grids
from luoshi.ingest.model import ParsedDocument
from luoshi.ingest.text.pipe import (
    BAR_LAYOUT,
    PIPE_LAYOUT,
    bar_grid,
    find_pipe_header,
    looks_like_bar,
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


def second_reading(doc: ParsedDocument, text: str, name: str) -> ParsedDocument:
    """``doc`` with its runner-ups set, or the first runner-up reading giving tasks with
    text when ``doc`` gives none."""
    doc.runner_up = other_layouts(text, doc.layout)
    if not doc.runner_up or _rows_with_text(doc):
        return doc
    lines = text.split("\n")
    ends_newline = text.rstrip(" \t").endswith("\n")
    for layout in doc.runner_up:
        try:
            found = _grid_of(layout, lines, ends_newline)
            if found is None:
                continue
            other = document_from_grids([found[0]], name, "text", layout, found[1])
        except IngestError:
            continue
        if _rows_with_text(other):
            other.runner_up = [doc.layout]
            other.warn(
                None,
                f"read as {layout}: read as {doc.layout} (the first layout tried) the page "
                f"gave no task; {len(other.tasks)} rows as {layout}",
            )
            return other
    return doc
