"""The year and period of a page whose title names none, or which has no title: the report's
own date line, the latest period labelling its progress, its opening sentence, the first lines
and the page's date, a progress cell, and the date in its address; failing those, a year the
opening sets off as a clause of its own (TOPIC YEAR; with the counted list said all done, the
year-end: ALL DONE), the latest of the rows' year-quarter keys (YEAR-QUARTER KEYS), or the
one year the cells set targets for (YEAR OF THE TARGETS). Each is warned; nothing is taken from
outside the page's text but its address's date.

Pure Python; :func:`luoshi.ingest.metadata.read_meta` and the text reader call these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from luoshi.ingest.metawords import (
    CLAUSE_BREAK,
    OPENING_PARAGRAPHS,
    OPENING_PERIOD_SPAN,
    SENTENCE_END,
    arabic_years,
    strip_bullet,
)
from luoshi.ingest.model import Meta, Period
from luoshi.ingest.periods import parse_period, parse_year
from luoshi.ingest.script import to_simplified
from luoshi.vocab import PeriodKind

# A report's own date line among its first lines: a date alone, perhaps in brackets, in
# arabic or Chinese numerals ((二〇三〇年五月十二日), 2030年5月12日). With no period named
# elsewhere and the opening naming progress (进展情况, 完成情况), the report covers the year to
# that day: period month, ending on it (warned).
DATE_LINE_SCAN = 8
_DATE_LINE = re.compile(
    r"^[(（]?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[)）]?$"
)


def _cn_number(text: str) -> int:
    """1 to 31 written in digits or Chinese numerals (十二, 二十一, 三十)."""
    if text.isdigit():
        return int(text)
    digits = {c: n for n, c in enumerate("一二三四五六七八九", 1)}
    if "十" not in text:
        return digits.get(text, 0)
    tens, _, ones = text.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(ones, 0)


def date_line(lines: Sequence[str]) -> tuple[str, date] | None:
    """(line, date) of the first line that is only a date (a report's date line), or None."""
    for raw in lines:
        line = strip_bullet(raw)
        m = _DATE_LINE.match(arabic_years(line))
        if m is None:
            continue
        try:
            return line, date(int(m.group(1)), _cn_number(m.group(2)), _cn_number(m.group(3)))
        except ValueError:
            continue
    return None


# A line opening with a period and a colon, labelling the progress made in it (第三季度:…,
# 1-6月:…, 上半年:…); the label is at most 8 characters.
_PERIOD_LABEL = re.compile(r"^\s*([^:：\s]{2,8})\s*[:：]")


def latest_labelled_period(lines: Sequence[str], year: int) -> Period | None:
    """The latest period labelling a line of the table (第一季度:… 第三季度:… -> Q3), or None.
    Progress reported period by period is cumulative, so the last period reported is the
    report's. The label must be a period and nothing else (no plan: 2030年计划:)."""
    latest: Period | None = None
    # (a cell may hold several labelled lines: 第一季度:…\n第三季度:…)
    for line in (part for cell in lines for part in cell.splitlines()):
        m = _PERIOD_LABEL.match(line)
        if not m:
            continue
        label = to_simplified(m.group(1))
        period = parse_period(label, year)
        if (
            period is not None
            and period.kind is not PeriodKind.PLAN
            and period.label == label
            and period.end_date is not None
            and (latest is None or latest.end_date is None or period.end_date > latest.end_date)
        ):
            latest = period
    return latest


_DATED_OPENING = re.compile(r"^\s*(?:截至|截止|至)?\s*(?:19|20)\d{2}\s*年")


def period_from_opening(meta: Meta, preamble: Sequence[str]) -> str:
    """For a page without a title: the year and period its opening sentence states in its
    first clause (截至2030年9月底,… / 2030年1-6月,…), set on ``meta``; the warning saying what was
    taken, or that nothing was. When the dated first clause names no period (2030年十件实事计划
    投资50亿元,上半年完成30亿元), a later clause of the same sentence that *opens* with a period
    word and says what was done gives it (:func:`_period_clause`). The first sentences of each
    opening paragraph are read (a report may open with its grounds, 按照…部署,…。, and date its
    figures in the next sentence); the first one the date opens decides."""
    for sentence in _lead_sentences([strip_bullet(p) for p in preamble if strip_bullet(p)]):
        clauses = CLAUSE_BREAK.split(arabic_years(to_simplified(sentence)))
        first = clauses[0]
        if not _DATED_OPENING.match(first):
            continue  # the date must open the clause: 与2029年上半年相比 looks back
        year = parse_year(first[:OPENING_PERIOD_SPAN])
        period = parse_period(first[:OPENING_PERIOD_SPAN], year) or _period_clause(
            clauses[1:], year
        )
        if year is not None and period is not None and period.kind is not PeriodKind.PLAN:
            meta.year, meta.period = year, period
            return (
                f"no title found above the table: year {year} and period {period.label!r} taken "
                f"from the opening sentence ({sentence[:24]!r}…); check them"
            )
    if (dated := _period_by_date(meta, preamble)) is not None:
        return dated
    if (topic := _topic_year(preamble)) is not None:
        year, sentence = topic
        meta.year = year
        lines = [strip_bullet(p) for p in preamble if strip_bullet(p)][:DATE_LINE_SCAN]
        done = next((m for p in lines if (m := _ALL_DONE.search(to_simplified(p)))), None)
        if done is not None:
            meta.period = Period(PeriodKind.ANNUAL, done.group(0), end_date=date(year, 12, 31))
            return (
                f"no title found above the table: year {year} taken from the opening, which "
                f"sets it off ({sentence[:24]!r}…), and the whole year from {done.group(0)!r} "
                "(the counted list all done: a year-end report); check them"
            )
        return (
            f"no title found above the table: year {year} taken from the opening, which sets "
            f"it off ({sentence[:24]!r}…); period unknown; check them"
        )
    return "no title found above the table: year and period unknown"


# TOPIC YEAR: a year set off by a comma as a clause of its own (2015年,秦安县继续办好…;
# 2月11日,记者了解到,2015年,…) says which year the page reports on; a year running on into its
# clause (2019年全市生产总值增长…) is the year of a figure, not the page's.
_TOPIC_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年度?\s*$")


# ALL DONE: the page's counted list said to be all done in one clause (15件民生实事全完成了,
# 承诺的10项实事已经全部完成): with a TOPIC YEAR, the report of that whole year. (全面完成目标任务
# without a count is one task's progress.)
_ALL_DONE = re.compile(
    r"[\d一二三四五六七八九十]+\s*[件项個个]\s*[^,，;；。]{0,12}?(?:已经|已)?(?:全部|全面|均已|都已|全)完成"
)


def _topic_year(preamble: Sequence[str]) -> tuple[int, str] | None:
    """(year, sentence) of the first TOPIC YEAR among the opening's lead sentences, or None.
    Read last, when no sentence, date line or period word gives the year; a news page puts
    its headline, date and source lines above the lead, so the first DATE_LINE_SCAN lines are
    read."""
    lines = [strip_bullet(p) for p in preamble if strip_bullet(p)][:DATE_LINE_SCAN]
    for sentence in (s for p in lines for s in _lead_sentences([p])):
        for clause in CLAUSE_BREAK.split(arabic_years(to_simplified(sentence))):
            if m := _TOPIC_YEAR.match(clause):
                return int(m.group(1)), sentence
    return None


# A line holding only a date in figures (2020-08-08, 2020/8/8, • 2020-08-08): the page's
# publication date, as news sites print it under the headline.
_FIGURE_DATE_LINE = re.compile(r"^((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})$")


def _period_by_date(meta: Meta, preamble: Sequence[str]) -> str | None:
    """PERIOD BY THE PAGE'S DATE: a page with no title whose first lines name a period without
    a year in their opening words (县府召开上半年度…会议) and that prints its publication date
    (a line holding only a date, or 发布时间:…) is of that period in the date's year — the year
    before when the period ends after the date's month (a year-end report published in
    January). Sets ``meta``; the warning, or None when the page gives no such period and date."""
    day = meta.published_date
    for raw in preamble[:DATE_LINE_SCAN] if day is None else ():
        line = strip_bullet(raw)
        if m := _FIGURE_DATE_LINE.match(line):
            try:
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            break
    if day is None:
        day = found[1] if (found := date_line(preamble[:DATE_LINE_SCAN])) else None
    if day is None:
        return None
    for p in [strip_bullet(x) for x in preamble if strip_bullet(x)][:OPENING_PARAGRAPHS]:
        head = arabic_years(to_simplified(p))[:OPENING_PERIOD_SPAN]
        if parse_year(head) is not None or (period := parse_period(head)) is None:
            continue  # a dated opening is read by the sentence rule above
        if period.kind is PeriodKind.PLAN or not 1 <= period.end_month <= 12:
            continue
        year = day.year - (1 if period.end_month > day.month else 0)
        meta.year, meta.period = year, parse_period(head, year)
        return (
            f"no title found above the table: period {period.label!r} taken from the page's "
            f"first lines ({p[:20]!r}…) and year {year} from its date {day.isoformat()}; "
            "check them"
        )
    return None


LEAD_SENTENCES = 3  # sentences read at the start of each opening paragraph for its date


def _lead_sentences(paragraphs: Sequence[str]) -> list[str]:
    """The first LEAD_SENTENCES sentences of each of the first paragraphs, in order."""
    return [
        sentence
        for p in paragraphs[:OPENING_PARAGRAPHS]
        for sentence in SENTENCE_END.split(p.strip(), LEAD_SENTENCES)[:LEAD_SENTENCES]
    ]


# What a clause says was done in the period opening it: 上半年实际完成投资…, 1-9月已建成….
_DONE_WORDS = re.compile(r"完成|建成|实现|开工|竣工|进展|落实")


def _period_clause(clauses: Sequence[str], year: int | None) -> Period | None:
    """The period of the first clause that opens with a period word and says what was done
    (上半年实际完成投资156亿元 -> H1), or None. A clause naming the period further in (与上半年
    相比, 比一季度提高) compares with it and is not read; a plan is no report's period."""
    for clause in clauses:
        clause = clause.strip()
        period = parse_period(clause[:OPENING_PERIOD_SPAN], year)
        if (
            period is not None
            and period.kind is not PeriodKind.PLAN
            and clause.startswith(period.label)
            and _DONE_WORDS.search(clause)
        ):
            return period
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(\d{1,2})[/-]?(\d{1,2})/")
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})?/")


def date_from_url(url: str) -> date | None:
    """The date a government site puts in its article paths (/art/2021/5/25/, /202203/)."""
    m = _URL_DATE.search(url)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = _URL_DATE_COMPACT.search(url)
    if m and 1 <= int(m.group(2)) <= 12:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    return None


def period_without_title(meta: Meta, cells: Sequence[str], url: str = "") -> str | None:
    """For a page without a title: the period a progress cell names ("一季度,开展…") and the
    year from the publication date (the page's, else its URL's): a period ending after the
    publication month belongs to the year before. Sets meta.year/period; returns the warning
    to give, or None when nothing was found."""
    published = meta.published_date or meta.written_date or date_from_url(url)
    for text in cells:
        period = parse_period(text[:40])
        if period is None:
            continue
        year = parse_year(text[:40])
        source = "the cell"
        if year is None and published is not None:
            year = published.year - (1 if period.end_month > published.month else 0)
            source = f"the publication date {published.isoformat()}"
        if year is None:
            continue
        meta.year = year
        meta.period = parse_period(text[:40], year)
        return (
            f"no title: period {period.label!r} taken from a progress cell ({text[:20]!r}…) and "
            f"year {year} from {source}; check them"
        )
    return None


# YEAR-QUARTER KEYS: rows keyed by the year and quarter each is due, under a key column
# (年度季别: 1081 = year 108 of the ROC calendar, quarter 1; 20311 = 2031, quarter 1). A page that
# names no year is of the latest key's year: the report stands at its latest milestone.
_KEY_HEADER = re.compile(r"^年度?季[别別]$")
_YEAR_QUARTER_KEY = re.compile(r"^(\d{2,4})([1-4])$")
_ROC_OFFSET = 1911  # ROC year 1 = 1912


def year_from_keys(meta: Meta, headers: Sequence[str], serials: Sequence[str]) -> str | None:
    """YEAR-QUARTER KEYS (above): sets ``meta.year`` from the latest key when the first
    column is a year-quarter key column, every row's serial is a key and the page names no
    year; returns the warning, or None (nothing set)."""
    if meta.year is not None or not headers or not serials:
        return None
    if not _KEY_HEADER.match(to_simplified(headers[0]).replace(" ", "")):
        return None
    years: list[int] = []
    for serial in serials:
        m = _YEAR_QUARTER_KEY.match(serial.strip())
        if m is None:
            return None
        year = int(m.group(1))
        years.append(year + _ROC_OFFSET if year < 1000 else year)
    latest = max(years)
    if not 1990 < latest < 2100:
        return None
    meta.year = latest
    return (
        f"year {latest} taken from the latest row key ({headers[0]} "
        f"{serials[years.index(latest)].strip()}): the page names no year; check it"
    )


# YEAR OF THE TARGETS: a page that names no year elsewhere but whose cells set a target or plan
# for one year, and one only (2031年目标建成…, 2031年度计划…), lists that year's tasks; a deadline
# (到2031年目标…, 2031年底前) or targets for several years give none.
_TARGET_YEAR = re.compile(r"(?<![到至前\d])((?:19|20)\d{2})\s*年度?(?:工作)?(?:目标|计划|任务)")


def year_of_targets(meta: Meta, cells: Sequence[str]) -> str | None:
    """YEAR OF THE TARGETS (above): sets ``meta.year`` when the page has none and the cells
    name one target year; returns the warning, or None (nothing set)."""
    if meta.year is not None:
        return None
    found = {m.group(1): m.group(0) for cell in cells for m in _TARGET_YEAR.finditer(cell)}
    if len(found) != 1:
        return None
    ((year, said),) = found.items()
    meta.year = int(year)
    return (
        f"year {year} taken from a cell setting that year's target ({said!r}): the page names "
        "no year of its own; check it"
    )
