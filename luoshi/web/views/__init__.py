"""Server-rendered pages. Each view takes its querysets from ``luoshi.web.access``."""

from luoshi.web.views.reports import report_detail, report_list
from luoshi.web.views.tasks import task_detail

__all__ = ["report_detail", "report_list", "task_detail"]
