"""The fields of a page of key-value forms (:mod:`.forms`): where a ``label:value`` is, and the
ways pages write a field that are read as one. Rules, true of such pages wherever they come
from:

- a *field* is ``label:value`` or ``【label】value`` where the label (spaces inside allowed:
  责 任 人) names a known column (:func:`~luoshi.ingest.headers.header_role`), at the start
  of a line or after a space or a full stop; its value runs to the next field or item;
- a label the vocabulary does not know (建设地点:, 总投资:) is a field too when it opens a line
  in every form (as often as the page's most frequent known field, one fewer for a cut-off
  last form; never a word opening a value's line: 其中:, 目前:), kept as a column of its own
  rather than run into the value above it;
- a field may stand in brackets right after the task ("1、新建公园3个(责任单位:市某局)。进展情况:…"):
  the brackets set the field off, they belong neither to the task nor to the value;
- a unit note closing an item's line names its units the same way without a label
  ("(一)新建公园3个。(市教育局负责)", "(由市某局负责)", "(市某局牵头,市某局配合)",
  :func:`~luoshi.ingest.units.units_by_role_note`): it is that item's unit field (责任单位, or
  牵头单位 and 配合单位 when it names both parts), 负责/由 no part of the names and the note no
  part of the task.
"""

from __future__ import annotations

import re

from luoshi.ingest.headers import header_role, normalise_header
from luoshi.ingest.units import units_by_role_note
from luoshi.vocab import ColumnRole

_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\s。;；]))([\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{0,10}?)\s*[:：]"
    # or in 【】 / [] brackets, the colon optional: 【责任单位】市某局
    r"|[【\[]([\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{0,10}?)[】\]]\s*[:：]?",
    re.M,
)
_MIN_ITEMS = 2


def _fields(text: str) -> list[tuple[int, int, str]]:
    """(start, value start, label) of each known field label in ``text``."""
    out = []
    for m in _LABEL.finditer(text):
        label = normalise_header(m.group(1) or m.group(2))
        if 2 <= len(label) <= 8 and header_role(label, have_task=True) is not ColumnRole.OTHER:
            out.append((m.start(), m.end(), label))
    seen = {end for _, end, _ in out}
    return sorted(out + [f for f in _glued_fields(text) if f[1] not in seen])


# GLUED LABEL: a page flattened onto one line may glue a field's label to the text before it
# ("(一)<task>主要内容:<content>完成情况:…"). A content or progress label (主要内容, 完成情况,
# 存在问题, 下步打算: four characters or more) closing a clause of ten characters or more (a
# task's wording, with no stop, colon or space in it) is a field there too. A shorter run
# before it is the label's own qualifier (1、规模工业产值完成情况: one label), and a label of
# another kind (目标, 进度安排) may end a task's wording, so neither is cut; nor is a run
# ending in 为/是/如下 (…实施进度为:), a sentence going on.
_GLUED_STOPS = frozenset("。;；:：")  # and any space
_GLUED_RUN = 10  # characters of the clause before the label, at least
_GLUED_LABEL = (4, 6)  # characters of the label glued to it
_HAN = re.compile(r"[\u4e00-\u9fa5]+$")
_COLON = re.compile(r"[:：]")
_GLUED_ROLES = frozenset({ColumnRole.DONE, ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS})
_CONTENT = re.compile(r"内容$")
_COPULA = re.compile(r"(?:为|是|如下)$")


def _in_clause(ch: str) -> bool:
    return ch not in _GLUED_STOPS and not ch.isspace()


def _glued_runs(text: str) -> list[tuple[int, int]]:
    """(label start, after the colon) of each colon closed by 4–6 Chinese characters (the
    longest) with ten or more characters of the same clause (no stop, colon or space) before
    them. Found from each colon backwards, looking at most 16 characters back, so a long run
    without any colon costs nothing (a pattern scanning forwards for the clause from every
    character took time growing with the square of the run)."""
    out = []
    lo, hi = _GLUED_LABEL
    for colon in _COLON.finditer(text):
        c = colon.start()
        back = 0  # characters of the clause before the colon, up to what is needed
        while back < _GLUED_RUN + hi and c - back > 0 and _in_clause(text[c - back - 1]):
            back += 1
        for size in range(hi, lo - 1, -1):
            if back - size >= _GLUED_RUN and _HAN.match(text, c - size, c):
                out.append((c - size, colon.end()))
                break
    return out


def _glued_fields(text: str) -> list[tuple[int, int, str]]:
    """GLUED LABEL fields: (start, value start, label), the shortest known label closing the
    run (the rest of the run stays the clause's)."""
    out = []
    for start, end in _glued_runs(text):
        run = text[start:end - 1]
        for k in range(len(run) - 4, -1, -1):
            label = run[k:]
            if _COPULA.search(label):
                break  # "…实施进度为:" is a sentence going on, no label
            role = header_role(label, have_task=True)
            if role in _GLUED_ROLES or (role is ColumnRole.TASK and _CONTENT.search(label)):
                out.append((start + k, end, label))
                break
    return out


# A label the column vocabulary does not know (建设地点:, 总投资:) is a field all the same when
# it opens a line in every form of the page: as often as the page's most frequent known field
# (one fewer when the last form is cut off), at least twice. Words that open a line of a value
# (其中:, 目前:) are no labels.
_LINE_LABEL = re.compile(
    r"^[ \t\u3000]*([\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{1,9}?)\s*[:：]", re.M
)
_VALUE_WORDS = re.compile(
    r"^(?:其中|目前|截至|截止|当前|现|注|说明|主要|具体|包括|一是|二是|三是|另|此外)"
)


def _repeated_fields(text: str, known: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Fields of labels unknown to the vocabulary that open a line in every form."""
    counts: dict[str, int] = {}
    for _, _, label in known:
        counts[label] = counts.get(label, 0) + 1
    forms = max(counts.values(), default=0)
    if forms < _MIN_ITEMS:
        return []
    found: dict[str, list[tuple[int, int, str]]] = {}
    taken = {a for a, _, _ in known}
    for m in _LINE_LABEL.finditer(text):
        label = normalise_header(m.group(1))
        if label in counts or _VALUE_WORDS.match(label) or not 2 <= len(label) <= 8:
            continue
        start = m.start(1)
        if start not in taken:
            found.setdefault(label, []).append((start, m.end(), label))
    need = max(_MIN_ITEMS, forms - 1)
    return [f for fs in found.values() if len(fs) >= need for f in fs]


def field_values(text: str) -> list[tuple[str, str]]:
    """(label, value) of each known field of ``text``, each value running to the next field
    (separators and a closing bracket around it dropped)."""
    fields = _fields(text)
    out = []
    for k, (_, vstart, label) in enumerate(fields):
        end = fields[k + 1][0] if k + 1 < len(fields) else len(text)
        out.append((label, text[vstart:end].strip().strip(";；,，。)）】]").strip()))
    return out


def field_labels(text: str) -> list[str]:
    """The known field labels of ``text`` (责任单位, 进展情况 …), in order."""
    return [label for _, _, label in _fields(text)]


# A bracketed field: "(责任单位:市某局)" — brackets whose content opens with a label and colon.
_BRACKET_FIELD = re.compile(r"[(（]([\u4e00-\u9fa5]{2,8}\s*[:：][^()（）\n]*)[)）]")


def _unbracket_fields(text: str) -> str:
    """``text`` with the brackets around known fields replaced by spaces (same length, so
    offsets and line numbers stay those of the page)."""

    def swap(m: re.Match[str]) -> str:
        label = normalise_header(re.split(r"[:：]", m.group(1), maxsplit=1)[0])
        if header_role(label, have_task=True) is ColumnRole.OTHER:
            return m.group(0)
        return f" {m.group(1)} "

    return _BRACKET_FIELD.sub(swap, text)


# An item's line: a numbered paragraph opening the line (the item styles of :mod:`.formitems`).
_ITEM_LINE = re.compile(
    r"^[ \t\u3000]*(?:\d{1,3}\s*[、.．](?!\d)|[一二三四五六七八九十]{1,3}\s*、"
    r"|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,3})[)）])"
)


def _unit_notes_as_fields(text: str) -> str:
    """``text`` with a unit note closing an item's line ("…。(市教育局负责)") written as the
    unit field(s) it stands for (" 责任单位:市教育局"); no line is added or removed, so line
    numbers stay those of the page."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if not _ITEM_LINE.match(line) or (found := units_by_role_note(line.rstrip())) is None:
            continue
        rest, lead, co = found
        if not lead or not rest.strip() or _ITEM_LINE.fullmatch(rest.strip()):
            continue  # a note alone on its line names no item's units
        if co:
            lines[k] = f"{rest} 牵头单位:{'、'.join(lead)} 配合单位:{'、'.join(co)}"
        else:
            lines[k] = f"{rest} 责任单位:{'、'.join(lead)}"
    return "\n".join(lines)
