"""Column roles from header cells: 序号 → serial, 任务内容 → task, 责任单位 → units …

Shared by every reader (text, HTML, DOCX, XLSX, PDF). Rules are a table, tried in order; a
header is compared by its *key* (:func:`header_key`); the key and the table are the vocabulary,
in :mod:`.headervocab` (rules there; its names are importable from here too). Some words
mean different things by position: 目标任务 is the task column of a plan, but a target column
when a task column already exists (半年度目标任务 beside 任务内容).

Headers split over lines or glued together are cut into known header words by
:mod:`.headerwords` (a join is right when every part names a known column).

INDICATOR TABLE: a table whose key column names indicators (指标, 指标名称, 主要指标, 指标项目)
and whose other columns are a target (预期增长, 预期目标, 年度目标, 计划) and at least one
achieved figure (上半年完成, 实际完成, 1-6月, 增长) of a single place is a task list: each
indicator row is a task (the indicator its text), the target column its target, the achieved
column its actual; no units (warned: "indicators, no responsible units"). It is no task list
when its columns are places (an indicator × place matrix: a header naming a place) or its rows
are (a summary by place, gridlayout): those stay refused. The figure columns' words hold only
beside an indicator column (:func:`indicator_column_role`).

CUT HEADER: a header cell cut short by its column's width keeps its beginning (主要领 for
主要领导, 牵头单 for 牵头单位): a header naming no column that ends in the first character of
a header's closing word (领导, 单位, 情况, 时限 …) and that the word's last character completes
into a known column, its own words matched and not the closing word alone, is that column
(:func:`cut_header_completion`; warned with the alternative, a column of its own unknown).
Readers do not join such a cell with the next cell (:mod:`.text.cellheader`).

PHOTO CAPTIONS: a picture column (工程进度照片, 现场图片) in a text copy holds only the pictures'
captions, which name the works shown; in a table with a progress column and no task column the
first picture column is the task column, warned with the alternative (pictures only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from luoshi.ingest.headervocab import (
    _FORECAST,
    _ITEM,
    _JOINERS,
    _PLANNED,
    _PROGRESS,
    _RULES,
    _TARGET,
    _TASK,
    _YEAR_QUALIFIED,
    _joined_names,
    _matches,
    header_key,
    normalise_header,
)
from luoshi.ingest.model import Column
from luoshi.vocab import ColumnRole

# The characters that close a sentence: a text holding one names no column (header_role says
# OTHER), so a search for a header passes over a paragraph ending in one without reading it.
SENTENCE_CLOSERS = ("。", "；", ";", "！", "？", "!", "?")
_SENTENCE_END = re.compile(f"[{''.join(SENTENCE_CLOSERS)}]")
# No header is longer than this (whitespace removed): a longer text is a paragraph.
_MAX_HEADER_TEXT = 60


# SCHEDULE: a schedule (进度安排, 时间安排, 计划安排) over columns named by periods (第一季度 …
# 第四季度, 1月, 上半年) says what is planned for each period: those columns are the plan,
# role other, never progress, even when their cells say 完成…至70%. The progress, if any, is
# the column of its own (落实情况, 完成情况) beside the schedule.
PERIOD_WORD = re.compile(
    r"^(?:第?[一二三四1-4]季度?|Q[1-4]|(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])月份?"
    r"|[上下]半年|前三季度|全年)$"
)
_SCHEDULE = re.compile(r"(?:进度|时间|节点|时序|计划|推进)安排$|^(?:进度|时序)计划$")


def is_schedule(header: str) -> bool:
    """The header names a schedule (进度安排, 时间安排, 进度计划): see SCHEDULE."""
    return bool(_SCHEDULE.search(header_key(header)))


# Joins a two-row header's top name to a column's own name ("2030年目标·数量"): the column
# takes its own name's role when that names a column, else the top name's.
TWO_LEVEL_JOIN = "·"


# Characters from which a header's key (NFKC, traditional -> simplified, character by
# character) can get 序, 编 or the n of "No" — the serial words all hold one — and every
# character outside the ranges examined for that (ASCII, general punctuation — the dashes
# of an empty-cell mark ——, quotation marks, bullets —, CJK punctuation, the unified
# ideographs, full-width forms), passed to header_role unexamined. One character class, so
# the search runs at the speed of a scan; compiled on first use (a class this wide takes
# some milliseconds to compile). tests/ingest/test_headers.py checks it against header_key's
# conversion.
_SERIAL_ANCHORS = "序编編季nNＮｎ"  # (季: 年度季别, a year-quarter key)
_EXAMINED = (
    (0x00, 0x7F), (0x2000, 0x206F), (0x3000, 0x303F), (0x4E00, 0x9FFF), (0xFF01, 0xFF60)
)


def _examined_without_anchors() -> str:
    """The ranges examined, as a character class's ranges, with the anchors cut out."""
    out = []
    for lo, hi in _EXAMINED:
        cuts = sorted(ord(a) for a in _SERIAL_ANCHORS if lo <= ord(a) <= hi)
        for a, b in zip([lo] + [c + 1 for c in cuts], [c - 1 for c in cuts] + [hi], strict=True):
            if a <= b:
                out.append(f"\\u{a:04x}-\\u{b:04x}")
    return "".join(out)


# (written as "none of the characters examined but the anchors": a class that holds no
# character above U+FFFF is compiled to a table, one look-up per character, where the class of
# the anchors and the other ranges was tried range by range at every character of a page)
_MAY_BE_SERIAL = f"[^{_examined_without_anchors()}]"


@lru_cache(maxsize=1)
def may_be_serial_pattern() -> re.Pattern[str]:
    return re.compile(_MAY_BE_SERIAL)


def may_be_serial(header: str) -> bool:
    """False only when ``header_role(header, …)`` cannot be serial: every serial word
    (序号, 编号, 序次, No, 年度季别) holds 序, 编, 季 or n, and every role header_role gives comes from the
    header's key or a part of it, made by removing characters and converting each of the
    others — so a text none of whose characters can become one of those is no serial header.
    One search of the text: a search for a header row asks it of every paragraph first."""
    return may_be_serial_pattern().search(header) is not None


def header_role(header: str, have_task: bool) -> ColumnRole:
    """The role of one header cell; ``have_task`` says a task column was already seen.

    A header naming several progress columns joined (进展情况、存在问题及下一步打算) is one
    merged progress column: role done (its cells are split by their own labels). Text longer
    than any header (a paragraph) names no column."""
    if len(header) > _MAX_HEADER_TEXT and len(normalise_header(header)) > _MAX_HEADER_TEXT:
        return ColumnRole.OTHER
    if _SENTENCE_END.search(header):
        return ColumnRole.OTHER  # a header is no sentence
    if TWO_LEVEL_JOIN in header:
        top, _, own = header.partition(TWO_LEVEL_JOIN)
        if is_schedule(top) and PERIOD_WORD.match(header_key(own)):
            return ColumnRole.OTHER  # SCHEDULE: what is planned for a quarter is no result
        role = header_role(own, have_task)
        return role if role is not ColumnRole.OTHER else header_role(top, have_task)
    h = header_key(header)
    return _key_role(h, have_task)


@lru_cache(maxsize=4096)
def _key_role(h: str, have_task: bool) -> ColumnRole:
    """:func:`header_role`'s rules applied to a header's key. Cached: a page is searched for
    its header (and its repeats at page breaks) paragraph by paragraph, and the same short
    texts recur (header cells, unit names); texts longer than a header were answered before
    the key is made, so the keys, and the cache, stay small."""
    note = _LEAD_NOTE.match(h)
    if note and _key_role(note["name"], have_task) in _UNIT_COLUMNS:
        return ColumnRole.UNITS
    if _FORECAST.match(h):
        # what a unit expects to have done by a later date is no result: 预计至12月31日完成
        # 工作量 beside 实际已完成工作量 (its own role when it names a target: 预期目标)
        role = _key_role(h[2:], have_task)
        return ColumnRole.OTHER if role in _PROGRESS else role
    for pattern, role in _RULES:
        if pattern.search(h):
            if role in _ITEM and any(j in h for j in _JOINERS) and _joined_names(h):
                roles = {r for r, _ in _matches(h, have_task)}
                if len(roles) > 1 and roles <= _ITEM:
                    return ColumnRole.DONE
            return role
    if _TARGET.search(h):
        return ColumnRole.TARGET if have_task else ColumnRole.TASK
    if _TASK.search(h):
        if have_task and ("目标" in h or _YEAR_QUALIFIED.match(h)):
            return ColumnRole.TARGET
        return ColumnRole.TASK
    if _PLANNED.search(h):
        return ColumnRole.TARGET if have_task else ColumnRole.OTHER
    m = _MEASURE_TAIL.search(h)
    if m and m.start() > 1:
        # a unit of measurement after the name names no other column: 年度计划投资(万元)
        return header_role(h[: m.start()], have_task)
    return ColumnRole.OTHER


# LEAD NOTE RULE: a unit column's name followed by a bracketed note saying how the lead units
# are marked among the units listed (责任单位(加黑为牵头单位), 责任单位(排第一的为牵头单位),
# 责任单位(牵头单位加粗)) heads a column listing *all* the units, lead and others: the units
# column, not the lead unit column the note's word 牵头单位 would make it. A note
# that is the lead's name alone (责任单位(牵头单位)) says no marking, and is read as before.
_LEAD_NOTE = re.compile(
    r"^(?P<name>[^()]{2,12})\((?=[^()]*牵头(?:单位|部门))(?!牵头(?:单位|部门)\))[^()]+\)$"
)
_UNIT_COLUMNS = frozenset({ColumnRole.UNITS, ColumnRole.CO_UNITS})
# A lead marked in bold (加黑, 加粗, 黑体, 粗体): plain text and most flattenings lose the mark.
_BOLD_MARK = re.compile(r"加黑|加粗|黑体|粗体")


def lead_note_warning(header: str) -> str | None:
    """The warning for a unit column whose note says its lead units are in bold (LEAD NOTE
    RULE): the mark is not read, so which of the units leads is not known."""
    h = header_key(header)
    if _LEAD_NOTE.match(h) and _BOLD_MARK.search(h):
        return (
            f"column {normalise_header(header)!r}: its note says the lead units are marked in "
            "bold, which is not read here: all its units are kept as units, in the order "
            "written, and which of them leads is not known"
        )
    return None


_MEASURE_TAIL = re.compile(r"[(（][^()（）]{1,6}[)）]$")


def is_merged_progress(header: str) -> bool:
    """True for a header naming done and problems/next steps in one column."""
    h = header_key(header)
    roles = {r for r, _ in _matches(h, True)}
    return ColumnRole.DONE in roles and len(roles & _ITEM) > 1 and _joined_names(h)


def is_known_header(header: str) -> bool:
    """True when the cell names a column we know (used to find header rows)."""
    return header_role(header, have_task=True) is not ColumnRole.OTHER


# An indicator column: the row's subject in a table of indicators.
INDICATOR_HEADER = re.compile(r"^(?:主要)?指标(?:名称|项目)?$")


# NAME THEN CONTENT: a row names its item in a name column (项目名称, 事项名称, 实事名称); a
# content column after it (项目内容, 事项内容, 工作任务, 建设内容) says what the named item is to
# do or build, its target. Without a name column before it, a content column is the task.
_CONTENT = re.compile(r"内容$|内容及规模$|^(工作|主要|具体|建设)?任务$")


# INDICATOR TABLE: beside an indicator column, the words an indicator table names its figure
# columns by. A target is what was expected or planned for the year: 预期增长(%), 预期目标,
# 年度目标, 全年计划. An achieved figure is what was done in a period: 上半年完成(%), 实际完成,
# 1-6月, 前三季度, 增长(%) — a period or a completion word, never an expectation. A place
# (苏州市, 张家港) or a year (2025年) names neither: such columns keep a matrix refused.
_MEASURE = re.compile(r"[(（][^()（）]{0,8}[)）]$")
_INDICATOR_TARGET = re.compile(r"^(?:年度|全年|本年|今年|\d{4}年)?(?:预期|目标|计划)|目标$")
_INDICATOR_RESULT = re.compile(
    r"完成|实际|实现"
    r"|^(?:\d{1,2}(?:[-—–~至]\d{1,2})?月份?|[上下]半年|前三季度|(?:第?[一二三四1-4])季度)"
    r"|^(?:同比)?(?:增长|增速|增幅)$"
)


def indicator_column_role(header: str) -> ColumnRole:
    """INDICATOR TABLE: the role of a figure column in a table whose key column names
    indicators (指标名称), by the words above: target, actual, else other. Asked only of a
    header the general vocabulary does not know, in a header opening with an indicator
    column."""
    key = _MEASURE.sub("", header_key(header))
    if _INDICATOR_TARGET.search(key):
        return ColumnRole.TARGET
    if _INDICATOR_RESULT.search(key):
        return ColumnRole.ACTUAL
    return ColumnRole.OTHER


def indicator_results(headers: Sequence[str]) -> bool:
    """INDICATOR WITH RESULT: the header gives an indicator a target (全年任务目标, 目标值,
    预期增长) and the figure achieved (实际完成, 完成率, 上半年完成): an indicator given its
    target and its result is a task, like one given to a unit — a matrix's columns are places
    or years instead (a header naming a place is never one). (INDICATOR TABLE: a column the
    general vocabulary does not know is read by :func:`indicator_column_role`.)"""
    # a column named by a place (全市, 东坡区) makes an indicator × place matrix: no task list
    from luoshi.ingest.text.matrix import is_place  # (the text package imports this module)

    if any(is_place(header_key(h)) for h in headers):
        return False
    roles = set()
    for h in headers:
        role = _key_role(header_key(h), True)
        roles.add(indicator_column_role(h) if role is ColumnRole.OTHER else role)
    # (a progress text column alone, 完成情况, is no achieved figure: 指标名称 / 年度目标 /
    # 完成情况 is read as a matrix, as before)
    results = roles & {ColumnRole.ACTUAL, ColumnRole.DECLARED_STATUS}
    return ColumnRole.TARGET in roles and bool(results)


def indicator_header_cells(headers: Sequence[str]) -> int:
    """INDICATOR TABLE: how many cells of a header row name a column when the row is an
    indicator table's header (an indicator column, a target and a result), else 0 — so a
    grid finds such a header though the general vocabulary knows none of its cells."""
    if not any(INDICATOR_HEADER.match(normalise_header(h)) for h in headers if "指" in h):
        return 0
    if not indicator_results(headers):
        return 0
    return sum(1 for r in header_roles(headers) if r is not ColumnRole.OTHER)


# A grade of a satisfaction vote as a column of its own: 满意 / 基本满意 / 不满意 (比较满意,
# 非常满意, 一般, 弃权). A task list never heads a column with a grade.
_VOTE_GRADE = re.compile(r"^(?:非常|很|比较|较|基本)?满意(?:票|票数|数)?$|^不(?:太)?满意(?:票|票数|数)?$"
                         r"|^(?:一般|弃权)(?:票|票数)?$")
_VOTE_ROLES = frozenset({ColumnRole.SERIAL, ColumnRole.TASK, ColumnRole.CATEGORY,
                         ColumnRole.DECLARED_STATUS, ColumnRole.REMARKS, ColumnRole.OTHER})


def vote_table_reason(headers: Sequence[str]) -> str | None:
    """VOTE TABLE: why a table is a satisfaction vote on projects, not a task list, or None.
    The rule: at least two header cells are grades of a vote (满意 / 基本满意 / 不满意 …), and
    no column holds anything a task list reports — no progress, problems, next steps,
    target, units, leader, deadline or figure achieved (a 测评等次 over the grades is read as
    a status, the project's name as the task). The counts under the grades are votes cast on
    the projects, not their progress: the table is refused, saying so. A progress table that
    also grades each project keeps its progress column and is read."""
    keys = [header_key(h.rpartition(TWO_LEVEL_JOIN)[2]) for h in headers]
    if sum(1 for k in keys if _VOTE_GRADE.match(k)) < 2:
        return None
    if any(r not in _VOTE_ROLES for r in header_roles(headers)):
        return None
    grades = "/".join(k for k in keys if _VOTE_GRADE.match(k))
    return (
        f"a satisfaction vote on projects (columns {grades}: votes cast, not progress), not a "
        "task list: luoshi imports task lists (序号 / 任务 / 责任单位 / 进展)"
    )


# (a month, months or a quarter: 年度计划 is the year's plan, the target, whatever stands by it)
_PERIOD_PLAN = re.compile(
    r"(?:\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?|\d{1,2}月份?|[一二三四1-4]季度|下季度|下半年)"
    r"(?:进度|工作)?(?:安排|计划)$"
)


def header_roles(headers: Iterable[str], name_then_content: bool = True) -> list[ColumnRole]:
    """The role of each cell of a header row, read left to right: a task-like header after
    the task column is not a second task column (``have_task``); a content column after a
    name column is the target (NAME THEN CONTENT). A row has one target: a
    planned amount (年度计划投资) beside a target column of its own words (2030年目标) is a
    figure of the row, role other. An indicator column
    (指标名称) before any task column is the task when the row also names a unit column: an
    indicator given to a responsible unit is its task — or a target and a result (INDICATOR
    WITH RESULT); without either, 指标名称 heads an indicator matrix, which is no task list."""
    headers = list(headers)
    # (the unit columns are looked for only in a row naming an indicator column: rare)
    with_units = any(
        INDICATOR_HEADER.match(normalise_header(h)) for h in headers if "指" in h
    ) and (
        any(header_role(raw, False) in (ColumnRole.UNITS, ColumnRole.LEAD_UNIT) for raw in headers)
        or indicator_results(headers)
    )
    roles: list[ColumnRole] = []
    planned: list[int] = []
    have_task = False
    named = False  # a name column (项目名称) is the task: see NAME THEN CONTENT
    for raw in headers:
        role = header_role(raw, have_task)
        if role is ColumnRole.OTHER and (whole := cut_header_completion(raw)) is not None:
            role = header_role(whole, have_task)  # CUT HEADER
        if not have_task and with_units and INDICATOR_HEADER.match(normalise_header(raw)):
            role = ColumnRole.TASK
        elif have_task and with_units and role is ColumnRole.OTHER:
            role = indicator_column_role(raw)  # INDICATOR TABLE
        own = header_key(raw.rpartition(TWO_LEVEL_JOIN)[2])  # a two-row header's own name
        if (
            name_then_content
            and named
            and role in (ColumnRole.TASK, ColumnRole.OTHER)
            and _CONTENT.search(own)
        ):
            role = ColumnRole.TARGET
        named = named or (role is ColumnRole.TASK and own.endswith("名称"))
        have_task = have_task or role is ColumnRole.TASK
        if role is ColumnRole.TARGET and _PLANNED.search(header_key(raw)):
            planned.append(len(roles))
        roles.append(role)
    if planned and roles.count(ColumnRole.TARGET) > len(planned):
        for k in planned:
            roles[k] = ColumnRole.OTHER
    # NEXT PERIOD'S PLAN: a schedule or plan column named for a period (2024年1-3月份进度安排,
    # 一季度工作计划) after a progress column is what is planned for the period after the one
    # reported: the next steps (in a plan without a progress column it stays the schedule).
    done_at = next((k for k, r in enumerate(roles) if r is ColumnRole.DONE), None)
    for k in range(len(roles)) if done_at is not None else ():
        if k > done_at and roles[k] in (ColumnRole.OTHER, ColumnRole.TARGET):
            if _PERIOD_PLAN.search(normalise_header(headers[k])):
                roles[k] = ColumnRole.NEXT_STEPS
    # TWO TASK COLUMNS: of two task-named columns side by side (实事内容 / 工作任务), the first
    # names what the rows are about, the second the work: the first is the category. Unless the
    # second says it is the first in detail (具体任务, 细化任务, 分解任务 …): then both are the
    # task, joined in column order (目标任务 / 具体任务). (Not for a reader taking a task-like
    # column before the last as group cells itself: name_then_content=False.)
    for k in range(len(roles) - 1 if name_then_content else 0):
        if roles[k] is ColumnRole.TASK and roles[k + 1] is ColumnRole.TASK:
            if not _REFINES.match(header_key(headers[k + 1].rpartition(TWO_LEVEL_JOIN)[2])):
                roles[k] = ColumnRole.CATEGORY
    photo = photo_task_column(headers, roles)
    if photo is not None:
        roles[photo] = ColumnRole.TASK
    return roles


# CUT HEADER: the closing words a header cell ends with, by their first character (a cut
# cell keeps the first and loses the second: 主要领 / 导).
_CLOSING_WORDS = {
    "任": "任务", "内": "内容", "单": "单位", "部": "部门", "领": "领导", "情": "情况",
    "名": "名称", "时": ("时限", "时间"), "进": "进度", "问": "问题", "措": "措施",
}


def cut_header_completion(header: str) -> str | None:
    """The whole header a cell cut short names (主要领 → 主要领导, CUT HEADER), or None: the
    cell (three characters or more) names no column, its last character opens a closing word,
    and the cell completed by that word names exactly one column (责任 + 务 = 责任务 names
    none; 完成时 → 完成时限 and 完成时间 name the same, the deadline)."""
    h = header_key(header)
    if len(h) < 3 or h[-1] not in _CLOSING_WORDS or _key_role(h, True) is not ColumnRole.OTHER:
        return None
    words = _CLOSING_WORDS[h[-1]]
    found: dict[ColumnRole, str] = {}
    for word in (words,) if isinstance(words, str) else words:
        whole = h + word[1:]
        role = _key_role(whole, True)
        if role is not ColumnRole.OTHER:
            found.setdefault(role, whole)
    return next(iter(found.values())) if len(found) == 1 else None


# PHOTO CAPTIONS RULE: a picture column (工程进度照片, 现场图片, 相片) holds in a text copy only
# what the pictures are captioned with, the works they show. In a table with a progress
# column but no task column, the first such column is the task column (warned, with the
# alternative: pictures only, no task named). Beside a task column it stays a column of its own.
_PICTURES = re.compile(r"照片|图片|相片|图像|影像")


def photo_task_column(headers: Sequence[str], roles: Sequence[ColumnRole]) -> int | None:
    """The index of the picture column taken as the task column (PHOTO CAPTIONS RULE), or None."""
    if ColumnRole.TASK in roles or not _PROGRESS & set(roles):
        return None
    for k, (raw, role) in enumerate(zip(headers, roles, strict=True)):
        if role is ColumnRole.OTHER and _PICTURES.search(header_key(raw)):
            return k
    return None


def _is_photo_task(header: str) -> bool:
    """A task column that is so only by the PHOTO CAPTIONS RULE."""
    return header_role(header, True) is ColumnRole.OTHER and bool(
        _PICTURES.search(header_key(header))
    )


# A header saying its column is the one before it in detail: 具体任务, 细化目标, 分解任务.
_REFINES = re.compile(r"^(?:具体|细化|分解|详细|主要具体)")


def columns_from_headers(
    headers: Iterable[str], name_then_content: bool = True
) -> tuple[list[Column], list[str]]:
    """Columns for a header row, and warnings for the headers that are not understood.
    ``name_then_content=False`` where a reader takes a task-like column before the last as
    group cells spanning rows (NAME THEN CONTENT does not apply)."""
    columns: list[Column] = []
    warnings: list[str] = []
    headers = list(headers)
    for raw, role in zip(headers, header_roles(headers, name_then_content), strict=True):
        header = normalise_header(raw)
        if role is ColumnRole.OTHER:
            warnings.append(f"unknown column header {header!r}: kept with role 'other'")
        elif header_role(raw, True) is ColumnRole.OTHER and (
            whole := cut_header_completion(raw)
        ):
            warnings.append(
                f"header {header!r} read as {whole}, cut short (its role {role}; the "
                "alternative, a column of its own the vocabulary does not know)"
            )
        elif role is ColumnRole.UNITS and (lead_note := lead_note_warning(raw)):
            warnings.append(lead_note)
        columns.append(Column(header=header, role=role))
    roles = [c.role for c in columns]
    if (
        ColumnRole.TASK in roles
        and INDICATOR_HEADER.match(columns[roles.index(ColumnRole.TASK)].header)
        and not {ColumnRole.UNITS, ColumnRole.LEAD_UNIT} & set(roles)
    ):
        # INDICATOR TABLE: said, so a reader knows why no task has a unit
        warnings.append(
            "indicators, no responsible units: an indicator table (指标 / target / achieved) "
            "read as a task list, each indicator a task (the alternative: a table of figures "
            "only)"
        )
    photo = roles.index(ColumnRole.TASK) if ColumnRole.TASK in roles else None
    if photo is not None and _is_photo_task(headers[photo]):
        warnings.append(
            f"picture column {columns[photo].header!r} read as the task column: in a text copy "
            "its cells are the captions naming the works (the alternative: pictures only, no "
            "task named)"
        )
    done = [c.header for c in columns if c.role is ColumnRole.DONE]
    if len(done) > 1:
        main = columns[main_done_column(columns)].header
        others = "/".join(h for h in done if h != main)
        warnings.append(
            f"several progress columns ({'/'.join(done)}): two periods side by side, or the "
            f"work and its results; {main} (the latest, or the work) is the progress, "
            f"{others} kept as an extra cell"
        )
    return columns, warnings


def main_done_column(columns: Sequence[Column]) -> int:
    """Index of the progress column whose header names the latest period (the last one when
    the headers do not tell), or -1 when there is no progress column. Of columns of the same
    period, one saying what was done (完成情况, 进展情况) is the progress before one saying
    what it achieved (取得成效, 工作成效: the results, kept as an extra cell)."""
    best, at = (-1, False), -1
    for i, c in enumerate(columns):
        if c.role is not ColumnRole.DONE:
            continue
        rank = (_end_month(c.header), not _RESULTS.search(header_key(c.header)))
        if rank >= best:
            best, at = rank, i
    return at


# A progress header naming the results achieved rather than the work done.
_RESULTS = re.compile(r"成效$")


@lru_cache(maxsize=1024)
def _end_month(header: str) -> int:
    """The end month a progress header names, 0 when none. Cached: asked for every row."""
    from luoshi.ingest.periods import parse_period  # periods imports model only

    period = parse_period(header)
    return period.end_month if period is not None else 0
