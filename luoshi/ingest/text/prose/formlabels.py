"""Labels of a page of key-value forms (:mod:`.forms`) written the way pages write them, not
the way the vocabulary names them. Rules, true of such pages wherever they come from:

- TASK LABEL: a label the vocabulary does not know opening the text of every numbered item
  (``1.领办项目:某某项目。工作进展:…``) labels the task: it is dropped, and so is the stop
  closing its value before the next field (as for any field's value);
- BARE LABEL: a label the page writes with its colon elsewhere, standing alone on its line
  without it (``责任单位`` over ``文广旅局``), is that field: the colon was lost, not the field;
- NAME OVER CONTENT: forms giving two task fields, a name (项目名称, 工程名称) before a content
  (项目内容, 建设内容), name the work in the first and say what it is to do in the second: the
  name is the task, the content its target (column 内容及目标, as for a heading over content,
  :mod:`.content`), warned with the alternative (the content is part of the task); so do
  numbered items whose own text names the work before a content field (``(一)<task>主要内容:
  <plan>完成情况:…``): the item's text is the task, the content its target;
- UNIT HEADING: a line of its own holding one unit's name and the count of the items under
  it (``区委办公室(8项)``) heads those items: it ends the item above it, and each item under
  it that names no unit of its own has that unit (carried down to the next such heading).
  Without the count a lone unit name is not taken: it may be the value of a unit field.
- CUT AFTER THE FIRST: one numbered item with two fields or more of different kinds
  (牵头领导:, 主要责任单位:) is a page of forms all the same when a line above it counts the
  list's items (``分工方案(共计121项)``, ``共12项``: two or more) and the page ends inside the
  item (mid-sentence): an excerpt cut after the first item of a longer list, warned. So is one
  such item followed by the next item of its numbering (实事一:… then 实事二:…) inside which the
  page ends mid-sentence before any field: the numbering counting on says it is a list, the
  second item cut before its fields.
- UNLABELLED LINE: every numbered item (two or more) whose text before its first field is a
  whole sentence (closed by 。) followed by paragraphs of its own, those paragraphs opening with
  the same words in every item (``年度投资目标…,完成投资…`` under each task), holds a field the
  page does not label: a repeated line is a template, not the task's words. The first sentence
  is the task, the rest a column of its own (其他), warned with the alternative (part of the
  task). A last item cut before its first field is not counted against the rule.
"""

from __future__ import annotations

import re

from luoshi.ingest.headers import header_role, normalise_header
from luoshi.ingest.text.prose.content import CONTENT_HEADER
from luoshi.ingest.text.shapes import CLOSING, looks_like_units
from luoshi.vocab import ColumnRole

_MIN_ITEMS = 2
_TASK_KEY = "任务内容"
_OPENING_LABEL = re.compile(r"^([\u4e00-\u9fa5]{2,8})\s*[:：]\s*")


def task_label(items: list[dict[str, str]]) -> str | None:
    """TASK LABEL (above): drops the label from each item's text; returns the label."""
    texts = [it.get(_TASK_KEY, "") for it in items]
    found = {m.group(1) if (m := _OPENING_LABEL.match(t)) else None for t in texts}
    if len(texts) < _MIN_ITEMS or len(found) != 1 or (label := found.pop()) is None:
        return None
    if header_role(label, have_task=True) is not ColumnRole.OTHER:
        return None
    for it in items:
        rest = _OPENING_LABEL.sub("", it[_TASK_KEY], count=1)
        it[_TASK_KEY] = rest.rstrip().rstrip("。;；").rstrip()
    return label


_BARE_LINE = re.compile(
    r"^[ \t\u3000]*([\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{1,9}?)[ \t\u3000]*$", re.M
)


def bare_label_lines(
    text: str, labels: set[str], fields: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """BARE LABEL (above): (start, value start, label) of each label line without its colon,
    for the page's own ``labels``."""
    taken = {a for a, _, _ in fields}
    out = []
    for m in _BARE_LINE.finditer(text):
        label = normalise_header(m.group(1))
        if label in labels and m.start(1) not in taken:
            out.append((m.start(1), m.end(), label))
    return out


_NAME_LABEL = re.compile(r"名称$")
_CONTENT_LABEL = re.compile(r"内容$")


def name_over_content(items: list[dict[str, str]]) -> tuple[str, str] | None:
    """NAME OVER CONTENT (above): renames each item's content field; returns (name label,
    content label) when applied."""
    keys = list(dict.fromkeys(k for it in items for k in it if k not in ("序号", _TASK_KEY)))
    tasks = [k for k in keys if header_role(k, have_task=False) is ColumnRole.TASK]
    name = next((k for k in tasks if _NAME_LABEL.search(k)), None)
    content = next((k for k in tasks if _CONTENT_LABEL.search(k)), None)
    if name is None and content is not None and all(it.get(_TASK_KEY) for it in items):
        name = _TASK_KEY  # the items' own text names the work: (一)<task>主要内容:…
        keys.insert(0, name)
    elif name is None or content is None or any(it.get(_TASK_KEY) for it in items):
        return None
    if keys.index(content) < keys.index(name) or CONTENT_HEADER in keys:
        return None
    for item in items:
        if content in item:
            pairs = [(CONTENT_HEADER if k == content else k, v) for k, v in item.items()]
            item.clear()
            item.update(pairs)
    return name, content


# One unit's name and a count of items in brackets, on a line of its own: 区委办公室(8项).
_UNIT_HEADING = re.compile(
    r"^[ \t\u3000]*([\u4e00-\u9fa5]{2,24}?)[ \t\u3000]*[(（]\s*(?:共\s*)?\d{1,3}\s*[项个件条]\s*"
    r"[)）][ \t\u3000]*$",
    re.M,
)
UNIT_HEADING = "责任单位"  # the field an item takes from its unit heading


def unit_headings(text: str) -> list[tuple[int, str]]:
    """UNIT HEADING (above): (start, unit name) of each unit heading line of ``text``."""
    return [
        (m.start(), m.group(1))
        for m in _UNIT_HEADING.finditer(text)
        if looks_like_units(m.group(1))
    ]


def with_unit(item: dict[str, str], unit: str) -> None:
    """Gives ``item`` the unit of its heading, right after its task, unless it names units of
    its own."""
    units = (ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS)
    if any(header_role(k, have_task=True) in units for k in item if k != _TASK_KEY):
        return
    pairs = list(item.items())
    at = next((k + 1 for k, (key, _) in enumerate(pairs) if key == _TASK_KEY), len(pairs))
    pairs.insert(at, (UNIT_HEADING, unit))
    item.clear()
    item.update(pairs)


_COUNTED = re.compile(r"共计?\s*(\d{1,4})\s*[项件条]")


def cut_after_first(text: str, at: int, items: list[dict[str, str]]) -> bool:
    """CUT AFTER THE FIRST (above), for the only item with fields, opening at ``at``: alone,
    or followed by the next item cut before its fields."""
    if len(items) == 2 and set(items[1]) <= {"序号", _TASK_KEY}:
        tail = text.rstrip()
        return bool(tail) and not CLOSING.search(tail) and _kinds(items[0]) >= 2
    if len(items) != 1:
        return False
    if _kinds(items[0]) < 2:
        return False
    tail = text.rstrip()
    if not tail or CLOSING.search(tail):
        return False
    return any(int(m.group(1)) >= _MIN_ITEMS for m in _COUNTED.finditer(text, 0, at))


def _kinds(item: dict[str, str]) -> int:
    """How many kinds of known field an item gives."""
    fields = {header_role(k, have_task=True) for k in item if k not in ("序号", _TASK_KEY)}
    return len(fields - {ColumnRole.OTHER})


UNLABELLED_HEADER = "其他"  # (read as other by the header vocabulary)
_SAME_OPENING = 4  # characters every item's extra paragraph opens with
_SENTENCE_END = re.compile(r"[。！!？?]\s*$")


def unlabelled_line(items: list[dict[str, str]]) -> str | None:
    """UNLABELLED LINE (above): moves each item's paragraphs after its first sentence to
    column 其他; returns the words they open with, None when the items are not so shaped."""
    parts = []
    for item in items:
        head, _, rest = item.get(_TASK_KEY, "").strip().partition("\n")
        parts.append((head.strip(), rest.strip()))
    shaped = [(h, r) for h, r in parts if r]
    if len(shaped) < _MIN_ITEMS or len(shaped) < len(parts) - 1:
        return None
    if not all(_SENTENCE_END.search(h) for h, _ in shaped):
        return None
    openings = {r[:_SAME_OPENING] for _, r in shaped}
    if len(openings) != 1 or not re.fullmatch(r"[\u4e00-\u9fa5]+", next(iter(openings))):
        return None
    for item, (head, rest) in zip(items, parts, strict=True):
        if not rest:
            continue
        fields = {k: v for k, v in item.items() if k != _TASK_KEY}
        serial = fields.pop("序号", None)
        item.clear()
        item.update({**({"序号": serial} if serial is not None else {}), _TASK_KEY: head})
        item.update({UNLABELLED_HEADER: " ".join(rest.split()), **fields})
    return next(iter(openings))


def unlabelled_warning(opening: str) -> str:
    """The warning the forms reader gives when UNLABELLED LINE moved a line to 其他."""
    return (
        f"each item's task sentence is followed by a line opening with {opening!r} before "
        f"its first field: read as a column of its own ({UNLABELLED_HEADER}) — the "
        "alternative is that it is part of the task"
    )
