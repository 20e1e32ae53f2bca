"""Chinese text to search tokens, with jieba.

Documents are segmented in search mode (a long word also yields the shorter words inside it:
中华人民共和国 → 中华, 华人, 人民, 共和, 共和国, 中华人民共和国) and stored as one
space-separated string, which both SQLite FTS5 (unicode61) and PostgreSQL ('simple' parser)
split back on the spaces. A query is segmented in precise mode; each of its words matches the
word itself or, when the document's context split it differently, all the shorter words inside
it. Both sides use the dictionary only (no HMM guessing of unknown words), so a name
the dictionary does not know (市发改局) falls apart into the same pieces in documents and
queries.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)

# A token worth indexing has at least one letter, digit or CJK character.
_WORDY = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MAX_QUERY_WORDS = 12


def _words(tokens) -> list[str]:
    return [t.strip().lower() for t in tokens if _WORDY.search(t)]


# jieba cuts each run of these characters on its own; anything else is passed through.
_BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+)")


@lru_cache(maxsize=200_000)
def _block_tokens(block: str) -> tuple[str, ...]:
    return tuple(_words(jieba.cut_for_search(block, HMM=False)))


def index_tokens(text: str) -> str:
    """``text`` as the space-separated token string stored in the index.

    The same words as ``jieba.cut_for_search(text, HMM=False)``, computed block by block
    (jieba cuts each run of word characters on its own) so that repeated clauses, common in
    these tables, are segmented once.
    """
    if not text:
        return ""
    out: list[str] = []
    for i, piece in enumerate(_BLOCK.split(text)):
        if i % 2:
            out.extend(_block_tokens(piece))
        else:  # jieba yields these characters one by one
            out.extend(ch.lower() for ch in piece if _WORDY.match(ch))
    return " ".join(out)


@dataclass(frozen=True)
class Word:
    """One word of a query: it matches ``text`` itself or all of ``parts`` together."""

    text: str
    parts: tuple[str, ...] = ()


@lru_cache(maxsize=512)
def _inner(word: str) -> tuple[str, ...]:
    """Shorter dictionary words inside ``word`` covering it (乡村振兴 → 乡村, 振兴)."""
    parts = [p for p in _words(jieba.cut_for_search(word, HMM=False)) if p != word]
    covered = [False] * len(word)
    for part in parts:
        start = word.find(part)
        while start >= 0:
            covered[start:start + len(part)] = [True] * len(part)
            start = word.find(part, start + 1)
    # Characters no shorter word covers must be there too (处理厂 → 处理 + 厂).
    parts += [ch for ch, done in zip(word, covered, strict=True) if not done and _WORDY.match(ch)]
    return tuple(dict.fromkeys(parts))


def query_words(query: str) -> list[Word]:
    """The words of a search query, in order, without repeats or punctuation."""
    seen: dict[str, Word] = {}
    for token in _words(jieba.cut(query or "", HMM=False)):
        if token not in seen:
            parts = _inner(token) if len(token) > 2 and _CJK.search(token) else ()
            seen[token] = Word(token, parts)
    return list(seen.values())[:MAX_QUERY_WORDS]


def highlight_terms(words: list[Word]) -> list[str]:
    """Every string a highlighter should mark for these words, longest first."""
    terms = {w.text for w in words} | {p for w in words for p in w.parts}
    return sorted(terms, key=lambda t: (-len(t), t))
