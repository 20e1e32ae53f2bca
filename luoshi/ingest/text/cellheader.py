"""The header row of a cells-per-line table (one cell per paragraph): where it is and how
its cells split over lines are joined. Used by the text reader (reader.py).

- a ``序号`` paragraph then header-like paragraphs (short, no sentence punctuation), at least
  one naming a known column; a category column (类别, 工程名称) may stand before 序号;
- else a short task header followed by known headers only (PERIOD COLUMNS: a header naming
  a period, 第1季 / 1月 / 上半年, after a known one counts as known: a table graded or
  reported per period names its columns by the periods);
- else a header the vocabulary only partly knows (:func:`_partly_known_header`);
- cells split over lines are joined when the join names a column, a unit of measurement on a
  line of its own ends the cell before it;
- SCHEDULE SUB-HEADERS (:func:`schedule_sub_headers`): period names (第一季度 … 第四季度)
  after the header's last column are a two-level header's second line, the columns under
  its schedule cell (进度安排): the schedule is replaced by them, named 进度安排·第一季度 …;
- SPLIT WORDS (:func:`_split_word`): a piece naming no column followed by a generic tail word
  (开工 / 时间) is one header, and two pieces each naming a column whose join names one are
  one header when read apart the header would name the first piece's column twice (事项 /
  类别 before 事项名称).
"""

from __future__ import annotations

import re

from luoshi.ingest.headers import (
    INDICATOR_HEADER,
    PERIOD_WORD,
    SENTENCE_CLOSERS,
    TWO_LEVEL_JOIN,
    columns_from_headers,
    cut_header_completion,
    header_key,
    header_role,
    indicator_column_role,
    indicator_results,
    is_schedule,
    may_be_serial_pattern,
    normalise_header,
)
from luoshi.ingest.headerwords import ungroup_header
from luoshi.ingest.model import Column
from luoshi.ingest.text.rows import Para, Row, serial_of
from luoshi.ingest.text.shapes import is_group
from luoshi.vocab import ColumnRole

_MAX_HEADER_LEN = 24
_MAX_FIRST_HEADER_LEN = 10
_SENTENCE = "。;；,，!?！？"
# (one search of a cell for any of them, not a generator over the characters: asked of every
# cell of every header and header repeat)
_SENTENCE_CHAR = re.compile(f"[{_SENTENCE}]")
# A colon with text after it (a labelled value), or a list number opening the text.
NOT_A_HEADER = re.compile(r"[:：].|^(?:\d{1,3}[.、．](?!\d)|[(（]\d{1,3}[)）]|[①-⑳])")
PROGRESS_ROLES = frozenset({ColumnRole.DONE, ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS})
_SERIAL = ColumnRole.SERIAL  # (read once: see layout._TASK)
_CLOSER_CHARS = "".join(SENTENCE_CLOSERS)


def _is_header_cell(text: str) -> bool:
    """Short, no sentence punctuation, not a serial — and, true of header cells anywhere,
    neither a labelled value (责任单位：市财政局, a colon inside) nor an item opening with
    its list number (1.地区生产总值增长6.5%)."""
    h = normalise_header(text)
    return (
        0 < len(h) <= _MAX_HEADER_LEN
        and _SENTENCE_CHAR.search(h) is None
        and serial_of(Para(0, h)) is None
        and not NOT_A_HEADER.search(h)
    )


def _header_run(paras: list[Para], i: int, need_known: bool) -> int:
    """End (exclusive) of the header cells starting after paras[i]."""
    j = i + 1
    seen: set[ColumnRole] = set()
    # INDICATOR TABLE: after an indicator column, its figure columns by their own words
    indicator = bool(INDICATOR_HEADER.match(normalise_header(paras[i].text)))
    while j < len(paras) and _is_header_cell(paras[j].text):
        role = header_role(paras[j].text, have_task=ColumnRole.TASK in seen)
        if indicator and role is ColumnRole.OTHER:
            role = indicator_column_role(paras[j].text)
        # A task-like cell after the progress columns is a group row under the header
        # ("徐仁标市长牵头重点工作"), not one more column.
        if role is ColumnRole.TASK and seen & PROGRESS_ROLES:
            break
        if is_group(paras[j].text):
            break
        if (
            role is ColumnRole.OTHER
            and need_known
            and not (_joins_next(paras, j) or _joins_previous(paras, j))
            # a column named by a period (第1季, 1月) is a column too (PERIOD COLUMNS)
            and not (seen and PERIOD_WORD.match(header_key(paras[j].text)))
        ):
            break
        seen.add(role)
        j += 1
    return j


def _joins_previous(paras: list[Para], j: int) -> bool:
    """The end of a header cell split over two lines: "项目" / "名称", "完成" / "情况" (a bare
    tail word, or a piece opening with a conjunction, that joins into a known column)."""
    if j < 1 or len(normalise_header(paras[j].text)) > 4:
        return False
    tail = normalise_header(paras[j].text)
    if tail not in _HEADER_TAILS and not _is_fragment_pair([paras[j - 1].text, tail], 0):
        return False
    joined = normalise_header(paras[j - 1].text) + normalise_header(paras[j].text)
    return header_role(joined, have_task=True) is not ColumnRole.OTHER


def _joins_next(paras: list[Para], j: int) -> bool:
    """A header cell split over two lines: "区本级" / "任务数", "区政府" / "分管领导". A cell
    naming its unit of measurement (计划投资(万元)) is a whole header: nothing joins it."""
    if j + 1 >= len(paras) or len(normalise_header(paras[j].text)) > 4:
        return False
    if INDICATOR_HEADER.match(normalise_header(paras[j].text)):
        return False  # 指标名称 is a column of its own (the task, or an indicator matrix's)
    if _MEASURE_CLOSED.search(normalise_header(paras[j + 1].text)):
        return False
    joined = normalise_header(paras[j].text) + normalise_header(paras[j + 1].text)
    return header_role(joined, have_task=True) is not ColumnRole.OTHER


def find_header(paras: list[Para], start: int = 0) -> tuple[int, int] | None:
    """[start, end) paragraph indexes of a header row: a 序号 cell followed by header-like
    cells at least one of which names a known column; else (a table without 序号) a task
    header followed by known headers only."""
    # (may_be_serial: one regex search rules out most paragraphs before header_role; its
    # pattern's search bound once for the loop. Before it, a paragraph ending a sentence is
    # passed over unread: most of a table's paragraphs, and most of its characters, are
    # sentences, which header_role never reads as a column — SENTENCE_CLOSERS. Its last
    # character looked up by index: endswith would parse its tuple argument at every call.)
    may_be = may_be_serial_pattern().search
    for i in range(start, len(paras)):
        text = paras[i].text
        if (
            (text and text[-1] in _CLOSER_CHARS)
            or may_be(text) is None
            or header_role(text, have_task=False) is not _SERIAL
        ):
            continue
        j = _header_run(paras, i, need_known=False)
        cells = [paras[t].text for t in range(i + 1, j)]
        # judged on the words joined where split over lines (重点 / 工作, 完成 / 情况)
        if any(header_role(c, have_task=False) is not ColumnRole.OTHER for c in cells) or any(
            header_role(w, have_task=False) is not ColumnRole.OTHER
            for w in merge_split_headers(cells)
        ):
            # a category column (类别, 大类) may stand before 序号
            start = i
            if i and header_role(paras[i - 1].text, have_task=False) is ColumnRole.CATEGORY:
                start = i - 1
            elif i > 1 and len(normalise_header(paras[i - 2].text)) <= 4:
                joined = normalise_header(paras[i - 2].text) + normalise_header(paras[i - 1].text)
                if header_role(joined, have_task=False) is ColumnRole.CATEGORY:
                    start = i - 2  # split over two lines (工程 / 名称): joined below
            if start < i and j < len(paras) and serial_of(paras[j]) is not None:
                # the first row's category cells stand before its serial, right after the
                # header: the unknown "header" cells just before that serial are those cells
                # (one, or several when a spanned category cell was flattened more than once)
                while (
                    j - 1 > i + 1
                    and header_role(paras[j - 1].text, have_task=True) is ColumnRole.OTHER
                ):
                    j -= 1
            return start, j
    if start:
        return None
    for i in range(len(paras)):
        p = paras[i]
        if len(normalise_header(p.text)) > _MAX_FIRST_HEADER_LEN:
            continue  # a title naming 目标任务, not a header cell
        if not _is_header_cell(p.text):
            continue
        indicator = _indicator_task(paras, i)
        if (
            header_role(p.text, False) is not ColumnRole.TASK
            and not indicator
            and not (
                # the task header split over two lines: 重点 / 工作 (the second piece names
                # no column of its own: 指标名称 / 年度目标 are two cells)
                i + 1 < len(paras)
                and len(normalise_header(p.text)) <= 4
                and len(normalise_header(paras[i + 1].text)) <= 4
                and header_role(paras[i + 1].text, False) is ColumnRole.OTHER
                and header_role(p.text + paras[i + 1].text, False) is ColumnRole.TASK
            )
        ):
            continue
        split = header_role(p.text, False) is not ColumnRole.TASK and not indicator
        j = _header_run(paras, i + split, need_known=True)
        if j - i >= 3:
            if i and header_role(paras[i - 1].text, have_task=False) is ColumnRole.CATEGORY:
                i -= 1  # a category column (类别) before the task column
            return i, j
    return _partly_known_header(paras)


def _indicator_task(paras: list[Para], i: int) -> bool:
    """paras[i] is an indicator column (指标名称) heading a run of known header cells that
    names a unit column, or a target and a result: the table's task column (see
    headers.header_roles)."""
    if not INDICATOR_HEADER.match(normalise_header(paras[i].text)):
        return False
    j = _header_run(paras, i, need_known=True)
    roles = {header_role(paras[k].text, have_task=True) for k in range(i + 1, j)}
    texts = [paras[k].text for k in range(i + 1, j)]
    return bool(roles & {ColumnRole.UNITS, ColumnRole.LEAD_UNIT}) or indicator_results(texts)


_MAX_HEADER_CELLS = 16
_ANCHOR_ROLES = frozenset(
    {ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.LEADER, *PROGRESS_ROLES}
)


def _partly_known_header(paras: list[Para]) -> tuple[int, int] | None:
    """A header the vocabulary only partly knows, without 序号 (项目名称 / 建设规模 / 总投资 /
    责任单位 / 进展情况): a run of three or more short header-like paragraphs (no sentence
    punctuation, not a serial, not a group row) opening with a known column of at most
    ``_MAX_FIRST_HEADER_LEN`` characters (not a title), of which half or
    more name known columns — among them a task column and a unit, leader or progress
    column. Unknown cells at the run's end are left out (they are more likely the first row's
    short cells than columns). Tried last: the 序号 and task-first headers are surer."""
    n = len(paras)
    # Each paragraph is judged at most once (linear time): whether it can be a header cell,
    # and its role before and after a task column; a run looks at most _MAX_HEADER_CELLS.
    cells: dict[int, bool] = {}

    def cell(k: int) -> bool:
        if k not in cells:
            cells[k] = _is_header_cell(paras[k].text) and not is_group(paras[k].text)
        return cells[k]

    roles: dict[tuple[int, bool], ColumnRole] = {}

    def role(k: int, have_task: bool) -> ColumnRole:
        if (k, have_task) not in roles:
            roles[(k, have_task)] = header_role(paras[k].text, have_task=have_task)
        return roles[(k, have_task)]

    for i in range(n):
        if len(normalise_header(paras[i].text)) > _MAX_FIRST_HEADER_LEN:
            continue  # a title naming 推进情况 is not the first header cell
        if role(i, False) is ColumnRole.OTHER or not cell(i):
            continue
        j = i + 1
        while j < min(n, i + _MAX_HEADER_CELLS) and cell(j):
            j += 1
        found: list[ColumnRole] = []
        have_task = False
        for k in range(i, j):
            r = role(k, have_task)
            have_task = have_task or r is ColumnRole.TASK
            found.append(r)
        while found and found[-1] is ColumnRole.OTHER:
            found.pop()
        known = [r for r in found if r is not ColumnRole.OTHER]
        if (
            len(found) >= 3
            and len(known) >= 3
            and len(known) * 2 >= len(found)
            and ColumnRole.TASK in known
            and _ANCHOR_ROLES.intersection(known)
        ):
            return i, i + len(found)
    return None


# Words that end a header but name no column of their own in these tables: a header cell
# holding only one of them is the end of the cell before it, split over two lines.
_MEASURE_CELL = re.compile(
    r"^[(（](?:%|％|[\u4e00-\u9fa5]{1,3}|[\u4e00-\u9fa5]{1,2}/[\u4e00-\u9fa5]{1,2})[)）]$"
)
_HEADER_TAILS = frozenset({"任务", "内容", "单位", "部门", "领导", "情况", "名称"})


_JOINING = "与及和或、"
_MEASURE_CLOSED = re.compile(
    r".[(（](?:%|％|[\u4e00-\u9fa5]{1,3}|[\u4e00-\u9fa5]{1,2}/[\u4e00-\u9fa5]{1,2})[)）]$"
)


def _is_fragment_pair(texts: list[str], k: int) -> bool:
    """texts[k] and texts[k + 1] are one header split at a conjunction: a header word
    neither ends nor begins with 与/及/和/或/、 (内容 / 与要求, 进展情况及 / 下步打算)."""
    a, b = normalise_header(texts[k]), normalise_header(texts[k + 1])
    return bool(a and b) and (a[-1] in _JOINING or b[0] in _JOINING)


# Tail words that name no column alone but end a header split over two lines: 开工 / 时间.
_GENERIC_TAILS = frozenset({"时间", "日期", "年限", "金额", "规模"})


def _split_word(texts: list[str], k: int) -> bool:
    """texts[k] and texts[k + 1] are one header split over two lines by what the header says
    (SPLIT WORDS, true of a header in any flattening):

    - a short piece naming no column followed by a generic tail word (时间, 日期) that names
      none either: 开工 / 时间 and 竣工 / 时间 are two headers, 开工时间 and 竣工时间, not four;
    - two short pieces each naming a column, whose join names one too, when the first
      piece's role comes back later in the header, so that read apart the header would have
      that column twice: 事项 / 类别 before 事项名称 is 事项类别 (a category) beside the task.
    """
    a, b = normalise_header(texts[k]), normalise_header(texts[k + 1])
    if not (0 < len(a) <= 4 and 0 < len(b) <= 4):
        return False
    first = header_role(a, have_task=False)
    if first is ColumnRole.SERIAL:
        return False
    if b in _GENERIC_TAILS:
        return first is ColumnRole.OTHER and header_role(b, have_task=False) is ColumnRole.OTHER
    if first is ColumnRole.OTHER or header_role(b, have_task=False) is ColumnRole.OTHER:
        return False
    joined = header_role(a + b, have_task=False)
    if joined in (ColumnRole.OTHER, first):
        return False
    # the later cells read as the header reads them, after a task column (目标任务 there is
    # the target, not a second task)
    return any(header_role(t, have_task=True) is first for t in texts[k + 2 :])


def merge_split_headers(texts: list[str]) -> list[str]:
    """Header cells split over two lines joined: a cell naming no column with the next when
    the two together name one (区本级 / 任务数), and a cell with a bare tail word after it
    (攻坚目标 / 任务, 重点工作 / 任务) when the join names a column."""
    return [w for w, _ in join_split_headers(texts)]


def join_split_headers(texts: list[str]) -> list[tuple[str, int]]:
    """:func:`merge_split_headers` with, for each header word, how many cells it took."""
    out: list[tuple[str, int]] = []
    k = 0
    while k < len(texts):
        if out and _MEASURE_CELL.match(normalise_header(texts[k])):
            # a cell holding only a unit of measurement, (%), (万元), (人): the end of the
            # header before it, wrapped onto a line of its own
            out[-1] = (normalise_header(out[-1][0]) + normalise_header(texts[k]), out[-1][1] + 1)
            k += 1
            continue
        if k + 1 < len(texts) and _split_word(texts, k):
            out.append((normalise_header(texts[k]) + normalise_header(texts[k + 1]), 2))
            k += 2
            continue
        paras = [Para(0, t) for t in texts[k : k + 2]]
        tail = k + 1 < len(texts) and (
            normalise_header(texts[k + 1]) in _HEADER_TAILS or _is_fragment_pair(texts, k)
        )
        if tail and header_role(texts[k], have_task=False) is not ColumnRole.SERIAL:
            joined = normalise_header(texts[k]) + normalise_header(texts[k + 1])
            if header_role(joined, have_task=True) is not ColumnRole.OTHER:
                out.append((joined, 2))
                k += 2
                continue
        if (
            header_role(texts[k], have_task=True) is ColumnRole.OTHER
            and _joins_next(paras, 0)
            and not _cut_alone(texts, k)
        ):
            out.append((normalise_header(texts[k]) + normalise_header(texts[k + 1]), 2))
            k += 2
        else:
            out.append((texts[k], 1))
            k += 1
    return out


def _cut_alone(texts: list[str], k: int) -> bool:
    """texts[k] is a header cut short (CUT HEADER, :func:`cut_header_completion`: 主要领)
    whose lost end does not open the next cell (主要领 / 承办单位, not 主要领 / 导): a column
    of its own, not the head of the next."""
    whole = cut_header_completion(texts[k])
    if whole is None:
        return False
    lost = whole[len(header_key(texts[k])) :]
    return not header_key(texts[k + 1]).startswith(lost)


def schedule_sub_headers(words: list[str]) -> tuple[list[str], str | None]:
    """The header words with a trailing run of two or more period names (第一季度, 第二季度 …)
    put under the header's one schedule cell (进度安排, 时间安排), which they replace: a flattened
    two-level header writes the top line, then the second line's cells. With a warning; the
    words unchanged when there is no such run or not exactly one schedule cell (the
    alternative, periods as columns of their own at the end, is then kept)."""
    k = len(words)
    while k and PERIOD_WORD.match(header_key(words[k - 1])):
        k -= 1
    subs = words[k:]
    tops = [i for i in range(k) if is_schedule(words[i])]
    if len(subs) < 2 or len(tops) != 1:
        return words, None
    p = tops[0]
    top = normalise_header(words[p])
    names = [f"{top}{TWO_LEVEL_JOIN}{normalise_header(w)}" for w in subs]
    note = (
        f"a header over two lines: {top} spans {'/'.join(subs)} (the plan for each period, "
        "not progress; the alternative, period columns after the last, was not taken)"
    )
    return [*words[:p], *names, *words[p + 1 : k]], note


def grouping_header(rows: list[Row], columns: list[Column]) -> tuple[list[Column], str] | None:
    """The columns under a GROUPING HEADER (headerwords.ungroup_header) when the numbered
    rows (the last, perhaps cut off, left out) mostly hold one cell fewer than the header
    names, and the header has a top word spanning its last words; with the warning."""
    widths = [len(r.paras) + 1 for r in rows[:-1]]  # (+1: the serial)
    if len(widths) < 2:
        return None
    grouped = ungroup_header([c.header for c in columns], max(set(widths), key=widths.count))
    if grouped is None:
        return None
    return columns_from_headers(grouped[0])[0], grouped[1]


def unknown_header(message: str) -> str | None:
    """The header an "unknown column header 'X': …" warning names, else None."""
    m = re.match(r"unknown column header '([^']*)'", message)
    return m.group(1) if m else None
