"""The **forms** layout: one small key-value form per task or project instead of a grid::

    1.轨道交通一期工程投入试运营。 牵头领导:某某 责任单位:市某局 实际完成情况:已通车。
    2.新增视频设备300套。 牵头领导:某某 责任单位:市公安局 配合单位:… 实际完成情况:…

or ``任务目标:… 进展情况:… 任务目标:… 进展情况:…`` with no numbers, or a numbered task
paragraph followed by ``责 任 人:…`` / ``责任单位:…`` lines. Rules, true of such pages
wherever they come from:

- a *field* is ``label:value`` or ``【label】value`` where the label (spaces inside allowed:
  责 任 人) names a known column (:func:`~luoshi.ingest.headers.header_role`), at the start
  of a line or after a space or a full stop; its value runs to the next field or item;
- an *item* opens with a numbered paragraph (``15、…``, ``2.…``, ``三、…``, ``(三)…``,
  ``(3)…``, at a line start or after a space, or a line holding only a counter: ``项目一``,
  ``第二项``, or a bare number opening its line before a field's label on that line or the
  next: ``01 项目名称:…``, serial kept as written; one style per page) when the number
  follows the previous item's and a field follows it before the next number — its text is the task;
  without numbers, an item opens where the first field of the previous item comes again —
  or, when the forms have no task field, at the line right above that field when every form
  has one that is a name (no sentence, no field): it is the form's task (warned: it might be
  the last line of the value above);
- numbering restarting at 1 right under a group heading of another style on a line of its
  own ("(二)已开工建设任务共15项" then "1.…") opens new items: the heading ends the item above
  (it is no part of its value) and is named in a warning; it and the heading right above the
  first item are the group of the items under them (a row of one cell across the grid);
- a label the vocabulary does not know (建设地点:, 总投资:) is a field too when it opens a line
  in every form (as often as the page's most frequent known field, one fewer for a cut-off
  last form; never a word opening a value's line: 其中:, 目前:), kept as a column of its own
  rather than run into the value above it;
- the columns are the fields in the order the items give them (a field only some items have is
  placed after the field it follows); the result is a Grid, read like any table.

- a field may stand in brackets right after the task ("1、新建公园3个(责任单位:市某局)。进展情况:…"):
  the brackets set the field off, they belong neither to the task nor to the value;
- a unit note closing an item's line names its units the same way without a label
  ("(一)新建公园3个。(市教育局负责)", "(由市某局负责)", "(市某局牵头,市某局配合)",
  :func:`~luoshi.ingest.units.units_by_role_note`): it is that item's unit field (责任单位, or
  牵头单位 and 配合单位 when it names both parts), 负责/由 no part of the names and the note no
  part of the task;
- an item whose text (before its first field) is a heading line over content lines
  ("一、实施农村天然气村村通" over "为1241个村庄接通天然气。…", then ``项目进展:…``) has the
  heading as its task and the content as its target (:mod:`.content`);

Tried only when no table header is found, after the prose list; at least two items with a
field each, and two distinct fields — or one progress field (进展情况:, 存在问题:) under items
numbered in sequence, or under a name line above each form, whose text is the task — or the
page is not a form page.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.headers import header_role, normalise_header
from luoshi.ingest.text.prose.content import (
    CONTENT_HEADER,
    content_warning,
    headings_over_content,
)
from luoshi.ingest.text.prose.formlabels import (
    bare_label_lines,
    cut_after_first,
    name_over_content,
    task_label,
    unit_headings,
    unlabelled_line,
    unlabelled_warning,
    with_unit,
)
from luoshi.ingest.text.prose.formnames import named_warnings, names_over_content
from luoshi.ingest.text.prose.items import style_value
from luoshi.ingest.text.prose.sentences import heading_sentence
from luoshi.ingest.text.shapes import CLOSING
from luoshi.ingest.units import units_by_role_note
from luoshi.vocab import ColumnRole

FORMS_LAYOUT = "forms"
# Said when each form's task is the name line above it (a reading with an alternative).
TITLE_ABOVE = "the forms name no task field"
_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\s。;；]))([\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{0,10}?)\s*[:：]"
    # or in 【】 / [] brackets, the colon optional: 【责任单位】市某局
    r"|[【\[]([\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{0,10}?)[】\]]\s*[:：]?",
    re.M,
)
# Item markers, one pattern per numbering style (group 1: the number as written; the serial
# is the marker without its trailing 、/.): 1、 1. / 一、 / (一) / (1), at a line start or
# after a space. One page numbers its items in one style: the first style giving items wins.
_ITEM_STYLES = (
    re.compile(r"(?:(?<=^)|(?<=\s))(\d{1,3})\s*[、.．](?!\d)", re.M),
    re.compile(r"(?:(?<=^)|(?<=\s))([一二三四五六七八九十]{1,3})\s*、", re.M),
    re.compile(r"(?:(?<=^)|(?<=\s))([(（][一二三四五六七八九十]{1,3}[)）])", re.M),
    re.compile(r"(?:(?<=^)|(?<=\s))([(（]\d{1,3}[)）])", re.M),
    # a line holding only a counted name of the form (项目一, 第二项, 任务3; 項目一 in traditional
    # characters): it opens the form below it and belongs to no value
    re.compile(
        r"^[ \t\u3000]*(?:项目|項目|事项|事項|任务|任務|第)\s*([一二三四五六七八九十]{1,3}|\d{1,3})"
        r"\s*[项項]?[:：]?[ \t\u3000]*$",
        re.M,
    ),
    # a counted name of the list's items opening a paragraph, then its task after a colon
    # (实事一:减少贫困人口…; 项目2:…): the counter and colon open the form, the rest is its task
    re.compile(
        r"^[ \t\u3000]*(?:实事|项目|項目|事项|事項|任务|任務)\s*([一二三四五六七八九十]{1,3}|\d{1,3})"
        r"\s*[:：](?=[ \t\u3000]*\S)",
        re.M,
    ),
    # a bare number opening its line before a field's label, on that line or the next:
    # "01 项目名称:…", "03" over "项目名称:" (zero-padded serials kept as written; a number
    # alone over running text, a page number, opens nothing)
    re.compile(
        r"^[ \t\u3000]*(\d{1,3})[ \t\u3000]*(?:\n[ \t\u3000]*)?"
        r"(?=[\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{0,10}?\s*[:：])",
        re.M,
    ),
)
_MIN_ITEMS = 2
_PROGRESS_FIELD_ROLES = frozenset({ColumnRole.DONE, ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS})


def _fields(text: str) -> list[tuple[int, int, str]]:
    """(start, value start, label) of each known field label in ``text``."""
    out = []
    for m in _LABEL.finditer(text):
        label = normalise_header(m.group(1) or m.group(2))
        if 2 <= len(label) <= 8 and header_role(label, have_task=True) is not ColumnRole.OTHER:
            out.append((m.start(), m.end(), label))
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


# An item's line: a numbered paragraph opening the line (the item styles above).
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


def forms_grid(text: str) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a page of key-value forms, or None when the page is not one."""
    text = _unit_notes_as_fields(_unbracket_fields(text))
    fields = _fields(text)
    fields = sorted(fields + _repeated_fields(text, fields))
    labels = {label for _, _, label in fields}
    fields = sorted(fields + bare_label_lines(text, labels, fields))
    # one field is enough when it is a progress field under numbered items (the item's text is
    # its task): "1.新建公园3个。" / "进展情况:已建成2个。" / "2.…"
    progress_only = len(labels) == 1 and all(
        header_role(label, have_task=True) in _PROGRESS_FIELD_ROLES for label in labels
    )
    if len(labels) < 2 and not progress_only:
        return None
    field_at = [f[0] for f in fields]
    # (with no style giving two items, the arabic one's: one item, or none — the unnumbered
    # reading below)
    style = _ITEM_STYLES[0]
    openers = _openers(text, style, field_at)
    for pattern in _ITEM_STYLES[1:] if len(openers) < _MIN_ITEMS else ():
        other = _openers(text, pattern, field_at)
        if len(other) >= _MIN_ITEMS:
            openers, style = other, pattern
            break
    if progress_only and len(openers) < _MIN_ITEMS:
        # one progress field needs items to hang on: numbered ones, or a name line above each
        starts = [f[0] for f in fields if f[2] == fields[0][2]]
        named = _titles_above(text, starts, labels) or names_over_content(text, starts)
        if len(starts) < _MIN_ITEMS or named is None:
            return None
    items: list[dict[str, str]] = []
    lines: list[int] = []
    warnings: list[tuple[int | None, str]] = []
    line_of = _line_index(text)
    if openers:
        bounds = [o[0] for o in openers] + [len(text)]
        before = [f for f in fields if f[0] < openers[0][0]]
        if before:
            warnings.append(
                (
                    line_of(before[0][0]),
                    f"{len(before)} field(s) before the first item ({before[0][2]}…): the tail "
                    "of an item cut off above this excerpt, ignored",
                )
            )
        preamble_end = before[0][0] if before else openers[0][0]
        first_group = _heading_above(text, openers[0][0])
        heads = unit_headings(text)
        head_at = [h[0] for h in heads]
        cuts = sorted({*group_restarts(text, style), *head_at})
        group_before: dict[int, tuple[str, int]] = {}  # item index -> its group heading above
        under: dict[str, list[str]] = {}  # unit heading -> serials of the items it heads
        for n, (a, b, serial) in enumerate(openers):
            k = bisect_right(cuts, a)  # the first heading cut after the item, if before the next
            end = cuts[k] if k < len(cuts) and cuts[k] < bounds[n + 1] else bounds[n + 1]
            if end < bounds[n + 1] and end not in head_at:
                heading = text[end:].split("\n", 1)[0].strip()
                group_before[n + 1] = (heading, line_of(end))
                warnings.append(
                    (
                        line_of(end),
                        f"numbering restarts under the heading {heading[:20]!r}: a group "
                        "heading, its items new ones (not part of the item above)",
                    )
                )
            own = fields[bisect_right(field_at, a) : bisect_left(field_at, end)]
            first = own[0][0] if own else end
            item = {"序号": serial, "任务内容": text[b:first].strip()}
            _fill(item, own, end, text)
            if (h := bisect_left(head_at, a)) > 0:
                with_unit(item, heads[h - 1][1])
                under.setdefault(heads[h - 1][1], []).append(serial)
            items.append(item)
            lines.append(line_of(a))
        for unit, serials in under.items():
            warnings.append(
                (
                    line_of(head_at[0]),
                    f"the unit heading {unit!r} above items {serials[0]}–{serials[-1]}: read as "
                    "their unit (the alternative: a heading only)",
                )
            )
    else:
        first_label = fields[0][2]
        starts = [f[0] for f in fields if f[2] == first_label]
        titles = _titles_above(text, starts, labels)
        named = None if titles else names_over_content(text, starts)
        if named:
            titles = (named[0], named[1])
        bounds = [*(titles[0] if titles else starts), len(text)]
        preamble_end = bounds[0]
        for n, a in enumerate(starts):
            own = fields[bisect_left(field_at, a) : bisect_left(field_at, bounds[n + 1])]
            item: dict[str, str] = {"任务内容": titles[1][n]} if titles else {}
            if named:
                item[CONTENT_HEADER] = named[2][n]
            _fill(item, own, bounds[n + 1], text)
            items.append(item)
            lines.append(line_of(bounds[n]))
        if named:
            named_warnings(items, lines, line_of(len(text.rstrip())), warnings)
        elif titles:
            warnings.append(
                (
                    lines[0],
                    f"{TITLE_ABOVE}: the line above each form "
                    f"({titles[1][0][:16]!r}…) is read as its task — the alternative is the last "
                    "line of the value above it",
                )
            )
    if openers and not any(it["任务内容"] for it in items):
        for it in items:  # the openers are bare counters (项目一): the task is in a field
            del it["任务内容"]
    elif openers and (label := task_label(items)):
        warnings.append(
            (
                lines[0],
                f"every item's text opens with the label {label!r}: the label of the task, "
                "dropped from it",
            )
        )
    with_fields = [it for it in items if len(it) > (2 if openers else 1)]
    if len(with_fields) < _MIN_ITEMS:
        if not (openers and cut_after_first(text, openers[0][0], items)):
            return None
        warnings.append(
            (
                lines[0],
                "one item visible under a heading counting many: the excerpt is cut after "
                "the first item of its list (read as a list of one)"
                if len(items) == 1
                else f"one item with fields, then item {items[1].get('序号', '')} cut before "
                "its fields (the page ends inside it): read as a list whose excerpt is cut — "
                "the alternative is a lone form",
            )
        )
    if names := name_over_content(items):
        warnings.append(
            (
                lines[0],
                f"the forms give a name field ({names[0]}) and a content field ({names[1]}): "
                f"the name read as the task, the content as its {CONTENT_HEADER} (target) — "
                "the alternative is that the content is part of the task",
            )
        )
    if openers and (split := _headings_over_content(items)):
        warnings.append((lines[0], content_warning(split)))
    elif openers and (opening := unlabelled_line(items)):
        warnings.append((lines[0], unlabelled_warning(opening)))
    columns = _column_order(items)
    width = len(columns)
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=lines[0]) for c, h in enumerate(columns)]
    ]
    if openers and group_before and first_group is not None:
        group_before[0] = first_group
        preamble_end = min(preamble_end, first_group[2])
    for n, (item, line) in enumerate(zip(items, lines, strict=True)):
        if openers and n in group_before:
            # the group heading as a row of one cell across the grid (read as the group)
            cell = GridCell(
                group_before[n][0], len(rows), 0, colspan=width, line=group_before[n][1]
            )
            rows.append([cell] * width)
        r = len(rows)
        rows.append([GridCell(item.get(h, ""), r, c, line=line) for c, h in enumerate(columns)])
    tail = text.rstrip()
    if tail and not CLOSING.search(tail):
        warnings.append(
            (
                line_of(len(tail) - 1),
                f"the text ends mid-sentence ({tail[-12:]!r}): the last item is probably cut off",
            )
        )
    warnings.insert(
        0,
        (
            lines[0],
            f"the page is a series of key-value forms ({width} fields), not a table: each item "
            "is read as a row",
        ),
    )
    pre = [s.strip() for s in text[:preamble_end].split("\n") if s.strip()]
    return Grid(rows=rows, preamble=pre), warnings


def _headings_over_content(items: list[dict[str, str]]) -> int:
    """Split each item's text into its heading (the task) and content (the target) when
    the page's items are headings over content (:mod:`.content`); how many were split."""
    parts = []
    for item in items:
        head, _, rest = item.get("任务内容", "").partition("\n")
        parts.append((item.get("序号", ""), head.strip(), rest.strip()))
    if not headings_over_content(parts):
        # the heading as a sentence on its content's line: 一、改善教育教学条件。<content>
        parts = []
        for item in items:
            text = item.get("任务内容", "")
            found = heading_sentence(text)
            head, rest = found if found else (text.strip(), "")
            parts.append((item.get("序号", ""), head, rest))
        if not headings_over_content(parts, same_line=True):
            return 0
    for item, (serial, head, rest) in zip(items, parts, strict=True):
        if not rest:
            continue
        fields = {k: v for k, v in item.items() if k not in ("序号", "任务内容")}
        item.clear()
        item.update({**({"序号": serial} if serial else {}), "任务内容": head})
        item.update({CONTENT_HEADER: rest, **fields})
    return sum(1 for *_, rest in parts if rest)


def _heading_above(text: str, at: int) -> tuple[str, int, int] | None:
    """(heading, line, start) of a group heading line right above position ``at`` (blank lines
    between allowed), or None."""
    start = text.rfind("\n", 0, at) + 1
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1]
        if line.strip():
            if _GROUP_LINE.fullmatch(line):
                return line.strip(), text.count("\n", 0, prev) + 1, prev
            return None
        start = prev
    return None


_MAX_TITLE = 40
_SENTENCE_MARK = re.compile(r"[。，,；;:：！!？?]")


def _titles_above(
    text: str, starts: list[int], labels: set[str]
) -> tuple[list[int], list[str]] | None:
    """(line starts, names) of the lines right above each unnumbered form's first field, when
    the forms have no task field and every form has such a line that is a name (at most 40
    characters, no punctuation of a sentence or a field inside): each is its form's task."""
    if any(header_role(label, have_task=True) is ColumnRole.TASK for label in labels):
        return None
    at: list[int] = []
    names: list[str] = []
    for a in starts:
        line_start = text.rfind("\n", 0, a) + 1
        if text[line_start:a].strip():
            return None  # the field does not open its line
        prev_end = line_start - 1
        while prev_end > 0 and not text[text.rfind("\n", 0, prev_end) + 1 : prev_end].strip():
            prev_end = text.rfind("\n", 0, prev_end)  # (blank lines between)
        prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1
        name = text[prev_start:prev_end].strip() if prev_end > 0 else ""
        if not name or len(name) > _MAX_TITLE or _SENTENCE_MARK.search(name.rstrip("。")):
            return None
        at.append(prev_start)
        names.append(name)
    return at, names


# A group heading on a line of its own in an outer numbering style: "(二)已开工建设任务共15项".
_GROUP_LINE = re.compile(
    r"^[ \t\u3000]*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^\n:：]*$",
    re.M,
)


def group_restarts(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Where a group heading of another numbering style (a line of its own, no field in it)
    is followed by an item numbered 1 again: the numbering restarts under the heading, so the
    heading ends the item above it and the items under it are new ones."""
    out = []
    # (a unit heading, 区委办公室(8项), is a group heading too: :mod:`.formlabels`)
    lines = [(m.start(), m.end(), m.group(0)) for m in _GROUP_LINE.finditer(text)]
    for start, _ in unit_headings(text):
        end = text.find("\n", start)
        lines.append((start, len(text) if end < 0 else end, text[start:end]))
    for start, end, line in sorted(lines):
        if pattern.match(text, start + len(line) - len(line.lstrip())):
            continue  # the items' own style
        gap = text[end : end + 200]
        # right under the heading: only blank lines between
        nxt = pattern.match(text, end + len(gap) - len(gap.lstrip()))
        if nxt and style_value(nxt.group(1).strip("()（）")) == 1:
            out.append(start)
    return out


def _between(sorted_at: list[int], lo: int, hi: int) -> bool:
    """Whether a position of the sorted list lies strictly between lo and hi."""
    k = bisect_right(sorted_at, lo)
    return k < len(sorted_at) and sorted_at[k] < hi


def _openers(
    text: str, pattern: re.Pattern[str], field_at: list[int]
) -> list[tuple[int, int, str]]:
    """Item openers (start, text start, serial) of one numbering style: numbers counting on
    from the previous opener, each with a field before the next number — or 1 again right
    under a group heading (:func:`group_restarts`)."""
    openers: list[tuple[int, int, str]] = []
    prev = 0
    restarts = group_restarts(text, pattern)
    cands = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
    values = [style_value(c[2].strip("()（）")) for c in cands]
    for k, (a, b, serial) in enumerate(cands):
        value = values[k]
        if value == 1 and openers and _between(restarts, openers[-1][0], a):
            prev = 0
        if openers and value != prev + 1:
            continue
        nxt = next(
            (c[0] for c, v in zip(cands[k + 1 :], values[k + 1 :], strict=True) if v == value + 1),
            len(text),
        )
        tail = openers and not any(f > a for f in field_at) and nxt == len(text)
        if not any(a < f < nxt for f in field_at) and not tail:
            continue  # a list item inside a value, not an item (the last one may be cut off)
        if not openers and value > 999:
            continue
        openers.append((a, b, serial))
        prev = value
    return openers


# Fields holding a name or a short value: a full stop closing their line closes the sentence
# the page wrote ("牵头领导:张某。"), it is no part of the value.
_SHORT_FIELDS = frozenset(
    {
        ColumnRole.LEADER,
        ColumnRole.PERSON,
        ColumnRole.UNITS,
        ColumnRole.LEAD_UNIT,
        ColumnRole.CO_UNITS,
        ColumnRole.DEADLINE,
        ColumnRole.DECLARED_STATUS,
    }
)


def _fill(item: dict[str, str], own: list[tuple[int, int, str]], end: int, text: str) -> None:
    for k, (_, vstart, label) in enumerate(own):
        vend = own[k + 1][0] if k + 1 < len(own) else end
        value = text[vstart:vend].strip()
        if header_role(label, have_task=True) in _SHORT_FIELDS:
            value = value.rstrip("。；;").rstrip()
        item[label] = f"{item[label]}\n{value}" if item.get(label) else value


def _column_order(items: list[dict[str, str]]) -> list[str]:
    """Fields in the order the items give them; a field first met in a later item goes right
    after the field it follows there."""
    order: list[str] = []
    for item in items:
        prev: str | None = None
        for key in item:
            if key not in order:
                at = order.index(prev) + 1 if prev is not None else 0
                order.insert(at, key)
            prev = key
    return order


def _line_index(text: str):
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_of(pos: int) -> int:
        lo, hi = 0, len(starts)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return lo + 1

    return line_of
