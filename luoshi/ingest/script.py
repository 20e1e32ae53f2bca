"""Traditional to simplified Chinese, for comparing words (headers, labels) only: text is kept
as written. OpenCC (the maintained converter, pure-Python port) does the conversion."""

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


def to_simplified(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones (序號 -> 序号),
    character by character."""
    if text.isascii():
        return text
    table = _TABLE
    return "".join([table[ch] for ch in text])
