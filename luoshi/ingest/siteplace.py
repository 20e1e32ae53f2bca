"""The place a government site's address spells: www.dongtou.gov.cn is 洞头's site.

The rule: China's local government sites are named by their place in pinyin, the label right
before ``gov.cn`` (www.longwan.gov.cn, xxgk.zhoushan.gov.cn, jgswglj.huainan.gov.cn: the
department's site under its city's). When a page names only the level of its government
(区政府, 市府办) and its text names no place of that level, the place whose stem jieba's
dictionary knows as a place (placenames.known_place) and whose pinyin is that label is
taken, with the level's suffix (dongtou + 区政府 -> 洞头区), warned. Abbreviations (sx.gov.cn,
yy.gov.cn) spell no stem and give nothing; two places spelled alike (homophones) give the one
the text names, else none (the warning names both).

The page's address is known to the text reader only (its collector's ``URL:`` line), while
the metadata is read deep inside each layout's reader: :func:`page_source` makes it the
address of the page being read for the duration of that reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from urllib.parse import urlsplit

from luoshi.ingest.placenames import known_place, place_words

_URL: ContextVar[str] = ContextVar("luoshi_ingest_page_url", default="")
_LABEL = re.compile(r"^[a-z]{4,24}$")  # a stem's pinyin: two syllables at least (no sx, yy)
# Suffixes a dictionary place name may carry, stripped to find its stem (洞头县 -> 洞头).
_STRIP = ("自治县", "自治州", "市", "县", "区", "省", "州", "旗", "镇", "乡")


@contextmanager
def page_source(url: str) -> Iterator[None]:
    """Make ``url`` the address of the page being read, within the block."""
    token = _URL.set(url)
    try:
        yield
    finally:
        _URL.reset(token)


def current_url() -> str:
    """The address of the page being read ("" when unknown)."""
    return _URL.get()


def site_label(url: str) -> str:
    """The label before ``gov.cn`` in ``url``'s host (www.dongtou.gov.cn -> dongtou), or ""."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""
    parts = host.split(".")
    if len(parts) < 3 or parts[-2:] != ["gov", "cn"]:
        return ""
    label = parts[-3]
    return label if _LABEL.match(label) else ""


@lru_cache(maxsize=1)
def _stems_by_pinyin() -> dict[str, tuple[str, ...]]:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # an install from before the dependency: no place is spelled
        return {}

    found: dict[str, set[str]] = {}
    for word in place_words():
        stem = word
        for suffix in _STRIP:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                stem = word[: -len(suffix)]
                break
        if len(stem) >= 2:
            found.setdefault("".join(lazy_pinyin(stem)), set()).add(stem)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def places_spelled(url: str, suffix: str) -> list[str]:
    """The places of the level ``suffix`` whose stem's pinyin is ``url``'s site label
    (https://www.longwan.gov.cn/… and 区 -> [龙湾区]); several for homophones, none for an
    address that is no government site's or spells no known stem."""
    label = site_label(url)
    if not label:
        return []
    stems = _stems_by_pinyin().get(label, ())
    return [stem + suffix for stem in stems if known_place(stem, suffix)]
