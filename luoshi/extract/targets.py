"""Targets promised in a task's text: "确保完成投资40亿元以上" -> (完成投资, >=, 40, 亿元)."""

from __future__ import annotations

import re

from luoshi.extract import clauses, rules
from luoshi.extract.model import FIELD_TEXT, Span, Target
from luoshi.extract.numbers import (
    Quantity,
    blank_quantities,
    find_quantities,
    normalise,
    parse_numeral,
)
from luoshi.extract.periods import find_periods

_RANK_TARGET = re.compile(rules.RANK_TARGET)
_STANDARD_APPLIED = re.compile(rules.STANDARD_APPLIED)
_RANK_STEP = re.compile(rules.RANK_STEP)
_PROGRAMME_YEARS = re.compile(rules.PROGRAMME_YEARS)
_CONTEXT_BEFORE = re.compile(rules.CONTEXT_BEFORE)
_OBJECT_SIZE = re.compile(rules.OBJECT_SIZE_BEFORE)
_OBJECT_CAPACITY = re.compile(rules.OBJECT_CAPACITY_BEFORE)
_CJK = re.compile(r"[\u4e00-\u9fff]")

# Small rate-verbs (提升, 提高) also mean "upgrade" ("建设提升42公里绿道"): with a unit other
# than a percentage only these plain verbs of change make an increase_by / decrease_by.
_ABSOLUTE_CHANGE = ("增长", "增加", "减少", "下降", "降低", "压减", "削减")


_REPORT_LINE = re.compile(rules.REPORT_LINE)
_QUOTED_BOUND = re.compile(rules.QUOTED_BOUND)  # quote marks become spaces: offsets stay


def extract_targets(text: str, field: str = FIELD_TEXT, item: int | None = None) -> list[Target]:
    """Targets in a task's text, in order. Labels, years and list markers are not targets, nor
    the figures of a later line reporting the result (rules.REPORT_LINE)."""
    if not text:
        return []
    norm = _QUOTED_BOUND.sub(lambda m: f" {m.group('inner')} ", normalise(text))
    periods = find_periods(norm)  # also the dates of the running totals below
    mask = [(p.start, p.end) for p in periods]
    found = find_quantities(norm, mask)
    blank = blank_quantities(norm, found)
    quantities = [q for q in found if q.is_amount and q.target_ok
                  and (q.family != "age" or _is_age_level(norm, q))]
    quantities = [q for q in quantities if not _names_a_set(norm, q, quantities)
                  and not _names_a_class(norm, q, quantities)]
    applied = [m.span("inner") for m in _STANDARD_APPLIED.finditer(norm)]
    quantities = [q for q in quantities if not any(a <= q.num_start < b for a, b in applied)]
    quantities = [q for q in quantities if not _context_figure(norm, q)]
    # 建筑面积约7000平方米: the size of the object built, not a figure to reach (OBJECT_SIZE_BEFORE)
    quantities = [q for q in quantities if not _OBJECT_SIZE.search(norm, max(0, q.num_start - 12),
                                                                      q.num_start)]
    quantities = [q for q in quantities if not _names_the_object(norm, q)]
    quantities = _without_costs(norm, quantities)
    report = _REPORT_LINE.search(norm) if field == FIELD_TEXT else None
    if report is not None:  # a result paragraph joined to the task: no promises from it on
        quantities = [q for q in quantities if q.start < report.start()]
    # A number read as a rank (前3位) or a move in rank (排名提升3位) is that only, not also a
    # count of 3 persons (位).
    ranked = {m.start("num") for m in _RANK_TARGET.finditer(norm)} | {
        m.start("num") for m in _RANK_STEP.finditer(norm)}
    quantities = [q for q in quantities if q.num_start not in ranked]
    out: list[Target] = []
    for i, q in enumerate(quantities):
        ca, cb = clauses.clause(norm, q.num_start)
        # Sub-clause: items of a list joined by 、 each carry their own number.
        sa, sb = ca, cb
        prev = [p for p in quantities[:i] if ca <= p.start < q.start]
        nxt = [p for p in quantities[i + 1 :] if q.end <= p.start < cb]
        if prev:
            cut = norm.rfind("、", prev[-1].end, q.num_start)
            if cut >= 0:
                sa = cut + 1
        if nxt:
            cut = norm.find("、", q.end, nxt[0].start)
            if cut >= 0:
                sb = cut
        sa, sb = clauses.trim(norm, sa, sb)
        comparator = _comparator(norm, q, sa, sb, ca)
        metric = _metric(norm, q, sa, sb)
        span = Span(field, item, sa, sb, text[sa:sb])
        context = blank[ca:sb] if sa > ca else blank[sa:sb]
        # "A、B分别下降20%": one target for each of A and B.
        parts = _respective_metrics(norm, sa, q.num_start)
        for m_text, m_ctx in parts or [(metric, context)]:
            out.append(
                Target(
                    metric=m_text,
                    comparator=comparator,
                    value=q.value,
                    unit=q.unit,
                    span=span,
                    family=q.family,
                    factor=q.factor,
                    value_max=q.value_max,
                    context=m_ctx if parts else context,
                )
            )
    out = _once_each(norm, out)
    out.extend(_rank_targets(text, norm, field, item))
    out.extend(_rank_step_targets(text, norm, field, item))
    out.sort(key=lambda t: t.span.start)
    for t in out:
        t.kind = target_kind(t)
        if t.kind == "cumulative":
            t.due_share = _due_share(norm, t, periods)
    return out


def programme_years(t: Target) -> tuple[int, int] | None:
    """(first year, last year) of a running total the target's own words date over several
    years (500万人饮水安全(2013—2017年)): a programme's total (rules.PROGRAMME_YEARS)."""
    m = _PROGRAMME_YEARS.search(normalise(t.span.text))
    if m is None:
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    return (a, b) if a < b <= a + 20 else None


def _due_share(norm: str, t: Target, periods: list) -> float:
    """A running total the task dates within the year (上半年完成投资5000万元, 6月底前改造300户)
    falls due at that month's end, as a period's target column does: the share of the year
    then (rules package, kinds of target). The period must stand in the target's clause before it."""
    ca, _ = clauses.clause(norm, t.span.start)
    mine = [p for p in periods if ca <= p.start < t.span.end and p.month and 1 <= p.month < 12]
    return mine[-1].month / 12 if mine else 1.0


def _context_figure(norm: str, q: Quantity) -> bool:
    """Is the figure already so by its clause's words before it (rules.CONTEXT_BEFORE: 已建成10个,
    目前累计完成284人)? Then it is context, not a target."""
    if q.family in ("percent", "pp"):
        return False  # 确保已开工项目100%竣工: a share of them, the goal
    a, _ = clauses.clause(norm, q.num_start)
    return _CONTEXT_BEFORE.search(norm[a : q.num_start]) is not None


def _names_the_object(norm: str, q: Quantity) -> bool:
    """Does the figure name the thing rather than count it: a plant's capacity before what it
    makes (rules.OBJECT_CAPACITY_BEFORE: 年产20万吨低温肉制品), or a class by its grade in
    Chinese numerals before a noun (rules.CLASS_UNITS: 四类危桥)? Either way followed at once by
    a Chinese character (the product or the thing classed)."""
    if not _CJK.match(norm, q.end):
        return False
    if q.chinese and q.unit in rules.CLASS_UNITS:
        return True
    return _OBJECT_CAPACITY.search(norm, max(0, q.num_start - 8), q.num_start) is not None


def _is_age_level(norm: str, q: Quantity) -> bool:
    a, b = clauses.clause(norm, q.num_start)
    return any(w in norm[a:b] for w in rules.AGE_LEVEL_WORDS)


def _rank_targets(text: str, norm: str, field: str, item: int | None) -> list[Target]:
    """"进入全省前八", "全国排名保持第10位": a rank to reach (a number no larger than N)."""
    out = []
    for m in _RANK_TARGET.finditer(norm):
        try:
            n = parse_numeral(m.group("num"))
        except ValueError:
            continue
        if not 1 <= n <= 500:
            continue
        sa, sb = clauses.clause(norm, m.start())
        sa, sb = clauses.trim(norm, sa, sb)
        metric = norm[sa : m.start("pre")].strip() or norm[sa:sb]
        out.append(Target(metric=metric, comparator="<=", value=n, unit=m.group("unit") or rules.RANK_UNIT,
                          span=Span(field, item, sa, sb, text[sa:sb]), family="rank",
                          context=norm[sa:sb]))
    return out


def _rank_step_targets(text: str, norm: str, field: str, item: int | None) -> list[Target]:
    """"排名提升3位": a move up in rank of at least N places (rules.RANK_STEP)."""
    out = []
    for m in _RANK_STEP.finditer(norm):
        if m.group("verb") in rules.RANK_STEP_DOWN:
            continue  # a task promises no fall
        try:
            n = parse_numeral(m.group("num"))
        except ValueError:
            continue
        sa, sb = clauses.trim(norm, *clauses.clause(norm, m.start()))
        out.append(Target(metric=norm[sa : m.start("verb")].strip() or norm[sa:sb], comparator="increase_by",
                          value=n, unit=m.group("unit"), span=Span(field, item, sa, sb, text[sa:sb]),
                          family="rank_step", context=norm[sa:sb]))
    return out


def target_kind(t: Target) -> str:
    """The kind of a target (rules.TARGET_KINDS), from its unit, comparator and metric words."""
    if t.family in ("rank", "rank_step"):
        return "rank"
    if t.comparator == "decrease_by":
        return "reduction"
    if t.comparator == "increase_by" and t.family in ("percent", "pp"):
        return "rate"
    family = t.family or ""
    if family == "count" and t.value == 1 and t.factor == 1 and t.value_max is None:
        # ONE THING: 新建1所, 开工建设1座 is done or not (a milestone); one for each of several
        # (每个区至少建设1个) is a standard each must reach (a level).
        each = any(w in normalise(t.span.text) for w in rules.ONE_EACH_WORDS)
        return "level" if each else "milestone"
    if family in (*rules.STOCK_FAMILIES, "times") and _FREQUENCY.search(normalise(t.span.text)):
        return "level"  # 每月开展1场: a standard kept each month (rules.FREQUENCY)
    if family == "percent" and t.comparator != "<=" and any(w in t.metric for w in rules.GROWTH_RATE_WORDS):
        return "rate"  # 财政收入增长率6%以上: a growth, though 率 is a level word
    if family in rules.LEVEL_FAMILIES or family.endswith(rules.LEVEL_FAMILY_SUFFIX):
        return "level"
    if t.comparator == "<=" or _right_before(t, rules.LEVEL_KEPT):
        return "level"  # a cap, or a level kept (粮食产量稳定在50万吨以上: rules.LEVEL_KEPT)
    if any(w in t.metric for w in rules.LEVEL_WORDS) and not (
            family in rules.STOCK_FAMILIES and t.comparator != "reach"
            and _added_count(t)):
        return "level"  # (新增达标小区210个: things of a kind counted as added, a running total)
    if family in rules.STOCK_FAMILIES and _stands_at(t) and (
            any(w in t.metric for w in rules.STOCK_WORDS)
            or not any(w in _metric_words(t) for w in rules.STOCK_ADDED_WORDS)):
        return "level"  # a stock to stand at a figure (高新技术企业达到500家)
    if family in rules.STOCK_FAMILIES and t.metric.endswith(rules.LEVEL_AFTER_CHANGE):
        return "level"  # raised to a figure (扩充公办学位至1800个): a stock, not an amount added
    return "cumulative"


def _stands_at(t: Target) -> bool:
    """Is the count to stand at its figure: comparator reach (达到500家), or a floor after 达到
    (达到500家以上, 参保人数达到37.69万人以上) — 以上 bounds the figure, 达到 still says where the
    stock is to stand?"""
    if t.comparator == "reach":
        return True
    if t.comparator != ">=":
        return False
    return _right_before(t, rules.PREFIX_REACH)


def _right_before(t: Target, words: tuple[str, ...]) -> bool:
    """Does one of ``words`` stand right before the target's figure in its words (约 between)?"""
    # (plain finds of each word + figure: a pattern built from the figure per call missed the
    # regex cache for every new figure and recompiled — a third of the 1M import's analysis)
    text = normalise(t.span.text)
    value = f"{t.value:g}"
    return any(w + value in text or w + "约" + value in text for w in words)


def _metric_words(t: Target) -> str:
    """The metric with the words right before it in the target's words (新增就业达到5000人: the
    metric 就业, its 新增 stripped as a leading word, still adds)."""
    text = normalise(t.span.text)
    i = text.find(t.metric)
    return text[max(0, i - 4) : i] + t.metric if i > 0 else t.metric


def _added_count(t: Target) -> bool:
    """Does the target's metric open with a word of adding (rules.COUNT_ADDED_LEADS), in the
    metric or right before it in the target's words?"""
    if t.metric.startswith(rules.COUNT_ADDED_LEADS):
        return True
    text = normalise(t.span.text)
    i = text.find(t.metric)
    return i > 0 and text[max(0, i - 4) : i].endswith(rules.COUNT_ADDED_LEADS)


_CLASS_THRESHOLD_AFTER = re.compile(rules.CLASS_THRESHOLD_AFTER)
_FREQUENCY = re.compile(rules.FREQUENCY)


def _names_a_class(norm: str, q: Quantity, quantities: list[Quantity]) -> bool:
    """"200人以上较大自然村公交通达率97%以上": a figure with 以上/以下 straight before a noun,
    another figure later in its clause, names the class the later figure is about
    (rules.CLASS_THRESHOLD_AFTER): no target. A share (30%以上企业) is left alone: rare, and
    a share before a noun is more often the target itself."""
    if q.family in ("percent", "pp") or not _CLASS_THRESHOLD_AFTER.match(norm, q.end):
        return False
    _, cb = clauses.clause(norm, q.num_start)
    return any(q.end < p.num_start < cb for p in quantities)


def _once_each(norm: str, targets: list[Target]) -> list[Target]:
    """Targets without a figure said again for each part (…100%:各县均达到100%: the same
    figure, unit and comparator — a plain figure and one to reach alike — its words holding
    rules.RESTATED_EACH_WORDS): kept once."""
    out: list[Target] = []
    for t in targets:
        if out and _same_figure(out[-1], t) and any(
                w in normalise(t.span.text) for w in rules.RESTATED_EACH_WORDS):
            continue
        out.append(t)
    return out


_COST_BEFORE = re.compile(rules.COST_BEFORE)
_MONEY = ("money", "usd")


def _without_costs(norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures without the budget of the work promised (rules.COST_BEFORE, PROJECT COST):
    money named as the work's cost, in a text that promises something else too."""
    if all(q.family in _MONEY for q in quantities):
        return quantities  # money is the only promise: the target
    return [q for q in quantities if not _is_cost(norm, q)]


def _is_cost(norm: str, q: Quantity) -> bool:
    if q.family not in _MONEY:
        return False
    ca, _ = clauses.clause(norm, q.num_start)
    head = norm[max(ca, q.num_start - 12) : q.num_start]
    m = _COST_BEFORE.search(head)
    if m is None:
        return False
    if m.group(0).startswith("投资") and not m.group(0).endswith(rules.COST_BARE_NEEDS):
        return False  # 完成投资40亿元: the work itself
    before = head[: m.start()]
    return not any(w in before[-6:] for w in rules.COST_YEAR_WORDS) and not before.endswith("完成")


def _same_figure(a: Target, b: Target) -> bool:
    plain = ("=", "reach")
    return (a.value == b.value and a.unit == b.unit and a.value_max == b.value_max
            and (a.comparator == b.comparator or (a.comparator in plain and b.comparator in plain)))


def _names_a_set(norm: str, q: Quantity, quantities: list[Quantity]) -> bool:
    """"4个结构性指标均实现10%以上增长": the count names the set each of whose members must
    reach the later figure; it is not a target itself. So does a count before a sum of another
    unit in its clause (SET OF A SUM, rules.SUM_WORDS: 24个村庄污水管网共计100公里)."""
    if q.family != "count":
        return False
    _, cb = clauses.clause(norm, q.num_start)
    later = next((p for p in quantities if q.end <= p.start < cb), None)
    if later is None:
        return False
    between = norm[q.end : later.num_start]
    # 建设24个村庄污水管网共计100公里: the count says where; the sum after 共计 is the promise
    return any(w in between for w in rules.EACH_WORDS) or (
        later.family != q.family and any(w in between for w in rules.SUM_WORDS))


def _respective_metrics(norm: str, sa: int, num_start: int) -> list[tuple[str, str]]:
    """The metrics of "A、B分别…N" (each with a context of its own), or [] without 分别."""
    i = norm.rfind(rules.RESPECTIVELY, sa, num_start)
    if i < 0:
        return []
    head = norm[sa:i]
    rest = norm[i + len(rules.RESPECTIVELY) : num_start]
    out = []
    for part in re.split(r"[、和及与]", head):
        for w in rules.METRIC_LEADING_WORDS:
            if part.startswith(w) and len(part) > len(w):
                part = part[len(w) :]
        if clauses.cjk_count(part) < 2:
            return []
        out.append((part.strip(), part.strip() + rest))
    return out if len(out) >= 2 else []


def _verb_before(text: str, a: int, b: int, verbs: tuple[str, ...]) -> int:
    """Position of the last of ``verbs`` in text[a:b] (not 增加值), or -1."""
    best = -1
    for v in verbs:
        i = text.rfind(v, a, b)
        while i >= 0 and text[i + len(v) : i + len(v) + 1] == "值":
            i = text.rfind(v, a, i)
        if i > best:
            best = i
    return best


def _comparator(text: str, q: Quantity, sa: int, sb: int, ca: int) -> str:
    is_pct = q.family in ("percent", "pp")  # 提高2个百分点 is a change, like 提高2%
    inc_verbs = rules.INCREASE_VERBS if is_pct else _ABSOLUTE_CHANGE[:2]
    dec_verbs = rules.DECREASE_VERBS if is_pct else _ABSOLUTE_CHANGE[2:]
    # A percentage change may have the metric between verb and number; a continuation after 、
    # inherits the verb of its clause ("压减A支出5%、B支出10%").
    lo = ca if is_pct else max(sa, q.num_start - 2)
    inc = _verb_before(text, lo, q.num_start, inc_verbs)
    dec = _verb_before(text, lo, q.num_start, dec_verbs)
    if not is_pct and inc < 0 and dec < 0 and _opens_with(text, sa, dec_verbs):
        return "decrease_by"  # CUT OPENING THE CLAUSE: 减少农村贫困人口23.48万人
    if inc >= 0 or dec >= 0:
        # "提升至44%", "下降到3%": the level to reach, not the size of the change.
        lead = text[max(inc, dec) : q.num_start]
        rate_verb = inc > dec and lead.startswith(rules.RATE_NOUN_VERBS)
        if lead.endswith(rules.LEVEL_AFTER_CHANGE) or (
            lead.endswith(rules.LEVEL_AFTER_CHANGE_UNLESS_RATE) and not rate_verb
        ):
            if inc < dec:
                return "<="
            return ">=" if text[q.end : q.end + 3].startswith(rules.SUFFIX_GE[:2]) else "reach"
        return "increase_by" if inc > dec else "decrease_by"
    if is_pct:
        # "实现10%以上增长", "保持5%左右的增长": the verb of change after the figure.
        tail = re.sub(r"^(?:以上|左右|及以上)?的?", "", text[q.end : q.end + 8])
        if tail.startswith(rules.INCREASE_VERBS):
            return "increase_by"
        if tail.startswith(rules.DECREASE_VERBS):
            return "decrease_by"
    after = text[q.end : q.end + 3]
    if after.startswith(rules.SUFFIX_GE[:2]):
        return ">="
    if after.startswith(rules.SUFFIX_LE):
        return "<="
    before = text[sa : q.num_start]
    # The adverb nearest the number wins; on a tie the longer one (不少于 over 少于).
    best: tuple[int, int, str] | None = None
    for words, comp in ((rules.PREFIX_LE, "<="), (rules.PREFIX_GE, ">=")):
        for w in words:
            i = before.rfind(w)
            if i >= 0 and len(before) - (i + len(w)) <= (3 if len(w) > 1 else 0):
                key = (i + len(w), len(w), comp)
                if best is None or key[:2] > best[:2]:
                    best = key
    if best is not None:
        return best[2]
    for w in rules.PREFIX_REACH:
        if before.endswith(w):
            return "reach"
    if q.value_max is not None:
        return ">="
    return "="


def _opens_with(text: str, sa: int, verbs: tuple[str, ...]) -> bool:
    """Does the sub-clause at ``sa`` open with one of ``verbs``, after adverbs (确保, 力争 …:
    rules.METRIC_LEADING_WORDS)? A verb of cutting there governs the amount at the clause's end
    (减少农村贫困人口23.48万人, 压减煤炭消费50万吨): unlike 提升 (建设提升42公里绿道: an upgrade),
    a word of cutting is never the name of a work."""
    head = text[sa:]
    changed = True
    while changed:
        changed = False
        for w in rules.METRIC_LEADING_WORDS:
            if head.startswith(w) and len(head) > len(w):
                head, changed = head[len(w):], True
    return head.startswith(verbs)


def _metric(text: str, q: Quantity, sa: int, sb: int) -> str:
    """What is counted: the words after the number when it precedes its noun, else before."""
    after = text[q.end : sb]
    for suffix in (*rules.SUFFIX_GE, *rules.SUFFIX_LE):
        if after.startswith(suffix):
            after = after[len(suffix) :]
            break
    if clauses.cjk_count(after) >= 2 and (
        q.num_start - sa <= 4 or text[q.num_start - 1 : q.num_start] == "等"
    ):
        return after.strip()
    before = text[sa : q.num_start]
    for w in sorted(
        (*rules.PREFIX_GE, *rules.PREFIX_LE, *rules.PREFIX_REACH, *rules.INCREASE_VERBS,
         *rules.DECREASE_VERBS, "约", "为"),
        key=len,
        reverse=True,
    ):
        if before.endswith(w) and not (w.startswith("增加") and before.endswith("增加值")):
            before = before[: -len(w)]
            break
    changed = True
    while changed:
        changed = False
        for w in (*rules.METRIC_LEADING_WORDS, *rules.DECREASE_VERBS):
            if before.startswith(w) and len(before) > len(w):
                before = before[len(w) :]
                changed = True
    before = before.strip()
    if clauses.cjk_count(before) >= 2:
        return before
    return (before + after).strip() or text[sa:sb]
