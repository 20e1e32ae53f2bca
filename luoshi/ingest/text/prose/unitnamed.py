"""**Unit-named undertakings**: running paragraphs without markers or unit lines, each naming
one undertaking *by the unit responsible for it*, the way a town or a department lists the
projects it has taken on::

    累计征集重点项目10项。                                           (the lead)
    聚焦“民生”。由镇交通站负责的村道硬化项目,建设道路12公里,预计2021年11月份完成。
    聚焦“生态”。由镇农业办负责的美丽乡村建设项目,完善绿化亮化,预计2021年12月份完成。

Rule (UNIT-NAMED UNDERTAKINGS), what makes such paragraphs a task list rather than news:

- **the phrase**: a paragraph is an item when, within its first sentence or two (the first
  ``_MAX_OPEN`` characters), it names its undertaking with the unit answering for it: 由X负责
  的Y, 由X牵头(实施/建设/推进)的Y, 由X承建/实施的Y — X looking like a unit (局, 办, 站, 政府 …:
  ``shapes.looks_like_units``), Y a name of at most ``_MAX_NAME`` characters closed by a word of
  undertaking (项目, 工程, 行动, 实事). A responsibility stated with 由 is a task list's
  wording (the unit note 由X负责 of a prose list said inside the sentence); news cites a
  unit so in passing, not in every paragraph;
- **how many, how much**: at least ``MIN_TASKS`` items, in consecutive paragraphs (no other
  paragraph between the first and the last), each with one such phrase; the paragraphs above
  the first are the lead (title, counts), never a task. A page of which two or more paragraphs
  open with a list marker belongs to the list readers (tried before);
- **the cells**: task = Y as written; units = X; what the paragraph says before 由 is its
  frame — a short clause (at most ``_MAX_FRAME`` characters) opening every item with the same
  word (聚焦“…”) is the item's category, any other frame stays in the content; the content is
  the rest of the paragraph after Y; a closing clause stating when it is to be finished
  (预计2021年11月份完成, 计划年底前建成) is the deadline (its date); the content is the target on a
  page whose opening names no progress report (``items.is_report``), else the progress;
- always warned, naming the alternative (news citing the units of the projects it mentions;
  the whole paragraph as the task), with a doubt (medium confidence).
Tried among the readers of running text (``prose._RUNNING_TEXT_READERS``) on a page none of the
list readers reads. The result is a Grid read like any table.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.items import is_report
from luoshi.ingest.text.prose.newsreport import marked_page
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import looks_like_units

UNIT_NAMED_LAYOUT = "unit-named"
MIN_TASKS = 3
_MAX_NAME = 30
_MAX_FRAME = 20
_MAX_OPEN = 80
# 由X负责的Y项目 (matched on the simplified text; the cells are cut from the text as written,
# which the t2s conversion keeps character for character on these words)
_PHRASE = re.compile(
    r"由([^,，。；;、“”]{2,24}?)"
    r"(?:负责|牵头|承建|实施|主抓)(?:实施|建设|推进|落实|承办)?的"
    rf"([^,，。；;]{{2,{_MAX_NAME}}}?(?:项目|工程|行动|实事))"
)
# a closing clause saying when the undertaking is to be finished: 预计2021年11月份完成
_DEADLINE = re.compile(
    r"[,，;；]*\s*(?:预计|计划|力争|确保)(?:于|在)?\s*"
    r"((?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月(?:份|底|末|中旬|下旬|上旬)?|年底|年内)(?:前)?)"
    r"\s*(?:全面|全部)?(?:完成|完工|建成|竣工|投用|投入使用)[,，。;；\s]*$"
)
_PUNCT = " ,，。；;:：、"


def _item(text: str) -> tuple[str, str, str, str] | None:
    """(frame, unit, name, content) of a paragraph naming its undertaking by its unit."""
    simple = to_simplified(text)
    if len(simple) != len(text):
        return None  # (cells are cut by position: only a conversion character for character)
    found = list(_PHRASE.finditer(simple))
    if len(found) != 1 or found[0].start() > _MAX_OPEN:
        return None
    m = found[0]
    if not looks_like_units(m.group(1)):
        return None
    frame = text[: m.start()].strip(_PUNCT)
    unit = text[m.start(1) : m.end(1)].strip()
    name = text[m.start(2) : m.end(2)].strip()
    return frame, unit, name, text[m.end() :].strip(_PUNCT)


def unit_named_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a list of unit-named undertakings (rule above), or None."""
    if marked_page(paras):
        return None
    items = [(k, found) for k, p in enumerate(paras) if (found := _item(p.text.strip()))]
    if len(items) < MIN_TASKS:
        return None
    ks = [k for k, _ in items]
    if ks[-1] - ks[0] + 1 != len(ks):
        return None  # other paragraphs between the items: a story citing units
    frames = [f for _, (f, _, _, _) in items]
    categorised = all(f and len(f) <= _MAX_FRAME for f in frames) and len(
        {to_simplified(f)[:2] for f in frames}
    ) == 1
    report = is_report(paras)
    rows_data: list[tuple[int, list[str]]] = []
    dated = 0
    for k, (frame, unit, name, content) in items:
        if frame and not categorised:
            content = f"{frame}。{content}" if content else frame
        deadline = ""
        if not report and (d := _DEADLINE.search(to_simplified(content))) is not None:
            deadline = content[d.start(1) : d.end(1)]
            content = content[: d.start()].strip(_PUNCT)
            dated += 1
        rows_data.append((k, [frame if categorised else "", unit, name, content, deadline]))
    header = ["类别", "责任单位", "项目名称", "进展情况" if report else "工作目标", "完成时限"]
    keep = [c for c in range(len(header)) if any(cells[c] for _, cells in rows_data)]
    keep = sorted(set(keep) | {1, 2})
    line0 = paras[ks[0]].line
    rows: list[list[GridCell | None]] = [
        [GridCell(header[c], 0, i, line=line0) for i, c in enumerate(keep)]
    ]
    for r, (k, cells) in enumerate(rows_data, 1):
        rows.append([GridCell(cells[c], r, i, line=paras[k].line) for i, c in enumerate(keep)])
    warnings: list[tuple[int | None, str]] = [
        (
            line0,
            f"{len(items)} paragraphs each name one undertaking by the unit answering for it "
            f"(由{items[0][1][1][:10]}负责的{items[0][1][2][:12]}…): read as {len(items)} tasks, "
            "the unit as 责任单位 — the alternative is news citing the units of the projects "
            "it mentions, or each whole paragraph as the task: check the tasks",
        )
    ]
    if categorised:
        warnings.append(
            (line0, "the clause opening every item the same way "
             f"({frames[0][:12]!r}…) read as the item's category")
        )
    if dated:
        warnings.append(
            (None, f"{dated} closing clause(s) saying when the undertaking is to be finished "
             "(预计…完成) read as its deadline")
        )
    return Grid(rows=rows, preamble=[p.text for p in paras[: ks[0]]]), warnings
