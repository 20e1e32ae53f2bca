"""The shared vocabularies: statuses, period kinds, column roles, unit roles.

Models, parsers, the API and templates all take their choices from here, so a value means
the same thing everywhere. Pure Python: importable without Django.
"""

from __future__ import annotations

from enum import StrEnum


def gettext_noop(text: str) -> str:
    """Marks a label for Django's ``makemessages`` (which extracts this name) without importing
    Django. The labels here are data — stored (a period's label), written into Chinese
    documents (bulletins, packs), CSV and the command line's tables — so they stay Chinese
    here; a page translates one where it shows it (``gettext(label)``:
    luoshi.web.statuses.shown_status, the forms' lazy choices)."""
    return text


class Status(StrEnum):
    """Where a task stands, always derived with evidence (see ``luoshi.extract``)."""

    DONE = "done"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    AT_RISK = "at_risk"
    VAGUE = "vague"
    NO_DATA = "no_data"
    AHEAD = "ahead"  # 超进度: the figures run clearly ahead of the time share
    NOT_STARTED = "not_started"  # 未启动: nothing begun when it should have been

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def light(self) -> str:
        """The colour of a 亮灯 system: red (the task as a whole lags), amber (a part lags or a
        risk is named), green (on course or finished), grey (nothing to judge)."""
        return STATUS_LIGHTS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.DONE: gettext_noop("已完成"),
    Status.ON_TRACK: gettext_noop("正常推进"),
    Status.BEHIND: gettext_noop("滞后"),
    Status.AT_RISK: gettext_noop("有风险"),
    Status.VAGUE: gettext_noop("表述笼统"),
    Status.NO_DATA: gettext_noop("无数据"),
    Status.AHEAD: gettext_noop("超进度"),
    Status.NOT_STARTED: gettext_noop("未启动"),
}

STATUS_LIGHTS: dict[Status, str] = {
    Status.DONE: "green",
    Status.AHEAD: "green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "amber",
    Status.BEHIND: "red",
    Status.NOT_STARTED: "red",
    Status.VAGUE: "grey",
    Status.NO_DATA: "grey",
}
LIGHT_LABELS = {"green": gettext_noop("绿灯"), "amber": gettext_noop("黄灯"),
                "red": gettext_noop("红灯"), "grey": gettext_noop("无法判断")}


class PeriodKind(StrEnum):
    """Reporting periods. Progress is cumulative from 1 January (三季度 means 1-9月)."""

    Q1 = "q1"  # 一季度, 1-3月
    H1 = "h1"  # 半年度, 上半年, 二季度, 1-6月
    Q3 = "q3"  # 三季度, 前三季度, 1-9月
    ANNUAL = "annual"  # 全年, 四季度, 年度
    MONTH = "month"  # 1-N月, 截至N月底: cumulative through month N
    PLAN = "plan"  # the task list itself, before any progress

    @property
    def label(self) -> str:
        return PERIOD_KIND_LABELS[self]


PERIOD_KIND_LABELS: dict[PeriodKind, str] = {
    PeriodKind.Q1: gettext_noop("一季度"),
    PeriodKind.H1: gettext_noop("半年度"),
    PeriodKind.Q3: gettext_noop("前三季度"),
    PeriodKind.ANNUAL: gettext_noop("全年"),
    PeriodKind.MONTH: gettext_noop("月度"),
    PeriodKind.PLAN: gettext_noop("计划"),
}

# Last month covered by each fixed kind; MONTH carries its own.
PERIOD_KIND_END_MONTH: dict[PeriodKind, int] = {
    PeriodKind.Q1: 3,
    PeriodKind.H1: 6,
    PeriodKind.Q3: 9,
    PeriodKind.ANNUAL: 12,
    PeriodKind.PLAN: 0,
}


class ColumnRole(StrEnum):
    """What a column of a published table holds."""

    SERIAL = "serial"  # 序号
    TASK = "task"  # 任务内容 / 重点工作 / 工作内容 …
    UNITS = "units"  # 责任单位 (first named = lead)
    LEAD_UNIT = "lead_unit"  # 牵头单位
    CO_UNITS = "co_units"  # 配合单位
    LEADER = "leader"  # 牵头领导 / 责任领导 / 分管领导
    TARGET = "target"  # 半年度目标任务, 全年目标任务 …
    DONE = "done"  # 完成情况 / 进展情况
    PROBLEMS = "problems"  # 存在问题及困难
    NEXT_STEPS = "next_steps"  # 下一步工作 / 下步打算
    DECLARED_STATUS = "declared_status"  # 是否达序, 形象进度, 进展状态, 完成率
    ACTUAL = "actual"  # 已完成数, 完成投资额: a figure reported beside the progress text
    DEADLINE = "deadline"  # 完成时限, 时间节点
    CATEGORY = "category"  # 类别, 大类, 工程名称: a grouping cell, often spanning rows
    PERSON = "person"  # 责任人, 项目责任人 (a named official below the leader)
    REMARKS = "remarks"  # 备注
    OTHER = "other"  # unknown: kept, with a warning


# Columns split into one sub-row per item, and the Item/Progress field each one fills. Every
# other column (serial, task, units, leader, target, declared status …) belongs to the task.
ITEM_FIELD_BY_ROLE: dict[ColumnRole, str] = {
    ColumnRole.DONE: "done",
    ColumnRole.PROBLEMS: "problems",
    ColumnRole.NEXT_STEPS: "next_steps",
}
ITEM_ROLES = frozenset(ITEM_FIELD_BY_ROLE)
ITEM_FIELDS = tuple(ITEM_FIELD_BY_ROLE.values())
UNIT_COLUMN_ROLES = frozenset({ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS})


class UnitRole(StrEnum):
    """A unit's part in a task: the first named unit leads."""

    LEAD = "lead"
    CO = "co"

    @property
    def label(self) -> str:
        return {UnitRole.LEAD: gettext_noop("牵头"), UnitRole.CO: gettext_noop("配合")}[self]


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """Django ``choices`` for one of the enums above, labelled in Chinese where it has labels."""
    return [(m.value, getattr(m, "label", m.value)) for m in enum]
