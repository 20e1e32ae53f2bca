"""Parts of one set told apart in one sentence, summed into one figure (rules.PARTS_JOINER):
"A、B 4所卫生院改扩建,及C、D 4所卫生院迁建…主体工程已完工" reports 8所 against a target of 7."""

from __future__ import annotations

import dataclasses
import itertools
import re

from luoshi.extract import rules
from luoshi.extract.measurements import Candidate
from luoshi.extract.model import Measurement, Span, Target
from luoshi.extract.numbers import normalise

_JOINER = re.compile(rules.PARTS_JOINER)


def _joined(a: Candidate, b: Candidate) -> bool:
    """Do two figures of one cell stand as parts of one set sharing one predicate?"""
    if a.sentence != b.sentence or a.q.family != b.q.family or a.flag or b.flag:
        return False
    between = normalise(a.text[a.q.end : b.q.start])
    return bool(_JOINER.search(between)) and not any(w in between for w in rules.PARTS_BLOCKERS)


def sum_parts(pairs: list[tuple[Candidate, int | None]], ms: list[Measurement],
              targets: list[Target]) -> list[Measurement]:
    """``ms`` (built from ``pairs``, in their order) with the parts of one set that measure the
    same running-total target merged into one measurement: their sum, in the first part's
    unit, over a span covering both; the others as they were."""
    if len(pairs) < 2:
        return ms
    order = sorted(range(len(pairs)), key=lambda k: (pairs[k][0].field, pairs[k][0].item or 0, pairs[k][0].q.start))
    merged: dict[int, Measurement] = {}
    dropped: set[int] = set()
    for x, y in itertools.pairwise(order):
        (a, ta), (b, tb) = pairs[x], pairs[y]
        if ta is None or ta != tb or targets[ta].kind != "cumulative":
            continue
        if (a.field, a.item, a.text) != (b.field, b.item, b.text) or not _joined(a, b):
            continue
        first = merged.get(x, ms[x])
        second = ms[y]
        value = first.value + second.value * second.factor / first.factor
        lo, hi = min(first.span.start, second.span.start), max(first.span.end, second.span.end)
        span = Span(first.span.field, first.span.item, lo, hi, a.text[lo:hi])
        t = targets[ta]
        merged[y] = dataclasses.replace(first, value=value, span=span,
                                        ratio=t.ratio_of(value, first.family, first.factor),
                                        match_score=max(first.match_score, second.match_score))
        dropped.add(x)
        merged.pop(x, None)
    return [merged.get(k, m) for k, m in enumerate(ms) if k not in dropped]
