"""Targets, measurements and status with evidence, from task and progress texts.

Pure Python, no Django::

    from luoshi.extract import analyze_document, analyze_task
    for analysis in analyze_document(doc):
        analysis.to_dict()   # {"targets": [...], "measurements": [...], "status": {...}}

Thresholds and word lists are in ``luoshi.extract.rules``; docs/analysis.md explains them.
"""

from luoshi.extract.analyze import analyze_document, analyze_task
from luoshi.extract.model import Measurement, Span, StatusResult, Target, TaskAnalysis

__all__ = [
    "Measurement",
    "Span",
    "StatusResult",
    "Target",
    "TaskAnalysis",
    "analyze_document",
    "analyze_task",
]
