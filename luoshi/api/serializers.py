from __future__ import annotations

from rest_framework import serializers

from luoshi.core.models import Plan, Progress, Report, Task
from luoshi.rounds.models import ReportedValue
from luoshi.rounds.services import COMMENT_LIMIT, TEXT_LIMIT
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
                  "deadline", "published_date", "publisher", "index_no", "verdicts_public"]


class TaskSerializer(serializers.ModelSerializer):
    units = serializers.SerializerMethodField()

    class Meta:
        model = Task
        fields = ["id", "plan", "parent", "serial", "text", "order", "units"]

    def get_units(self, task: Task) -> list[dict]:
        return [{"id": link.unit_id, "name": link.unit.name, "role": link.role}
                for link in task.task_units.all()]


class ReportedValueSerializer(serializers.ModelSerializer):
    """The figure reported for one numeric target of the task, with the target it answers."""

    metric = serializers.CharField(source="target.metric", read_only=True)
    comparator = serializers.CharField(source="target.comparator", read_only=True)
    target_value = serializers.FloatField(source="target.value", read_only=True)
    unit = serializers.CharField(source="target.unit", read_only=True)

    class Meta:
        model = ReportedValue
        fields = ["target", "metric", "comparator", "target_value", "unit", "value"]


class EntrySerializer(serializers.ModelSerializer):
    state = serializers.SerializerMethodField()
    reported_values = ReportedValueSerializer(many=True, read_only=True)

    class Meta:
        model = Progress
        fields = ["id", "report", "task", "position", "done", "problems", "next_steps",
                  "version", "updated_at", "state", "reported_values"]

    def get_state(self, entry: Progress) -> str | None:
        round_entry = getattr(entry, "round_entry", None)
        return round_entry.state if round_entry is not None else None


def entry_rows(rows: list[dict]) -> list[dict]:
    """EntrySerializer's output for ``Progress.values(id, report_id, task_id, position, done,
    problems, next_steps, version, updated_at, round_entry__state)`` rows: the same keys and
    values, with one query for every row's reported figures and no model instances."""
    when = serializers.DateTimeField()
    figures: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    for v in (ReportedValue.objects.filter(progress_id__in=list(figures))
              .order_by("target__position", "target_id")
              .values("progress_id", "target_id", "target__metric", "target__comparator",
                      "target__value", "target__unit", "value")):
        figures[v["progress_id"]].append({
            "target": v["target_id"], "metric": v["target__metric"],
            "comparator": v["target__comparator"], "target_value": float(v["target__value"]),
            "unit": v["target__unit"],
            "value": None if v["value"] is None else float(v["value"])})
    return [{
        "id": row["id"], "report": row["report_id"], "task": row["task_id"],
        "position": row["position"], "done": row["done"], "problems": row["problems"],
        "next_steps": row["next_steps"], "version": row["version"],
        "updated_at": None if row["updated_at"] is None else when.to_representation(
            row["updated_at"]),
        "state": row["round_entry__state"], "reported_values": figures[row["id"]],
    } for row in rows]


class ReportedValueWriteSerializer(serializers.Serializer):
    target = serializers.IntegerField(min_value=1, help_text="a numeric target of the entry's task")
    value = serializers.FloatField(allow_null=True, help_text="the reported figure; null clears it")


class EntryWriteSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="the version the edit started from")
    done = serializers.CharField(allow_blank=True, default="", max_length=TEXT_LIMIT)
    problems = serializers.CharField(allow_blank=True, default="", max_length=TEXT_LIMIT)
    next_steps = serializers.CharField(allow_blank=True, default="", max_length=TEXT_LIMIT)
    reported_values = ReportedValueWriteSerializer(
        many=True, required=False, max_length=200,
        help_text="figures per numeric target (实绩); targets left out keep their value")

    def values(self) -> dict[int, float | None] | None:
        rows = self.validated_data.get("reported_values")
        return None if rows is None else {r["target"]: r["value"] for r in rows}


class SubmitSerializer(serializers.Serializer):
    acknowledge = serializers.BooleanField(default=False)
    co_reason = serializers.CharField(
        default="", allow_blank=True, max_length=COMMENT_LIMIT,
        help_text="why co-units' contributions are missing (required when they are)")


class ReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=COMMENT_LIMIT)


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


class PublishSerializer(serializers.Serializer):
    verdicts_public = serializers.BooleanField(
        default=False, help_text="publish the derived statuses with the report")


class ExtendSerializer(serializers.Serializer):
    deadline = serializers.DateTimeField(help_text="the new deadline, later than the old one")


class ChangeRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    task = serializers.IntegerField(source="task_id", read_only=True)
    unit = serializers.CharField(source="unit.name", read_only=True)
    kind = serializers.CharField(read_only=True)
    reason = serializers.CharField(read_only=True)
    asked = serializers.CharField(read_only=True)
    old_value = serializers.CharField(read_only=True)
    state = serializers.CharField(read_only=True)
    comment = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    decided_at = serializers.DateTimeField(read_only=True)


class ChangeRequestWriteSerializer(serializers.Serializer):
    task = serializers.IntegerField(min_value=1)
    kind = serializers.ChoiceField(choices=["deadline", "target", "scope"])
    reason = serializers.CharField(max_length=COMMENT_LIMIT)
    new_deadline = serializers.DateField(required=False, allow_null=True)
    target = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    new_value = serializers.FloatField(required=False, allow_null=True)
    new_text = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_LIMIT)
    report = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class DecideSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    comment = serializers.CharField(required=False, allow_blank=True, default="",
                                    max_length=COMMENT_LIMIT)


class NoticeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = serializers.CharField(read_only=True)
    text = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    read_at = serializers.DateTimeField(read_only=True)
