"""The **prose** layout: the annual task list published as a document, not a table
(舟政办发〔2020〕4号 style, 责任分工/分解 notices)::

    一、…                          (section headings: groups)
    (一)省某厅牵头的工作            (a heading naming the section's lead unit)
    1.task text…                   (a numbered paragraph: one task)
    责任单位:市发改委、市财政局      (its unit line; or 牵头单位:/配合单位:/协同单位: lines,
                                    or a closing note "(责任单位:…)", "(省发改委负责)",
                                    "(省财政厅主办,省税务局协办)", "(市林业局)")

Rules, true of such lists wherever they come from:

- a task is a numbered paragraph (1. 1、 1) (1) ① 第一项 and, when it carries its own unit note
  or block of labelled lines, (一) or 一、); an unnumbered paragraph opens a task too when no
  task is open and it closes with its own unit note, is followed by a unit line, stands under
  a heading that names a lead unit, or stands above a closing "上述项目由X牵头负责" line
  (then each such paragraph is one task);
- the following paragraphs, until a unit line, continue the task's text;
- a unit line applies to the tasks of its section that have no unit line yet (a 协同单位 line
  closing a group of tasks applies to each); a heading's lead unit comes first;
- items run together on one line are cut where markers count on (proseitems.run_splits);
- headings (一、…, (一)…, "…负责的工作", "一、…(牵头单位:X)" over numbered tasks) are groups;
  a notice's attachment list (附件:1.… then 2.… 3.… counting on) names documents, not tasks;
  a heading naming a person (…省长负责的工作) names no unit;
- a unit field inside the paragraph, or a sentence of it that only names units by their part
  (…。市住建局牵头,市财政局配合。…), ends the task's wording; in a progress report (its
  opening says so) what follows it, or the sentence opening with a reporting period, is the
  progress; a schedule label (实施进度为:) opens the task's target. In a progress report an
  unlabelled paragraph right after a task's unit line (or after its progress so far), before
  the next task, that reports what was done (截至…, 目前…, 已完成…) is that task's progress; a
  paragraph of requirements (下一步…, 各单位要…) is not. Details and the rest of
  the spellings accepted (traditional labels, labels set off by spaces, bullets) are in
  :mod:`luoshi.ingest.text.proseitems`.

Tried only when no table header is found. The shape must be clear — at least two tasks with
units, or a numbered list of statements (``proseitems.bare_list_start``), or one numbered task
whose own note or unit line names its units *by their part* (X牵头, 牵头单位:X, Y配合) followed by the next
item of its numbering (1. then 2.: a list, its other items cut off or without a note; warned,
the alternative being prose that happens to cite a unit) — so ordinary prose is refused
(:mod:`luoshi.ingest.text.refusal` says what it holds). A page whose items carry other labelled
fields in their block (责任人:, 责任领导:, 完成时限: — by the header vocabulary's role), or a
progress field anywhere (进展情况:, 存在问题:, 下步打算:, also after the task's full stop), is
left to the forms reader. Cells are kept as written (no space normalisation, as in the table
layouts).
"""

from __future__ import annotations

import re

from luoshi.ingest.headers import header_role
from luoshi.ingest.layout import GROUP_KEY, RowCells, build_task
from luoshi.ingest.model import Column, ParsedDocument, Period, Task
from luoshi.ingest.text.forms import field_values
from luoshi.ingest.text.pagemeta import read_page_meta, title_from_lead_in
from luoshi.ingest.text.proseitems import (
    BULLET,
    CN_NUMBERED,
    FIELDS_WITH_UNITS,
    FORM_FIELD,
    ROLE_WORD,
    STYLES,
    UNIT_LINE,
    WORD_STYLES,
    bare_list_start,
    is_report,
    label_colon,
    mid_units,
    names_its_items,
    other_field,
    progress_field,
    reports_done,
    role_line,
    role_sentence,
    simplify_labels,
    single_role_task,
    split_done,
    split_glued,
    split_schedule,
    style_value,
    unit_columns,
    unit_note,
    unit_value,
    units_above,
)
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import CLOSING, is_group, looks_like_units
from luoshi.ingest.units import (
    CO_LABEL_START,
    OTHER_FIELD,
    UNIT_LABELS,
)
from luoshi.vocab import ColumnRole, PeriodKind

PROSE_LAYOUT = "prose"

_PART = re.compile(rf"[;；]?\s*[【\[]?({UNIT_LABELS})(?:[】\]]\s*[:：]?|\s*[:：])\s*")
# A heading naming who leads the section's tasks: 一、县管委会牵头工作(8项), (一)省某厅牵头的工作.
_LEAD_HEADING = re.compile(
    r"^(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*"
    r"(.{2,30}?)(?:牵头|负责|牵头负责)(?:的)?(?:(?:重点)?工作|事项|任务)?(?:[(（]\d+项[)）])?$"
)
_CUT_LABEL = re.compile(r"^(责任?|牵头?|配合?|协同?|责任单|牵头单|配合单|协同单)$")
_MIN_TASKS = 2
# A numbered list without any unit note is a task list when it counts at least this many items
# numbered 1, 2, 3 … in order, most of them statements of work (longer than a slogan).
_MIN_BARE_TASKS = 3
_LONE_SERIAL = re.compile(r"^\d{1,3}$")
# A notice's attachment line; the numbered lines right after it that count on are its list.
_ATTACHMENTS = re.compile(r"^附件\s*[:：]\s*")
# An attachment is named as a document: "…任务分解", "…清单", "…一览表" (a task is a statement).
_DOCUMENT_NAME = re.compile(r"(?:表|清单|方案|分解|计划|要点|名单|办法|通知|意见|备忘录)》?$")
# A title naming the list itself (not a report on it): the period is the plan.
_PLAN_TITLE = re.compile(r"任务分解|责任分解|分工方案|任务清单|工作清单|清单|责任分工|目标责任")
_PROGRESS_WORD = re.compile(r"完成情况|进展|落实情况|推进情况|执行情况|进度")

# Reported columns; build_task also needs a co-unit column for 配合单位 lines (lead first).
COLUMNS = [
    Column("序号", ColumnRole.SERIAL),
    Column("任务内容", ColumnRole.TASK),
    Column("责任单位", ColumnRole.UNITS),
]
_BUILD_COLUMNS = [*COLUMNS, Column("配合单位", ColumnRole.CO_UNITS)]
# Added when any task carries progress text (a progress report written as a list).
_DONE_COLUMN = Column("进展情况", ColumnRole.DONE)
_DONE_AT = len(_BUILD_COLUMNS)
# Added when any task states its planned schedule under a label (实施进度为:).
_SCHEDULE_COLUMN = Column("进度安排", ColumnRole.TARGET)


def _list_style(paras: list[Para]) -> str:
    """The numbering style of the list's tasks: the outermost style (1. before (1) before ①)
    of which at least two numbered paragraphs carry units — their own note, or a unit line or
    note among the next few paragraphs before the next one so numbered; arabic by default."""
    for style, pattern in STYLES.items():
        if style == "cn_paren":
            continue
        starts = [k for k, p in enumerate(paras) if pattern.match(p.text.strip())]
        with_units = 0
        for n, k in enumerate(starts):
            end = min(starts[n + 1] if n + 1 < len(starts) else len(paras), k + 5)
            span = [paras[j].text.strip() for j in range(k, end)]
            if any(unit_note(t) or (j and UNIT_LINE.match(t)) for j, t in enumerate(span)):
                with_units += 1
        if with_units >= _MIN_TASKS:
            return style
    # No style carries units: the outermost style numbering a list of its own (a list of
    # tasks whose units the page does not give, read by the unit-less rule in read_prose).
    # Items counted in words (一是, 第一) are a speech's or news report's points, not a list,
    # unless their units say otherwise.
    for style, pattern in STYLES.items():
        if style in WORD_STYLES:
            continue
        if sum(1 for p in paras if pattern.match(p.text.strip())) >= _MIN_BARE_TASKS:
            return style
    return "arabic"


def _cn_item(paras: list[Para], k: int, numbered: re.Pattern[str]) -> bool:
    """A 一、/(一) paragraph followed by its own block of labelled lines — unit lines
    (牵头单位:, 责任单位: …) and other fields (完成时限:) — after which no task of the list's
    style follows, is an item, not a heading (a heading's unit line leads the tasks under
    it): "一、新建公园3个。" / "牵头单位:市建设局" / "完成时限:年底" / "二、…"."""
    j = k + 1
    units = False
    while j < len(paras):
        text = paras[j].text.strip()
        if UNIT_LINE.match(text) or FIELDS_WITH_UNITS.match(text):
            units = True
        elif not FORM_FIELD.match(text):
            break
        j += 1
    if not units:
        return False
    return j >= len(paras) or not numbered.match(paras[j].text.strip())


def _in_item_block(paras: list[Para], k: int, current: _Task | None) -> bool:
    """Paragraph k stands in an item's block: right after the item's text, or after its unit
    lines (the labelled lines that follow an item are its fields)."""
    if current is not None:
        return True
    before = paras[k - 1].text.strip() if k else ""
    return bool(UNIT_LINE.match(before) or FIELDS_WITH_UNITS.match(before))


def _units_above_ahead(paras: list[Para]) -> list[bool]:
    """For each paragraph, whether a closing "上述项目由X负责" line follows it before any
    heading, numbered item or unit line: the paragraphs of such a block are its items."""
    out = [False] * len(paras)
    ahead = False
    for k in range(len(paras) - 1, -1, -1):
        text = paras[k].text.strip()
        if units_above(text):
            ahead = True
        elif (
            is_group(text)
            or CN_NUMBERED.match(text)
            or UNIT_LINE.match(text)
            or any(s.match(text) for s in STYLES.values())
        ):
            ahead = False
        out[k] = ahead
    return out


def _heading_unit(text: str) -> str | None:
    """The unit a heading names as its section's lead: "一、X牵头的工作", or a heading closing
    with its unit note "一、稳增长(牵头单位:X)"."""
    m = _LEAD_HEADING.match(text.strip())
    if m and looks_like_units(m.group(1)):
        return m.group(1)
    if CN_NUMBERED.match(text.strip()) and (note := unit_note(text.strip())) and note[1]:
        return note[1][0]
    return None


def _heads_tasks(paras: list[Para], k: int, numbered: re.Pattern[str]) -> bool:
    """The 一、/(一) paragraph k is followed — after any unit lines — by a task of the list's
    own numbering (and is not itself numbered in that style): it heads them."""
    if numbered.match(paras[k].text.strip()):
        return False
    j = k + 1
    while j < len(paras) and UNIT_LINE.match(paras[j].text.strip()):
        j += 1
    return j < len(paras) and bool(numbered.match(paras[j].text.strip()))


# Fields that may ride on a unit line or note, kept as cells of their own.
_RIDING_ROLES = frozenset({ColumnRole.LEADER, ColumnRole.PERSON, ColumnRole.DEADLINE})


class _Task:
    def __init__(self, serial: str, line: int, text: str, group: str, section_unit: str):
        self.serial, self.line, self.line_end, self.group = serial, line, line, group
        self.text = [text] if text else []
        self.lead: list[str] = [section_unit] if section_unit else []
        self.co: list[str] = []
        self.has_unit_line = False
        self.value: int | None = None  # the list number (1, ③ = 3, (十二) = 12)
        self.done: list[str] = []  # progress said in the task's own paragraph (a report)
        self.schedule = ""  # the task's planned schedule, after its label (实施进度为:)
        self.fields: dict[str, str] = {}  # other fields riding with its units (完成时限:年底)
        self.role_note = False  # its units came from a note naming their part (牵头/配合)

    def take_fields(self, text: str) -> None:
        """Fields of another kind than units on the task's unit line or note (牵头领导:,
        完成时限:): kept as the task's cells, not dropped."""
        for label, value in field_values(text):
            if value and header_role(label, have_task=True) in _RIDING_ROLES:
                self.fields.setdefault(label, value)

    def add_note(self, note: tuple[str, list[str], list[str]]) -> None:
        # the note names units by their part (X牵头,Y配合 / 牵头单位:X): a task list's wording
        whole = self.text[-1] if self.text else ""
        self.role_note = bool(note[2]) or bool(ROLE_WORD.search(whole[len(note[0]) :]))
        self.text[-1:] = [note[0]] if self.text else []
        self.lead += [unit_value(v) for v in note[1]]
        self.co += [unit_value(v) for v in note[2]]
        self.has_unit_line = True


def closing_note(text: str) -> tuple[str, list[str], list[str]] | None:
    """(text without the note, lead, co) when the paragraph closes with its units: a unit note
    ((责任单位:…), (市某局负责)) or a last sentence naming them by their part (…。市某局牵头,
    市某局配合。)."""
    note = unit_note(text)
    if note is None and (found := role_sentence(text)) is not None and not found[3]:
        note = found[0], found[1], found[2]
    return note


def read_prose(paras: list[Para], name: str, ends_newline: bool) -> ParsedDocument | None:
    """The document when the paragraphs have the plan-in-prose shape, else None."""
    paras = split_glued([Para(p.line, label_colon(simplify_labels(p.text)), p.gap) for p in paras])
    report = is_report(paras)
    style = _list_style(paras)
    numbered = STYLES[style]
    tasks_raw: list[_Task] = []
    top = sub = ""
    section_unit = ""
    current: _Task | None = None
    prev: int | None = None
    first_index: dict[int, int] = {}  # task number -> paragraph index where it opened
    ignored: list[Para] = []
    warn: list[tuple[int | None, str]] = []
    last_waiting: list[_Task] = []
    back_ahead = _units_above_ahead(paras)
    done_after = -2  # the paragraph after which a report's progress paragraph may stand
    attached: int | None = None  # the last number of an attachment list (附件:1.… 2.…)
    for k, p in enumerate(paras):
        text = p.text.strip()
        above = units_above(text)
        if k == len(paras) - 1 and _CUT_LABEL.match(text):
            ignored.append(p)  # the excerpt ends inside a unit label ("责任单")
            continue
        if (tasks_raw and other_field(text) and _in_item_block(paras, k, current)) or (
            tasks_raw and progress_field(text)
        ):
            return None  # labelled fields other than units: a forms page
        m = numbered.match(text)
        if _ATTACHMENTS.match(text):
            # "附件:1.…": the notice's attachment list, numbered lines that are not tasks
            am = numbered.match(_ATTACHMENTS.sub("", text))
            attached = style_value(am.group(1)) if am else 0
            ignored.append(p)
            continue
        if (
            attached is not None
            and m
            and style_value(m.group(1)) == attached + 1
            and _DOCUMENT_NAME.search(text)
        ):
            attached += 1  # the next attachment of the list ("2.2025年…任务分解")
            ignored.append(p)
            continue
        attached = None
        cn = CN_NUMBERED.match(text)
        note = unit_note(text) if (m or cn) else None
        if cn and note and _heads_tasks(paras, k, numbered):
            note = None  # "一、稳增长(牵头单位:X)" over numbered tasks: a heading naming X
        if m or (cn and (note or _cn_item(paras, k, numbered))):
            value = None
            if m and style == "cn_paren":
                serial = text[: m.end()].strip()
            else:
                serial = m.group(1) if m else text[: cn.end()].strip("、")  # type: ignore[union-attr]
            if m:
                value = style_value(m.group(1))
                if prev is not None and value != prev + 1 and value != 1:
                    warn.append((p.line, f"serial {value} follows {prev}"))
                prev = value
            body = text[m.end() :] if m else text[cn.end() :]  # type: ignore[union-attr]
            current = _Task(
                serial, p.line, body, " ".join(g for g in (top, sub) if g), section_unit
            )
            current.value = value
            first_index[len(tasks_raw)] = k
            tasks_raw.append(current)
            if note:
                current.add_note(unit_note(body) or note)
                current.take_fields(body)
            elif (mid := mid_units(body) or role_sentence(body)) is not None:
                current.text = [mid[0]] if mid[0] else []
                current.lead += mid[1]
                current.co += mid[2]
                current.has_unit_line = True
                if mid[3]:
                    (current.done if report else current.text).append(mid[3])
            if report and not current.done and current.text:
                head, done = split_done(current.text[-1])
                if done:
                    current.text[-1:] = [head] if head else []
                    current.done.append(done)
            continue
        open_task = current is not None and not current.has_unit_line
        if is_group(text) or _heading_unit(text) or (cn and not open_task):
            # (a 一、/(一) paragraph that is not an item is a heading, full stop or not —
            # unless a task still waiting for its units is open: then it is a point of it)
            unit = _heading_unit(text)
            label = text  # the group: the heading without its unit note
            if cn and unit and (hn := unit_note(text)) is not None:
                label = hn[0]
            if text.startswith(("(", "（")):
                sub = label
            else:
                top, sub = label, ""
                section_unit = ""
            section_unit = unit or (section_unit if text.startswith(("(", "（")) else "")
            if text.startswith(("(", "（")) and not unit:
                section_unit = ""
            current = None
            prev = None if unit else prev
            continue
        if UNIT_LINE.match(text) or FIELDS_WITH_UNITS.match(text) or above:
            lead: list[str] = []
            co: list[str] = []
            if above:
                lead.append(above)
            else:
                _unit_parts(text, lead, co)
            # the tasks of this section without a unit line yet, back to the last one that has;
            # a unit line right after another one (牵头单位 then 配合单位) goes with the same tasks
            waiting = []
            if k and UNIT_LINE.match(paras[k - 1].text.strip()):
                waiting = list(last_waiting)
            for t in reversed(tasks_raw if not waiting else []):
                if t.has_unit_line or t.group != tasks_raw[-1].group:
                    break
                waiting.append(t)
            last_waiting = waiting
            if not waiting:
                if current is None and lead and not above:
                    # a unit line heading a section before its tasks: they are its units
                    section_unit = lead[0]
                    continue
                ignored.append(p)
                continue
            for t in waiting:
                t.lead += lead
                t.co += co
                t.take_fields(text)
                # a label naming the part (牵头单位:, 配合单位:) is a task list's wording
                t.role_note = t.role_note or bool(ROLE_WORD.match(text))
                t.has_unit_line = True
                t.line_end = p.line
            current = None
            done_after = k  # progress paragraphs may follow the unit line
            continue
        roles = role_line(text)
        if roles is not None and current is not None and not current.has_unit_line:
            current.lead += roles[0]  # "X牵头,Y配合。" on a line of its own
            current.co += roles[1]
            current.has_unit_line = True
            current.line_end = p.line
            current = None
            continue
        if (
            current is not None
            and not current.has_unit_line
            and current.text
            and looks_like_units(text)
            and not is_group(text)
        ):
            # a line that is only a unit list right after the task names its units (a list
            # flattened without its labels: "1.新建公园3个。" / "市住建局、市财政局")
            current.lead.append(text)
            current.has_unit_line = True
            current.line_end = p.line
            current = None
            continue
        if current is not None and not current.has_unit_line:
            if current.text and p.gap == 0 and p.line == current.line_end:
                # a sub-measure cut from its task's own line ((1)… (2)…): the line as written
                current.text[-1] += text
                note = closing_note(current.text[-1])
            else:
                current.text.append(text)
                note = closing_note(text)
            current.line_end = p.line
            if note:
                current.add_note(note)
            continue
        # an unnumbered paragraph opens a task under a heading naming the lead unit, or when
        # its own unit line follows it
        follows = k + 1 < len(paras) and UNIT_LINE.match(paras[k + 1].text.strip())
        closed = current is None or current.has_unit_line
        # (a sub-measure numbered in another style, (1) under 110., is part of its task)
        unnumbered = not any(pat.match(text) for pat in STYLES.values())
        own_note = closed and unnumbered and not is_group(text) and closing_note(text) is not None
        # (an item is a statement: a title line above the block is not one)
        block = back_ahead[k] and unnumbered and not is_group(text) and CLOSING.search(text)
        if (
            closed
            and (section_unit or follows or own_note or block)
            and not CN_NUMBERED.match(text)
        ):
            text = BULLET.sub("", text)  # a bullet (●) marks the item, not its text
            current = _Task("", p.line, text, " ".join(g for g in (top, sub) if g), section_unit)
            first_index[len(tasks_raw)] = k
            tasks_raw.append(current)
            note = closing_note(text)
            if note:
                current.add_note(note)
            if block:
                current = None  # above a "上述项目由…" line each paragraph is one item
            continue
        if report and done_after == k - 1 and tasks_raw and reports_done(text):
            # a report's progress paragraph under the task's unit line
            tasks_raw[-1].done.append(text)
            tasks_raw[-1].line_end = p.line
            done_after = k
            continue
        ignored.append(p)
    with_units = [n for n, t in enumerate(tasks_raw) if t.lead or t.co]
    bare = False
    single = single_role_task(tasks_raw, with_units)
    if single is not None:
        warn.append(
            (
                tasks_raw[single].line,
                f"only task {tasks_raw[single].serial} names its units (a note naming the lead "
                "unit by its part, 牵头/配合); read as a task list because the numbering runs on "
                "to the next item — the alternative is prose citing a unit: check the tasks",
            )
        )
    elif len(with_units) < _MIN_TASKS:
        first = bare_list_start(
            tasks_raw,
            _MIN_BARE_TASKS,
            lambda i: paras[first_index[i] - 1].text if first_index.get(i, 0) > 0 else "",
        )
        if first is None or any(_LONE_SERIAL.match(q.text.strip()) for q in paras):
            # a paragraph holding only a number is a table's serial cell flattened onto a
            # line of its own: the numbered paragraphs are points inside that table's cells
            return None
        with_units, bare = [first], True
    # Tasks before the first one with units are numbered lines of the preamble (附件:1.…),
    # unless the list's numbering runs on from them into it (1. 2. 3.(units): one list
    # whose first items' notes are missing or unreadable — warned about below).
    first = with_units[0]
    while (
        first > 0
        and tasks_raw[first].value is not None
        and tasks_raw[first - 1].value == tasks_raw[first].value - 1
        and tasks_raw[first - 1].group == tasks_raw[first].group
    ):
        first -= 1
    keep = tasks_raw[first:]
    start = first_index[first]
    while start > 0 and (is_group(paras[start - 1].text) or _heading_unit(paras[start - 1].text)):
        start -= 1
    ignored = [q for q in ignored if q.line >= paras[start].line]
    for t in keep:
        if t.text:
            head, t.schedule = split_schedule(t.text[-1])
            if t.schedule:
                t.text[-1:] = [head] if head else []
    with_done = any(t.done for t in keep)
    with_schedule = any(t.schedule for t in keep)
    # the columns the page gives: no unit column when no task names units; the unit column(s)
    # named by the page's own labels
    # in the page's order: the schedule sits in the task's paragraph, before the unit line;
    # no 序号 column when no item has a number of its own (numbered by position, as a table
    # without one is)
    columns = [COLUMNS[0]] if any(t.serial for t in keep) else []
    columns += [COLUMNS[1]] + ([_SCHEDULE_COLUMN] if with_schedule else [])
    columns += [] if bare else unit_columns(paras[start:], COLUMNS[2])
    riding: list[Column] = []
    for t in keep:
        for label in t.fields:
            if all(c.header != label for c in riding):
                riding.append(Column(label, header_role(label, have_task=True)))
    columns += riding
    columns += [_DONE_COLUMN] if with_done else []
    warn.insert(
        0,
        (
            keep[0].line,
            (
                "the document is a progress report written as a list (numbered paragraphs, "
                "each a task followed by what was done), not a table: columns "
                if report
                else "the document is a plan in prose (numbered paragraphs, each with a "
                "责任单位 line), not a table: columns "
            )
            + "/".join(c.header for c in columns)
            + " are the reader's",
        ),
    )
    if bare:
        warn.insert(
            1,
            (
                keep[0].line,
                "the numbered paragraphs name no responsible units (no 责任单位 line or note): "
                "read as tasks, with no unit column",
            ),
        )
    unnumbered = [t for t in keep if not t.serial]
    if unnumbered and len(unnumbered) == len(keep):
        # a list of plain paragraphs (each closing with its unit note): numbered by their
        # place, as a table's rows without serials are (in a numbered list an unnumbered
        # one-sentence section keeps no serial: a position number would clash)
        for n, t in enumerate(keep, 1):
            t.serial = t.serial or str(n)
        warn.append(
            (
                unnumbered[0].line,
                f"{len(unnumbered)} task(s) have no number of their own (paragraphs closing with "
                f"a unit note): numbered {', '.join(t.serial for t in unnumbered[:8])}"
                f"{'…' if len(unnumbered) > 8 else ''} by position",
            )
        )
    notes: list[str] = []
    tasks: list[Task] = []
    build_columns = [*_BUILD_COLUMNS, _DONE_COLUMN, _SCHEDULE_COLUMN, *riding]
    for t in keep:
        row = RowCells(serial=t.serial, line_start=t.line, line_end=t.line_end)
        row.fixed = {1: t.text, 2: t.lead, 3: t.co}
        if with_schedule:
            row.fixed[_DONE_AT + 1] = [t.schedule] if t.schedule else []
        for n, col in enumerate(riding, _DONE_AT + 2):
            row.fixed[n] = [t.fields[col.header]] if col.header in t.fields else []
        if with_done:
            row.items = [(None, {_DONE_AT: t.done})]
        task = build_task(row, build_columns, notes)
        if t.group:
            task.extra[GROUP_KEY] = t.group
        if not task.units and not bare:
            warn.append((t.line, f"task {t.serial} has no 责任单位 line"))
        tasks.append(task)
    tail = paras[-1]
    tail_heading = is_group(tail.text) or CN_NUMBERED.match(tail.text.strip())
    if (
        tasks
        and tail.line >= (tasks[-1].line_start or 0)
        and not tail_heading
        and _cut_off(tail.text, ends_newline)
    ):
        # Only the fragment's own line counts as "ignored" for the cut-off message.
        ignored = [q for q in ignored if q is not tail]
        warn.append(
            (
                tail.line,
                f"the text ends mid-sentence ({tail.text[-12:]!r}): task {tasks[-1].serial} "
                "is probably cut off",
            )
        )
    if ignored:
        warn.append(
            (
                ignored[0].line,
                f"{len(ignored)} paragraph(s) among the tasks are neither a task, a unit line nor "
                f"a heading ({ignored[0].text[:20]!r}…): ignored",
            )
        )
    preamble = [q.text for q in paras[:start]]
    title = next((q for q in reversed(preamble[-3:]) if _PLAN_TITLE.search(q)), "")
    meta, meta_warnings = read_page_meta(preamble, title, [q.text for q in paras[start:]])
    if not meta.title and preamble and names_its_items(preamble[-1]):
        title_from_lead_in(meta, preamble[-1], meta_warnings)
    if meta.period is None:
        for candidate in (meta.title, title):
            if candidate and (m := _PLAN_TITLE.search(candidate)):
                if not _PROGRESS_WORD.search(candidate):
                    meta.period = Period(kind=PeriodKind.PLAN, label=m.group(0))
                    meta_warnings = [w for w in meta_warnings if "no reporting period" not in w]
                    break
    meta.notes.extend(notes)
    doc = ParsedDocument(
        meta=meta,
        columns=columns,
        tasks=tasks,
        source_name=name,
        format="text",
        layout=PROSE_LAYOUT,
    )
    for w in meta_warnings:
        doc.warn(None, w)
    for line, message in warn:
        doc.warn(line, message)
    return doc


def _unit_parts(text: str, lead: list[str], co: list[str]) -> None:
    """A unit line into lead-side and co values: "牵头单位:A;配合单位:B"."""
    pieces = _PART.split(text)
    for key, value in zip(pieces[1::2], pieces[2::2], strict=False):
        value = OTHER_FIELD.split(value)[0]  # up to a field of another kind (完成时限:…)
        value = value.strip().rstrip(";；。")
        if value:
            (co if key.startswith(CO_LABEL_START) else lead).append(value)


def _cut_off(text: str, ends_newline: bool) -> bool:
    if not ends_newline:
        return not CLOSING.search(text)
    return text[-1] in ",，、:：(（“"

