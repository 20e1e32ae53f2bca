"""API views: querysets from luoshi.rounds.permissions, writes through luoshi.rounds.services."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action, api_view, permission_classes, throttle_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from luoshi.api import serializers as s
from luoshi.api.pagination import Pages
from luoshi.core.ids import parse_id
from luoshi.core.models import Period, Target
from luoshi.rounds import requests as request_services
from luoshi.rounds import services, throttle
from luoshi.rounds.models import Notice, ReportedValue
from luoshi.rounds.permissions import (
    readable_plans,
    readable_progress,
    readable_reports,
    readable_requests,
    readable_tasks,
)
from luoshi.web import pagecache
from luoshi.web.access import scope_key


def exception_handler(exc, context):
    """Round refusals are 409 Conflict with the message (and warnings to acknowledge)."""
    if isinstance(exc, services.RoundError):
        body = {"detail": str(exc), "code": exc.code}
        if isinstance(exc, services.NeedsAcknowledgement):
            body["warnings"] = exc.warnings
        return Response(body, status=status.HTTP_409_CONFLICT)
    return drf_exception_handler(exc, context)


def _int_param(request, name: str) -> int | None:
    """An id query parameter (luoshi.core.ids.parse_id); anything else is ignored."""
    return parse_id(request.query_params.get(name))


def _filter(name: str, what: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.QUERY, required=False,
                            description=f"only {what} (an id; anything else is ignored)")


class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    serializer_class = s.PlanSerializer

    def get_queryset(self):
        return readable_plans(self.request.user).select_related("government").order_by("pk")


@extend_schema_view(list=extend_schema(parameters=[_filter("plan", "reports of this plan")]))
class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    serializer_class = s.ReportSerializer

    def get_queryset(self):
        reports = readable_reports(self.request.user).select_related("period").order_by("pk")
        plan = _int_param(self.request, "plan")
        return reports.filter(plan=plan) if plan is not None else reports

    @extend_schema(request=s.OpenRoundSerializer, responses={201: s.ReportSerializer,
                                                             409: s.ErrorSerializer})
    def create(self, request):
        """Open a round (supervisors): a report of a plan for a period, one entry per task."""
        data = s.OpenRoundSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan = get_object_or_404(readable_plans(request.user), pk=data.validated_data["plan"])
        kind = data.validated_data["period_kind"]
        month = Period.end_month_for(kind, data.validated_data.get("period_month"))
        period, _ = Period.objects.get_or_create(year=plan.year, kind=kind, month=month)
        report = services.open_round(request.user, plan, period,
                                     data.validated_data.get("deadline"))
        return Response(s.ReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ExtendSerializer,
                   responses={200: s.ReportSerializer, 409: s.ErrorSerializer})
    @action(detail=True, methods=["post"])
    def extend(self, request, pk=None):
        """Move a running round's deadline later, for every unit (supervisors)."""
        data = s.ExtendSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.extend_round(request.user, self.get_object(),
                                       data.validated_data["deadline"])
        return Response(s.ReportSerializer(report).data)

    @extend_schema(request=s.PublishSerializer,
                   responses={200: s.ReportSerializer, 409: s.ErrorSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Publish (supervisors): every entry approved; the report is frozen. The derived
        statuses are public only with ``verdicts_public``."""
        data = s.PublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.publish(request.user, self.get_object(),
                                  verdicts_public=data.validated_data["verdicts_public"])
        return Response(s.ReportSerializer(report).data)


@extend_schema_view(list=extend_schema(parameters=[_filter("plan", "tasks of this plan")]))
class TaskViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    serializer_class = s.TaskSerializer

    def get_queryset(self):
        tasks = readable_tasks(self.request.user).prefetch_related("task_units__unit")
        plan = _int_param(self.request, "plan")
        tasks = tasks.filter(plan=plan) if plan is not None else tasks
        return tasks.order_by("plan", "parent_id", "order", "pk")


@extend_schema_view(list=extend_schema(parameters=[_filter("report", "entries of this report")]))
class EntryViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    serializer_class = s.EntrySerializer

    def get_queryset(self):
        entries = readable_progress(self.request.user).select_related("round_entry").prefetch_related(
            Prefetch("reported_values", ReportedValue.objects.select_related("target")
                     .order_by("target__position", "target_id")))
        report = _int_param(self.request, "report")
        entries = entries.filter(report=report) if report is not None else entries
        return entries.order_by("report", "position", "pk")

    def list(self, request, *args, **kwargs):
        """The list as EntrySerializer writes it, built from values() rows, and cached by the
        data version (luoshi.web.pagecache) per viewer scope and address (the page links are
        absolute: the host is part of the key)."""
        key = f"api-entries:{scope_key(request.user)}:{request.build_absolute_uri()}"
        return Response(pagecache.cached(key, lambda: self._list_data(request)))

    def _list_data(self, request) -> dict:
        readable = readable_progress(request.user)
        report = _int_param(request, "report")
        readable = readable.filter(report=report) if report is not None else readable
        # Reports in their own order (newest period first, then government): with one report
        # named, the order is its entries' positions, without the joins that order needs.
        order = ("position", "pk") if report is not None else ("report", "position", "pk")
        page = self.paginate_queryset(readable.order_by(*order).values(
            "id", "report_id", "task_id", "position", "done", "problems", "next_steps",
            "version", "updated_at", "round_entry__state"))
        return self.get_paginated_response(s.entry_rows(page)).data

    @extend_schema(request=s.EntryWriteSerializer,
                   responses={200: s.EntrySerializer, 409: s.ErrorSerializer})
    def update(self, request, pk=None):
        """Save an entry (the lead unit's liaison, or the office on its behalf) if ``version`` is
        still current (else 409), with reported figures per numeric target. The task's status
        is re-derived from the new text."""
        entry = self.get_object()
        data = s.EntryWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        services.save_entry(request.user, entry, v["version"], services.EntryInput(
            v["done"], v["problems"], v["next_steps"], data.values()))
        return Response(s.EntrySerializer(self.get_object()).data)

    @extend_schema(request=s.SubmitSerializer,
                   responses={200: s.EntrySerializer, 409: s.ErrorSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        entry = self.get_object()
        data = s.SubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.submit_entry(request.user, entry, data.validated_data["acknowledge"],
                              co_reason=data.validated_data["co_reason"])
        return Response(s.EntrySerializer(self.get_object()).data)

    @extend_schema(request=None, responses={200: s.EntrySerializer, 409: s.ErrorSerializer})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        entry = self.get_object()
        services.approve_entry(request.user, entry)
        return Response(s.EntrySerializer(self.get_object()).data)

    @extend_schema(request=s.ReturnSerializer,
                   responses={200: s.EntrySerializer, 409: s.ErrorSerializer})
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        entry = self.get_object()
        data = s.ReturnSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.return_entry(request.user, entry, data.validated_data["comment"])
        return Response(s.EntrySerializer(self.get_object()).data)


@extend_schema(request=s.TokenRequestSerializer,
               responses={200: s.TokenSerializer, 400: s.ErrorSerializer})
@api_view(["POST"])
@permission_classes([AllowAny])
@throttle_classes([])
def obtain_token(request):
    """A token for ``Authorization: Token …``; failed attempts count toward the login lock."""
    data = s.TokenRequestSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    username = data.validated_data["username"]
    ip = throttle.client_ip(request)
    if throttle.is_locked(username, ip):
        return Response({"detail": throttle.locked_message(), "code": "locked"},
                        status=status.HTTP_429_TOO_MANY_REQUESTS)
    user = authenticate(request, username=username, password=data.validated_data["password"])
    if user is None:
        throttle.record_failure(username, ip)
        return Response({"detail": "用户名或密码错误", "code": "invalid"},
                        status=status.HTTP_400_BAD_REQUEST)
    throttle.clear(username)
    token, _ = Token.objects.get_or_create(user=user)
    return Response({"token": token.key})


class ChangeRequestViewSet(viewsets.GenericViewSet):
    """延期/调整申请: list (a unit its own, the office and leaders all), file, decide."""

    pagination_class = Pages
    serializer_class = s.ChangeRequestSerializer
    lookup_value_regex = r"[0-9]{1,18}"  # an id; anything else is not found

    def get_queryset(self):
        return readable_requests(self.request.user).select_related("unit").order_by("-pk")

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(s.ChangeRequestSerializer(page, many=True).data)

    @extend_schema(request=s.ChangeRequestWriteSerializer,
                   responses={201: s.ChangeRequestSerializer, 409: s.ErrorSerializer})
    def create(self, request):
        """File a request for the user's unit on the task (the office: its lead unit)."""
        data = s.ChangeRequestWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        task = get_object_or_404(readable_tasks(request.user), pk=v["task"])
        top = task.parent or task
        target = (get_object_or_404(Target, pk=v["target"], task=top)
                  if v.get("target") else None)
        report = (get_object_or_404(readable_reports(request.user), pk=v["report"], plan=task.plan_id)
                  if v.get("report") else None)
        row = request_services.file_request(
            request.user, task, v["kind"], v["reason"], report=report,
            new_deadline=v.get("new_deadline"), target=target, new_value=v.get("new_value"),
            new_text=v.get("new_text", ""))
        return Response(s.ChangeRequestSerializer(row).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.DecideSerializer,
                   responses={200: s.ChangeRequestSerializer, 409: s.ErrorSerializer})
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """Approve (the change applies) or reject with a comment (the office)."""
        row = get_object_or_404(self.get_queryset(), pk=int(pk))
        data = s.DecideSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = request_services.decide(request.user, row, data.validated_data["approve"],
                                      data.validated_data["comment"])
        return Response(s.ChangeRequestSerializer(row).data)


class NoticeViewSet(viewsets.GenericViewSet):
    """The signed-in user's inbox, newest first."""

    pagination_class = Pages
    serializer_class = s.NoticeSerializer

    def get_queryset(self):
        user = self.request.user
        if not user.is_authenticated:
            return Notice.objects.none()
        return Notice.objects.filter(user=user).order_by("-created_at", "-pk")

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(s.NoticeSerializer(page, many=True).data)
