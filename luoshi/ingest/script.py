"""Traditional to simplified Chinese, for comparing words (headers, labels) only: text is kept
as written. OpenCC (the maintained converter, pure-Python port) does the conversion."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones (序號 -> 序号)."""
    if text.isascii():
        return text
    return _converter().convert(text)
