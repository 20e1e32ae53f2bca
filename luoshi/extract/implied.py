"""UNIT FROM THE TARGET: a bare whole number in a progress cell that sits against the words of a
task's target takes that target's unit ("完成大专及以上学历提升1937" for 完成大专及以上学历提升902人:
1937人; "建成甲镇、乙镇3老年大学" for 新增老年大学3所: 3所).

A number written without its unit is read only when its own clause places it on the target:
the words right after it open with the target's metric (its object named at once: 3老年大学), or
the words before it in its clause hold the whole metric of at least rules.IMPLIED_METRIC_MIN
characters (学历提升1937). Anything else is left alone — a bare number is as often a year, a code
or a serial: never after 第, 号, 编号 or a letter, and a number that could be a year
(rules.IMPLIED_YEAR_MIN..MAX) not before the object (2023老年大学招生 is a year's intake). The reading is the likeliest one and is said in the figure's span (the unit is
the target's, not the page's: ``Quantity.unit_inferred``).
"""

from __future__ import annotations

import re

from luoshi.extract import clauses, rules
from luoshi.extract.measurements import Candidate
from luoshi.extract.model import Target
from luoshi.extract.numbers import Quantity, find_quantities, normalise

_BARE = re.compile(r"(?<![0-9.,\-~/A-Za-z第号])([1-9][0-9]{0,5})(?![0-9.%\-~/年月日号]|,[0-9])")
_CODE_BEFORE = ("编号", "代码", "序号", "批次")
_CJK_ONLY = re.compile(r"[^\u4e00-\u9fff]")


def _metric_words(t: Target) -> str:
    """The target's metric as Chinese characters only (list markers, figures dropped)."""
    return _CJK_ONLY.sub("", t.metric or "")


def implied(text: str, field: str, item: int | None, targets: list[Target]) -> list[Candidate]:
    """Candidates for the bare whole numbers of ``text`` that a target's words place (see the
    module's rule), each in that target's unit; none when no target or no such number."""
    named = [(t, w) for t in targets if t.unit and t.family and (w := _metric_words(t))]
    if not named or not any(ch.isdigit() for ch in text):
        return []
    norm = normalise(text)
    taken: list[tuple[int, int]] | None = None  # found only when a number is placed (speed)
    out: list[Candidate] = []
    for m in _BARE.finditer(norm):
        a, b = m.span(1)
        ca, cb = clauses.clause(norm, a)
        before, after = norm[ca:a], norm[b:cb]
        if before.endswith(_CODE_BEFORE):
            continue  # 编号2035: a code
        year_like = rules.IMPLIED_YEAR_MIN <= int(m.group(1)) <= rules.IMPLIED_YEAR_MAX
        cjk_before = _CJK_ONLY.sub("", before)
        for t, words in named:
            # the object named at once after the number, or the whole metric before it and
            # nothing after it in its clause (学历提升1937, 完成率…: a clause of its own)
            if (len(words) >= 2 and after.startswith(words) and not year_like) or (
                    len(words) >= rules.IMPLIED_METRIC_MIN and words in cjk_before
                    and not after.strip()):
                if taken is None:  # found only when a number is placed: most cells have none
                    taken = [(q.start, q.end) for q in find_quantities(norm)]
                if any(s <= a < e for s, e in taken):
                    break  # a figure with its unit, a label, a date: read elsewhere
                q = Quantity(float(m.group(1)), t.unit, t.family, t.factor, a, b, a, b,
                             unit_inferred=True)
                sa, sb = clauses.sentence(norm, a)
                out.append(Candidate(q, field, item, text, (ca, cb), (sa, sb), norm[ca:cb], 0, None))
                break
    return out
