"""What the table itself says, beside the texts: a declared status column (是否达序: 否,
形象进度 100%, 进展状态: 顺利推进), a target column (全年目标, 一季度目标) and the figures a unit
files in a reporting round. Each is evidence, and the status's reason says so.

How a declared status meets the status read from the texts (rules.DECLARED_STATUS):

- a unit that declares its task lags (否, 滞后, 未启动) is believed, unless the texts already
  say it is red; when they do, in the other red (the table 滞后, the text 未启动), a grade that
  names its red (rules.DECLARED_RED_GRADES; not 否, a share or 未完成) says which (DECLARED RED
  NAMES THE RED): a grade is the office's verdict on the whole task, while the text's words may
  speak of one part of it (治理工程中一段2公里未启动); the text's reading stays in the reason
  as the alternative;
- a declared done or ahead wins over a green or grey reading of the texts, not over red;
- a declared "on course" turns a vague or empty reading green, and never hides a lag the
  texts state (the reason then names the declaration too).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from luoshi.extract import rules
from luoshi.extract.clauses import bigrams
from luoshi.extract.model import (
    DONE_BY_FIGURES,
    FIELD_ACTUAL,
    FIELD_DECLARED,
    Measurement,
    Span,
    StatusResult,
    Target,
)
from luoshi.extract.numbers import Quantity, find_quantities, normalise
from luoshi.extract.pace import lowered_to, pace_band
from luoshi.extract.progress_plan import plans_in_cell
from luoshi.extract.rowparts import column_rows
from luoshi.extract.targets import extract_targets, target_kind
from luoshi.extract.units import comparable
from luoshi.ingest.headers import PERIOD_WORD, header_key, header_role
from luoshi.ingest.layout import GROUP_KEY
from luoshi.ingest.model import Task
from luoshi.ingest.period_status import is_grade
from luoshi.ingest.periods import parse_period
from luoshi.vocab import ColumnRole, Status

_DECLARED = [(re.compile(p), Status(s)) for p, s in rules.DECLARED_STATUS]
_PERCENT = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*[%％]")
# A header that gives its unit as per cent (完成目标(%)): its bare numbers are percentages.
_PERCENT_HEADER = re.compile(r"[(（]\s*[%％]\s*[)）]")
_BARE_NUMBER = re.compile(rf"^(-?[0-9]+(?:\.[0-9]+)?)(?:{rules.BARE_QUALIFIER})?$")
_GROWTH_HEADER = re.compile(rules.GROWTH_HEADER)
_RATE_HEADER = re.compile(rules.DECLARED_RATE_HEADER)
_BAND = re.compile(rules.DECLARED_BAND_AFTER)
_BRACKET_UNIT = re.compile(rf"[(（]\s*([^()（）\s]{{1,{rules.INDICATOR_UNIT_MAX}}})\s*[)）]\s*$")


@dataclass(frozen=True)
class DeclaredShare:
    """A progress share a declared-status cell states, in per cent as stated (45 for 45%)."""

    value: float
    span: Span  # the number (with its % when written) inside the cell

    @property
    def believable(self) -> bool:
        """Above rules.DECLARED_SHARE_MAX a "share" is a count in the wrong column (完成目标(%):
        19456): the columns are misread, and the cell is no evidence at all."""
        return self.value <= rules.DECLARED_SHARE_MAX


def declared_share(header: str, text: str) -> DeclaredShare | None:
    """The one reading of a declared progress share, for the status it declares, for how it
    meets the texts' status (combine) and for the figure it reports (declared_figures): "N%"
    anywhere in the cell (形象进度: 完成45%), or the whole cell a bare number under a header
    that gives per cent (完成目标(%): 80). None when the cell states no share."""
    m = _PERCENT.search(text) or (_PERCENT_HEADER.search(header) and _BARE_NUMBER.match(text))
    if not m:
        return None
    return DeclaredShare(float(m.group(1)), Span(FIELD_DECLARED, None, m.start(), m.end(), m.group(0)))


class Declared(NamedTuple):
    """A status the table declares: the status, its reason, the cell, and the share the cell
    states (None when it states none)."""

    status: Status
    reason: str
    span: Span
    share: DeclaredShare | None = None
_RED = (Status.BEHIND, Status.NOT_STARTED)
_RED_WORD = {Status.BEHIND: "滞后", Status.NOT_STARTED: "未启动"}
_RED_GRADE = re.compile(rules.DECLARED_RED_GRADES)
_GREEN_OR_GREY = (Status.ON_TRACK, Status.VAGUE, Status.NO_DATA, Status.AT_RISK)


def declared_status(task: Task, share: float,
                    targets: list[Target] | None = None) -> Declared | None:
    """The status a declared-status column states (its header's role decides), or None.

    A share (declared_share: 形象进度 45%, or 完成目标(%): 75.8) is judged by pace when the
    header is one of progress (形象进度) or the cell says no status phrase; one not believable
    makes the cell no evidence. A share of 100% or more before the year ends is "holds so
    far" (on course) when every one of ``targets`` must hold to the year's end, a cap kept or a
    growth rate (DECLARED SHARE OF A HELD TARGET, ``held_to_year_end``), done otherwise. A remark that is only a status
    phrase (备注: 达到时间进度), or an achieved-figure cell that is (上半年完成: 序时推进),
    declares a status when no declared-status column does."""
    remark = None
    for header, value in _latest_period_grade_last(task.extra):
        role = header_role(header, have_task=True)
        text = (value or "").strip()
        if role is ColumnRole.OTHER and is_grade(text) and PERIOD_WORD.match(header_key(header)):
            role = ColumnRole.DECLARED_STATUS  # PERIOD STATUS COLUMNS (ingest.period_status)
        if (role in (ColumnRole.REMARKS, ColumnRole.ACTUAL) and remark is None
                and 0 < len(text) <= rules.DECLARED_REMARK_MAX):
            remark = _phrase(header, text)
        if role is not ColumnRole.DECLARED_STATUS or not text:
            continue
        span = Span(FIELD_DECLARED, None, 0, len(text), text)
        sh = declared_share(header, text)
        if sh is not None and not sh.believable:
            continue  # a count under a per-cent header: the columns are misread, not evidence
        phrase = _phrase(header, text)
        if sh is not None and ("形象进度" in header or phrase is None):
            pct = sh.value / rules.PERCENT
            if pct >= 1 and _building_under_way(task):
                return Declared(Status.ON_TRACK, f"表中{header}为{text}{rules.DECLARED_FULL_NOTE}",
                                span, sh)
            if pct >= 1 and share < 1 and targets and all(map(held_to_year_end, targets)):
                said = f"表中{header}为{text}{rules.DECLARED_HELD_NOTE}"
                return Declared(Status.ON_TRACK, said, span, sh)
            if pct >= 1:
                return Declared(Status.DONE, f"表中{header}为{text}", span, sh)
            band = pace_band(pct, share)
            if band == "red":
                return Declared(Status.BEHIND, f"表中{header}为{text},低于时间进度{share:.0%}", span, sh)
            if band == "amber":
                return Declared(Status.AT_RISK, f"表中{header}为{text},略低于时间进度{share:.0%}", span, sh)
            return Declared(Status.ON_TRACK, f"表中{header}为{text}", span, sh)
        # "是否达序: 否": the answer to the header's question.
        if re.search(r"是否", header) and text in ("否", "是"):
            st = Status.BEHIND if text == "否" else Status.ON_TRACK
            return Declared(st, f"表中“{header}”为“{text}”", span, sh)
        if phrase is not None:
            return phrase._replace(share=sh)
    # a declared-status column, when there is one, wins over a remark, and both over the group
    return remark if remark is not None else group_status(task.extra.get(GROUP_KEY, ""))


_FULL_UNDER_WAY = re.compile(rules.DECLARED_FULL_UNDER_WAY)


def held_to_year_end(t: Target) -> bool:
    """Must the target hold until the year ends (rules.DECLARED_HELD_*)? A cap kept (失业率
    低于4.3%) or a growth rate (增长7%) met in July may be missed in December; a level raised
    (学位占比达到95%), a level brought down to (降至4.77元/方), a rank, a running total or a
    milestone, once reached, is reached."""
    if t.kind in rules.DECLARED_HELD_KINDS:
        return True
    return t.comparator in rules.DECLARED_HELD_COMPARATORS and t.kind != "rank" and not lowered_to(t)


def _building_under_way(task: Task) -> bool:
    """Does a progress text of the task say building work is still under way
    (rules.DECLARED_FULL_UNDER_WAY)? Then a declared 100% is not the whole task done."""
    return any(_FULL_UNDER_WAY.search(normalise(it.done or "")) for it in task.items)


def _latest_period_grade_last(extra: dict[str, str]) -> list[tuple[str, str]]:
    """The task's other cells, the period columns holding grades (第1季: 高风险 …, PERIOD STATUS
    COLUMNS) reduced to the latest period's, which is the task's status now: the earlier
    periods' grades are its history."""
    graded = [
        h for h, v in extra.items()
        if PERIOD_WORD.match(header_key(h)) and is_grade((v or "").strip())
    ]
    return [(h, v) for h, v in extra.items() if h not in graded[:-1]]


_GROUP_MARKER = re.compile(r"^\s*[(（]?[一二三四五六七八九十0-9]+[)）、.．]\s*")  # 一、 (一) 1. 2、
_GROUP = [(re.compile(p), Status(s)) for p, s in rules.GROUP_STATUS]
_GROUP_NOUN = re.compile(rules.GROUP_STATUS_NOUNS)


def group_status(heading: str) -> Declared | None:
    """The status a group heading declares of the items under it (rules.GROUP_STATUS), or None:
    a short heading naming a kind of item and a grade ("(一)完成事项情况" is done)."""
    text = _GROUP_MARKER.sub("", heading).strip()
    if not text or len(text) > rules.GROUP_STATUS_MAX or not _GROUP_NOUN.search(text):
        return None
    for pattern, st in _GROUP:
        if pattern.search(text):
            return Declared(st, f"所在分组“{heading.strip()}”", Span(FIELD_DECLARED, None, 0, len(heading), heading))
    return None


def _phrase(header: str, text: str) -> Declared | None:
    """The status a cell's words declare (the first DECLARED_STATUS pattern found), or None."""
    for pattern, st in _DECLARED:
        if pattern.search(text):
            return Declared(st, f"表中“{header}”为“{text}”", Span(FIELD_DECLARED, None, 0, len(text), text))
    return None


def combine(derived: StatusResult, declared: Declared | None) -> StatusResult:
    """The texts' status and the table's declaration, by the rules of this module."""
    if declared is None:
        return derived
    st, reason, span, sh = declared
    take = (
        (st in (*_RED, Status.AT_RISK) and derived.value not in _RED)
        # DECLARED RED NAMES THE RED: both red, the grade the office gave the whole task wins
        or (st in _RED and derived.value in _RED and st is not derived.value
            and sh is None and _RED_GRADE.search(span.text) is not None)
        # DECLARED DONE, A PART SAID TO LAG: done is never given while the words say a part lags
        # or a milestone slipped (rules.DECLARED_DONE_NOT_OVER), by the table either.
        or (st in (Status.DONE, Status.AHEAD) and derived.value not in _RED
            and not (st is Status.DONE and derived.rule in rules.DECLARED_DONE_NOT_OVER))
        or (st is Status.ON_TRACK and derived.value in (Status.VAGUE, Status.NO_DATA))
        # The unit's declared progress of the whole task keeps pace while the only lag is a
        # figure's (a count of parts finished, 3 of 16, while the rest are under way): the
        # declaration covers the whole task, the figure a part. Never over words of delay.
        or (st is Status.ON_TRACK and sh is not None
            and derived.rule.startswith("figures") and derived.value in (Status.AT_RISK, Status.BEHIND))
        # DECLARED ON COURSE OUTWEIGHS FIGURES: the unit says its work goes on (按时序推进) while
        # the figures read reach every target; figures may count things chosen or begun (确定
        # 500户改造对象), the unit knows its work: on course, the figures' done said as the other
        # reading. Not over words that say the work is finished, nor over a declared share.
        or (st is Status.ON_TRACK and sh is None and derived.rule == DONE_BY_FIGURES)
    )
    if take:
        tag = "(表中标注)" if span.field == FIELD_DECLARED else ""  # or the text's own share
        if st in _RED and derived.value in _RED:  # DECLARED RED NAMES THE RED: other said
            tag += rules.DECLARED_RED_NOTE.format(other=_RED_WORD[derived.value])
        return StatusResult(st, f"{reason}{tag}" + (f";{derived.reason}" if derived.reason else ""),
                            [span, *derived.evidence], "declared")
    if st is not derived.value or rules.DECLARED_FULL_NOTE in reason \
            or rules.DECLARED_HELD_NOTE in reason:  # the other reading said
        derived.reason = f"{derived.reason};{reason}"
        derived.evidence = [*derived.evidence, span]
    return derived


def column_targets(task: Task, text_targets: list[Target] | None = None) -> list[Target]:
    """Targets read from the table's target column(s) (全年目标, 半年度目标任务 …). A column
    naming a period shorter than the year states that period's own target: it falls due at
    the period's end (``due_share``), so figures are compared with it as is by then. A figure
    the cell's own words date earlier (其中上半年完成8个) falls due then, as in a task's text.

    A year's target the column restates from the task text (the text: 生产总值增长8%左右; the
    column 年度目标: 全市生产总值增长8%左右,…) is the same target, not a second one
    (``restates``); ``text_targets`` are the text's targets when the caller has them.

    A task of joined indicator rows (rowparts.py) has each row's column targets, their spans
    where they lie in the joined cells."""
    rows = column_rows(task)
    if rows is not None:
        return [dataclasses.replace(t, span=rows.shift(t.span, k))
                for k, row in enumerate(rows.rows) for t in column_targets(row)]
    if text_targets is None:
        text_targets = extract_targets(task.text)
    out: list[Target] = []
    for header, value in task.extra.items():
        if value and header_role(header, have_task=True).value in rules.PLAN_COLUMN_ROLES:
            for t in plans_in_cell(value, FIELD_TARGET_COLUMN):  # YEAR'S PLAN IN ANOTHER COLUMN
                if not any(x.family == t.family for x in text_targets + out):
                    t.column = header
                    out.append(t)
        if not value or not _states_targets(header):
            continue
        period = parse_period(header)
        due = period.share_elapsed if period is not None and period.share_elapsed > 0 else 1.0
        for t in (extract_targets(value, field=FIELD_TARGET_COLUMN)
                  or _bare_target(header, value, task.text, task.unit_line, other_cells(task),
                                  measure_unit(task))):
            # the column's own period (一季度目标), or the cell's words when they date the
            # figure earlier, as in a task's text (全年目标: 完成20个村,其中上半年完成8个)
            t.due_share = min(t.due_share, due, 1.0)
            t.column = header
            if _names_no_metric(t) and task.text.strip():
                # 年度目标: 3家 — the row's name is the metric (rules.COLUMN_METRIC_MIN_CJK).
                t.metric = normalise(task.text.strip())
                t.context = f"{t.metric} {t.context}"
                t.kind = target_kind(t)
            if not any(restates(t, x) for x in text_targets):
                out.append(t)
    return out


_CONTENT_HEADER = re.compile(rules.CONTENT_HEADER)


@lru_cache(maxsize=4096)
def _states_targets(header: str) -> bool:
    """A target column, or a CONTENT COLUMN (rules.CONTENT_HEADER: 工作任务, 项目内容 beside
    the task's name) the reader gave the role task or other."""
    role = header_role(header, have_task=True)
    return role is ColumnRole.TARGET or (
        role in (ColumnRole.TASK, ColumnRole.OTHER)
        and _CONTENT_HEADER.search(header_key(header)) is not None)


def restates(column: Target, text: Target) -> bool:
    """Does a target read from a column say again a target of the task text: due with the year,
    the same amount in the same unit family, both a change of the same direction or neither
    (增长8% is not 占比8%, nor 下降8%), and metrics sharing a pair of characters, or the column's
    naming none of its own (rules.COLUMN_METRIC_MIN_CJK)? A period's own target (一季度目标) is
    another target."""
    if column.due_share < 1.0 or column.family != text.family:
        return False
    if abs(column.base_amount - text.base_amount) > 1e-9 * max(1.0, abs(text.base_amount)):
        return False
    change = ("increase_by", "decrease_by")
    if (column.comparator in change or text.comparator in change) and column.comparator != text.comparator:
        return False
    return _names_no_metric(column) or bool(bigrams(column.metric) & bigrams(text.metric))


_COMPARATOR_WORDS = re.compile("|".join(map(re.escape, sorted(
    rules.SUFFIX_GE + rules.SUFFIX_LE + rules.PREFIX_GE + rules.PREFIX_LE + rules.PREFIX_REACH
    + ("左右", "约"), key=len, reverse=True))))


def _names_no_metric(t: Target) -> bool:
    rest = _COMPARATOR_WORDS.sub("", t.metric.replace(t.unit, ""))
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) < rules.COLUMN_METRIC_MIN_CJK


FIELD_TARGET_COLUMN = "target_column"


def reported_targets(targets: list[Target], reported: dict[int, float] | None) -> dict[int, float]:
    """Reported figures of a round entry, by target index, for targets that exist."""
    if not reported:
        return {}
    return {i: v for i, v in reported.items() if 0 <= i < len(targets) and v is not None}


def declared_figures(task: Task, month: int | None) -> list[Measurement]:
    """A declared share of the whole task's progress (形象进度 45%, 进度(%): 80; declared_share,
    believable ones only) is a figure the table reports; a completion rate (完成率, 完成目标(%):
    rules.DECLARED_RATE_HEADER) is the stated ratio of an amount the row gives elsewhere, no
    figure of its own; a share written as a band's bound (完成年计划70%以上: DECLARED BAND) is a
    grade, no figure."""
    out = []
    for header, value in task.extra.items():
        if header_role(header, have_task=True) is not ColumnRole.DECLARED_STATUS \
                or _RATE_HEADER.search(header_key(header)):
            continue
        text = (value or "").strip()
        sh = declared_share(header, text)
        if sh is not None and sh.believable and not _band(header, text, sh):
            out.append(Measurement(metric=header, value=sh.value, unit="%", as_of="", span=sh.span,
                                   ratio_stated=sh.value, family="percent", as_of_month=month))
    return out


def _band(header: str, text: str, sh: DeclaredShare) -> bool:
    """DECLARED BAND: is the share a band's bound (70%以上, 30%-50%) in a cell of grades? Under
    a header of progress or per cent (形象进度: 90%以上) it is the unit's own estimate of its
    task: a figure ("more than"), as a figure after 超过 in a text is."""
    if "进度" in header or _PERCENT_HEADER.search(header):
        return False
    return _BAND.match(text, sh.span.end) is not None


# -- indicator rows: a bare number under a column, its unit in brackets (rules.INDICATOR_UNIT_MAX)


def _quantity(number: str, unit: str) -> Quantity | None:
    """``number`` in ``unit`` when the two read as one amount ("26000" + "人"), else None. A
    bare cell's minus sign (-3.6 under 上半年完成(%): a fall) is the value's."""
    if number.startswith("-") and (q := _quantity(number[1:], unit)) is not None:
        return dataclasses.replace(q, value=-q.value)
    text = normalise(f"{number}{unit}")
    qs = [q for q in find_quantities(text) if q.is_amount]
    return qs[0] if len(qs) == 1 and qs[0].start == 0 and qs[0].end == len(text) else None


_UNIT_LINE = re.compile(rules.UNIT_LINE)


def indicator_unit(header: str, text: str, unit_line: str = "",
                   measure: str = "") -> tuple[str, str] | None:
    """The unit a bare number of this row's cell under ``header`` is in, and the row's name
    without it: the header's bracketed unit (完成投资(万元)), else the row's (城镇新增就业(人)),
    else the row's unit-of-measure cell ``measure`` (measure_unit), else the table's unit line
    when it speaks of this column (table_unit). None when none gives a unit that reads as one."""
    for source, own in ((header, True), (text, False)):
        m = _BRACKET_UNIT.search(source.strip())
        if m is None:
            continue
        unit = normalise(m.group(1))
        if _quantity("1", unit) is not None:
            return unit, (text.strip() if own else source.strip()[: m.start()])
    if measure:
        return measure, text.strip()
    unit = table_unit(header, unit_line)
    return (unit, text.strip()) if unit else None


_MEASURE_HEADER = re.compile(rules.MEASURE_UNIT_HEADER)


def measure_unit(task: Task) -> str:
    """The row's cell under a unit-of-measure column (rules.MEASURE_UNIT_HEADER: 单位 | 人次)
    when it reads as a unit, else ""."""
    for header, value in task.extra.items():
        unit = normalise((value or "").strip())
        if unit and "\n" not in unit and _MEASURE_HEADER.match(header_key(header)) \
                and _quantity("1", unit) is not None:
            return unit
    return ""


def stated_unit(number: str, others: str) -> str:
    """The unit the row's other cells write ``number`` in (备注: 已完成174户施工改造 gives a bare
    174 the unit 户; rules.STATED_UNIT_MIN_DIGITS), "" when they write it in none or in
    several units."""
    if len(number.split(".")[0]) < rules.STATED_UNIT_MIN_DIGITS or not others:
        return ""
    value = float(number)
    units = {q.unit for q in find_quantities(normalise(others))
             if q.is_amount and q.value == value and q.unit and q.unit != "%"}
    return units.pop() if len(units) == 1 else ""


def other_cells(task: Task) -> str:
    """The row's cells of words other than its target and achieved-figure columns (备注 …),
    one per line: where a bare number's unit may be written (``stated_unit``)."""
    return "\n".join(v for h, v in task.extra.items()
                     if v and not _bare_number(v) and not _achieved(h)
                     and header_role(h, have_task=True) is not ColumnRole.TARGET)


def table_unit(header: str, unit_line: str) -> str:
    """The unit the table's unit line gives a bare number under ``header`` (rules.UNIT_LINE:
    a money line only to a header naming money), "" when it gives none."""
    m = _UNIT_LINE.match(normalise(unit_line or ""))
    if m is None:
        return ""
    unit = m.group("unit")
    if m.group("what") in rules.UNIT_LINE_MONEY and not any(w in header for w in rules.UNIT_LINE_MONEY_HEADERS):
        return ""
    return unit if _quantity("1", unit) is not None else ""


def _bare_number(value: str | None) -> tuple[str, int] | None:
    text = value or ""
    m = _BARE_NUMBER.match(text.strip())
    return (m.group(1), text.index(m.group(1))) if m else None


def _bare_target(header: str, value: str, text: str, unit_line: str = "",
                 others: str = "", measure: str = "") -> list[Target]:
    """A target column's bare number (目标任务: 26000) in the unit of its header or row
    (城镇新增就业(人)); metric and comparator from the row's name as if the figure followed it
    (城镇登记失业率低于(%) | 4.3 is <= 4.3%). The span is the number in the cell."""
    bare, found = _bare_number(value), indicator_unit(header, text, unit_line, measure)
    if bare is not None and found is None and (unit := stated_unit(bare[0], others)):
        found = (unit, text.strip())
    if bare is None or found is None:
        return []
    (number, at), (unit, name) = bare, found
    # (rules.BARE_QUALIFIER, GROWTH_HEADER: the cell's comparator, the column's growth)
    grows = _GROWTH_HEADER.search(header_key(header)) and not _GROWTH_HEADER.search(name)
    written = f"{name}{'增长' if grows else ''}{number}{unit}"
    said = written + value.strip()[at + len(number):]
    ts = [t for t in extract_targets(said)
          if len(written) <= t.span.end <= len(said) and t.value == float(number)]
    if not ts:
        return []
    t = ts[-1]
    t.span = Span(FIELD_TARGET_COLUMN, None, at, at + len(number), number)
    t.metric = t.metric if t.metric != written else name
    t.kind = target_kind(t)
    return [t]


def _achieved(header: str, month: int | None = None) -> bool:
    """An achieved-figure column of this entry (已完成数), or a progress column (进度) the reader
    kept beside the progress text because it holds figures (it gave it the role actual); not
    an earlier period's progress column kept
    beside the latest (一季度完成情况 in a table up to 三季度: its own period's entry,
    luoshi.ingest.period_columns). A progress column dated to the report's own period (``month``,
    the last month the report covers: 1-9月份工作取得成效 beside 1-9月份工作完成情况 in a report
    up to September) is this entry's too: two columns of one period are its progress told twice
    (what was done, what it achieved)."""
    role = header_role(header, have_task=True)
    if role is ColumnRole.ACTUAL:
        return True
    if role is not ColumnRole.DONE:
        return False
    dated = parse_period(header)
    return dated is None or (month is not None and dated.share_elapsed > 0
                             and dated.end_month == month)


def actual_cells(task: Task, month: int | None = None) -> list[str]:
    """The row's cells under an achieved-figure column (``_achieved``; ``month`` the last month
    of the report's period, when known): reported progress, read like a progress cell (field
    FIELD_ACTUAL) for figures and status; a bare number's unit is indicator_figures'."""
    return [value for header, value in task.extra.items()
            if value and value.strip() and _achieved(header, month)]


def indicator_figures(task: Task, targets: list[Target], found: list[Measurement],
                      month: int | None) -> list[Measurement]:
    """An achieved-figure column's bare number (进度: 19456) in the unit of its header or row,
    as a measurement of the row's one target of a comparable unit (one from a target column
    first: the same row's 目标任务), with the row's declared completion rate (完成目标(%): 74.8)
    as its stated ratio; a figure of no target when none or several compare. A figure the
    progress cells already report (same value and unit family) is not read twice."""
    rate = None
    for header, value in task.extra.items():
        if (header_role(header, have_task=True) is ColumnRole.DECLARED_STATUS
                and _RATE_HEADER.search(header_key(header))):
            sh = declared_share(header, (value or "").strip())
            if sh is not None and sh.believable:
                rate = sh.value
    out = []
    for header, value in task.extra.items():
        if not _achieved(header, month):
            continue
        bare = _bare_number(value)
        unit = indicator_unit(header, task.text, task.unit_line, measure_unit(task))
        if bare is not None and unit is None and (said := stated_unit(bare[0], other_cells(task))):
            unit = (said, task.text.strip())
        if bare is None or unit is None:
            continue
        (number, at), q = bare, _quantity(bare[0], unit[0])
        if q is None or any(m.value == q.value and m.family == q.family for m in found):
            continue
        fits = [i for i, t in enumerate(targets) if comparable(q.unit, q.family, t.unit, t.family)]
        own = [i for i in fits if targets[i].column]
        pick = own if own else fits
        ti = pick[0] if len(pick) == 1 else None
        t = targets[ti] if ti is not None else None
        out.append(Measurement(metric=t.metric if t else header, value=q.value, unit=q.unit, as_of="",
                               span=Span(FIELD_ACTUAL, None, at, at + len(number), number),
                               ratio_stated=rate, target=ti,
                               ratio=t.ratio_of(q.value, q.family, q.factor) if t else None,
                               family=q.family, factor=q.factor, as_of_month=month))
    return out
