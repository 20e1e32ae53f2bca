"""QUOTED PROJECTS: a progress report written as news that names each project in quotes, then
its kind and what was done (截至7月底,“教育保障能力提升”项目,完成投资1.29亿元,占年度投资
计划52.88%…), is a list of those projects. True of such pages wherever they come from:

- a project is a quoted name followed by 项目 or 工程 and a comma, and right after it a
  statement of what was done (完成投资…, 累计完成…, 已…, 建成…, 开工…): the task is the quoted name
  with its kind, as written (“X”项目); what was done runs from after the comma to the end of
  the sentence (。！？), to the next project's name, or to a character lost to a broken encoding
  (? or U+FFFD: the sentence's end was lost with it);
- words before the quote in the same sentence (截至7月底, 我市) are not the task;
- at least two projects must be so named (one is a story mentioning a project); the
  alternative — news to refuse — is warned. Tried last, after every other prose reader.

The result is a Grid (任务内容, 进展情况), read like any table.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.rows import Para

QUOTED_LAYOUT = "quoted-projects"
# compared on the simplified text (to_simplified keeps every offset)
_PROJECT = re.compile(
    r"“([^“”]{2,40})”(?:项目|工程)[,，]\s*"
    r"(?=完成投资|累计完成|已|建成|开工|完成|新建|新增|实现|竣工)"
)
_END = re.compile(r"[。！？!]|\?|\ufffd")
MIN_PROJECTS = 2


def quoted_projects_grid(
    paras: list[Para],
) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a report naming its projects in quotes (module rules), or None."""
    found: list[tuple[Para, re.Match[str]]] = []
    for p in paras:
        found += [(p, m) for m in _PROJECT.finditer(to_simplified(p.text))]
    if len(found) < MIN_PROJECTS:
        return None
    header = ["任务内容", "进展情况"]
    first = found[0][0].line
    rows: list[list[GridCell | None]] = [[GridCell(h, 0, c, line=first) for c, h in enumerate(header)]]
    for r, (p, m) in enumerate(found, 1):
        text = p.text
        task = text[m.start() : m.end()].rstrip(",， ")
        stop = len(text)
        following = [n.start() for q, n in found if q is p and n.start() > m.start()]
        if following:
            stop = following[0]
        end = _END.search(text, m.end(), stop)
        done = text[m.end() : end.start() + (text[end.start()] == "。") if end else stop]
        rows.append(
            [GridCell(task, r, 0, line=p.line), GridCell(done.strip(), r, 1, line=p.line)]
        )
    warning = (
        first,
        f"{len(found)} projects named in quotes, each followed by what was done "
        f"({found[0][1].group(1)[:12]!r}…): read as a list of projects — the alternative is "
        "news to refuse: check the tasks",
    )
    preamble = [p.text for p in paras if p.line < first]
    return Grid(rows=rows, where="", preamble=preamble), [warning]
