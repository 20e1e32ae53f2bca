"""The yardstick of the period (issue 10, verdict10b): a task may name both a total for a
whole programme or several years (为1241个村庄、235198户接通天然气; 三年改造600户) and the part of
it planned for this year (2017年度计划实施170878户; 今年计划改造200户). A year's progress is
measured against the year's plan, never against the whole programme: 172083户 at the year's end
is the year's plan met, not 73% of the programme "slightly behind".

The rule (rules.YEAR_PLAN): a target whose own words name the year's plan (全年/年度/今年/本年/
当年/年内/2017年度 + 计划/目标/任务) is the year's plan; another target of the same unit with a
larger value whose words do not is the programme's total. Every figure matched to the total
measures the year's plan instead. The total stays a target of the task (it is promised), it is
just not the period's yardstick. A plan naming another year than the report's (2016年度计划 in a
2017 report) is no plan of this period: nothing moves. The year's plan a progress cell states
(progress_plan.py: 占年计划14.84亿元的91%) is this year's plan by how it was read, whatever its
words; the project's whole read beside it (占总投资34.6亿元的96%) is the programme's total."""

from __future__ import annotations

import re

from luoshi.extract import clauses, rules
from luoshi.extract.model import Target
from luoshi.extract.progress_plan import ORIGIN as PLAN_ORIGIN
from luoshi.extract.progress_plan import is_programme_whole
from luoshi.extract.units import GENERIC_COUNT, base_of, comparable

_YEAR_PLAN = re.compile(rules.YEAR_PLAN)


def _plan_year(t: Target) -> tuple[bool, int | None]:
    """(whether the target's own words name a year's plan, the year they name if any)."""
    if t.origin == PLAN_ORIGIN:
        return not is_programme_whole(t), None
    m = _YEAR_PLAN.search(t.metric + " " + t.span.text)
    if m is None:
        return False, None
    return True, int(m.group("year")) if m.group("year") else None


def _same_thing(total: Target, plan: Target) -> bool:
    """The two count the same thing: comparable units (户 and 万户), and for a general measure
    word (个, 项 …) that could count anything, a word of the metric in common too."""
    if not comparable(total.unit, total.family, plan.unit, plan.family):
        return False
    if total.family == "count" and base_of(total.unit) in GENERIC_COUNT:
        return bool(clauses.bigrams(total.metric + total.context) & clauses.bigrams(plan.metric + plan.context))
    return True


def programme_to_plan(targets: list[Target], year: int | None) -> dict[int, int]:
    """Index of each programme total -> index of the year's plan of the same thing that is the
    period's yardstick instead (empty when the task names no year's plan beside a total)."""
    named = [_plan_year(t) for t in targets]
    plans = [i for i, (is_plan, plan_year) in enumerate(named)
             if is_plan and (plan_year is None or year is None or plan_year == year)]
    out: dict[int, int] = {}
    for i, t in enumerate(targets):
        if named[i][0]:
            continue  # a plan (of this year or another) is no programme total
        for j in plans:  # the first plan of the same thing, larger than it: the programme's
            p = targets[j]
            if (_same_thing(t, p) and t.comparator == p.comparator
                    and t.value * t.factor > p.value * p.factor):
                out[i] = j
                break
    return out


def for_period(pairs: list, targets: list[Target], year: int | None) -> list:
    """``pairs`` of (figure, target index) with each figure of a programme total moved to the
    year's plan (programme_to_plan)."""
    if len(targets) < 2 or not pairs:
        return pairs  # a total and a plan take two targets
    moves = programme_to_plan(targets, year)
    if not moves:
        return pairs
    return [(c, moves.get(i, i) if i is not None else None) for c, i in pairs]
