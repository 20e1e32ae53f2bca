"""Traditional to simplified Chinese, for comparing words (headers, labels) only: text is kept
as written. OpenCC (the maintained converter, pure-Python port) does the conversion.

- :func:`to_simplified` converts character by character, so offsets into the text hold;
- :func:`to_simplified_words` converts a short word with OpenCC's phrase rules too, because
  a character's simplified form can depend on the word it is in (計畫 is 计划, not 计画, though
  畫 alone is 画): used for header keys, where the word, not the offset, matters. A text with
  no traditional character is returned as it is (the phrase rules are not run on it).
"""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


class _CharTable(dict):
    """Character -> simplified character, filled on first use of each character (OpenCC's
    character table; phrase rules do not matter for the short words compared here)."""

    def __missing__(self, ch: str) -> str:
        out = _converter().convert(ch)
        self[ch] = out if len(out) == 1 else ch
        return self[ch]


_TABLE = _CharTable()


class _CodeTable(dict):
    """The same table keyed by code point, for ``str.translate``: one pass in C over a text
    where a list of its characters costs a Python step per character."""

    def __missing__(self, code: int) -> str:
        self[code] = out = _TABLE[chr(code)]
        return out


_CODES = _CodeTable()


def to_simplified(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones (序號 -> 序号),
    character by character."""
    if text.isascii():
        return text
    return text.translate(_CODES)


def to_simplified_words(text: str) -> str:
    """``text`` (a short word: a header) converted with OpenCC's phrase rules when it holds a
    traditional character (計畫名稱 -> 计划名称); else :func:`to_simplified`'s result."""
    chars = to_simplified(text)
    if chars == text:
        return text
    return _converter().convert(text)
