from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("luoshi.api.urls")),
    path("", include("luoshi.rounds.urls")),
    path("", include("luoshi.reports.urls")),
    path("", include("luoshi.web.urls")),
]

# Our own error pages (luoshi/templates/40x.html, 500.html): Chinese, with navigation.
handler403 = "luoshi.web.views.errors.permission_denied"
handler404 = "luoshi.web.views.errors.page_not_found"
handler500 = "luoshi.web.views.errors.server_error"
