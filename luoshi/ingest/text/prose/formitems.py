"""Where the items of a page of key-value forms (:mod:`.forms`) open. Rules, true of such pages
wherever they come from:

- an *item* opens with a numbered paragraph (``15、…``, ``2.…``, ``三、…``, ``(三)…``,
  ``(3)…``, at a line start or after a space, or a line holding only a counter: ``项目一``,
  ``第二项``, or a bare number opening its line before a field's label on that line or the
  next: ``01 项目名称:…``, serial kept as written; one style per page) when the number
  follows the previous item's and a field follows it before the next number — its text is the task;
  without numbers, an item opens where the first field of the previous item comes again —
  or, when the forms have no task field, at the line right above that field when every form
  has one that is a name (no sentence, no field): it is the form's task (warned: it might be
  the last line of the value above);
- numbering restarting at 1 right under a group heading of another style on a line of its
  own ("(二)已开工建设任务共15项" then "1.…") opens new items: the heading ends the item above
  (it is no part of its value) and is named in a warning; it and the heading right above the
  first item are the group of the items under them (a row of one cell across the grid).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from luoshi.ingest.headers import header_role
from luoshi.ingest.text.prose.formlabels import unit_headings
from luoshi.ingest.text.prose.items import style_value
from luoshi.vocab import ColumnRole

# Item markers, one pattern per numbering style (group 1: the number as written; the serial
# is the marker without its trailing 、/.): 1、 1. / 一、 / (一) / (1), at a line start or
# after a space. One page numbers its items in one style: the first style giving items wins.
_ITEM_STYLES = (
    re.compile(r"(?:(?<=^)|(?<=\s))(\d{1,3})\s*[、.．](?!\d)", re.M),
    # (a numeral in words also right after a sentence's end: a page flattened onto one line,
    # "…整理汇总。(一)<task>主要内容:…" — never a decimal, unlike 1. after 。)
    re.compile(r"(?:(?<=^)|(?<=\s)|(?<=[。;；]))([一二三四五六七八九十]{1,3})\s*、", re.M),
    re.compile(r"(?:(?<=^)|(?<=\s)|(?<=[。;；]))([(（][一二三四五六七八九十]{1,3}[)）])", re.M),
    re.compile(r"(?:(?<=^)|(?<=\s))([(（]\d{1,3}[)）])", re.M),
    # a line holding only a counted name of the form (项目一, 第二项, 任务3; 項目一 in traditional
    # characters): it opens the form below it and belongs to no value
    re.compile(
        r"^[ \t\u3000]*(?:项目|項目|事项|事項|任务|任務|第)\s*([一二三四五六七八九十]{1,3}|\d{1,3})"
        r"\s*[项項]?[:：]?[ \t\u3000]*$",
        re.M,
    ),
    # a counted name of the list's items opening a paragraph, then its task after a colon
    # (实事一:减少贫困人口…; 项目2:…): the counter and colon open the form, the rest is its task
    re.compile(
        r"^[ \t\u3000]*(?:实事|项目|項目|事项|事項|任务|任務)\s*([一二三四五六七八九十]{1,3}|\d{1,3})"
        r"\s*[:：](?=[ \t\u3000]*\S)",
        re.M,
    ),
    # a bare number opening its line before a field's label, on that line or the next:
    # "01 项目名称:…", "03" over "项目名称:" (zero-padded serials kept as written; a number
    # alone over running text, a page number, opens nothing)
    re.compile(
        r"^[ \t\u3000]*(\d{1,3})[ \t\u3000]*(?:\n[ \t\u3000]*)?"
        r"(?=[\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{0,10}?\s*[:：])",
        re.M,
    ),
)


def _heading_above(text: str, at: int) -> tuple[str, int, int] | None:
    """(heading, line, start) of a group heading line right above position ``at`` (blank lines
    between allowed), or None."""
    start = text.rfind("\n", 0, at) + 1
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1]
        if line.strip():
            if _GROUP_LINE.fullmatch(line):
                return line.strip(), text.count("\n", 0, prev) + 1, prev
            return None
        start = prev
    return None


_MAX_TITLE = 40
_SENTENCE_MARK = re.compile(r"[。，,；;:：！!？?]")


def _titles_above(
    text: str, starts: list[int], labels: set[str]
) -> tuple[list[int], list[str]] | None:
    """(line starts, names) of the lines right above each unnumbered form's first field, when
    the forms have no task field and every form has such a line that is a name (at most 40
    characters, no punctuation of a sentence or a field inside): each is its form's task."""
    if any(header_role(label, have_task=True) is ColumnRole.TASK for label in labels):
        return None
    at: list[int] = []
    names: list[str] = []
    for a in starts:
        line_start = text.rfind("\n", 0, a) + 1
        if text[line_start:a].strip():
            return None  # the field does not open its line
        prev_end = line_start - 1
        while prev_end > 0 and not text[text.rfind("\n", 0, prev_end) + 1 : prev_end].strip():
            prev_end = text.rfind("\n", 0, prev_end)  # (blank lines between)
        prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1
        name = text[prev_start:prev_end].strip() if prev_end > 0 else ""
        if not name or len(name) > _MAX_TITLE or _SENTENCE_MARK.search(name.rstrip("。")):
            return None
        at.append(prev_start)
        names.append(name)
    return at, names


# A group heading on a line of its own in an outer numbering style: "(二)已开工建设任务共15项".
_GROUP_LINE = re.compile(
    r"^[ \t\u3000]*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^\n:：]*$",
    re.M,
)


def group_restarts(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Where a group heading of another numbering style (a line of its own, no field in it)
    is followed by an item numbered 1 again: the numbering restarts under the heading, so the
    heading ends the item above it and the items under it are new ones."""
    out = []
    # (a unit heading, 区委办公室(8项), is a group heading too: :mod:`.formlabels`)
    lines = [(m.start(), m.end(), m.group(0)) for m in _GROUP_LINE.finditer(text)]
    for start, _ in unit_headings(text):
        end = text.find("\n", start)
        lines.append((start, len(text) if end < 0 else end, text[start:end]))
    for start, end, line in sorted(lines):
        if pattern.match(text, start + len(line) - len(line.lstrip())):
            continue  # the items' own style
        gap = text[end : end + 200]
        # right under the heading: only blank lines between
        nxt = pattern.match(text, end + len(gap) - len(gap.lstrip()))
        if nxt and style_value(nxt.group(1).strip("()（）")) == 1:
            out.append(start)
    return out


def _between(sorted_at: list[int], lo: int, hi: int) -> bool:
    """Whether a position of the sorted list lies strictly between lo and hi."""
    k = bisect_right(sorted_at, lo)
    return k < len(sorted_at) and sorted_at[k] < hi


def _openers(
    text: str, pattern: re.Pattern[str], field_at: list[int]
) -> list[tuple[int, int, str]]:
    """Item openers (start, text start, serial) of one numbering style: numbers counting on
    from the previous opener, each with a field before the next number — or 1 again right
    under a group heading (:func:`group_restarts`)."""
    openers: list[tuple[int, int, str]] = []
    prev = 0
    restarts = group_restarts(text, pattern)
    cands = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
    values = [style_value(c[2].strip("()（）")) for c in cands]
    for k, (a, b, serial) in enumerate(cands):
        value = values[k]
        if value == 1 and openers and _between(restarts, openers[-1][0], a):
            prev = 0
        if openers and value != prev + 1:
            continue
        nxt = next(
            (c[0] for c, v in zip(cands[k + 1 :], values[k + 1 :], strict=True) if v == value + 1),
            len(text),
        )
        tail = openers and not any(f > a for f in field_at) and nxt == len(text)
        if not any(a < f < nxt for f in field_at) and not tail:
            continue  # a list item inside a value, not an item (the last one may be cut off)
        if not openers and value > 999:
            continue
        openers.append((a, b, serial))
        prev = value
    return openers
