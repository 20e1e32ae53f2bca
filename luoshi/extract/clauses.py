"""Sentences, clauses and character bigrams of Chinese prose (offsets kept)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from luoshi.extract import rules

SENTENCE_END = "。;\uff1b\n!?\uff01\uff1f"
CLAUSE_END = SENTENCE_END + ",\uff0c:\uff1a"

_STOP = frozenset(rules.STOP_BIGRAMS)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_STRIP = re.compile(r"[“”‘’《》「」\"'()（）\[\]【】]")


@lru_cache(maxsize=4096)
def _delimiters(text: str, ends: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _any_char(ends).finditer(text))


@lru_cache(maxsize=16)  # SENTENCE_END, CLAUSE_END …
def _any_char(chars: str) -> re.Pattern[str]:
    """A pattern for one of ``chars``: its matches are visited, not every character."""
    return re.compile("[" + "".join(re.escape(ch) for ch in chars) + "]")


def bounds(text: str, pos: int, ends: str) -> tuple[int, int]:
    """The [start, end) of the run around ``pos`` delimited by any char of ``ends``."""
    d = _delimiters(text, ends)
    k = bisect_left(d, pos)
    b = d[k] if k < len(d) else len(text)
    a = d[k - 1] + 1 if k > 0 else 0
    return a, b


def sentence(text: str, pos: int) -> tuple[int, int]:
    return bounds(text, pos, SENTENCE_END)


def clause(text: str, pos: int) -> tuple[int, int]:
    return bounds(text, pos, CLAUSE_END)


def split(text: str, ends: str) -> list[tuple[int, int]]:
    """Non-empty runs of ``text`` between delimiters, as offsets."""
    out: list[tuple[int, int]] = []
    a = 0
    for i, ch in enumerate(text):
        if ch in ends:
            if i > a:
                out.append((a, i))
            a = i + 1
    if len(text) > a:
        out.append((a, len(text)))
    return out


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Shrink [a, b) past spaces and list markers ("1." "①" "(2)") at its start."""
    while a < b and text[a].isspace():
        a += 1
    m = re.match(r"(?:[0-9]{1,2}[.、](?![0-9])|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[①-⑳])", text[a:b])
    if m:
        a += m.end()
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@lru_cache(maxsize=8192)
def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of the CJK runs of ``text``, quotes removed, common words dropped."""
    s = _STRIP.sub("", text)
    out = set()
    for i in range(len(s) - 1):
        pair = s[i : i + 2]
        if _CJK.match(pair[0]) and _CJK.match(pair[1]):
            out.add(pair)
    return frozenset(out - _STOP)


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


@lru_cache(maxsize=64)  # the word lists of the rules package: a few dozen tuples
def any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for any of ``words``, the longest first: one pass over a text finds the
    leftmost occurrence of any of them, and the longest of those starting there (two words of
    one length starting at one place are the same word). A word list is asked for in every
    cell of every task; a pass per word costs as many scans of the cell as the list has words."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def find_any(text: str, words: Iterable[str]) -> tuple[int, str] | None:
    """Leftmost occurrence of any of ``words`` (longest on ties), as (position, word)."""
    words = tuple(words)
    if not words:
        return None
    m = any_word(words).search(text)
    return (m.start(), m.group()) if m is not None else None
