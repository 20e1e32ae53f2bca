from django.templatetags.static import static
from django.urls import path
from django.utils.functional import lazy
from django.views.generic.base import RedirectView

from luoshi.web import views

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("home/", views.home_page, name="home"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/tasks/", views.report_tasks, name="report_tasks"),
    path("reports/<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("tasks/", views.task_list, name="task_list"),
    path("tasks/csv/", views.task_list_csv, name="task_list_csv"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("assessments/<int:pk>/correct/", views.assessment_correct, name="assessment_correct"),
    path("targets/<int:pk>/correct/", views.target_correct, name="target_correct"),
    path("measurements/<int:pk>/correct/", views.measurement_correct, name="measurement_correct"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("public/", views.public_report_list, name="public_report_list"),
    path("public/reports/<int:pk>/", views.public_report, name="public_report"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("import/jobs/<int:pk>/", views.import_job, name="import_job"),
    path("import/jobs/<int:pk>/status/", views.import_job_status, name="import_job_status"),
    # Browsers ask for /favicon.ico on pages without a <link rel="icon"> (error pages). The
    # address is looked up per request: at import the static manifest may not exist yet
    # (migrate and check --deploy run before collectstatic on a fresh deploy).
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("web/favicon.svg"),
                                             permanent=True)),
]
