from django.urls import path

from luoshi.web import views

urlpatterns = [
    path("", views.report_list, name="report_list"),
]
