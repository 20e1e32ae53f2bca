"""What a prose list's paragraphs hold (used by :mod:`luoshi.ingest.text.prose`): the list
markers and the numbers they stand for, a unit note closing an item, items run together on one
line, a unit field inside an item's paragraph, and an item's progress in a report.

Rules, true of such lists wherever they come from:

- a list marker is 1. 1、 (1) ① 一是 第一, (一) or 一、; it stands for a number (③ = 3, 十二 = 12);
- items run together on one line are cut where a marker counts on from the previous marker of
  its style (:func:`run_splits`), or after a closing unit note;
- a unit field inside an item's paragraph after a clause ("养老服务,牵头单位:市民政局。其中…")
  ends the task's wording: what follows is said about the task (:func:`mid_units`);
- a closing line "上述项目由X牵头负责" names the unit of the items above it (back to the last
  item with units), each plain paragraph above it being one item (:func:`units_above`);
- a schedule label after the task's sentence (实施进度为:, 进度安排:, 时间节点:) opens the
  task's target, its planned schedule (:func:`split_schedule`);
- a unit label set off from its value by spaces only is a label (:func:`label_colon`);
- labels and role words in traditional characters (責任單位:, 負責) read as the simplified
  ones (:func:`simplify_labels`);
- a name that counts its items (…有7项) or stands between section marks (§…§) names a group
  or a section, not a task (:func:`names_group`);
- a page whose opening names a progress report (完成情况, 进度通报, 督办 …, not 分解/印发 …) is a
  report (:func:`is_report`): an item's progress opens at the sentence that starts with a
  reporting period (上半年, 截至…, 1-9月 …, :func:`split_done`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from luoshi.ingest.headers import header_role
from luoshi.ingest.model import Column
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import looks_like_units
from luoshi.ingest.units import CO_LABEL_START, UNIT_LABELS, units_by_role_note, units_in_text
from luoshi.vocab import ColumnRole

# Task numbering styles: 1. / 1、, (1) / （1）, ①. The list's own style is the first one met on
# a paragraph that carries units; the others are sub-measures inside a task.
# WHOLE COUNT: the digits after a list number's dot, then a classifier of whole things.
WHOLE_COUNT = r"\d{0,3}(?:个(?!百分点|月|多|点)|所|台|户|家|座|处|项|名|场|栋|辆|套|张|批|间)"
STYLES = {
    # (a dot then digits is a decimal, 1.5%, unless the digits are a year: "2.2030年底前…", or
    # a count of whole things, WHOLE COUNT: "2.50个小区", "4.460个居村" — no one counts 2.5
    # 小区, while 1.5个百分点, 3.5个月, 1.5万亩 stay decimals; a 、 is never a decimal point:
    # "3、2030年…")
    "arabic": re.compile(rf"^(\d{{1,3}})\s*(?:、|[.．](?!\s*\d(?!\d{{3}}年|{WHOLE_COUNT})))\s*"),
    "paren": re.compile(r"^[(（]\s*(\d{1,3})\s*[)）]\s*"),
    "half_paren": re.compile(r"^(\d{1,3})\s*[)）]\s*"),  # 1) 2) …
    "circled": re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*"),
    # counted in words: 一是… 二是…, 第一，… 第二，… (a list's own style only when its items
    # carry units, like any style)
    "cn_shi": re.compile(r"^([一二三四五六七八九十]{1,3})是\s*(?=\S)"),
    # 第一，… / 第一项 …: a separator or the counter word 项/条 after the number (第一批,
    # 第一季度 are no markers)
    "cn_di": re.compile(
        r"^第([一二三四五六七八九十]{1,3})(?:(?:项|条)\s*[,，、:：]?|\s*[,，、:：])\s*"
    ),
    # (一) (二): only for a list without units (with units, a (一) paragraph is a task when it
    # carries its own note, else a heading over numbered tasks)
    "cn_paren": re.compile(r"^[(（]([一二三四五六七八九十]{1,3})[)）]\s*"),
}
WORD_STYLES = frozenset({"cn_shi", "cn_di"})
_CN_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九", 1)}


def style_value(g: str) -> int:
    """The number a list marker stands for: 3, ③, 十二."""
    if g in _CIRCLED:
        return _CIRCLED.index(g) + 1
    if g.isdigit():
        return int(g)
    tens, _, units = g.rpartition("十")
    if "十" not in g:
        return _CN_DIGITS.get(g, 0)
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + _CN_DIGITS.get(units, 0)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CN_NUMBERED = re.compile(
    r"^(?:[(（]([一二三四五六七八九十]{1,3})[)）]|([一二三四五六七八九十]{1,3})、)"
)

# Where two items were glued on one line: after a closing unit note, before the next marker.
_GLUED_ITEM = re.compile(
    r"(?<=[)）])(?=(?:[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,3}[.、．](?!\d)))"
)

# A unit field inside a task's paragraph, after a clause: "技能培训提升,牵头单位:市某局。其中…".
# The task is the text before it; what follows the field's sentence is said about the task.
_MID_LABEL = re.compile(
    rf"[,，;；]\s*[【\[]?(?P<key>{UNIT_LABELS})[】\]]?\s*[:：]\s*"
    r"(?P<units>[^。;；\n:：]{2,120}?)\s*(?:[。;；]|$)"
)
# What was done opening a sentence: 已 and a verb (已开展…), or 完成 with a figure in its clause.
ACHIEVED_OPENER = re.compile(r"已(?:经)?[\u4e00-\u9fa5]{2}|完成[^。;；]{0,40}?\d")
# A sentence reporting what was done by a date, inside a task's paragraph: "…。上半年,引进…",
# "…。截至6月底,…", "…;1-9月,…". In a progress report it opens the task's progress. So does
# a sentence opening with what has been done, after the task's sentence closed by 。 (no label:
# "1.开展培训2万人次。已开展培训8718人次;…", "…。完成筛查53万余人次;…"): a report's task
# states its aim once, and a sentence opening with 已/完成 after it says what came of it.
_DONE_OPENER = re.compile(
    # (a year may qualify the period: 2031年上半年, 今年一季度)
    r"(?<=[。;；])\s*(?=(?:\d{4}\s*年|今年|本年)?(?:上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|今年以来|年初以来"
    r"|截至|截止|目前|\d{1,2}\s*[-—–－~～至到]\s*\d{1,2}\s*月|\d{1,2}月份))"
    rf"|(?<=。)\s*(?={ACHIEVED_OPENER.pattern})"
)
# A page reporting on progress (its title or opening says so), not publishing a plan.
# A group's name, not a task's: it counts its items (提前完成任务指标有7项, …共12项, 包括3类)
# or stands between section marks (§市重点项目§, a bulletin's own section).
_COUNTED = re.compile(
    r"(?:有|共|共有|共计|合计|涉及|包括)\s*[\d一二三四五六七八九十两]+\s*"
    # (items counted, never the things a task makes: 共5个 / 3条 close tasks as often)
    r"(?:项|件|类|大类|个方面|个子项|个项目)"
    r"[。.;；:：]?$"
)
_SECTION_MARKS = re.compile(r"^[§※#＃]+.*[§※#＃]+$")


def marks_sections(paras: Sequence[Para]) -> bool:
    """Whether the page marks its sections with section signs (§省重点项目§ on a line of its
    own): a bulletin's own sections (an investment or statistics 通报), whose parts and the
    headings under them are the bulletin's, not a report on tasks (issue 9, fresh5 cause 7)."""
    return any(_SECTION_MARKS.match(p.text.strip()) for p in paras)


def names_group(name: str) -> bool:
    """Whether a heading or a list item's name says it is a group of tasks or a section of the
    page, not one task: it ends by counting its items (…指标有7项, …共12项: a task names what
    is to be done, a group how many of them there are), or it stands between section marks
    (§省重点项目§). A task may count its own things mid-sentence (新建幼儿园3所) but never
    closes on 有/共 N项."""
    text = name.strip()
    return bool(_COUNTED.search(text) or _SECTION_MARKS.match(text))


_REPORT_WORD = re.compile(r"完成情况|进展情况|推进情况|落实情况|实施情况|进度|通报|督办|督查")
_PLAN_WORD = re.compile(r"分解|分工|印发|工作安排|目标安排|清单|方案|计划表")
PLAN_WORD, REPORT_WORD = _PLAN_WORD, _REPORT_WORD  # (an opening's words, asked by .marked)

# A unit list closing a paragraph after a dash: "新建公园3个。——市建设局" (not after wide
# spaces: page chrome spaces out "来源：市政府办公室" the same way).
_TRAILING_UNITS = re.compile(r"(?:——|—|－－)\s*([^—\s:：][^—:：]{1,120})$")


def unit_note(text: str) -> tuple[str, list[str], list[str]] | None:
    """(text without the note, lead units, co units) when the paragraph closes with a unit
    note: "(责任单位:…)", "(市某局负责)", "——市某局"; None otherwise."""
    found = units_in_text(text) or units_by_role_note(text)
    dash = _TRAILING_UNITS.search(text)
    if found is not None and dash and dash.start() > 0 and dash.start() < len(found[0]):
        # "…——市财政局(市国资委)": the bracket is the dashed unit's other name, not a note
        names = dash.group(1).strip()
        base = re.split(r"[(（]", names, maxsplit=1)[0]
        if looks_like_units(base) and looks_like_units(names) and not ROLE_WORD.search(names):
            return text[: dash.start()].rstrip(), [names], []
    if found is None and (m := dash) and m.start() > 0:
        if looks_like_units(m.group(1)):
            return text[: m.start()].rstrip(), [m.group(1).strip()], []
    return found


# A list marker of each style, for finding items run together on one line.
_RUN_MARKERS = {
    "arabic": re.compile(rf"(\d{{1,3}})\s*(?:、|[.．](?!\d(?!\d{{3}}年|{WHOLE_COUNT})))"),
    "paren": re.compile(r"[(（](\d{1,3})[)）]"),
    "half_paren": re.compile(r"(\d{1,3})[)）]"),
    "circled": re.compile(r"([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"),
    "cn_paren": re.compile(r"[(（]([一二三四五六七八九十]{1,3})[)）]"),
    "cn_dun": re.compile(r"([一二三四五六七八九十]{1,3})、"),
}
# Where an item run on from the previous one may start: after a space, a sentence's or a
# clause's end, or a closing bracket (the previous item's unit note).
_RUN_BOUNDARY = re.compile(r"(?<=[\s。;；)）!！?？])(?=\S)")


def run_splits(text: str) -> list[int]:
    """Where a paragraph holding several list items run together ("(一)…。(二)…。(三)…",
    "一、… (一)… 1.… 2.…" — a page flattened onto one line) is cut into items.

    Rule: a list marker (1. 1、 (1) ① (一) 一、) standing after a space, a 。/;/closing bracket
    is an item's start when it counts on from the previous marker of its style in the
    paragraph (the paragraph's own opening marker included): 2 after 1, (三) after (二); or when
    it is a 1 / (一) / 一、 and the next marker of its style counts on from it. A number
    inside a sentence ("增长1.5%", "(2020年)") never counts on from anything, so it stays."""
    cands: dict[str, list[tuple[int, int]]] = {}  # style -> [(offset, value)]
    for style, pattern in _RUN_MARKERS.items():
        m = pattern.match(text)
        if m:
            cands.setdefault(style, []).append((0, style_value(m.group(1))))
    for b in _RUN_BOUNDARY.finditer(text):
        at = b.start()
        for style, pattern in _RUN_MARKERS.items():
            m = pattern.match(text, at)
            if m:
                cands.setdefault(style, []).append((at, style_value(m.group(1))))
                break
    cuts: set[int] = set()
    for found in cands.values():
        for n, (at, value) in enumerate(found):
            if at == 0:
                continue
            prev = found[n - 1][1] if n else None
            nxt = found[n + 1][1] if n + 1 < len(found) else None
            if value == (prev or 0) + 1 or (value == 1 and nxt == 2):
                cuts.add(at)
    return sorted(cuts)


def split_glued(paras: list[Para]) -> list[Para]:
    """Paragraphs holding several items are cut into one paragraph per item: after a closing
    unit note ("…(省发改委负责)(二)…"), or where markers count on (:func:`run_splits`)."""
    out: list[Para] = []
    for p in paras:
        pieces = _GLUED_ITEM.split(p.text)
        if len(pieces) > 1 and all(unit_note(x) for x in pieces[:-1]):
            out += [Para(p.line, x.strip(), p.gap if k == 0 else 0) for k, x in enumerate(pieces)]
            continue
        cuts = run_splits(p.text)
        if not cuts:
            out.append(p)
            continue
        bounds = [0, *cuts, len(p.text)]
        pieces = [p.text[a:b].strip() for a, b in pairwise(bounds)]
        out += [Para(p.line, x, p.gap if k == 0 else 0) for k, x in enumerate(pieces) if x]
    return out


# The same field in brackets, followed by more text: "新建公园3个。(责任单位:市建设局)上半年…".
_MID_NOTE = re.compile(
    rf"[(（【\[]\s*(?P<key>{UNIT_LABELS})\s*[:：]\s*(?P<units>[^()（）【】\[\]\n]{{2,120}}?)\s*[)）】\]]"
)
# Where a unit value ends when a field of another kind follows after a full stop:
# "责任单位:市建设局。完成时限:年底" (the value is 市建设局).
_VALUE_END = re.compile(r"[。.]\s*(?=[\u4e00-\u9fa5]{2,6}\s*[:：])")


def unit_value(value: str) -> str:
    """A unit value cut where a sentence ends before a field of another kind."""
    return _VALUE_END.split(value, maxsplit=1)[0]


def mid_units(text: str) -> tuple[str, list[str], list[str], str] | None:
    """(task, lead, co, the rest) when a unit field stands inside the task's paragraph after a
    clause — "养老服务,牵头单位:市民政局。其中,…" — or in brackets before more text
    ("新建公园3个。(责任单位:市建设局)上半年…"): the task is what precedes the field, the rest
    is what the paragraph goes on to say. None when the field's value is not a unit list."""
    m = _MID_LABEL.search(text)
    if m is None or not looks_like_units(m.group("units")):
        m = _MID_NOTE.search(text)
        if m is None or not looks_like_units(m.group("units")) or not text[m.end() :].strip():
            return None
    units = m.group("units").strip()
    co_side = m.group("key").startswith(CO_LABEL_START)
    return (
        text[: m.start()].rstrip(),
        [] if co_side else [units],
        [units] if co_side else [],
        text[m.end() :].strip(),
    )


def split_done(text: str) -> tuple[str, str]:
    """(task, progress) of a report's item paragraph that states its task and then what was
    done: the progress opens at the first sentence that starts with a reporting period
    (上半年, 截至…, 1-9月, 今年以来 …); ("text", "") when there is none."""
    m = _DONE_OPENER.search(text)
    if m is None or m.end() == len(text):
        return text, ""
    return text[: m.start()].rstrip(), text[m.end() :].strip()


# A paragraph reporting what was done: it opens with a reporting period (截至6月底, 目前, 1-9月)
# or says what is done (已完成, 已建成, 累计…); requirements for what comes next are not.
_REPORTS_DONE = re.compile(
    r"^(?:上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|今年以来|年初以来|截至|截止|目前"
    r"|\d{1,2}\s*[-—–－~～至到]\s*\d{1,2}\s*月|\d{1,2}月份)"
    r"|已完成|已建成|已开工|已竣工|累计完成|累计实现|完成投资|已启动|正在推进|有序推进"
)
NEXT_STEPS = re.compile(r"^(?:下一步|下步|今后|各(?:级|单位|部门|地)|请各)")


# A word of completion and a figure: "完成村道硬化12公里", "建成4个" say what was done too.
_DONE_WORD = re.compile(
    r"完成|建成|竣工|完工|开工|投用|投入使用|实现|新增|发放|惠及|受益|覆盖|到位"
)
_FIGURE = re.compile(r"\d|[一二三四五六七八九十两百千万]+(?:个|项|所|座|公里|户|人|家|处|条)")


# VERDICT: a judgement on an item's target opening a paragraph (超出目标任务。全面完成目标任务。
# 基本完成年度任务, 未完成目标任务): a plan does not judge its own items, a report does.
_VERDICT = re.compile(
    r"^(?:已经?|超额|超出|全面|全部|基本|提前|顺利|未能?|尚未)?(?:完成|实现|达到|超出)(?:了)?"
    r"(?:年度|全年|既定|预定)?(?:目标|任务|目标任务)"
)


def opens_with_verdict(text: str) -> bool:
    """The paragraph opens with a verdict on its item's target (VERDICT)."""
    return _VERDICT.match(text.strip()) is not None


def reports_done(text: str) -> bool:
    """The paragraph reports progress — a period opener or 已完成-style wording, or a word of
    completion with a figure (完成硬化12公里, 建成4个) — and is not a paragraph of requirements
    (下一步…, 各单位要…)."""
    text = text.strip()
    if NEXT_STEPS.match(text):
        return False
    return bool(_REPORTS_DONE.search(text)) or bool(
        _DONE_WORD.search(text) and _FIGURE.search(text)
    )


def is_report(paras: list[Para]) -> bool:
    """The page reports progress on a list: its opening (title, lead paragraph: up to three
    paragraphs before the first list item or unit note) names a progress report (完成情况,
    进度通报, 督办 …) rather than the list as a plan (任务分解, 印发, 工作安排 …, which win
    when both are named). A page opening straight with its items has no opening to say so."""
    opening: list[str] = []
    for p in paras[:3]:
        text = p.text.strip()
        if (
            CN_NUMBERED.match(text)
            or any(s.match(text) for s in STYLES.values())
            or unit_note(text)
        ):
            break
        opening.append(text[:120])
    head = to_simplified(" ".join(opening))  # (推進情況 says what 推进情况 does)
    return bool(_REPORT_WORD.search(head)) and not _PLAN_WORD.search(head)


# A task's planned schedule inside its paragraph, after the task's sentence: "…。项目具体实施进度
# 为:第一季度…", "…。进度安排:6月底前…", "…;时间节点:…".
_SCHEDULE = re.compile(
    r"(?<=[。;；])\s*(?:项目)?(?:具体)?(?:实施|推进)?(?:进度|时间)(?:安排|计划|节点)?为?\s*[:：]\s*"
)


def split_schedule(text: str) -> tuple[str, str]:
    """(task, schedule) when the paragraph states its task and then, under a schedule label
    (实施进度为:, 进度安排:, 时间节点:), when each part is due; (text, "") otherwise."""
    m = _SCHEDULE.search(text)
    if m is None or m.end() == len(text):
        return text, ""
    return text[: m.start()].rstrip(), text[m.end() :].strip()


# A closing line naming the unit of the items above it: "上述项目由区商务委牵头负责。",
# "以上工作由市住建局负责落实".
_UNITS_ABOVE = re.compile(
    r"^(?:上述|以上)(?:各项|几项)?(?:项目|工作|任务|事项|实事)(?:均)?由\s*(.{2,60}?)\s*"
    r"(?:牵头负责|牵头|负责|承担|主办)(?:落实|推进|实施|完成)?[。.]?$"
)


def units_above(text: str) -> str | None:
    """The unit a closing "上述项目由X牵头负责" line gives the items above it, or None."""
    m = _UNITS_ABOVE.match(text.strip())
    if m is None or not looks_like_units(m.group(1)):
        return None
    return m.group(1)


# Label and role words written in traditional characters (責任單位:, 牽頭, 負責): matched on a
# character-by-character simplified copy (same length), then written back simplified in place.
_LABEL_WORDS = re.compile(
    rf"(?:{UNIT_LABELS})(?=\s*[:：】\]])|(?:按职责分工|按职责|分别)?(?:负责|牵头|主办|协办|配合|参与)(?=[)）】,，;；。]|$)"
    r"|(?:上述|以上)(?:项目|工作|任务|事项|实事)"
)


def simplify_labels(text: str) -> str:
    """``text`` with its unit labels and role words in simplified characters (責任單位: ->
    责任单位:), the rest kept as written: a page in traditional script labels its units the
    same way."""
    if text.isascii():
        return text
    simple = to_simplified(text)
    if simple == text:
        return text
    out = []
    at = 0
    for m in _LABEL_WORDS.finditer(simple):
        out.append(text[at : m.start()])
        out.append(m.group(0))
        at = m.end()
    out.append(text[at:])
    return "".join(out)


# A unit line: a unit label, in 【】 or not, then a colon (or the 】).
UNIT_LINE = re.compile(rf"^[【\[]?({UNIT_LABELS})(?:[】\]]\s*[:：]?|\s*[:：])\s*")

# Other labelled fields of an item: the page is a series of forms, not a prose list.
FORM_FIELD = re.compile(r"^(责\s*任\s*人|联系人|完成时限|时间节点|进展情况|完成情况)\s*[:：]")

# A line of labelled fields holding units among others: "牵头领导:张某;牵头单位:市某局".
# The fields may be separated by ; , or only spaces ("牵头领导:张某  责任单位:市某局").
FIELDS_WITH_UNITS = re.compile(
    rf"^[\u4e00-\u9fa5]{{2,6}}\s*[:：][^;；\n]*?(?:[;；,，]|\s)\s*[【\[]?(?:{UNIT_LABELS})"
    r"\s*[】\]]?\s*[:：]"
)

_FIELD_LABEL = re.compile(r"^([\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{1,7})\s*[:：]")
_FORM_ROLES = frozenset(
    {ColumnRole.LEADER, ColumnRole.PERSON, ColumnRole.DEADLINE, ColumnRole.TARGET}
)


def other_field(text: str) -> bool:
    """A line opening with a labelled field of another kind than units (完成时限:, 责任人:,
    责任领导:, 工作目标:) and carrying no unit field: the item's own field, as forms have."""
    if FORM_FIELD.match(text):
        return True
    m = _FIELD_LABEL.match(text)
    if m is None or FIELDS_WITH_UNITS.match(text) or UNIT_LINE.match(text):
        return False
    return header_role(m.group(1), have_task=True) in _FORM_ROLES


_PROGRESS_ROLES = frozenset({ColumnRole.DONE, ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS})


def progress_field(text: str) -> bool:
    """The paragraph holds a labelled progress field (进展情况:…, 存在问题:…, 下步打算:…), on
    its own line or after the task's full stop: the items are progress forms, whose cells a
    prose list has no column for (the forms reader reads them). Other fields (牵头领导:,
    完成时限:) may ride on a unit line and stay with the prose reader."""
    from luoshi.ingest.text.prose.formfields import field_labels  # imports nothing of prose

    return any(
        header_role(label, have_task=True) in _PROGRESS_ROLES for label in field_labels(text)
    )


# A unit label set off from its value by spaces only: "责任单位  市发改委".
_SPACED_LABEL = re.compile(rf"^([【\[]?(?:{UNIT_LABELS})[】\]]?)[ \t\u3000]+(?=\S)")
# A bullet opening an item instead of a number: ● ■ ◆ • ·
BULLET = re.compile(r"^[●■◆◇□○•·▪▶►]\s*")


def label_colon(text: str) -> str:
    """A unit label followed by its value after spaces only gets its colon ("责任单位  市某局"
    -> "责任单位:市某局") when the value is a unit list; other text is kept."""
    m = _SPACED_LABEL.match(text)
    if m is None or not looks_like_units(text[m.end() :]):
        return text
    return f"{m.group(1)}:{text[m.end() :]}"


_LEAD_LABEL = re.compile(r"牵头(?:单位|部门)\s*[:：】\]]")
_UNITS_LABEL = re.compile(r"(?:责任|主责|承办|实施|落实)(?:单位|部门|处室|科室|主体)\s*[:：】\]]")


def unit_columns(paras: list[Para], units: Column) -> list[Column]:
    """The unit column(s) as the page labels them: items followed by a 牵头单位 line and a
    责任单位 line have two columns (lead, then the others); a page labelling its units 牵头单位
    only has a lead-unit column; otherwise one 责任单位 column (配合单位 and role notes merged
    into it, lead first)."""
    lines = [p.text.strip() for p in paras]
    if any(_LEAD_LABEL.match(t) for t in lines) and any(_UNITS_LABEL.match(t) for t in lines):
        return [Column("牵头单位", ColumnRole.LEAD_UNIT), units]
    text = "\n".join(lines)
    others = _UNITS_LABEL.search(text) or re.search(r"(?:配合|协同|协办|参与)(?:单位|部门)", text)
    if _LEAD_LABEL.search(text) and not others:
        return [Column("牵头单位", ColumnRole.LEAD_UNIT)]
    return [units]


_SLOGAN_CHARS = 15
# Wording of a progress report, not of a task: what was done by when.
_DONE_REPORT = re.compile(r"截至|截止|已完成|累计完成|累计实现|同比增长|已建成|已开工")


# A line announcing a list by what its items are: "2031年民生实事项目:", "重点工作任务清单:".
# (the items' noun, perhaps their count and 分别为 before the colon: …民生实事项目10个,分别为:)
_NAMES_TASKS = re.compile(
    r"(项目|任务|重点工作|实事|工程)(清单|名单|如下)?"
    r"(?:\d{1,3}\s*[个件项])?[,，]?(?:分别为|分别是|如下)?[:：]$"
)


def names_its_items(line: str) -> bool:
    """The line announces a list by what its items are (…民生实事项目:, …任务清单:, …实事项目
    10个,分别为:), read in simplified characters."""
    return _NAMES_TASKS.search(to_simplified(line.strip())) is not None


def bare_list_start(
    tasks: Sequence[Any], min_tasks: int, lead_in: Callable[[int], str] | None = None
) -> int | None:
    """Where a list of numbered tasks without unit notes starts, or None.

    A page can publish its task list without saying who does each task (a 民生实事 list, a
    plan's targets). Such a list is still a task list when it is a list: at least
    ``min_tasks`` paragraphs numbered 1, 2, 3 … in order (1. (1) ① or, when no such
    list exists, (一) (二) (三)) (the numbering may restart
    at 1 under a new heading), most of them (half or more) longer than a slogan — a letter's
    closing requirements (1.加强组织领导。 2.强化督查考核。) are headings, not tasks. Nor is
    a list most of whose items report what was done (截至6月底…, 已完成…, 累计…): that is a
    progress cell's numbered points, of a table whose header the excerpt lacks. News and
    reports rarely number their paragraphs 1. 2. 3.; pages with no such list are still
    refused. A list whose lead-in line (``lead_in(i)``: the paragraph above task ``i``)
    says what its items are — projects or tasks, "2031年民生实事项目:" — is a task list
    whatever the length of its items (short project names); a letter's "通知如下:" says
    no such thing."""
    n = 0
    while n < len(tasks):
        t = tasks[n]
        if t.value != 1 or t.has_unit_line:
            n += 1
            continue
        run = [t]
        for u in tasks[n + 1 :]:
            if u.value is None or u.value not in (run[-1].value + 1, 1):  # type: ignore[operator]
                break
            run.append(u)
        start, n = n, n + len(run)  # the next run starts after this one: linear time
        if len(run) < min_tasks:
            continue
        long = sum(1 for u in run if len("".join(u.text + u.done)) > _SLOGAN_CHARS)
        done = sum(1 for u in run if _DONE_REPORT.search("".join(u.text)))
        named = lead_in is not None and names_its_items(lead_in(start))
        if (long * 2 >= len(run) or named) and done * 2 <= len(run):
            return start
    return None


def role_line(text: str) -> tuple[list[str], list[str]] | None:
    """(lead, co) when a short line only names units by their part: "市住建局牵头,市财政局配合"."""
    if len(text) > 80 or not re.search(r"牵头|负责|主办|配合|协办|^由.+(?:推进|实施|落实|执行)", text):
        return None
    found = units_by_role_note(f"。({text.rstrip('。;；')})")
    if found is None or found[0] != "。":
        return None
    return found[1], found[2]


_SENTENCE_END = re.compile(r"(?<=[。；;])")


def role_sentence(body: str) -> tuple[str, list[str], list[str], str] | None:
    """(task, lead, co, rest) when a sentence after the task's first one only names units by
    their part ("…。市住建局牵头,市财政局配合。目前已建成2个。"): it ends the task's wording,
    as a unit field does; None when no such sentence."""
    parts = [s for s in _SENTENCE_END.split(body) if s]
    for n in range(1, len(parts)):
        roles = role_line(parts[n].strip())
        # (every name an organisation's: "各部门要密切配合" names none)
        if (
            roles is not None
            and (roles[0] or roles[1])
            and all(looks_like_units(u) for u in (*roles[0], *roles[1]))
        ):
            return "".join(parts[:n]).strip(), roles[0], roles[1], "".join(parts[n + 1 :]).strip()
    return None


ROLE_WORD = re.compile(r"牵头|主办|配合|协办|参与|协同")


def single_role_task(tasks: Sequence[Any], with_units: list[int]) -> int | None:
    """The index of the one task with units when that alone shows a list: its units came from
    a note or line naming them by their part (牵头/配合 or a 牵头单位: label: a task list's
    wording, not a news report's) and the task after it counts on from it in the same group
    (1. then 2.). None otherwise (two or more tasks with units need no such evidence)."""
    if len(with_units) != 1:
        return None
    n = with_units[0]
    task = tasks[n]
    if not task.role_note or n + 1 >= len(tasks):
        return None
    nxt = tasks[n + 1]
    counts_on = task.value is not None and nxt.value == task.value + 1
    return n if counts_on and nxt.group == task.group else None
