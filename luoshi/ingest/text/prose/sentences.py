"""Items whose paragraph opens with a **heading sentence**: a short name closed by a full stop,
then what is said about it on the same line (issue 9, fresh5 causes 3 and 4)::

    1.农村交通建设。建成农村公路900公里,完成目标任务。     (name, then what was done)
    一、改善教育教学条件。新建校舍2万平方米,改造操场5个。   (name, then its content)
    进展情况:已完成……                                     (its progress, labelled)

Rules, true of such lists wherever they come from:

- a *heading sentence* is the item's first sentence when it is a name: 2 to 20 characters,
  no comma, colon or other stop inside it, closed by 。 and followed by more text on the line;
- HEADING SENTENCE REPORT RULE: the rest of an item reports what was done when it says a
  target is met or work is done (完成目标任务, 全面完成, 超额完成, 已完成, 已建成 …) or opens
  with a reporting period (截至…, 目前…, 今年以来, 1-10月份, 10月份, 一季度), not as an aim (确保/力争/争取/计划 before it: a plan's
  wording). When at least two items, and at least half of the items, of a list that has no
  progress of its own are so, the list is a report written ``N.name。progress``, as
  ``N、name:progress`` is: each item with a heading sentence splits into the task (the name,
  its 。 dropped) and its progress (the rest, with the item's later paragraphs) — also an item
  whose rest says no completion word (继续巩固…69.3万亩 is that year's work all the same);
- HEADING SENTENCE CONTENT RULE: where items carry their progress elsewhere (a labelled
  进展情况 field), an item opening with a heading sentence that names work over a content
  clause is the heading (the task) and the content (its target): the headings-over-content
  rule of :mod:`.content`, the heading cut at its 。 instead of a line break (asked by the
  forms reader).

- NAME CLAUSE REPORT RULE: an item whose first clause, closed by a comma, names a project
  (at most 30 characters ending in 工程, 项目, 行动, 实事; no verb of progress in it) and whose
  next clause opens with work under way or done (正在, 已, 目前, 现已, 截至, 累计, 主体) is
  ``N、name, progress``: "1、某某住宅楼三期工程,正在进行室内粉刷。" When at least two items, and
  at least half of the items, of a list with no progress of its own are so, each such item
  splits into the name (the task) and the rest (its progress, with the item's later
  paragraphs: a PDF's broken lines).

Wording in traditional characters (截至…今年以來, 已完成) is read as the simplified wording:
a mirror or a Taiwan/Hong Kong/Macau page says the same thing in the other script.

Ambiguous by nature: a plan item can also read "name。what is to be done"; the completion
words above are a report's, and every split is warned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.content import headings_over_content

# The first sentence is a name: short, no stop inside, closed by 。 with more text after it.
_NAME_SENTENCE = re.compile(r"^\s*([^。，,；;:：！!？?\s][^。，,；;:：！!？?]{1,19})。\s*(?=\S)")
# What was done: a target met, work done, or a reporting period opening the clause.
_MET = re.compile(
    r"完成了?(?:年度|全年|既定|省定|市定)?(?:目标)?任务|全面完成|超额完成|基本完成"
    r"|已(?:经)?(?:全面|全部|基本)?(?:完成|建成|竣工|开工|投用|投入使用|实现|开展|启动|落实|发放)"
)
_PERIOD_OPENER = re.compile(
    r"^(?:截至|截止|目前|今年以来|年初以来|上半年|前三季度|全年|第?[一二三四]季度"
    # a month range or a month reported on (1-10月份, 1至9月, 10月份): as of that month
    r"|\d{1,2}\s*[-—–－~～至到]\s*\d{1,2}\s*月|\d{1,2}\s*月份)"
)
# An aim before the words (确保全面完成目标任务) is a plan's wording.
_AIM = re.compile(r"(?:确保|力争|争取|计划|预计|拟|将|要|努力|保证)[^。；;]{0,6}$")
_MIN_ITEMS = 2


def heading_sentence(text: str) -> tuple[str, str] | None:
    """(name, rest) when ``text`` opens with a heading sentence, else None."""
    m = _NAME_SENTENCE.match(text)
    if m is None:
        return None
    return m.group(1).strip(), text[m.end() :].strip()


def reports_met(rest: str) -> bool:
    """Whether the clause after a heading sentence reports what was done (rules above)."""
    rest = to_simplified(rest.strip())  # (traditional wording says the same: 今年以來)
    if _PERIOD_OPENER.match(rest):
        return True
    return any(not _AIM.search(rest[: m.start()]) for m in _MET.finditer(rest))


# NAME CLAUSE REPORT RULE: a project's name closed by a comma, then work under way or done.
_NAME_CLAUSE = re.compile(r"^\s*([^,，。;；:：]{2,28}?(?:工程|项目|行动|实事))\s*[,，]\s*(?=\S)")
_UNDER_WAY = re.compile(r"^(?:正在|已|目前|现已|截至|截止|累计|主体)")


def name_clause(text: str) -> tuple[str, str] | None:
    """(name, rest) when ``text`` opens with a project's name closed by a comma and goes on
    with work under way or done (NAME CLAUSE REPORT RULE), else None."""
    m = _NAME_CLAUSE.match(text)
    if m is None or _UNDER_WAY.search(m.group(1)):
        return None
    rest = text[m.end() :].strip()
    return (m.group(1).strip(), rest) if _UNDER_WAY.match(rest) else None


def split_reported(tasks: Sequence[Any]) -> int:
    """HEADING SENTENCE REPORT RULE, else NAME CLAUSE REPORT RULE, on the list reader's tasks
    (``text`` and ``done`` lists of paragraphs): splits them in place; returns how many were
    split (0 when neither rule holds)."""
    if not tasks or any(t.done for t in tasks):
        return 0
    found = [(t, h) for t in tasks if t.text and (h := heading_sentence(t.text[0])) is not None]
    reporting = sum(1 for _, (_, rest) in found if reports_met(rest))
    if reporting < _MIN_ITEMS or reporting * 2 < len(tasks):
        found = [(t, h) for t in tasks if t.text and (h := name_clause(t.text[0])) is not None]
        if len(found) < _MIN_ITEMS or len(found) * 2 < len(tasks):
            return 0
    for t, (name, rest) in found:
        t.done = [rest, *t.text[1:]]
        t.text = [name]
    return len(found)


REPORT_SPLIT_END = "the alternative is that the whole paragraph is the task"


def report_warning(count: int) -> str:
    """The warning the list reader gives when it split items by the report rule."""
    return (
        f"{count} items open with a short name closed by 。 (or a project's name closed by a "
        "comma) and go on saying what was done (完成目标任务, 已…, 正在…): the name read as the "
        "task, the rest as its progress — " + REPORT_SPLIT_END
    )


def headed_sentences(items: Sequence[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """HEADING SENTENCE CONTENT RULE on items given as (serial, text) with nothing under them
    (the point list: 一是加快X。<content>): [(heading, content)] when every item opens with a
    heading sentence and they are headings over content (:mod:`.content`), else None."""
    named = [heading_sentence(text) for _, text in items]
    found = [n for n in named if n is not None]
    if len(found) < len(items):
        return None
    parts = [(serial, n[0], n[1]) for (serial, _), n in zip(items, found, strict=True)]
    return found if headings_over_content(parts, same_line=True) else None
