"""A **counted name list**: a page (often news) giving a list of projects as bare names, one
per line, without numbers or units, under a heading that counts them::

    2030年全市10大民生实事项目        (the heading: a count, then a word of projects)
    (按得票多少排序)                   (an optional note in brackets)
    中小学校舍建设工程项目             (ten names of work, one per line)
    …

Rule (COUNTED NAME LIST), true of such pages wherever they come from: a line of at most 40
characters, no sentence, counting projects (a count 2–30 in figures or numerals, then 大, 项,
件, 个, 条 or 点, then 项目, 实事, 工程 or 任务 on the line), followed — after at most one note
in brackets — by exactly that many consecutive lines each naming work (a name: at most 30
characters, no sentence mark inside, naming a project or opening with a verb of work,
:func:`~.content.is_heading`) is a list of that many tasks: each line a task, numbered by its
place in the list, no unit. The count must equal the run: without it a run of short lines is a
site's navigation or a story's headings, and nothing is read. Such a list names what is to be
done: its period is a plan when the page gives none. Always warned, with the alternative (a
news story quoting the list). Tried last, after every other paragraph reader.

The same list may be written inline, in one sentence (COUNTED INLINE LIST)::

    今年将办好八件民生实事,分别是:新建…;改造…;……;实施…。

A sentence counting items as above (traditional script read as simplified: 十件民生實事),
then a word announcing them (分别是, 分别为, 包括, 是, 为) and a colon, followed — up to the
sentence's full stop — by exactly that many parts separated by semicolons (；;), each naming
work (2–80 characters, no full stop inside), is a list of that many tasks, each part a task
as written. Again the count must equal the parts: a sentence listing things without counting
them, or counting a different number, is a story's, and nothing is read. A plan when the page
gives no period; warned with the alternative (news quoting the list).
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.content import is_heading
from luoshi.ingest.text.rows import Para

COUNTED_LAYOUT = "counted-list"
_HEADER = ("序号", "任务内容")
_MAX_HEADING = 40
_NUMERALS = "一二三四五六七八九十"
_COUNT = re.compile(
    rf"(\d{{1,2}}|[{_NUMERALS}]{{1,3}})\s*(?:大|项|件|个|条|点)[^。;；,，]{{0,20}}?"
    r"(?:项目|实事|工程|任务)"
)
_NOTE = re.compile(r"^[(（][^()（）]{1,30}[)）]$")
_SENTENCE_MARK = re.compile(r"[。;；,，:：!！?？]")
_MIN_COUNT = 2
_MAX_COUNT = 30


def _count(text: str) -> int | None:
    if len(text) > _MAX_HEADING or _SENTENCE_MARK.search(text.rstrip("!！")):
        return None
    m = _COUNT.search(text)
    if m is None:
        return None
    return _number(m.group(1))


def _number(word: str) -> int | None:
    """2–30 written in figures or numerals (4, 十, 十二, 二十五); None outside it."""
    if word.isdigit():
        n = int(word)
    else:  # 十, 十二, 二十, 二十五
        tens, _, units = word.partition("十")
        if "十" not in word:
            n = _NUMERALS.index(word) + 1 if len(word) == 1 else 0
        else:
            n = (_NUMERALS.index(tens) + 1 if tens else 1) * 10
            n += _NUMERALS.index(units) + 1 if units else 0
    return n if _MIN_COUNT <= n <= _MAX_COUNT else None


def _is_name(text: str) -> bool:
    return is_heading(text) and not _SENTENCE_MARK.search(text)


def counted_list_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a counted name list (rule above), or None when the page holds none."""
    for k, para in enumerate(paras):
        n = _count(para.text)
        if n is None:
            continue
        start = k + 1
        if start < len(paras) and _NOTE.match(paras[start].text):
            start += 1
        run = paras[start : start + n]
        if len(run) < n or not all(_is_name(p.text) for p in run):
            continue
        if start + n < len(paras) and _is_name(paras[start + n].text):
            continue  # the run goes on past the count: not the list counted
        # (an empty 序号 column: the rows are numbered by their place in the list, said)
        rows = _name_rows(para.line, [(p.line, p.text) for p in run])
        warning = (
            para.line,
            f"an unnumbered list of {n} names under a heading counting them "
            f"({para.text[:24]!r}): read as {n} tasks without units — the alternative is a "
            "news story quoting the list",
        )
        return Grid(rows=rows, preamble=[p.text for p in paras[: k + 1]]), [warning]
    return _inline_list_grid(paras)


# The count, what it counts, the word announcing the parts and a colon (rule above): the
# announcement must be in the same clause as the count (no full stop or semicolon between)
_INLINE = re.compile(
    rf"(\d{{1,2}}|[{_NUMERALS}]{{1,3}})\s*(?:大|项|件|个|条|点)[^。;；]{{0,20}}?"
    r"(?:项目|实事|工程|任务)[^。;；:：]{0,8}?(?:分别是|分别为|包括|是|为)\s*[:：]"
)
_PART_SEP = re.compile(r"[;；]")
_MIN_PART, _MAX_PART = 2, 80


def _name_rows(head_line: int, names: list[tuple[int, str]]) -> list[list[GridCell | None]]:
    """The rows of a counted list: the header (its line the counting sentence's), then one row
    per (line, name), its 序号 cell empty (numbered by its place in the list)."""
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=head_line) for c, h in enumerate(_HEADER)]
    ]
    rows += [
        [GridCell("", r, 0, line=line), GridCell(text, r, 1, line=line)]
        for r, (line, text) in enumerate(names, 1)
    ]
    return rows


def _inline_list_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a counted inline list (COUNTED INLINE LIST above), or None."""
    for k, para in enumerate(paras):
        plain = to_simplified(para.text)  # character for character: offsets hold
        for m in _INLINE.finditer(plain):
            n = _number(m.group(1))
            end = para.text.find("。", m.end())
            listed = para.text[m.end() : end if end >= 0 else len(para.text)]
            parts = [x.strip() for x in _PART_SEP.split(listed)]
            if n is None or len(parts) != n:
                continue
            if not all(_MIN_PART <= len(x) <= _MAX_PART for x in parts):
                continue
            # (an empty 序号 column, as for the list of lines: the grid's header needs two)
            rows = _name_rows(para.line, [(para.line, x) for x in parts])
            warning = (
                para.line,
                f"{n} items listed inline after a sentence counting them "
                f"({para.text[m.start() : m.end()]!r}), separated by semicolons: read as {n} "
                "tasks without units — the alternative is a news story quoting the list",
            )
            return Grid(rows=rows, preamble=[p.text for p in paras[:k]]), [warning]
    return None
