"""Which target a figure of a progress cell measures, and the measurements it makes.

A figure in the done cell is a measurement of a target when its unit family agrees and the
words around it name the target's metric; when no figure names a metric and the task has a
single target of that unit family, figures of that family are taken for it unless they name a
different kind of quantity (投资 is not 增加值) or are counts (a count must share a word with its
target). The candidates come from measurements.scan, which leaves out the figures that are no
measurements.
"""

from __future__ import annotations

import re
from functools import lru_cache

from luoshi.extract import clauses, rules
from luoshi.extract.measurements import Candidate, lone_figure
from luoshi.extract.model import Measurement, Span, Target
from luoshi.extract.numbers import normalise
from luoshi.extract.units import comparable


def _concepts(text: str) -> set[str]:
    return {k for k, words in rules.METRIC_CONCEPTS.items() if any(w in text for w in words)}


_NEUTRAL = re.compile(rules.METRIC_NEUTRAL)
_DAYS_COUNTED = re.compile(rules.DAYS_COUNTED_BEFORE)


@lru_cache(maxsize=8192)
def _metric_words(text: str) -> frozenset[str]:
    return clauses.bigrams(_NEUTRAL.sub(" ", text))


def _score(c: Candidate, t: Target) -> int:
    return len(_metric_words(c.context) & _metric_words(t.context + t.metric))


def _compatible(c: Candidate, t: Target) -> bool:
    if not comparable(c.q.unit, c.q.family, t.unit, t.family):
        return False
    if t.family == "percent":
        # A growth rate measures a growth target; a level (占比, 覆盖率) measures a level. A
        # lone per cent has no word of change: it is of the kind of the target it measures.
        is_change = t.comparator in ("increase_by", "decrease_by")
        return c.lone or (c.direction != 0) == is_change
    return True


def _value(c: Candidate, t: Target | None) -> float:
    sign = -1 if c.negative else 1
    if t is None and c.direction < 0 and c.q.family == "percent" and any(
            w in c.text[c.clause[0] : c.q.start] for w in rules.YEAR_ON_YEAR_WORDS):
        return -sign * c.q.value  # YEAR-ON-YEAR FALL: 接待费同比下降29.1% is a growth of -29.1%
    if t is not None and t.comparator == "increase_by" and c.direction < 0:
        return -sign * c.q.value
    if t is not None and t.comparator == "decrease_by" and c.direction > 0:
        return -sign * c.q.value
    return sign * c.q.value


def match(cands: list[Candidate], targets: list[Target]) -> list[tuple[Candidate, int | None]]:
    """Assign candidates to targets; returns (candidate, target index) in text order. Parts
    of a total (其中…) and estimates for no named period measure no target."""
    cands = [c for c in cands if not c.flag]
    chosen: dict[int, int] = {}  # id(candidate) -> target index
    best_for: dict[int, list[tuple[Candidate, int]]] = {i: [] for i in range(len(targets))}
    for c in cands:
        scored = [(_score(c, t), i) for i, t in enumerate(targets) if _compatible(c, t)]
        if not scored:
            continue
        s, i = max(scored, key=lambda x: (x[0], -x[1]))
        if s > 0:
            best_for[i].append((c, s))
    for i, t in enumerate(targets):
        if best_for[i]:
            for c, _ in best_for[i]:
                chosen[id(c)] = i
            continue
        same_family = [j for j, u in enumerate(targets) if u.family == t.family]
        if same_family != [i]:
            continue
        tc = _concepts(t.context + t.metric)
        for c in cands:
            if id(c) in chosen or not _compatible(c, t):
                continue
            if c.q.family != "percent" and not any(w in c.context for w in rules.ACHIEVED_CUES) \
                    and lone_figure(c.text) is None:
                continue  # no word says it is achieved, and the cell is not the figure alone
            if c.q.family in rules.NAMED_FAMILIES and lone_figure(c.text) is None:
                continue  # a count in words may count something else; a cell of it alone may not
            cc = _concepts(c.context)
            if tc and cc and not (tc & cc):
                continue
            chosen[id(c)] = i
    # A rate target (增长15%) with no rate reported may be reported as an amount of its metric;
    # the amount of the change itself (共计压减支出5.8亿元 for 压减支出10%) reports on it always.
    for i, t in enumerate(targets):
        if t.comparator not in ("increase_by", "decrease_by") or t.family != "percent":
            continue
        sign = 1 if t.comparator == "increase_by" else -1
        rate_found = any(v == i for v in chosen.values())
        for c in cands:
            if id(c) not in chosen and c.q.family == "money" and _score(c, t) > 0 and (
                    not rate_found or c.direction == sign):
                chosen[id(c)] = i
    # A figure about the very set a target promises (132个重点项目…完成投资439.9亿元) reports on it.
    for c in cands:
        if id(c) in chosen or c.subject is None:
            continue
        for i, t in enumerate(targets):
            if c.subject == (t.value, t.unit):
                chosen[id(c)] = i
                break
    _companions(cands, chosen)
    for c in cands:
        if id(c) in chosen:
            c.score = _score(c, targets[chosen[id(c)]])
    return [(c, chosen[id(c)]) for c in cands if id(c) in chosen]


def _companions(cands: list[Candidate], chosen: dict[int, int]) -> None:
    """A growth rate reported next to a matched amount ("完成79.73亿元,同比增长3.3%") and the
    amount next to a matched rate are figures of the same metric: both are measurements."""
    for k, c in enumerate(cands):
        if id(c) not in chosen:
            continue
        for d in cands[max(0, k - 1) : k + 2]:
            if d is c or id(d) in chosen or d.sentence != c.sentence:
                continue
            first, second = (c, d) if c.q.start < d.q.start else (d, c)
            gap = c.text[first.q.end : second.q.start]
            if (len(gap) > rules.COMPANION_MAX_GAP or any(ch in gap for ch in "。;;")
                    or rules.RESPECTIVELY in gap):  # "A8人,分别下降25%和30%": a list, not a pair
                continue
            rate, amount = (second, first)
            if rate.q.family == "percent" and rate.direction != 0 and amount.q.family != "percent":
                chosen[id(d)] = chosen[id(c)]
            elif (c.q.family == d.q.family == "percent" and c.direction == d.direction != 0
                  and d.score == 0 and d.flag == "" and not _own_words(d)):
                # "自然口径增长4.3%,同口径增长17.7%": two readings of one metric's growth.
                chosen[id(d)] = chosen[id(c)]


def _own_words(c: Candidate) -> str:
    """The words of the figure's own clause that could name a metric (none in "同口径增长17.7%"):
    figures, reading qualifiers (口径, 环比 …) and verbs of change (METRIC_NEUTRAL) left out."""
    words = c.text and normalise(c.text)[c.clause[0] : c.clause[1]]
    words = re.sub(r"[0-9.%]+|[(（)）]", "", words)
    for w in rules.READING_QUALIFIERS:
        words = words.replace(w, "")
    return _NEUTRAL.sub("", words)


def build(pairs: list[tuple[Candidate, int | None]], targets: list[Target], year: int | None,
          default_month: int | None) -> list[Measurement]:
    out = []
    for c, ti in pairs:
        t = targets[ti] if ti is not None else None
        value = _value(c, t)
        sa, sb = c.clause
        sa, sb = clauses.trim(c.text, sa, sb)
        # The span runs from the period (when it opens the sentence) to the figure's clause end.
        if (c.period is not None and c.period.start < sa and c.period.start >= c.sentence[0]
                and not re.sub(r"[\s,\uff0c:\uff1a]", "", c.text[c.period.end : sa])):
            sa = c.period.start
        span = Span(c.field, c.item, sa, sb, c.text[sa:sb])
        month = c.period.month if c.period else None
        if month is None:
            month = default_month
        as_of_date = None
        if c.period is not None:
            d = c.period.end_date(year)
            as_of_date = d.isoformat() if d else None
        out.append(
            Measurement(
                metric=t.metric if t else "",
                value=value,
                unit=c.q.unit,
                as_of=c.period.label if c.period else "",
                span=span,
                ratio_stated=c.ratio_stated,
                target=ti,
                ratio=t.ratio_of(value, c.q.family, c.q.factor) if t else None,
                family=c.q.family,
                factor=c.q.factor,
                as_of_month=month,
                as_of_date=as_of_date,
                approx=c.q.approx,
                match_score=c.score,
            )
        )
    return out


def unmatched(pairs: list[tuple[Candidate, int | None]], cands: list[Candidate]
              ) -> list[tuple[Candidate, int | None]]:
    """Every figure the text reports as achieved (its clause has a word of achievement: 已,
    完成, 累计 …) that measures none of the targets, in text order."""
    matched = {id(c) for c, _ in pairs}
    out: list[tuple[Candidate, int | None]] = []
    for c in cands:
        if id(c) in matched:
            continue
        if c.q.family in rules.UNMATCHED_FAMILIES or (
                c.q.family == "duration" and _DAYS_COUNTED.search(normalise(c.text), 0, c.q.num_start)):
            out.append((c, None))
    out.sort(key=lambda p: (p[0].item or 0, p[0].q.start))
    return out
