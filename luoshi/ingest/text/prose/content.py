"""Items that are a **heading over a content paragraph**, in every prose reader (the forms,
the prose list, the point list)::

    一、实施农村天然气村村通                      (the heading: the task)
    为1241个村庄接通天然气。年度计划实施17万户。  (the content: what and how much, its target)
    项目进展:…(责任单位:…)                        (fields, as each reader reads them)

Rules, true of such pages wherever they come from:

- a *heading* is a line of at most 30 characters that does not close a sentence (no 。;;:
  at its end) and names work: it opens with a verb of work (实施, 建设, 改造 …) or names a
  project (…工程, …项目, …行动) — in a heading sentence closed by 。 (below) the verb may
  follow a word of manner (持续, 着力, 全力 …) or be 做好/确保 — a name of the work, not its
  description, and not a
  category (城乡建设, 社会保障: a verb's noun closing a field's name);
- the page's items are headings over content when at least two items are a heading with
  content under it and every item with content under it opens with a heading; then each
  heading is its task and the content its target (column 内容及目标), warned with the
  alternative (the content is part of the task);
- content saying what has been done or is under way (已…, 正在…, 目前…, 截至…, 累计…) is
  progress, not a target: a page where any item's content says so is no headings over
  content (each reader keeps its own reading: progress in a report, the task's text in a
  plan);
- a heading may close with 。 on its content's line (一、改善教育教学条件。<content>): a short
  name sentence (:mod:`.sentences`) is the heading, the rest of the line its content;
- items whose heading lines (with their numbers) all have the same width are a column
  wrapped at a fixed width, not headings: their text stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from luoshi.ingest.model import Column
from luoshi.vocab import ColumnRole

CONTENT_HEADER = "内容及目标"  # (read as a target by the header vocabulary too)
CONTENT_COLUMN = Column(CONTENT_HEADER, ColumnRole.TARGET)
HEADING_MAX = 30
_MIN_ITEMS = 2
_CLOSES = re.compile(r"[。;；:：]\s*$")
# A task-like thing: a project or action, a verb of work.
WORK_WORD = re.compile(
    r"项目|工程|行动|实事|计划|实施|开展|建设|新建|改建|扩建|改造|推进|提升|打造|整治|完成|建成"
    r"|新增|开工|启动|加快|推动|实现|治理|修复|培育|引进|举办|办好|落实|发放|保障"
    r"|改善|扩大|完善|优化|增加|提高|健全"
)


_PROJECT = re.compile(r"项目|工程|行动|实事")
# A heading's verb may follow a word of manner or pace (持续改善X, 着力提升X, 全力做好X), and a
# plan heads its work with 做好/确保 as well (确保X满意回迁): still a name of the work.
# (进一步 is no such word: 进一步做好X工作 opens a requirement, a task's own sentence.)
_MANNER = (
    r"(?:加速|加大|持续|着力|倾力|扎实|全力|全面|大力|切实|积极|深入|不断|稳步|统筹"
    r"|努力|继续)?"
)
_HEADING_VERB = re.compile(rf"{_MANNER}(?:{WORK_WORD.pattern}|做好|确保)")
# Content saying what has been done or is under way: progress, not a target.
_PROGRESS = re.compile(r"已|正在|目前|截至|截止|累计")


def is_heading(line: str, *, closed: bool = False) -> bool:
    """A line naming the work, not describing it (rules above). ``closed``: a name sentence
    closed by 。 before its content (:mod:`.sentences`), whose verb may follow a word of manner
    or be 做好/确保; a bare line needs its verb first (进一步做好X工作 over a paragraph is
    the task's first line as often as a heading)."""
    line = line.strip()
    return (
        bool(line)
        and len(line) <= HEADING_MAX
        and not _CLOSES.search(line)
        and bool((_HEADING_VERB if closed else WORK_WORD).match(line) or _PROJECT.search(line))
    )


def headings_over_content(
    items: Sequence[tuple[str, str, str]], *, same_line: bool = False
) -> bool:
    """Whether items given as (serial, first line, content under it; "" when none) are
    headings over content (rules above). ``same_line``: each heading is a sentence closed
    by 。 on its content's line (:mod:`.sentences`), cut at a stop, never at a fixed width."""
    with_content = [(s, h) for s, h, c in items if c.strip()]
    if len(with_content) < _MIN_ITEMS or not all(
        is_heading(h, closed=same_line) for _, h in with_content
    ):
        return False
    if any(_PROGRESS.search(c) for *_, c in items):
        return False
    return same_line or len({len(s) + len(h.strip()) for s, h in with_content}) > 1


def content_warning(count: int) -> str:
    """The warning a reader gives when it read items as headings over content."""
    return (
        f"{count} items are a heading over a content paragraph: the heading read as the "
        f"task, the paragraph as its {CONTENT_HEADER} (target) — the alternative is that the "
        "paragraph is part of the task"
    )
