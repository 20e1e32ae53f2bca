from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("luoshi.api.urls")),
    path("", include("luoshi.rounds.urls")),
    path("", include("luoshi.reports.urls")),
    path("", include("luoshi.web.urls")),
]
