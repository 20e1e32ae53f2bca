"""One definition of how a corpus expectation (tests/corpus/expected/NNN.json) is compared.

Pure Python, no luoshi import: the benchmark (benchmarks/corpus_quality.py), the annotators'
helper (tests/corpus/annotate.py) and tests all use these functions, so a cell means the same
thing everywhere. The format itself is described in tests/corpus/SCHEMA.md (issue 9):

- ``normalise``: Unicode NFKC, all whitespace removed, a leading/trailing "|" stripped; a cell
  that is only an empty marker (——, —, -, 无, /) becomes "".
- ``encode``: a normalised cell of at most 16 characters is kept literally, a longer one as
  ``{"n": length, "h": first 10 hex of sha1(UTF-8)}``.
- ``cell_matches``: an expected cell (literal, hash or list of unit names) against parsed text
  or a parsed unit list; units compare as lists, in order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

LITERAL_MAX = 16
EMPTY_MARKERS = frozenset({"——", "—", "-", "无", "/", "--", "－"})
_SPACE = re.compile(r"\s+")
# Unit lists split at these separators at top level (not inside brackets).
UNIT_SEPARATORS = "、,，;；\n"
_OPEN = "(（[【〔"
_CLOSE = ")）]】〕"


def normalise(text: str | None) -> str:
    """NFKC, no whitespace, no outer "|"; an empty marker alone is ""."""
    if not text:
        return ""
    out = _SPACE.sub("", unicodedata.normalize("NFKC", text)).strip("|")
    out = _SPACE.sub("", out)
    # NFKC turns —— into itself and － into -, so the marker test runs on the normalised form.
    if out in EMPTY_MARKERS or out in {unicodedata.normalize("NFKC", m) for m in EMPTY_MARKERS}:
        return ""
    return out


def digest(normalised: str) -> str:
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:10]


def encode(text: str | None) -> str | dict[str, Any]:
    """The expectation form of a cell: literal when short, else length and hash."""
    norm = normalise(text)
    if len(norm) <= LITERAL_MAX:
        return norm
    return {"n": len(norm), "h": digest(norm)}


def split_units(text: str) -> list[str]:
    """Unit names of a cell, split at top-level separators (not inside brackets)."""
    text = unicodedata.normalize("NFKC", text or "")
    names: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in UNIT_SEPARATORS:
            names.append("".join(current))
            current = []
        else:
            current.append(ch)
    names.append("".join(current))
    return [n for n in (normalise(x) for x in names) if n]


def encode_units(text_or_names: str | Iterable[str]) -> list[str]:
    if isinstance(text_or_names, str):
        return split_units(text_or_names)
    return [n for n in (normalise(x) for x in text_or_names) if n]


def cell_matches(expected: Any, parsed: str | Sequence[str] | None) -> bool:
    """True when the parsed cell (text, or a list of unit names) equals the expectation."""
    if isinstance(expected, list):
        if parsed is None:
            return not expected
        names = encode_units(parsed)
        return names == [normalise(x) for x in expected]
    if isinstance(parsed, list | tuple):
        parsed = "".join(parsed)
    norm = normalise(parsed)
    if isinstance(expected, dict):
        return len(norm) == expected.get("n") and digest(norm) == expected.get("h")
    return norm == normalise(str(expected))


def head(value: Any, width: int = 6) -> str:
    """At most ``width`` characters of a cell, for messages (never a whole page's text)."""
    if isinstance(value, dict):
        return f"#{value.get('n')}:{str(value.get('h'))[:4]}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(normalise(str(x))[:width] for x in value[:3]) + (
            ",…]" if len(value) > 3 else "]"
        )
    norm = normalise(str(value) if value is not None else "")
    return norm[:width] + ("…" if len(norm) > width else "")


_SHI_SERIAL = re.compile(r"^([一二三四五六七八九十]{1,3})是$")


def serial_key(serial: str | None) -> str:
    """A serial as the expectations write it: normalised, without trailing 、 . ．, and a point
    marker 一是 as its numeral 一 (annotators wrote both for the same marker)."""
    key = normalise(serial).rstrip("、.．。")
    return _SHI_SERIAL.sub(r"\1", key)


def task_head(text: str | None, width: int = 8) -> str:
    return normalise(text)[:width]
