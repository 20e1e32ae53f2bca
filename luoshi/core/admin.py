"""Django admin for the core models: browse and correct; history and import batches read-only."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models

from luoshi.core.models import (
    Assessment,
    Change,
    Government,
    ImportBatch,
    Measurement,
    MeasurementCorrection,
    Milestone,
    Period,
    Plan,
    Progress,
    Report,
    Target,
    Task,
    TaskUnit,
    Unit,
    UnitAlias,
)


def _plain(value):
    """A field value as the history keeps it (JSON: text, numbers, booleans, None)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # a related row, a date, a Decimal …


class HistoryAdmin(admin.ModelAdmin):
    """Edits in the admin write the same history rows (``Change``) as edits in the app: who,
    when, each changed field old → new, creations and deletions. Rows edited inline are
    recorded as rows of their own model with their parent named (a task's milestones:
    ``milestone`` rows with ``task``), except the inlines in ``inline_as_parent``, which the
    admin records as one change of the parent (a task's units). A row with a ``version`` (the
    app's guard against silent overwrites) gets a new one, so an edit begun in the app before
    the admin's is refused as stale instead of overwriting it."""

    history_model = ""  # Change.model of these rows ("task", "progress" …)
    inline_as_parent: tuple[type[models.Model], ...] = ()

    def save_model(self, request, obj, form, change):
        before = {}
        if change and obj.pk:
            old = type(obj).objects.get(pk=obj.pk)
            before = {name: _plain(getattr(old, name)) for name in form.changed_data
                      if hasattr(old, name)}
            if before and isinstance(getattr(old, "version", None), int):
                obj.version = old.version + 1
        super().save_model(request, obj, form, change)
        if change:
            fields = {name: [before[name], _plain(getattr(obj, name))] for name in before
                      if before[name] != _plain(getattr(obj, name))}
            action = Change.Action.UPDATE
        else:
            fields = {name: _plain(getattr(obj, name)) for name in form.changed_data
                      if hasattr(obj, name)}
            action = Change.Action.CREATE
        if fields:
            fields["via"] = "admin"
            Change.objects.create(model=self.history_model, object_id=obj.pk, action=action,
                                  fields=fields, user=request.user)

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        Change.objects.create(model=self.history_model, object_id=pk,
                              action=Change.Action.DELETE,
                              fields={"text": str(obj), "via": "admin"}, user=request.user)

    def save_formset(self, request, form, formset, change):
        model = formset.model
        if model in self.inline_as_parent:
            super().save_formset(request, form, formset, change)
            return
        parent = {formset.fk.name: form.instance.pk, "via": "admin"}
        names = [f.name for f in model._meta.concrete_fields if f.name != formset.fk.name]
        ids = [f.instance.pk for f in formset.forms if f.instance.pk and f.has_changed()]
        before = {row["pk"]: row for row in
                  model.objects.filter(pk__in=ids).values("pk", *[
                      f.attname for f in model._meta.concrete_fields])}
        # Django clears a deleted row's pk: keep it to name the row in the history.
        deleted = {id(f.instance): f.instance.pk for f in formset.deleted_forms}
        super().save_formset(request, form, formset, change)
        rows = []
        for obj in formset.new_objects:
            fields = {n: _plain(getattr(obj, n)) for n in names if n != "id"}
            rows.append(Change(model=model._meta.model_name, object_id=obj.pk,
                               action=Change.Action.CREATE, fields=fields | parent,
                               user=request.user))
        for obj, changed in formset.changed_objects:
            old = before.get(obj.pk, {})
            fields = {}
            for n in changed:
                attname = model._meta.get_field(n).attname
                new = _plain(getattr(obj, attname))
                if old.get(attname) != new:
                    fields[n] = [_plain(old.get(attname)), new]
            if fields:
                rows.append(Change(model=model._meta.model_name, object_id=obj.pk,
                                   action=Change.Action.UPDATE, fields=fields | parent,
                                   user=request.user))
        for obj in formset.deleted_objects:
            rows.append(Change(model=model._meta.model_name, object_id=deleted.get(id(obj)) or 0,
                               action=Change.Action.DELETE,
                               fields={"text": str(obj)} | parent, user=request.user))
        Change.objects.bulk_create(rows)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records of what happened: never edited by hand."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Government)
class GovernmentAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "government", "year"]
    list_filter = ["year", "government"]
    search_fields = ["title", "government__name"]
    list_select_related = ["government"]


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 1


@admin.register(Unit)
class UnitAdmin(HistoryAdmin):
    history_model = "unit"  # renames and aliases (inline rows) leave a history row too
    list_display = ["name", "government"]
    list_filter = ["government"]
    search_fields = ["name", "aliases__alias"]
    list_select_related = ["government"]
    inlines = [UnitAliasInline]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class TaskUnitInline(admin.TabularInline):
    model = TaskUnit
    extra = 0
    autocomplete_fields = ["unit"]
    ordering = ["order"]


@admin.register(Task)
class TaskAdmin(HistoryAdmin):
    history_model = "task"
    inline_as_parent = (TaskUnit,)
    list_display = ["serial", "short_text", "plan", "parent", "order"]
    list_filter = ["plan"]
    search_fields = ["serial", "text"]
    list_select_related = ["plan__government", "parent"]
    raw_id_fields = ["parent"]
    readonly_fields = ["version"]
    inlines = [TaskUnitInline, MilestoneInline]

    @admin.display(description="任务内容")
    def short_text(self, obj: Task) -> str:
        return obj.text[:60]

    def save_related(self, request, form, formsets, change):
        task = form.instance
        before = [link.unit.name for link in task.ordered_units()] if change else []
        super().save_related(request, form, formsets, change)
        after = [link.unit.name for link in task.ordered_units()]
        if before != after:
            Change.objects.create(model="task", object_id=task.pk, action=Change.Action.UPDATE,
                                  fields={"units": [before, after], "via": "admin"},
                                  user=request.user)
            if not form.changed_data:  # save_model gave no new version: the units are a change
                Task.objects.filter(pk=task.pk).update(version=models.F("version") + 1)


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["__str__", "year", "kind", "month", "label"]
    list_filter = ["year", "kind"]


@admin.register(Report)
class ReportAdmin(HistoryAdmin):
    # The state is read-only: a round is opened, moves to review and is published only by the
    # services (luoshi.rounds.services), which check the transition and do what it implies
    # (round entries, notices, the published date, the search index). The deadline or
    # verdicts_public changed here bypasses the services' guards: the history says who did
    # it and what changed.
    history_model = "report"
    list_display = ["__str__", "plan", "period", "state", "published_date"]
    list_filter = ["state", "period__year", "plan__government"]
    search_fields = ["title", "index_no", "plan__government__name"]
    list_select_related = ["plan__government", "period"]
    readonly_fields = ["state", "content_sha256", "created_at", "updated_at"]
    date_hierarchy = "published_date"
    formfield_overrides = {
        models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"},
    }


@admin.register(Progress)
class ProgressAdmin(HistoryAdmin):
    history_model = "progress"
    list_display = ["task", "report", "position", "updated_at"]
    list_filter = ["report"]
    search_fields = ["done", "problems", "next_steps", "task__text"]
    list_select_related = ["task", "report__plan__government", "report__period"]
    raw_id_fields = ["task", "report"]
    readonly_fields = ["version", "updated_at", "updated_by"]


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "outcome", "report", "created_at", "created_by"]
    list_filter = ["outcome", "format"]
    search_fields = ["file_name", "sha256"]
    list_select_related = ["report__plan__government", "report__period", "created_by"]


@admin.register(Change)
class ChangeAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "model", "object_id", "user", "batch"]
    list_filter = ["model", "action"]
    search_fields = ["=object_id"]
    list_select_related = ["user", "batch"]


# Derived analysis: corrections go through luoshi.core.services.analysis (version check and
# history), so the admin only shows these.
@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin):
    list_display = ["task", "metric", "comparator", "value", "unit", "kind", "source", "active"]
    list_filter = ["source", "active", "kind"]
    list_select_related = ["task"]
    raw_id_fields = ["task"]


@admin.register(Measurement)
class MeasurementAdmin(ReadOnlyAdmin):
    list_display = ["task", "report", "metric", "value", "unit", "as_of", "ratio"]
    list_select_related = ["task", "report"]
    raw_id_fields = ["task", "report", "progress", "target"]


@admin.register(MeasurementCorrection)
class MeasurementCorrectionAdmin(ReadOnlyAdmin):
    list_display = ["task", "report", "span", "value", "active", "corrected_by", "corrected_at"]
    list_select_related = ["task", "report", "corrected_by"]
    raw_id_fields = ["task", "report", "progress", "target"]


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = ["task", "report", "status", "derived_status", "source", "updated_at"]
    list_filter = ["status", "source"]
    list_select_related = ["task", "report"]
    raw_id_fields = ["task", "report"]
