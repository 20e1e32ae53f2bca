"""The data model. See ../shared/DESIGN.md for the vocabulary."""

from luoshi.core.models.analysis import Assessment, Measurement, MeasurementCorrection, Target
from luoshi.core.models.imports import ImportBatch
from luoshi.core.models.plans import (
    Government,
    Milestone,
    Period,
    Plan,
    Task,
    TaskUnit,
    Unit,
    UnitAlias,
)
from luoshi.core.models.reports import Change, Progress, Report

__all__ = [
    "Assessment",
    "Change",
    "Government",
    "ImportBatch",
    "Measurement",
    "MeasurementCorrection",
    "Milestone",
    "Period",
    "Plan",
    "Progress",
    "Report",
    "Target",
    "Task",
    "TaskUnit",
    "Unit",
    "UnitAlias",
]
