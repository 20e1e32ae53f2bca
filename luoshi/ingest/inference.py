"""What structure the reader inferred and how sure it is, in one place for every format.

Computed from the finished document only (its layout, columns, tasks and the warnings the
readers gave with line numbers), so every reader gets the same statement without keeping
books of its own. The rules, true of any table:

========================  ====================================================================
fact                      doubt it raises
========================  ====================================================================
header vocabulary         columns whose header names no known role (``other``): fewer than
                          half known is a weak header; no task column at all is weaker still
rows by serials           rows carrying a serial (序号) were cut where the page numbered them;
                          rows without one were found by their shape (cell counts, repeated
                          structure): a guess when most rows are such
rows with warnings        a row the reader warned about (realigned cells, cut off, merged
                          over sub-rows): more than a quarter of the rows is a doubt
empty rows                rows with no task text: cells probably in the wrong place
serial order              numeric serials that neither follow the row above nor restart at 1
empty named columns       a unit or done column empty in more than half the rows (the
                          last left out): its cells are probably elsewhere
runner-up layout          another layout the page also looks like (given by the reader):
                          always said, with a warning naming it
reader's own doubts       what the reader knows it guessed (``doc.doubts``: columns inferred
                          without a header row, borders of glued cells)
========================  ====================================================================

Confidence: ``high`` with no doubt, ``medium`` with one, ``low`` with two or more or with a
header naming fewer than half its columns. Kept out of the JSON contract (docs/parse-json.md);
``luoshi parse`` prints it on stderr.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from luoshi.ingest.model import Inference, ParsedDocument
from luoshi.vocab import ColumnRole

HIGH, MEDIUM, LOW = "high", "medium", "low"
_WARNED_SHARE = 0.25  # more rows than this warned about is a doubt
_SHAPE_SHARE = 0.5  # more rows than this found without a serial is a doubt
# A serial as tables write it: 12, 12., (三), 三、, ①
_SERIAL = re.compile(r"^[(（]?[0-9一二三四五六七八九十百]{1,4}[)）]?[.、．]?$|^[①-⑳]$")


def _warned_rows(doc: ParsedDocument) -> int:
    """Tasks but the last with a warning pointing at one of their lines. The last row is left
    out: a file cut short ends inside it, which says nothing of the structure (its own
    warning says so); and the first row's first line, where notes on the whole table go."""
    # Readers put notes about the whole table at its first row's line (rows numbered by
    # position, a flattened layout): warnings there are not counted against that row.
    first = doc.tasks[0].line_start if doc.tasks else None
    lines = sorted(w.line for w in doc.warnings if w.line is not None and w.line != first)
    if not lines:
        return 0
    n = 0
    for t in doc.tasks[:-1]:
        if t.line_start is None:
            continue
        end = t.line_end if t.line_end is not None else t.line_start
        k = bisect_left(lines, t.line_start)  # the first warned line at or after the row's
        if k < len(lines) and lines[k] <= end:
            n += 1
    return n


# (a row carrying two serials, 36,37: the next row counts on from the last)
_NUMBER = re.compile(r"^(\d{1,4})(?:\s*[,，、]\s*(\d{1,4})(?!\d))?")
_ITEM_ROLES = {ColumnRole.DONE: "done"}  # problems are often rightly empty
_UNIT_ROLES = frozenset({ColumnRole.UNITS, ColumnRole.LEAD_UNIT})


def _serial_breaks(doc: ParsedDocument) -> int:
    """Rows whose numeric serial neither follows the row above nor restarts at 1."""
    if not any(c.role is ColumnRole.SERIAL for c in doc.columns):
        return 0
    breaks = 0
    prev: int | None = None
    for t in doc.tasks:
        m = _NUMBER.match(t.serial.strip())
        if m is None:
            prev = None  # (三), 一: another numbering, not compared
            continue
        value = int(m.group(1))
        if prev is not None and value not in (prev + 1, 1):
            breaks += 1
        prev = int(m.group(2) or value)
    return breaks


def _empty_columns(doc: ParsedDocument) -> list[tuple[str, int]]:
    """Columns the header names (units, done) left empty in more than half the rows but
    the last (cut off): their cells are probably elsewhere."""
    rows = doc.tasks[:-1] if len(doc.tasks) > 2 else doc.tasks
    if len(rows) < 2:
        return []
    out: list[tuple[str, int]] = []
    for c in doc.columns:
        if c.role in _UNIT_ROLES:
            empty = sum(1 for t in rows if not t.units)
        elif c.role in _ITEM_ROLES:
            # (the items' field read by one attrgetter mapped over them: no generator per row)
            filled = attrgetter(_ITEM_ROLES[c.role])
            empty = sum(1 for t in rows if not any(map(filled, t.items)))
        else:
            continue
        if empty * 2 > len(rows):
            out.append((c.header, empty))
    return out


def assess(doc: ParsedDocument) -> Inference:
    """The inference statement of ``doc``; ``doc.runner_up`` are other layouts the page also
    looked like, likeliest first (set by the reader that chose among layouts)."""
    alternatives = tuple(doc.runner_up)
    reasons: list[str] = []
    doubts = 0
    weak = False
    cols = [c for c in doc.columns if c.role is not ColumnRole.SERIAL]
    known = sum(1 for c in cols if c.role is not ColumnRole.OTHER)
    if cols:
        reasons.append(f"header: {known} of {len(cols)} columns named by the vocabulary")
        # a few unknown columns are common (金额, 备注 variants): said, but no doubt
        weak = known * 2 < len(cols)
    if doc.columns and not any(c.role is ColumnRole.TASK for c in doc.columns):
        reasons.append("no task column: the task text is taken from another column")
        doubts += 1
    n = len(doc.tasks)
    if not n:
        reasons.append("no rows found under the header")
        weak = True
    else:
        # without a serial column the reader numbers rows by position: found by shape
        has_serials = any(c.role is ColumnRole.SERIAL for c in doc.columns)
        serials = sum(1 for t in doc.tasks if has_serials and _SERIAL.match(t.serial.strip()))
        if serials == n:
            reasons.append(f"{n} rows found by their serials")
        elif serials:
            reasons.append(f"{n} rows: {serials} by their serials, {n - serials} by their shape")
        else:
            reasons.append(f"{n} rows found by their shape (the table has no serials)")
        if n - serials > _SHAPE_SHARE * n:
            doubts += 1
        warned = _warned_rows(doc)
        if warned:
            reasons.append(
                f"{warned} of {n} rows warned about (cells realigned, merged or cut off)"
            )
            if warned >= 2 and warned > _WARNED_SHARE * n:
                doubts += 1
        empty = sum(1 for t in doc.tasks if not t.text.strip())
        if empty:
            reasons.append(f"{empty} rows without task text")
            doubts += 1
        broken = _serial_breaks(doc)
        if broken:
            reasons.append(f"serials out of order or repeated at {broken} row(s)")
            doubts += 1
        for header, empty in _empty_columns(doc):
            reasons.append(f"column {header} empty in {empty} of {n} rows")
            doubts += 1
    for doubt in doc.doubts:  # what the reader itself doubts
        reasons.append(doubt)
        doubts += 1
    if alternatives:
        reasons.append(f"the page also looks like {'/'.join(alternatives)}")
        doubts += 1
    if weak or doubts >= 2:
        level = LOW
    elif doubts:
        level = MEDIUM
    else:
        level = HIGH
    return Inference(
        layout=doc.layout or doc.format,
        confidence=level,
        reasons=tuple(reasons),
        alternatives=tuple(alternatives),
    )


def attach(doc: ParsedDocument) -> None:
    """Set ``doc.inference``; when another layout was close, warn naming it (never a silent
    guess between two readings)."""
    doc.inference = assess(doc)
    alternatives = doc.inference.alternatives
    if alternatives:
        doc.warn(
            None,
            f"read as a {doc.inference.layout} table ({doc.inference.confidence} confidence); "
            f"the page also looks like {' or '.join(alternatives)}: check the rows and columns",
        )
