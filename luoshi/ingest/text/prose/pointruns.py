"""The points of a point-list page (:mod:`.points`) and the run of them that is its list.

Rules (the page read in simplified characters):

- a *point* is a paragraph opening with a marker of one style: 一是/二是, 第一,/第二,, 一、,
  (一), a circled numeral (①, cut like 一是 where points run together), a Chinese numeral glued to the text (一开展…行动, not 一季度/一批/一是), or — without a
  number — a paragraph opening 关于<a name>。 or 关于<a name>: (its number is its place);
  points run together in one paragraph are cut where the next marker of the style counts on
  after a sentence's or clause's end (…。二是…); a lone first marker right after the colon
  closing the lead-in (…开展工作:一是…。) opens the list when the next paragraph opens with
  the second marker (二是…);
- the *list* is the longest run of points of one style numbered 1, 2, 3 … in order, at least
  three of them, of a style whose numbering does not restart under two or more points of
  another run (一是, 二是 under each 关于X。 are its sub-points) and that does not lie wholly
  inside one point of another run of at least as many points (一是…三是 within the third
  一开展…行动's paragraph are its sub-points); the paragraphs between two
  points belong to the point above (its sub-points, its progress) up to one opening 下一步…;
  after the last point only sub-points, sentences saying what was done, or as many sentences
  as the other points have under them belong to it (a "相关新闻" block, links, a sign-off do
  not), and never a point of the style (a second list restarting at 一是).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.items import NEXT_STEPS, STYLES, reports_done, style_value
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import CLOSING

MIN_POINTS = 3
_NUMERAL = "一二三四五六七八九十"
# A numeral glued to the text: not a count (一批, 三个), a time (一季度, 三月, 十年), 一是, 一、,
# nor a word that opens with a numeral (一般, 一直, 十分, 一体化, 三农).
_GLUED_NOT = "是、季月年日号批期次项条个件种类级些般直定起样部分半周天点百千万亿届线层带旦切同致并手向体农生方来"
_POINT_STYLES: dict[str, re.Pattern[str]] = {
    "cn_shi": STYLES["cn_shi"],
    "cn_di": STYLES["cn_di"],
    "cn": re.compile(rf"^([{_NUMERAL}]{{1,3}})\s*、\s*(?=\S)"),
    "cn_paren": STYLES["cn_paren"],
    "circled": STYLES["circled"],
    "cn_glued": re.compile(
        rf"^([{_NUMERAL}]{{1,2}})(?![{_NUMERAL}{_GLUED_NOT}])(?=[\u4e00-\u9fa5])"
    ),
}
WORD_STYLES = frozenset({"cn_shi", "cn_di"})
# 关于<name>。 / 关于<name>: opening a paragraph: a point named, not numbered.
_ABOUT = re.compile(r"^关于([^。:：,，;；]{2,40})[。:：]\s*")
# Where a point run on from the previous one may start inside a paragraph.
_INNER_BOUNDARY = r"(?<=[。；;:：!！?？])\s*"
_INNER = {
    "cn_shi": re.compile(_INNER_BOUNDARY + rf"([{_NUMERAL}]{{1,3}})是(?=\S)"),
    "cn_di": re.compile(_INNER_BOUNDARY + rf"第([{_NUMERAL}]{{1,3}})\s*[,，、:：]"),
    # a circled numeral is a list marker and nothing else: run together after a sentence's or
    # the lead-in's end (续办民生实事:①…。②…。), it cuts the points apart as 一是 does
    "circled": re.compile(_INNER_BOUNDARY + r"([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"),
}


@dataclass
class _Point:
    serial: str
    value: int
    line: int
    text: str
    body: list[str] = field(default_factory=list)
    line_end: int = 0
    # the text and body as the page writes them (the rules read them simplified: 關於 is 关于)
    written: str = ""
    written_body: list[str] = field(default_factory=list)


def _cut_inner(paras: list[Para]) -> tuple[list[Para], list[str]]:
    """Points run together in one paragraph cut apart, where the next marker of a word style
    counts on from the last one (一是…。二是…; "…10件实事:一是…" cuts before 一是): the
    paragraphs in simplified characters, and the same pieces as the page writes them (the
    conversion is character by character, so the cuts fall at the same places)."""
    out: list[Para] = []
    written: list[str] = []
    for n, p in enumerate(paras):
        as_written = p.text.strip()
        text = to_simplified(as_written)
        after = to_simplified(paras[n + 1].text.strip()) if n + 1 < len(paras) else ""
        cuts: list[int] = []
        for style, inner in _INNER.items():
            opening = _POINT_STYLES[style].match(text)
            last = style_value(opening.group(1)) if opening else 0
            found: list[int] = []
            for m in inner.finditer(text):
                if style_value(m.group(1)) == last + 1:
                    found.append(m.start(1) - (1 if style == "cn_di" else 0))
                    last += 1
            if len(found) + (1 if opening else 0) >= 2 or _glued_first(
                style, text, found, opening is None, after
            ):
                cuts = found
                break
        bounds = [0, *cuts, len(text)]
        for k, (a, b) in enumerate(pairwise(bounds)):
            if text[a:b].strip():
                out.append(Para(p.line, text[a:b].strip(), p.gap if k == 0 else 0))
                written.append(as_written[a:b].strip())
    return out, written


def _glued_first(style: str, text: str, found: list[int], bare: bool, after: str) -> bool:
    """GLUED FIRST POINT RULE: the first point of a list glued to the end of its lead-in
    (…围绕以下十个方面开展工作:一是加快…。) opens a point all the same when it is the only
    marker in the paragraph, stands right after a colon, and the next paragraph opens with
    the second marker of the style (二是…): the list starts inside the lead-in's line."""
    if not bare or len(found) != 1 or found[0] == 0 or text[found[0] - 1] not in ":：":
        return False
    nxt = _POINT_STYLES[style].match(after)
    return nxt is not None and style_value(nxt.group(1)) == 2


def _marker(style: str, text: str) -> tuple[int, str, str] | None:
    """(number, serial, text after the marker) of a point of ``style``, or None."""
    m = _POINT_STYLES[style].match(text)
    if m is None:
        return None
    value = style_value(m.group(1))
    return (value, m.group(1), text[m.end() :].strip()) if value else None


def _runs(paras: list[Para]) -> list[tuple[str, list[int]]]:
    """Each style's longest run of point paragraphs numbered 1, 2, 3 … (indexes into
    ``paras``), when it has at least ``MIN_POINTS``: one run per style keeps the reader
    linear in the page."""
    runs: list[tuple[str, list[int]]] = []
    for style in _POINT_STYLES:
        best: list[int] = []
        run: list[int] = []
        for k, p in enumerate(paras):
            found = _marker(style, p.text.strip())
            if found is None:
                continue
            if run and found[0] == len(run) + 1:
                run.append(k)
                continue
            best = max(best, run, key=len)
            run = [k] if found[0] == 1 else []
        best = max(best, run, key=len)
        if len(best) >= MIN_POINTS:
            runs.append((style, best))
    about = [k for k, p in enumerate(paras) if _ABOUT.match(p.text.strip())]
    if len(about) >= MIN_POINTS:
        runs.append(("about", about))
    return runs


def _nested(style: str, runs: list[tuple[str, list[int]]], paras: list[Para]) -> bool:
    """The style's numbering restarts at 1 under two or more points of another run (一是,
    二是 under each 关于X。): its points are that run's sub-points, not the list."""
    if style == "about":
        return False
    for other, other_at in runs:
        if other == style:
            continue
        restarts = 0
        for a, b in pairwise([*other_at, len(paras)]):
            restarts += any(
                (found := _marker(style, paras[j].text)) is not None and found[0] == 1
                for j in range(a + 1, b)
            )
        if restarts >= 2:
            return True
    return False


def _inside_one_point(inner: list[int], outer: list[int]) -> bool:
    """Every paragraph of the run ``inner`` falls between two points of the run ``outer`` that
    follow each other, or after its last point: the stretch of one of its points."""
    spans = pairwise([*outer, 1 << 62])
    return any(all(a < k < b for k in inner) for a, b in spans)


def _points(paras: list[Para], written: list[str], style: str, at: list[int]) -> list[_Point]:
    points: list[_Point] = []
    longest = 0  # the most body paragraphs of a point so far
    for n, k in enumerate(at):
        text = paras[k].text.strip()
        if style == "about":
            serial, value, rest = "", n + 1, text
        else:
            value, serial, rest = _marker(style, text)  # type: ignore[misc]
        point = _Point(serial, value, paras[k].line, rest, line_end=paras[k].line)
        point.written = written[k][len(text) - len(rest) :]
        end = at[n + 1] if n + 1 < len(at) else len(paras)
        for j in range(k + 1, end):
            body = paras[j].text.strip()
            last = n + 1 == len(at)
            if (
                NEXT_STEPS.match(body)
                or (_ABOUT.match(body) if style == "about" else _marker(style, body))
                or (last and not _belongs_after_last(body, len(point.body) < longest))
            ):
                break  # (a point of the style after the run starts another list)
            point.body.append(body)
            point.written_body.append(written[j])
            point.line_end = paras[j].line
        points.append(point)
        longest = max(longest, len(point.body))
    return points


def _belongs_after_last(text: str, as_others: bool) -> bool:
    """After the last point only a sentence is its own, and only a sub-point, a sentence
    saying what was done, or a paragraph where the other points have as many (``as_others``)."""
    numbered = any(s.match(text) for s in STYLES.values())
    return bool(CLOSING.search(text)) and (numbered or as_others or reports_done(text))
