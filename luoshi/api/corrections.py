"""API for derived verdicts and people's corrections of them.

    GET  /api/assessments/?report=N            statuses with reason, evidence, light, who corrected
    POST /api/assessments/{id}/correct/        {"status", "reason", "version"}
    POST /api/assessments/{id}/revert/         {"version"}
    GET  /api/targets/?task=N                  targets with kind and how the kind is judged
    POST /api/targets/{id}/correct/            {"version", "reason", kind/value/unit/comparator/active}
    GET  /api/measurements/?report=N&task=M
    POST /api/measurements/{id}/correct/       {"reason", "value"?, "target"? (id or null), "active"?}

Reading verdicts: the office and leaders (permissions.READ_VERDICTS); correcting: the office
(permissions.CORRECT). A stale ``version`` is 409 and nothing changes; a bad value is 400.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from luoshi.api.pagination import Pages
from luoshi.api.serializers import ErrorSerializer
from luoshi.core.ids import parse_id
from luoshi.core.models import Assessment, Measurement, Target
from luoshi.core.services import corrections as svc
from luoshi.extract.rules import TARGET_KINDS
from luoshi.rounds.permissions import (
    Action,
    may,
    readable_reports,
    readable_tasks,
    shown_assessments,
)
from luoshi.vocab import Status


def _int(request, name: str) -> int | None:
    return parse_id(request.query_params.get(name))


class AssessmentSerializer(serializers.ModelSerializer):
    # Plain strings (vocab.Status values), not a second enum of the same choices in the schema.
    status = serializers.CharField(read_only=True)
    derived_status = serializers.CharField(read_only=True)
    light = serializers.SerializerMethodField()
    corrected_by = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = ["id", "report", "task", "status", "light", "reason", "evidence", "source",
                  "derived_status", "derived_reason", "rule", "version", "corrected_by",
                  "updated_at"]

    def get_light(self, obj) -> str:
        return Status(obj.status).light

    def get_corrected_by(self, obj) -> str | None:
        return obj.updated_by.username if obj.is_manual and obj.updated_by_id else None


class TargetSerializer(serializers.ModelSerializer):
    kind_note = serializers.CharField(read_only=True)
    # "progress_plan": read from the year's plan a progress entry states (issue 10)
    origin = serializers.CharField(read_only=True)
    origin_note = serializers.CharField(read_only=True)
    corrected_by = serializers.SerializerMethodField()

    class Meta:
        model = Target
        fields = ["id", "task", "position", "metric", "comparator", "value", "value_max", "unit",
                  "kind", "kind_note", "span", "column", "due_share", "origin", "origin_note",
                  "source", "active", "derived",
                  "version",
                  "corrected_by", "corrected_at"]

    def get_corrected_by(self, obj) -> str | None:
        return obj.corrected_by.username if obj.corrected_by_id else None


class MeasurementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measurement
        fields = ["id", "report", "task", "progress", "metric", "value", "unit", "as_of",
                  "as_of_date", "span", "field", "start", "end", "ratio_stated", "target", "ratio"]


class ReasonField(serializers.CharField):
    """A correction's reason: the rule every correction form shares (``clean_reason``)."""

    def __init__(self, **kwargs):
        super().__init__(trim_whitespace=False, allow_blank=True, **kwargs)

    def to_internal_value(self, data):
        try:
            return svc.clean_reason(super().to_internal_value(data))
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from exc


class StatusCorrection(serializers.Serializer):
    status = serializers.CharField(max_length=20, help_text="one of " + ", ".join(s.value for s in Status))
    reason = ReasonField()
    version = serializers.IntegerField(min_value=1)

    def validate_status(self, value: str) -> str:
        if value not in {s.value for s in Status}:
            raise serializers.ValidationError("one of " + ", ".join(s.value for s in Status))
        return value


class Revert(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)


class TargetCorrection(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    reason = ReasonField()
    kind = serializers.ChoiceField(choices=list(TARGET_KINDS), required=False)
    value = serializers.FloatField(required=False)
    unit = serializers.CharField(max_length=30, required=False, allow_blank=True)
    comparator = serializers.ChoiceField(choices=list(svc.COMPARATORS), required=False)
    active = serializers.BooleanField(required=False)


class MeasurementCorrection(serializers.Serializer):
    reason = ReasonField()
    value = serializers.FloatField(required=False)
    target = serializers.IntegerField(required=False, allow_null=True)
    active = serializers.BooleanField(required=False, default=True)


def _verdicts_of(request) -> QuerySet:
    if not may(request.user, Action.READ_VERDICTS):
        raise PermissionDenied("无权查看分析结论")
    return readable_reports(request.user)


def _may_correct(request, report) -> None:
    if not may(request.user, Action.CORRECT, report):
        raise PermissionDenied("无权修正分析结论")


def _conflict(exc: svc.StaleVersion) -> Response:
    return Response({"detail": str(exc), "code": "stale"}, status=status.HTTP_409_CONFLICT)


class AssessmentViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    serializer_class = AssessmentSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator: types only
            return Assessment.objects.none()
        # Visibility in one place: a running round's status of a task with a draft entry is
        # 未填报 there, never a verdict (permissions.shown_assessments).
        rows = (shown_assessments(self.request.user)
                .filter(report__in=_verdicts_of(self.request))
                .select_related("updated_by").order_by("report", "task__order", "pk"))
        report = _int(self.request, "report")
        return rows.filter(report=report) if report is not None else rows

    @extend_schema(request=StatusCorrection, responses={200: AssessmentSerializer, 409: ErrorSerializer})
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        """Set the status (and why); it wins over re-analysis until reverted."""
        a = self.get_object()
        _may_correct(request, a.report)
        data = StatusCorrection(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        try:
            a = svc.correct_status(a.report, a.task, v["status"], v["reason"], user=request.user,
                                   expected_version=v["version"])
        except svc.StaleVersion as exc:
            return _conflict(exc)
        return Response(AssessmentSerializer(a).data)

    @extend_schema(request=Revert, responses={200: AssessmentSerializer, 409: ErrorSerializer})
    @action(detail=True, methods=["post"])
    def revert(self, request, pk=None):
        """Drop the correction: the status is again what the analysis derives."""
        a = self.get_object()
        _may_correct(request, a.report)
        data = Revert(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            a = svc.revert_status(a.report, a.task, user=request.user,
                                  expected_version=data.validated_data["version"])
        except svc.StaleVersion as exc:
            return _conflict(exc)
        return Response(AssessmentSerializer(a).data)


class TargetViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    serializer_class = TargetSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Target.objects.none()
        _verdicts_of(self.request)
        rows = (Target.objects.filter(task__in=readable_tasks(self.request.user))
                .select_related("corrected_by").order_by("task", "position", "pk"))
        task = _int(self.request, "task")
        return rows.filter(task=task) if task is not None else rows

    @extend_schema(request=TargetCorrection, responses={200: TargetSerializer, 409: ErrorSerializer})
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        """Correct a target's kind, value, unit or comparator, or remove it (active false)."""
        t = self.get_object()
        _may_correct(request, t.task)
        data = TargetCorrection(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        version, reason = v.pop("version"), v.pop("reason")
        if not v:
            raise ValidationError({"detail": "nothing to correct"})
        try:
            t = svc.correct_target(t, user=request.user, expected_version=version, reason=reason, **v)
        except svc.StaleVersion as exc:
            return _conflict(exc)
        except ValueError as exc:
            raise ValidationError({"detail": str(exc)}) from exc
        return Response(TargetSerializer(t).data)


class MeasurementViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    serializer_class = MeasurementSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Measurement.objects.none()
        # Figures read from an entry show only where the task's status may be seen (a draft's
        # figures are not filed: permissions.shown_assessments).
        shown = shown_assessments(self.request.user).filter(report=OuterRef("report"),
                                                            task=OuterRef("task"))
        rows = (Measurement.objects.filter(report__in=_verdicts_of(self.request))
                .filter(Exists(shown)).order_by("report", "task", "pk"))
        for name in ("report", "task"):
            value = _int(self.request, name)
            if value is not None:
                rows = rows.filter(**{name: value})
        return rows

    @extend_schema(request=MeasurementCorrection, responses={200: MeasurementSerializer})
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        """Correct a measurement's value, the target it measures (or none), or say it is none."""
        m = self.get_object()
        _may_correct(request, m.report)
        data = MeasurementCorrection(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        kwargs = {}
        if "target" in v:
            kwargs["target"] = (get_object_or_404(Target, pk=v["target"], task=m.task)
                                if v["target"] is not None else None)
        try:
            svc.correct_measurement(m, user=request.user, reason=v["reason"], value=v.get("value"),
                                    active=v["active"], **kwargs)
        except ValueError as exc:
            raise ValidationError({"detail": str(exc)}) from exc
        fixed = Measurement.objects.filter(report=m.report, progress=m.progress, field=m.field,
                                           start=m.start, end=m.end).first()
        return Response(MeasurementSerializer(fixed or m).data)
