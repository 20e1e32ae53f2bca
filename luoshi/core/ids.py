"""Reading an id from a request: one rule for every page, form and API filter."""

from __future__ import annotations

# Ids are 64-bit: a larger number names nothing (and SQLite refuses to compare with it).
MAX_ID = 2**63 - 1


def parse_id(raw: object) -> int | None:
    """``raw`` as an id when it is written in ASCII digits, else None (``str.isdigit`` alone
    lets "²" through, which ``int`` refuses). A number beyond any id gives 0, which names
    nothing, so a filter by it matches no row instead of raising."""
    text = str(raw) if raw is not None else ""
    if not (text and text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= MAX_ID else 0
