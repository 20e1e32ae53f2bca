"""What the progress text reports for a task's targets: "1-9月,累计到位资金15.98亿元".

The candidate figures of a cell and the filters that leave out the figures that are no
measurements; matching.py says which target each remaining figure measures (its rule there).
Figures that restate the plan (占全年计划24.6
亿元), look ahead (预计新增3家), count what remains (剩余5个) or break a total down (其中…)
are not measurements, nor is a project's budget (总投资约260万元, 投资约250万元) in a
sentence with no word of things done before it (已安排36个项目,总投资882.1亿元 measures what
was arranged). Stated completion shares (完成年度计划61.98%) attach to the figure in the same
sentence as ``ratio_stated``; one of a whole named with 总 (占总投资…的96%) marks a multi-year
whole's figure (rules.SHARE_OF_TOTAL).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi.extract import clauses, rules
from luoshi.extract.model import FIELD_DONE
from luoshi.extract.numbers import (
    Quantity,
    blank_quantities,
    find_quantities,
    normalise,
    parse_numeral,
)
from luoshi.extract.periods import PeriodMention, find_periods
from luoshi.extract.progress_plan import plan_figures

_FURTHER = re.compile(rules.FURTHER_CHANGE)
_SET_AMONG = re.compile(rules.SET_AMONG)
_MINUS_AFTER = re.compile(rules.MINUS_AFTER)
_SET_OPEN = re.compile(rules.SET_SIZE_BRACKETED)
_SET_CLOSE = re.compile(rules.SET_SIZE_AFTER)
_SET_OF = re.compile(rules.SET_THEN_PART_OF)
# Words that make a clause more than the name of a set: it reports something itself.
_VERBS_AFTER_SET = rules.SUBJECT_LINK_VERBS + rules.ACHIEVED_CUES
_RATIO_RE = re.compile(r"(?:" + "|".join(rules.RATIO_STATED_PATTERNS) + r")\s*$")
_RATIO_LIST = re.compile(rules.RATIO_LIST_JOINERS)
_PLAN_REST = re.compile(rules.PLAN_FIGURE_REST)
_FROM_BEFORE = re.compile(rules.FROM_LEVEL_BEFORE)
_FROM_AFTER = re.compile(rules.FROM_LEVEL_AFTER)
_PLAN_VERB = re.compile(rules.PLAN_VERB)
_DUE = re.compile(rules.DUE_VERB)
_WHOLE_BEFORE, _WHOLE_AFTER = re.compile(rules.SHARE_WHOLE_BEFORE), re.compile(rules.SHARE_WHOLE_AFTER)
_OF_TOTAL, _CLASS_AFTER = re.compile(rules.SHARE_OF_TOTAL), re.compile(rules.CLASS_BRACKETED_AFTER)
_BUDGET = re.compile(rules.BUDGET_BEFORE)
_OBJECT_CAPACITY, _CJK = re.compile(rules.OBJECT_CAPACITY_BEFORE), re.compile(r"[\u4e00-\u9fff]")
_BUDGET_BARE = re.compile(rules.BUDGET_BARE)
_INC = ("同比增长", "增长", "提高", "增加", "上升", "增幅为", "增速为", "增幅", "增速")
_DEC = ("同比下降", "下降", "降低", "减少", "降幅为", "降幅", "回落", "压减", "压缩", "削减")


@dataclass
class Candidate:
    q: Quantity
    field: str
    item: int | None
    text: str  # the source field text (not normalised)
    clause: tuple[int, int]
    sentence: tuple[int, int]
    context: str
    direction: int  # +1 增长, -1 下降, 0 neither (for rates)
    period: PeriodMention | None
    ratio_stated: float | None = None
    score: int = 0  # metric words shared with its target
    # "breakdown" (其中…: a part of a total), "estimate" (预计…), "further" (再压减25%: a step
    # on a changed base), "set" (生活小区(30个):…), "total" (占总投资…的96%), "" for a plain one.
    # Only plain figures measure targets; the others are reported as other figures.
    flag: str = ""
    # The set the figure is about when its clause opens with one ("132个重点项目…完成投资
    # 439.9亿元": (132, "个")); it reports on a target that promises that very set.
    subject: tuple[float, str] | None = None
    negative: bool = False  # written with a minus sign ("增幅-1.1%")
    lone: bool = False  # the cell is this figure alone (lone_figure): its target says its sense


@dataclass
class RatioStatement:
    value: float  # percent
    start: int
    end: int
    sentence: tuple[int, int]
    field: str
    item: int | None
    text: str
    annual: bool
    attached: bool = False  # given to a figure of its sentence as its ratio_stated
    lone: bool = False  # a lone per cent cell: a share of the task done unless it measures a target
    # The words of the thing the share is of, when its clause names one (转运站建设完成率100%:
    # 转运站建设), as bigrams; empty when it names none (完成率80%, 年度计划完成率70%).
    subject: frozenset[str] = frozenset()
    list_of: int = -1  # start of the first share of the list it belongs to (57%、37%和70%)
    each: bool = False  # the list is said 分别 of the figures before it


def _breakdown_scopes(norm: str) -> list[tuple[int, int]]:
    out = []
    for w in rules.BREAKDOWN_WORDS:
        for m in re.finditer(w, norm):
            a = m.start()
            # Inside parentheses the breakdown ends at the closing one, else at the sentence end.
            open_paren = max(norm.rfind("(", 0, a), norm.rfind("（", 0, a))
            close_before = max(norm.rfind(")", 0, a), norm.rfind("）", 0, a))
            if open_paren > close_before:
                ends = [i for i in (norm.find(")", a), norm.find("）", a)) if i >= 0]
                b = min(ends) if ends else len(norm)
            else:
                b = len(norm)
                for ch in "。\n":
                    i = norm.find(ch, a)
                    if i >= 0:
                        b = min(b, i)
            out.append((a, b))
    return out


def lone_figure(text: str) -> Quantity | None:
    """The one figure a cell consists of ("6公里", "1个", "60%", trailing 。 allowed), else None.

    Rule (rules.LONE_FIGURE_TRIM, docs/analysis.md): a progress cell that is nothing but a figure
    reports that figure as achieved — an amount measures the task's target of its unit, a per
    cent is the share of the whole task done (形象进度) — and is never boilerplate."""
    return _lone_figure(text) if text and len(text) <= rules.LONE_FIGURE_MAX else None


@lru_cache(maxsize=4096)
def _lone_figure(text: str) -> Quantity | None:
    norm = normalise(text)
    a, b = len(norm) - len(norm.lstrip(rules.LONE_FIGURE_TRIM)), len(norm.rstrip(rules.LONE_FIGURE_TRIM))
    if a >= b or not norm[a].isdigit():
        return None  # a figure alone starts with its number
    qs = [q for q in find_quantities(norm[a:b]) if q.is_amount]
    return qs[0] if len(qs) == 1 and qs[0].start == 0 and qs[0].end == b - a else None


def scan(text: str, field: str = FIELD_DONE, item: int | None = None):
    """Measurement candidates and stated completion shares in one progress cell."""
    norm = normalise(text)
    lone = lone_figure(text)
    if lone is not None and lone.family == "percent":
        # A lone per cent measures the task's per-cent target when it has one (a level or a
        # growth: the cell has no words to say which, the target does); else it is the share
        # of the task done, a completion share (analyze drops the share when it measures) —
        # not said to be of the year's plan (a project may run over years), so not judged
        # against the time share: 100% is done, less is progress.
        a = len(norm) - len(norm.lstrip(rules.LONE_FIGURE_TRIM))
        q = dataclasses.replace(lone, start=a + lone.start, end=a + lone.end,
                                num_start=a + lone.num_start, num_end=a + lone.num_end)
        whole = (0, len(norm))
        return ([Candidate(q, field, item, text, whole, whole, "", 0, None, lone=True)],
                [RatioStatement(lone.value, q.start, q.end, whole, field, item, text, False, lone=True)])
    periods = find_periods(norm)
    mask = [(p.start, p.end) for p in periods]
    scopes = _breakdown_scopes(norm)
    cands: list[Candidate] = []
    ratios: list[RatioStatement] = []
    contexts: dict[tuple[int, int], str] = {}
    quantities = find_quantities(norm, mask)
    blank = blank_quantities(norm, quantities)
    restated = _achieved_restatements(norm)
    if restated:  # 已完成“压减10%”的任务: 10% achieved, not a name
        quantities = [dataclasses.replace(q, label="") if q.label and q.family is not None
                      and any(a < q.start < b for a, b in restated) else q for q in quantities]
    subjects: dict[int, tuple[float, str]] = {}  # quantity start -> the set it is about
    planned = {q.num_start for _, q in plan_figures(norm, quantities)}  # 全年计划新增5000人
    for q in quantities:
        if not q.is_amount or q.num_start in planned:
            continue
        if q.family == "age" and not any(w in norm[max(0, q.start - 12) : q.start]
                                         for w in rules.AGE_LEVEL_WORDS):
            continue
        ca, cb = clauses.clause(norm, q.num_start)
        sa, sb = clauses.sentence(norm, q.num_start)
        negative = (q.num_start > 0 and norm[q.num_start - 1] in rules.MINUS_SIGNS
                    and bool(_MINUS_AFTER.search(norm, max(0, q.num_start - 3), q.num_start - 1)))
        before = norm[ca : q.num_start - 1 if negative else q.num_start]
        if _names_things(q, before):
            continue  # 两处学校正加快施工: the things the clause is about (rules.CN_COUNT_REFERENCE_MAX)
        if _work_heading(norm, ca, cb, sa, sb):
            continue  # 甲校等7所学校改造工程:正在招标 — the work's size (rules.WORK_NAME_END)
        if _OBJECT_CAPACITY.search(norm, max(0, q.num_start - 8), q.num_start) and _CJK.match(norm, q.end):
            continue  # 年产20万吨低温肉制品项目: the plant's name (rules.OBJECT_CAPACITY_BEFORE)
        if q.family == "percent":
            m = _RATIO_RE.search(norm[sa : q.num_start])
            prev = ratios[-1] if ratios and ratios[-1].sentence == (sa, sb) else None
            if m is None and prev is not None and _RATIO_LIST.fullmatch(norm[prev.end : q.num_start]):
                ratios.append(RatioStatement(q.value, q.start, q.end, (sa, sb), field, item, text,
                                             prev.annual, list_of=prev.list_of, each=prev.each))
                continue  # 57%、37%和70%: the next of a list
            if m:
                # The words saying whose share it is may open the clause before the phrase:
                # 年度计划完成率45% is a share of the year's plan.
                phrase = norm[min(ca, sa + m.start()) : q.end]
                ratios.append(RatioStatement(q.value, q.start, q.end, (sa, sb), field, item, text,
                                             any(w in phrase for w in rules.ANNUAL_RATIO_WORDS),
                                             subject=_share_subject(norm[ca : sa + m.start()]),
                                             list_of=q.start,
                                             each=any(w in norm[ca : q.num_start]
                                                      for w in rules.RESPECTIVELY_WORDS)))
                continue
        flag = "breakdown" if any(a <= q.num_start < b for a, b in scopes) else ""
        if any(before.endswith(w) for w in rules.PLAN_FIGURE_BEFORE):
            continue
        if (_BUDGET.search(before) or _BUDGET_BARE.search(before)) and not any(
            w in norm[sa : q.num_start] for w in rules.BUDGET_SPENT
        ):
            continue  # 该项目总投资约260万元: the project's budget, not money spent
        if any(norm.startswith(w, q.end) for w in rules.PLAN_FIGURE_AFTER):
            continue
        if (_SET_OPEN.search(norm, ca, q.num_start) and _CLASS_AFTER.match(norm, q.end)) or (
                _WHOLE_BEFORE.search(before) and _WHOLE_AFTER.match(norm, q.end)):
            continue  # 46个(20户以上)自然村: a class counted; 占总投资34.6亿元的96%: a share's whole
        if _FROM_BEFORE.search(before) and _FROM_AFTER.match(norm[q.end : cb]):
            continue  # 从580元提高到610元: the level it started from (rules.FROM_LEVEL_BEFORE)
        if _PLAN_REST.search(norm[q.end : cb]) or _PLAN_VERB.search(before) or _DUE.search(before):
            continue  # 计划新增50家; 应开工项目30个 (rules.DUE_VERB)
        if q.family != "percent" and _SET_AMONG.match(norm, q.end):
            continue  # "4个结构性指标中,…": the whole the next figures are taken from
        later = next((p for p in quantities if p.is_amount and q.end <= p.start < cb), None)
        if (later is None and cb < sb and q.family != "percent"
                and len(before.strip()) <= rules.SET_LEAD_MAX
                and clauses.cjk_count(norm[q.end : cb]) >= 2
                and not any(w in norm[ca:cb] for w in _VERBS_AFTER_SET)):
            # The set alone in its clause, the next opening with the verb of reporting.
            na, nb = clauses.clause(norm, cb + 1)
            if any(norm.startswith(w, na) for w in rules.SUBJECT_LINK_VERBS):
                later = next((p for p in quantities if p.is_amount and p.family != "percent"
                              and na <= p.start < nb), None)
            elif _SET_OF.match(norm, q.end) and (part := _part_done(norm, quantities, q, na, nb)):
                subjects[part.start] = (q.value, q.unit)
                continue  # 34个村的污水改造工作,12个村完工: X of Y (rules.SET_THEN_PART_DONE)
        between = norm[q.end : later.num_start] if later is not None else ""
        if (between and q.family != "percent"  # a share names no set (隧道完成80%、…完成85%)
                and not any(a <= later.num_start < b for a, b in scopes)
                and not any(ch in between for ch in "(（")
                and any(w in between for w in rules.SUBJECT_LINK_VERBS)):
            subjects[later.start] = (q.value, q.unit)
            continue
        if any(w in before for w in rules.REMAINDER_WORDS):
            continue
        if any(w in norm[q.end : cb] for w in (*rules.NOT_STARTED_WORDS, *rules.NOT_BEGUN_AFTER)):
            continue  # 建设2公里未启动: what is still to do (NOT YET BEGUN)
        ahead = _future(norm, periods, sa, ca, q.num_start)
        if ahead == "future":
            continue
        flag = flag or ahead
        if q.family == "percent" and _FURTHER.search(before):
            flag = flag or "further"
        if _SET_OPEN.search(norm, ca, q.num_start) and _SET_CLOSE.match(norm, q.end):
            flag = flag or "set"  # 生活小区(30个):13个已完成 — the 30 is the set's size
        direction = 0
        near = norm[max(ca, q.num_start - 6) : q.num_start].replace("增加值", "   ")  # a noun
        if any(near.endswith(w) or w in near for w in _DEC):
            direction = -1
        elif any(near.endswith(w) or w in near for w in _INC):
            direction = 1
        elif cands and cands[-1].clause == (ca, cb) and norm[cands[-1].q.end : q.num_start].strip() in (
            rules.FIGURE_JOINERS
        ):
            direction = cands[-1].direction  # "分别下降22.7%和34.6%": both fell
        elif q.family == "percent":
            # A verb of change may stand before the metric, as in a task text (已压减一般性支出5%):
            # the verb opening the figure's clause (after 已, 累计 …: rules.VERB_BEFORE_METRIC_LEAD).
            head = _LEAD.sub("", norm[ca : q.num_start])
            if head.startswith(_DEC):
                direction = -1
            elif head.startswith(_INC) and not head.startswith("增加值"):
                direction = 1
        period = _period_before(periods, sa, q.num_start)
        ctx = _context(blank, ca, cb, sa, contexts)
        # Figures listed with 、 in one clause each have their own words ("竣工4523套、交付1983套").
        others = [p for p in quantities if p is not q and p.is_amount and ca <= p.start < cb]
        prev = [p for p in others if p.end <= q.start]
        nxt = [p for p in others if p.start >= q.end]
        lo = norm.rfind("、", prev[-1].end, q.num_start) + 1 if prev else ca
        hi = norm.find("、", q.end, nxt[0].start) if nxt else -1
        if (lo > ca or hi >= 0) and clauses.cjk_count(blank[lo : hi if hi >= 0 else cb]) >= 2:
            ctx = ctx[: len(ctx) - (cb - ca)] + blank[max(lo, ca) : hi if hi >= 0 else cb]
        cands.append(Candidate(q, field, item, text, (ca, cb), (sa, sb), ctx, direction, period,
                               flag=flag, subject=subjects.get(q.start), negative=negative))
    ranks = _ranks(norm, text, field, item, periods, blank, contexts)
    ranks += _rank_steps(norm, text, field, item, periods, blank, contexts)
    ranks += _index_levels(norm, text, field, item, periods, blank, contexts, mask)
    ranked = {c.q.num_start for c in ranks}  # 全国10位 is a rank, not also 10 persons (位)
    cands = [c for c in cands if c.q.num_start not in ranked] + ranks
    cands.sort(key=lambda c: c.q.start)
    _respective_shares(cands, ratios)
    for r in ratios:
        same = [c for c in cands if c.sentence == r.sentence]
        if same and not r.attached:
            # SHARE OF THE FIGURE BEFORE: a share is said of a figure already given (完成投资439.9
            # 亿元,年度计划完成率70.3%,其中21个…): the nearest figure before it, else the nearest
            # after (完成年度计划的80%,新增就业5000人). docs/analysis.md, Measurements.
            if r.subject:  # SHARE OF ITS OWN THING: only a figure of that thing
                same = [c for c in same if r.subject & clauses.bigrams(norm[c.clause[0] : c.clause[1]])]
                if not same:
                    continue  # no figure of its thing: a share figure of its own
            said = [c for c in same if c.q.end <= r.start]
            best = max(said, key=lambda c: c.q.start) if said else min(same, key=lambda c: c.q.start)
            if best.ratio_stated is None:
                best.ratio_stated = r.value
                r.attached = True
                if _OF_TOTAL.search(norm, r.sentence[0], r.start):
                    best.flag = best.flag or "total"  # to date of a multi-year whole
    return cands, ratios


def _respective_shares(cands: list[Candidate], ratios: list[RatioStatement]) -> None:
    """RESPECTIVE SHARES: a list of shares said 分别 of the figures before it in its sentence
    (完成旧路改造8条,开工天桥7座,打通卡口7处,分别达到治理计划的57%、37%和70%) gives the i-th share
    to the i-th of as many figures right before the list (amounts, not per cents), in order. With
    fewer figures than shares the list is left to the nearest-figure rule."""
    lists: dict[tuple[int, int], list[RatioStatement]] = {}
    for r in ratios:
        if r.each and not r.lone:
            lists.setdefault((r.sentence[0], r.list_of), []).append(r)
    for (sa, _), shares in lists.items():
        if len(shares) < 2:
            continue
        figures = [c for c in cands if c.sentence[0] == sa and c.q.end <= shares[0].start
                   and c.q.family != "percent" and c.ratio_stated is None]
        if len(figures) < len(shares):
            continue
        for c, r in zip(figures[-len(shares):], shares, strict=True):
            c.ratio_stated = r.value
            r.attached = True


_SHARE_PLAN_WORDS = re.compile("|".join(rules.SHARE_SUBJECT_DROP + rules.RESPECTIVELY_WORDS))


def _share_subject(words: str) -> frozenset[str]:
    """The bigrams of the thing a share's clause names before its phrase (SHARE OF ITS OWN
    THING): words of the plan, of time and of place dropped (rules.SHARE_SUBJECT_DROP), so
    年度计划完成率 names none and 乡镇转运站建设完成率 names 转运站建设."""
    return clauses.bigrams(_SHARE_PLAN_WORDS.sub(" ", re.sub(r"[0-9.%-]+", " ", words)))


def _part_done(norm: str, quantities: list[Quantity], q: Quantity, na: int, nb: int) -> Quantity | None:
    """The count opening clause [na, nb) in the unit of the set ``q`` named alone in the clause
    before, when the rest of that clause says those were done (rules.SET_THEN_PART_DONE), else
    None."""
    lead = len(norm[na:nb]) - len(norm[na:nb].lstrip())
    part = next((p for p in quantities if p.is_amount and p.num_start == na + lead), None)
    if part is None or part.unit != q.unit:
        return None
    rest = norm[part.end : nb]
    return part if any(w in rest for w in rules.SET_THEN_PART_DONE) else None


def _names_things(q: Quantity, before: str) -> bool:
    """A small count in Chinese numerals with no verb of result before it in its clause: it
    names the things its sentence is about or how often (两处学校, 四项指标, 每月二次), no tally
    of work done (rules.CN_COUNT_REFERENCE_MAX)."""
    return (q.chinese and q.family in rules.CN_COUNT_REFERENCE_FAMILIES
            and q.value <= rules.CN_COUNT_REFERENCE_MAX
            and not any(w in before for w in rules.CN_COUNT_RESULT_VERBS))


_WORK_NAME_END = re.compile(rules.WORK_NAME_END)
_WORK_HEADING_POINT = re.compile(rules.WORK_HEADING_POINT)


def _work_heading(norm: str, ca: int, cb: int, sa: int, sb: int) -> bool:
    """Whether clause [ca, cb) is a work's name heading what follows: it ends in a colon or is
    a sentence of its own opened by 一是 …, ends in a work's noun and says nothing done
    (rules.WORK_NAME_END)."""
    words = norm[ca:cb]
    heads = norm[cb : cb + 1] in (":", "：") or (
        (ca, cb) == (sa, sb) and _WORK_HEADING_POINT.match(words) is not None)
    return (heads and _WORK_NAME_END.search(words) is not None
            and not any(w in words for w in rules.WORK_HEADING_DONE))


_ACHIEVED_CUE = ("已", "完成", "累计", "实现", "共")
# Whether a text holds any of the look-ahead words: one scan instead of one per word.
_FUTURE_WORD = re.compile("|".join(map(re.escape, rules.FUTURE_WORDS)))
_NOT_FUTURE = re.compile("|".join(map(re.escape, rules.FUTURE_NOT)))


def _future(norm: str, periods: list[PeriodMention], sa: int, ca: int, pos: int) -> str:
    """"future" when a look-ahead word (力争, 计划于 …) governs the figure at ``pos``,
    "estimate" when 预计 does (an estimate is reported among the figures: for a period named in
    its sentence, "三季度,预计GDP增长5%", it also measures the targets), "" otherwise.

    A word governs its own clause and the clauses after it in the sentence, until one that
    names a period or says something was achieved ("目前预计新增3家平台企业,1-9月上云企业80家").
    A look-ahead word inside a phrase of what was won (rules.FUTURE_NOT: 向上争取) is none.
    """
    if _NOT_FUTURE.search(norm):
        norm = _NOT_FUTURE.sub(lambda m: "·" * len(m.group(0)), norm)
    def governed(words_at: int, words: str) -> str:
        i = words.rfind(rules.ESTIMATE_WORD)
        if i < 0 or any(w in words for w in rules.FUTURE_WORDS if w != rules.ESTIMATE_WORD):
            return "future"
        named = any(sa <= p.start < pos and p.month is not None for p in periods)
        if named and not any(w in norm[words_at + i : pos] for w in rules.ESTIMATE_AHEAD):
            return ""  # an estimate for the period just ended: a figure for it
        return "estimate"

    own = norm[ca:pos]
    if _FUTURE_WORD.search(own):  # any(w in own for w in rules.FUTURE_WORDS)
        return governed(ca, own)
    a = ca
    while a > sa:
        pa, _ = clauses.clause(norm, a - 2) if a >= 2 else (sa, a)
        pa = max(pa, sa)
        if pa >= a:  # no earlier clause to look at
            break
        own = norm[a:pos] if a == ca else norm[a : clauses.clause(norm, a)[1]]
        if any(p.start >= a and p.start < pos for p in periods) or any(w in own for w in _ACHIEVED_CUE):
            return ""
        if _FUTURE_WORD.search(norm, pa, a):  # any FUTURE_WORDS in norm[pa:a]
            return governed(pa, norm[pa:a])  # "预计…204.4亿元,同比增长9.5%": the same estimate
        a = pa
    return ""


_RESTATED = re.compile(rules.ACHIEVED_RESTATEMENT)


def _achieved_restatements(norm: str) -> list[tuple[int, int]]:
    """Quoted restatements of a target reported as achieved ("已完成“…压减不低于10%…”的任务"):
    their figures are what was achieved, not names."""
    return [(m.start("q"), m.end("q")) for m in _RESTATED.finditer(norm)]


def _context(norm: str, ca: int, cb: int, sa: int, cache: dict[tuple[int, int], str]) -> str:
    """The clause's words, plus the previous clause's when this one has no noun of its own."""
    key = (ca, cb)
    if key in cache:
        return cache[key]
    own = norm[ca:cb]
    rest = re.sub(r"[0-9.%,]+", "", own)
    for w in sorted(rules.ELLIPTIC_DROP, key=len, reverse=True):
        rest = rest.replace(w, "")
    ctx = own
    if clauses.cjk_count(rest) <= rules.ELLIPTIC_MAX_CJK + 1 and ca > sa:
        pa, pb = clauses.clause(norm, ca - 2) if ca >= 2 else (ca, ca)
        # Only an earlier clause: odd punctuation runs can hand back this one again.
        if sa <= pa < ca:
            ctx = _context(norm, pa, pb, sa, cache) + own
    cache[key] = ctx
    return ctx



_RANK_MEASURED = re.compile(rules.RANK_MEASURED)
_RANK_STEP = re.compile(rules.RANK_STEP)


def _rank_steps(norm: str, text: str, field: str, item: int | None, periods: list[PeriodMention],
                blank: str, contexts: dict[tuple[int, int], str]) -> list[Candidate]:
    """Moves in rank reported: "排名上升5位" (+5), "位次后退2位" (-2): rules.RANK_STEP."""
    out = []
    for m in _RANK_STEP.finditer(norm):
        try:
            value = parse_numeral(m.group("num"))
        except ValueError:
            continue
        down = m.group("verb") in rules.RANK_STEP_DOWN
        q = Quantity(value, m.group("unit"), "rank_step", 1.0, m.start("num"), m.end(), m.start("num"),
                     m.end("num"))
        cand = _rank_candidate(norm, text, field, item, periods, blank, contexts, q, m.start(),
                               negative=down)  # a fall is a negative move
        if cand is not None:
            out.append(cand)
    return out


def _period_before(periods: list[PeriodMention], sa: int, pos: int) -> PeriodMention | None:
    """The last period named in the figure's sentence before ``pos`` (its time)."""
    period = None
    for p in periods:
        if sa <= p.start < pos:
            period = p
    return period


def _rank_candidate(norm: str, text: str, field: str, item: int | None,
                    periods: list[PeriodMention], blank: str,
                    contexts: dict[tuple[int, int], str], q: Quantity, at: int, *,
                    negative: bool = False) -> Candidate | None:
    """A rank or a move in rank as a candidate: no direction of change, its clause's words as
    context; None when the sentence speaks of the future (the rank is a goal, not a report)."""
    ca, cb = clauses.clause(norm, q.num_start)
    sa, sb = clauses.sentence(norm, q.num_start)
    if _future(norm, periods, sa, ca, q.num_start) == "future":
        return None
    return Candidate(q, field, item, text, (ca, cb), (sa, sb), _context(blank, ca, cb, sa, contexts),
                     0, _period_before(periods, sa, at), negative=negative)
_INDEX_LEVEL = re.compile(rules.INDEX_LEVEL)


def _index_levels(norm: str, text: str, field: str, item: int | None, periods: list[PeriodMention],
                  blank: str, contexts: dict[tuple[int, int], str],
                  mask: list[tuple[int, int]]) -> list[Candidate]:
    """Levels with no unit after their noun: "城乡收入倍差1.64", "指数达82" (rules.INDEX_LEVEL)."""
    out = []
    for m in _INDEX_LEVEL.finditer(norm):
        a, b = m.span("num")
        if any(s <= a < e for s, e in mask):
            continue
        q = Quantity(float(m.group("num")), "", rules.INDEX_FAMILY, 1.0, a, b, a, b)
        cand = _rank_candidate(norm, text, field, item, periods, blank, contexts, q, m.start())
        if cand is not None:
            out.append(cand)
    return out


_LEAD = re.compile(rules.VERB_BEFORE_METRIC_LEAD)
_RANK_MEASURED_BARE = re.compile(rules.RANK_MEASURED_BARE)
_RANK_MOVED_TO = re.compile(rules.RANK_MOVED_TO)
_RANK_LIST_ITEM = re.compile(rules.RANK_LIST_ITEM + r"(?![批届期次个年轮类项号条季])")


def _ranks(norm: str, text: str, field: str, item: int | None, periods: list[PeriodMention],
           blank: str, contexts: dict[tuple[int, int], str]) -> list[Candidate]:
    """Ranks reported: "列嘉兴第2位", "全国排名第10" (a number of the rank family)."""
    out = []
    found = []
    for m in _RANK_MEASURED.finditer(norm):
        found.append(m)
        pos = m.end()
        while (more := _RANK_LIST_ITEM.match(norm, pos)) is not None:
            found.append(more)
            pos = more.end()
    starts = {m.start("num") for m in found}
    found.extend(m for m in _RANK_MEASURED_BARE.finditer(norm) if m.start("num") not in starts)
    # 由第12位上升至第8位: the rank reached, not the one it moved from (rules.RANK_MOVED_TO)
    moved = [(m, _RANK_MOVED_TO.match(norm, m.end())) for m in found]
    found = [to or m for m, to in moved]
    found = [m for m in found if not norm.startswith(rules.RANK_TIER_AFTER, m.end())]  # 第一方阵
    for m in found:
        try:
            value = parse_numeral(m.group("num"))
        except ValueError:
            continue
        unit = m.group("unit") or rules.RANK_UNIT
        q = Quantity(value, unit, "rank", 1.0, m.start("num") - 1, m.end(), m.start("num"),
                     m.end("num"))
        cand = _rank_candidate(norm, text, field, item, periods, blank, contexts, q, m.start())
        if cand is not None:
            out.append(cand)
    return out
