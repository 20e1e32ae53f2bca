"""Lines a collector adds above a saved page: ``URL: …`` (where the page came from) and
``QUERY: …`` (the search that found it). The URL is provenance; the query is not part of the
page and must never be read as its title. Both lines are blanked (line numbers are kept).
"""

from __future__ import annotations

import re

_SOURCE_LINE = re.compile(r"^\s*(URL|QUERY)\s*[:：]\s*(.*?)\s*$", re.I)
# Only the first few lines can be collector lines; a "URL:" deep in a page is page text.
_HEAD_LINES = 5


def split_source_lines(text: str) -> tuple[str, str]:
    """(text with the collector lines blanked, the source URL or "")."""
    lines = text.split("\n")
    url = ""
    for i, line in enumerate(lines[:_HEAD_LINES]):
        m = _SOURCE_LINE.match(line)
        if not m:
            continue
        if m.group(1).upper() == "URL" and not url:
            url = m.group(2)
        lines[i] = ""
    return "\n".join(lines), url
