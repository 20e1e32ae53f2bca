"""The parts of a headed report's task body (used by :mod:`.headings`): the numbering styles
of its headings, and sub-headings naming the report's parts ((一)主要进展 / (二)存在问题 /
(三)下步打算), each part going to its column (进展情况, 存在问题, 下一步打算)."""

from __future__ import annotations

import re

from luoshi.ingest.text.prose.items import STYLES

# Numbering styles, outermost first (一、 over (一) over 1. …); group 1 is the number.
HEADING_STYLES: dict[str, re.Pattern[str]] = {
    "cn": re.compile(r"^([一二三四五六七八九十]{1,3})\s*、\s*"),
    "cn_paren": STYLES["cn_paren"],
    "cn_di": STYLES["cn_di"],
    "arabic": STYLES["arabic"],
    "paren": STYLES["paren"],
    "half_paren": STYLES["half_paren"],
    "circled": STYLES["circled"],
}


def written_span(simple: str, written: str, piece: str) -> str:
    """``piece`` (found in the simplified paragraph) as the page writes it: the same span of
    the written paragraph (a character-by-character conversion keeps the length)."""
    at = simple.find(piece) if piece else -1
    if at < 0 or len(simple) != len(written):
        return piece
    return written[at : at + len(piece)]


# A task's body may be cut into the report's parts by sub-headings naming them: (一)主要进展 /
# (二)存在问题 / (三)下步打算. The column each part goes to, and what names it.
PART_HEADERS = ["进展情况", "存在问题", "下一步打算"]
# A part's whole name (fullmatch): "推进情况良好" says something, it names no part.
_PART_NAMES = (
    (
        "存在问题",
        re.compile(
            r"(?:存在的?|主要|当前)?(?:问题|困难|不足)(?:[和及与、](?:问题|困难|不足|建议))*"
        ),
    ),
    (
        "下一步打算",
        re.compile(
            r"(?:下一步|下步|今后|后期)(?:工作)?(?:打算|计划|措施|思路|安排)?|工作(?:打算|计划|思路)"
        ),
    ),
    (
        "进展情况",
        re.compile(
            r"(?:主要|工作|项目|目前|当前|总体|建设)?(?:工作)?(?:进展情况|进展|进度|完成情况|推进情况"
            r"|落实情况|实施情况|开展情况|做法|成效)(?:[及和与、](?:成效|做法|进展|亮点|成果))*"
        ),
    ),
)


def body_parts(body: list[str], written: list[str]) -> dict[str, list[str]]:
    """The body's paragraphs (``body`` simplified, ``written`` as the page writes them) by
    part: all progress, unless sub-headings (any numbering, a name only, or name: text) name
    the parts."""
    out: dict[str, list[str]] = {}
    part = PART_HEADERS[0]
    for text, page_text in zip(body, written, strict=True):
        found = part_heading(text)
        if found is not None:
            part = found[0]
            if found[1]:
                out.setdefault(part, []).append(written_span(text, page_text, found[1]))
            continue
        out.setdefault(part, []).append(page_text)
    return out


_PART_NAME_MAX = 12


def part_heading(text: str) -> tuple[str, str] | None:
    """(column, text after it) when the paragraph is a numbered sub-heading naming a part."""
    for pattern in HEADING_STYLES.values():
        if m := pattern.match(text):
            pieces = re.split(r"[:：]", text[m.end() :], maxsplit=1)
            name, rest = pieces[0], pieces[1] if len(pieces) > 1 else ""
            break
    else:
        return None
    name = name.strip().rstrip("。")
    if not name or len(name) > _PART_NAME_MAX:
        return None
    for column, words in _PART_NAMES:
        if words.fullmatch(name):
            return column, rest.strip()
    return None
