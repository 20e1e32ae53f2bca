"""The task page written from plain rows (luoshi.web.task_page, task_html) gives the same
bytes as the ORM view and templates it replaced (kept in tests/web/task_page_reference.py),
for every task and sub-item of a demo with a running round, stored analysis and corrections,
seen by each kind of viewer; and it is read in a fixed number of queries."""

from __future__ import annotations

import difflib
import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from i18n.conftest import PO, compile_catalog
from web.conftest import build_sample, load_demo
from web.task_page_reference import task_parts as reference_parts

from luoshi.core.models import (
    Assessment,
    Change,
    Measurement,
    MeasurementCorrection,
    Milestone,
    Progress,
    Target,
    Task,
    TaskUnit,
)
from luoshi.rounds.models import ChangeRequest, Role
from luoshi.web.views.tasks import _task_parts

HOSTILE = '<b>"粗体"</b> & \'引号\'\n第二行 %(x)s {{ y }}'
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LUOSHI_PAGE_CACHE = False
    load_demo()
    sample = build_sample()
    User = get_user_model()
    office = User.objects.get(username="office")
    # Corrections by people, hostile text, the office's bookkeeping.
    a = Assessment.objects.exclude(evidence=[]).order_by("pk").first()
    Assessment.objects.filter(pk=a.pk).update(source="manual", status="behind",
                                              derived_status="on_track", updated_by=office,
                                              reason=HOSTILE, derived_reason=HOSTILE)
    t = Target.objects.order_by("pk").first()
    Target.objects.filter(pk=t.pk).update(source="manual", corrected_by=office,
                                          corrected_at=timezone.now(), column=HOSTILE,
                                          unit="<万>", value_max=t.value + 5)
    # Targets judged in their direction (a rank, a limit, a move up in rank: reached or not,
    # no percentage) and one read from a progress entry's year plan (its origin note).
    measured = list(Target.objects.filter(measurements__isnull=False).exclude(pk=t.pk)
                    .distinct().order_by("pk"))
    assert len(measured) >= 4
    rank, limit, climb, plan = measured[:4]
    Target.objects.filter(pk=rank.pk).update(kind="rank")  # met by the ratio (<= 1)
    Target.objects.filter(pk=limit.pk).update(comparator="<=")
    Measurement.objects.filter(target=limit).update(ratio=None, unit=limit.unit)  # by value
    Target.objects.filter(pk=limit.pk).update(
        value=min(Measurement.objects.filter(target=limit).values_list("value", flat=True)))
    Target.objects.filter(pk=climb.pk).update(kind="rank", comparator="increase_by")
    Measurement.objects.filter(target=climb).update(ratio=None, unit=climb.unit)
    Target.objects.filter(pk=plan.pk).update(origin="progress_plan", span=HOSTILE)
    m = Measurement.objects.exclude(progress=None).order_by("pk").first()
    MeasurementCorrection.objects.create(report=m.report, task=m.task, progress=m.progress,
                                         field=m.field, start=m.start, end=m.end, span=m.span,
                                         value=7, corrected_by=office)
    Change.objects.create(model="measurement", object_id=MeasurementCorrection.objects.get().pk,
                          action="update", fields={"value": [1, 7], HOSTILE: 1}, user=office)
    Change.objects.create(model="task", object_id=sample.digital.pk, action="odd",
                          fields={}, user=None)
    Task.objects.filter(pk=sample.roads.pk).update(text=HOSTILE, deadline=date(2021, 12, 31),
                                                   closed_at=timezone.now(),
                                                   close_reason=HOSTILE)
    Task.objects.filter(pk=sample.park_b.pk).update(text="")
    Milestone.objects.create(task=sample.roads, title=HOSTILE, due=date(2021, 6, 1))
    unit = TaskUnit.objects.filter(task=sample.roads).first() or TaskUnit.objects.create(
        task=sample.roads, unit=sample.units.office, role="lead")
    ChangeRequest.objects.create(task=sample.roads, unit=unit.unit, kind="deadline",
                                 reason=HOSTILE, comment=HOSTILE, created_by=office)
    Progress.objects.filter(task=sample.park_a, report=sample.report_q3).update(done=HOSTILE)
    return sample


def viewers():
    User = get_user_model()
    users = {"anonymous": AnonymousUser(), "admin": User.objects.get(username="admin"),
             "office": User.objects.get(username="office")}
    for user in User.objects.filter(luoshi_profile__role__in=[Role.LEADER, Role.LIAISON]):
        users[user.username] = user
    return users


def _parts(build, user, pk, language="zh-hans"):
    request = RequestFactory().get(f"/tasks/{pk}/")
    request.user = user
    request.LANGUAGE_CODE = language
    with translation.override(language):
        try:
            parts = build(request, pk)
        except Exception as error:  # a 404 must be a 404 on both sides
            return type(error).__name__
    return {k: CSRF.sub('name="csrfmiddlewaretoken" value="T"', str(v)) for k, v in parts.items()}


def _same(got, expected, where) -> None:
    if got == expected:
        return
    if isinstance(got, dict) and isinstance(expected, dict):
        for part in expected:
            diff = "\n".join(difflib.unified_diff(
                expected[part].splitlines(), got.get(part, "").splitlines(), lineterm="", n=1))
            assert got.get(part) == expected[part], f"{where} {part}:\n{diff}"
    assert got == expected, where


def test_same_bytes_as_the_orm_view_for_every_viewer(world, settings, tmp_path):
    # The English catalog compiled (the project keeps only the .po): English pages in English.
    settings.LOCALE_PATHS = [compile_catalog(PO, tmp_path)]
    users = viewers()
    assert {"anonymous", "admin", "office"} < set(users) and len(users) >= 6
    tasks = [*Task.objects.values_list("pk", flat=True), 10 ** 9]
    compared = 0
    for name, user in users.items():
        for pk in tasks:
            expected = _parts(reference_parts, user, pk)
            _same(_parts(_task_parts, user, pk), expected, (name, pk))
            compared += isinstance(expected, dict)
    assert compared > 100
    # The comparison is only as good as the pages it covers.
    html = "".join(_parts(_task_parts, users["office"], pk)["content"] for pk in tasks[:-1])
    for piece in ('<mark class="mark-evidence">', '<mark class="mark-figure">',
                  '<mark class="mark-target">', "progress-bar__done", 'class="target__history"',
                  "修正状态", "修正实绩", "修正目标", "自动分析为", "&lt;b&gt;", "已销号",
                  "延期/调整申请", 'class="sub-heading"', "history__fields", "已达到目标",
                  "未达到目标", 'class="target__kind target__origin"'):
        assert piece in html, piece
    # The English pages too (the translations of the labels and phrases).
    english = []
    for pk in tasks:
        for user in (users["anonymous"], users["office"]):
            expected = _parts(reference_parts, user, pk, "en")
            _same(_parts(_task_parts, user, pk, "en"), expected, ("en", pk))
            if isinstance(expected, dict):
                english.append(expected["content"])
    english = "".join(english)
    for piece in ("Responsible unit", "Behind", "csrfmiddlewaretoken"):
        assert piece in english, piece


@pytest.mark.parametrize("viewer", ["anonymous", "office"])
def test_queries_fixed_as_sub_items_entries_and_history_grow(sample, supervisor, viewer):
    user = AnonymousUser() if viewer == "anonymous" else supervisor
    task, world = sample.parks, sample
    Assessment.objects.create(report=sample.report_q3, task=task, status="on_track",
                              derived_status="on_track", evidence=[])

    def queries() -> list[str]:
        request = RequestFactory().get("/")
        request.user = user
        with CaptureQueriesContext(connection) as captured:
            _task_parts(request, task.pk)
        return [q["sql"] for q in captured]

    queries()  # the viewer's role is read once per user object
    before = queries()
    for i in range(5):
        child = Task.objects.create(plan=task.plan, parent=task, serial="", text=f"子{i}",
                                    order=10 + i)
        for report in (world.report_q3, world.report_h1):
            Progress.objects.create(report=report, task=child, done=f"完成{i}")
        Change.objects.create(model="task", object_id=child.pk, action="create", fields={})
    TaskUnit.objects.create(task=task, unit=world.units.economy, role="co", order=5)
    after = queries()
    assert len(after) == len(before), "\n\n".join(after)
    # The public's page: task with units, reports, entries, statuses, figures, targets,
    # history.
    assert len(before) == 7 if viewer == "anonymous" else len(before) <= 12
