"""Reporting periods named inside progress text: 1-9月, 截至9月底, 一季度, 前三季度, 上半年, 目前.

Each mention becomes an ``as_of``: the label as written (the form the hand-checked answers use)
plus the last month it covers, from which an ISO end date follows when the year is known.
Figures in progress tables are cumulative from 1 January, so "二季度累计" covers months 1-6.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from luoshi.extract.numbers import normalise, parse_chinese

_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_YEAR = r"(?:今年|本年|当年|20[0-9]{2}年)?"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # 1-9月, 1-8月份, 1至9月, 截至今年1-9月
    (re.compile(rf"(?:截至|截止到?|至){_YEAR}(?P<a>{_M})\s*[-~至到—–]\s*(?P<m>{_M})月份?(?:底|末)?"), "range"),
    (re.compile(rf"{_YEAR}(?P<a>{_M})\s*[-~至到—–]\s*(?P<m>{_M})月份?(?:底|末)?(?![0-9一二三四五六七八九十]*[日号])"), "range"),
    # 截至9月底, 截至9月, 至9月末
    (re.compile(rf"(?:截至|截止到?|至){_YEAR}(?P<m>{_M})月份?(?:底|末|止)?(?![0-9一二三四五六七八九十]*[日号])"), "upto"),
    # 9月底, 6月末
    (re.compile(rf"{_YEAR}(?P<m>{_M})月份?(?:底|末)"), "upto"),
    # 前三季度, 第一季度, 二季度
    (re.compile(r"(?:前|第)?(?P<q>[一二三四1-4])季度"), "quarter"),
    (re.compile(r"上半年|1-6月"), "half"),
    (re.compile(r"(?:截至|截止到?|至)?(?:目前|当前|现在|今)(?:为止)?"), "now"),
]


# What each pattern above cannot match without, in order: groups of words, at least one word
# of every group in the text. A pattern none of whose matches can be there is not run (most
# texts name no period: each of these patterns opens with an optional part, so the regex
# engine would try it at every character). tests/extract/test_periods.py checks each
# pattern's words against its matches.
_NEEDS: list[tuple[tuple[str, ...], ...]] = [
    (("月",), ("至", "截止")),
    (("月",),),
    (("月",), ("至", "截止")),
    (("月",), ("底", "末")),
    (("季度",),),
    (("上半年", "1-6月"),),
    (("目前", "当前", "现在", "今"),),
]
# The same as bit masks over _WORDS (one or two per pattern): a text's words are looked up
# once, not once per pattern.
_WORDS = sorted({w for needs in _NEEDS for words in needs for w in words})
_MASKS = [
    tuple(sum(1 << _WORDS.index(w) for w in words) for words in needs) for needs in _NEEDS
]


@dataclass(frozen=True)
class PeriodMention:
    label: str  # as written: "1-9月", "截至9月底", "三季度", "目前"
    start: int
    end: int
    month: int | None  # last month covered; None for 目前 (= the report's period)

    def end_date(self, year: int | None) -> date | None:
        if year is None or self.month is None:
            return None
        return date(year, self.month, calendar.monthrange(year, self.month)[1])


def _month(s: str) -> int | None:
    try:
        v = int(s) if s.isdigit() else int(parse_chinese(s))
    except ValueError:
        return None
    return v if 1 <= v <= 12 else None


def find_periods(text: str) -> list[PeriodMention]:
    """Period mentions in ``text``, left to right, not overlapping."""
    norm = normalise(text)
    found: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []
    present = 0
    for bit, w in enumerate(_WORDS):
        if w in norm:
            present |= 1 << bit
    for (pattern, kind), masks in zip(_PATTERNS, _MASKS, strict=True):
        if not present & masks[0] or (len(masks) > 1 and not present & masks[1]):
            continue  # (at most two groups of words: checked without a generator)
        for m in pattern.finditer(norm):
            a, b = m.span()
            if a == b or any(a < y and x < b for x, y in taken):
                continue
            month: int | None
            if kind in ("range", "upto"):
                month = _month(m.group("m"))
                if month is None:
                    continue
                if kind == "range" and (_month(m.group("a")) or 13) > month:
                    continue
            elif kind == "quarter":
                q = m.group("q")
                month = 3 * (int(q) if q.isdigit() else int(parse_chinese(q)))
            elif kind == "half":
                month = 6
            else:
                if m.group(0) in ("今",):
                    continue
                month = None
            found.append(PeriodMention(text[a:b], a, b, month))
            taken.append((a, b))
    found.sort(key=lambda p: p.start)
    return found
