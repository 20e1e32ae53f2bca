"""SECTIONS FORM: a one-item form written as numbered sections, each headed by a field label::

    一、项目名称
    新建社区食堂
    二、任务目标
    建成食堂3处
    三、实事任务完成情况
    截至6月底,已建成3处。…
    特此公告。

True of such pages wherever they come from: when every numbered heading of the page (一、,
(一), 1.) stands alone on its line and is only a field label the vocabulary knows — at least
two of them, of distinct roles, one the task (a name or task label) — the headings are the
form's fields, not the items of a list: one task, the paragraphs under each heading up to the
next its value. A value ends at the page's closing: a line closing a notice (特此公告, 特此公示),
a sentence inviting objections (如有异议…, cut off the paragraph it ends), a date line or a
signature (a short line without punctuation after the value's first paragraph). The
alternative, a list of one point per heading, is warned.
"""

from __future__ import annotations

import re

from luoshi.ingest.cells import numbering
from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.headers import header_roles, is_known_header, normalise_header
from luoshi.ingest.text.rows import Para
from luoshi.vocab import ColumnRole

SECTIONS_LAYOUT = "sections-form"
_SCHEMES = frozenset({"cn", "cnparen", "arabic"})
_CLOSING = re.compile(r"^(?:特此(?:公告|公示|通知|通告)|此告)")
_OBJECTION = re.compile(r"[。;；]?\s*(?:如有异议|如对[^。]{0,20}有异议|如有意见)")
_SENTENCE = re.compile(r"[。;；,，!！?？:：]")
_MAX_LABEL = 16


def _heading_label(text: str) -> str | None:
    """The label when the paragraph is a numbered heading holding only a known label."""
    n = numbering(text)
    if n is None or n.scheme not in _SCHEMES:
        return None
    label = normalise_header(re.sub(r"^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）]?[、.．]?)", "", text))
    if not label or len(label) > _MAX_LABEL or _SENTENCE.search(label):
        return None
    return label if is_known_header(label) else None


def _value(paras: list[Para]) -> str:
    """The paragraphs of a section's value, up to the page's closing."""
    out: list[str] = []
    for p in paras:
        text = p.text.strip()
        if _CLOSING.match(text):
            break
        if out and len(text) <= 20 and not _SENTENCE.search(text):
            break  # a signature or a date line after the value
        m = _OBJECTION.search(text)
        if m is not None:
            head = text[: m.start()].rstrip()
            if head:
                out.append(head + ("。" if text[m.start()] == "。" else ""))
            break
        out.append(text)
    return "\n".join(out)


def sections_form_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid (header and one row) of a page that is one form in headed sections, or None
    (see the module rules)."""
    heads: list[tuple[int, str]] = []
    for k, p in enumerate(paras):
        n = numbering(p.text)
        if n is None or n.scheme not in _SCHEMES:
            continue
        found = _heading_label(p.text)
        if found is None:
            return None  # a numbered paragraph that is no label: a list, not a form
        heads.append((k, found))
    labels = [label for _, label in heads]
    roles = header_roles(labels)
    if len(heads) < 2 or ColumnRole.TASK not in roles or len(set(roles)) < len(roles):
        return None
    ends = [k for k, _ in heads[1:]] + [len(paras)]
    values = [_value(paras[k + 1 : end]) for (k, _), end in zip(heads, ends, strict=True)]
    if not values[roles.index(ColumnRole.TASK)]:
        return None
    first = paras[heads[0][0]].line
    header = [GridCell(label, 0, c, line=first) for c, label in enumerate(labels)]
    row = [
        GridCell(value, 1, c, line=paras[k + 1].line if k + 1 < len(paras) else first)
        for c, ((k, _), value) in enumerate(zip(heads, values, strict=True))
    ]
    warning = (
        first,
        f"{len(heads)} numbered headings that are each a field label ({'/'.join(labels)}): read "
        "as the sections of one form, one task (the alternative: a list of one point each)",
    )
    preamble = [p.text for p in paras[: heads[0][0]]]  # the title and publication lines
    return Grid(rows=[header, row], where="", preamble=preamble), [warning]
