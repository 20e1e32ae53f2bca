"""FIRST SECTION, CUT (issue 9, fresh11 tune R09): a review of work done, excerpted inside its
first section.

A report reviewing the work done (its opening names a review or a report of it: 回顾, 总结,
完成情况, 进展情况, 执行情况 — no plan: 分解, 方案, 计划 …) is cut into sections headed
``(一)name`` or ``一、name``, each section's paragraphs saying what was done. A copy that ends
inside the first section holds one heading, not the three the headed reader asks for
(:mod:`.headings`, where two or three headings are as often a story's parts). The one heading
is still the report's first task when all of this holds, true of such excerpts wherever they
come from:

- the heading is numbered one ((一), 一、), stands on its line, and is a name (2 to 30
  characters, no sentence mark); no other heading of its style follows it;
- the opening above it (at most five paragraphs) names a review or report of work done, and
  no plan;
- under it stand two or more paragraphs, at least half reporting work done
  (:func:`~.headings.reports`), none a requirement (要…, 下一步…);
- the page ends inside them, mid-sentence (the last paragraph closed by no full stop): the
  copy was cut there. A whole article in one section ends its last sentence and stays news.

Task = the heading's name, progress = the paragraphs under it; no units. Always warned with
the alternatives (news in sections; each paragraph's lead sentence a task of its own).
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.headings import REQUIREMENT, reports
from luoshi.ingest.text.prose.reportparts import HEADING_STYLES
from luoshi.ingest.text.rows import Para

__all__ = ["first_section_grid"]

_HEADER = ("序号", "任务内容", "进展情况")
_OPENING_PARAS = 5
_REVIEW = re.compile(
    r"回顾|总结|完成情况|进展情况|推进情况|落实情况|执行情况|实施情况|工作情况|成效"
)
_PLAN = re.compile(r"分解|分工|印发|工作安排|目标安排|清单|方案|计划|要点|部署")
_SENTENCE_MARK = re.compile(r"[。，,；;！!？?:：]")
_CLOSED = re.compile(r"[。！!？?”」』)）]$")
_STYLES = ("cn_paren", "cn")


def _first_heading(text: str) -> tuple[str, str, str] | None:
    """(style, serial as written, name) of a heading numbered one standing on its line."""
    plain = to_simplified(text.strip())
    for style in _STYLES:
        m = HEADING_STYLES[style].match(plain)
        if m is None:
            continue
        name = text.strip()[m.end() :].strip()
        if m.group(1) != "一" or not 2 <= len(name) <= 30 or _SENTENCE_MARK.search(name):
            return None
        serial = text.strip()[: m.end()].strip().rstrip("、")
        return style, serial, name
    return None


def first_section_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of one task when the page is a review cut inside its first section (rule
    above), else None."""
    texts = [p.text.strip() for p in paras]
    found = [(k, h) for k, t in enumerate(texts) if (h := _first_heading(t)) is not None]
    if len(found) != 1:
        return None
    k, (style, serial, name) = found[0]
    if any(HEADING_STYLES[style].match(to_simplified(t)) for t in texts[k + 1 :]):
        return None  # a later heading of the style: the headed reader's page
    opening = to_simplified(" ".join([t for t in texts[:k] if t][-_OPENING_PARAS:]))
    if not _REVIEW.search(opening) or _PLAN.search(opening):
        return None
    body = [t for t in texts[k + 1 :] if t]
    if len(body) < 2 or _CLOSED.search(body[-1]):
        return None  # the page must end inside the section, mid-sentence
    plain = [to_simplified(t) for t in body]
    if any(REQUIREMENT.match(t) for t in plain) or 2 * sum(map(reports, plain)) < len(plain):
        return None
    line = paras[k].line
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=line) for c, h in enumerate(_HEADER)],
        [GridCell(x, 1, c, line=line) for c, x in enumerate((serial, name, "\n".join(body)))],
    ]
    warning = (
        line,
        f"one section heading ({serial}{name}) over {len(body)} paragraphs of work done, the "
        "page cut inside them: read as the first task of a review cut short — the "
        "alternatives are news in sections, or each paragraph's lead sentence a task",
    )
    return Grid(rows=rows, preamble=texts[:k]), [warning]
