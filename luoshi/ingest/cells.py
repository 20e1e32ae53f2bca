"""Cell text and the numbering of paragraphs inside cells, shared by all readers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# The published pages write an empty cell as a dash.
EMPTY_MARKS = frozenset({"——", "—", "———", "-", "--", "---", "－", "－－", "/", "——。"})


def clean_lines(lines: Iterable[str]) -> list[str]:
    """Lines each stripped, blank ones dropped."""
    return [s for line in lines if (s := line.strip())]


def cell_text(lines: Iterable[str]) -> str:
    """A cell's text: its lines, each stripped, blank lines dropped, joined with newlines; an
    empty-cell mark ("——") alone gives ""."""
    if type(lines) is list and len(lines) == 1:
        # (most cells are one paragraph: the same answer without the list of kept lines)
        s = lines[0].strip()
        return "" if is_empty_mark(s) else s
    kept = clean_lines(lines)
    if len(kept) == 1 and is_empty_mark(kept[0]):
        return ""
    return "\n".join(kept)


LONGEST_MARK = max(map(len, EMPTY_MARKS))  # no empty-cell mark is longer


def is_empty_mark(paragraph: str) -> bool:
    if len(paragraph) > LONGEST_MARK and " " not in paragraph:
        return False  # (most paragraphs: longer than any mark, and no space to take out)
    return paragraph.replace(" ", "") in EMPTY_MARKS


@dataclass(frozen=True)
class Numbering:
    scheme: str  # "arabic" 1. / "paren" (1) / "circled" ① / "cn" 一、 / "cnparen" (一) / "shi" 一是
    value: int


_CN = "一二三四五六七八九十"
# "1." opens a list item unless a digit follows, as in the decimal "1.5亿元"; but "5.8月底完成"
# and "1.1-8月" are item 5 and item 1 about dates, so a following date does not block it.
_ARABIC = re.compile(
    r"^(\d{1,2})\s*[.、．]\s*(?!\d)"
    r"|^(\d{1,2})\s*[.．、](?=\d{1,4}\s*(?:年|月|[-—–~～至]\s*\d{1,2}\s*月))"
)
_PAREN = re.compile(r"^[(（]\s*(\d{1,2})\s*[)）]")
# A row's number opening a table cell (14.改扩建…, 3、…; not a decimal 1.5万), its value the
# group: wider than an item number (up to four digits: a table may run to row 145). Shared by
# the grid layout's serial-in-the-task-cell rule and the text aligner's category fit.
ROW_NUMBER = r"(\d{1,4})[.、．](?!\d)"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN_ITEM = re.compile(rf"^([{_CN}]{{1,3}})\s*、")
_CN_PAREN = re.compile(rf"^[(（]\s*([{_CN}]{{1,3}})\s*[)）]")
_CN_SHI = re.compile(rf"^([{_CN}]{{1,3}})是")
# What a numbered paragraph can open with besides a digit: every pattern above is anchored on
# a digit, a bracket, a circled number or a Chinese numeral.
_NUMBER_OPENERS = frozenset("(（" + _CIRCLED + _CN)


def cn_value(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN.index(text[1]) + 1
    if len(text) >= 2 and text[1] == "十":
        return (_CN.index(text[0]) + 1) * 10 + (_CN.index(text[2]) + 1 if len(text) == 3 else 0)
    return _CN.index(text[0]) + 1


@lru_cache(maxsize=512)
def _numbered(scheme: str, value: int) -> Numbering:
    # Numberings are frozen and few (six schemes, values under 100): one shared instance each
    # instead of a new one for every list item of every cell.
    return Numbering(scheme, value)


def numbering(paragraph: str) -> Numbering | None:
    """The list number a paragraph opens with, if any ("1.加强…" → arabic 1)."""
    if not paragraph:
        return None
    if not paragraph[0].isdecimal() and paragraph[0] not in _NUMBER_OPENERS:
        return None  # most paragraphs: no scheme below can match (\d is isdecimal in re)
    return _opening_number(paragraph)


def _opening_number(paragraph: str) -> Numbering | None:
    """``numbering`` of a paragraph that opens with a digit or another list opener."""
    # (a paragraph is asked again by each reader pass: rows, cells, the segmenter; the short
    # ones, most list items, are cached, so the cache holds a bounded amount of text)
    if len(paragraph) <= _CACHED_LEN:
        return _cached_opening_number(paragraph)
    return _read_opening_number(paragraph)


_CACHED_LEN = 300


@lru_cache(maxsize=4096)
def _cached_opening_number(paragraph: str) -> Numbering | None:
    return _read_opening_number(paragraph)


def _read_opening_number(paragraph: str) -> Numbering | None:
    """The list number read by the patterns (not cached)."""
    m = _ARABIC.match(paragraph)
    if m:
        return _numbered("arabic", int(m.group(1) or m.group(2)))
    m = _PAREN.match(paragraph)
    if m:
        return _numbered("paren", int(m.group(1)))
    if paragraph[0] in _CIRCLED:
        return _numbered("circled", _CIRCLED.index(paragraph[0]) + 1)
    for pattern, scheme in ((_CN_ITEM, "cn"), (_CN_PAREN, "cnparen"), (_CN_SHI, "shi")):
        m = pattern.match(paragraph)
        if m:
            try:
                return _numbered(scheme, cn_value(m.group(1)))
            except (ValueError, IndexError):
                return None
    return None


def numberings(paragraphs: Iterable[str]) -> list[Numbering | None]:
    """``numbering(p)`` of each paragraph; the test that rules most out made inline (the
    segmenter asks this of every paragraph of every row)."""
    return [
        _opening_number(p) if p[:1].isdecimal() or p[:1] in _NUMBER_OPENERS else None
        for p in paragraphs
    ]


def empty_marks(paragraphs: Iterable[str]) -> list[bool]:
    """``is_empty_mark(p)`` of each paragraph, the longer ones without a space answered
    inline."""
    return [(len(p) <= LONGEST_MARK or " " in p) and is_empty_mark(p) for p in paragraphs]


def without_trailing_empties(cells: list[str]) -> list[str]:
    """The cells without the empty ones at the end (a header row padded to the page's width,
    or a top cell's span)."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def empty_runs(cells: list[str]) -> dict[int, int]:
    """For each filled cell, how many empty cells follow it."""
    runs: dict[int, int] = {}
    last = None
    for k, text in enumerate(cells):
        if text.strip():
            runs[k] = 0
            last = k
        elif last is not None:
            runs[last] += 1
    return runs
