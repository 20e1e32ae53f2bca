from django.urls import path, re_path

from luoshi.reports import views

urlpatterns = [
    path("reports/<int:pk>/documents/", views.documents, name="report_documents"),
    re_path(r"^reports/(?P<pk>\d+)/export\.(?P<fmt>docx|xlsx|pdf|csv|json)$", views.report_export,
            name="report_export"),
    path("reports/<int:pk>/bulletin/", views.bulletin, name="bulletin"),
    path("reports/<int:pk>/bulletin/publish/", views.bulletin_publish, name="bulletin_publish"),
    re_path(r"^reports/(?P<pk>\d+)/bulletin\.(?P<fmt>docx|pdf|md)$", views.bulletin_download,
            name="bulletin_download"),
    path("reports/<int:pk>/pack/", views.pack, name="pack"),
    re_path(r"^reports/(?P<pk>\d+)/pack\.(?P<fmt>docx|pdf)$", views.pack_download,
            name="pack_download"),
    path("reports/<int:pk>/league/", views.league, name="league"),
    re_path(r"^reports/(?P<pk>\d+)/league\.(?P<fmt>csv|xlsx)$", views.league_download,
            name="league_download"),
    path("reports/<int:pk>/themes/", views.themes, name="report_themes"),
    path("reports/<int:pk>/moved/", views.moved, name="report_moved"),
    path("plans/<int:pk>/duplicates/", views.duplicates, name="plan_duplicates"),
    path("compare/", views.compare_governments, name="compare_governments"),
]
