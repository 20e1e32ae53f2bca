"""Cues of a prose list's structure that its items do not say themselves: a status after an
item's unit note, progress paragraphs under items (a report whose opening does not say so),
and a notice's own arrangements numbered like a list (rules in each function's docstring)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from luoshi.ingest.text.prose.items import (
    CN_NUMBERED,
    NEXT_STEPS,
    STYLES,
    UNIT_LINE,
    reports_done,
    role_sentence,
    unit_note,
)
from luoshi.ingest.text.rows import Para

# A short status closing an item after its unit note: "…(责任单位:市水务局)该件实事已全面完成".
_STATUS_TAIL = re.compile(
    r"(?<=[)）])\s*(?:(?:该|此|本)(?:件|项)?(?:实事|工作|任务|项目)?)?\s*"
    r"(?:已全面完成|全面完成|已基本完成|基本完成|已完成|正在推进|推进中|未完成|已开工|滞后)"
    r"[。.;；]?\s*$"
)


def status_tail(text: str) -> tuple[str, str]:
    """(text, status): a paragraph whose unit note is followed only by a short status
    ("…(责任单位:X)该件实事已全面完成") is read without the status, so the note closes it; the
    status is returned to be named in a warning. ("", unchanged text) when there is none."""
    m = _STATUS_TAIL.search(text)
    if m is None or m.start() == 0 or unit_note(text[: m.start()]) is None:
        return text, ""
    return text[: m.start()].rstrip(), m.group(0).strip()


# Progress said as a paragraph under an item: it opens with a reporting period or says the
# work is done (此项工作已完成。截至…, 已建成…) — stricter than reports_done, whose word and
# figure a plan's own description may carry.
_DONE_PARAGRAPH = re.compile(
    r"^(?:上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|今年以来|年初以来|截至|截止|目前"
    r"|\d{1,2}\s*[-—－~至到]\s*\d{1,2}\s*月|\d{1,2}月份)"
    r"|^.{0,8}(?:已完成|已全面完成|已建成|已竣工|累计完成)"
)
# At least this many items followed by such a paragraph make the page a progress report.
MIN_DONE_PARAGRAPHS = 2


def reports_under_items(paras: list[Para]) -> int:
    """How many unnumbered paragraphs stand right under an item closed by its unit note (or
    under a unit line) and open by saying what was done: a page whose items each carry such a
    paragraph is a progress report even when its opening does not say so."""
    count = 0
    for prev, p in pairwise(paras):
        above, text = status_tail(prev.text.strip())[0], p.text.strip()
        if CN_NUMBERED.match(text) or any(s.match(text) for s in STYLES.values()):
            continue
        if not (unit_note(above) or UNIT_LINE.match(above)):
            continue
        if _DONE_PARAGRAPH.search(text) and not NEXT_STEPS.match(text):
            count += 1
    return count


def reports_after_unit_sentence(paras: list[Para]) -> int:
    """How many items say, after a sentence naming their unit (…。由市某局组织实施。…), what
    was done, when most items with such a sentence do: text after the unit is then the item's
    progress, as a paragraph under it is. 0 when fewer than half do (a plan's own description
    after its unit may carry a figure: …。由市某局负责。新建公园3个。)."""
    rests = [found[3] for p in paras if (found := role_sentence(p.text.strip())) and found[3]]
    done = sum(1 for rest in rests if reports_done(rest))
    return done if done * 2 > len(rests) else 0


# An item opening with the name of a notice's arrangement: "督查内容:", "检查方式:", "时间安排:"
# (the field words a notice sets out its own steps with, not a task's theme like "稳增长:").
_ARRANGEMENT = re.compile(
    r"^([\u4e00-\u9fa5]{0,4}(?:内容|方式|时间|安排|要求|范围|对象|重点|步骤|程序|地点|人员|组织|纪律))"
    r"\s*[:：]"
)
MIN_ARRANGEMENTS = 3


def arrangement_label(text: str) -> str | None:
    """The arrangement label a text opens with (督查内容:…), or None."""
    m = _ARRANGEMENT.match(text.strip())
    return m.group(1) if m else None


def arrangement_labels(items: Sequence[str]) -> list[str] | None:
    """The labels when a numbered list's items (their text without the number) all open with
    the name of an arrangement, a different one each (1.督查内容:… 2.督查方式:… 3.时间安排:…):
    a notice setting out its own steps, not a list of tasks. None otherwise."""
    if len(items) < MIN_ARRANGEMENTS:
        return None
    labels = [m.group(1) for t in items if (m := _ARRANGEMENT.match(t.strip()))]
    if len(labels) < len(items) or len(set(labels)) < len(labels):
        return None  # not every item, or a label repeated: a form's fields, not one notice
    return labels
