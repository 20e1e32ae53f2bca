"""Metadata of a page read as text, with two page shapes read_meta alone gets wrong:

- a cover letter listing its attachments ("附件:1. 2024年…责任分解表" / "2. …") above the table:
  that list line is not the title; the table's own title (the line above its header) is;
- a letter signed by a government ("常州市钟楼区人民政府" on its own line, above the date) before
  the title, or headed by the office that issues it ("某某区人民政府办公室" / "…办公厅" on its own
  line: the office of that government): that line names the government when the title and page
  chrome do not. A page in traditional characters (青島市人民政府辦公廳) is matched on its
  simplified form and the name is kept as written;
- a title not at the top: a repost opening with junk and intro lines, a source or date line
  before an indented title, or a news page whose title and index number stand after the list.
  When no title is found above the table, a line among the first or last ``TITLE_SCAN`` lines
  of the page that has a title's shape is taken (``title_by_shape``), with a warning naming the
  line and why: it names a year and a plan or report (重点工作, 民生实事, 实事, 进展情况,
  完成情况 …), it is short, and it is neither a numbered item nor a sentence (no full stop, no
  clause break); a tag in brackets opening it (【直击两会】) is not part of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from luoshi.ingest.governmentlevel import SITE_SPELLS
from luoshi.ingest.metadata import TITLE_WORDS, infer_government, read_meta
from luoshi.ingest.model import Meta
from luoshi.ingest.periods import parse_year
from luoshi.ingest.script import to_simplified

_ATTACHMENT_LIST = re.compile(r"^附件\s*[:：]\s*\d")
_SIGNATURE = re.compile(r"^[\u4e00-\u9fa5]{2,20}人民政府(?:办公室|办公厅)?$")
# A notice's own title: "某某省人民政府关于印发…的通知" (also 办公室/办公厅).
_NOTICE = re.compile(r"^([\u4e00-\u9fa5]{2,20}?人民政府)(?:办公室|办公厅)?关于")
_NOT_NAMED = "government not named"
TITLE_SCAN = 8  # lines at the top and at the end of a page looked at for a title by its shape
_MAX_SHAPED_TITLE = 60
_TAG = re.compile(r"^\s*[【\[][^】\]]{1,10}[】\]]\s*")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
# a numbered item, or a sentence: not a title
_ITEM = re.compile(
    r"^\s*(?:[(（]?\d{1,3}[)）.、．]|[(（]?[一二三四五六七八九十]{1,3}[)）、]|[①-⑳])"
)
_SENTENCE = re.compile(r"[。!！?？;；,，:：]")


def title_by_shape(lines: Sequence[str]) -> str:
    """The first of ``lines`` shaped like a title (see the module docstring), without a tag
    in brackets opening it; "" when none is."""
    for raw in lines:
        line = _TAG.sub("", raw.strip().strip("|｜").strip())
        if not line or len(line) > _MAX_SHAPED_TITLE or _ITEM.match(line):
            continue
        simple = to_simplified(line)
        if _SENTENCE.search(simple) or not _YEAR.search(simple):
            continue
        if TITLE_WORDS.search(simple):
            return line
    return ""


def read_page_meta(
    preamble: Sequence[str], table_title: str, body: Sequence[str]
) -> tuple[Meta, list[str]]:
    """(meta, warnings) from the paragraphs before the table, its own title and its body."""
    meta, warnings = read_meta(preamble, body)
    if _ATTACHMENT_LIST.match(meta.title) and table_title and table_title != meta.title:
        meta, warnings = read_meta([table_title, *preamble], body)
    if not meta.title:
        head = list(preamble[:TITLE_SCAN])
        tail = list(body[-TITLE_SCAN:])
        for where, lines in (("among the first lines", head), ("near the end of the page", tail)):
            shaped = title_by_shape(lines)
            if shaped:
                meta, warnings = read_meta([shaped, *preamble], body)
                warnings = [w for w in warnings if not w.startswith("no title found")]
                warnings.append(
                    f"title taken from a line {where} ({shaped[:30]!r}): it names a year and a "
                    "plan or report; check it"
                )
                break
    # (a government spelled by the site's address yields to one a line of the page names)
    from_site = any(SITE_SPELLS in w for w in warnings)
    if not meta.government or from_site:
        end = preamble.index(meta.title) if meta.title in preamble else len(preamble)
        for line in preamble[:end]:
            written = line.strip()
            simple = to_simplified(written)
            notice = _NOTICE.match(simple)
            if _SIGNATURE.match(simple) or notice:
                government, _ = infer_government(notice.group(1) if notice else simple, [], [])
                if government:
                    meta.government = _as_written(government, simple, written)
                    warnings = [
                        w for w in warnings if not w.startswith(_NOT_NAMED) and SITE_SPELLS not in w
                    ]
                    break
    return meta, warnings


def _as_written(name: str, simple: str, written: str) -> str:
    """``name`` (found in the simplified line) in the line's own characters."""
    at = simple.find(name)
    if at < 0 or len(simple) != len(written):
        return name
    return written[at : at + len(name)]


# A list's name in a lead-in sentence: a year (not a date's: 2031年1月22日), words without a
# clause break, and the items' noun.
_LIST_NAME = re.compile(
    r"(?:19|20)\d{2}\s*年度?(?!\s*[\d一二三四五六七八九十]{1,2}\s*月)[^,，。;；:：]*?"
    r"(?:项目|任务|重点工作|实事|工程)(?:项目|任务|清单)?"
)
_CLAUSE_OR_DATE = re.compile(r"[,，。;；]|\d{1,2}\s*月\s*\d{1,2}\s*日")


def title_from_lead_in(meta: Meta, line: str, warnings: list[str]) -> None:
    """A page without a title whose list is announced by a line naming its items and a year
    ("某市人民政府2031年民生实事项目:"): that line is the list's title, giving the year and the
    government it names; of a sentence (…于2031年1月22日表决通过2031年某区民生实事项目10个,分别为:)
    the list's name only, the clause from the list's year to its noun."""
    title = line.strip().rstrip(":：")
    # a sentence announcing the list: its name is the clause from the list's year to its noun
    # (…于2031年1月22日表决通过2031年某市某区民生实事项目10个,分别为 -> 2031年某市某区民生实事项目)
    names = list(_LIST_NAME.finditer(to_simplified(title)))
    if names and _CLAUSE_OR_DATE.search(title):
        title = title[names[-1].start() : names[-1].end()]
    year = parse_year(title)
    if year is None:
        return
    meta.title, meta.year = title, year
    warnings[:] = [w for w in warnings if not w.startswith("no title found")]
    if not meta.government:
        simple = to_simplified(title)
        government, _ = infer_government(simple, [], [])
        if government:
            meta.government = _as_written(government, simple, title)
            warnings[:] = [w for w in warnings if not w.startswith("government not named")]
