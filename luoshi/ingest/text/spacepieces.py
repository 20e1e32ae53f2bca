"""How a space-separated line's pieces become words (used by :mod:`.spacerows`): spaces that
pad a narrow cell are no cell borders. Rules, true of such tables wherever they come from:

- SPACED HEADER WORDS: in a header whose cells are parted by single spaces, a piece of two
  characters or fewer naming no column (牵头, 主体, 配合) set off from the next piece by a run
  of spaces is one word with it when the two together name a column (牵头  领导 = 牵头领导);
- SPACED NAME: two single Chinese characters side by side in a row are one word spaced out
  to fill its cell (a two-character name padded to three: 汪  峰), as 序 号 is in a header.
"""

from __future__ import annotations

import re

from luoshi.ingest.headers import header_role
from luoshi.vocab import ColumnRole

MAX_HEADER_LEN = 24  # (as spacerows: a header word is a name, not a phrase)


_PAD = re.compile(r"(?:(?<=\s)|^)(\S{1,2})[ \t\u3000]{2,}(?=(\S+))")


def close_padding(line: str) -> str:
    """SPACED HEADER WORDS: in a header whose cells are parted by single spaces, a piece of two
    characters or fewer naming no column (牵头, 主体, 配合) set off from the next piece by a
    run of spaces is one word with it when the two together name a column (牵头  领导 =
    牵头领导, 主体          责任单位 = 主体责任单位): the run pads a narrow cell, it is not
    a border. A longer piece, or one parted by a single space (单位 工作目标), stays a word."""
    if not re.search(r"\S \S", line):
        return line  # (no single-space borders: the runs are the borders)

    def join(m: re.Match[str]) -> str:
        joined = m.group(1) + m.group(2)
        if header_role(m.group(1), True) is ColumnRole.OTHER and (
            len(joined) <= MAX_HEADER_LEN and header_role(joined, True) is not ColumnRole.OTHER
        ):
            return m.group(1)
        return m.group(0)

    return _PAD.sub(join, line)


_HAN = re.compile(r"^[\u4e00-\u9fa5]$")


def join_spaced_name(pieces: list[str]) -> list[str]:
    """SPACED NAME: two single Chinese characters side by side in a row are one word spaced
    out to fill its cell (a two-character name padded to three: 汪  峰), as 序 号 is in a
    header; no cell of a task table is one character followed by another one-character cell."""
    out: list[str] = []
    for p in pieces:
        if out and _HAN.match(p) and _HAN.match(out[-1][-1]) and len(out[-1]) == 1:
            out[-1] += p
        else:
            out.append(p)
    return out
