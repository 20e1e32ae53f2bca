"""The year's plan stated in a progress cell (全年计划新增就业5000人, 年度目标任务为改造80户, named as
the whole of a share: 完成投资13.5亿元,占年计划14.84亿元的91%): when
the task text and the table give no target, that figure is the task's target for the period's
verdict (rules.PROGRESS_PLAN), kept with origin "progress_plan" so a page can say where it came
from. The same figure is never a measurement: it restates a plan."""

from __future__ import annotations

import dataclasses
import re

from luoshi.extract import clauses, rules
from luoshi.extract.model import FIELD_DONE, Span, Target
from luoshi.extract.numbers import Quantity, find_quantities, normalise
from luoshi.extract.targets import extract_targets

ORIGIN = "progress_plan"
_PLAN = re.compile(rules.PROGRESS_PLAN)
_SHARE = re.compile(rules.PROGRESS_PLAN_SHARE)
_WHOLE_BEFORE, _WHOLE_AFTER = re.compile(rules.SHARE_WHOLE_BEFORE), re.compile(rules.SHARE_WHOLE_AFTER)
_WHOLE = re.compile(rules.PROGRAMME_WHOLE)


def plan_figures(norm: str, quantities: list[Quantity]) -> list[tuple[int, Quantity]]:
    """(start of the plan phrase, its figure) for each year's plan a text states: the first
    amount after the phrase in its clause, with no 的 or word of a share between (完成全年计划的
    80%, 年度计划完成率70.3% are shares done, not plans: rules.PROGRESS_PLAN_SHARE)."""
    out = []
    for m in _PLAN.finditer(norm):
        _, cb = clauses.clause(norm, m.start())
        q = next((q for q in quantities if m.end() <= q.num_start < cb and q.is_amount), None)
        between = norm[m.end() : q.num_start] if q is not None else ""
        if q is None or "的" in between or _SHARE.search(between):
            continue
        if q.family == "percent" and norm[max(0, m.start() - 1) : m.start()] == "占":
            continue  # 占年度投资计划52.88%: the share done, the plan's figure unsaid
        out.append((m.start(), q))
    return out


def progress_plan_targets(dones: list[tuple[int, str]]) -> list[Target]:
    """Targets from the year's plan stated in the done cells ((item index, text) pairs), in
    order; the first statement of each unit family only (a later one restates it)."""
    out: list[Target] = []
    for item, text in dones:
        norm = normalise(text)
        if not _PLAN.search(norm):
            continue  # most entries state no plan: no need to read their figures
        for start, q in plan_figures(norm, find_quantities(norm)):
            head = _PLAN.match(norm, start)  # found there by plan_figures
            if head is None:
                continue
            found = [t for t in extract_targets(text[head.end() : q.end]) if t.value == q.value]
            if not found:
                continue
            t = found[-1]
            if any(o.family == t.family for o in out):
                continue
            end = head.end() + t.span.end
            out.append(dataclasses.replace(
                t, span=Span(FIELD_DONE, item, start, end, text[start:end]), origin=ORIGIN))
    if out:
        out += _programme_wholes(dones, {t.family for t in out})
    return out


def plans_in_cell(text: str, field: str) -> list[Target]:
    """The year's plans a cell of another column states (年度投资目标15495万元: rules.PROGRESS_PLAN),
    one per unit family, with their spans in the cell (``field``)."""
    norm = normalise(text)
    if not _PLAN.search(norm):
        return []
    out: list[Target] = []
    for start, q in plan_figures(norm, find_quantities(norm)):
        head = _PLAN.match(norm, start)
        if head is None:
            continue
        found = [t for t in extract_targets(text[head.end() : q.end]) if t.value == q.value]
        if not found or any(o.family == found[-1].family for o in out):
            continue
        t, end = found[-1], head.end() + found[-1].span.end
        if clauses.cjk_count(t.metric.replace(t.unit, "")) < 2:
            # 年度投资目标15495万元: the plan's words name it
            t.metric = norm[start : head.end()].rstrip(":为是")
            t.context = f"{t.metric} {t.context}"
        out.append(dataclasses.replace(t, span=Span(field, None, start, end, text[start:end])))
    return out


def is_programme_whole(t: Target) -> bool:
    """Is the target a project's whole read from a progress cell (_programme_wholes)?"""
    return t.origin == ORIGIN and _WHOLE.match(t.span.text) is not None


def _programme_wholes(dones: list[tuple[int, str]], families: set[str | None]) -> list[Target]:
    """The project's whole each share of it names (占总投资34.6亿元的96%: rules.PROGRAMME_WHOLE),
    of a unit family a year's plan was read in; the first of each family only."""
    out: list[Target] = []
    for item, text in dones:
        norm = normalise(text)
        if "占总" not in norm:
            continue
        for q in find_quantities(norm):
            if not (q.is_amount and _WHOLE_AFTER.match(norm, q.end)):
                continue
            m = _WHOLE_BEFORE.search(norm, max(0, q.num_start - 20), q.num_start)
            if m is None:
                continue
            start = m.start() + 1  # the whole's name, after 占
            found = [t for t in extract_targets(text[start : q.end]) if t.value == q.value]
            if not found or found[-1].family not in families:
                continue
            t = found[-1]
            if any(o.family == t.family for o in out):
                continue
            out.append(dataclasses.replace(
                t, span=Span(FIELD_DONE, item, start, q.end, text[start : q.end]), origin=ORIGIN))
    return out
