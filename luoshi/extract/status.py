"""Where a task stands, decided as a careful supervisor reads an entry, always with evidence.

Rules, in order (the first that applies decides; the rules package holds the words and thresholds,
docs/analysis.md explains them; figures against time are in pace.py, rule 4 in completion.py):

1. no_data     — nothing reported, the unit says it cannot report (无法提供数据), or, before
                 the year's end, the entry only says the figure is yearly (年度指标).
2. behind      — the task as a whole lags: a stated delay graded red (severe, or plain with
                 nothing keeping pace and no part achieved; 个别/部分/略, or a count of part of
                 the set promised (2条…滞后 of 6条), make it amber), figures
                 well under the time share with no other target keeping pace, or a task to be
                 finished this year only begun late in the year.
3. not_started — after the first quarter the entry says nothing has begun (尚未启动).
4. done        — the entry says the task is complete, every target is reached, every
                 finishing verb of the task is reported achieved, or (a task promising one thing
                 with no figure) its latest clause says the work is finished (finished.py) —
                 and no part is said to lag.
5. at_risk     — a part lags, a figure is slightly under the time share, or a difficulty is
                 foreseen for the aim or time.
6. vague       — only boilerplate, or only the task's own words restated.
7. ahead       — before year end the figures run clearly ahead, or the text says 超序时进度.
8. on_track    — concrete progress and nothing says it lags.
"""

from __future__ import annotations

import re

from luoshi.extract import clauses, rules
from luoshi.extract.completion import (
    LEADING_TIME,
    Done,
    all_finished,
    basically_only,
    figures_rule,
    not_done_said,
    obj_bigrams,
    read_done,
    task_goals,
    unfinished,
    year_end_all_done,
)
from luoshi.extract.finished import finished_in_words, promises_one_thing, whole_task_finished
from luoshi.extract.measurements import RatioStatement, lone_figure
from luoshi.extract.model import (
    FIELD_ACTUAL,
    FIELD_DONE,
    FIELD_PROBLEMS,
    Measurement,
    Span,
    StatusResult,
    Target,
)
from luoshi.extract.numbers import normalise
from luoshi.extract.pace import figure_verdicts, pace_band, share_of_year
from luoshi.extract.wording import (
    DONE_FIELDS,
    Cell,
    ahead_words,
    cells_of,
    clause_span,
    delay_hits,
    exceptions_named,
    grade_delays,
    mild,
    not_started,
    rescheduled,
    risk_hits,
)
from luoshi.ingest.model import Period, Task
from luoshi.vocab import Status

_YEARLY_ONLY = re.compile(rf"(?:{rules.YEARLY_ONLY})[。.,,;;\s]*")
_QUARTER_ALONE = re.compile(rules.QUARTER_ALONE)
_HIGHER_LEVEL_ONLY = re.compile(rf"(?:{rules.HIGHER_LEVEL_ONLY})[。.,,;;\s]*")


_DIGIT = re.compile(r"[0-9]")
_POINTS = re.compile(rules.MEASURES_POINTS)


_BOILERPLATE_LONGEST_FIRST = sorted(rules.BOILERPLATE, key=len, reverse=True)
_VAGUE_FILLER = re.compile(r"[0-9.、。,,;;:：!！\s()（）]")


_TIME_FRAME_ONLY = re.compile(rf"(?:{rules.TIME_FRAME_ONLY})[。.,,;;!！\s]*")
_DEADLINE_ONLY = re.compile(rf"(?:{rules.DEADLINE_ONLY})[。.,,;;!！\s]*")


_WORKS_UNDER_WAY = re.compile(rules.WORKS_UNDER_WAY)
_FINISHED_ONLY = re.compile(rules.FINISHED_ONLY)


def _is_vague(text: str) -> bool:
    norm = normalise(text)
    if _WORKS_UNDER_WAY.search(norm):
        return False  # 工程进行中: building has begun, a stage reached (WORKS UNDER WAY)
    if _TIME_FRAME_ONLY.fullmatch(norm.strip()):
        return True  # 年底完成: when, not what has been done
    if _FINISHED_ONLY.fullmatch(norm.strip()):
        return False  # 完工, 竣工: a short entry saying the work is finished says what was done
    rest = norm
    for w in _BOILERPLATE_LONGEST_FIRST:
        rest = rest.replace(w, "")
    return len(_VAGUE_FILLER.sub("", rest)) <= rules.VAGUE_MAX_REST


def is_boilerplate(text: str) -> bool:
    """True when a non-empty entry says nothing but stock phrases (按计划推进 …): the rule of
    the ``vague`` status, shared by the submission checks and the dashboard's counts."""
    return bool(text.strip()) and _is_vague(text) and lone_figure(text) is None



def _measures_only(done_cells: list[Cell]) -> Span | None:
    """The first point of an entry that only lists measures by points (rules.MEASURES_POINTS),
    with no figure and no word of a result, else None."""
    text = "".join(c.norm for c in done_cells)
    points = list(_POINTS.finditer(text))
    if len(points) < rules.MEASURES_MIN_POINTS or _DIGIT.search(text) or any(
            w in text for w in rules.MEASURES_RESULT_WORDS):
        return None
    first = done_cells[0]
    return clause_span(first, clauses.trim(first.norm, 0, len(first.norm))[0])


def _two_levels(units: list[str]) -> bool:
    """Is the task led by units of a higher and a lower level (rules.HIGHER_LEVEL_UNITS)?"""
    return any(u.startswith(rules.HIGHER_LEVEL_UNITS) for u in units) and any(
        u.startswith(rules.LOWER_LEVEL_UNITS) for u in units)


def _stage_behind(task: Task, cells: list[Cell], share: float) -> Span | None:
    """A task to be built this year that, late in the year, has only started."""
    if share < rules.STAGE_SHARE:
        return None
    norm = normalise(task.text)
    if not any(v in norm for v in rules.MUST_FINISH_VERBS):
        return None
    done = [c for c in cells if c.field in DONE_FIELDS]
    text = "".join(c.norm for c in done)
    if any(w in text for w in rules.LATER_STAGE):
        return None
    for c in done:
        for w in rules.START_STAGE:
            i = c.norm.find(w)
            if i >= 0:
                return clause_span(c, i)
    return None


def decide(task: Task, period: Period | None, targets: list[Target], ms: list[Measurement],
           ratios: list[RatioStatement]) -> StatusResult:
    share = share_of_year(period)
    cells = cells_of(task, (FIELD_DONE, FIELD_PROBLEMS), period.end_month if period is not None else None)
    done_cells = [c for c in cells if c.field in DONE_FIELDS]
    if not cells:
        return StatusResult(Status.NO_DATA, "未填报完成情况", [], "empty")
    for cell in done_cells:
        hit = clauses.find_any(cell.norm, rules.NO_DATA)
        if hit:
            return StatusResult(Status.NO_DATA, f"称“{hit[1]}”", [clause_span(cell, hit[0])], "no_data_words")

    if done_cells and all(_HIGHER_LEVEL_ONLY.fullmatch(c.norm.strip()) for c in done_cells):
        first = done_cells[0]
        a, b = clauses.trim(first.norm, 0, len(first.norm))
        return StatusResult(Status.NO_DATA, f"称“{first.text[a:b]}”:由上级统筹,本单位未报进展",
                            [Span(first.field, first.item, a, b, first.text[a:b])], "higher_level_only")
    if share < 1.0 and done_cells and all(_YEARLY_ONLY.fullmatch(c.norm.strip()) for c in done_cells):
        first = done_cells[0]
        a, b = clauses.trim(first.norm, 0, len(first.norm))
        return StatusResult(Status.NO_DATA, f"称“{first.text[a:b]}”:按年统计,本期无数据",
                            [Span(first.field, first.item, a, b, first.text[a:b])], "yearly_only")

    year = period.end_date.year if period is not None and period.end_date is not None else None
    under_way = any(w in c.norm for c in done_cells for w in rules.LUMPY_UNDER_WAY)
    fig = figure_verdicts(targets, ms, ratios, share, year, under_way, _two_levels(task.units))
    if period is not None and _QUARTER_ALONE.match(period.label or ""):
        # Pace against 1 January read into a quarter's label: the other reading is said.
        alt = rules.QUARTER_ALONE_NOTE.format(q=period.label)
        fig.behind = [(r + alt if "低于时间进度" in r else r, s) for r, s in fig.behind]
        fig.slight = [(r + alt if "低于时间进度" in r else r, s) for r, s in fig.slight]
    delays, foreseen = delay_hits(cells)
    any_delay = bool(delays or foreseen)
    # A milestone moved to a new date of the year (推迟至11月): the move is graded amber, not
    # its delay word red (rules.RESCHEDULE_MOVE); other delay words still count.
    end_month = period.end_date.month if period is not None and period.end_date else None
    slipped = rescheduled(cells, year, end_month)
    delays = [h for h in delays if not any(c is h[0] and a <= h[1] < b for c, a, b, _ in slipped)]
    if delays and not fig.behind and fig.paced and all(mild(c.norm, i) for c, i, _ in delays):
        delays = []  # "进度有所滞后" while every reported figure keeps pace: the figures decide
    red, amber = grade_delays(delays, fig, targets, cells, {m.target for m in ms if m.target is not None}, share,
                             task.text)
    if red:
        words = "、".join(dict.fromkeys(w for _, _, w in red))
        where = "存在问题中" if all(c.field == FIELD_PROBLEMS for c, _, _ in red) else ""
        return StatusResult(Status.BEHIND, f"{where}称“{words}”",
                            [clause_span(c, i) for c, i, _ in red], "delay_words")
    if fig.behind and fig.paced:
        # One target well short while another keeps pace: a part lags, not the whole task.
        fig.slight = [*fig.behind, *fig.slight]
        fig.behind = []
    if fig.behind:
        return StatusResult(Status.BEHIND, ";".join(r for r, _ in fig.behind),
                            [s for _, s in fig.behind], "figures")
    begun = not_started(cells)
    if begun is not None and share >= rules.NOT_STARTED_SHARE:
        whole, cell, i, w = begun
        if whole:
            return StatusResult(Status.NOT_STARTED, f"称“{w}”", [clause_span(cell, i)], "not_started")
        amber.append((cell, i, w))
    amber += exceptions_named(cells)  # 除A县、B区外均已完成: the named ones lag
    stage = _stage_behind(task, cells, share)
    if stage is not None:
        return StatusResult(Status.BEHIND, "目标为年内建成,但仅至开工等初期阶段", [stage], "stage")
    prep = _preparation_only(task, done_cells, share)
    if prep is not None and share >= 1.0:  # the year is over and the work not begun: red
        return StatusResult(Status.BEHIND, "目标为年内完成,但全年仅完成招标、设计等前期工作",
                            [prep], "preparation_only")
    if prep is not None:
        return StatusResult(Status.AT_RISK, "目标为年内完成,但第三季度后仍仅有招标、设计等前期工作"
                            f"({share:.0%}时间已过)", [prep], "preparation_only")
    if not done_cells:
        risks = amber + foreseen + risk_hits(cells)
        if risks:
            return StatusResult(Status.AT_RISK, f"完成情况为空;称“{risks[0][2]}”",
                                [clause_span(c, i) for c, i, _ in risks], "risk_words")
        return StatusResult(Status.NO_DATA, "完成情况为空", [], "empty")
    done: Done | None = read_done(task, cells, targets, ms, fig.reached)
    if done is None and share >= 1.0 and not targets and not not_done_said(done_cells) \
            and not foreseen and not risk_hits(cells):
        done = year_end_all_done(done_cells)
    if done is None and promises_one_thing(task.text, targets, len(task_goals(task.text))) \
            and not foreseen and not risk_hits(cells):
        done = finished_in_words(task.text, cells)  # 目前全部更换完毕: the work finished
    if done is None and not foreseen and not risk_hits(cells):
        # 该项目已于10月底完成: the task itself finished
        done = whole_task_finished(cells, task.text + "".join(map(str, task.extra.values())))
    if done is None and not foreseen and not fig.slight and not risk_hits(cells):
        done = all_finished(task.text, done_cells)  # 照明设施已于4月全部安装完毕
    if done is None and share >= 1.0 and fig.reached and not fig.slight and \
            len(fig.reached) >= fig.judged and not not_done_said(done_cells) and \
            not unfinished(cells, [sp for _, sp in fig.reached]):
        # The year is over and every judged figure met its target (完成率120%): done.
        done = ("全年目标已实现:" + ";".join(r for r, _ in fig.reached), [s for _, s in fig.reached],
                figures_rule([s for _, s in fig.reached]))
    # 基本完成。: the unit's own verdict on the whole outweighs a done read from words, not
    # figures past every target (BASICALLY FINISHED IS NOT DONE; a done from figures names its rule)
    basic = basically_only(done_cells) if done is not None and len(done) < 3 else None
    if basic is not None:
        done = None
    if done is not None and not amber and not slipped:  # a part said to lag: not done
        return StatusResult(Status.DONE, done[0], done[1], done[2] if len(done) > 2 else "done")
    if amber:
        words = "、".join(dict.fromkeys(w for _, _, w in amber))
        return StatusResult(Status.AT_RISK, f"部分滞后:称“{words}”",
                            [clause_span(c, i) for c, i, _ in amber], "part_delay")
    if slipped:
        words = "、".join(dict.fromkeys(w for _, _, _, w in slipped))
        return StatusResult(Status.AT_RISK, f"节点顺延:称“{words}”{rules.RESCHEDULE_NOTE}",
                            [clause_span(c, i) for c, i, _, _ in slipped], "rescheduled")
    if fig.slight:
        return StatusResult(Status.AT_RISK, ";".join(r for r, _ in fig.slight),
                            [s for _, s in fig.slight], "figures_slight")
    risks = foreseen + risk_hits(cells)
    if risks:
        words = "、".join(dict.fromkeys(w for _, _, w in risks))
        return StatusResult(Status.AT_RISK, f"称“{words}”", [clause_span(c, i) for c, i, _ in risks],
                            "risk_words")
    # A figure of one of the task's targets is progress, however short the cell, and so is a
    # number in an achieved-figure column (进度: 4.2).
    if not ms and all((_is_vague(c.text) or (share < 1.0 and _DEADLINE_ONLY.fullmatch(c.norm.strip())))
                      and not (c.field == FIELD_ACTUAL and _DIGIT.search(c.norm))
                      and lone_figure(c.text) is None for c in done_cells):
        first = done_cells[0]
        a, b = clauses.trim(first.norm, 0, len(first.norm))
        return StatusResult(Status.VAGUE, f"仅“{first.text[a:b].rstrip('。')}”",
                            [Span(first.field, first.item, a, b, first.text[a:b])], "boilerplate")
    listed = _measures_only(done_cells) if not ms else None
    if listed is not None:
        return StatusResult(Status.VAGUE, "仅列举措施(一是…),未说明取得的进展", [listed], "measures_only")
    restated = _restates_task(task, done_cells, ms)
    if restated is not None:
        return StatusResult(Status.VAGUE, "仅复述任务,未说明进展", [restated], "restated")
    paced = _lone_share(done_cells, targets, ms, share)
    if paced is not None:
        band, reason, ev = paced
        if band in ("amber", "red"):
            return StatusResult(Status.AT_RISK, reason, [ev], "lone_share")
        if band == "ahead" and not any_delay:
            return StatusResult(Status.AHEAD, reason, [ev], "lone_share")
    ahead = ahead_words(done_cells)
    started = [(r, s) for r, s in fig.ahead if _started_only(s, task.text)]
    if started:  # things started counted against things to build: on course, not ahead
        fig.ahead = [x for x in fig.ahead if x not in started]
        fig.kept = [*fig.kept, *((r + rules.STARTED_ONLY_NOTE, s) for r, s in started)]
    if share < 1.0 and not any_delay and (ahead or (fig.ahead and len(fig.ahead) + len(fig.reached) >= fig.judged)):
        spans = [s for _, s in fig.ahead] + ([clause_span(ahead[0], ahead[1])] if ahead else [])
        reason = ";".join(r for r, _ in fig.ahead) or f"称“{ahead[2]}”"  # type: ignore[index]
        return StatusResult(Status.AHEAD, reason, spans, "ahead")
    first = done_cells[0]
    ev = clause_span(first, clauses.trim(first.norm, 0, len(first.norm))[0])
    reason = "有具体进展:" + ev.text[:30]
    lone = lone_figure(first.text)
    if len(done_cells) == 1 and lone is not None and lone.family == "percent":
        # Ambiguous: the share of the whole task or of the year's plan? Said, not guessed.
        reason = f"完成情况仅为{ev.text}(未说明是否为年度计划的完成比例,未按时间进度判断)"
    if paced is not None:  # judged by the time share after all (LONE SHARE OF A RUNNING TOTAL)
        reason = paced[1]
    if basic is not None:
        reason += rules.BASICALLY_NOTE.format(said=basic.text.rstrip(rules.LONE_FIGURE_TRIM))
        return StatusResult(Status.ON_TRACK, reason, [basic, ev] + [s for _, s in fig.reached + fig.kept],
                            "basically_only")
    if fig.reached or fig.kept:  # a person's figure keeping pace is named (填报值, 人工更正)
        reason = (fig.reached or fig.kept)[0][0]
    return StatusResult(Status.ON_TRACK, reason, [ev] + [s for _, s in fig.reached + fig.kept], "progress")


def _lone_share(done_cells: list[Cell], targets: list[Target], ms: list[Measurement],
                share: float) -> tuple[str, str, Span] | None:
    """LONE SHARE OF A RUNNING TOTAL (rules.LONE_SHARE_KINDS): before the year ends, a progress
    cell that is a per cent alone (80%), for a task whose every target is a running total of
    the year (新增…115台, 新增就业50人: no per-cent target the figure could measure), is read as
    the share of that target done, the likeliest reading, and graded by the time share
    (pace.pace_band): (band, reason, evidence). A red band is graded amber, since the cell
    does not say what it is a share of (a project's whole, several years), and the reason
    gives that other reading. Else None: no target to pace (a project to build: 60% may be its
    whole progress, not paced, as OVERALL SHARE), figures of its own, or the year is over."""
    if share >= 1.0 or ms or len(done_cells) != 1 or not targets or any(
            t.kind not in rules.LONE_SHARE_KINDS or t.family == "percent" for t in targets):
        return None
    cell = done_cells[0]
    lone = lone_figure(cell.text)
    if lone is None or lone.family != "percent" or lone.value >= rules.PERCENT:
        return None
    band = pace_band(lone.value / rules.PERCENT, share)
    a = len(cell.norm) - len(cell.norm.lstrip(rules.LONE_FIGURE_TRIM))
    span = Span(cell.field, cell.item, a, a + lone.end, cell.text[a : a + lone.end])
    said = {"ahead": "超过", "on": "不低于", "amber": "略低于", "red": "低于"}[band]
    return band, (f"完成情况仅为{span.text},按年度目标的完成比例读,{said}时间进度{share:.0%}"
                  + rules.LONE_SHARE_NOTE), span


def _preparation_only(task: Task, done_cells: list[Cell], share: float) -> Span | None:
    """PREPARATION ONLY, LATE IN THE YEAR (rules.PREP_*): the first preparatory step of an
    entry that, after the third quarter (rules.PREP_SHARE), reports nothing but preparation for
    a work the task promises done or built, else None."""
    if share < rules.PREP_SHARE or not done_cells:
        return None
    if not any(v in normalise(task.text) for v in rules.PREP_TASK_VERBS):
        return None
    text = "".join(c.norm for c in done_cells)
    later = [w for w in (*rules.START_STAGE, *rules.LATER_STAGE) if w not in rules.PREP_STAGE]
    if _DIGIT.search(text) or any(w in text for w in later):
        return None
    for c in done_cells:
        hits = [(c.norm.find(w), w) for w in rules.PREP_STAGE if w in c.norm]
        if hits:
            return clause_span(c, min(hits)[0])
    return None


def _started_only(span: Span, task_text: str) -> bool:
    """Does a figure's clause count things only started (rules.STARTED_ONLY_VERBS) while the
    task promises no start but the things built? (AHEAD NEEDS THE RESULT)"""
    return any(v in normalise(span.text) for v in rules.STARTED_ONLY_VERBS) and not any(
        v in normalise(task_text) for v in rules.START_VERBS)


def _restates_task(task: Task, done_cells: list[Cell], ms: list[Measurement]) -> Span | None:
    """An entry that only repeats the task's words ("收入增长与经济增长基本同步" for that very
    task), with no figure, says nothing of progress: the span of the repetition, else None."""
    if ms or len(done_cells) != 1 or any(ch.isdigit() for ch in done_cells[0].norm):
        return None
    cell = done_cells[0]
    body = LEADING_TIME.sub("", re.sub(r"^[\s,，]+", "", cell.norm))
    body = re.sub(r"^(?:前三季度|[一二三四]季度|上半年|下半年|全年|今年以来)[,,]?", "", body)
    mine = obj_bigrams(body)
    if len(mine) < rules.RESTATE_MIN_BIGRAMS or any(ch.isdigit() for ch in body):
        return None
    task_bigrams = obj_bigrams(normalise(task.text))
    if len(mine & task_bigrams) < rules.RESTATE_SHARE * len(mine):
        return None
    a, b = clauses.trim(cell.norm, 0, len(cell.norm))
    return Span(cell.field, cell.item, a, b, cell.text[a:b])
