"""Reporting periods named in titles and cells: 三季度, 前三季度, 1-9月, 截至11月底 …

Progress in these tables is cumulative from 1 January, so 三季度 (the third quarter's report)
means 1-9月. The rules are a table: the first pattern that matches decides; month ranges are
read before quarter words because "1-9月" is more precise than a word that may sit beside it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from luoshi.ingest.model import Period
from luoshi.vocab import PERIOD_KIND_END_MONTH, PeriodKind

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(text: str) -> int | None:
    """1-12 written as 1, 12, 一, 十, 十一, 十二."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十") and len(text) == 2:
        return 10 + _CN_DIGITS.get(text[1], -100)
    return _CN_DIGITS.get(text)


_MONTH = r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"
_DASH = r"\s*[-－—–~～至到]+\s*"

# Cumulative month ranges and "as of" phrases: kind MONTH unless the month ends a quarter
# that has its own kind (1-9月 is Q3, 1-6月 is H1, 1-3月 is Q1, 1-12月 is annual).
_MONTH_PATTERNS: list[re.Pattern[str]] = [
    re.compile(rf"(?:1|一)月?{_DASH}{_MONTH}\s*月"),  # 1-9月, 1月-11月, 一至十一月
    re.compile(rf"(?:截至|截止|至)\s*(?:\d{{4}}\s*年\s*)?{_MONTH}\s*月(?:底|末|\s*\d{{1,2}}\s*日)"),
    re.compile(rf"前\s*{_MONTH}\s*个?月"),  # 前11个月
]

# Quarter and year words, most specific first.
# (A quarter may be numbered in digits too: 第3季度, 前3季度, 4季度.)
_Q = r"(?<!\d)[第前]?\s*{}\s*季度"
_WORD_RULES: list[tuple[re.Pattern[str], PeriodKind]] = [
    (re.compile(r"前三季度|三季度|第三季度|三季|Q3|" + _Q.format(3), re.I), PeriodKind.Q3),
    (re.compile(r"上半年|半年度|半年|二季度|第二季度|Q2|H1|" + _Q.format(2), re.I), PeriodKind.H1),
    (re.compile(r"一季度|第一季度|Q1|" + _Q.format(1), re.I), PeriodKind.Q1),
    (re.compile(r"四季度|第四季度|全年|年度完成|年终|Q4|" + _Q.format(4), re.I), PeriodKind.ANNUAL),
]

_QUARTER_MONTH_KIND = {3: PeriodKind.Q1, 6: PeriodKind.H1, 9: PeriodKind.Q3, 12: PeriodKind.ANNUAL}

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def parse_year(text: str) -> int | None:
    """The first year written as ``2020年`` / ``2020 年度``."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def _end(year: int | None, month: int) -> date | None:
    if year is None or not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


# "截至5月15日": the table is as of that day (kind by its month, the end date exact).
_AS_OF_DAY = re.compile(
    rf"(?:截至|截止|至)\s*(?:(\d{{4}})\s*年\s*)?{_MONTH}\s*月\s*(\d{{1,2}})\s*日"
)
# "2018年6月民生实事进展情况", "6月份": a month's report.
_MONTH_OF_YEAR = re.compile(
    rf"(?:\d{{4}}\s*年\s*|^){_MONTH}\s*月份?(?![\d日])"
    # "…重点工作8月份进展情况": 月份 names a month wherever it stands (not a range's end, 1-8月份,
    # nor part of a longer number)
    rf"|(?<![\d一二三四五六七八九十\-－—–~～至到]){_MONTH}\s*月份"
)
_PROGRESS = re.compile(r"进展|完成|落实|推进|执行|进度")
_ISSUE_MONTH = re.compile(r"[(（]\s*\d{4}\s*年\s*(\d{1,2})\s*月份?\s*[)）]\s*$")


def parse_period(text: str, year: int | None = None) -> Period | None:
    """The reporting period a title (or cell) names, or None when it names none.

    ``year`` gives the end date; without it the date is None but kind and label are known.
    An "as of" day (截至5月15日) gives the exact end date; a month named after the year (2018年
    6月…进展情况, 6月份) is that month's report.
    """
    m = _AS_OF_DAY.search(text)
    if m:
        month, day = _cn_number(m.group(2)), int(m.group(3))
        if month is not None and 1 <= month <= 12:
            end = _end(year, month)
            kind = _QUARTER_MONTH_KIND.get(month, PeriodKind.MONTH)
            if end is not None and 1 <= day < end.day:
                end = end.replace(day=day)
                kind = PeriodKind.MONTH  # part of a month: as of that day
            return Period(
                kind=kind,
                label=re.sub(r"\s+", "", m.group(0)),
                end_date=end,
                month=month if kind is PeriodKind.MONTH else None,
            )
    for pattern in _MONTH_PATTERNS:
        m = pattern.search(text)
        if m:
            month = _cn_number(m.group(1))
            if month is None or not 1 <= month <= 12:
                continue
            kind = _QUARTER_MONTH_KIND.get(month, PeriodKind.MONTH)
            return Period(
                kind=kind,
                label=re.sub(r"\s+", "", m.group(0)),
                end_date=_end(year, month),
                month=month if kind is PeriodKind.MONTH else None,
            )
    for pattern, kind in _WORD_RULES:
        m = pattern.search(text)
        if m:
            return Period(
                kind=kind, label=m.group(0), end_date=_end(year, PERIOD_KIND_END_MONTH[kind])
            )
    m = _MONTH_OF_YEAR.search(text)
    if m and _PROGRESS.search(text[m.end() :]):
        month = _cn_number(m.group(1) or m.group(2))
        if month is not None and 1 <= month <= 12:
            return Period(
                kind=PeriodKind.MONTH,
                label=re.sub(r"\s+", "", m.group(0)),
                end_date=_end(year, month),
                month=month,
            )
    # ISSUE MONTH: a periodic report's title closing with the month it covers in brackets
    # (…业务报告(2017年2月), …月报(2024年3月)) is that month's report
    m = _ISSUE_MONTH.search(text)
    if m:
        month = int(m.group(1))
        if 1 <= month <= 12:
            return Period(
                kind=PeriodKind.MONTH,
                label=re.sub(r"\s+", "", m.group(0)).strip("()（）"),
                end_date=_end(year, month),
                month=month,
            )
    # "2020年度…完成情况" with no quarter word: the whole year.
    if re.search(r"\d{4}\s*年度?.*(?:完成情况|落实情况|执行情况)", text) and "计划" not in text:
        return Period(kind=PeriodKind.ANNUAL, label="年度", end_date=_end(year, 12))
    return None


def as_of_day(texts: list[str], period: Period | None, year: int | None) -> Period | None:
    """The period refined by an "as of" day stated near the table (截至6月20日) in the month
    the period ends in: the end date becomes that day. ``period`` unchanged otherwise."""
    if period is None or year is None or period.end_date is None:
        return period
    for text in texts:
        m = _AS_OF_DAY.search(text)
        if not m:
            continue
        month, day = _cn_number(m.group(2)), int(m.group(3))
        if month == period.end_month and 1 <= day <= period.end_date.day:
            try:
                end = date(year, month, day)
            except ValueError:
                return period
            kind = period.kind if end == period.end_date else PeriodKind.MONTH
            return Period(kind=kind, label=period.label, end_date=end, month=month)
    return period


# A progress header naming the month being reported without saying which: 本月进展情况,
# 当月完成情况. The page is a monthly report; the month itself is not known from the header.
_THIS_MONTH = re.compile(r"本月|当月")


# HEADER AS-OF DAY: a progress column's header naming one day (最新进度(8月24日), 8月24日
# 进展情况; not a span, 7月1日-8月24日, nor a deadline, 完成时间) says the progress stands as of
# that day: the report is cumulative to it, as 截至8月24日 says.
_HEADER_DAY = re.compile(
    rf"(?<![\d\-－—–~～至到]){_MONTH}\s*月\s*(\d{{1,2}})\s*日(?!\s*[\-－—–~～至到])"
)

_DEADLINE = re.compile(r"时间|时限|期限|日期")


def as_of_header(header: str) -> bool:
    """Whether a column's header names progress and the one day it stands at (HEADER AS-OF
    DAY): 最新进度(8月24日) yes; 完成时间(8月24日), 7月1日-8月24日进展 no. Read in simplified
    characters."""
    return (
        _PROGRESS.search(header) is not None
        and _DEADLINE.search(header) is None
        and len(_HEADER_DAY.findall(header)) == 1
    )


def header_period(header: str, year: int | None = None) -> Period | None:
    """The period a progress column's header names (上半年完成情况, 1-9月进展, 本月进展情况 -> a
    month, which month unknown; 最新进度(8月24日) -> as of that day: HEADER AS-OF DAY), or
    None."""
    period = parse_period(header, year)
    if period is not None:
        return period
    m = _HEADER_DAY.search(header)
    if m and as_of_header(header):
        day = parse_period(f"截至{m.group(1)}月{m.group(2)}日", year)
        if day is not None:
            return Period(day.kind, re.sub(r"\s+", "", m.group(0)), day.end_date, day.month)
    m = _THIS_MONTH.search(header)
    if m:
        return Period(kind=PeriodKind.MONTH, label=m.group(0))
    return None
