"""Rows of the cells-per-line layout: where one table row ends and the next begins.

- **numbered**: a paragraph holding only the next serial opens a row (1, 2, 3 …). Numbering may
  restart at 1 after a group row (一、…, a leader's name) or a repeated header: a new section.
  Serials need not start at 1 nor be consecutive (a selection of a report's numbered tasks:
  SELECTED ROWS, WIDE JUMP), and one row may carry two (JOINED SERIALS, 36,37): the increasing
  numbers standing where a row's serial is due, after a complete row, are the serial column.
- **unnumbered** (a 序号 header but no serials, or no 序号 column at all): rows found by their
  shape, CUT OPENER among them: :mod:`.unnumbered`, rules there.

Paragraphs right before a row that read as a group row become the row's group, not cells.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import NamedTuple

from luoshi.ingest.model import Column
from luoshi.ingest.text.shapes import (
    ROW_SERIAL,
    is_group,
    joined_serials,
    looks_like_units,
)
from luoshi.vocab import ColumnRole

# A serial paragraph; a mark after the number (9*, 1★: the tables' note marks, e.g. "led by the
# city") is kept in the serial as written.
# Also "(3)" alone on its line: a serial written in brackets. JOINED SERIALS: one row may carry
# two of the report's numbers (36,37 or 36、37), the second in group 3 (shapes.joined_serials).
_SERIAL = re.compile(
    rf"^(?:[(（]({ROW_SERIAL})[)）]|({ROW_SERIAL})(?:\s*[,，、]\s*({ROW_SERIAL}))?[.、．]?)"
    r"([*＊★☆△▲]?)$"
)
# A gap in the serials larger than this is read as a number inside a cell, not a task (unless
# the row above is complete: WIDE JUMP in split_numbered).
_MAX_SERIAL_GAP = 5


class Para(NamedTuple):
    """A non-blank line: its text stripped, where it stands and the blank lines before it.

    (A named tuple, not a dataclass: one is made for every line of a page and its fields are
    read everywhere, at tuple speed; immutable, equal and hashed by its fields as before.)"""

    line: int  # 1-based
    text: str
    gap: int = 1  # blank lines before it (2 or more inside a row: an empty cell)


def paragraphs(text: str) -> list[Para]:
    """The non-blank lines, stripped, with their 1-based line numbers and the count of blank
    lines before each."""
    # (every step a builtin mapped over the lines, no bytecode per line: the kept lines'
    # numbers by compress; a paragraph's gap is its line's distance from the kept line before
    # it, less one — the first's from line 0 — made from the kept numbers alone: small
    # differences, no int made per line of the page as a second compress over it did)
    stripped = list(map(str.strip, text.splitlines()))
    kept = list(compress(range(1, len(stripped) + 1), stripped))
    gaps = map(operator.sub, map(operator.sub, kept, [0, *kept]), repeat(1))
    # (Para's own __new__ is a Python function around tuple.__new__)
    return list(
        map(tuple.__new__, repeat(Para), zip(kept, filter(None, stripped), gaps, strict=True))
    )


def _serial_match(p: Para) -> re.Match[str] | None:
    """_SERIAL's match of a serial paragraph (its value, and its mark, read from it)."""
    first = p.text[:1]
    if not (first.isdecimal() or first in "(（"):
        return None  # _SERIAL opens with \d (isdecimal) or a bracket: most paragraphs need no match
    t = p.text
    if len(t) > 8 and (len(t) > 14 or not ("," in t or "，" in t or "、" in t)):
        # it matches 8 characters at most ("(12345)★"), 14 when two serials are joined
        # ("12345 , 12346★"); and "$" a final "\n"
        return None
    m = _SERIAL.match(p.text)
    if m and m.group(3) and joined_serials(m.group(0).rstrip("*＊★☆△▲")) is None:
        return None
    return m


def _last_value(m: re.Match[str]) -> int:
    """The last of the numbers a serial paragraph carries (37 of 36,37): the next row counts
    on from it."""
    return int(m.group(3) or m.group(2) or m.group(1))


def _selection_goes_on(
    body: list[Para], looked_at: list[int], k: int, prev: int, value: int
) -> bool:
    """SELECTED ROWS: a table may list a selection of a report's tasks under the report's own
    numbers (6, then 52, 53, 54 …). A serial jumping further than ``_MAX_SERIAL_GAP`` past the
    previous row's opens a row when the serials after it count on from it: the next serial
    paragraph above the previous row's (each followed by a paragraph that is no serial) is
    ``value + 1``, then ``value + 2`` (or the page ends first), and ``prev + 1`` never comes (a
    number inside a cell is followed by the table's own next serial). Asked only of a jump."""
    want = value + 1
    for j in looked_at[bisect_right(looked_at, k) :]:
        if j + 1 >= len(body) or _serial_match(body[j + 1]) is not None:
            continue
        v = serial_of(body[j])
        if v is None or v <= prev:
            continue
        if v == prev + 1 or v != want:
            return False
        if want == value + 2:
            return True
        want += 1
    return want > value + 1  # value + 1 came and the page ended: a selection cut off


def _next_serial(body: list[Para], looked_at: list[int], k: int) -> tuple[int | None, int]:
    """(value, index) of the next serial paragraph after ``body[k]`` that is followed by a
    paragraph that is no serial (a row's opener); (None, len(body)) when none comes."""
    for j in looked_at[bisect_right(looked_at, k) :]:
        if j + 1 < len(body) and _serial_match(body[j + 1]) is None:
            v = serial_of(body[j])
            if v is not None:
                return v, j
    return None, len(body)


def serial_of(p: Para) -> int | None:
    m = _serial_match(p)
    return int(m.group(1) or m.group(2)) if m else None


@dataclass
class Row:
    serial: str
    line: int
    paras: list[Para]
    group: str = ""
    skip: set[int] = field(default_factory=set)  # columns merged away (unnumbered layouts)
    category: str | None = None  # a category cell written before the serial (None: not given)


def _take_group(paras: list[Para], keep: int) -> tuple[str, int]:
    """(group text, how many trailing paragraphs it takes) when the last one or two paragraphs
    (after the first ``keep``) open with a group marker."""
    for back in (1, 2):
        if len(paras) - back < keep:
            break
        if is_group(paras[-back].text):
            return " ".join(p.text for p in paras[-back:]), back
    return "", 0


def split_numbered(
    body: list[Para], columns: list[Column], restarts: set[int], warnings: list, first_group: str
) -> tuple[list[Row], list[Para]]:
    """Rows by serial; (rows, paragraphs before the first row that are not a group)."""
    min_cells = max(1, len(columns) - 1)  # a row has at least one paragraph per column
    # a category column before the serial (类别 / 序号 / …): its cell stands before the serial
    category_first = (
        len(columns) > 1
        and columns[0].role is ColumnRole.CATEGORY
        and columns[1].role is ColumnRole.SERIAL
    )
    if category_first:
        min_cells -= 1
    rows: list[Row] = []
    lead: list[Para] = []
    totals: list[Para] = []
    seen: dict[int, int] = {}
    closing_values = _closing_values(body) if category_first else set()
    jumps: list[tuple[int, int, int]] = []  # (line, previous serial, serial) of each gap
    prev: int | None = None
    group = first_group
    in_total = False
    # Only a paragraph that may be a serial (serial_of's first two tests) or a total label is
    # looked at one by one below; each of the others goes where the loop would put it (the
    # totals, the last row, or the lead), and nothing between two looked at changes which:
    # they go there in runs. A total label holds 计 and, stripped and without its spaces, is
    # at most three characters: a longer text is one only with white space in it (most
    # paragraphs holding 计 are sentences: 累计, 计划, 设计).
    looked_at = [
        k
        for k, p in enumerate(body)
        if (
            (len(t := p.text) <= 8 or (len(t) <= 14 and ("," in t or "，" in t or "、" in t)))
            and (t[:1].isdecimal() or t[:1] in "(（")
        )
        or ("计" in t and (len(t) <= 3 or " " in t or t != t.strip()))
    ]
    taken = 0  # body[:taken] placed
    for k in looked_at:
        if taken < k:
            (totals if in_total else rows[-1].paras if rows else lead).extend(body[taken:k])
        taken = k + 1
        p = body[k]
        first = p.text[:1]
        # (the serial's match kept: its value now, its mark when the row is made)
        m = _serial_match(p) if first.isdecimal() or first in "(（" else None
        value = int(m.group(1) or m.group(2)) if m else None
        if value is None and "计" in p.text and is_total(p.text):  # (is_total's first test)
            in_total = True  # a total row: its cells are figures over the rows, not a task
            totals.append(p)
            continue
        if value is None and in_total:
            totals.append(p)
            continue
        if value is not None:
            following = body[k + 1].text if k + 1 < len(body) else ""
            plausible_next = bool(following) and _serial_match(body[k + 1]) is None
            before = rows[-1].paras if rows else lead
            new_group, back = _take_group(before, 1 if rows else 0)
            if prev is None:
                is_row = plausible_next
            elif value == prev + 1:
                is_row = True
            elif value == 1 and plausible_next and (back or k in restarts):
                is_row = True
                warnings.append(
                    (p.line, f"numbering restarts at 1 after row {prev} (a new section)")
                )
            else:
                full = rows and len(rows[-1].paras) >= min_cells
                # WIDE JUMP: serials need not be consecutive (a table may list a selection of a
                # report's numbered tasks: 22, 24, 30, 33). A number further past the previous
                # serial than _MAX_SERIAL_GAP opens a row when the row above already holds
                # exactly one paragraph per column (it stands where the next serial is due;
                # a number inside a cell stands before the row is complete), the row it opens
                # holds a paragraph per column too, and the serial after it counts on from it
                # (a figure 23000 is followed by the next row's 2).
                complete = False
                if rows and len(rows[-1].paras) == min_cells:
                    nxt, at = _next_serial(body, looked_at, k)
                    complete = at - k - 1 >= min_cells and (nxt is None or nxt > value)
                is_row = bool(
                    full
                    and plausible_next
                    and (
                        value == prev
                        or prev + 1 < value <= prev + _MAX_SERIAL_GAP
                        or (value > prev and complete)
                        or (value > prev and _selection_goes_on(body, looked_at, k, prev, value))
                    )
                )
                if is_row and value == prev:
                    warnings.append(
                        (
                            p.line,
                            f"serial {value} repeats the previous row's serial "
                            f"(line {seen[value]}); both rows kept",
                        )
                    )
                elif is_row:
                    jumps.append((p.line, prev, value))
            if is_row:
                in_total = False
                if back:
                    group = new_group
                    del before[-back:]
                category = None
                if (
                    category_first
                    and before
                    and _category_shaped(before[-1].text)
                    and before[-1].text not in closing_values
                ):
                    # the short cell before the serial is this row's category when the row
                    # above has a paragraph left over beyond its own cells (min_cells = the
                    # columns after category and serial); a row with exactly its cells keeps
                    # its last cell (备注 "达到时间进度"), the category being merged down.
                    # A text closing rows before several serials is that last column's
                    # repeated value, never a category (categories change by group).
                    if not rows or len(before) > min_cells:
                        category = before.pop().text
                if prev is None and value != 1:
                    warnings.append((p.line, f"the first row's serial is {value}, not 1"))
                serial = str(value)
                if m.group(3):  # joined serials kept as written (36,37 / 36、37)
                    serial = re.sub(r"\s", "", p.text[m.start(2) : m.end(3)])
                    warnings.append(
                        (p.line, f"row {serial} carries two serials: one row for both tasks")
                    )
                # (positional, in the fields' order: a keyword makes a dict per row)
                rows.append(Row(serial + m.group(4), p.line, [], group, set(), category))
                seen.setdefault(value, p.line)
                prev = _last_value(m)
                continue
        if rows:
            rows[-1].paras.append(p)
        else:
            lead.append(p)
    if taken < len(body):
        (totals if in_total else rows[-1].paras if rows else lead).extend(body[taken:])
    warnings.extend(_jump_warnings(jumps))
    if totals:
        warnings.append(
            (
                totals[0].line,
                f"a total row ({totals[0].text[:10]}…, {len(totals)} cell(s)): figures over the "
                "rows, not a task",
            )
        )
    last = rows[-1].paras if rows else []
    past_end = len(last) > min_cells or (len(last) >= 2 and last[-2].text in closing_values)
    if category_first and past_end:
        tail = last[-1]
        if _category_shaped(tail.text) and tail.text not in closing_values:
            # the excerpt ends on the next group's category cell, before its first row (after
            # the row's own cells, or after the value that closes rows)
            rows[-1].paras.pop()
            warnings.append(
                (
                    tail.line,
                    f"the text ends with {tail.text!r}, the category cell of a row cut off "
                    "before its serial: not a cell of the last row",
                )
            )
    return rows, lead


def _jump_warnings(jumps: list[tuple[int, int, int]]) -> list[tuple[int, str]]:
    """One warning per gap in the serials; from three gaps on, one warning for all of them:
    the cause is one (the table lists a selection of a report's numbered tasks), and the
    alternative is named (rows missing, or numbers inside cells read as rows)."""
    if len(jumps) < 3:
        out = []
        for line, prev, value in jumps:
            missing = f"{prev + 1}" if value == prev + 2 else f"{prev + 1}–{value - 1}"
            out.append((line, f"serials jump from {prev} to {value}: {missing} missing"))
        return out
    shown = ", ".join(f"{prev}→{value}" for _, prev, value in jumps[:6])
    more = f" and {len(jumps) - 6} more" if len(jumps) > 6 else ""
    return [
        (
            jumps[0][0],
            f"serials are not consecutive ({len(jumps)} gaps: {shown}{more}): read as a "
            "selection of a report's numbered tasks; if rows are missing or a number inside "
            "a cell was read as a serial, check those rows",
        )
    ]


def _closing_values(body: list[Para]) -> set[str]:
    """Texts standing right before the serials of two or more different rows: a column's
    value repeated row after row (达到时间进度), not a category cell."""
    before: dict[str, set[int]] = {}
    for k in range(1, len(body)):
        value = serial_of(body[k])
        if value is not None:
            before.setdefault(body[k - 1].text, set()).add(value)
    return {text for text, serials in before.items() if len(serials) >= 2}


_TOTAL = re.compile(r"^(合计|小计|总计|共计)[:：]?$")


def is_total(text: str) -> bool:
    """A total row's label cell: 合计, 小计, 总计, 共计."""
    # (every label holds 计: asked of every paragraph of a table, most have none)
    return "计" in text and bool(_TOTAL.match(text.strip().replace(" ", "")))


def _category_shaped(text: str) -> bool:
    """A category cell: a short name, no sentence, no figures, not a unit list."""
    return (
        0 < len(text) <= 24
        and not re.search(r"[。;；,，!！?？\d]", text)
        and not looks_like_units(text)
        and serial_of(Para(0, text)) is None
    )
