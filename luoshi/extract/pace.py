"""Figures against time: each target judged by the rule of its kind (rules.TARGET_KINDS), a
running total by its pace (ratio to the year's target / share of the year elapsed)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from luoshi.extract import rules
from luoshi.extract.measurements import RatioStatement
from luoshi.extract.model import Measurement, Span, Target
from luoshi.extract.targets import programme_years
from luoshi.ingest.model import Period
from luoshi.vocab import PeriodKind


def fmt(v: float) -> str:
    """A figure for a reason: four significant digits, never in exponent form (56280, not
    5.628e+04: a reader of 督查 reports reads whole numbers)."""
    if abs(v) >= 1e4:
        return f"{v:.0f}"
    return f"{v:.4g}"


# --- figures against time ------------------------------------------------------------------


@dataclass
class Verdicts:
    """What the task's figures say, each reason with the span of the figure it rests on."""

    behind: list[tuple[str, Span]]  # well short: the task as a whole lags (red)
    slight: list[tuple[str, Span]]  # slightly short of the time share, or a level not yet met
    reached: list[tuple[str, Span]]  # the target is met
    ahead: list[tuple[str, Span]]  # a running total clearly ahead of the time share
    paced: int  # targets with a figure that keeps pace (reached and ahead included)
    judged: int  # targets with a figure at all
    # A person's figure keeping pace, neither reached nor ahead: the reason of a verdict on
    # course names it (填报值, 人工更正), as every other reason resting on one does.
    kept: list[tuple[str, Span]] = field(default_factory=list)


def _elapsed(m: Measurement, share: float) -> float:
    """Share of the year elapsed at a figure's as-of date: by days when the date falls inside a
    month (截至5月15日), by whole months otherwise, else the report's (share_of_year)."""
    if m.as_of_date:
        try:
            d = date.fromisoformat(m.as_of_date)
        except ValueError:
            d = None
        if d is not None and d.day != calendar.monthrange(d.year, d.month)[1]:
            days = 366 if calendar.isleap(d.year) else 365
            return min(1.0, d.timetuple().tm_yday / days)
    # A figure to an earlier month than the report's end runs to that month; to the report's
    # own month (or a later one: a date inside it), to the report's end.
    return min(m.as_of_month / 12, share) if m.as_of_month else share


def people_first(t: Target, mine: list[Measurement]) -> list[Measurement]:
    """A target's figures its verdict reads: those a person gave (filed in a reporting round,
    corrected or matched by hand: Measurement.by_person) when any can be compared with the
    target (its unit family, or a stated share), else all. A person's figure wins over the
    rules' for every kind of target: a running total too, where the rules take the largest."""
    person = [m for m in mine if m.by_person and (m.family == t.family or m.ratio_stated is not None)]
    return person or mine


def _latest(t: Target, mine: list[Measurement]) -> Measurement:
    # A correction by the office is the last word: it is made after reading what the unit
    # filed (and what the rules read), so it wins over both. Then the figure the unit filed in
    # the reporting round: its own figure for the period, over anything read from text.
    for whose in ("人工更正", "填报值"):
        chosen = [m for m in mine if m.by_person == whose]
        if chosen:
            return chosen[-1]
    if t.kind in ("rate", "reduction", "level", "rank"):
        # As is: the latest, then one written in the target's own unit (个 for 个, not 所: a
        # count of other things of the same family), then the one naming the metric best.
        return max(enumerate(mine), key=lambda p: (p[1].as_of_month or 0, p[1].unit == t.unit,
                                                   p[1].match_score, p[0]))[1]
    # A running total: the largest figure at the latest as-of date.
    return max(enumerate(mine), key=lambda p: (p[1].as_of_month or 0, p[1].ratio or 0, p[0]))[1]


def figure_verdicts(targets: list[Target], ms: list[Measurement], ratios: list[RatioStatement],
                     share: float, year: int | None = None, under_way: bool = False,
                     two_levels: bool = False) -> Verdicts:
    """Each target judged by the rule of its kind (rules.TARGET_KINDS), on the figure a person
    gave when there is one (people_first); every reason resting on a person's figure says
    whose it is ("(填报值)", "(人工更正)"). ``year`` is the report's: a programme's total over
    several years (rules.PROGRAMME_YEARS) is paced by the share of the programme elapsed;
    ``under_way``: the entry says the rest is under way (a few things finished in lumps, in the
    red band, are amber: rules.LUMPY_COUNT_MAX). Red from a share computed from the figures
    needs the unit's own stated share red too (rules.STATED_SHARE_NOTE); ``two_levels``: the task
    is led by units of two levels, and a running total far under its target is likelier the lower
    level's part of the higher one's total (rules.HIGHER_LEVEL_SHARE)."""
    v = Verdicts([], [], [], [], 0, 0)
    final = share >= 1.0  # the year is over: a level or rank not met is a miss
    for ti, t in enumerate(targets):
        mine = people_first(t, [m for m in ms if m.target == ti])
        if t.kind in ("rate", "reduction", "level", "rank"):
            # Judged on figures of the target's own unit (a rate by a rate, not by the amount
            # reported next to it), when there are any.
            mine = [m for m in mine if m.family == t.family] or mine
        if not mine:
            continue
        latest = _latest(t, mine)
        note = f"({latest.by_person})" if latest.by_person else ""
        v.judged += 1
        as_of = latest.as_of or "目前"
        if t.kind == "rate" or (t.comparator == "increase_by" and t.family == "percent"):
            if latest.family != t.family:
                v.judged -= 1
                continue
            if latest.value < 0:
                v.behind.append((f"{as_of}下降{fmt(-latest.value)}%,目标增长{fmt(t.value)}%" + note,
                                 latest.span))
            elif latest.value < t.value * rules.RATE_AMBER:
                v.behind.append((f"增长{fmt(latest.value)}{t.unit},远低于目标{fmt(t.value)}{t.unit}"
                                 "(增速目标,不按时间进度折算)" + note, latest.span))
            elif latest.value < t.value:
                v.slight.append((f"增长{fmt(latest.value)}{t.unit},低于目标{fmt(t.value)}{t.unit}"
                                 "(增速目标,不按时间进度折算)" + note, latest.span))
            elif not final and t.value > 0 and min(
                    m.value for m in mine if m.family == t.family) >= t.value * rules.RATE_AHEAD:
                # Ahead only when every rate read for it is (自然口径4.3%, 同口径17.7%: on course).
                v.ahead.append((f"增长{fmt(latest.value)}{t.unit},超过目标{fmt(t.value)}{t.unit}"
                                "(增速目标,不按时间进度折算)" + note, latest.span))
                v.paced += 1
            else:
                v.paced += 1  # at or above its target a rate is on course
                if note:
                    v.kept.append((f"增长{fmt(latest.value)}{t.unit},达到目标{fmt(t.value)}{t.unit}"
                                   + note, latest.span))
            continue
        if t.kind == "reduction" or t.comparator == "decrease_by":
            if t.met_by(latest.value, latest.family, latest.factor):  # in the target's unit
                v.reached.append((f"已{'下降' if t.family == 'percent' else '压减'}"
                                  f"{fmt(latest.value)}{latest.unit},达到压减目标{fmt(t.value)}{t.unit}" + note,
                                  latest.span))
                v.paced += 1
            elif final and latest.family == t.family:
                v.slight.append((f"全年压减{fmt(latest.value)}{latest.unit},未达目标{fmt(t.value)}{t.unit}" + note,
                                 latest.span))
            continue
        if t.family == "rank_step":
            # A move up in rank (排名提升3位): met by a move of at least N places, never
            # prorated; a fall is amber before the year ends and red at its end.
            if latest.family != t.family:
                v.judged -= 1
            elif latest.value >= t.value:
                v.paced += 1
                v.reached.append((f"排名提升{fmt(latest.value)}位,已达目标提升{fmt(t.value)}位" + note,
                                  latest.span))
            elif latest.value < 0:
                (v.behind if final else v.slight).append((
                    f"排名下降{fmt(-latest.value)}位,目标提升{fmt(t.value)}位" + note, latest.span))
            elif final:
                v.slight.append((f"排名提升{fmt(latest.value)}位,未达目标提升{fmt(t.value)}位" + note,
                                 latest.span))
            else:
                v.judged -= 1
            continue
        if t.comparator == "<=":
            # Smaller is better (a limit, a price to bring down, a rank): compared by value in
            # the target's unit, never as a share of the target.
            met = t.met_by(latest.value, latest.family, latest.factor)
            if met is None:
                v.judged -= 1
            elif met:
                v.paced += 1
                if t.kind == "rank":
                    v.reached.append((f"排名第{fmt(latest.value)},已达目标前{fmt(t.value)}" + note, latest.span))
                elif lowered_to(t):
                    v.reached.append((f"{fmt(latest.value)}{latest.unit}已降至目标{fmt(t.value)}{t.unit}"
                                      + note, latest.span))
                elif note:
                    v.kept.append((f"{fmt(latest.value)}{latest.unit}未超上限{fmt(t.value)}{t.unit}" + note,
                                   latest.span))
            elif t.kind == "rank" or lowered_to(t):
                # A rank or a level to bring down to (降至4.77元/方) not yet reached is no lag
                # before the year ends (amber for a rank, which a supervisor watches), a miss
                # at its end.
                said = (f"排名第{fmt(latest.value)},未达目标前{fmt(t.value)}" if t.kind == "rank" else
                        f"{fmt(latest.value)}{latest.unit}未降至目标{fmt(t.value)}{t.unit}")
                amount = latest.value * latest.factor
                if final and t.kind == "rank":
                    v.behind.append((said + note, latest.span))
                elif final and amount > 0 and pace_band(t.base_amount / amount, 1.0) == "red":
                    # Far above the level to bring down to (its share of the figure under
                    # PACE_AMBER), graded like a level to raise at the year's end: red.
                    v.behind.append((said + f",差距较大(目标不足实际的{rules.PACE_AMBER:.0%})" + note,
                                     latest.span))
                elif final or t.kind == "rank":
                    v.slight.append((said + note, latest.span))
                else:
                    v.judged -= 1
            else:
                v.behind.append((f"{fmt(latest.value)}{latest.unit}超出上限{fmt(t.value)}{t.unit}" + note,
                                 latest.span))
            continue
        ratio = latest.ratio
        if latest.ratio_stated is not None and (ratio is None or latest.ratio_stated < ratio * 100):
            ratio = latest.ratio_stated / rules.PERCENT
        if ratio is None:
            v.judged -= 1
            continue
        if ratio >= 1:
            v.reached.append((f"{fmt(latest.value)}{latest.unit}已达目标{fmt(t.value)}{t.unit}" + note,
                              latest.span))
            v.paced += 1
            continue
        if t.kind != "cumulative":
            # A level, ratio or price is met or not at any time of year; not yet, before the
            # year ends, is no lag. At the year's end it is due like a running total at its
            # end, and graded by the same bands (pace = ratio at elapsed 1.0): at least
            # rules.PACE_AMBER of it amber, further short red.
            if final:
                short = f"{fmt(latest.value)}{latest.unit}未达目标{fmt(t.value)}{t.unit}"
                if pace_band(ratio, 1.0) == "red":
                    v.behind.append((f"全年{short},差距较大(不足目标的{rules.PACE_AMBER:.0%})" + note,
                                     latest.span))
                else:
                    v.slight.append((short + note, latest.span))
            else:
                v.judged -= 1
            continue
        # A period's own target (一季度目标) falls due at the period's end.
        elapsed = min(1.0, _elapsed(latest, share) / t.due_share) if t.due_share > 0 else 1.0
        years = programme_years(t)
        if years is not None:  # a programme's total: the share of the programme elapsed
            a, b = years
            if year is None or not a <= year <= b:
                v.judged -= 1  # no pace from one year's share: the figures neither red nor amber
                continue
            elapsed = (year - a + elapsed) / (b - a + 1)
            note = rules.PROGRAMME_NOTE.format(a=a, b=b) + note
        band = pace_band(ratio, elapsed)
        said = f"{as_of}完成目标{fmt(t.value)}{t.unit}的{ratio:.0%}"
        if two_levels and ratio < rules.HIGHER_LEVEL_SHARE and latest.ratio_stated is None:
            v.judged -= 1  # the lower level's part of the higher level's total: not paced
            v.kept.append((said + rules.HIGHER_LEVEL_NOTE.format(
                value=f"{fmt(latest.value)}{latest.unit}") + note,
                latest.span))
            continue
        if band == "ahead":
            v.ahead.append((f"{said},超过时间进度{elapsed:.0%}" + note, latest.span))
            v.paced += 1
        elif band == "on":
            v.paced += 1
            if note:
                v.kept.append((f"{said},不低于时间进度{elapsed:.0%}" + note, latest.span))
        elif band == "amber":
            v.slight.append((f"{said},略低于时间进度{elapsed:.0%}" + note, latest.span))
        elif (latest.ratio_stated is not None and latest.ratio is not None
              and pace_band(latest.ratio_stated / rules.PERCENT, elapsed) != "red"):
            # The unit's own share keeps out of the red band: amber (rules.STATED_SHARE_NOTE).
            v.slight.append((f"{said},低于时间进度{elapsed:.0%}" + rules.STATED_SHARE_NOTE.format(
                stated=fmt(latest.ratio_stated), computed=latest.ratio) + note, latest.span))
        elif under_way and ratio > 0 and t.family == "count" and t.base_amount <= rules.LUMPY_COUNT_MAX:
            v.slight.append((f"{said},低于时间进度{elapsed:.0%}" + rules.LUMPY_NOTE + note, latest.span))
        else:
            v.behind.append((f"{as_of}仅完成目标{fmt(t.value)}{t.unit}的{ratio:.0%},"
                             f"低于时间进度{elapsed:.0%}" + note, latest.span))
    for r in ratios:
        if not r.annual or any(m.ratio_stated == r.value for m in ms):
            continue
        ratio = r.value / rules.PERCENT
        span = Span(r.field, r.item, r.start, r.end, r.text[r.start : r.end])
        band = pace_band(ratio, share)
        if (ratio >= 1 or band in ("ahead", "on")) and sum(
                _listed_in(o) == _listed_in(r) for o in ratios) > 1:
            # One of the shares a sentence lists for its parts (分别完成…的63%、70%和95%; or
            # item by item between semicolons: 路灯…完成计划的37.2%;水渠…完成计划的62.4%)
            # keeping pace: that part is on course, so another part's short share is a part
            # lagging. A share stated alone may be of anything (双随机抽查任务完成率75%): no
            # pace of the task.
            v.paced += 1
        if ratio >= 1:
            v.reached.append((f"完成年度计划{fmt(r.value)}%", span))
        elif band == "ahead":
            v.ahead.append((f"完成年度计划{fmt(r.value)}%,超过时间进度{share:.0%}", span))
        elif band == "red":
            v.behind.append((f"完成年度计划{fmt(r.value)}%,低于时间进度{share:.0%}", span))
        elif band == "amber":
            v.slight.append((f"完成年度计划{fmt(r.value)}%,略低于时间进度{share:.0%}", span))
    return v


def _listed_in(r: RatioStatement) -> tuple[str, int | None, int]:
    """The list a share belongs to: its cell and the full sentence holding it, which ends only
    at 。!? or a line's end — a semicolon parts the items of one list (rules.LIST_SENTENCE_END)."""
    start = max(r.text.rfind(c, 0, r.start) for c in rules.LIST_SENTENCE_END) + 1
    return r.field, r.item, start


def lowered_to(t: Target) -> bool:
    """A level to bring down to (降至4.77元/方, 下降到3%: rules.LOWER_TO), not a cap kept (控制在
    …以内): not yet reached before the year ends is no lag, like a level to raise."""
    return t.comparator == "<=" and t.kind != "rank" and any(w in t.span.text for w in rules.LOWER_TO)


def pace_band(ratio: float, elapsed: float) -> str:
    """"ahead", "on", "amber" or "red": a running total's ratio to its annual target against
    the share of the year elapsed (rules.PACE_*)."""
    if elapsed <= 0:
        return "on"
    pace = ratio / elapsed
    if pace >= rules.PACE_AHEAD and ratio < 1:
        return "ahead"
    if pace >= rules.PACE_ON or ratio >= 1:
        return "on"
    return "amber" if pace >= rules.PACE_AMBER else "red"


def share_of_year(period: Period | None) -> float:
    """Share of the year elapsed at the period's end: by days when its end date is known (a
    report to 15 May is 0.37, not 5/12), else by months; 1.0 without a period."""
    if period is None:
        return 1.0
    d = period.end_date
    if period.kind is not PeriodKind.PLAN and d is not None and \
            d.day != calendar.monthrange(d.year, d.month)[1]:
        return min(1.0, d.timetuple().tm_yday / (366 if calendar.isleap(d.year) else 365))
    return period.share_elapsed  # a month's end: whole months (Q3 is exactly 0.75)
