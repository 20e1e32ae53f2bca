"""Entry points: analyse one task, or every task of a parsed document."""

from __future__ import annotations

import dataclasses
import re

from luoshi.extract import (
    deadlines,
    matching,
    overall,
    parts,
    relational,
    rowparts,
    rules,
    selfreport,
    subrows,
    table,
    yardstick,
)
from luoshi.extract import measurements as measure
from luoshi.extract.implied import implied
from luoshi.extract.model import (
    FIELD_ACTUAL,
    FIELD_DONE,
    FIELD_REPORTED,
    PERSON_MATCH,
    FixKey,
    Measurement,
    MeasurementFix,
    Span,
    StatusResult,
    Target,
    TaskAnalysis,
)
from luoshi.extract.numbers import find_quantities, normalise
from luoshi.extract.pace import share_of_year
from luoshi.extract.progress_plan import progress_plan_targets
from luoshi.extract.status import decide
from luoshi.extract.targets import extract_targets
from luoshi.ingest.model import ParsedDocument, Period, Task
from luoshi.vocab import Status


def analyze_task(
    task: Task, period: Period | None, year: int | None = None, targets: list[Target] | None = None,
    reported: dict[int, float] | None = None, fixes: dict[FixKey, MeasurementFix] | None = None,
) -> TaskAnalysis:
    """Targets of the task text, measurements of the done cells, and the status with evidence.

    ``period`` is the report's period (its share of the year elapsed sets the pace a running
    total must keep); ``year`` gives ISO dates to as-of periods ("1-9月" -> 2020-09-30).
    ``targets`` replaces the targets read from the text and target columns (a person's
    corrections); ``reported`` maps target indices to the figures the unit filed in a
    reporting round, which win over figures read from the text. A declared status cell in
    ``task.extra`` is evidence too (luoshi.extract.table). ``fixes`` are people's corrections
    of figures (value, match, or not a figure), keyed by where each was read; the status is
    decided on the corrected figures. A task of joined sub-rows (one target line beside one
    progress line: luoshi/extract/subrows.py) is judged line by line, its status made from its
    parts' (``TaskAnalysis.parts``).
    """
    if year is None and period is not None and period.end_date is not None:
        year = period.end_date.year
    month = period.end_month if period is not None else None
    if selfreport.reports_result(task, table.actual_cells(task, month)) and (
        targets is None or targets == extract_targets(task.text)  # (stored as read, not fixed)
    ):
        # SELF-REPORTED RESULT: the text is its own progress; figures achieved, no target
        a = _analyze_whole(selfreport.as_progress(task), period, year, [], reported, fixes)
        a.status = selfreport.grade(task, period)
        return a
    rows = subrows.split(task)
    if rows is not None:  # joined sub-rows: each target line judged with its progress line
        mine = targets if targets is not None else per_head_units(_own_targets(task), task)
        own = subrows.owners(mine, rows) if mine else None
        if own is not None:
            whole = _analyze_whole(task, period, year, mine, reported, fixes)
            if not subrows.aligned(whole.measurements, own, rows):
                return whole  # a figure names the target of another line: not side by side
            a = subrows.analyze_parts(task, period, year, mine, own, rows, reported, fixes, analyze_task)
            declared = table.declared_status(task, share_of_year(period), mine)
            a.status = table.combine(a.status, declared)
            return a
    joined = rowparts.column_rows(task)
    if joined is not None:  # indicator rows joined column by column: each row judged alone
        mine = targets if targets is not None else per_head_units(_own_targets(task), task)
        a = rowparts.analyze_rows(task, joined, period, year, mine, reported, fixes, analyze_task)
        if a is not None:
            a.task_kind = task_kind(task.text, mine)
            return a
    return _analyze_whole(task, period, year, targets, reported, fixes)


def _analyze_whole(
    task: Task, period: Period | None, year: int | None, targets: list[Target] | None,
    reported: dict[int, float] | None, fixes: dict[FixKey, MeasurementFix] | None,
) -> TaskAnalysis:
    """analyze_task on the task as one text (its cells read whole)."""
    if targets is None:
        targets = per_head_units(_own_targets(task), task)
        if not targets:  # the year's plan the entry states (全年计划新增就业5000人)
            targets = progress_plan_targets([(i, it.done) for i, it in enumerate(task.items) if it.done])
    cands = []
    ratios = []
    for i, item in enumerate(task.items):
        # Without targets only stated completion shares (percentages) matter.
        if item.done:
            c, r = measure.scan(item.done, FIELD_DONE, i)
            extra = implied(item.done, FIELD_DONE, i, targets) if targets else []
            cands.extend(sorted(c + extra, key=lambda x: x.q.start) if extra else c)
            ratios.extend(r)
    month = period.end_month if period is not None else None
    for text in table.actual_cells(task, month):  # an achieved-figure column's words: a progress cell
        c, r = measure.scan(text, FIELD_ACTUAL, None)
        cands.extend(c)
        ratios.extend(r)
    pairs = matching.match(cands, targets) if targets else []
    pairs = yardstick.for_period(pairs, targets, year)  # the year's plan, not the programme's total
    if any(c.lone for c, _ in pairs):  # a lone per cent that measures a target is no share done
        ratios = [r for r in ratios if not (r.lone and any(
            c.lone and c.field == r.field and c.item == r.item for c, _ in pairs))]
    default_month = period.end_month if period is not None else None
    ms = parts.sum_parts(pairs, matching.build(pairs, targets, year, default_month), targets)
    ms += table.indicator_figures(task, targets, ms, default_month)
    ms += _filed(targets, table.reported_targets(targets, reported), period, default_month)
    # What else the text reports as achieved, measuring none of the targets.
    shares = {(r.field, r.item) for r in ratios if r.lone}  # told below as completion shares
    figures = matching.build([(c, i) for c, i in matching.unmatched(pairs, cands)
                             if not (c.lone and (c.field, c.item) in shares)], targets, year, default_month)
    # A completion share stated on its own (完成年度任务的83%) is a figure too.
    figures += [_share_figure(r, default_month) for r in ratios if not r.attached]
    figures += table.declared_figures(task, default_month)
    if fixes:
        ms, figures = apply_fixes(ms + figures, targets, fixes)
    status = decide(task, period, targets, ms, ratios)
    if not targets:
        status = part_share(status, cands)
    if not targets and status.value in (Status.ON_TRACK, Status.VAGUE):
        # A growth promised relative to another: the two growths of the entry decide.
        status = relational.judge(task.text, cands, share_of_year(period)) or status
    status = table.combine(status, table.declared_status(task, share_of_year(period), targets)
                           or overall.stated_overall(task))
    if not targets:  # a result promised by a date within the year that has passed, not done
        status = deadlines.overdue(task.text, period, status,
                                   status.evidence[0] if status.evidence else None) or status
    return TaskAnalysis(task.serial, targets, ms, status, task_kind=task_kind(task.text, targets),
                        figures=figures)


def _own_targets(task: Task) -> list[Target]:
    """The task text's targets, then its target columns' (a column's restatement dropped)."""
    text = extract_targets(task.text)
    return text + table.column_targets(task, text)


def part_share(status: StatusResult, cands: list[measure.Candidate]) -> StatusResult:
    """A task with no figure to promise, red only by a stated share of the plan under the time
    share (达到年计划的50%), while its entry reports other things achieved beside the share's own
    figure (更新公交车辆753部, a bus lane opened): the share is of one part of the task, and one
    part lagging is amber (rules.PART_SHARE_AMBER). Which part is the main one the text does not
    say: the reason names the other reading (red, if the share is the whole task's)."""
    if status.value is not Status.BEHIND or status.rule != "figures":
        return status
    others = [c for c in cands if c.ratio_stated is None and c.q.family not in (None, "percent")
              and not c.flag]  # figures beside the share's own (a part of a total is no other part)
    if len(others) < rules.PART_SHARE_AMBER:
        return status
    return StatusResult(Status.AT_RISK, status.reason + rules.PART_SHARE_NOTE, status.evidence, "part_share")


def per_head_units(targets: list[Target], task: Task) -> list[Target]:
    """``targets`` with each money target per head (rules.PER_HEAD_WORDS: 月人均补助不低于330元)
    made a price per head, in the per-head unit the task's progress cells write (365.95元/人.月),
    else in 元/人: so a total paid out (发放2140万元) never measures it. For the targets read
    from the task (analyze_task, and the stored targets luoshi.core derives)."""
    heads = [t for t in targets
             if t.family in ("money", "usd") and any(w in t.metric for w in rules.PER_HEAD_WORDS)]
    if not heads:
        return targets
    written = [q.unit for item in task.items if item.done
               for q in find_quantities(normalise(item.done)) if q.family == "price"]
    for t in heads:
        mine = [u for u in written if u.startswith(t.unit + "/") and "人" in u[len(t.unit):]]
        t.unit, t.family = (mine[0] if mine else t.unit + "/人"), "price"
    return targets


def apply_fixes(found: list[Measurement], targets: list[Target], fixes: dict[FixKey, MeasurementFix]
                ) -> tuple[list[Measurement], list[Measurement]]:
    """People's corrections applied to the figures found: (measurements of targets, other
    figures). A corrected value or match gets its ratio again against the target it now
    measures (same unit family, converted; none across families), and is a person's figure
    (PERSON_MATCH): the one its target's verdict reads, whatever the target's kind."""
    ms: list[Measurement] = []
    others: list[Measurement] = []
    for m in found:
        fix = fixes.get(m.span.key())
        if fix is not None:
            if not fix.active:
                continue
            m = dataclasses.replace(m)
            if fix.value is not None:
                m.value = fix.value
            if fix.set_target:
                ok = fix.target is not None and 0 <= fix.target < len(targets)
                m.target = fix.target if ok else None
            t = targets[m.target] if m.target is not None else None
            if t is not None:
                m.metric = t.metric
                m.ratio = t.ratio_of(m.value, m.family, m.factor)
                m.match_score = max(m.match_score, PERSON_MATCH)
            else:
                m.ratio = None
        (ms if m.target is not None else others).append(m)
    return ms, others


def _filed(targets: list[Target], filed: dict[int, float], period: Period | None,
           month: int | None) -> list[Measurement]:
    """The figures filed in a reporting round, as measurements of their targets: filed in the
    target's own unit, their ratio is measured like any other (Target.ratio_of)."""
    out = []
    for i, value in sorted(filed.items()):
        t = targets[i]
        text = f"填报值{value:g}{t.unit}"
        ratio = t.ratio_of(value, t.family, t.factor)
        out.append(Measurement(metric=t.metric, value=value, unit=t.unit,
                               as_of=period.label if period is not None else "",
                               span=Span(FIELD_REPORTED, None, 0, len(text), text),
                               target=i, ratio=ratio, family=t.family, factor=t.factor,
                               as_of_month=month, match_score=PERSON_MATCH))
    return out


def _share_figure(r: measure.RatioStatement, month: int | None) -> Measurement:
    return Measurement(metric="", value=r.value, unit="%", as_of="",
                       span=Span(r.field, r.item, r.start, r.end, r.text[r.start : r.end]),
                       ratio_stated=r.value, family="percent", as_of_month=month)


def task_kind(text: str, targets: list[Target]) -> str:
    """The kind of a task without figures ("" when it has targets): "rate" for a growth
    measured against another (增长与经济增长同步), "milestone" when it promises a result that
    is done or not (建成, 开工, 出台, 申报 …: rules.MILESTONE_VERBS) or is only the name of a work
    to build (学校建设项目: BUILT WORK NAME), else "qualitative"."""
    if targets:
        return ""
    norm = normalise(text)
    if _RELATIONAL_RATE.search(norm):
        return "rate"  # 收入增长与经济增长同步: a growth judged against another, as is
    if any(w in norm for w in rules.MILESTONE_VERBS) or _built_work_name(norm):
        return "milestone"
    return "qualitative"


_RELATIONAL_RATE = re.compile(rules.RELATIONAL_RATE)
_BUILT_WORK_END = re.compile(rules.BUILT_WORK_END)
_BUILT_WORK_WORDS = re.compile(rules.BUILT_WORK_WORDS)
_PHRASE_BREAK = re.compile(r"[,,;;:：\n]")
_BUILT_WORK_ORDER = re.compile(rules.BUILT_WORK_ORDER)
_BUILT_WORK_NOT = re.compile(rules.BUILT_WORK_NOT)


def _built_work_name(norm: str) -> bool:
    """Is the text only the name of a work to build (rules.BUILT_WORK_END, BUILT_WORK_WORDS:
    学校建设项目, 隆畅河大桥工程), or an order to build one thing (BUILT_WORK_ORDER: 建设某敬老院),
    and no planning (BUILT_WORK_NOT)? BUILT WORK NAME: a milestone."""
    name = norm.strip().rstrip("。.").strip()
    if (len(name) > rules.BUILT_WORK_MAX or _PHRASE_BREAK.search(name)
            or _BUILT_WORK_NOT.search(name)):
        return False
    if _BUILT_WORK_ORDER.search(name):
        return True  # 建设巴雅尔中心敬老院: the same promise, as an order
    return _BUILT_WORK_END.search(name) is not None and _BUILT_WORK_WORDS.search(name) is not None


def analyze_document(doc: ParsedDocument) -> list[TaskAnalysis]:
    """One analysis per task, in order, at the document's period."""
    period = doc.meta.period
    return [analyze_task(t, period, doc.meta.year) for t in doc.tasks]
