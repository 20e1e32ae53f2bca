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

Two more shapes of the same form, true wherever they come from:

- TASK IN A SENTENCE: when no heading names the task, the first section may open with a
  sentence naming the one task it reports on in quotes, followed by its kind (承担市政府民生实事
  “新建学校3所”项目, 二季度进展情况如下:): the quoted words are the task and that lead-in
  sentence is no part of the section's value. Exactly one quoted name must be in it (two are
  two tasks: no form).
- PRINTED TWICE: a page whose numbered headings run through the same labels twice (一、A 二、B
  then 一、A 二、B again: the site printed the article twice) is one form; each section's value
  is what both printings say under it (the paragraphs they share from its start), since what
  differs between them is the site's chrome around the text. Warned.
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


# A task named in quotes in a lead-in sentence, then its kind: “新建学校3所”项目.
_QUOTED_TASK = re.compile(r"[“\"「『]([^”\"」』]{2,80})[”\"」』]\s*(?:项目|任务|工程|实事|工作)")
_QUOTE_OPEN = re.compile(r"[“\"「『]")
TASK_LABEL = "任务内容"


def _quoted_task(text: str) -> str | None:
    """The one task a lead-in sentence names in quotes (TASK IN A SENTENCE), else None."""
    found = _QUOTED_TASK.findall(text)
    if len(found) != 1 or len(_QUOTE_OPEN.findall(text)) != 1:
        return None
    return found[0].strip()


def _shared_start(a: list[Para], b: list[Para]) -> list[Para]:
    """The paragraphs ``a`` and ``b`` share from their start (PRINTED TWICE)."""
    out: list[Para] = []
    for x, y in zip(a, b, strict=False):
        if x.text.strip() != y.text.strip():
            break
        out.append(x)
    return out


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
    if len(heads) < 2:
        return None
    labels = [label for _, label in heads]
    notes: list[tuple[int | None, str]] = []
    half = len(heads) // 2
    ends = [k for k, _ in heads[1:]] + [len(paras)]
    bodies = [paras[k + 1 : end] for (k, _), end in zip(heads, ends, strict=True)]
    if half >= 2 and len(heads) == 2 * half and labels[:half] == labels[half:]:
        # PRINTED TWICE: each section's value is what both printings say under it
        bodies = [_shared_start(bodies[i], bodies[half + i]) for i in range(half)]
        heads, labels = heads[:half], labels[:half]
        notes.append(
            (paras[heads[0][0]].line, "the page prints the same sections twice: read once")
        )
    roles = header_roles(labels)
    if len(heads) < 2 or len(set(roles)) < len(roles):
        return None
    quoted = 0  # 1 when the task is named in a lead-in sentence, not by a heading
    if ColumnRole.TASK not in roles:
        # TASK IN A SENTENCE: the first section's lead-in names the one task in quotes
        task = _quoted_task(bodies[0][0].text) if bodies[0] else None
        if task is None or ColumnRole.DONE not in roles:
            return None
        bodies[0] = bodies[0][1:]
        heads = [(heads[0][0], TASK_LABEL), *heads]
        labels = [TASK_LABEL, *labels]
        bodies.insert(0, [Para(paras[heads[0][0]].line, task)])
        roles = header_roles(labels)
        quoted = 1
        notes.append(
            (
                paras[heads[0][0]].line,
                f"the task is named in quotes in a lead-in sentence ({task[:16]!r}…): read as "
                "the form's one task",
            )
        )
    values = [_value(b) for b in bodies]
    if not values[roles.index(ColumnRole.TASK)]:
        return None
    first = paras[heads[0][0]].line
    header = [GridCell(label, 0, c, line=first) for c, label in enumerate(labels)]
    row = [
        GridCell(value, 1, c, line=b[0].line if b else first)
        for c, (b, value) in enumerate(zip(bodies, values, strict=True))
    ]
    warning = (
        first,
        f"{len(heads) - quoted} numbered headings that are each a field label "
        f"({'/'.join(labels[quoted:])}): read "
        "as the sections of one form, one task (the alternative: a list of one point each)",
    )
    preamble = [p.text for p in paras[: heads[0][0]]]  # the title and publication lines
    return Grid(rows=[header, row], where="", preamble=preamble), [warning, *notes]
