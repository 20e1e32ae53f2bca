"""Header words from header text whose cell borders were lost.

A header line glued together (序号重点工作牵头单位完成情况) or one header's words split over
lines is cut into the header words that explain the most of it, each naming exactly one known
column (:func:`split_header_words`); rows wider than their header say how many words a glued
header holds (:func:`unglue_header`). The vocabulary is :mod:`.headervocab`'s, the roles
:mod:`.headers`'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from luoshi.ingest.headers import TWO_LEVEL_JOIN, header_role, header_roles
from luoshi.ingest.headervocab import (
    _ITEM,
    _RULES,
    _TARGET,
    _TASK,
    _joined_names,
    _matches,
    header_key,
    normalise_header,
)
from luoshi.vocab import ColumnRole

_TAILS = frozenset({"任务", "内容", "单位", "部门", "领导", "情况", "名称"})
_CLOSING: list[re.Pattern[str]] = []


def _closing_match(h: str) -> re.Match[str] | None:
    """The longest vocabulary match that closes ``h`` (only a bracketed unit, (%), may follow
    it; a qualifier may precede it: 前三季度完成情况, 市级牵头责任单位)."""
    if not _CLOSING:
        for pattern in [*(p for p, _ in _RULES), _TARGET, _TASK]:
            _CLOSING.append(
                # (…说明: the column explained, 工作内容说明, 执行概况说明, names the column)
                re.compile(
                    rf"(?:{pattern.pattern})(?:[(（][^()（）]{{1,6}}[)）]|说明)?$", pattern.flags
                )
            )
    best = None
    for pattern in _CLOSING:
        m = pattern.search(h)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best


def _word_score(word: str) -> int | None:
    """Characters of ``word`` its vocabulary match explains, or None when the word names no
    column, or names two (but two progress columns joined by 、/及 count as one merged one),
    or its match does not close it (完成情况存 is no word), or what precedes the match is a
    header word of its own (任务牵头领导 is two words)."""
    h = header_key(word)
    if h in _TAILS:
        return None  # 任务, 内容 … alone end a longer header word, they are not one
    found = _matches(h, True)
    closing = _closing_match(h)
    if not found or closing is None:
        return None
    prefix = h[: closing.start()]
    if prefix and (prefix in _TAILS or header_role(prefix, True) is not ColumnRole.OTHER):
        roles = {r for r, _ in found}
        if not (len(roles) > 1 and roles <= _ITEM):
            return None
    roles = {r for r, _ in found}
    if len(roles) > 1:
        if roles <= _ITEM and _joined_names(h):
            # each name's match, plus the joiner that makes them one column
            return sum(max(n for r, n in found if r is role) for role in roles) + 1
        return None
    return closing.end() - closing.start()



def split_header_words(text: str, max_word: int = 16) -> list[str] | None:
    """Cut header text whose cell borders were lost (glued "序号重点工作牵头单位完成情况", or
    words of one header split over lines) into header words, each naming one known column.

    Of the cuts whose every word names exactly one column, the one whose vocabulary matches
    explain the most characters wins, then the one with fewest words ("目标任务" stays one
    word; "当前进度牵头单位" is two). None when no such cut exists.
    """
    # (a page repeats its header line at every page break, and a province's pages share it:
    # each text is cut once — some hundred vocabulary searches per character — and a longer
    # text than a header is not kept, so the cache holds a bounded amount of text)
    if len(text) > _CACHED_HEADER_TEXT:
        words = _cut_header_words.__wrapped__(text, max_word)
    else:
        words = _cut_header_words(text, max_word)
    return None if words is None else list(words)


_CACHED_HEADER_TEXT = 200


@lru_cache(maxsize=1024)
def _cut_header_words(text: str, max_word: int) -> tuple[str, ...] | None:
    s = normalise_header(text)
    n = len(s)
    if n == 0 or n > 160:
        return None
    # best[i]: (explained chars, -words, cut points) of the best cut of s[:i]
    best: list[tuple[int, int, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, ())
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for j in range(i + 1, min(n, i + max_word) + 1):
            score = _word_score(s[i:j])
            if score is None:
                continue
            cand = (here[0] + score, here[1] - 1, (*here[2], j))
            if best[j] is None or cand[:2] > best[j][:2]:  # type: ignore[index]
                best[j] = cand
    end = best[n]
    if end is None:
        return None
    cuts = (0, *end[2])
    return tuple(s[a:b] for a, b in pairwise(cuts))


# Words a header row opens with (序号, or a category column), as written in either script:
# a cheap test before trying to cut a line into header words.
_FIRST_WORD = re.compile(
    r"^\s*(序\s*[号號]|[编編]\s*[号號]|序\s*次|(?:年\s*度\s*)?季\s*[别別]"
    r"|[类類]\s*[别別]|大\s*[类類]|[类類]\s*型|分\s*[类類]"
    r"|[领領]\s*域|工\s*程\s*名\s*[称稱]|工程[类類][别別]|[项項]目[类類][别別])"
)


def opens_with_first_column(text: str) -> bool:
    """True when ``text`` opens with a word that begins header rows: 序号 or a category word
    (类别, 大类 …)."""
    return _FIRST_WORD.match(text) is not None


def unglue_header(words: Sequence[str], width: int) -> list[str] | None:
    """The header words with glued ones cut (当前进度牵头单位 → 当前进度 / 牵头单位) so that
    there are ``width`` of them — the width the rows show — or None when cutting the words
    that cut wholly into known column words of three or more characters each does not give
    exactly that width. Rows wider
    than their header are the evidence; the vocabulary says where to cut."""
    if width <= len(words):
        return None
    out = cut_glued(words)
    return out if len(out) == width else None


def cut_glued(words: Sequence[str]) -> list[str]:
    """The header words with each glued one cut into its known column words, when it cuts
    wholly into words of three or more characters each (当前进度牵头单位 → 当前进度 / 牵头单位;
    目标任务 stays whole); the others as they are."""
    out: list[str] = []
    for w in words:
        cut = split_header_words(w) if len(normalise_header(w)) >= 2 * _MIN_GLUED else None
        if cut and len(cut) > 1 and all(len(c) >= _MIN_GLUED for c in cut):
            out += cut
        else:
            out.append(w)
    return out


# Each of two glued names is a full column name: 目标任务 is one header, not 目标 + 任务.
_MIN_GLUED = 3


# GROUPING HEADER: the roles a top word spanning sub-columns has (a progress heading: 推进情况,
# 工作进展, or a word the vocabulary does not know), and the roles its sub-words may have.
_TOP_ROLES = frozenset({ColumnRole.DONE, ColumnRole.OTHER})
_SUB_ROLES = frozenset(
    {
        ColumnRole.DONE, ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS, ColumnRole.OTHER,
        ColumnRole.DECLARED_STATUS, ColumnRole.ACTUAL,
    }
)


def ungroup_header(words: Sequence[str], width: int) -> tuple[list[str], str] | None:
    """GROUPING HEADER: a two-level header flattened to one run of words (the top line's, then
    the second line's) names one word more than the rows have cells: one top word spans the
    sub-words ending the header (推进情况 over 已完成工作 / 存在问题 / 下步打算) and has no cells
    of its own (the sub-words hold the progress itself). When the rows show ``width`` = one fewer cell than the words, the trailing run
    of two or more progress-kind words is the second line; the nearest progress-kind word
    before it spans it (or, when there is none, the run's first word). The top word is
    replaced by its sub-words, each named top·sub (so 已完成工作 under 推进情况 is progress).
    (words, warning) or None; the warning names the alternative."""
    if width != len(words) - 1 or len(words) < 4:
        return None
    roles = header_roles(words)
    k = len(words)
    while k and roles[k - 1] in _SUB_ROLES:
        k -= 1
    tops = [i for i in range(k) if roles[i] in _TOP_ROLES]
    if tops:
        p = tops[-1]
    elif len(words) - k >= 3:
        p, k = k, k + 1  # the run's first word is the top: 推进情况 then its three sub-words
    else:
        return None
    subs = list(words[k:])
    if len(subs) < 2 or not any(r in _TOP_ROLES for r in roles[k:]):
        # the sub-words must hold the progress itself (已完成工作, or a word not known): under
        # 进展情况, 存在问题 / 下步计划 alone are columns of their own beside it (an empty cell,
        # not a top word, makes those rows short)
        return None
    top = normalise_header(words[p])
    names = [f"{top}{TWO_LEVEL_JOIN}{normalise_header(w)}" for w in subs]
    other = f"; {'/'.join(words[i] for i in tops[:-1])} could span them instead" if tops[1:] else ""
    note = (
        f"a two-level header flattened: {top} spans {'/'.join(subs)} (the rows have "
        f"{width} cells, one fewer than the header words{other})"
    )
    return [*words[:p], *names, *words[p + 1 : k]], note
