"""Server-rendered pages. Each view takes its querysets from ``luoshi.web.access``."""

from luoshi.web.views.corrections import assessment_correct, measurement_correct, target_correct
from luoshi.web.views.dashboards import dashboard
from luoshi.web.views.home import home_page
from luoshi.web.views.imports import (
    import_confirm,
    import_job,
    import_job_status,
    import_upload,
)
from luoshi.web.views.public import public_report, public_report_list
from luoshi.web.views.reports import report_detail, report_list
from luoshi.web.views.task_list import report_tasks, task_list, task_list_csv
from luoshi.web.views.tasks import task_detail
from luoshi.web.views.units import unit_detail

__all__ = [
    "assessment_correct",
    "dashboard",
    "home_page",
    "import_confirm",
    "import_job",
    "import_job_status",
    "import_upload",
    "measurement_correct",
    "public_report",
    "public_report_list",
    "report_detail",
    "report_list",
    "report_tasks",
    "target_correct",
    "task_detail",
    "task_list",
    "task_list_csv",
    "unit_detail",
]
