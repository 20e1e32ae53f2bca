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
    lines = text.split("\n", _HEAD_LINES)  # the head lines, then the rest in one piece
    url = ""
    for i, line in enumerate(lines[:_HEAD_LINES]):
        m = _SOURCE_LINE.match(line)
        if not m:
            continue
        if m.group(1).upper() == "URL" and not url:
            url = m.group(2)
        lines[i] = ""
    return "\n".join(lines), url


# A pinyin reading in brackets right after a Chinese character, as some mirror sites print
# every character's reading: 序號(hào). Tone-marked letters tell it from an English word.
# (The bracket is matched first and the character before it checked by looking back past it:
# the scan then jumps from bracket to bracket instead of testing every position.)
_READING = r"([a-zü]*[\u00e0-\u01dc][a-zü\u00e0-\u01dc]*)[)）]"  # the letters, the closing bracket
_GLOSS = re.compile(r"[(（](?<=[\u4e00-\u9fff][(（])" + _READING)
_MIN_GLOSSES = 5
# The same glosses opened by one bracket each: a pattern opening with one literal character
# is searched for it directly, where one opening with a class tests the class at every
# character of the page. A gloss holds no bracket, so no two overlap and the counts of the
# two add up to the count of _GLOSS's matches (most pages: none).
_GLOSS_BY_OPENER = (
    re.compile(r"\((?<=[\u4e00-\u9fff]\()" + _READING),
    re.compile(r"（(?<=[\u4e00-\u9fff]（)" + _READING),
)


def strip_pinyin_glosses(text: str) -> tuple[str, int]:
    """(text without the glosses, how many were removed) when the page carries at least five
    of them (a mirror site's habit, not the document's text); the text unchanged otherwise."""
    if sum(len(p.findall(text)) for p in _GLOSS_BY_OPENER) < _MIN_GLOSSES:
        return text, 0
    found = _GLOSS.findall(text)
    if len(found) < _MIN_GLOSSES:
        return text, 0
    return _GLOSS.sub("", text), len(found)
