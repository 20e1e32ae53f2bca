"""Splitting a 责任单位 cell into unit names, lead first.

Names are separated by 、 , ， ; ； or line breaks at the top level only: 市府办(市大数据局、外事办)
is one name; a ``/`` parts names that each end like an organisation (A局/B办: SLASH RULE,
:func:`_slash_separated`). A parenthesised remark about the table itself, such as
"(列第一位者为工作牵头或汇总单位,下同)", is a note for the document, not part of a name.

A unit cell may carry the name of the unit's head after it (a column 牵头单位及主要负责人:
"市民政局 伍泽国"). Rule (HEAD_RULE), true of any such cell: in one name (between separators),
a trailing token of 2–4 Chinese characters, set off by whitespace (a line break closing the cell
too), after a token ending with an
organisation suffix (局 委 办 厅 府 公司 中心 …; not a place ending such as 区 县 镇), is a
person, the unit's 责任人 — unless it is a word of the table's own (牵头, 配合, 各…, …等, 有关…).
The name holds that one unit and the person: several tokens after the unit are places (各区政府
鄞州 海曙), and after several units a short last token is likelier an abbreviated unit; a
person's name spaced out character by character (沈  昱) is one token. The person is not a unit:
:func:`split_units_heads` returns it apart, :func:`split_units` keeps it as a note "责任人:…".
"""

from __future__ import annotations

import re
from functools import lru_cache

from luoshi.ingest.cells import is_empty_mark
from luoshi.ingest.script import to_simplified

_SEPARATORS = set("、,，;；\n")
_OPEN = "(（[【〔<〈《"
_CLOSE = ")）]】〕>〉》"
_SEPARATOR_SPLIT = re.compile("[" + "".join(sorted(_SEPARATORS)) + "]")

# Remarks about how to read the column (the first named leads, "the same below" …).
_NOTE = re.compile(r"列第一位|排在第一位|排名第一|第一位者|为牵头单位|为工作牵头|下同|牵头或汇总")
# Lead markers (*, ★) before or after a name. Stripped with str methods, not a pattern: the
# former "\s*[*★]+$" retried at every position of a long run of marks (quadratic).
LEAD_MARKS = "*＊★☆"  # marks a lead unit (牵头) in a list: ★市某局


def split_units(cell: str) -> tuple[list[str], list[str]]:
    """(unit names in order, notes found in the cell); a head's name after a unit (HEAD_RULE in
    the module docstring) is a note "责任人:<name>"."""
    names, heads, notes = split_units_heads(cell)
    return names, notes + [HEAD_NOTE + h for h in heads]


HEAD_NOTE = "责任人:"


def split_units_heads(cell: str) -> tuple[list[str], list[str], list[str]]:
    """(unit names in order, heads' names written after their units, notes found in the
    cell)."""
    # Every row has a unit cell and the same unit lists recur through a document (and across
    # a province's documents): short cells, all a unit cell usually is, are answered from a
    # cache (copies: callers extend the lists).
    if len(cell) > 400:
        return _split_units(cell)
    names, heads, notes = _split_units_cached(cell)
    return list(names), list(heads), list(notes)


@lru_cache(maxsize=4096)
def _split_units_cached(
    cell: str,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    names, heads, notes = _split_units(cell)
    return tuple(names), tuple(heads), tuple(notes)


def _split_units(cell: str) -> tuple[list[str], list[str], list[str]]:
    if "\n" in cell and (m := _HEAD_LINE.match(cell)) and _ORG_SUFFIX.search(m.group(1)):
        cell = f"{m.group(1)} {m.group(2)}"  # HEAD_RULE: a line break is whitespace too
    notes: list[str] = []
    names: list[str] = []
    buf: list[str] = []
    depth = 0
    group_start = 0  # index in buf where the current parenthesised group began
    if not any(c in cell for c in _OPEN):
        # Most cells hold no bracket: every separator is at the top level, a plain split.
        names = _SEPARATOR_SPLIT.split(cell)
    else:
        for ch in cell:
            if ch in _OPEN:
                if depth == 0:
                    group_start = len(buf)
                depth += 1
                buf.append(ch)
            elif ch in _CLOSE and depth > 0:
                depth -= 1
                buf.append(ch)
                if depth == 0:
                    group = "".join(buf[group_start:])
                    if _NOTE.search(group):
                        notes.append(group)
                        del buf[group_start:]
            elif ch in _SEPARATORS and depth == 0:
                names.append("".join(buf))
                buf = []
            else:
                buf.append(ch)
        names.append("".join(buf))
    heads: list[str] = []
    if any(" " in n.strip() or "\u3000" in n or "\t" in n for n in names):
        names = [_peel_head(n, heads) for n in names]
    if len(names) == 1:
        names = _space_separated(names[0])
    elif any(" " in n.strip() for n in names):
        # separators and spaces mixed (市住建局 市商务局、市机关事务管理局): a part whose
        # every space-separated piece ends like an organisation is several names
        names = [x for n in names for x in _space_separated(n, every=True)]
    if any("/" in n or "／" in n for n in names):
        names = [x for n in names for x in _slash_separated(n)]
    units: list[str] = []
    marked: list[str] = []
    for raw in names:
        # a unit list may close with a full stop (责任单位：市建设局。), or with how its units
        # share the work (A、B分别牵头): no name ends in either
        base = raw.strip().rstrip("。")
        if "分别" in base or "共同" in base:  # (_SHARED_TAIL holds one: most names need no sub)
            base = _SHARED_TAIL.sub("", base)
        name = _strip_lead_marks(base)
        if name and not is_empty_mark(name):  # a cell marked empty (——, 无) names no unit
            units.append(name)
            if name != base:
                marked.append(name)
    # A lead marker (*, ★) names the lead units: they go first, in their order.
    units = marked + [n for n in units if n not in marked]
    return units, heads, notes


# HEAD_RULE's organisation suffixes: an office or a company, not a place (区 县 市 镇 乡 街道
# end place names too, and a place may follow a unit: 各区政府 鄞州 海曙).
_ORG_SUFFIX = re.compile(
    r"(?:局|委|办|厅|府|公司|中心|集团|院|所|社|部|处|署|会|队|站|馆|组|室|科|行|团)[*＊★☆]*$"
)
_HEAD = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")
_SLASH = re.compile(r"[/／]")


def _slash_separated(name: str) -> list[str]:
    """SLASH RULE: a name holding ``/`` whose every part ends like an organisation (局 办 室 …,
    in either script) is several units, lead first (政务司司长办公室/劳工及福利局); a slash
    inside one name's words (翻新/美化) leaves it one name."""
    parts = [p.strip() for p in _SLASH.split(name)]
    if len(parts) < 2 or not all(p and _ORG_SUFFIX.search(to_simplified(p)) for p in parts):
        return [name]
    return parts
# words of a unit cell that are not names: how units share the work, "all/relevant" lists, a
# short unit (市妇联, 县政协, 团市委, 城投): a place prefix, or any ending a unit may have
_NOT_A_HEAD = re.compile(
    r"牵头|配合|负责|主办|协办|参与|落实|推进|单位|部门|^各|^全|^有关|^相关|^其[他它]|等$"
    r"|^[省市县区镇乡州旗村]|[联协台报社司校投委局办院所站馆队处科组团会部厅府]$"
)
# the head's name on the cell's last line, under its unit (a line break in an HTML, DOCX or
# XLSX cell): "市民政局\n伍泽国" is "市民政局 伍泽国"
_HEAD_LINE = re.compile(
    r"^(.*\S)[ \t\u3000]*\n\s*([\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5](?:[ \u3000]+[\u4e00-\u9fa5]){1,3})\s*$",
    re.S,
)


def _peel_head(name: str, heads: list[str]) -> str:
    """``name`` without a head's name trailing it (HEAD_RULE), which goes to ``heads``."""
    pieces = name.split()
    if len(pieces) < 2:
        return name
    j = len(pieces) - 2
    while j >= 0 and len(pieces[j]) == 1 and len(pieces[j + 1]) == 1:
        j -= 1  # a name spaced out character by character: 沈  昱
    tail = pieces[j + 1 :]
    if j != 0:
        # one unit, then its head: after several space-separated names a short last one is
        # likelier an abbreviated unit (区发改局 区建设局 县城投) than a person
        return name
    head = "".join(tail)
    unit = pieces[j]
    if (
        not _HEAD.match(head)
        or _ORG_SUFFIX.search(head)
        or _NOT_A_HEAD.search(head)
        or not _ORG_SUFFIX.search(unit)
    ):
        return name
    heads.append(head)
    return name[: name.rindex(unit) + len(unit)]


# Units written inside the task text.
# Labels naming units, lead side first; 配合/协同/协办/参与 ones name co units.
#
# A label is a part word (who leads, who helps) then an organisation word, wherever the list
# comes from: 牵头单位, 责任部门, 主责处室, 牵头责任单位, 协同责任单位, 配合科室, 实施主体 … (a fixed list of
# the labels seen missed the other combinations every office writes). Longest first, so
# 牵头责任单位 is not read as 牵头 + 责任单位.
_LABEL_PART = (
    r"(?:牵头责任|牵头负责|配合责任|协同责任|协办责任|参与责任"
    r"|责任|牵头|主责|主办|承办|实施|负责|落实|配合|协同|协办|参与)"
)
_LABEL_ORG = r"(?:单位|部门|处室|科室|主体)"
# The part word alone is a label too when it says who leads or helps: "(牵头:市发改委;
# 配合:市财政局)".
_BARE_PART = r"(?:牵头|配合|协办|主办|责任|负责)"
UNIT_LABELS = rf"(?:{_LABEL_PART}{_LABEL_ORG}|{_BARE_PART})"
_LEAD_LABEL = (
    r"(?:(?:牵头责任|牵头负责|责任|牵头|主责|主办|承办|实施|负责|落实)" + _LABEL_ORG + r"|牵头|主办)"
)
CO_LABEL_START = ("配合", "协同", "协办", "参与")
# Where a unit value ends when another kind of field follows it: ";完成时限:6月底".
# Fields may be separated by spaces only ("责任单位:市某局  完成时限:6月底").
OTHER_FIELD = re.compile(r"(?:[;；,，]|\s)\s*[\u4e00-\u9fa5]{2,6}\s*[:：]")
# (any bracket shape an office uses: 〔〕 too, the official-document bracket of 〔2021〕4号, and
# labels may be parted by a comma as well as by ;: "〔牵头单位:A,责任单位:B〕")
_INLINE = re.compile(rf"[(（\[【〔]\s*((?:{UNIT_LABELS})\s*[:：].*?)[)）\]】〕]\s*$")
# A "责任单位:…" label closing the cell, on a line of its own or after the task's last sentence.
_LINE = re.compile(r"(?:^|\n|(?<=[。;；!！\s]))\s*" + _LEAD_LABEL + r"\s*[:：]\s*([^\n]+)\s*$")
_PART = re.compile(rf"({UNIT_LABELS})\s*[:：]\s*")


def _note_tail(text: str) -> tuple[str, str]:
    """(text up to a closing bracket, the full stop after it): a note may close the sentence
    before its full stop as well as after it — "…建成公园3个(市住建局负责)。" is written as
    often as "…建成公园3个。(市住建局负责)"."""
    t = text.rstrip()
    if len(t) > 1 and t[-1] in _TAIL_STOPS and t[:-1].rstrip()[-1:] in ")）]】〕":
        return t[:-1].rstrip(), t[-1]
    return text, ""


def _with_tail(rest: str, tail: str) -> str:
    if tail and rest and rest[-1] not in _TAIL_STOPS:
        return rest + tail
    return rest


_TAIL_STOPS = "。;；.．"


def units_in_text(text: str) -> tuple[str, list[str], list[str]] | None:
    """(text without the note, lead-side units text, co units text) when the task text ends
    with a unit note: "…。(牵头单位:市住建局)", "[牵头单位:市府办;配合单位:…]", or a line
    "责任单位:…"; None otherwise. A full stop after the note stays with the text."""
    text, tail = _note_tail(text)
    found = _units_in_text(text)
    if found is None or not tail:
        return found
    return _with_tail(found[0], tail), found[1], found[2]


def _units_in_text(text: str) -> tuple[str, list[str], list[str]] | None:
    if ":" not in text and "：" not in text:
        return None  # both patterns need a label's colon (asked for every task text)
    start = _inline_start(text)
    m = (_INLINE.match(text, start) if start is not None else None) or _LINE.search(text)
    if not m:
        return None
    note = m.group(1)
    lead: list[str] = []
    co: list[str] = []
    pieces = _PART.split(note)
    if len(pieces) == 1:  # a bare "责任单位:…" line
        lead.append(note.strip().rstrip(";；,，。"))
    elif pieces[0].strip(" ;；,，。"):
        # the matched label's own value, before the next label: "牵头单位:A;配合单位:B"
        lead.append(OTHER_FIELD.split(pieces[0])[0].strip().rstrip(";；,，。"))
    for key, value in zip(pieces[1::2], pieces[2::2], strict=False):
        value = OTHER_FIELD.split(value)[0]  # up to a field of another kind (完成时限:…)
        value = value.strip().rstrip(";；,，。")
        (co if key.startswith(CO_LABEL_START) else lead).append(value)
    return text[: m.start()].rstrip(), lead, co


# A closing note naming units by their part: "(省发改委负责)", "(省财政厅主办,省国税局协办)",
# "(市住建局牵头,市财政局配合)", or only a unit list "(市林业局)".
# In round brackets or in 【】 (a list that marks its unit notes 【市林业局】).
# One level of brackets may sit inside the note: "(市财政局(国资委))".
_ROLE_NOTE = re.compile(
    r"(?:[(（]((?:[^()（）]|[(（][^()（）]{1,30}[)）]){2,200})[)）]|【([^【】]{2,200})】)\s*$"
)
_SHARED_TAIL = re.compile(r"(?<=\S)(?:分别|共同)(?:牵头|负责|落实)$")
_SHARE_WORDS = re.compile(r"等?(?:按照?职责分工|按职责|按照?职能|分别)(?:负责|落实)?$")
_SAME_BELOW = frozenset({"下同", "以下同"})
# (由X负责: 由 says who, it is no part of the name; X牵头负责 is X leading)
_LEAD_WORD = re.compile(r"^由?(.+?)(?:牵头负责|分别负责|共同负责|负责|主办|牵头)$")
_CO_WORD = re.compile(r"^(.+?)(?:协办|配合|参与)$")
# "由X组织推进和落实", "由X组织实施": 由 names who carries the work out, so the verbs of doing it
# (推进, 实施, 落实, 执行) name the lead unit as 负责 does; without 由 ("X推进") they may be a
# task's own wording, and are not read as a unit.
_BY_WORD = re.compile(
    r"^由(.+?)(?:组织|具体|负责|牵头)?(?:推进|实施|落实|执行)(?:[和与及并、](?:推进|实施|落实|执行))?$"
)


def units_by_role_note(text: str) -> tuple[str, list[str], list[str]] | None:
    """(text without the note, lead-side units, co units) when the text ends with a note in
    brackets whose every part names units by their part (负责/主办/牵头, then 协办/配合), or
    which is only a list of unit names; None otherwise."""
    from luoshi.ingest.text.shapes import looks_like_units  # shapes imports nothing of ours

    text, tail = _note_tail(text)
    m = _ROLE_NOTE.search(text)
    if not m or m.start() == 0:
        return None
    note = m.group(1) or m.group(2)
    lead: list[str] = []
    co: list[str] = []
    parts = [x.strip() for x in re.split(r"[,，;；]", note) if x.strip()]
    # "下同" (the same below) and "等按职责分工负责" (… and others, each for its share) say how
    # the units share the work, they name none
    parts = [_SHARE_WORDS.sub("负责", x) for x in parts if x not in _SAME_BELOW]
    if parts and all(_LEAD_WORD.match(x) or _BY_WORD.match(x) or _CO_WORD.match(x) for x in parts):
        for x in parts:
            if lm := _BY_WORD.match(x) or _LEAD_WORD.match(x):
                lead.append(lm.group(1))
            elif cm := _CO_WORD.match(x):
                co.append(cm.group(1))
    elif looks_like_units(note) and all(
        len(x) >= 3 and not re.search(r"\d", x) for x in re.split(r"[、,，]", note)
    ):
        lead.append(note)
    else:
        return None
    return _with_tail(text[: m.start()].rstrip(), tail), lead, co


# A name, possibly with a bracketed part inside it (各县(市、区)政府), never opening with one.
_SPACED_NAME = re.compile(
    r"^[*＊★☆]*[\u4e00-\u9fa5]{1,15}(?:[(（][^()（）\s]{1,10}[)）][\u4e00-\u9fa5]{1,10})?"
    r"[*＊★☆]*$"
)


def _space_separated(cell: str, every: bool = False) -> list[str]:
    """The names of a cell that separates them by spaces only ("*区投促局 各镇街 各平台"): when
    no other separator is used, every space-separated piece is a name of two or more Chinese
    characters (lead marks allowed) and at least one ends like an organisation, the spaces
    separate names (with ``every``, every piece must end like one). Spacing inside one name
    (市 发 改 委) leaves one-character pieces, a piece opening with a bracket (市商务局
    (市招商局)) is not a name: both stay one name; a bracket inside a name (各县(市、区)政府)
    is part of it."""
    from luoshi.ingest.text.shapes import looks_like_units  # shapes imports nothing of ours

    pieces = cell.split()
    if len(pieces) < 2 or not all(_SPACED_NAME.match(x) and len(x) >= 2 for x in pieces):
        return [cell]
    ends = [looks_like_units(_strip_lead_marks(x)) for x in pieces]
    if not (all(ends) if every else any(ends)):
        return [cell]
    return pieces


def _strip_lead_marks(name: str) -> str:
    """``name`` without lead markers at its start or end (and the spaces next to them)."""
    if name[:1] in LEAD_MARKS:
        name = name.lstrip(LEAD_MARKS).lstrip()
    if name[-1:] in LEAD_MARKS:
        name = name.rstrip(LEAD_MARKS).rstrip()
    return name


_LABEL_WHOLE = re.compile(UNIT_LABELS)
_LABEL_MAX = 6  # the longest label (牵头责任单位); the shortest is 牵头


def _inline_start(text: str) -> int | None:
    """Where ``_INLINE`` matches, found in linear time (searching with the pattern retried its
    lazy tail from every opening bracket: quadratic on a line of many "(牵头单位:").

    The note closes the text: the text (trailing spaces aside) ends with a closing bracket, and
    the note's label, colon and content lie on that last line, after an opening bracket with
    only spaces between. The leftmost such bracket is where the pattern matches."""
    t = text.rstrip()
    if not t or t[-1] not in ")）]】〕":
        return None
    line_start = t.rfind("\n") + 1
    for q in range(line_start, len(t) - 1):
        if t[q] not in ":：":
            continue
        k = q
        while k > 0 and t[k - 1].isspace():
            k -= 1
        # a label of at most _LABEL_MAX characters right before the colon (bounded look-back,
        # so the scan stays linear)
        for n in range(2, _LABEL_MAX + 1, 2):
            if k - n < 0 or not _LABEL_WHOLE.fullmatch(t, k - n, k):
                continue
            p = k - n
            while p > 0 and t[p - 1].isspace():
                p -= 1
            if p > 0 and t[p - 1] in "(（[【〔" and _INLINE.match(text, p - 1):
                return p - 1
    return None


_FIELD = re.compile(r"^([\u4e00-\u9fa5]{2,8})\s*[:：]\s*(\S.*)$", re.S)


def labelled_unit_fields(names: list[str], extra: dict[str, str]) -> list[str]:
    """``names`` without the labelled fields a unit cell may carry on a line of its own.

    Rule (LABELLED FIELD): a unit's name never holds a colon, so a piece "label:value" of a
    unit cell is a field. A label naming this table's units (牵头单位, 配合单位, 责任单位: the
    UNIT_LABELS) gives its value's names as units, in place; any other label — another level's
    unit (省牵头单位:省农业农村厅), a contact (联系人:…) — is no unit of the task: the value is
    kept in ``extra`` under the label."""
    joined = "".join(names)  # (a colon is one character: in a name exactly when in the join)
    if ":" not in joined and "：" not in joined:
        return names
    out: list[str] = []
    for name in names:
        m = _FIELD.match(name)
        if m is None:
            out.append(name)
        elif _LABEL_WHOLE.fullmatch(m.group(1)):
            out.extend(split_units(m.group(2))[0])
        else:
            label, value = m.group(1), m.group(2).strip()
            extra[label] = f"{extra[label]}、{value}" if extra.get(label) else value
    return out
