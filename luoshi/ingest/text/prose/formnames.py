"""Forms whose task is a **name over a content paragraph** above a progress field, with photo
captions between the forms (issue 9, fresh8 cause 4)::

    幼儿园建设项目                                (the name: the task)
    某幼儿园建设项目,占地约10亩,建筑面积约7000平方米。  (its content: the target)
    进展情况:主体验收完成,正在室内装修。            (its progress)
    某幼儿园                                      (a photo caption: no part of it)

Rules, true of such pages wherever they come from:

- NAME OVER CONTENT ABOVE A FIELD: forms with no task field whose first field opens its line
  under a content paragraph (a sentence: it holds a stop) under a name of work
  (:func:`~luoshi.ingest.text.prose.content.is_heading`: ≤ 30 characters, no closing stop,
  naming a project or opening with a verb of work) — every form so, two at least — have the
  name for their task and the paragraph for its target (column 内容及目标), warned with the
  alternative (the paragraph is part of the task);
- CAPTIONS: lines closing a form's last value after its last sentence, each short (≤ 30
  characters) with no stop, are captions of the photos the page showed (they repeat names
  from the form): dropped from the value, warned. The page's last such line that names work
  and occurs nowhere in its form is the name of one more form, cut off after its name (the
  excerpt ends there): kept as a task with nothing else, warned.
"""

from __future__ import annotations

import re

from luoshi.ingest.text.prose.content import content_warning, is_heading

_STOP = re.compile(r"[。，,；;:：！!？?]")
_CAPTION_MAX = 30
_MIN_FORMS = 2


def _line_before(text: str, start: int) -> tuple[int, str]:
    """(start, text) of the last non-blank line ending before ``start`` (a line start)."""
    end = start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip():
            return begin, text[begin:end].strip()
        end = begin - 1
    return 0, ""


def names_over_content(
    text: str, starts: list[int]
) -> tuple[list[int], list[str], list[str]] | None:
    """(line starts of the names, names, contents) when every form's first field, at
    ``starts``, stands under a content paragraph under a name of work (rules above)."""
    if len(starts) < _MIN_FORMS:
        return None
    at, names, contents = [], [], []
    for a in starts:
        line_start = text.rfind("\n", 0, a) + 1
        if text[line_start:a].strip():
            return None  # the field does not open its line
        c_start, content = _line_before(text, line_start)
        if not content or not _STOP.search(content):
            return None
        n_start, name = _line_before(text, c_start) if c_start > 0 else (0, "")
        if not name or not is_heading(name) or _STOP.search(name):
            return None
        at.append(n_start)
        names.append(name)
        contents.append(content)
    return at, names, contents


def drop_captions(items: list[dict[str, str]]) -> tuple[int, str | None]:
    """CAPTIONS (above) on the forms' items, in place: (captions dropped, the name of a form cut
    after its name, added as a last item, or None)."""
    dropped = 0
    cut_name = None
    for n, item in enumerate(items):
        key = next(reversed(item))
        lines = item[key].split("\n")
        captions: list[str] = []
        while len(lines) > 1 and len(lines[-1].strip()) <= _CAPTION_MAX and not _STOP.search(
            lines[-1]
        ):
            captions.insert(0, lines.pop().strip())
        captions = [c for c in captions if c]
        if not captions:
            continue
        item[key] = "\n".join(lines).strip()
        own = "".join(item.values())
        last = captions[-1]
        if n == len(items) - 1 and is_heading(last) and last not in own:
            cut_name = last
            captions.pop()
        dropped += len(captions)
    if cut_name is not None:
        items.append({"任务内容": cut_name})
    return dropped, cut_name


def named_warnings(
    items: list[dict[str, str]], lines: list[int], last_line: int, warnings: list
) -> None:
    """The warnings of forms read by NAME OVER CONTENT ABOVE A FIELD; CAPTIONS applied."""
    warnings.append((lines[0], content_warning(len(items))))
    dropped, cut_name = drop_captions(items)
    if dropped:
        warnings.append(
            (
                lines[0],
                f"{dropped} short line(s) after the forms' progress (photo captions repeating "
                "their names): not part of it",
            )
        )
    if cut_name:
        lines.append(last_line)
        warnings.append(
            (
                last_line,
                f"the page ends with {cut_name!r}, a name of work its form does not hold: a "
                "form cut off after its name, read as a task with nothing else",
            )
        )
