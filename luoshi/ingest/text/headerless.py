"""Pipe tables without a header row: an excerpt (a mirror site, a page cut at a page break)
that starts mid-table, ``1 | task … | … | 陆夏峰 | *区投促局 各镇街 各平台 |``.

General statement: rows of a table are recognisable without their header when at least two
pipe rows (closed by a last "|" or not) of three or more cells open with consecutive serials (n, n+1) and have the same
number of cells. The columns are then inferred from what their cells hold, over those rows:

- the first cell is the serial;
- a column whose every non-empty cell is a short status phrase (按时序推进, 已完成, 滞后, 黄灯:
  ``shapes.looks_like_status``) is a declared status (进展状态), asked first because a
  three-character status (已完成) is also shaped like a name;
- a column whose every non-empty cell is a person's name is the leader (责任领导);
- a column whose every non-empty cell is a unit list (short names separated by 、 , or
  spaces, no figures, at least one ending like an organisation, lead marks ``*`` allowed) is
  the units (责任单位);
- the first column of longer text is the task (任务内容);
- a later column of longer text is progress (完成情况) when most of its cells report what was
  done (已, 完成, 截至, 累计 …), else the target (目标任务: a plan's figures);
- anything else is a remark (备注).

The reader then reads the rows under the inferred header exactly as it reads a pipe table, and
warns that the header is the reader's guess, naming the columns guessed.
"""

from __future__ import annotations

import re

from luoshi.ingest.contentroles import is_unit_list
from luoshi.ingest.gridlayout import document_from_grids
from luoshi.ingest.model import ParsedDocument
from luoshi.ingest.text.pipe import PIPE_LAYOUT, pipe_grid
from luoshi.ingest.text.shapes import looks_like_person, looks_like_status

_SERIAL = re.compile(r"^\d{1,4}[.、．]?$")
_MIN_CELLS = 3
_SAMPLE_ROWS = 10
_LONG = 12  # characters: longer than a name or a short unit list
_DONE_WORDS = re.compile(r"已|完成了|截至|截止|累计|建成|开工|实现了")
# characters: a declared status is a phrase (按时序推进, 超序时推进), not a report
_STATUS_LEN = 10


def _cells(line: str) -> list[str] | None:
    """The cells of a pipe row, closed by "|" or not ("1 | task | units")."""
    s = line.strip()
    if "|" not in s:
        return None
    if s.endswith("|"):
        s = s[:-1]
    parts = [p.strip() for p in s.split("|")]
    return parts if len(parts) >= _MIN_CELLS else None


def _role_header(cells: list[str], seen_task: bool) -> str:
    filled = [c for c in cells if c]
    if not filled:
        return "备注"
    if all(looks_like_status(c) and len(c) <= _STATUS_LEN for c in filled):
        return "进展状态"
    if all(looks_like_person(c) for c in filled):
        return "责任领导"
    if all(is_unit_list(c) for c in filled):
        return "责任单位"
    if sum(1 for c in filled if len(c) > _LONG) * 2 >= len(filled):
        if not seen_task:
            return "任务内容"
        done = sum(1 for c in filled if _DONE_WORDS.search(c))
        return "完成情况" if done * 2 > len(filled) else "目标任务"
    return "备注"


def infer_pipe_header(lines: list[str]) -> tuple[int, str] | None:
    """(index of the first row, a header line for the rows) when the lines hold header-less
    pipe rows as stated in the module docstring; else None."""
    rows: list[tuple[int, list[str]]] = []
    for i, line in enumerate(lines):
        cells = _cells(line)
        if cells is None or not _SERIAL.match(cells[0]):
            continue
        if rows and len(cells) != len(rows[0][1]):
            continue
        rows.append((i, cells))
        if len(rows) >= _SAMPLE_ROWS:
            break
    if len(rows) < 2:
        return None
    first, second = (int(c[0].rstrip(".、．")) for _, c in rows[:2])
    if second != first + 1:
        return None
    width = len(rows[0][1])
    names = ["序号"]
    for k in range(1, width):
        names.append(_role_header([c[k] for _, c in rows], "任务内容" in names))
    if "任务内容" not in names:
        return None
    return rows[0][0], " | ".join(names) + " |"


def read_headerless_pipe(lines: list[str], inferred: tuple[int, str], name: str) -> ParsedDocument:
    """Pipe rows read under the header inferred from their content (text/headerless.py). The
    header takes the blank line before the first row when there is one, so that line numbers
    stay the file's; otherwise it is inserted (later line numbers then count it)."""
    r, header = inferred
    if not lines[r].rstrip().endswith("|"):
        # rows written without a closing "|": closed here, so that only a row short of
        # cells reads as cut off
        lines = [
            f"{x.rstrip()} |" if k >= r and "|" in x and not x.rstrip().endswith("|") else x
            for k, x in enumerate(lines)
        ]
    if r and not lines[r - 1].strip():
        lines = [*lines[: r - 1], header, *lines[r:]]
        h = r - 1
    else:
        lines = [*lines[:r], header, *lines[r:]]
        h = r
    grid, warnings = pipe_grid(lines, h)
    names = "/".join(c.strip() for c in header.split("|") if c.strip())
    warnings.insert(
        0,
        (
            h + 1,
            f"no header row (the excerpt starts mid-table): columns inferred from the cells' "
            f"content as {names}; check them against the source",
        ),
    )
    doc = document_from_grids([grid], name, "text", PIPE_LAYOUT, warnings)
    doc.doubts.append("no header row: the columns were inferred from the cells")
    return doc
