"""Two shapes of a numbered prose list (used by :mod:`.listing`), true of such lists wherever
they come from:

- SUB-POINTS: paragraphs opening with a hyphen bullet (``- ``) under a numbered item are points
  of that item, not tasks of their own: their text continues the item's, and a unit note
  closing a point adds its units to the item's (lead first, in order, each once). The
  alternative (the numbered line a heading, each point a task) is warned.
- PLAIN GROUP HEADINGS: a short line with no marker and no sentence punctuation standing right
  before a numbered item names the group of the items under it (a working group, a domain),
  when the list has at least two such lines: one alone is likelier the list's title. (A
  line ending like an organisation, 工作组, is such a heading too when the item above it is
  closed by its own units: it cannot be that item's unit line.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from luoshi.ingest.text.rows import Para

# a hyphen bullet (not a minus before a figure, not a dash line)
SUB_POINT = re.compile(r"^[-–－](?![-–－\d])\s*(?=\S)")
_MAX_HEADING = 24
_NOT_HEADING = re.compile(r"[。.;；,，:：!！?？、()（）|｜【】\[\]]")
_MIN_HEADINGS = 2


def plain_headings(paras: Sequence[Para], numbered: re.Pattern[str]) -> set[int]:
    """Indexes of the PLAIN GROUP HEADINGS (module docstring) among ``paras``."""
    found = set()
    for k in range(len(paras) - 1):
        text = paras[k].text.strip()
        if not text or len(text) > _MAX_HEADING or _NOT_HEADING.search(text):
            continue
        if numbered.match(text) or SUB_POINT.match(text):
            continue
        if any(c.isdigit() for c in text):
            continue  # a figure: a statement or a date line, not a group's name
        if numbered.match(paras[k + 1].text.strip()):
            found.add(k)
    return found if len(found) >= _MIN_HEADINGS else set()


SUB_POINT_WARNING = (
    "{n} paragraph(s) opening with '- ' read as points of the numbered item above them, "
    "not tasks (alternative: the numbered line a heading, each point a task)"
)
