"""Which other text layouts a page also looks like: the runner-ups of the dispatcher's choice.

The dispatcher (:mod:`luoshi.ingest.text.reader`) takes the first layout whose header it
finds; when the page also passes another layout's test (its header found, or its cell
borders present in most lines), the reading was a choice between two, and the document says
so (:mod:`luoshi.ingest.inference`). Only the cheap tests are asked, and only for pages read
by a bordered layout: a page read cells-per-line failed every test before it already.
"""

from __future__ import annotations

from collections.abc import Callable

from luoshi.ingest.text.pipe import BAR_LAYOUT, PIPE_LAYOUT, find_pipe_header, looks_like_bar
from luoshi.ingest.text.pipecells import PIPE_CELLS_LAYOUT, looks_like_pipe_cells
from luoshi.ingest.text.spacerows import SPACE_LAYOUT, find_space_header

_TESTS: tuple[tuple[str, Callable[[list[str]], bool]], ...] = (
    (PIPE_LAYOUT, lambda lines: find_pipe_header(lines) is not None),
    (PIPE_CELLS_LAYOUT, looks_like_pipe_cells),
    (BAR_LAYOUT, looks_like_bar),
    (SPACE_LAYOUT, lambda lines: find_space_header(lines) is not None),
)
_TESTED = frozenset(name for name, _ in _TESTS)


def other_layouts(text: str, chosen: str) -> list[str]:
    """Layouts other than ``chosen`` whose test the page passes (empty when ``chosen`` is
    not a bordered layout)."""
    if chosen not in _TESTED:
        return []
    lines = text.split("\n")
    return [name for name, test in _TESTS if name != chosen and test(lines)]
