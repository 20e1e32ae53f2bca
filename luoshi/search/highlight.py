"""Mark search words in text, escaping the text first: data never becomes markup."""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    terms = tuple(t for t in terms if t)
    if not terms:
        return None
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))  # longest match wins
    return re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)


def _spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    pattern = _pattern(terms)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def highlight(text: str, terms: tuple[str, ...] | list[str]) -> SafeString:
    """``text`` HTML-escaped, with every occurrence of a term inside ``<mark>``."""
    text = text or ""
    out, last = [], 0
    for start, end in _spans(text, tuple(terms)):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece above is escaped


def has_match(text: str, terms: tuple[str, ...] | list[str]) -> bool:
    pattern = _pattern(tuple(terms))
    return bool(text) and pattern is not None and pattern.search(text) is not None


def snippet(text: str, terms: tuple[str, ...] | list[str], width: int = 80) -> SafeString:
    """About ``width`` characters of ``text`` around its first match, highlighted."""
    text = " ".join((text or "").split())
    spans = _spans(text, tuple(terms))
    if len(text) <= width:
        return highlight(text, terms)
    start = max(0, (spans[0][0] if spans else 0) - width // 4)
    end = min(len(text), start + width)
    piece = highlight(text[start:end], terms)
    return mark_safe(("…" if start else "") + piece + ("…" if end < len(text) else ""))
