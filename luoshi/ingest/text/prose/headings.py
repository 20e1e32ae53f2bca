"""The **headed report** layout: a progress report whose tasks are its section headings::

    某乡2020年民生实事项目完成情况               (an opening naming a progress report)
    一、农村道路硬化工程完成情况                  (a heading naming one task or project)
    截至11月底,全乡完成道路硬化12公里……           (its body: what was done)
    二、饮水安全提升项目
    已完成3个村的管网改造……
    四、存在的问题 / 五、下一步工作打算             (the report's own sections: no tasks)

Rules, true of such reports wherever they come from:

- the page reports what was done: its opening (the paragraphs before the first heading)
  names a report (完成情况, 进展情况, 推进情况, 落实情况, 通报, 总结, 汇报 …) and not a
  plan (分解, 印发, 方案 …);
- a *heading* is a paragraph opening with a marker of one numbering style (一、 (一) 1. 1、
  (1) ① 第一项) whose text is a name, not a sentence: at most 40 characters (its closing
  report word aside), no full stop or comma inside (a closing 。 or : allowed); a longer
  paragraph whose first clause is such a name followed by 。 or : and a clause that reports
  what was done ("一、农村公路提升:已完成路面硬化45公里。") is a heading with its body on the
  same line; after a colon (a label: "5、高龄补贴: 2017年按照…补贴为600元") any body but a
  requirement (要…, 下一步…) will do, so the last item of a report is not run into the one
  above for a body that states a standard rather than a completion;
- an *unnumbered* heading is a bare name on a line of its own (重点项目建设: 2 to 20
  characters, no punctuation, no figure but a year) right after running text and followed by
  running text or a numbered heading, when the page has at least three
  (:func:`bare_headings`); such headings are the outermost style;
- a heading's *body* is the paragraphs up to the next heading of its style or of an outer
  one; the style read is the innermost one whose headings are tasks over progress (the last
  rule below): a heading whose body holds such headings is their group;
- a heading that counts its items (提前完成任务指标有7项, 共12项) or stands between section
  marks (§市重点项目§) names a group of tasks or a section of the page, never one task;
- a heading naming a part of the report itself (总体情况, 基本情况, 主要做法, 工作成效,
  存在的问题, 困难, 下一步, 工作打算, 意见建议, 保障措施) is no task, and its body is not any
  task's progress;
- each other heading of the style is a task: the task is the heading without its marker and
  without a closing report word (完成情况, 进展情况, 推进情况, 落实情况, 实施情况, 建设情况,
  办理情况, 执行情况 …) with the year or period just before it (…工程2021年完成情况: the
  report's year) or punctuation; its body (paragraphs joined by line breaks) is the
  progress; a unit line in the body (责任单位:… 牵头单位:…) or a note closing the heading
  (…(责任单位:X)) gives the units; the page's sign-off under the last heading (its date,
  2022年1月10日 or 2022-01-10, and the issuing body's name) is no progress;
- a body opening by counting the projects under its heading (共38项, 兴办12件惠民实事, 其中已
  完成19个) sums up a group of tasks: a style where half its headings or more have such bodies
  is groups, not tasks (one task may well count its own projects: 共改造12个项目);
- a task's body cut by sub-headings naming the report's parts ((一)主要进展 / (二)存在问题 /
  (三)下步打算, numbered in any style, alone or with their text after a colon) goes to those
  columns (进展情况, 存在问题, 下一步打算); such sub-headings, the same under every task, are
  no tasks themselves;
- the evidence that the style's headings are a report's tasks is either of:

  * the opening names a report, and there are at least three tasks (two headings over
    paragraphs are as often a news story's two parts), at least half of them with a body
    reporting progress — a reporting opener (截至…, 目前…, 已完成…), a word of completion
    with a figure (完成…12公里, 建成3所), of work under way (正常进行中, 已开展…) or of things
    done (新建, 成立, 出台, 签约 …), or a figure against the year before (同比增长2.9%); never
    a body opening with a requirement (要…, 下一步…);
  * the headings say themselves what they report: top-level headings (一、 or (一)) numbered
    in order from one, opening with two or more tasks each closing with a progress word
    (完成/进展/推进/实施/建设/落实/办理/执行情况) over a body, every later heading of the
    style no task (四、存在问题); then neither the opening nor a third heading is needed. Not
    when a heading names a class of tasks (主要…, 重点…, 全县…; …工作, …指标, …实事, …任务;
    市级重点项目): a work summary's or a bulletin's own sections (一、上半年工作完成情况,
    二、重点项目推进情况), their tasks below them or nowhere;

  a style whose headings all stand under one heading of an outer style, whose other
  headings (at least two) are tasks reporting progress of their own, is that heading's parts
  (its sub-projects): the outer style's headings are the tasks (:func:`_parts_of_one`);

  * the page has no opening at all (it starts on its first heading: an excerpt, or a
    bulletin's body without its title) and every task heading, at least three, is an
    unnumbered name on a line of its own (numbered items glued to their text are a list's,
    read by the list readers) with a body
    reporting progress as above (图们至珲春高速公路 / 本年累计完成投资13.5亿元,占年计划的91%):
    a news story opens with its headline and lead, not on a project's name; warned. The first
    line is such a heading, not a title, when it has an unnumbered heading's shape and ends
    as every unnumbered heading below it does (…高速公路 over …高速公路);

  an opening naming a plan (分解, 印发, 方案 …) refuses the page either way; otherwise the
  page is not such a report (and is refused as prose, saying so when only its opening is
  missing).

The rules' words are matched in simplified characters (完成情況 says what 完成情况 does); the
cells keep the page's own characters.

Ambiguous by nature: a news story in sections also has headings over paragraphs. Read as tasks
only under the rules above, always with a warning naming the alternative. Tried after the prose
list and the forms (a body of labelled fields, 进展情况:… 存在问题:…, is a form).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.items import (
    STYLES,
    UNIT_LINE,
    names_group,
    reports_done,
    style_value,
    unit_note,
)
from luoshi.ingest.text.prose.reportparts import (
    HEADING_STYLES,
    PART_HEADERS,
    body_parts,
    written_span,
)
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import CLOSING, looks_like_units

HEADED_LAYOUT = "headed-report"

_STYLES = HEADING_STYLES
_MAX_NAME = 40
# A name is no sentence: no full stop, comma or semicolon inside it.
_SENTENCE_MARK = re.compile(r"[。，,；;！!？?]")
# The report word closing a heading that names the task's section of the report.
_REPORT_TAIL = re.compile(
    r"(?:的)?(?:完成情况|进展情况|推进情况|落实情况|实施情况|建设情况|办理情况|执行情况|进展|进度"
    r"|情况)$"
)
# A year or period just before the report word is the report's, not the task's:
# "敬老院扩建工程2021年完成情况" reports on 2021.
_PERIOD_TAIL = re.compile(
    r"(?:\d{4}年度?|20\d\d|全年|年度|上半年|下半年|前三季度|[一二三四]季度|\d{1,2}月份?)+$"
)
# The progress words that make a heading say by itself that its body reports on one named
# thing: "一、农贸市场改造完成情况" (a bare 情况, 进展 or 进度 says less: 基本情况, 总体进展).
_PROGRESS_TAIL = re.compile(r"(?:完成|进展|推进|实施|建设|落实|办理|执行)情况$")
# A report numbers its sections at its top level: 一、 or (一) (1、 2、 under a unit's
# page name its figures as often as its tasks): only there do two such headings suffice.
_TOP_STYLES = frozenset({"cn", "cn_paren"})
# A name for a class of tasks, not one: opening with a qualifier of many (主要, 重点, 各项,
# 全县 …), closing with a collective noun (…工作, …指标, …实事, …任务, …举措), or a qualifier
# of many before 项目/工程/工作 anywhere (市级重点项目): a report's or a bulletin's own section,
# its tasks below it or nowhere. (…项目, …工程 close a single project's name as often.)
_CLASS_OF_TASKS = re.compile(
    r"^(?:\d{4}年度?|今年|去年|全年|年度|上半年|下半年|前三季度|[一二三四]季度|本年度)?"
    r"(?:主要|重点|部分|总体|整体|各项|全面|其他|其它|年度|有关|相关|全[省市县区乡镇])"
    r"|(?:工作|任务|目标|指标|实事|事项|举措|措施|政策|资金|情况)$"
    r"|(?:重点|主要|各项|部分|各类)(?:项目|工程|工作|任务|指标)"
)
# A heading naming a part of the report itself, not a task.
_REPORT_SECTION = re.compile(
    r"总体情况|基本情况|总体进展|主要做法|主要工作|工作成效|主要成效|取得的成效|存在(?:的)?问题"
    r"|困难|不足|下一步|下步|工作打算|工作计划|工作思路|意见建议|有关建议|保障措施|工作措施"
    r"|经验做法|体会|工作要求|组织领导"
)
REPORT_SECTION = _REPORT_SECTION  # (also asked by the point-list reader)
# An opening naming a report of what was done, and one naming a plan (which wins).
_REPORT_OPENING = re.compile(
    r"完成情况|进展情况|推进情况|落实情况|实施情况|进度|进展|通报|督办|督查|总结|汇报|报告"
)
_PLAN_OPENING = re.compile(r"分解|分工|印发|工作安排|目标安排|清单|方案|计划表|要点")
_OPENING_PARAS = 5
# Two headings over paragraphs are as often a news story's two parts as a report's two tasks.
_MIN_TASKS = 3
# A body opening by counting the projects under its heading (共38项, 兴办12件, 其中已完成19个)
# sums up a group of tasks: the heading names the group, not a task.
_COUNTS_ITEMS = re.compile(
    r"(?:共|计|涉及|兴办|实施|安排|包括)[^。；;]{0,16}?\d+\s*(?:项|件|个(?:子)?项目|大类)"
    r"|其中[^。；;]{0,12}?(?:已)?完成\d+\s*(?:项|件|个)"
)


@dataclass(eq=False)  # identity: sections are compared as objects
class _Section:
    serial: str
    name: str  # the heading without marker, report word and punctuation
    line: int
    style: str
    number: int = 0  # what the marker stands for: 3 for 三、, (3), ③
    body: list[str] = field(default_factory=list)  # in simplified characters, for the rules
    units: str = ""
    # the name and body as the page writes them (traditional characters kept), for the cells
    written_name: str = ""
    written: list[str] = field(default_factory=list)
    group: str = ""  # the outer heading above it, as written (a group row of the Grid)

    @property
    def reports(self) -> bool:
        return any(_reports(b) for b in self.body)

    @property
    def counts_items(self) -> bool:
        return bool(self.body) and bool(_COUNTS_ITEMS.search(self.body[0]))


# Words of work under way or done (正常进行中, 已开展…, 推广…); a body opening with a
# requirement (要…, 各单位…, 下一步…) says what is to be done instead.
_PROGRESS = re.compile(
    r"已|完成|建成|开工|竣工|进行|推进|开展|实施|启动|落实|达到|实现|提升|推广|新增|累计|正在"
    r"|顺利|有序|序时|滞后"
    # things done that a report lists (新建充电桩99个, 成立领导小组, 出台工作要点, 签约项目3个)
    r"|新建|成立|编制|出台|制定|建立|组建|签约|签订|入选|引进|增速"
    # a figure reported against the year before (同比增长2.9%, 下降1.2个百分点)
    r"|(?:同比|环比|增长|下降|提高|降低)[^。；;]*\d"
)
_REQUIREMENT = re.compile(r"^(?:要|必须|务必|应当|应|各(?:级|单位|部门|地)|请|下一步|下步|今后)")


def _reports(text: str) -> bool:
    """The paragraph reports progress: what was done
    (:func:`~luoshi.ingest.text.prose.items.reports_done`: 截至…, 目前…, 已完成…, 建成3所) or
    work under way (正常进行中, 开展…), not a requirement (要…, 下一步…)."""
    text = text.strip()
    return reports_done(text) or bool(_PROGRESS.search(text) and not _REQUIREMENT.match(text))


REQUIREMENT, reports = _REQUIREMENT, _reports  # (also asked by .firstsection)


def _heading(text: str) -> tuple[str, str, str, str, str, int] | None:
    """(style, serial, name, body on the same line, units of its note, number) when the
    paragraph is a heading."""
    for style, pattern in _STYLES.items():
        m = pattern.match(text)
        if not m:
            continue
        # the serial as written, without its trailing 、/. ((一) and (1) keep their brackets)
        serial = text[: m.end()].strip() if style in ("cn_paren", "paren") else m.group(1)
        rest = text[m.end() :].strip()
        units = ""
        if (note := unit_note(rest)) is not None and (note[1] or note[2]):
            # "一、村道硬化(责任单位:县交通局)": the heading's note names the task's units
            rest, units = note[0].strip(), "、".join(note[1] + note[2])
        name, same_line = rest, ""
        cut = re.search(r"[。:：]", rest)
        if cut and cut.end() < len(rest):
            # "一、农村公路提升:已完成路面硬化45公里。": the name, then its body
            body = rest[cut.end() :].strip()
            # a name set off by a colon is a label over its body whatever the body says
            # (5、高龄补贴: 2017年按照…补贴为600元), unless the body is a requirement; after a
            # full stop the body must report what was done (一、稳增长。要…: a speech's point)
            if not _reports(body) and (cut.group(0) == "。" or _REQUIREMENT.match(body)):
                return None
            name, same_line = rest[: cut.start()], rest[cut.end() :].strip()
        name = name.rstrip("。:： ")
        if not name or len(_task_name(name)) > _MAX_NAME or _SENTENCE_MARK.search(name):
            return None
        return style, serial, name, same_line, units, style_value(m.group(1))
    return None


def _task_name(name: str) -> str:
    """The task a heading names: without its closing report word (and the year or period
    before it: 2021年完成情况)."""
    task = _REPORT_TAIL.sub("", name).rstrip("的 ")
    if task != name.rstrip("的 "):
        task = _PERIOD_TAIL.sub("", task).rstrip("的 ") or task
    return task


def _is_task(s: _Section) -> bool:
    """The heading names a task: not a part of the report, not a group (it counts its items,
    or is a section mark: :func:`~luoshi.ingest.text.prose.items.names_group`), and a name
    once its report word is removed."""
    return (
        not _REPORT_SECTION.search(s.name)
        and not names_group(s.name)
        and bool(_task_name(s.name))
    )


# An unnumbered heading: a bare name on a line of its own (重点项目建设, 城乡环境整治).
_BARE = "bare"
_BARE_MAX = 20
_BARE_NOT_END = re.compile(r"[。.;；!！?？:：,，、]$")
_YEAR = re.compile(r"\d{4}\s*年度?")
_SENTENCE_MIN = 20


def _is_sentence(text: str) -> bool:
    """A paragraph of running text: long enough, with a full stop or a comma in it."""
    return len(text) >= _SENTENCE_MIN and bool(re.search(r"[。，,；;]", text))


def bare_headings(paras: list[Para]) -> set[int]:
    """Indexes of unnumbered headings: a short name (2 to 20 characters, no punctuation
    inside or closing it, no figure but a year), not numbered, no unit line, date or list of
    units, standing after the page's first paragraph of running text (the title block above
    it is no heading), right after running text (a short line under a heading is its body:
    正常进行中) and followed by running text or a numbered heading; at least three of them
    (fewer are as often short lines of a body)."""
    out: set[int] = set()
    seen_text = False
    for k, p in enumerate(paras):
        text = p.text.strip()
        if (
            seen_text
            and _is_sentence(paras[k - 1].text)
            and 2 <= len(text) <= _BARE_MAX
            and not _SENTENCE_MARK.search(text)
            and not _BARE_NOT_END.search(text)
            and not re.search(r"\d", _YEAR.sub("", text))
            and _bare_shape(paras, k)
        ):
            out.add(k)
        seen_text = seen_text or _is_sentence(text)
    if len(out) < _MIN_TASKS:
        return set()
    # the first line is the first heading, not the title, when it has a heading's shape over
    # running text and ends as every heading below does (…高速公路 over …高速公路)
    first = paras[0].text.strip() if paras else ""
    ends = {paras[k].text.strip()[-2:] for k in out}
    if (
        len(ends) == 1
        and first[-2:] in ends
        and 2 <= len(first) <= _BARE_MAX
        and not _SENTENCE_MARK.search(first)
        and not re.search(r"\d", first)
        and len(paras) > 1
        and _is_sentence(paras[1].text)
        and _bare_shape(paras, 0)
    ):
        out.add(0)
    return out


def _bare_shape(paras: list[Para], k: int) -> bool:
    """Paragraph ``k`` is no numbered heading, unit line or unit list, and running text or a
    heading follows it."""
    text = paras[k].text.strip()
    return (
        _heading(text) is None
        and not any(pattern.match(text) for pattern in STYLES.values())
        and not UNIT_LINE.match(text)
        and not looks_like_units(text)
        and k + 1 < len(paras)
        and (_is_sentence(paras[k + 1].text) or _heading(paras[k + 1].text) is not None)
    )


def _sections(
    paras: list[Para],
    written: list[str],
    style: str,
    order: list[str],
    bare: set[int] = frozenset(),  # type: ignore[assignment]
) -> tuple[list[_Section], int]:
    """The headings of one style with their bodies (up to the next heading of this style or
    an outer one), and the index of the first. ``paras`` in simplified characters, ``written``
    the same paragraphs as the page writes them; ``bare`` the unnumbered headings (outermost)."""
    outer = set(order[: order.index(style) + 1])
    out: list[_Section] = []
    first = -1
    current: _Section | None = None
    group = ""
    for k, p in enumerate(paras):
        text, as_written = p.text, written[k]
        h = (_BARE, "", text.strip(), "", "", 0) if k in bare else _heading(text)
        if h is not None and h[0] in outer:
            if h[0] == style:
                if first < 0:
                    first = k
                current = _Section(h[1], h[2], p.line, style, h[5], group=group)
                current.written_name = written_span(text, as_written, h[2])
                current.units = written_span(text, as_written, h[4])
                if h[3]:
                    current.body.append(h[3])
                    current.written.append(written_span(text, as_written, h[3]))
                out.append(current)
            else:
                current, group = None, as_written.strip()  # an outer heading: a group
            continue
        if current is None:
            continue
        if (m := UNIT_LINE.match(text)) and not current.units:
            units = text[m.end() :].strip().rstrip("。;；")
            current.units = written_span(text, as_written, units)
            continue
        current.body.append(text)
        current.written.append(as_written)
    return out, first


_DATE_LINE = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-./]\d{1,2}[-./]\d{1,2})$"
)


# A source credit in brackets closing the page: "(稿源:某某报 记者:某某)", "(来源:市政府网)".
_CREDIT = re.compile(r"\s*[(（](?:稿源|来源|作者|记者|编辑|责任编辑)\s*[:：][^()（）]{0,60}[)）]\s*$")


def _trim_signature(last: _Section) -> None:
    """The page's closing lines under its last heading — a date, the issuing body's name, a
    source credit in brackets, even glued to the last sentence — are no part of that task's
    progress."""
    while last.body and (
        _DATE_LINE.match(last.body[-1].strip())
        or (len(last.body[-1]) <= 30 and looks_like_units(last.body[-1].strip()))
    ):
        last.body.pop()
        last.written.pop()
    if last.body and (m := _CREDIT.search(last.body[-1])) and m.start() > 0:
        last.body[-1] = last.body[-1][: m.start()]
        last.written[-1] = last.written[-1][: len(last.written[-1]) - len(m.group(0))]


def _simplified(paras: list[Para]) -> tuple[list[Para], list[str]]:
    """The paragraphs in simplified characters (the rules' words are simplified: 完成情況 says
    what 完成情况 does), and as the page writes them."""
    written = [p.text.strip() for p in paras]
    return [
        Para(p.line, to_simplified(w), p.gap) for p, w in zip(paras, written, strict=True)
    ], written


def _say_what_they_report(sections: list[_Section], tasks: list[_Section]) -> bool:
    """The style's headings are numbered in order from one and open with a run of two or more
    tasks, each closing with a progress word (一、农贸市场改造完成情况) over a body, every later
    heading no task (四、存在问题): the headings say themselves what they report."""
    run = len(tasks)
    return (
        run >= 2
        and sections[0].style in _TOP_STYLES
        and sections[:run] == tasks
        and all(s.number == k for k, s in enumerate(sections, 1))
        and all(
            _PROGRESS_TAIL.search(s.name)
            and s.body
            and not _CLASS_OF_TASKS.search(_task_name(s.name))
            for s in tasks
        )
    )


def _choose(paras: list[Para]) -> tuple[list[_Section], int, bool] | None:
    """The sections of the style whose headings are tasks over progress, the index of the
    first, and whether the headings say themselves what they report (then no report opening
    is needed), whatever the opening says; None when no style is."""
    paras, written = _simplified(paras)
    bare = bare_headings(paras)
    order = [_BARE, *_STYLES] if bare else list(_STYLES)
    found = {style: _sections(paras, written, style, order, bare) for style in order}
    # innermost style first: a heading whose body holds other headings is their group
    for style in reversed(order):
        sections, first = found[style]
        if _parts_of_one(sections, [found[o][0] for o in order[: order.index(style)]]):
            continue
        tasks = [s for s in sections if _is_task(s)]
        if tasks and 2 * sum(1 for s in tasks if s.counts_items) >= len(tasks):
            continue  # headings over counts of projects: groups, each of several tasks
        names = [_task_name(s.name) for s in tasks]
        if len(set(names)) < len(names):
            continue  # a name repeated under each outer heading is a part of a task's report
        if _say_what_they_report(sections, tasks):
            return sections, first, True
        reporting = sum(1 for s in tasks if s.reports)
        if len(tasks) >= _MIN_TASKS and reporting >= _MIN_TASKS and 2 * reporting >= len(tasks):
            return sections, first, False
    return None


def _parts_of_one(sections: list[_Section], outers: list[list[_Section]]) -> bool:
    """The style's headings all stand under one heading of an outer style whose other
    headings, at least two, are tasks reporting progress of their own: they are that
    heading's parts (its sub-projects), and the outer headings are the tasks."""
    if not sections:
        return False
    for outer in outers:
        lines = [o.line for o in outer]
        # the outer heading above each (by line: the sections are in page order)
        holders = {bisect_right(lines, s.line) - 1 for s in sections}
        if len(holders) != 1 or -1 in holders:
            continue
        (held,) = holders
        others = [o for n, o in enumerate(outer) if n != held and _is_task(o) and o.reports]
        if len(others) >= 2:
            return True
    return False


def _opening(paras: list[Para], first: int) -> str:
    """What the paragraphs before the first heading name: "plan", "report" or ""."""
    opening = [p.text.strip()[:120] for p in paras[:first]][-_OPENING_PARAS:]
    head = to_simplified(" ".join(opening))
    if _PLAN_OPENING.search(head):
        return "plan"
    return "report" if _REPORT_OPENING.search(head) else ""


def _all_report_without_opening(sections: list[_Section], first: int) -> bool:
    """The page starts on its first heading and every task heading, at least three, has a
    body reporting progress (rules above)."""
    tasks = [s for s in sections if _is_task(s)]
    return (
        first == 0
        and len(tasks) >= _MIN_TASKS
        and all(s.style == _BARE and s.reports for s in tasks)
    )


def sections_without_report_opening(paras: list[Para]) -> int:
    """How many task-like headings over progress the page has when only its opening keeps it
    from being read as a headed report (0 otherwise): said in the refusal, so the user knows
    what the reader saw."""
    chosen = _choose(paras)
    if chosen is None or chosen[2] or _opening(paras, chosen[1]) == "report":
        return 0
    if _all_report_without_opening(chosen[0], chosen[1]):
        return 0
    return sum(1 for s in chosen[0] if _is_task(s))


def headed_report_grid(
    paras: list[Para],
) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a progress report whose section headings are its tasks, or None when the
    page is not one (rules in the module docstring)."""
    chosen = _choose(paras)
    if chosen is None:
        return None
    sections, first, say_what = chosen
    # a plan's opening wins over any heading; else the opening or the headings say it reports
    opening = _opening(paras, first)
    bare = opening == "" and not say_what and _all_report_without_opening(sections, first)
    if opening == "plan" or (opening != "report" and not say_what and not bare):
        return None
    _trim_signature(sections[-1])
    tasks = [s for s in sections if _is_task(s)]
    skipped = [s for s in sections if not _is_task(s)]
    with_units = any(s.units for s in tasks)
    parts = [body_parts(s.body, s.written) for s in tasks]
    named = [h for h in PART_HEADERS if any(p.get(h) for p in parts)]
    columns = named if named else [PART_HEADERS[0]]
    numbered = any(s.serial for s in tasks)  # unnumbered headings give no serial column
    header = [*(["序号"] if numbered else []), "任务内容"]
    header += [*(["责任单位"] if with_units else []), *columns]
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=tasks[0].line) for c, h in enumerate(header)]
    ]
    for k, (s, part) in enumerate(zip(tasks, parts, strict=True)):
        if s.group and (k == 0 or tasks[k - 1].group != s.group):  # the outer heading: a group row
            rows.append([GridCell(s.group, len(rows), 0, colspan=len(header), line=s.line)] * len(header))
        r = len(rows)
        cells = [
            *([s.serial] if numbered else []),
            s.written_name[: len(_task_name(s.name))] or _task_name(s.name),
            *([s.units] if with_units else []),
            *("\n".join(part.get(h, [])) for h in columns),
        ]
        rows.append([GridCell(t, r, c, line=s.line) for c, t in enumerate(cells)])
    warnings: list[tuple[int | None, str]] = [
        (
            tasks[0].line,
            f"the document is a progress report in sections ({len(tasks)} headings such as "
            f"{tasks[0].serial + '、' if tasks[0].serial else ''}{tasks[0].name[:16]!r}, each over "
            "what was done), not a table: "
            "each heading is read as a task and its paragraphs as its progress — the alternative "
            "is a news story in sections: check the tasks",
        )
    ]
    if bare:
        warnings.append(
            (
                tasks[0].line,
                "read as a progress report: the page opens on its first heading, with no title "
                "or lead, and every heading is over what was done — the alternative is an "
                "excerpt of a news story",
            )
        )
    if skipped:
        warnings.append(
            (
                skipped[0].line,
                f"{len(skipped)} heading(s) name parts of the report itself "
                f"({'、'.join(s.name[:10] for s in skipped[:3])}): not tasks, their paragraphs "
                "are no task's progress",
            )
        )
    if silent := [s for s in tasks if not s.body]:
        warnings.append((silent[0].line, f"{len(silent)} task heading(s) have no paragraph under "
                         f"them ({silent[0].name[:16]!r}…): read with empty progress"))
    last = tasks[-1]
    if last.body and not CLOSING.search(last.body[-1]):
        warnings.append(
            (
                last.line,
                f"the text ends mid-sentence ({last.body[-1][-12:]!r}): task {last.serial} is "
                "probably cut off",
            )
        )
    preamble = [p.text for p in paras[:first]]
    return Grid(rows=rows, preamble=preamble), warnings
