"""The **headed sections** layout: a report whose tasks are its headings, each heading naming one
project or task and what is reported of it, the progress written under it as paragraphs::

    某乡2021年民生实事项目完成情况
    一、乡村道路硬化工程完成情况
    全年硬化道路3.2公里,已全部完工验收。
    二、农贸市场改造完成情况
    市场主体改造完成,6月投入使用。
    三、……

HEADED SECTIONS RULE, true of such pages wherever they come from:

- a *section heading* is a paragraph numbered at the top level of a report (一、 or (一)), whose
  words after the number end with a progress word — 完成情况, 进展情况, 推进情况, 实施情况,
  建设情况, 落实情况, 办理情况, 执行情况 (a colon after it allowed, and text after the colon
  is the section's first line);
- what the heading names before the progress word (a trailing year or period dropped: 2021年,
  全年, 上半年) is the task; a name for a class of tasks — opening with a qualifier of many
  (主要, 重点, 各项, 全县), closing with a collective noun (工作, 指标, 实事, 任务, 举措), or
  holding such a qualifier before 项目/工程/工作 (市级重点项目) —
  is a report's or a bulletin's own section (一、上半年工作完成情况, 二、重点项目推进情况), not a
  task, and such a page is not read this way;
- the paragraphs after a heading up to the next heading of the same numbering style (sub-lines
  (一) 1. included) are its progress (done);
- the page's closing sign-off — a date line (2022年1月10日) last, and the issuing body's name
  alone on the line before it (东岙乡人民政府) — closes the last section, it is not its progress;
- at least two such headings, numbered in order (一, 二, 三 … or (一), (二) …), each with at least
  one paragraph; the run ends at the first heading of that style that is not a section heading
  (三、存在问题, 四、下一步打算): what follows is not a task's progress.

Tried only when no table header, no prose list and no forms were found. The result is a Grid
(序号 / 项目 / the progress word), read like any table, with a warning saying how it was read.
"""

from __future__ import annotations

import re

from luoshi.ingest.cells import cn_value
from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.gridlayout import document_from_grids
from luoshi.ingest.model import ParsedDocument
from luoshi.ingest.text.rows import Para

HEADED_LAYOUT = "headed-sections"

_PROGRESS = r"(?:完成|进展|推进|实施|建设|落实|办理|执行)情况"
_CN = "一二三四五六七八九十"
# group 1: the number of a 一、 heading; group 2: of a (一) heading; group 3: the words
_HEADING = re.compile(
    rf"^(?:([{_CN}]{{1,3}})\s*、|[(（]\s*([{_CN}]{{1,3}})\s*[)）])\s*(.{{2,60}}?)"
    rf"({_PROGRESS})\s*(?:[:：]\s*(.*))?$"
)
# any heading of either style (a section heading or not): where a section's paragraphs end
_ANY = re.compile(rf"^(?:([{_CN}]{{1,3}})\s*、|[(（]\s*([{_CN}]{{1,3}})\s*[)）])")
# a year or period closing the name: "乡村道路工程2021年", "…全年"
_PERIOD_TAIL = re.compile(
    r"(?:\d{4}年度?|20\d\d|全年|年度|上半年|下半年|前三季度|[一二三四]季度|\d{1,2}月份?)+$"
)
# A name for a class of tasks, not one: opening with a qualifier of many (主要, 重点, 各项, 全县…)
# or closing with a collective noun (…指标, …实事, …任务, …工作, …举措): a report's or a
# bulletin's own section (二、重点项目推进情况, 三、民生实事办理情况), whose tasks are below it.
# (…项目, …工程, …改革 close a single project's name as often: 某村污水治理项目; not after a
# qualifier of many: 市级重点项目.)
_GENERIC = re.compile(
    r"^(?:\d{4}年度?|今年|去年|全年|年度|上半年|下半年|前三季度|[一二三四]季度|本年度)?"
    r"(?:主要|重点|部分|总体|整体|各项|全面|其他|其它|年度|有关|相关|全[省市县区乡镇])"
    r"|(?:工作|任务|目标|指标|实事|事项|举措|措施|政策|资金|情况)$"
    # a qualifier of many before a collective noun anywhere: 市级重点项目, 省级重点工程
    r"|(?:重点|主要|各项|部分|各类)(?:项目|工程|工作|任务|指标)"
    r"|^(?:\d{4}年度?|今年|全年|年度|上半年|下半年|前三季度|[一二三四]季度|本年度)?$"
)
_MIN_SECTIONS = 2
_DATE_LINE = re.compile(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2})$")
_BODY_LINE = re.compile(r"^[\u4e00-\u9fa5()（）]{2,30}(?:政府|办公室|办事处|委员会|管委会|局|委|办)$")


def _without_sign_off(body: list[str]) -> list[str]:
    """``body`` without the page's closing sign-off (a date line, the issuing body before it)."""
    if len(body) < 2 or not _DATE_LINE.match(body[-1].strip()):
        return body
    end = len(body) - 1
    if end >= 2 and _BODY_LINE.match(body[end - 1].strip()):
        end -= 1
    return body[:end]


def _style(m: re.Match[str]) -> tuple[str, int]:
    """("dun" or "paren", the heading's number)."""
    if m.group(1):
        return "dun", cn_value(m.group(1))
    return "paren", cn_value(m.group(2))


def read_headed(paras: list[Para], name: str) -> ParsedDocument | None:
    """The document of a page of section headings naming tasks, or None. No header row was
    seen: the reader says its columns are a guess (``doubts``)."""
    found = headed_grid(paras)
    if found is None:
        return None
    doc = document_from_grids([found[0]], name, "text", HEADED_LAYOUT, found[1])
    doc.doubts.append("no table: the columns were inferred from section headings")
    return doc


def headed_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a page of section headings naming tasks (HEADED SECTIONS RULE), or None."""
    for start, p in enumerate(paras):
        m = _HEADING.match(p.text)
        if m is None or _style(m)[1] != 1:
            continue
        found = _sections_from(paras, start, _style(m)[0])
        if found is not None:
            return found
    return None


def _task_name(words: str) -> str:
    name = words.strip().rstrip(":：,，的")
    stripped = _PERIOD_TAIL.sub("", name).rstrip("的")
    return stripped or name


def _sections_from(
    paras: list[Para], start: int, style: str
) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    sections: list[tuple[str, str, str, list[str], int]] = []  # serial, task, word, lines, line
    expected = 1
    k = start
    while k < len(paras):
        p = paras[k]
        m = _HEADING.match(p.text)
        if m is None or _style(m) != (style, expected):
            break
        name = _task_name(m.group(3))
        if _GENERIC.search(name):
            return None  # a report's own section (上半年工作完成情况), not a task
        first = (m.group(5) or "").strip()
        body = [first] if first else []
        k += 1
        while k < len(paras):
            q = _ANY.match(paras[k].text)
            if q is not None and ("dun" if q.group(1) else "paren") == style:
                break
            body.append(paras[k].text)
            k += 1
        if not body:
            break
        serial = m.group(1) or f"({m.group(2)})"  # as written, without 、
        sections.append((serial, name, m.group(4), body, p.line))
        expected += 1
    if len(sections) < _MIN_SECTIONS:
        return None
    serial, name, word, body, line = sections[-1]
    sections[-1] = (serial, name, word, _without_sign_off(body), line)
    word = max({s[2] for s in sections}, key=[s[2] for s in sections].count)
    first_line = sections[0][4]
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=first_line) for c, h in enumerate(("序号", "项目", word))]
    ]
    for serial, name, _, body, line in sections:
        r = len(rows)
        rows.append(
            [
                GridCell(serial, r, 0, line=line),
                GridCell(name, r, 1, line=line),
                GridCell("\n".join(body), r, 2, line=line),
            ]
        )
    preamble = [p.text for p in paras[:start]]
    shown = f"{'一、' if style == 'dun' else '(一)'}<项目>{word}"
    warnings: list[tuple[int | None, str]] = [
        (
            first_line,
            f"no table: {len(sections)} tasks read from section headings ({shown}), each "
            "heading's paragraphs as its progress; check the result",
        )
    ]
    return Grid(rows=rows, preamble=preamble), warnings
