"""Where a task stands, decided as a careful supervisor reads an entry, always with evidence.

Rules, in order (the first that applies decides; the rules package holds the words and thresholds,
docs/analysis.md explains them; figures against time are in pace.py):

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
from functools import lru_cache

from luoshi.extract import clauses, rules
from luoshi.extract.finished import finished_in_words, promises_one_thing, whole_task_finished
from luoshi.extract.measurements import RatioStatement, lone_figure
from luoshi.extract.model import (
    DONE_BY_FIGURES,
    FIELD_ACTUAL,
    FIELD_DONE,
    FIELD_PROBLEMS,
    Measurement,
    Span,
    StatusResult,
    Target,
)
from luoshi.extract.numbers import find_quantities, normalise
from luoshi.extract.pace import figure_verdicts, people_first, share_of_year
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
_WHOLE_DONE = re.compile(rules.WHOLE_DONE)
_EXPLICIT_DONE = re.compile(rules.EXPLICIT_DONE)
_TARGET_MET = re.compile(rules.TARGET_MET)
_MARKER = re.compile(rf"(?:{rules.ACHIEVED_MARKERS})$")
_LEADING_TIME = re.compile(r"^(?:[0-9]{1,2}月(?:[0-9]{1,2}日|底|末|份|初|中旬|下旬|上旬)?|目前|截至目前|现)[,,]?")
_NOT_DONE = re.compile(r"(?:尚未|还未|仍未|未能|没有|未)(?:全部|全面|最终)?(?:完成|建成|实现|竣工|完工|投用)")
_ALNUM_CJK = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")


_DIGIT = re.compile(r"[0-9]")
_POINTS = re.compile(rules.MEASURES_POINTS)


_BOILERPLATE_LONGEST_FIRST = sorted(rules.BOILERPLATE, key=len, reverse=True)
_VAGUE_FILLER = re.compile(r"[0-9.、。,,;;:：!！\s()（）]")


_TIME_FRAME_ONLY = re.compile(rf"(?:{rules.TIME_FRAME_ONLY})[。.,,;;!！\s]*")
_DEADLINE_ONLY = re.compile(rf"(?:{rules.DEADLINE_ONLY})[。.,,;;!！\s]*")


_WORKS_UNDER_WAY = re.compile(rules.WORKS_UNDER_WAY)
_FINISHED_ONLY = re.compile(r"(?:完工|竣工|建成|落成|投用|通车)[。.!！]?")


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


# --- task finished? -------------------------------------------------------------------------


def _obj_bigrams(text: str) -> set[str]:
    chars = _ALNUM_CJK.findall(text)
    return {chars[i] + chars[i + 1] for i in range(len(chars) - 1)} - set(rules.STOP_BIGRAMS)


_MODALS = ("确保", "力争", "争取", "年内", "全面", "高质量", "认真", "努力", "基本", "如期", "及时")


@lru_cache(maxsize=4096)
def task_goals(text: str) -> tuple[tuple[str, str], ...]:
    """(object, verb) for each clause of the task that promises a finishable result."""
    norm = normalise(text)
    goals = []
    for a, b in clauses.split(norm, clauses.CLAUSE_END):
        c = norm[a:b].strip()
        changed = True
        while changed:
            changed = False
            for m in _MODALS:
                if c.startswith(m):
                    c = c[len(m) :]
                    changed = True
        found = clauses.find_any(c, (*rules.START_VERBS, *rules.FINISH_VERBS))
        if found is None:
            continue
        pos, verb = found
        if c[:pos].endswith(rules.PROGRESS_ONLY_BEFORE):
            continue
        obj = c[pos + len(verb) :] or c[:pos]
        goals.append((obj, verb))
    return tuple(goals)


def _heads(obj: str) -> set[str]:
    """Last bigram of each conjunct of an object ("A系统和B平台" -> 系统, 平台): its head noun."""
    heads = set()
    for part in re.split(r"[和、及与,]", obj):
        bg = _ordered_bigrams(part)
        if bg:
            heads.add(bg[-1])
    return heads


def _ordered_bigrams(text: str) -> list[str]:
    chars = _ALNUM_CJK.findall(text)
    return [chars[i] + chars[i + 1] for i in range(len(chars) - 1)]


def _achieved(goal: tuple[str, str], cells: list[Cell], only_goal: bool) -> Span | None:
    obj, verb = goal
    want = _obj_bigrams(obj)
    heads = _heads(obj)
    for cell in cells:
        if cell.field not in DONE_FIELDS:
            continue
        for v in rules.ACHIEVES[verb]:
            start = 0
            while True:
                i = cell.norm.find(v, start)
                if i < 0:
                    break
                start = i + len(v)
                ca, cb = clauses.clause(cell.norm, i)
                before = cell.norm[ca:i]
                if any(w in before for w in rules.NOT_ACHIEVED_BEFORE):
                    continue
                if not (_MARKER.search(before[-12:]) or before.strip() == ""):
                    continue
                window = cell.norm[ca:cb]
                # A word of part the task's own object names (一期工程 promised and reported) is
                # what was promised, not a part of it.
                if any(w in window and w not in obj for w in rules.PARTIAL_WORDS) or _NOT_DONE.search(window):
                    continue
                if _UNFINISHED.search(window):
                    continue  # 已完成基础建设: a stage of the work reached (rules.UNFINISHED_STAGE)
                na, nb = clauses.clause(cell.norm, min(cb + 1, len(cell.norm)))
                if cb < len(cell.norm) and cell.norm[cb] not in "。\n" and any(
                    w in cell.norm[na:nb] for w in rules.ONGOING_WORDS
                ):
                    continue
                if v == "完成" and verb in ("建设", "建成", "新建") and not any(
                    w in window for w in rules.BUILD_WORDS
                ):
                    continue
                common = want & _obj_bigrams(window)
                enough = (
                    len(common) >= rules.OBJECT_MIN_BIGRAMS
                    and len(common) >= rules.OBJECT_MIN_SHARE * max(1, len(want))
                    and bool(common & heads)
                )
                # A one-goal task whose entry opens by saying so: "项目已于4月份开工建设".
                if (not enough and only_goal and v != "完成" and cell.item == 0
                        and "。" not in cell.norm[:ca]):
                    enough = True
                if enough:
                    return clause_span(cell, i)
    return None


_Done = tuple[str, list[Span]] | tuple[str, list[Span], str]  # reason, evidence(, rule)


def _done(task: Task, cells: list[Cell], targets: list[Target], ms: list[Measurement],
          reached: list[tuple[str, Span]]) -> _Done | None:
    done_cells = [c for c in cells if c.field in DONE_FIELDS]
    if not done_cells:
        return None
    if any(_NOT_DONE.search(c.norm) for c in done_cells):
        return None
    # A figure short of its target means the task is not finished, whatever else is said;
    # of a person's figures and the rules', a person's (pace.people_first).
    for ti, t in enumerate(targets):
        met = [t.met_by(m.value, m.family, m.factor) for m in people_first(t, [m for m in ms if m.target == ti])]
        met = [x for x in met if x is not None]  # in the target's direction (a rank: smaller)
        if met and not any(met):
            return None
    first = done_cells[0]
    lone = lone_figure(first.text)
    if len(done_cells) == 1 and lone is not None and lone.family == "percent" and lone.value >= rules.PERCENT:
        a = len(first.norm) - len(first.norm.lstrip(rules.LONE_FIGURE_TRIM))
        return f"完成情况为{first.text.strip()}", [Span(first.field, first.item, a, a + lone.end,
                                                        first.text[a : a + lone.end])]
    a0, _ = clauses.trim(first.norm, 0, len(first.norm))
    head = _LEADING_TIME.sub("", first.norm[a0:])
    offset = len(first.norm) - len(head)
    m = _WHOLE_DONE.search(head)
    if m and not any(w in head[: m.end()] for w in rules.PARTIAL_WORDS):
        return "称已完成", [clause_span(first, offset + m.start())]
    single = clauses.split(first.norm.rstrip("。 \n"), clauses.SENTENCE_END)
    if len(done_cells) == 1 and len(single) == 1 and re.match(r"已(?:经)?(?:全部)?(?:完成|实现)全部", head):
        return "称已全部完成", [clause_span(first, offset)]
    for cell in done_cells:
        m = _EXPLICIT_DONE.search(cell.norm)
        if m:
            return "明确称该项已完成", [Span(cell.field, cell.item, m.start(), m.end(),
                                         cell.text[m.start() : m.end()])]
        for m in _TARGET_MET.finditer(cell.norm):
            ca, _ = clauses.clause(cell.norm, m.start())
            if any(w in m.group(0) for w in rules.PARTIAL_WORDS):
                continue
            if m.group("bare") and len(done_cells) > 1:
                continue  # "…,完成既定目标" in one item of several: that item's
            subject = clauses.trim(cell.norm, ca, m.start())
            subject_text = cell.norm[subject[0] : subject[1]]
            if subject_text.endswith(rules.TOTALITY_WORDS) and _other_count_reported(cell, subject_text, task.text):
                continue  # "四项指标均已完成减排目标。" beside another indicator reported: those four only
            if subject_text.endswith(rules.TOTALITY_WORDS):
                pass  # "20项指标均已超额完成…目标": all of them
            elif _restates_the_set(subject_text, task.text):
                pass  # "全市7.4万口山坪塘整治工作已提前完成总目标任务" of 完成7.4万口山坪塘整治: the whole
            elif re.search(r"[0-9]", subject_text) or (
                clauses.cjk_count(subject_text) > 2 and subject_text not in rules.WHOLE_SUBJECTS
            ):
                continue  # "16个项目已提前完成全年任务", "大长涂已完成建设任务": a part
            elif not subject_text and _other_figure_before(cell, ca, ms) and not _whole_entry(
                    cell, ca, done_cells, task.text):
                continue  # "某指标达到25件,超额完成省定目标": one indicator's target
            return "称已完成目标任务", [clause_span(cell, m.start())]
    # Every target reached, and the entry says so as a fact (已…) for at least one of them
    # (the figures of a list share the first one's 已: "利用率已达到92%,无害化处理率达到100%").
    # A running total already past the year's target is done whatever the wording.
    if targets and len(reached) == len(targets) and not _unfinished(cells, [sp for _, sp in reached]) and (any(
        "已" in s.text[s.text.find(",") + 1 :] for _, s in reached
    ) or all(t.kind == "cumulative" for t in targets)):
        return ("全部目标已实现:" + ";".join(r for r, _ in reached), [s for _, s in reached],
                _figures_rule([s for _, s in reached]))
    goals = task_goals(task.text)
    if goals:
        spans = []
        for g in goals:
            s = _achieved(g, cells, len(goals) == 1)
            if s is None:
                return None
            spans.append(s)
        return "已" + "、".join(dict.fromkeys(g[1] for g in goals)) + ":" + spans[0].text[:24], spans
    return None


def _figures_rule(spans: list[Span]) -> str:
    """The rule of a done read from figures reaching every target: ``DONE_BY_FIGURES`` when no
    figure's clause says its things are finished (rules.FINISHED_FIGURE_WORDS: 确定300户改造对象,
    61个村庄已全部开工), else a plain ``done`` (280户住房改造已全部完成: words say it too)."""
    said = any(w in normalise(sp.text) for sp in spans for w in rules.FINISHED_FIGURE_WORDS)
    return "done" if said else DONE_BY_FIGURES


_COUNTED = re.compile(r"[0-9一二两三四五六七八九十]+(?:项|个|类|种)")


def _other_count_reported(cell: Cell, subject: str, task_text: str) -> bool:
    """Is a claim of all of a counted set (四项指标均已…) about that set only: its count is not
    the task's own (the task text does not write it) and another sentence of the cell reports a
    figure of something else (单位GDP能耗上升1%)?"""
    counted = _COUNTED.findall(subject)
    if not counted or any(c in normalise(task_text) for c in counted) or any(
            w in subject for w in ("共", "全部", "所有")):
        return False  # the task's own count, or a total (涉及我市的共计20项指标均已…)
    i = cell.norm.find(subject)
    sa, sb = clauses.sentence(cell.norm, max(i, 0))
    rest = cell.norm[:sa] + "。" + cell.norm[sb:]
    return any(q.is_amount for q in find_quantities(rest))


def _restates_the_set(subject: str, task_text: str) -> bool:
    """Does a claim's subject count exactly what the task promises — every figure it writes is
    one the task text writes (7.4万口 in both)? Then it is the whole task, not a part (16个项目
    of a task promising 20 is a part)."""
    figures = re.findall(r"[0-9]+(?:\.[0-9]+)?[万亿]?", subject)
    task = normalise(task_text)
    return bool(figures) and all(re.search(rf"(?<![0-9.]){re.escape(f)}(?![0-9.])", task) for f in figures)


def _whole_entry(cell: Cell, pos: int, done_cells: list[Cell], task_text: str) -> bool:
    """Is the sentence at ``pos`` the whole entry (one done cell, one sentence) and does it name
    the task's own thing (a character pair of the task text)? Then the figure it reports is the
    task's, not one indicator of several: 农村电网改造工程 / "建设农村电网线路587.8公里,完成目标任务。"
    (but 推进某项工作 / "专利拥有量达到25件,超额完成省定目标。" is one indicator's)."""
    if len(done_cells) != 1:
        return False
    sa, sb = clauses.sentence(cell.norm, pos)
    a, b = clauses.trim(cell.norm, 0, len(cell.norm))
    if sa > a or re.sub(r"[。;；\s]", "", cell.norm[sb:b]):
        return False
    return bool(clauses.bigrams(cell.norm[sa:pos]) & clauses.bigrams(normalise(task_text)))


def _other_figure_before(cell: Cell, ca: int, ms: list[Measurement]) -> bool:
    """Does the clause before ``ca`` in its sentence report an amount that measures none of
    the task's targets (an indicator of its own, whose target the next clause says is met)?"""
    norm = cell.norm
    sa, _ = clauses.sentence(norm, ca)
    if ca <= sa:
        return False
    pa, pb = clauses.clause(norm, ca - 2)
    pa = max(pa, sa)
    if any(m.span.field == cell.field and m.span.item == cell.item and pa <= m.span.end
           and m.span.start < pb for m in ms):
        return False
    return any(q.is_amount for q in find_quantities(norm[pa:pb]))


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
    red, amber = grade_delays(delays, fig, targets, cells, {m.target for m in ms if m.target is not None}, share)
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
    if not done_cells:
        risks = amber + foreseen + risk_hits(cells)
        if risks:
            return StatusResult(Status.AT_RISK, f"完成情况为空;称“{risks[0][2]}”",
                                [clause_span(c, i) for c, i, _ in risks], "risk_words")
        return StatusResult(Status.NO_DATA, "完成情况为空", [], "empty")
    done: _Done | None = _done(task, cells, targets, ms, fig.reached)
    if done is None and share >= 1.0 and not targets and not _NOT_DONE_ANY(done_cells) \
            and not foreseen and not risk_hits(cells):
        done = _year_end_all_done(done_cells)
    if done is None and promises_one_thing(task.text, targets, len(task_goals(task.text))) \
            and not foreseen and not risk_hits(cells):
        done = finished_in_words(task.text, cells)  # 目前全部更换完毕: the work finished
    if done is None and not foreseen and not risk_hits(cells):
        # 该项目已于10月底完成: the task itself finished
        done = whole_task_finished(cells, task.text + "".join(map(str, task.extra.values())))
    if done is None and share >= 1.0 and fig.reached and not fig.slight and \
            len(fig.reached) >= fig.judged and not _NOT_DONE_ANY(done_cells) and \
            not _unfinished(cells, [sp for _, sp in fig.reached]):
        # The year is over and every judged figure met its target (完成率120%): done.
        done = ("全年目标已实现:" + ";".join(r for r, _ in fig.reached), [s for _, s in fig.reached],
                _figures_rule([s for _, s in fig.reached]))
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
    if fig.reached or fig.kept:  # a person's figure keeping pace is named (填报值, 人工更正)
        reason = (fig.reached or fig.kept)[0][0]
    return StatusResult(Status.ON_TRACK, reason, [ev] + [s for _, s in fig.reached + fig.kept], "progress")


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
    body = _LEADING_TIME.sub("", re.sub(r"^[\s,，]+", "", cell.norm))
    body = re.sub(r"^(?:前三季度|[一二三四]季度|上半年|下半年|全年|今年以来)[,,]?", "", body)
    mine = _obj_bigrams(body)
    if len(mine) < rules.RESTATE_MIN_BIGRAMS or any(ch.isdigit() for ch in body):
        return None
    task_bigrams = _obj_bigrams(normalise(task.text))
    if len(mine & task_bigrams) < rules.RESTATE_SHARE * len(mine):
        return None
    a, b = clauses.trim(cell.norm, 0, len(cell.norm))
    return Span(cell.field, cell.item, a, b, cell.text[a:b])


_UNFINISHED = re.compile(rules.UNFINISHED_STAGE)


def _unfinished(cells: list[Cell], spans: list[Span]) -> bool:
    """Does the sentence of any of these figures say its things are only basically finished or
    still under way (rules.UNFINISHED_STAGE)? Then a target reached is not a task done."""
    for sp in spans:
        for c in cells:
            if c.field == sp.field and c.item == sp.item and sp.end <= len(c.norm):
                a, _ = clauses.sentence(c.norm, sp.start)
                _, b = clauses.sentence(c.norm, max(sp.start, sp.end - 1))
                if _UNFINISHED.search(c.norm[a:b]):
                    return True
    return False


_YEAR_END_ALL_DONE = re.compile(rules.YEAR_END_ALL_DONE)


def _year_end_all_done(done_cells: list[Cell]) -> tuple[str, list[Span]] | None:
    """At the year's end, a task promising no figure reported as all done (rules.YEAR_END_ALL_DONE)
    with nothing said to be only basically finished or under way (rules.UNFINISHED_STAGE)."""
    if any(_UNFINISHED.search(c.norm) for c in done_cells):
        return None
    for c in done_cells:
        m = _YEAR_END_ALL_DONE.search(c.norm)
        if m:
            return "全年:称已全部完成", [clause_span(c, m.start())]
    return None


def _NOT_DONE_ANY(cells: list[Cell]) -> bool:
    return any(_NOT_DONE.search(c.norm) for c in cells)


