from __future__ import annotations

from rest_framework import serializers

from luoshi.core.models import Plan, Progress, Report, Task
from luoshi.vocab import PeriodKind


class PlanSerializer(serializers.ModelSerializer):
    government = serializers.CharField(source="government.name", read_only=True)

    class Meta:
        model = Plan
        fields = ["id", "government", "year", "title"]


class ReportSerializer(serializers.ModelSerializer):
    period = serializers.CharField(source="period.__str__", read_only=True)
    period_kind = serializers.CharField(source="period.kind", read_only=True)
    period_month = serializers.IntegerField(source="period.month", read_only=True)

    class Meta:
        model = Report
        fields = ["id", "plan", "title", "period", "period_kind", "period_month", "state",
                  "deadline", "published_date", "publisher", "index_no"]


class TaskSerializer(serializers.ModelSerializer):
    units = serializers.SerializerMethodField()

    class Meta:
        model = Task
        fields = ["id", "plan", "parent", "serial", "text", "order", "units"]

    def get_units(self, task: Task) -> list[dict]:
        return [{"id": link.unit_id, "name": link.unit.name, "role": link.role}
                for link in task.task_units.all()]


class EntrySerializer(serializers.ModelSerializer):
    state = serializers.SerializerMethodField()

    class Meta:
        model = Progress
        fields = ["id", "report", "task", "position", "done", "problems", "next_steps",
                  "version", "updated_at", "state"]

    def get_state(self, entry: Progress) -> str | None:
        round_entry = getattr(entry, "round_entry", None)
        return round_entry.state if round_entry is not None else None


class EntryWriteSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    done = serializers.CharField(allow_blank=True, default="", max_length=20000)
    problems = serializers.CharField(allow_blank=True, default="", max_length=20000)
    next_steps = serializers.CharField(allow_blank=True, default="", max_length=20000)


class SubmitSerializer(serializers.Serializer):
    acknowledge = serializers.BooleanField(default=False)


class ReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=5000)


class OpenRoundSerializer(serializers.Serializer):
    plan = serializers.IntegerField()
    period_kind = serializers.ChoiceField(
        choices=[k.value for k in PeriodKind if k != PeriodKind.PLAN])
    period_month = serializers.IntegerField(min_value=1, max_value=12, required=False)
    deadline = serializers.DateTimeField(required=False, allow_null=True)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(required=False)
    warnings = serializers.ListField(child=serializers.DictField(), required=False)


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=512, style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
