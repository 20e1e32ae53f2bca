"""Whether a task is finished, read as a careful supervisor reads an entry (rule 4 of status.py,
``done``): the entry says the task is complete, every target is reached, or every finishing
verb of the task is reported achieved — and nothing says it is only basically finished or still
under way (rules.UNFINISHED_STAGE). status.decide asks ``done``; the words are in the rules
package, docs/analysis.md explains them."""

from __future__ import annotations

import re
from functools import lru_cache

from luoshi.extract import clauses, rules
from luoshi.extract.measurements import lone_figure
from luoshi.extract.model import DONE_BY_FIGURES, Measurement, Span, Target
from luoshi.extract.numbers import find_quantities, normalise
from luoshi.extract.pace import people_first
from luoshi.extract.wording import DONE_FIELDS, Cell, clause_span
from luoshi.ingest.model import Task

_WHOLE_DONE = re.compile(rules.WHOLE_DONE)
_EXPLICIT_DONE = re.compile(rules.EXPLICIT_DONE)
_TARGET_MET = re.compile(rules.TARGET_MET)
_MARKER = re.compile(rf"(?:{rules.ACHIEVED_MARKERS})$")
LEADING_TIME = re.compile(r"^(?:[0-9]{1,2}月(?:[0-9]{1,2}日|底|末|份|初|中旬|下旬|上旬)?|目前|截至目前|现)[,,]?")
_NOT_DONE = re.compile(r"(?:尚未|还未|仍未|未能|没有|未)(?:全部|全面|最终)?(?:完成|建成|实现|竣工|完工|投用)")
_ALNUM_CJK = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")


# --- task finished? -------------------------------------------------------------------------


def obj_bigrams(text: str) -> set[str]:
    """The character pairs of a text's object, less those that name nothing (rules.STOP_BIGRAMS)."""
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
    want = obj_bigrams(obj)
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
                common = want & obj_bigrams(window)
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


Done = tuple[str, list[Span]] | tuple[str, list[Span], str]  # reason, evidence(, rule)


def read_done(task: Task, cells: list[Cell], targets: list[Target], ms: list[Measurement],
              reached: list[tuple[str, Span]]) -> Done | None:
    """Why the entry says the task is finished (reason, evidence, rule), or None."""
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
    head = LEADING_TIME.sub("", first.norm[a0:])
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
    if targets and len(reached) == len(targets) and not unfinished(cells, [sp for _, sp in reached]) and (any(
        "已" in s.text[s.text.find(",") + 1 :] for _, s in reached
    ) or all(t.kind == "cumulative" for t in targets)):
        return ("全部目标已实现:" + ";".join(r for r, _ in reached), [s for _, s in reached],
                figures_rule([s for _, s in reached]))
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


def figures_rule(spans: list[Span]) -> str:
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


_UNFINISHED = re.compile(rules.UNFINISHED_STAGE)


def unfinished(cells: list[Cell], spans: list[Span]) -> bool:
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


def year_end_all_done(done_cells: list[Cell]) -> tuple[str, list[Span]] | None:
    """At the year's end, a task promising no figure reported as all done (rules.YEAR_END_ALL_DONE)
    with nothing said to be only basically finished or under way (rules.UNFINISHED_STAGE)."""
    if any(_UNFINISHED.search(c.norm) for c in done_cells):
        return None
    for c in done_cells:
        m = _YEAR_END_ALL_DONE.search(c.norm)
        if m:
            return "全年:称已全部完成", [clause_span(c, m.start())]
    return None


def not_done_said(cells: list[Cell]) -> bool:
    """Does any cell say something is not yet finished (尚未完成, 未能建成)?"""
    return any(_NOT_DONE.search(c.norm) for c in cells)


_BASICALLY = re.compile(rules.BASICALLY_ONLY)


def basically_only(done_cells: list[Cell]) -> Span | None:
    """The sentence of an entry that says, as a sentence of its own, that the work is only
    basically finished (基本完成。: rules.BASICALLY_ONLY), else None: then the task is not done,
    whatever a later clause reports finished (BASICALLY FINISHED IS NOT DONE)."""
    for c in done_cells:
        for a, b in clauses.split(c.norm, clauses.SENTENCE_END):
            a, b = clauses.trim(c.norm, a, b)
            if _BASICALLY.fullmatch(c.norm[a:b].rstrip(rules.LONE_FIGURE_TRIM)):
                return Span(c.field, c.item, a, b, c.text[a:b])
    return None


_ALL_FINISHED = re.compile(rules.ALL_FINISHED)


def all_finished(task_text: str, done_cells: list[Cell]) -> tuple[str, list[Span]] | None:
    """(reason, evidence) when the one done cell's first sentence says all of the task's things
    are finished (ALL OF IT FINISHED: rules.ALL_FINISHED, 照明设施已于4月全部安装完毕), else None."""
    if len(done_cells) != 1 or not_done_said(done_cells):
        return None
    cell = done_cells[0]
    a, b = clauses.trim(cell.norm, 0, len(cell.norm))
    head = LEADING_TIME.sub("", cell.norm[a:b])
    a += (b - a) - len(head)
    m = _ALL_FINISHED.match(head)
    if m is None or not any(w in m.group(0)[len(m.group("subj")):] for w in rules.ALL_FINISHED_WHOLE):
        return None
    task = normalise(task_text)
    words = (*rules.PARTIAL_WORDS, *rules.SCOPE_WORDS, *rules.ONGOING_WORDS, *rules.FUTURE_IN_SENTENCE)
    if any(w in cell.norm and w not in task for w in words) or _UNFINISHED.search(cell.norm):
        return None
    if not obj_bigrams(m.group("subj")) & obj_bigrams(task):
        return None  # the subject names none of the task's things
    return f"称已全部完成:{cell.text[a : a + m.end()]}", [clause_span(cell, a + m.start())]
