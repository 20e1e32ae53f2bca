from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from luoshi.api import corrections, views

router = DefaultRouter(trailing_slash=True)
router.register("plans", views.PlanViewSet, basename="api-plan")
router.register("reports", views.ReportViewSet, basename="api-report")
router.register("tasks", views.TaskViewSet, basename="api-task")
router.register("entries", views.EntryViewSet, basename="api-entry")
router.register("assessments", corrections.AssessmentViewSet, basename="api-assessment")
router.register("targets", corrections.TargetViewSet, basename="api-target")
router.register("measurements", corrections.MeasurementViewSet, basename="api-measurement")
router.register("requests", views.ChangeRequestViewSet, basename="api-request")
router.register("notices", views.NoticeViewSet, basename="api-notice")

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="api-schema"),
    path("token/", views.obtain_token, name="api-token"),
    *router.urls,
]
