"""What the task page (luoshi.web.task_page, task_html) shows on every task and sub-item of a
demo with a running round, stored analysis, hand corrections and hostile text, to each kind of
viewer: every field escaped, the correction forms for the office only, targets judged in their
direction, the labels in the page's language; and it is read in a fixed number of queries.
(Its markup was proven byte for byte equal to the template view it replaced, integ7's, for
every viewer in Chinese at commit 3525b6e and in English at 0a589e1 — test_task_page_bytes.py
there.)"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape
from i18n.conftest import PO, compile_catalog
from web.conftest import build_sample, load_demo

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
        except Http404:  # a page the viewer may not open
            return "Http404"
    return {k: CSRF.sub('name="csrfmiddlewaretoken" value="T"', str(v)) for k, v in parts.items()}


ESCAPED = escape(HOSTILE.split("\n")[0])  # the first line; the second follows a <br>
SECOND = "<br>第二行 %(x)s {{ y }}"  # neither a format nor a template: written as it is


def pages(world, user, language="zh-hans") -> dict[int, str]:
    """The content of every task and sub-item page ``user`` may open."""
    out = {}
    for pk in Task.objects.values_list("pk", flat=True):
        parts = _parts(_task_parts, user, pk, language)
        if isinstance(parts, dict):
            out[pk] = parts["content"]
    return out


def test_hostile_text_is_escaped_in_every_field(world):
    office = pages(world, viewers()["office"])
    html = "".join(office.values())
    assert '<b>"粗体"' not in html and "<万>" not in html
    roads = office[world.roads.pk]
    assert f'<p class="task__text">{ESCAPED}{SECOND}</p>' in roads
    assert re.search(r"已销号</strong>\(\d{4}-\d\d-\d\d\):" + re.escape(ESCAPED), roads)
    assert f'<ol class="milestones"><li>{ESCAPED}' in roads
    assert re.search(r'<ul class="task-requests"><li>[^<]*<span class="request-state">[^<]*'
                     r"</span>\(" + re.escape(ESCAPED), roads)
    for where, piece in [
        ("entry", f"<dd>{ESCAPED}{SECOND}</dd>"),
        ("status reason", f'<p class="status-reason">理由:{ESCAPED}'),
        ("derived reason", f"”({ESCAPED}"),
        ("target column", f'<p class="target__kind">表中“{ESCAPED}'),
        ("target unit", "&lt;万&gt;"),
        ("origin span", f'<p class="target__kind target__origin">目标取自进展中的全年计划:“{ESCAPED}'),
        ("changed field", "其他字段</span>"),  # a field name nobody labelled is never shown
    ]:
        assert piece in html, where
    # The public reads the same texts escaped too (the published ones).
    public = "".join(pages(world, AnonymousUser()).values())
    assert ESCAPED in public and '<b>"粗体"' not in public


def test_correction_forms_for_the_office_only(world):
    for name, user in viewers().items():
        html = "".join(pages(world, user).values())
        office = name in ("admin", "office")
        for form in ("修正状态", "修正目标", "修正实绩", "csrfmiddlewaretoken"):
            assert (form in html) == office, (name, form)
        assert ("延期/调整申请" in html) == (name != "anonymous"), name  # the office's panel


def test_rank_and_limit_reached_or_not_and_the_plan_target_says_where_it_comes_from(world):
    html = "".join(pages(world, viewers()["office"]).values())
    items = re.findall(r'<li class="target">(.*?)\n      </li>', html, re.S)
    judged = [i for i in items if "达到目标" in i]
    assert len(judged) >= 3 and any("已达到目标" in i for i in judged)
    assert any('<span class="status status--at_risk">未达到目标</span>' in i for i in judged)
    for item in judged:  # never a percentage of its figure, in the text, a bar or the history
        assert "为目标的" not in item and "progress-bar" not in item and "完成 " not in item
        assert not re.search(r"\(\d+%\)</li>", item), item
    assert any('class="target__history"' in i for i in judged)
    # A cumulative target keeps its bar and its history's percentages.
    assert any("progress-bar__done" in i and re.search(r"\(\d+%\)</li>", i) for i in items)
    assert sum("目标取自进展中的全年计划" in i for i in items) == 1


def test_english_page_shows_its_labels_and_statuses_in_english(world, settings, tmp_path):
    settings.LOCALE_PATHS = [compile_catalog(PO, tmp_path)]  # the project keeps only the .po
    user = viewers()["office"]
    for pk in (world.roads.pk, world.parks.pk):
        zh = _parts(_task_parts, user, pk)["content"]
        en = _parts(_task_parts, user, pk, "en")["content"]
        assert "责任单位" in zh and "Responsible unit" in en
        assert not {"责任单位", "任务内容", "变更记录", "完成情况", "下一步工作"} & set(re.findall(
            r"<(?:h2|dt|summary)[^>]*>([^<]*)<", en))
    statuses = re.findall(r'<span class="status status--\w+">([^<]*)</span>',
                          "".join(pages(world, user, "en").values()))
    assert statuses and "Behind" in statuses and not any("滞后" in s for s in statuses)


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
