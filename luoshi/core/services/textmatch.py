"""Comparing task texts across periods: the same task is often re-typed with other spaces,
full-width or half-width punctuation, or a trailing full stop."""

from __future__ import annotations

import difflib
import re
import unicodedata

# Everything that is not a letter, a digit or a CJK character is noise for the comparison.
_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def normalize_text(text: str) -> str:
    """The comparison key of a text: NFKC, lower case, no whitespace and no punctuation."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text or "").lower())


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two texts after normalisation (1.0 = same key)."""
    ka, kb = normalize_text(a), normalize_text(b)
    if ka == kb:
        return 1.0
    if not ka or not kb:
        return 0.0
    return difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio()
