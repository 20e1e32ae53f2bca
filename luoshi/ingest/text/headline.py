"""A page without a dated title: its headline, the place the headline opens with, and the
period the lead states (docs/formats.md, Metadata: "Pages without a dated title"); the last
rule also serves a page whose title names no period.

The title rule (:func:`luoshi.ingest.metadata.find_title`) wants a year and a report's words;
news and reposts often print a headline without a year (某城民生实事项目最新进展来了!,
某港十项重点民生实事进展如何) and date the figures in the lead (截至7月底,…) under a date line
(2030-08-21 19:28 来源:…). Three rules, applied after a layout has been read to a page that
has no title by the year rule (the third also to a title naming no period):

- HEADLINE WITHOUT A YEAR: among the first ``HEADLINE_SCAN`` non-empty lines above the list,
  the first that is shaped like a headline — ``HEADLINE_MIN`` to ``HEADLINE_MAX`` characters,
  no clause break (,;), not a label ending with a colon, not an item (1. / 一、 / (一)), not a
  publication key (索引号, 来源 …) nor a row of cells or a breadcrumb, holding a report's words (实事, 进展, 情况, 清单 …: the
  title's vocabulary, :data:`luoshi.ingest.metadata.TITLE_WORDS`) — is the page's headline.
  It is not made the title (the other readers' fallbacks for a page without a title stay as
  they are); it is read for the two things below, each warned.
- PLACE OPENING A HEADLINE: a headline opening with a place's full name (某某市…), or with a
  bare stem that jieba's dictionary (:mod:`luoshi.ingest.placenames`) lists with exactly one
  division suffix (盐城 -> 盐城市, 高港 -> 高港区; the stem itself no common word), names the
  page's government. It replaces a government only *inferred* from counting names in the text
  (warned "inferred"/"not named"), never one read from a title, source or 政府 phrase.
- AS OF IN THE LEAD: a page with no period (no title, or a title naming none) whose tasks
  carry progress takes the period from the first 截至/截止 date (截至7月底, 截止2030年9月底, 截至10月20日) in the lines above the list,
  in any clause (a lead states its date after its opening words). The year is the date's own,
  else the page's, else the page's date (a date line opening with a date in figures, or the
  publication date), the year before when the period ends after that date's month; else the
  period is kept without a year; a date in another year than the title's is another year's
  figure (截至2029年底,累计… under a 2030 title), not read. A page without progress (a plan) states its background as of
  a date (截至2029年底,已建成…): it is not read so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from luoshi.ingest.government import DIVISIONS, NOT_PLACES
from luoshi.ingest.metadata import TITLE_WORDS, opens_with_metadata_key
from luoshi.ingest.model import Meta
from luoshi.ingest.periods import parse_period, parse_year
from luoshi.ingest.placenames import PROPER_TAGS, known_place, word_tag
from luoshi.ingest.script import to_simplified

HEADLINE_SCAN = 8  # non-empty lines above the list looked at for a headline
HEADLINE_MIN = 6  # characters: shorter lines are labels or broken phrases (本 / 文 / 摘 / 要)
HEADLINE_MAX = 40  # characters: longer lines are sentences
_CLAUSE = re.compile(r"[,，;；。]")
_ITEM = re.compile(r"^\s*(?:[(（]?\d{1,3}[)）.、．]|[(（]?[一二三四五六七八九十]{1,3}[)）、]|[①-⑳])")
# a row of cells (序号 | 项目名称 | …, cells apart by tabs or wide spaces) or a breadcrumb (>)
_CELLS = re.compile(r"[|｜>\t]|\s{2,}|\u3000")
_TAG = re.compile(r"^\s*[【\[][^】\]]{1,12}[】\]]\s*")
# the suffixes a bare stem may take to name a place, lowest level last
_STEM_SUFFIXES = ("省", "市", "州", "县", "区", "旗", "镇", "乡")
_SUFFIXES = tuple(s for s, _ in DIVISIONS)


def find_headline(lead: Sequence[str]) -> str:
    """The headline above the list (HEADLINE WITHOUT A YEAR, module docstring), or ""."""
    seen = 0
    for raw in lead:
        line = _TAG.sub("", raw.strip().strip("|｜").strip())
        if not line:
            continue
        seen += 1
        if seen > HEADLINE_SCAN:
            break
        simple = to_simplified(line)
        if (
            not HEADLINE_MIN <= len(line) <= HEADLINE_MAX
            or _CLAUSE.search(simple)
            or simple.endswith((":", "："))
            or _ITEM.match(simple)
            or opens_with_metadata_key(line)
            or _CELLS.search(line)
        ):
            continue
        if TITLE_WORDS.search(simple):
            return line
    return ""


def headline_place(headline: str) -> str:
    """The place a headline opens with (PLACE OPENING A HEADLINE), as the headline writes it,
    or "". A full name (stem and suffix) is read first, the longest; then a bare stem, the
    longest, that the dictionary lists with exactly one suffix."""
    written = _TAG.sub("", headline.strip())
    simple = to_simplified(written)
    for n in range(8, 2, -1):  # a full name: 某某市 … 某某某某某某镇
        name = simple[:n]
        suffix = next((s for s in _SUFFIXES if name.endswith(s)), "")
        stem = name[: -len(suffix)] if suffix else ""
        if len(stem) >= 2 and name not in NOT_PLACES and known_place(stem, suffix):
            return written[:n] if len(simple) == len(written) else name
    for n in (4, 3, 2):  # a bare stem: 盐城, 高港
        stem = simple[:n]
        if len(stem) < n or word_tag(stem) not in (None, *PROPER_TAGS):
            continue  # a common word (民生, 重点) is no place's stem
        names = [stem + s for s in _STEM_SUFFIXES if word_tag(stem + s) == "ns"]
        if len(names) == 1 and not simple[n:].startswith(names[0][n:]):
            return (written[:n] if len(simple) == len(written) else stem) + names[0][n:]
    return ""


_AS_OF = re.compile(
    r"(?:截至|截止)\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:1[0-2]|[1-9])\s*月(?:底|末|份|\s*\d{1,2}\s*日)?"
)
_DATE_OPENING = re.compile(r"^\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?!\d)")


def page_date(meta: Meta, lead: Sequence[str]) -> date | None:
    """The page's date: its publication date, else the first line of the lead that opens with
    a date (2030-08-21 19:28 来源:…, a news site's date line)."""
    if meta.published_date or meta.written_date:
        return meta.published_date or meta.written_date
    for raw in lead[: HEADLINE_SCAN * 2]:
        m = _DATE_OPENING.match(to_simplified(raw))
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def period_as_of(meta: Meta, lead: Sequence[str]) -> str | None:
    """AS OF IN THE LEAD (module docstring): sets ``meta.period`` (and the year when the page's
    date gives it) and returns the warning, or None when the lead states no such date."""
    for line in lead:
        simple = to_simplified(line)
        m = _AS_OF.search(simple)
        if m is None:
            continue
        phrase = m.group(0)
        year, source = parse_year(phrase), "the date itself"
        if year is not None and meta.year is not None and year != meta.year:
            continue  # another year's figure (截至2029年底,累计…) under a 2030 title
        if year is None and meta.year is not None:
            year, source = meta.year, "the title"
        if year is None and (day := page_date(meta, lead)) is not None:
            probe = parse_period(phrase)
            late = probe is not None and probe.end_month > day.month
            year = day.year - (1 if late else 0)
            source = f"the page's date {day.isoformat()}"
        period = parse_period(phrase, year)
        if period is None:
            continue
        meta.period = period
        if year is not None:
            meta.year = year
        told = f"year {year} from {source}" if year is not None else "no year on the page"
        quoted = simple[max(0, m.start() - 8) :][:28]
        lacks = "names no period" if meta.title else "is missing or has no year"
        return (
            f"period {period.label!r} taken from the lead ({quoted!r}…), {told}: the page's "
            f"title {lacks}; check it"
        )
    return None


def read_headline(
    meta: Meta, lead: Sequence[str], weak_government: bool, progress: bool
) -> list[str]:
    """Apply the three rules of the module to ``meta`` of a page without a dated title; the
    warnings saying what was taken. ``weak_government``: the government was only inferred
    (or not found); ``progress``: the page's tasks carry progress."""
    said: list[str] = []
    headline = "" if meta.title else find_headline(lead)
    if headline and weak_government and (place := headline_place(headline)):
        if place != meta.government:
            said.append(
                f"government {place} taken from the headline {headline[:24]!r} (no dated title; "
                f"it opens with the place)"
                + (f", not {meta.government} counted in the text" if meta.government else "")
                + "; check it"
            )
            meta.government = place
    if meta.period is None and progress:
        why = period_as_of(meta, lead)
        if why:
            said.append(why)
    return said
