"""A pipe header continued on the lines under it (HEADER OVER LINES)::

    序号 | 重点任务 |
    完成时间 | 责任人 | 责任部门 | 进展情况 |
    7 |
    …

Rule, true of any pipe table: a page or a copy may break the header row where its line runs
out, so the header's cells go on over the next lines. A closed pipe line right under the
header whose every cell names a known column (no serial, no sentence: a row's cells never
are all column names) continues the header: its cells are the header's next columns, and so
on while the next line is such a line. The rows start after the last of them; when they are
one cell per line the table is a pipe-cells table (:mod:`.pipecells` reads its header from the
cell stream, joined the same way), otherwise the pipe reader takes the joined header.
"""

from __future__ import annotations

from luoshi.ingest.headers import is_known_header, normalise_header

_MAX_WORD = 12  # a column name, not a cell's text


def _header_words(line: str) -> list[str] | None:
    """The cells of a closed pipe line when every one of them is a known column name."""
    s = line.strip()
    if not s.endswith("|"):
        return None
    cells = [c.strip() for c in s.strip("|").split("|")]
    if not cells or not all(
        c and len(normalise_header(c)) <= _MAX_WORD and is_known_header(c) for c in cells
    ):
        return None
    return cells


def header_continuation(lines: list[str], h: int) -> tuple[list[int], list[str]]:
    """(indexes of the lines continuing the header at ``lines[h]``, their cells in order);
    ([], []) when the header stands on its line alone or its line is not closed by a bar."""
    if not lines[h].strip().endswith("|"):
        return [], []
    at: list[int] = []
    words: list[str] = []
    i = h + 1
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        found = _header_words(lines[i])
        if found is None:
            break
        at.append(i)
        words += found
        i += 1
    return at, words


def one_cell_rows_after(lines: list[str], end: int) -> bool:
    """Whether the first non-blank line after ``end`` holds one cell closed by a bar (``7 |``):
    the rows of a one-cell-per-line table."""
    nxt = next((s.strip() for s in lines[end + 1 :] if s.strip()), "")
    return nxt.endswith("|") and nxt.count("|") == 1 and len(nxt) > 1
