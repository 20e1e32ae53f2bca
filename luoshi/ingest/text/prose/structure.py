"""What the prose list reader (:mod:`luoshi.ingest.text.prose.listing`) asks of the
paragraphs around a task: the list's numbering style, headings and the units they name, item
blocks, closing notes; and the task being gathered (:class:`ProseTask`)."""

from __future__ import annotations

import re

from luoshi.ingest.headers import header_role
from luoshi.ingest.model import Column
from luoshi.ingest.text.prose.formfields import field_values
from luoshi.ingest.text.prose.items import (
    CN_NUMBERED,
    FIELDS_WITH_UNITS,
    FORM_FIELD,
    ROLE_WORD,
    STYLES,
    UNIT_LINE,
    WORD_STYLES,
    role_sentence,
    style_value,
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
from luoshi.vocab import ColumnRole

PROSE_LAYOUT = "prose"

_PART = re.compile(rf"[;；]?\s*[【\[]?({UNIT_LABELS})(?:[】\]]\s*[:：]?|\s*[:：])\s*")
# A heading naming who leads the section's tasks: 一、县管委会牵头工作(8项), (一)省某厅牵头的工作.
_LEAD_HEADING = re.compile(
    r"^(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*"
    r"(.{2,30}?)(?:牵头|负责|牵头负责)(?:的)?(?:(?:重点)?工作|事项|任务)?(?:[(（]\d+项[)）])?$"
)
CUT_LABEL = re.compile(r"^(责任?|牵头?|配合?|协同?|责任单|牵头单|配合单|协同单)$")
MIN_TASKS = 2
# A numbered list without any unit note is a task list when it counts at least this many items
# numbered 1, 2, 3 … in order, most of them statements of work (longer than a slogan).
MIN_BARE_TASKS = 3
LONE_SERIAL = re.compile(r"^\d{1,3}$")
# A notice's attachment line; the numbered lines right after it that count on are its list.
ATTACHMENTS = re.compile(r"^附件\s*[:：]\s*")
# An attachment is named as a document: "…任务分解", "…清单", "…一览表" (a task is a statement).
DOCUMENT_NAME = re.compile(r"(?:表|清单|方案|分解|计划|要点|名单|办法|通知|意见|备忘录)》?$")
# A title naming the list itself (not a report on it): the period is the plan.
PLAN_TITLE = re.compile(r"任务分解|责任分解|分工方案|任务清单|工作清单|清单|责任分工|目标责任")
PROGRESS_WORD = re.compile(r"完成情况|进展|落实情况|推进情况|执行情况|进度")

# Reported columns; build_task also needs a co-unit column for 配合单位 lines (lead first).
COLUMNS = [
    Column("序号", ColumnRole.SERIAL),
    Column("任务内容", ColumnRole.TASK),
    Column("责任单位", ColumnRole.UNITS),
]
BUILD_COLUMNS = [*COLUMNS, Column("配合单位", ColumnRole.CO_UNITS)]
# Added when any task carries progress text (a progress report written as a list).
DONE_COLUMN = Column("进展情况", ColumnRole.DONE)
DONE_AT = len(BUILD_COLUMNS)
# Added when any task states its planned schedule under a label (实施进度为:).
SCHEDULE_COLUMN = Column("进度安排", ColumnRole.TARGET)


def list_style(paras: list[Para]) -> str:
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
        if with_units >= MIN_TASKS:
            return style
    # No style carries units: the outermost style numbering a list of its own (a list of
    # tasks whose units the page does not give, read by the unit-less rule in read_prose).
    # Items counted in words (一是, 第一) are a speech's or news report's points, not a list,
    # unless their units say otherwise.
    for style, pattern in STYLES.items():
        if style in WORD_STYLES:
            continue
        if sum(1 for p in paras if pattern.match(p.text.strip())) >= MIN_BARE_TASKS:
            return style
    if _cn_list_run(paras) >= MIN_BARE_TASKS:
        return "cn_list"
    return _single_role_style(paras) or "arabic"


def _single_role_style(paras: list[Para]) -> str | None:
    """NESTED SINGLE-NOTE RULE: on a page where no style numbers two items with units nor a
    bare list, the style of an item whose own note names its units *by their part*
    (牵头部门:X;责任单位:Y, X牵头) and after which the next paragraph of that style counts on
    from it (① then ②) with no outer-style paragraph between — the evidence
    ``items.single_role_task`` accepts for a list whose other items are cut off or carry no
    note, looked for at every depth: a plan numbering its groups 1. / (1) over tasks ①② has
    its units on the innermost level, which is then the list's (the outer numbers its groups).
    The outermost such style wins; the reader warns (single_role_task's warning)."""
    order = [s for s in STYLES if s != "cn_paren"]
    for depth, style in enumerate(order):
        pattern = STYLES[style]
        outer = [STYLES[s] for s in order[:depth]]
        for k, p in enumerate(paras):
            text = p.text.strip()
            m = pattern.match(text)
            note = unit_note(text) if m else None
            if m is None or note is None:
                continue
            if not (note[2] or ROLE_WORD.search(text[len(note[0]) :])):
                continue
            for q in paras[k + 1 :]:
                nxt = q.text.strip()
                if any(o.match(nxt) for o in outer):
                    break
                if (n := pattern.match(nxt)) is not None:
                    if style_value(n.group(1)) == style_value(m.group(1)) + 1:
                        return style
                    break
    return None


# A list numbered 一、二、三、 without units: items of one clause, one paragraph each, counting
# on with nothing between them. (A notice's 一、 paragraphs of requirements hold sentences; a
# report's 一、 headings have paragraphs under them: neither is such a run.)
CN_LIST = re.compile(r"^([一二三四五六七八九十]{1,3})\s*、\s*(?=\S)")
LIST_STYLES = {**STYLES, "cn_list": CN_LIST}
_INNER_STOP = re.compile(r"[。；;!！?？](?=.)")


def _cn_list_run(paras: list[Para]) -> int:
    """The longest run of consecutive one-clause paragraphs numbered 一、二、三、… in order."""
    best = run = 0
    for p in paras:
        text = p.text.strip()
        m = CN_LIST.match(text)
        value = style_value(m.group(1)) if m else 0
        if m is None or _INNER_STOP.search(text.rstrip("。;； ")):
            run = 0
        elif value == run + 1:
            run += 1
        else:
            run = 1 if value == 1 else 0
        best = max(best, run)
    return best


def cn_item(paras: list[Para], k: int, numbered: re.Pattern[str]) -> bool:
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


def in_item_block(paras: list[Para], k: int, current: ProseTask | None) -> bool:
    """Paragraph k stands in an item's block: right after the item's text, or after its unit
    lines (the labelled lines that follow an item are its fields)."""
    if current is not None:
        return True
    before = paras[k - 1].text.strip() if k else ""
    return bool(UNIT_LINE.match(before) or FIELDS_WITH_UNITS.match(before))


def units_above_ahead(paras: list[Para]) -> list[bool]:
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


def heading_unit(text: str) -> str | None:
    """The unit a heading names as its section's lead: "一、X牵头的工作", or a heading closing
    with its unit note "一、稳增长(牵头单位:X)"."""
    m = _LEAD_HEADING.match(text.strip())
    if m and looks_like_units(m.group(1)):
        return m.group(1)
    if CN_NUMBERED.match(text.strip()) and (note := unit_note(text.strip())) and note[1]:
        return note[1][0]
    return None


def heads_tasks(paras: list[Para], k: int, numbered: re.Pattern[str]) -> bool:
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


class ProseTask:
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
        self.heading = ""  # an unnumbered task's heading right above it (一、实施X), if any
        self.content = ""  # the content under its heading, when the heading is the task

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


def unit_parts(text: str, lead: list[str], co: list[str]) -> None:
    """A unit line into lead-side and co values: "牵头单位:A;配合单位:B"."""
    pieces = _PART.split(text)
    for key, value in zip(pieces[1::2], pieces[2::2], strict=False):
        value = OTHER_FIELD.split(value)[0]  # up to a field of another kind (完成时限:…)
        value = value.strip().rstrip(";；。")
        if value:
            (co if key.startswith(CO_LABEL_START) else lead).append(value)


def cut_off(text: str, ends_newline: bool) -> bool:
    if not ends_newline:
        return not CLOSING.search(text)
    return text[-1] in ",，、:：(（“"
