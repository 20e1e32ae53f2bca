"""Typed results of reading a published progress table. Pure Python, no Django.

The JSON form (``ParsedDocument.to_dict``) is a public contract read by other tools; its shape
is documented in docs/parse-json.md and must not change without updating that page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from luoshi.vocab import PERIOD_KIND_END_MONTH, ColumnRole, PeriodKind


@dataclass(frozen=True)
class Period:
    """A reporting period; progress is cumulative from 1 January of the plan's year."""

    kind: PeriodKind
    label: str  # as written: 三季度, 前三季度, 1-11月 …
    end_date: date | None = None
    month: int | None = None  # last month covered, for kind MONTH

    @property
    def end_month(self) -> int:
        if self.kind is PeriodKind.MONTH and self.month:
            return self.month
        if self.end_date is not None:
            return self.end_date.month
        return PERIOD_KIND_END_MONTH.get(self.kind, 12)

    @property
    def share_elapsed(self) -> float:
        """Share of the year elapsed at the end of the period (Q3 -> 0.75, plan -> 0)."""
        if self.kind is PeriodKind.PLAN:
            return 0.0
        return self.end_month / 12

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "label": self.label,
            "end_date": self.end_date.isoformat() if self.end_date else None,
        }


@dataclass
class Meta:
    """The publication metadata block and what the title tells."""

    title: str = ""
    index_no: str = ""  # 索引号
    category: str = ""  # 组配分类
    publisher: str = ""  # 发布机构
    written_date: date | None = None  # 成文日期 / 生成日期
    published_date: date | None = None  # 发布日期
    disclosure: str = ""  # 公开方式
    government: str = ""  # 舟山市, 洞头区 …
    year: int | None = None
    period: Period | None = None
    notes: list[str] = field(default_factory=list)  # notes about the table, not cells
    # Where the page came from (a saved page's "URL:" line); in the JSON only when known.
    source_url: str = ""
    # A line above or below the table stating the unit of its bare numbers ("金额单位:万元",
    # "单位:亿元"), simplified forms; luoshi.extract decides which columns it applies to. In
    # the JSON only when found.
    unit_line: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "title": self.title,
            "index_no": self.index_no,
            "category": self.category,
            "publisher": self.publisher,
            "written_date": self.written_date.isoformat() if self.written_date else None,
            "published_date": self.published_date.isoformat() if self.published_date else None,
            "disclosure": self.disclosure,
            "government": self.government,
            "year": self.year,
            "period": self.period.to_dict() if self.period else None,
            "notes": list(self.notes),
        }
        if self.source_url:
            out["source_url"] = self.source_url
        if self.unit_line:
            out["unit_line"] = self.unit_line
        return out


@dataclass(frozen=True)
class Column:
    header: str  # as written, whitespace removed
    role: ColumnRole

    def to_dict(self) -> dict[str, Any]:
        return {"header": self.header, "role": str(self.role)}


@dataclass
class Item:
    """One sub-item of a task (or the whole task when it has no sub-rows)."""

    heading: str | None = None
    done: str = ""  # 完成情况 / 进展情况
    problems: str = ""  # 存在问题及困难
    next_steps: str = ""  # 下一步工作

    def to_dict(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "done": self.done,
            "problems": self.problems,
            "next_steps": self.next_steps,
        }


@dataclass
class Task:
    serial: str  # 序号 as text: "1", "12", "(三)" …
    text: str
    units: list[str] = field(default_factory=list)  # ordered, lead first
    items: list[Item] = field(default_factory=list)
    line_start: int | None = None  # 1-based source lines, for messages; not in the JSON
    line_end: int | None = None
    # Cells of the other columns (leader, declared status, unknown …) by header, so exporters
    # can write the source's columns back; not in the JSON contract.
    extra: dict[str, str] = field(default_factory=dict)
    # The unit line of the task's table (Meta.unit_line), so that an analysis of the task alone
    # reads its bare amounts in that unit; not in the JSON contract.
    unit_line: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "serial": self.serial,
            "text": self.text,
            "units": list(self.units),
            "items": [item.to_dict() for item in self.items],
        }


@dataclass(frozen=True)
class ParseWarning:
    line: int | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class Inference:
    """Which structure the reader inferred and how sure it is (luoshi.ingest.inference).
    Not in the JSON contract."""

    layout: str  # "pipe", "cells-per-line", "html" …
    confidence: str  # "high" / "medium" / "low"
    reasons: tuple[str, ...] = ()  # the facts behind it, in words
    alternatives: tuple[str, ...] = ()  # other layouts the page also looked like

    def summary(self) -> str:
        """One line: layout, confidence and reasons."""
        why = "; ".join(self.reasons)
        return f"{self.layout}, {self.confidence} confidence" + (f" ({why})" if why else "")


@dataclass
class ParsedDocument:
    meta: Meta
    columns: list[Column]
    tasks: list[Task]
    warnings: list[ParseWarning] = field(default_factory=list)
    # Provenance, not in the JSON contract: which reader and which table layout produced this.
    source_name: str = ""
    sha256: str = ""
    format: str = ""  # registry key of the reader: "text", "html", "docx" …
    layout: str = ""  # e.g. "cells-per-line", "pipe"
    # Other layouts the page also looked like (set by a reader choosing among layouts), and
    # the statement of what was inferred and how sure (set once by read_document).
    runner_up: list[str] = field(default_factory=list)
    # What a reader itself doubts about the structure (columns guessed, cells split by guess),
    # in words: each lowers the confidence (luoshi.ingest.inference).
    doubts: list[str] = field(default_factory=list)
    inference: Inference | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": self.meta.to_dict(),
            "columns": [c.to_dict() for c in self.columns],
            "tasks": [t.to_dict() for t in self.tasks],
            "warnings": [w.to_dict() for w in self.warnings],
        }

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(ParseWarning(line, message))
