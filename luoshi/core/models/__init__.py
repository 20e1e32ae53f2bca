"""The data model. See ../shared/DESIGN.md for the vocabulary."""

from luoshi.core.models.imports import ImportBatch
from luoshi.core.models.plans import Government, Period, Plan, Task, TaskUnit, Unit, UnitAlias
from luoshi.core.models.reports import Change, Progress, Report

__all__ = [
    "Change",
    "Government",
    "ImportBatch",
    "Period",
    "Plan",
    "Progress",
    "Report",
    "Task",
    "TaskUnit",
    "Unit",
    "UnitAlias",
]
