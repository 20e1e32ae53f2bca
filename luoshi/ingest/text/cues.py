"""Wording typical of each progress column, as weighted cue tables.

Reporting units write the three columns in recognisable registers: what was done is factual
and past (已, 累计, 截至, figures); difficulties are negative (尚未, 难度较大, 有待, 缓慢);
plans are forward-looking imperatives (继续, 加快, 下一步, 力争). The weights are small
integers chosen by meaning, not fitted to any document; a cue at the very start of a paragraph
counts more, because that is where a writer announces what the paragraph is. A cue is a word,
not any run of characters: where the characters before it make a word with its first
character ("项目前期" is 项目 + 前期, not 目前 "at present"), it is not counted (``NOT_AFTER``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from luoshi.vocab import ColumnRole

CAP = 3.0  # the most a paragraph's wording can say

PROBLEM_CUES: dict[str, float] = {
    "尚未": 2,
    "未能": 2,
    "暂未": 2,
    "还未": 2,
    "仍未": 2,
    "难度": 2,
    "难以": 2,
    "有待": 2,
    "缓慢": 2,
    "较慢": 2,
    "困难": 2,
    "滞后": 2,
    "不足": 1.5,
    "压力": 1.5,
    "制约": 1.5,
    "短板": 1.5,
    "瓶颈": 1.5,
    "不够": 1.5,
    "不到位": 1.5,
    "缺乏": 1.5,
    "缺少": 1.5,
    "欠缺": 1.5,
    "薄弱": 1.5,
    "不高": 1.5,
    "不强": 1.5,
    "不明确": 1.5,
    "无法": 1.5,
    "受疫情影响": 2,
    "影响": 0.5,
    "问题": 1,
    "较大": 0.5,
    "较少": 1,
    "偏低": 1,
    "偏慢": 2,
    "风险": 0.5,
    "不平衡": 1,
    "不充分": 1,
    "紧张": 1,
    "挤压": 1,
    "存在": 0.5,
    "仍": 0.5,
    "但": 0.5,
    "由于": 1,
    "导致": 1,
    "不理想": 2,
    "未完成": 2,
    "未达到": 2,
    "下降": 0.5,
    "不及": 1.5,
    "低于预期": 2,  # below expectation: the same register as 不及预期
}

PLAN_CUES: dict[str, float] = {
    "继续": 2,
    "下步": 2,
    "下一步": 2,
    "下阶段": 2,
    "力争": 2,
    "抓紧": 2,
    "加快": 1.5,
    "计划": 1,
    "进一步": 1,
    "持续": 1,
    "确保": 1.5,
    "争取": 1.5,
    "年底前": 1.5,
    "年内": 1.5,
    "年底": 1,
    "四季度": 1.5,
    "按期": 1.5,
    "做好": 1,
    "加大": 1,
    "全力": 1,
    "积极": 0.5,
    "将": 1,
    "拟": 1.5,
    "督促": 1,
    "谋划": 1,
    "做深": 1,
    "推动": 0.5,
    "推进": 0.5,
    "加强": 0.5,
    "跟踪": 1,
    "尽快": 1.5,
    "及时": 0.5,
    "着力": 1,
    "紧盯": 1.5,
}

DONE_CUES: dict[str, float] = {
    "已": 1.5,
    "累计": 1.5,
    "截至": 1.5,
    "截止": 1.5,
    "目前": 1,
    "前三季度": 1.5,
    "同比": 1.5,
    "实现": 1,
    "达到": 1,
    "完成": 1,
    "出台": 1,
    "召开": 1,
    "印发": 1,
    "建成": 1,
    "开工": 0.5,
    "共": 0.5,
    "增长": 1,
    "投资": 0.5,
    "亿元": 0.5,
    "万元": 0.5,
    "%": 0.5,
    "获批": 1,
    "顺利": 1,
    "成功": 1,
    "开展了": 1,
    "举办": 1,
    "签约": 1,
}

# Cues that are patterns rather than words: a period counted from January ("1-8月",
# "1—9月份", "1至9月") frames a running total, i.e. a report of what was done.
# (The look-behind comes after the "1" rather than before it — "1" not after a digit, written
# as "no digit-then-1 just behind" — so that every alternative of the patterns below opens
# with a literal character and the regex engine skips the positions no cue can start at: the
# same matches, a quarter of the time.)
DONE_PATTERNS: dict[str, float] = {
    r"1(?<!\d1)\s*[-—–~～至]\s*\d{1,2}\s*月": 1.5,
}

# Chinese runs words together, so a cue is found as a substring; where the characters just
# before it make a word with its first character, the cue is not there. "项目" (project) is a
# word, so in "项目前期" (a project's preliminary stage) the "目前" (at present) is 项目 + 前期
# — every "项目前" in the seeds is 项目前期 — and a problem such as "受项目前期审批影响" must
# not read as a report of what was done. Cue -> characters that, just before it, rule it out.
NOT_AFTER: dict[str, str] = {
    "目前": "项",
}


def _alternative(cue: str) -> str:
    before = NOT_AFTER.get(cue)
    if not before:
        return re.escape(cue)
    # The look-behind after the cue's first character (see DONE_PATTERNS above for why).
    head, rest = re.escape(cue[0]), re.escape(cue[1:])
    return f"{head}(?<![{re.escape(before)}]{head}){rest}"


_CUES = {
    ColumnRole.PROBLEMS: PROBLEM_CUES,
    ColumnRole.NEXT_STEPS: PLAN_CUES,
    ColumnRole.DONE: DONE_CUES,
}

_REGEX_CUES = {ColumnRole.DONE: DONE_PATTERNS}
_PATTERNS = {
    role: re.compile(
        "|".join(
            [
                *_REGEX_CUES.get(role, {}),
                *map(_alternative, sorted(table, key=len, reverse=True)),
            ]
        )
    )
    for role, table in _CUES.items()
}
_REGEX_COMPILED = {
    role: [(re.compile(rx), w) for rx, w in table.items()] for role, table in _REGEX_CUES.items()
}


class _Weights(dict):
    """A role's cue -> weight, read by ``cue_scores`` with one lookup per cue: a pattern cue
    ("1-8月", not a key) is weighed by its pattern."""

    def __init__(self, role: ColumnRole):
        super().__init__(_CUES[role])
        self.role = role

    def __missing__(self, cue: str) -> float:
        return _weight(self.role, cue)  # (not stored: pattern cues are unbounded in number)


_WEIGHTS = {role: _Weights(role) for role in _CUES}


@lru_cache(maxsize=256)  # a pattern cue ("1-8月") recurs through a document
def _weight(role: ColumnRole, cue: str) -> float:
    weight = _CUES[role].get(cue)
    if weight is not None:
        return weight
    return next(w for rx, w in _REGEX_COMPILED[role] if rx.fullmatch(cue))


_LEAD = re.compile(
    r"^(?:\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]+[、是])?\s*"
)
# The characters _LEAD's match can open with besides a digit (\d is str.isdecimal in re): a
# bracket, a circled number, a Chinese numeral, or white space (\s is str.isspace; every white
# space character is below U+3001).
_LEAD_OPENERS = frozenset(
    "(（①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳一二三四五六七八九十"
    + "".join(c for c in map(chr, range(0x3001)) if c.isspace())
)


def cue_score(role: ColumnRole, paragraph: str) -> float:
    """How strongly the wording of ``paragraph`` says it belongs to a ``role`` column.

    Hits are summed; the first cue counts double when it opens the paragraph (within six
    characters, after any list number); the sum saturates below ``CAP``. This is the
    definition; the segmenter asks ``cue_scores`` for a whole row at once (the same floats).
    """
    pattern = _PATTERNS.get(role)
    if pattern is None:
        return 0.0
    # _LEAD is optional throughout and anchored, so it always matches at 0.
    body = paragraph[_LEAD.match(paragraph).end() :]
    total = 0.0
    for n, m in enumerate(pattern.finditer(body)):
        total += _weight(role, m.group()) * (2 if n == 0 and m.start() < 6 else 1)
    return _saturate(total, len(body))


def _saturate(total: float, length: int) -> float:
    # Long paragraphs collect hits by sheer length; damp that, and saturate: wording is
    # evidence, but never enough by itself to outweigh a list that plainly runs on.
    total /= 1 + length / 150
    return CAP * (1 - math.exp(-total / CAP))


def cue_scores(roles: Sequence[ColumnRole], paragraphs: Sequence[str]) -> list[list[float]]:
    """``cue_score(role, p)`` for every role and paragraph, the same floats (the segmenter
    asks this of every paragraph of every row, once per progress column).

    A paragraph's scores depend on its text and the roles alone, and a page repeats many of
    its paragraphs (an empty mark, a stock plan sentence, a unit list): each distinct one is
    scored once (``_paragraph_scores``, a bounded cache) and the rows read from it.
    """
    key = tuple(roles)
    # (paragraphs longer than a stock sentence seldom recur: scored without the cache, which
    # then holds a bounded amount of text)
    per_paragraph = [
        _paragraph_scores(key, p)
        if len(p) <= _CACHED_LEN
        else _paragraph_scores.__wrapped__(key, p)
        for p in paragraphs
    ]
    if not per_paragraph:
        return [[] for _ in key]
    # (the columns of the paragraphs' rows: one list per role, each paragraph's score in order)
    return list(map(list, zip(*per_paragraph, strict=True)))


_CACHED_LEN = 300


@lru_cache(maxsize=4096)  # some pages of paragraphs, each at most _CACHED_LEN characters
def _paragraph_scores(roles: tuple[ColumnRole, ...], paragraph: str) -> tuple[float, ...]:
    """``cue_score(role, paragraph)`` for each role.

    The body (the paragraph after its list number) is searched for its first cue, which counts
    double when it opens the body, and only a body holding one is scanned on for the rest:
    three calls into the regex engine per body at most, the cues' weights read from a table
    with one lookup each, summed in the order ``cue_score`` sums them.
    """
    # (a paragraph opening with none of _LEAD's first characters is its own body: most are)
    p = paragraph
    body = p[_LEAD.match(p).end() :] if p[:1] in _LEAD_OPENERS or p[:1].isdecimal() else p
    out: list[float] = []
    for role in roles:
        pattern = _PATTERNS.get(role)
        if pattern is None:
            out.append(0.0)
            continue
        m = pattern.search(body)
        if m is None:
            out.append(0.0)
            continue
        table = _WEIGHTS[role]
        total = 0.0 + table[m[0]] * (2 if m.start() < 6 else 1)
        # (findall from the first cue's end: the look-behinds still see the text before)
        for cue in pattern.findall(body, m.end()):
            total += table[cue]
        out.append(_saturate(total, len(body)))
    return tuple(out)
