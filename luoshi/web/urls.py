from django.urls import path

from luoshi.web import views

# Issue 5 adds: dashboard, task_list, unit_detail, public_report, import_upload.
urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
]
