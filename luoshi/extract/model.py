"""Typed results of the analysis. Pure Python; the JSON form is ``TaskAnalysis.to_dict``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from luoshi.vocab import Status

# Where a span lies: the task text, or a cell of one of the task's items.
FIELD_TEXT = "text"
FIELD_DONE = "done"
FIELD_PROBLEMS = "problems"
FIELD_NEXT = "next_steps"
# Evidence from the table itself: a declared-status cell, a figure filed in a reporting round.
FIELD_DECLARED = "declared"
# The rule of a done read from figures alone (every target reached), not from words saying the
# work is finished: a declared on-course phrase outweighs it (table.combine, DECLARED ON COURSE
# OUTWEIGHS FIGURES).
DONE_BY_FIGURES = "done_figures"
FIELD_REPORTED = "reported"
# A cell of an achieved-figure column (已完成数, 完成投资额: ColumnRole.ACTUAL) of the task's row.
FIELD_ACTUAL = "actual"

# The match score of a figure a person corrected or matched by hand: above any the rules give
# (metric words shared). A person's figure, this or one filed in a round (FIELD_REPORTED), is
# the one its target's verdict reads, whatever the target's kind (Measurement.by_person).
PERSON_MATCH = 1000


@dataclass(frozen=True)
class Span:
    """An exact substring of one field of a task, with its offsets (for highlighting)."""

    field: str  # "text" (the task) | "done" | "problems" | "next_steps"
    item: int | None  # index into Task.items for item fields, None for the task text
    start: int
    end: int
    text: str

    def where(self) -> dict[str, Any]:
        return {"field": self.field, "item": self.item, "start": self.start, "end": self.end}

    def key(self) -> FixKey:
        """``where`` as a key (a person's correction of a figure is looked up by it)."""
        return (self.field, self.item, self.start, self.end)


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    r = round(v, 6)
    return int(r) if r == int(r) else r


@dataclass
class Target:
    metric: str
    comparator: str  # ">=", "<=", "=", "increase_by", "decrease_by", "reach"
    value: float
    unit: str  # as written: "亿元", "%", "万标箱"
    span: Span
    family: str | None = None
    factor: float = 1.0  # value * factor = amount in the family's base unit
    value_max: float | None = None  # upper bound of a range target ("3-5个")
    context: str = ""  # the clause the target sits in, used to match measurements
    kind: str = ""  # rules.TARGET_KINDS: cumulative, rate, level, rank, reduction
    # Share of the year at which the target falls due: 1.0 for the year's target, 0.25 for a
    # first-quarter target read from a 一季度目标 column.
    due_share: float = 1.0
    column: str = ""  # the header of the target column it was read from, "" for the task text
    # Where it was read when not the task text or a column: "progress_plan", the year's plan a
    # progress cell states (luoshi/extract/progress_plan.py).
    origin: str = ""

    @property
    def base_amount(self) -> float:
        return self.value * self.factor

    def ratio_of(self, value: float, family: str | None, factor: float) -> float | None:
        """A figure (``value`` in a unit of ``family``, times ``factor`` in its base unit) as a
        share of this target; None across unit families or against a zero target, and for a
        rank: a smaller rank is better, so 10th against a target of 3rd is no "333%" of it."""
        if family != self.family or not self.value or self.family in ("rank", "rank_step"):
            return None
        return (value * factor) / self.base_amount

    def met_by(self, value: float, family: str | None, factor: float) -> bool | None:
        """Whether a figure meets this target, in the target's direction: a limit or a rank
        (comparator "<=": 控制在…以内, 降至, 前3位) is met at or below it, every other target
        at or above it (a cut, 压减8%, by cutting at least 8%). None across unit families."""
        from luoshi.extract.rules import LIMIT_TOLERANCE

        if family != self.family:
            return None
        amount = value * factor
        if self.comparator == "<=":
            return amount <= self.base_amount * (1 + LIMIT_TOLERANCE)
        return amount >= self.base_amount

    @property
    def kind_note(self) -> str:
        """How the kind is judged, in Chinese ("增速目标,不按时间进度折算")."""
        from luoshi.extract.rules import TARGET_KINDS

        return TARGET_KINDS.get(self.kind, "")

    def to_dict(self, offsets: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "metric": self.metric,
            "comparator": self.comparator,
            "value": _num(self.value),
            "unit": self.unit,
            "span": self.span.text,
            "kind": self.kind,
        }
        if self.origin:
            d["origin"] = self.origin
        if offsets:
            d["where"] = self.span.where()
        return d


@dataclass
class Measurement:
    metric: str
    value: float
    unit: str
    as_of: str  # the period as written ("1-9月", "三季度", "目前"), "" when none is given
    span: Span
    ratio_stated: float | None = None  # percent as stated: 61.98 for 完成年度计划61.98%
    target: int | None = None  # index into the task's targets
    ratio: float | None = None  # measured / target, after unit conversion
    family: str | None = None
    factor: float = 1.0
    as_of_month: int | None = None  # last month covered, None when unknown
    as_of_date: str | None = None  # ISO end date when the year is known
    approx: bool = False
    match_score: int = 0  # metric words shared with its target (0: matched by unit alone)

    @property
    def by_person(self) -> str:
        """Whose figure it is, in Chinese, when a person's: "填报值" (filed in a reporting
        round), "人工更正" (a value corrected or a match made by hand); "" for the rules'."""
        if self.span.field == FIELD_REPORTED:
            return "填报值"
        return "人工更正" if self.match_score >= PERSON_MATCH else ""

    def to_dict(self, offsets: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "metric": self.metric,
            "value": _num(self.value),
            "unit": self.unit,
            "as_of": self.as_of,
            "span": self.span.text,
            "ratio_stated": _num(self.ratio_stated),
            "target": self.target,
            "ratio": None if self.ratio is None else round(self.ratio, 4),
        }
        if offsets:
            d["where"] = self.span.where()
            d["as_of_date"] = self.as_of_date
        return d


@dataclass(frozen=True)
class MeasurementFix:
    """A person's correction of one figure read from the text, keyed by where it was read
    (``Span.key``: field, item, start, end). Applied before the status is decided, so the
    verdict follows the corrected figures."""

    value: float | None = None  # the corrected value; None keeps the value read
    set_target: bool = False  # True: ``target`` replaces the match the rules made
    target: int | None = None  # index into the task's targets; None: measures no target
    active: bool = True  # False: not a measurement at all


FixKey = tuple[str, "int | None", int, int]


@dataclass
class StatusResult:
    value: Status
    reason: str  # short, Chinese
    evidence: list[Span] = field(default_factory=list)
    rule: str = ""  # which rule decided, for debugging and docs (e.g. "delay_words")

    @property
    def light(self) -> str:
        """red / amber / green / grey (``Status.light``)."""
        return self.value.light

    def to_dict(self, offsets: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "value": str(self.value),
            "reason": self.reason,
            "evidence": [s.text for s in self.evidence],
            "light": self.light,
        }
        if offsets:
            d["evidence_where"] = [s.where() for s in self.evidence]
            d["rule"] = self.rule
        return d


@dataclass
class PartVerdict:
    """The verdict of one joined sub-row of a task (a target line of the task cell with the
    progress line beside it: luoshi/extract/subrows.py)."""

    index: int  # 0-based, in the order of the lines
    text: str  # the part's target line, as written
    status: StatusResult

    def to_dict(self, offsets: bool = False) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "status": self.status.to_dict(offsets)}


@dataclass
class TaskAnalysis:
    serial: str
    targets: list[Target]
    measurements: list[Measurement]
    status: StatusResult
    # The task's kind when it promises no figure: "milestone" or "qualitative" ("" otherwise).
    task_kind: str = ""
    # Other figures the text reports as achieved, measuring none of the targets (target None).
    figures: list[Measurement] = field(default_factory=list)
    # Joined sub-rows judged apart (luoshi/extract/subrows.py); empty for a task of one row.
    parts: list[PartVerdict] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        """Kinds of the task's targets in order, or its own kind when it has none."""
        if self.targets:
            return list(dict.fromkeys(t.kind for t in self.targets if t.kind))
        return [self.task_kind] if self.task_kind else []

    def to_dict(self, offsets: bool = False) -> dict[str, Any]:
        """The issue-4 JSON keys; ``offsets=True`` adds where each span lies (for the web)."""
        d = {
            "targets": [t.to_dict(offsets) for t in self.targets],
            "measurements": [m.to_dict(offsets) for m in self.measurements],
            "status": self.status.to_dict(offsets),
            "kinds": self.kinds,
            "figures": [m.to_dict(offsets) for m in self.figures],
        }
        if self.parts:  # only for a task of joined sub-rows: the issue-4 keys stay as they were
            d["parts"] = [p.to_dict(offsets) for p in self.parts]
        return d
