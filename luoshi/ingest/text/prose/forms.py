"""The **forms** layout: one small key-value form per task or project instead of a grid::

    1.轨道交通一期工程投入试运营。 牵头领导:某某 责任单位:市某局 实际完成情况:已通车。
    2.新增视频设备300套。 牵头领导:某某 责任单位:市公安局 配合单位:… 实际完成情况:…

or ``任务目标:… 进展情况:… 任务目标:… 进展情况:…`` with no numbers, or a numbered task
paragraph followed by ``责 任 人:…`` / ``责任单位:…`` lines. Rules, true of such pages
wherever they come from:

- the *fields* (``label:value``, a label the vocabulary does not know opening a line in every
  form, a field in brackets, a unit note closing an item's line): :mod:`.formfields`, rules
  there;
- where an *item* opens (a numbered paragraph counting on, a counter line, the first field
  coming again, the name line above each form; numbering restarting under a group heading):
  :mod:`.formitems`, rules there;
- the columns are the fields in the order the items give them (a field only some items have is
  placed after the field it follows); the result is a Grid, read like any table.

- an item whose text (before its first field) is a heading line over content lines
  ("一、实施农村天然气村村通" over "为1241个村庄接通天然气。…", then ``项目进展:…``) has the
  heading as its task and the content as its target (:mod:`.content`);

Tried only when no table header is found, after the prose list; at least two items with a
field each, and two distinct fields — or one progress field (进展情况:, 存在问题:) under items
numbered in sequence, or under a name line above each form, whose text is the task — or the
page is not a form page.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.headers import header_role
from luoshi.ingest.text.prose.content import (
    CONTENT_HEADER,
    content_warning,
    headings_over_content,
)
from luoshi.ingest.text.prose.formfields import (
    _MIN_ITEMS,
    _fields,
    _repeated_fields,
    _unbracket_fields,
    _unit_notes_as_fields,
)
from luoshi.ingest.text.prose.formitems import (
    _ITEM_STYLES,
    _heading_above,
    _openers,
    _titles_above,
    group_restarts,
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
from luoshi.ingest.text.prose.sentences import heading_sentence
from luoshi.ingest.text.shapes import CLOSING
from luoshi.vocab import ColumnRole

FORMS_LAYOUT = "forms"
# Said when each form's task is the name line above it (a reading with an alternative).
TITLE_ABOVE = "the forms name no task field"
_PROGRESS_FIELD_ROLES = frozenset({ColumnRole.DONE, ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS})


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
