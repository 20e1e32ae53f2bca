"""The words of an entry, as a supervisor reads them: stated delays graded red or amber (a part,
a severity, a pace of comparative degree), risks foreseen, nothing begun, ahead of schedule.
The status rules (status.py) ask it; the words and thresholds are in the rules package (luoshi/extract/rules/)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi.extract import clauses, rules
from luoshi.extract.model import FIELD_ACTUAL, FIELD_DONE, FIELD_PROBLEMS, Span, Target
from luoshi.extract.numbers import find_quantities, normalise
from luoshi.extract.pace import Verdicts, pace_band
from luoshi.extract.table import actual_cells
from luoshi.ingest.model import Task

_CANCELLED = re.compile(rules.CANCELLED)
_RISK_GAP = re.compile(rules.RISK_GAP)
_RISK_SLOWDOWN = re.compile(rules.RISK_SLOWDOWN)
_DELIBERATE = re.compile(rules.DELIBERATE_DEFERRAL)
_PENDING = re.compile(rules.RESOLVE_PENDING)
_MOVE = re.compile(rf"(?:{rules.RESCHEDULE_MOVE})(?:{rules.RESCHEDULE_DATE})")
_SET = re.compile(rf"(?:{rules.RESCHEDULE_SET})(?:{rules.RESCHEDULE_DATE})")
_MISSED = re.compile(rules.RESCHEDULE_MISSED)
_NEW_MONTH = re.compile(r"([0-9]{1,2})月")  # the month a milestone is moved to


@dataclass(frozen=True)
class Cell:
    field: str
    item: int
    text: str  # as in the source
    norm: str  # normalised, same length


DONE_FIELDS = (FIELD_DONE, FIELD_ACTUAL)


def cells_of(task: Task, fields: tuple[str, ...], month: int | None = None) -> list[Cell]:
    """The task's cells of ``fields``; with FIELD_DONE its achieved-figure columns' too
    (table.actual_cells; ``month`` the last month of the report's period, when known)."""
    out = []
    for i, it in enumerate(task.items):
        for f in fields:
            t = getattr(it, f) or ""
            if t.strip():
                out.append(Cell(f, i, t, normalise(t)))
    if FIELD_DONE in fields:  # an achieved-figure column of the row reports progress too
        out += [Cell(FIELD_ACTUAL, None, t, normalise(t)) for t in actual_cells(task, month)]  # type: ignore[arg-type]
    return out


def clause_span(cell: Cell, pos: int) -> Span:
    a, b = clauses.clause(cell.norm, pos)
    a, b = clauses.trim(cell.norm, a, b)
    if a >= b:
        a, b = pos, min(len(cell.text), pos + 1)
    return Span(cell.field, cell.item, a, b, cell.text[a:b])


def negated(norm: str, pos: int) -> bool:
    before = norm[max(0, pos - 4) : pos]
    return any(before.endswith(n) for n in rules.NEGATIONS)


def foreign(norm: str, pos: int) -> bool:
    a, _ = clauses.clause(norm, pos)
    s, _ = clauses.sentence(norm, pos)
    # 审计发现农村公路建设投资不足,港口设施建设滞后 — the finding runs over the sentence.
    return any(w in norm[a:pos] for w in rules.FOREIGN_CONTEXT) or "发现" in norm[s:pos]


@lru_cache(maxsize=64)  # a few word lists of the rules package, asked for every cell of every task
def _longest_first(words: tuple[str, ...]) -> list[str]:
    return sorted(words, key=len, reverse=True)


def word_hits(cells: list[Cell], words: tuple[str, ...]) -> list[tuple[Cell, int, str]]:
    hits = []
    ordered = _longest_first(words)
    anywhere = clauses.any_word(words)
    for cell in cells:
        if anywhere.search(cell.norm) is None:
            continue  # none of the words: one pass over the cell instead of one per word
        for w in ordered:
            start = 0
            while True:
                i = cell.norm.find(w, start)
                if i < 0:
                    break
                start = i + len(w)
                if negated(cell.norm, i) or foreign(cell.norm, i):
                    continue
                if any(h[0] is cell and h[1] <= i < h[1] + len(h[2]) for h in hits):
                    continue
                hits.append((cell, i, w))
    return hits


def _not_a_delay(cell: Cell, i: int, w: str) -> bool:
    """A delay word that does not say this task lags: a state, a missing means, a saving."""
    norm = cell.norm
    a, b = clauses.clause(norm, i)
    if w == "滞后" and any(norm[a:i].endswith(d) for d in rules.STATE_DEGREE) and not any(
        s in norm[a:b] for s in rules.SCHEDULE_WORDS
    ):
        return True  # 队伍建设较为滞后: underdeveloped, not late
    if w in rules.MEANS_INABILITY:
        rest = norm[i + len(w) : b]
        if clauses.cjk_count(rest) >= 2 and not any(t in rest for t in rules.TASK_AIM_WORDS):
            return True  # 无法实现数据对接: a tool is missing
    return any(a + m.start() <= i < a + m.end() for m in _DELIBERATE.finditer(norm[a:b]))


def _hedged(norm: str, i: int) -> bool:
    a, _ = clauses.clause(norm, i)
    return any(h in norm[max(a, i - 6) : i] for h in rules.HEDGES)


def mild(norm: str, i: int) -> bool:
    return any(norm[max(0, i - 4) : i].endswith(q) for q in rules.MILD_QUALIFIERS)


def delay_hits(cells: list[Cell]) -> tuple[list[tuple[Cell, int, str]], list[tuple[Cell, int, str]]]:
    """(stated delays, foreseen ones): "可能推迟" foresees, it does not state."""
    hits = []
    hedged = []
    for h in word_hits(cells, rules.DELAY_WORDS):
        cell, i, w = h
        if _not_a_delay(cell, i, w):
            continue
        (hedged if _hedged(cell.norm, i) else hits).append(h)
    for cell in cells:
        for m in _CANCELLED.finditer(cell.norm):
            i = m.end() - 2
            if not foreign(cell.norm, i):
                hits.append((cell, i, "取消"))
    return hits, hedged


def risk_hits(cells: list[Cell]) -> list[tuple[Cell, int, str]]:
    """Risks the entry names: a risk word whose clause speaks of the aim or time
    (rules.RISK_CONTEXT), a gap or a slowdown, and a setback still being resolved — a setback
    word (rules.OBSTACLE_WORDS) in an entry that says the matter is being resolved
    (rules.RESOLVE_PENDING: 销路中断 … 争取年内解决)."""
    hits = []
    for cell, i, w in word_hits(cells, rules.RISK_WORDS):
        a, b = clauses.clause(cell.norm, i)
        if any(c in cell.norm[a:b] for c in rules.RISK_CONTEXT):
            hits.append((cell, i, w))
    if any(_PENDING.search(c.norm) for c in cells):  # a setback still being resolved
        hits += word_hits(cells, rules.OBSTACLE_WORDS)
    for cell in cells:
        for pattern in (_RISK_GAP, _RISK_SLOWDOWN):
            for m in pattern.finditer(cell.norm):
                if not negated(cell.norm, m.start()):
                    hits.append((cell, m.start(), m.group(0)))
    return hits


def scoped(norm: str, i: int) -> bool:
    """Does a scope word limit the word at ``i`` to a part of the task: a word of part (个别,
    部分 …) before it in its clause, or of degree (略, 稍) right before it (启动略延迟)?"""
    a, _ = clauses.clause(norm, i)
    before = norm[a:i]
    return any(w in before for w in rules.SCOPE_WORDS) or any(
        w in norm[max(a, i - rules.SLIGHT_WINDOW) : i] for w in rules.SLIGHT_WORDS)


def severe(norm: str, i: int, w: str) -> bool:
    a, _ = clauses.clause(norm, i)
    # The window runs through the word: a severity word may share its characters (远低于预期).
    return any(s in w for s in rules.SEVERITY_WORDS) or any(
        s in norm[max(a, i - 6) : i + len(w)] for s in rules.SEVERITY_WORDS)


def grade_delays(delays: list[tuple[Cell, int, str]], fig: Verdicts, targets: list[Target] | None = None,
                 cells: list[Cell] | None = None, measured: set[int] | None = None, share: float = 1.0,
                 task_text: str = "",
                 ) -> tuple[list[tuple[Cell, int, str]], list[tuple[Cell, int, str]]]:
    """(red, amber): a delay limited to a part (个别项目滞后, 启动略延迟) is amber; a severe one
    (严重滞后, 无法完成) red; one of comparative degree (进度较慢: rules.COMPARATIVE_DELAY_WORDS)
    amber; a plain one red unless the task's figures keep pace. ``cells`` are the task's cells:
    a plain delay in one done cell while another sentence or another item's done cell reports a
    part achieved is of a part (``_other_part_achieved``). A delay naming the thing of one target
    no figure measures (``measured``: indices of targets with figures), while the figures keep
    pace, is of that part, severe or not (rules.NAMED_PART_MIN_BIGRAMS); so is a plain one in the
    bracket after a share of the task done that keeps the amber band at the time share ``share``
    (80%(某幼儿园进度滞后): rules.LEADING_SHARE); and a plain one said of one of the things the
    task text lists (``task_text``) while another sentence reports on another of them with no
    delay (ONE OF THE LISTED THINGS, ``_one_listed_part``)."""
    red, amber = [], []
    parts = listed_parts(task_text) if delays else []  # only a delay needs them
    keeps_pace = fig.paced > 0 and not fig.behind
    for h in delays:
        cell, i, w = h
        if keeps_pace and _names_unmeasured_part(cell.norm, i, targets or [], measured or set()):
            amber.append(h)
        elif scoped(cell.norm, i) or (not severe(cell.norm, i, w) and (
                _part_count(cell.norm, i, targets or []) or _other_part_achieved(cell, i, cells or [])
                or _leading_share_keeps(cell, share)
                or _one_listed_part(cell, i, parts, cells or [], delays))):
            amber.append(h)
        elif severe(cell.norm, i, w):
            red.append(h)
        elif keeps_pace or mild(cell.norm, i) or w in rules.COMPARATIVE_DELAY_WORDS:
            amber.append(h)
        else:
            red.append(h)
    # One delay told twice: the done cell reports it of a part (amber) and a sentence of the
    # problems cell explains it with the same word — that sentence is of that part, not of the
    # whole ("部分县区进度比较缓慢" / "某区…造成进场滞后,进度相对缓慢").
    told = {w for c, _, w in amber if c.field in DONE_FIELDS}

    def explains(h: tuple[Cell, int, str]) -> bool:
        a, b = clauses.sentence(h[0].norm, h[1])
        return any(w in h[0].norm[a:b] for w in told)

    again = [h for h in red if h[0].field == FIELD_PROBLEMS and explains(h) and not severe(h[0].norm, h[1], h[2])]
    return [h for h in red if h not in again], amber + again


def listed_parts(task_text: str) -> list[frozenset[str]]:
    """The character pairs of each thing a task text lists (新章镇大桥、彩虹桥新建等项目: two),
    less the pairs two of them share; [] when it lists fewer than two (rules.LISTED_PART_BREAKS)."""
    parts = [clauses.bigrams(p) for p in re.split(rules.LISTED_PART_BREAKS, normalise(task_text))]
    parts = [p for p in parts if len(p) >= rules.NAMED_PART_MIN_BIGRAMS]
    if len(parts) < 2:
        return []
    common = {b for k, p in enumerate(parts) for q in parts[k + 1 :] for b in p & q}
    return [p - common for p in parts]


def _names(text: str, parts: list[frozenset[str]]) -> int | None:
    """The one listed thing a text names (more of its pairs than of any other's, at least
    rules.NAMED_PART_MIN_BIGRAMS), else None."""
    words = clauses.bigrams(text)
    hits = sorted(((len(words & p), k) for k, p in enumerate(parts)), reverse=True)
    (best, k), (second, _) = hits[0], hits[1]
    return k if best >= rules.NAMED_PART_MIN_BIGRAMS and best > second else None


def _one_listed_part(cell: Cell, i: int, parts: list[frozenset[str]], cells: list[Cell],
                     delays: list[tuple[Cell, int, str]]) -> bool:
    """ONE OF THE LISTED THINGS: does the sentence of the delay at ``i`` name one of the things
    the task lists, while another sentence of the done cells names another of them and states
    no delay (彩虹桥新建按要求推进相关工作 beside 新章镇大桥:…项目暂缓)? Then a part lags."""
    if not parts or cell.field not in DONE_FIELDS:
        return False
    sa, sb = clauses.sentence(cell.norm, i)
    mine = _names(cell.norm[sa:sb], parts)
    if mine is None:
        return False
    for c in cells:
        if c.field not in DONE_FIELDS:
            continue
        for a, b in clauses.split(c.norm, clauses.SENTENCE_END):
            if c is cell and a < sb and sa < b:
                continue  # the delay's own sentence
            if any(h[0] is c and a <= h[1] < b for h in delays):
                continue  # that thing lags too
            other = _names(c.norm[a:b], parts)
            if other is not None and other != mine:
                return True
    return False


_ACHIEVED_FACT = re.compile(rules.ACHIEVED_FACT)
_LEADING_SHARE = re.compile(rules.LEADING_SHARE)


def leading_share(cell: Cell) -> float | None:
    """The share of the task done a done cell opens with, before a bracket (rules.LEADING_SHARE:
    "80%(某项进度滞后)"), as a fraction; None when it opens otherwise."""
    if cell.field not in DONE_FIELDS:
        return None
    m = _LEADING_SHARE.match(cell.norm)
    return float(m.group("v")) / rules.PERCENT if m else None


def _leading_share_keeps(cell: Cell, share: float) -> bool:
    done = leading_share(cell)
    return done is not None and done > 0 and pace_band(done, share) != "red"


def _names_unmeasured_part(norm: str, i: int, targets: list[Target], measured: set[int]) -> bool:
    """Does the sentence of the delay at ``i`` name the thing of one of several targets (more
    character pairs of its metric than of any other's, at least rules.NAMED_PART_MIN_BIGRAMS),
    a target no figure measures? Then it says that part lags, not the task."""
    if len(targets) < 2:
        return False
    a, b = clauses.sentence(norm, i)
    words = clauses.bigrams(norm[a:b])
    shared = sorted(((len(words & clauses.bigrams(t.metric)), k) for k, t in enumerate(targets)), reverse=True)
    (best, k), (second, _) = shared[0], shared[1]
    return best >= rules.NAMED_PART_MIN_BIGRAMS and best > second and k not in measured


def _part_count(norm: str, i: int, targets: list[Target]) -> bool:
    """Is the delay at ``i`` said of a count of part of the set a target promises: a count in
    its clause or the PART_COUNT_CLAUSES - 1 clauses before it in its sentence, of a running
    total's unit family and smaller than it (6条 promised; "2条处于实施阶段,进度相对滞后"), with
    no achievement in those clauses (then the count is of the part achieved)? Not severe ones."""
    sets = [t for t in targets if t.kind == "cumulative" and t.family == "count"]
    if not sets:
        return False
    sa, _ = clauses.sentence(norm, i)
    a, _ = clauses.clause(norm, i)
    for _ in range(rules.PART_COUNT_CLAUSES - 1):
        if a - 1 <= sa:
            break
        a, _ = clauses.clause(norm, a - 2)
    a = max(a, sa)
    if _ACHIEVED_FACT.search(norm[a:i]):
        return False  # the count is of the part achieved ("3个已完成,其余进度滞后"), not the one lagging
    for q in find_quantities(norm[a:i]):
        if q.family == "count" and q.is_amount and any(0 < q.value * q.factor < t.base_amount for t in sets):
            return True
    return False


def _other_part_achieved(cell: Cell, i: int, cells: list[Cell]) -> bool:
    """Does another sentence of the same done cell, or the done cell of another of the task's
    items (a sub-item is a part of the task: 推进小船厂整治 / 推进友联升级), report a part achieved
    (已完成…, 已建成…)? Then a delay stated in one sentence concerns a part, not the whole."""
    if cell.field not in DONE_FIELDS:
        return False
    sa, sb = clauses.sentence(cell.norm, i)
    rest = cell.norm[:sa] + "。" + cell.norm[sb:]
    others = [c.norm for c in cells if c.field in DONE_FIELDS and c is not cell
              and c.item is not None and c.item != cell.item]
    return any(_ACHIEVED_FACT.search(t) for t in (rest, *others))


def not_started(cells: list[Cell]) -> tuple[bool, Cell, int, str] | None:
    """(whole task?, where, word) for "尚未启动" in a done cell: whole when the entry reports
    nothing achieved besides and no scope word limits it."""
    for h in word_hits([c for c in cells if c.field in DONE_FIELDS], rules.NOT_STARTED_WORDS):
        cell, i, w = h
        a, b = clauses.clause(cell.norm, i)
        rest = cell.norm[:a] + cell.norm[b:]
        whole = not scoped(cell.norm, i) and not any(x in rest for x in ("已", "完成", "累计")) and not (
            leading_share(cell) or 0) > 0  # 50%(马站未开工): half done, a part not begun
        return whole, cell, i, w
    return None


_EXCEPT_DONE = re.compile(rules.EXCEPT_DONE)
_EXCEPT_SHOWN = 8  # characters of the exceptions a reason quotes (the evidence spans hold all)


def exceptions_named(cells: list[Cell]) -> list[tuple[Cell, int, str]]:
    """(where, words) for each "all done but the ones named" in a done cell (rules.EXCEPT_DONE):
    the named units or projects have not done it, a part lags."""
    out = []
    for cell in cells:
        if cell.field not in DONE_FIELDS:
            continue
        for m in _EXCEPT_DONE.finditer(cell.norm):
            if any(w in m.group("who") for w in rules.EXCEPT_WHO):
                who = m.group("who")
                who = who if len(who) <= _EXCEPT_SHOWN else who[:_EXCEPT_SHOWN] + "…"
                out.append((cell, m.start(), f"除{who}外"))
    return out


def ahead_words(cells: list[Cell]) -> tuple[Cell, int, str] | None:
    hits = word_hits(cells, rules.AHEAD_WORDS)
    return hits[0] if hits else None


def rescheduled(cells: list[Cell], year: int | None = None,
                month: int | None = None) -> list[tuple[Cell, int, int, str]]:
    """(cell, start, end, words) of each milestone moved to a new date of the same year
    (RESCHEDULED, rules.RESCHEDULE_MOVE): 推迟至11月; or 调整至/改为/定于 a date in a done cell
    that says the first date cannot be kept (不能于9月30日前完成, 原定9月底). Not a move to a
    later year (rules.RESCHEDULE_LATER, or a year after ``year``), nor to a month already over
    by the report's last month ``month`` (the new date passed unreported: still late), nor one
    negated or foreign."""
    out = []
    for cell in cells:
        if cell.field not in DONE_FIELDS:
            continue
        found = list(_MOVE.finditer(cell.norm))
        if _MISSED.search(cell.norm):
            found += list(_SET.finditer(cell.norm))
        for m in found:
            words = m.group(0)
            later = any(w in words for w in rules.RESCHEDULE_LATER) or (
                m.group("year") is not None and year is not None and len(m.group("year")) == 4
                and int(m.group("year")) > year)
            new_month = _NEW_MONTH.search(words)
            later = later or (new_month is not None and month is not None
                              and int(new_month.group(1)) < month)
            if later or negated(cell.norm, m.start()) or foreign(cell.norm, m.start()) \
                    or severe(cell.norm, m.start(), words):
                continue
            out.append((cell, m.start(), m.end(), words))
    return out
