"""Splitting a run of paragraphs into consecutive table cells when nothing marks the borders.

A page flattened to text writes the cells of one row one after another: for the six-column
layout, after serial, task and units come the 完成情况, 存在问题 and 下一步 cells, each one or
more paragraphs, and sometimes the row is split into sub-rows each opened by a short
sub-heading line. We choose the split with the best total score, by dynamic programming over
paragraph boundaries. A cell's score adds up evidence:

- list numbering restarts in each cell: "1." after "3." inside one cell is very unlikely, a
  cell opening on "2." even more so, and 1., 2., 3. running on inside a cell is expected;
- an empty-cell mark ("——") is a whole cell by itself;
- wording: difficulties (尚未, 难度较大, 有待…) and plans (继续, 加快, 力争…) — see ``cues``;
  the first paragraph of a cell counts double, it is where a writer says what follows; a cue
  is a word, not characters that straddle two words ("项目前期" holds no 目前 "at present"):
  a later sub-row may drop a cell cheaply (spanned, below), so one false cue can move a
  paragraph into the cell before it;
- a sub-heading is short, unnumbered and echoes the task text; a row split into sub-rows has
  at least two of them (one sub-row is just a row); a later sub-row may lack cells that an
  earlier sub-row's cell spans (rowspan: written once, in the first sub-row);
- a cell may be missing altogether (an empty cell written without "——"), at a cost that is
  high where the table marks its other empty cells.

The weights are round numbers set by reasoning about these signals, not fitted to a seed.
Each paragraph's features (numbering, empty mark, wording per column, sub-heading score) are
computed once per row, and both splits read the cell scores made from them.

FORCED SPLIT: a cell never runs over an empty mark and a mark is a cell by itself, so the
marks and the runs of paragraphs between them ("blocks") each need a cell of their own. A row
with as many blocks as columns has one plain split only, one cell per block (no scores are
needed to choose it); a row with more blocks than columns has none. Scores are made only where
they choose: fewer blocks than columns, or sub-rows to try.

PLAIN BOUND: a plain split's score is at most the sum, over the paragraphs that are no empty
mark (a mark is a cell scoring 0), of each one's best wording over the columns, plus the k
largest positive first-paragraph extras (k cells, one start each), plus the positive numbering
pairs; headings, missing cells and lists opened mid-way only take away. Sub-rows are tried
first: when their split already scores more than that bound, the plain split cannot win and is
not made (the same split chosen, without its dynamic programming).
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from luoshi.ingest.budgets import check, check_time
from luoshi.ingest.cells import Numbering, empty_marks, is_empty_mark, numbering, numberings
from luoshi.ingest.text.cues import cue_scores
from luoshi.vocab import ColumnRole

NEG = float("-inf")
_CLAUSE = re.compile(r"[,，;；:：。!！?？]")

# Numbering evidence.
CONTINUE = 1.0  # n followed by n+1 inside a cell
RESTART = 6.0  # a list restarting (n then 1) inside one cell
BACKWARD = 4.0  # n then m <= n (not 1), or a jump, inside a cell
OPEN_MID_LIST = 8.0  # a cell whose first list number is not 1
UNNUMBERED_AFTER_LIST = 0.8  # a plain paragraph after a numbered one, same cell
# Wording evidence.
LEXICAL = 1.0
FIRST_EXTRA = 1.0  # the first paragraph's wording counts (1 + FIRST_EXTRA) times
# Sub-headings.
HEADING_MAX_LEN = 80
HEADING_MIN_ECHO = 0.4
HEADING_MIN_ECHO_TITLED = 0.25
TITLE_SHAPE = 0.5
HEADING_ECHO = 4.0
HEADING_COST = 1.5
# An empty cell written without a mark is rarer than a present one; in a table that marks its
# empty cells ("——") it takes overwhelming evidence (a list that would open on "2.").
MISSING_COST = 2.0
MISSING_COST_MARKED = 7.0
SPANNED_COST = 0.5  # per cell of a sub-row missing because an earlier sub-row's spans it


class SegItem(NamedTuple):
    """One (sub-)row: the heading paragraph index or None, and a [start, end) range per
    column. (A named tuple: one or more for every row, made at tuple speed.)"""

    heading: int | None
    cells: tuple[tuple[int, int], ...]


# (a named tuple's own __new__ is a Python function around this: the items of most rows are
# made by it directly, fields in order)
_NEW = tuple.__new__


_NOT_ALNUM = re.compile(r"[\W_]")  # [^\W_] is exactly str.isalnum in re


def _bigrams(text: str) -> frozenset[str]:
    # (a page repeats its short lines, the sub-heading candidates: each split once; a long
    # text is not kept, so the cache holds a bounded amount of text)
    return _line_bigrams(text) if len(text) <= HEADING_MAX_LEN else _line_bigrams.__wrapped__(text)


@lru_cache(maxsize=4096)
def _line_bigrams(text: str) -> frozenset[str]:
    chars = _NOT_ALNUM.sub("", text)
    return frozenset(map(operator.add, chars, chars[1:]))


def heading_echo(paragraph: str, task_text: str) -> float:
    """Share of the paragraph's character bigrams (letters and digits) that occur in the task
    text."""
    return _echo(_bigrams(paragraph), _NOT_ALNUM.sub("", task_text))


def _echo(grams: frozenset[str], task_chars: str) -> float:
    # (the paragraph's bigrams that are the task's, counted by one set intersection: a row
    # asks this of each of its short lines with the same task)
    return len(grams & _task_bigrams(task_chars)) / len(grams) if grams else 0.0


@lru_cache(maxsize=256)
def _task_bigrams(task_chars: str) -> frozenset[str]:
    # (the task texts of the rows a page is being read at: a bounded number of them)
    return frozenset(map(operator.add, task_chars, task_chars[1:]))


def _heading_score(p: str, task_chars: str) -> float:
    """Sub-heading score of an unnumbered paragraph that is no empty mark (NEG: none)."""
    if len(p) > HEADING_MAX_LEN or p.endswith((":", "：")):
        return NEG  # "小门环岛路二标段:" labels what follows inside the same cell
    echo = _echo(_bigrams(p), task_chars)  # heading_echo(p, task text)
    if echo < min(HEADING_MIN_ECHO_TITLED, HEADING_MIN_ECHO):
        # too little echo whatever the shape (most lines; one without letters has none):
        # shape not needed
        return NEG
    # A title-shaped line (short, one clause, no figures) needs less echo of the task.
    titled = len(p) <= 20 and not _CLAUSE.search(p.rstrip("。")) and not any(map(str.isdigit, p))
    if echo < (HEADING_MIN_ECHO_TITLED if titled else HEADING_MIN_ECHO):
        return NEG
    return HEADING_ECHO * echo - len(p) / 40 - HEADING_COST + (TITLE_SHAPE if titled else 0.0)


def _pair(a: Numbering | None, b: Numbering | None) -> float:
    """Numbering evidence of two paragraphs, numbered ``a`` then ``b``, in one cell."""
    if a is None and b is None:
        return 0.0
    if a is not None and b is None:
        return -UNNUMBERED_AFTER_LIST
    if a is None:
        return 0.0 if b.value == 1 else -OPEN_MID_LIST
    if a.scheme != b.scheme:
        return 0.0 if b.value == 1 else -BACKWARD
    if b.value == a.value + 1:
        return CONTINUE
    if b.value == 1:
        return -RESTART
    return -BACKWARD


class _Scorer:
    """The features of each paragraph of a row (numbering, empty mark, wording per column,
    sub-heading score), computed once in one pass, and the scores of every cell the two
    splits can ask for, computed once from them: ``span(r, i)[j - i - 1]`` is the score of
    paragraphs [i, j) as a cell of column r."""

    def __init__(
        self,
        paras: Sequence[str],
        roles: Sequence[ColumnRole],
        task_text: str,
        empty: list[bool] | None = None,
        first_head: float | None = None,
        task_chars: str | None = None,
    ):
        n = len(paras)
        self.n = n
        self.k = len(roles)
        nums = self.nums = numberings(paras)
        if empty is None:
            empty = empty_marks(paras)
        self.empty = empty
        self._paras, self._roles = paras, roles
        self.aff: list[list[float]] = []  # wording, made when a cell is first scored
        self.aff_sum: list[list[float]] = []
        # Prefix sums of the pair scores.
        # (accumulate adds left to right from the initial value: the same sums as a loop.)
        pair = self.pair = list(map(_pair, nums, itertools.islice(nums, 1, None)))
        self.pair_sum = list(itertools.accumulate(pair, initial=0.0))
        # First numbered paragraph at or after i; first empty mark at or after i.
        next_num = self.next_num = [n] * (n + 1)
        next_empty = self.next_empty = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            next_num[i] = i if nums[i] is not None else next_num[i + 1]
            next_empty[i] = i if empty[i] else next_empty[i + 1]
        # Sub-rows need a heading first; when the first paragraph cannot be one, no line is
        # treated as a heading at all. The task's letters are taken out when first needed
        # (often the first paragraph is ruled out by its shape alone).
        # (``first_head``: the first paragraph's heading score when the caller has it, with the
        # task's letters and digits ``task_chars``)
        self._task_text = task_text
        self._task_chars: str | None = task_chars
        if first_head is not None:
            first = first_head
        else:
            first = self._heading(paras[0], 0) if n else NEG
        if first == NEG:
            self.head = [first] + [NEG] * (n - 1)
        else:
            self.head = [first] + [self._heading(paras[i], i) for i in range(1, n)]
        self._spans: list[list[list[float] | None]] = [[None] * n for _ in range(self.k)]

    def _heading(self, p: str, i: int) -> float:
        if self.nums[i] is not None or self.empty[i]:
            return NEG
        if self._task_chars is None:
            self._task_chars = _NOT_ALNUM.sub("", self._task_text)
        return _heading_score(p, self._task_chars)

    def _wording(self) -> None:
        """Wording scores of every paragraph for every column, and their prefix sums."""
        scores = cue_scores(self._roles, self._paras)
        self.aff = scores if LEXICAL == 1.0 else [[LEXICAL * a for a in row] for row in scores]
        self.aff_sum = [list(itertools.accumulate(row, initial=0.0)) for row in self.aff]

    def span(self, r: int, i: int) -> list[float]:
        """Scores of [i, j) as one cell of column r for j = i + 1, i + 2, …; a cell cannot
        run past an empty mark, so the list stops there (any longer cell scores NEG)."""
        got = self._spans[r][i]
        if got is not None:
            return got
        if not self.aff_sum:
            self._wording()
        if self.empty[i]:
            got = [0.0]  # an empty mark is a whole cell by itself
        else:
            # The terms are added in one fixed order (wording, sub-heading, numbering pairs,
            # a list opened mid-way): the floats do not depend on which split asks.
            acc, pair_sum = self.aff_sum[r], self.pair_sum
            base, extra, from_pair = acc[i], FIRST_EXTRA * self.aff[r][i], pair_sum[i]
            end = self.next_empty[i]
            if r and self.head[i] > 0:
                # A later cell that is one heading-like line (short, echoing the task) is
                # more likely the sub-heading of the next sub-row.
                got = [acc[i + 1] - base + extra - self.head[i] + (pair_sum[i] - from_pair)]
                got += [
                    acc[j] - base + extra + (pair_sum[j - 1] - from_pair)
                    for j in range(i + 2, end + 1)
                ]
            else:
                got = [
                    acc[j] - base + extra + (pair_sum[j - 1] - from_pair)
                    for j in range(i + 1, end + 1)
                ]
            first = self.next_num[i]
            if first < self.n and self.nums[first].value != 1:
                # a list opened mid-way: every cell reaching past its first number
                for d in range(first - i, end - i):
                    got[d] -= OPEN_MID_LIST
        self._spans[r][i] = got
        return got

    def to_end(self, r: int, i: int) -> float | None:
        """``span(r, i)[n - i - 1]``, the score of [i, n) as a cell of column r, made alone
        by the same operations (None: the cell cannot run to the end)."""
        n = self.n
        got = self._spans[r][i]
        if got is not None:
            return got[n - i - 1] if n - i <= len(got) else None
        if self.empty[i]:
            # an empty mark is a whole cell by itself: it reaches the end when it is last
            return 0.0 if i + 1 == n else None
        if self.next_empty[i] < n:
            return None  # an empty mark before the end
        if not self.aff_sum:
            self._wording()
        acc, pair_sum = self.aff_sum[r], self.pair_sum
        base, extra, from_pair = acc[i], FIRST_EXTRA * self.aff[r][i], pair_sum[i]
        if r and n == i + 1 and self.head[i] > 0:
            score = acc[n] - base + extra - self.head[i] + (pair_sum[n - 1] - from_pair)
        else:
            score = acc[n] - base + extra + (pair_sum[n - 1] - from_pair)
        first = self.next_num[i]
        if first < n and self.nums[first].value != 1:
            score -= OPEN_MID_LIST  # a list opened mid-way (the cell reaches past it)
        return score


def _plain(sc: _Scorer, k: int, lo: int, missing: float) -> tuple[float, list[tuple[int, int]]]:
    """Best split of paragraphs [lo, n) into exactly k cells; a cell after the first may be
    missing (an empty cell written without a mark), at a cost."""
    n = sc.n
    span = sc.span
    best = [[NEG] * (n + 1) for _ in range(k)]
    back = [[0] * (n + 1) for _ in range(k)]
    if lo < n:
        got = span(0, lo)
        best[0][lo + 1 : lo + 1 + len(got)] = got
    for r in range(1, k):
        prev, cur, cur_back = best[r - 1], best[r], back[r]
        if r == k - 1:
            # The last cell must end at n, and only best[k - 1][n] is read: one score per
            # start, the candidates in the same order as below.
            if prev[n] != NEG:
                cur[n], cur_back[n] = prev[n] - missing, n
            for i in range(lo + 1, n):
                p = prev[i]
                if p == NEG:
                    continue
                score = sc.to_end(r, i)
                if score is not None and p + score > cur[n]:
                    cur[n], cur_back[n] = p + score, i
            continue
        for j in range(lo + 1, n + 1):
            if prev[j] != NEG:
                cur[j], cur_back[j] = prev[j] - missing, j
        # Starts outer, ends inner: for each end j the candidates still come as in a loop over
        # ends then starts — the missing cell first, then the starts i in increasing order, a
        # later one winning only when strictly better — so ties resolve the same way.
        for i in range(lo + 1, n):
            p = prev[i]
            if p == NEG:
                continue
            j = i
            for score in span(r, i):
                j += 1
                v = p + score
                if v > cur[j]:
                    cur[j], cur_back[j] = v, i
    cells: list[tuple[int, int]] = []
    j = n
    for r in range(k - 1, -1, -1):
        i = back[r][j] if r else lo
        cells.append((i, j))
        j = i
    return best[k - 1][n], cells[::-1]


def _subrows(sc: _Scorer, k: int, missing: float) -> tuple[float, list[SegItem]]:
    """Best split into two or more sub-rows, each a heading then k cells.

    In a sub-row after the first, any cell but the first may be missing: the published table
    let that column's cell of an earlier sub-row span several sub-rows (rowspan), and a
    spanning cell is written out once, in the first sub-row it covers. Any sub-row may also
    miss a cell written without an empty mark, at the ``missing`` cost.
    """
    n = sc.n
    # done[c][j]: best score for [0, j) ending with a complete sub-row, c = min(rows, 2).
    done = [[NEG] * (n + 1) for _ in range(3)]
    done[0][0] = 0.0
    # cellv[c][r][j]: the sub-row's cell r ends at j; back-pointers (prev count, start), a
    # start equal to j being a spanned (missing) cell.
    cellv = [[[NEG] * (n + 1) for _ in range(k)] for _ in range(3)]
    back: dict[tuple[int, int, int], tuple[int, int]] = {}
    # (names bound once for the loops below; a cell's scores by start, made when first asked:
    # a start's list stops at the last end it can have, any later end scoring NEG, which can
    # never beat a candidate and is skipped)
    head, span, spans = sc.head, sc.span, sc._spans
    first_spans = spans[0]
    # A cell after the first is pushed forward from where the cell before it ends, as soon as
    # that end is known: pushed[c][r][j] is the best cell r ending at j over the starts so far,
    # pushed_from its start (the earliest among equals, as a loop over starts in increasing
    # order keeps). Only the ends a start's scores reach are visited. The starts a later
    # sub-row's first cell can have: a heading just before it that ends a complete sub-row,
    # in increasing order. A first sub-row's first cell starts after paragraph 0, its
    # heading, or nowhere.
    pushed = [[[NEG] * (n + 1) for _ in range(k)] for _ in range(3)]
    pushed_from = [[[0] * (n + 1) for _ in range(k)] for _ in range(3)]
    after_done: list[int] = []
    first_heading = head[0] if n > 1 else NEG
    skips = (0.0, missing, min(SPANNED_COST, missing))  # a cell missing, by count
    done0, done1, done2 = done
    for j in range(n + 1):
        # (a second sub-row's first cell starts after a heading that ends a complete sub-row:
        # before the first such start nothing of count 2 ends, every candidate NEG)
        for c in (1, 2) if after_done and after_done[0] < j else (1,):
            cv, skip, pv, pf = cellv[c], skips[c], pushed[c], pushed_from[c]
            for r in range(k):
                best, arg = NEG, None
                if r:
                    # the cell missing first, then the starts: a start wins only when
                    # strictly better (the order ties were always resolved in)
                    if cv[r - 1][j] != NEG:
                        best, arg = cv[r - 1][j] - skip, (c, j)
                    if pv[r][j] > best:
                        best, arg = pv[r][j], (c, pf[r][j])
                elif c == 1:
                    if j > 1 and first_heading != NEG:
                        got = first_spans[1] or span(0, 1)
                        if j - 1 <= len(got):
                            v = done0[0] + first_heading + got[j - 2]
                            if v > best:
                                best, arg = v, (0, 1)
                else:
                    for i in after_done:
                        if i >= j:
                            break
                        h = i - 1  # heading paragraph just before the first cell
                        got = first_spans[i] or span(0, i)
                        if j - i > len(got):
                            continue
                        first = got[j - i - 1]
                        for pc in (1, 2):
                            base = done[pc][h]
                            if base == NEG:
                                continue
                            v = base + head[h] + first
                            if v > best:
                                best, arg = v, (pc, i)
                if arg is not None:
                    cv[r][j] = best
                    back[(c, r, j)] = arg
                    if r + 1 < k and j < n:
                        # push: the next cell starting at j, to each end its scores reach
                        nxt, nxt_from, e = pv[r + 1], pf[r + 1], j
                        for score in spans[r + 1][j] or span(r + 1, j):
                            e += 1
                            v = best + score
                            if v > nxt[e]:
                                nxt[e], nxt_from[e] = v, j
            done[c][j] = max(done[c][j], cv[k - 1][j])
        if (done1[j] != NEG or done2[j] != NEG) and j + 1 < n and head[j] != NEG:
            after_done.append(j + 1)
    score = done[2][n]
    if score == NEG:
        return NEG, []
    items: list[SegItem] = []
    c, j = 2, n
    while j > 0:
        cells = []
        for r in range(k - 1, -1, -1):
            pc, i = back[(c, r, j)]
            cells.append((i, j))
            j = i
            if r == 0:
                c = pc
        items.append(_NEW(SegItem, (j - 1, tuple(cells[::-1]))))
        j -= 1
    return score, items[::-1]


def segment(
    paras: Sequence[str],
    roles: Sequence[ColumnRole],
    task_text: str = "",
    *,
    marked_empties: bool = False,
) -> list[SegItem]:
    """Split ``paras`` into cells of the given consecutive columns (one item), or into
    sub-rows (items with headings) when that explains the paragraphs clearly better.

    A cell after the first may be an empty range: a row with fewer paragraphs than columns, or
    an empty cell the page wrote without a "——" mark; wording decides which cells they are.
    ``marked_empties``: the table marks its empty cells elsewhere, so an unmarked one is unlikely.
    """
    k = len(roles)
    n = len(paras)
    check("max_row_paragraphs", n)  # the split below is quadratic in n
    check_time()
    if k == 0:
        return []
    if n == 0:
        return [SegItem(None, ((0, 0),) * k)]
    # Sub-rows are tried when there is room for a full sub-row, then a heading and one cell,
    # and the first paragraph can be a heading (the scorer's head[0] != NEG, asked alone).
    first_head = task_chars = None  # (asked here when sub-rows may be tried: kept for the scorer)
    if n >= k + 3:
        if numbering(paras[0]) is not None or is_empty_mark(paras[0]):
            first_head = NEG
        else:
            task_chars = _NOT_ALNUM.sub("", task_text)
            first_head = _heading_score(paras[0], task_chars)
    try_subrows = first_head is not None and first_head != NEG
    if k == 1 and not try_subrows:
        return [SegItem(None, ((0, n),))]  # one column, no sub-rows: FORCED SPLIT below
    empty = empty_marks(paras)
    blocks = _blocks(empty)
    if not try_subrows and len(blocks) >= k:
        # FORCED SPLIT: a cell never runs over an empty mark (the mark is a cell by itself),
        # so the plain split has at least one cell per block. With as many blocks as
        # columns the only split whose score is not NEG is one cell per block, whatever the
        # scores; with more blocks none is, and the fallback below applies. (A single
        # column is always [0, n): one block, or the fallback's same range.)
        if len(blocks) == k:
            return [_NEW(SegItem, (None, tuple(blocks)))]
        return [SegItem(None, _fallback(k, n))]
    sc = _Scorer(paras, roles, task_text, empty, first_head, task_chars)
    missing = MISSING_COST_MARKED if marked_empties else MISSING_COST
    if try_subrows:
        sub_score, sub_items = _subrows(sc, k, missing)
    else:
        sub_score, sub_items = NEG, []
    if len(blocks) > k:
        plain_score, plain_cells = NEG, []  # no plain split (FORCED SPLIT above)
    elif sub_score != NEG and _plain_bound(sc, k) < sub_score - _BOUND_MARGIN:
        plain_score, plain_cells = NEG, []  # it cannot beat the sub-rows (PLAIN BOUND above)
    else:
        plain_score, plain_cells = _plain(sc, k, 0, missing)
    if sub_score > plain_score:
        return sub_items
    if plain_score == NEG:
        # Nothing fits the rules (e.g. two empty marks in a row of three cells): keep the
        # paragraphs in order, one per cell, the rest in the last cell.
        return [SegItem(None, _fallback(k, n))]
    return [_NEW(SegItem, (None, tuple(plain_cells)))]


# (the bound and a split's score add the same terms in other orders: far more than their
# rounding apart before the bound rules a split out)
_BOUND_MARGIN = 1e-6


def _plain_bound(sc: _Scorer, k: int) -> float:
    """More than or as much as any plain split of the row into k cells scores (PLAIN BOUND)."""
    if not sc.aff_sum:
        sc._wording()
    best = list(map(max, *sc.aff)) if k > 1 else list(sc.aff[0])
    best = [0.0 if mark else b for b, mark in zip(best, sc.empty, strict=True)]
    starts = sorted(FIRST_EXTRA * b for b in best if b > 0)[-k:]
    return sum(best) + sum(starts) + sum(p for p in sc.pair if p > 0)


def _fallback(k: int, n: int) -> tuple[tuple[int, int], ...]:
    """The paragraphs in order, one per cell, the rest in the last cell."""
    return (*tuple((r, r + 1) for r in range(k - 1)), (k - 1, n))


def _blocks(empty: list[bool]) -> list[tuple[int, int]]:
    """The [start, end) ranges of each empty mark and of each run of paragraphs between
    marks, in order."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, mark in enumerate(empty):
        if mark:
            if start < i:
                out.append((start, i))
            out.append((i, i + 1))
            start = i + 1
    if start < len(empty):
        out.append((start, len(empty)))
    return out
