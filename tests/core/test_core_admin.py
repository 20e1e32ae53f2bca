"""Django admin: every core model is registered and its list and edit pages render."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from luoshi.core import models as core_models
from luoshi.core.services.importing import import_document
from luoshi.sample import generate_plan

pytestmark = pytest.mark.django_db

MODELS = [getattr(core_models, name) for name in core_models.__all__]
# Edited on the Task and Unit pages.
INLINE_ONLY = {core_models.TaskUnit, core_models.UnitAlias, core_models.Milestone}
PAGES = [m for m in MODELS if m not in INLINE_ONLY]


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", None)
    client.force_login(user)
    [doc] = generate_plan(1, "安澜市", 2023, 4, periods=("q1",))
    import_document(doc, file_name="q1.txt")
    # A person's correction of a measurement (issue 10), so its pages have a row to show.
    core_models.MeasurementCorrection.objects.create(
        report=core_models.Report.objects.first(), task=core_models.Task.objects.first(),
        span="12亿元", value=12.0, reason="笔误", corrected_by=user)
    return client


def test_every_core_model_is_registered():
    assert [m for m in PAGES if not admin.site.is_registered(m)] == []


@pytest.mark.parametrize("model", PAGES, ids=lambda m: m.__name__)
def test_list_and_object_pages_render(staff_client, model):
    opts = model._meta
    response = staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"the fixture creates a {model.__name__}"
    response = staff_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    assert response.status_code == 200


def test_inlines_show_units_in_order_and_aliases(staff_client):
    task = core_models.Task.objects.filter(parent__isnull=True).first()
    page = staff_client.get(reverse("admin:core_task_change", args=[task.pk])).content.decode()
    names = [link.unit.name for link in task.ordered_units()]
    positions = [page.index(f">{name}<") if f">{name}<" in page else page.index(name)
                 for name in names]
    assert positions == sorted(positions)


def test_history_cannot_be_edited(staff_client):
    change = core_models.Change.objects.first()
    url = reverse("admin:core_change_change", args=[change.pk])
    response = staff_client.post(url, {"action": "delete"})
    assert response.status_code == 403
    assert staff_client.get(reverse("admin:core_importbatch_add")).status_code == 403
