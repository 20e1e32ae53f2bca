"""The unit directory, and merging two spellings of one unit: tasks, entries, contributions,
reminders, liaisons and history follow; the old name becomes an alias."""

from __future__ import annotations

import pytest
from django.urls import reverse

from luoshi.core.models import Change, Progress, Task, TaskUnit, Unit, UnitAlias
from luoshi.rounds import services
from luoshi.rounds.models import Contribution, Reminder
from luoshi.rounds.services import EntryInput, RoundError
from luoshi.rounds.units import merge_units
from luoshi.search.indexing import reindex_all
from luoshi.search.models import TaskEntry
from luoshi.vocab import UnitRole


@pytest.fixture
def twin(opened, people, liaison_for, django_capture_on_commit_callbacks):
    """市发展改革委: 市发改局 spelt another way, co-unit of the river task, lead of a new task,
    with its own liaison, a contribution and a reminder — in a plan with two periods (the
    published Q1 and the running H1)."""
    twin = Unit.objects.create(government=opened.city, name="市发展改革委")
    UnitAlias.objects.create(unit=twin, alias="发改委")
    TaskUnit.objects.create(task=opened.river, unit=twin, role=UnitRole.CO, order=1)
    port = Task.objects.create(plan=opened.plan, serial="4", text="建设港口。", order=4)
    TaskUnit.objects.create(task=port, unit=twin, role=UnitRole.LEAD, order=0)
    # Roads: both spellings on one task (lead 市发改局, co 市发展改革委).
    TaskUnit.objects.create(task=opened.roads, unit=twin, role=UnitRole.CO, order=2)
    opened.twin_liaison = liaison_for(twin, name="发改委联络员")
    river = opened.entry[opened.river.pk]
    services.save_contribution(opened.twin_liaison, river, twin.pk, 0, "配合完成规划。")
    services.save_contribution(opened.twin_liaison, opened.entry[opened.roads.pk], twin.pk, 0,
                               "发改委的部分。")
    services.save_contribution(people.economy, opened.entry[opened.roads.pk],
                               opened.economy.pk, 0, "经信局的部分。")
    services.save_entry(people.water, river, 1, EntryInput("整治河道5处。", "", ""))
    Reminder.objects.create(report=opened.report, unit=twin, level=1, missing=1,
                            subject="【提醒】", recipients=[])
    opened.twin, opened.port = twin, port
    with django_capture_on_commit_callbacks(execute=True):
        reindex_all()
    return opened


def test_merge_keeps_every_entry_and_the_history(twin, people, client_for,
                                                 django_capture_on_commit_callbacks):
    w = twin
    # An admin edit of the river task (co-unit 市发展改革委) before the merge.
    links = list(w.river.task_units.order_by("order"))
    form = {"plan": w.plan.pk, "serial": "3", "text": "整治河道(后台修改)。", "order": 3,
            "task_units-TOTAL_FORMS": len(links), "task_units-INITIAL_FORMS": len(links),
            "milestones-TOTAL_FORMS": 0, "milestones-INITIAL_FORMS": 0}
    for i, link in enumerate(links):
        form |= {f"task_units-{i}-id": link.pk, f"task_units-{i}-task": w.river.pk,
                 f"task_units-{i}-unit": link.unit_id, f"task_units-{i}-role": link.role,
                 f"task_units-{i}-order": link.order}
    edited = client_for(people.admin).post(
        reverse("admin:core_task_change", args=[w.river.pk]), form)
    assert edited.status_code == 302, edited.content.decode()[:2000]
    entries = list(Progress.objects.order_by("pk").values_list("pk", "report_id", "task_id",
                                                               "done"))
    history = set(Change.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(people.supervisor).post(
            reverse("unit_merge"), {"keep": w.reform.pk, "drop": w.twin.pk}, follow=True)
    assert "已将 市发展改革委 并入 市发改局" in response.content.decode()
    assert not Unit.objects.filter(pk=w.twin.pk).exists()
    # Entries of both periods untouched; no history row lost, new ones added.
    assert list(Progress.objects.order_by("pk").values_list("pk", "report_id", "task_id",
                                                            "done")) == entries
    assert history < set(Change.objects.values_list("pk", flat=True))
    # Tasks follow: the port is now led by 市发改局; roads keeps one link (lead).
    assert TaskUnit.objects.get(task=w.port).unit == w.reform
    assert list(TaskUnit.objects.filter(task=w.roads).values_list("unit__name", "role")) == [
        ("市发改局", "lead"), ("市经信局", "co")]
    assert TaskUnit.objects.get(task=w.river, unit=w.reform).role == "co"
    # Contributions, reminders, liaisons and aliases follow; the old name is an alias.
    assert Contribution.objects.get(progress=w.entry[w.river.pk]).unit == w.reform
    assert Contribution.objects.get(progress=w.entry[w.roads.pk], unit=w.reform).text == \
        "发改委的部分。"
    assert Reminder.objects.get().unit == w.reform
    assert w.reform in w.twin_liaison.luoshi_profile.units.all()
    assert set(w.reform.aliases.values_list("alias", flat=True)) == {"市发展改革委", "发改委"}
    # The index names the kept unit as lead.
    assert TaskEntry.objects.get(task=w.port, report=None).lead_name == "市发改局"
    # The task's history says so.
    page = client_for(people.supervisor).get(reverse("task_history", args=[w.port.pk]))
    assert "市发展改革委 并入 市发改局" in page.content.decode()
    # Both periods' entries are still there, and the river's history keeps the admin's edit
    # beside the merge.
    assert {r for _, r, _, _ in entries} == {w.prev.pk, w.report.pk}
    river = client_for(people.supervisor).get(reverse("task_history", args=[w.river.pk]))
    html = river.content.decode()
    assert "后台管理" in html and "后台修改" in html and "市发展改革委 并入 市发改局" in html


def test_merge_refusals(twin, people):
    other = Unit.objects.create(government=Unit.objects.get(pk=twin.reform.pk).government,
                                name="市发改局(旧)")
    with pytest.raises(RoundError, match="自己"):
        merge_units(people.supervisor, twin.reform, twin.reform)
    from luoshi.core.models import Government

    far = Unit.objects.create(government=Government.objects.create(name="山城市"), name="市发改局")
    with pytest.raises(RoundError, match="同一地区"):
        merge_units(people.supervisor, twin.reform, far)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        merge_units(people.leader, twin.reform, other)
    assert Unit.objects.filter(pk=other.pk).exists()


def test_directory(twin, people, client_for):
    from datetime import timedelta

    from django.utils import timezone

    from luoshi.core.models import Report

    Report.objects.filter(pk=twin.report.pk).update(deadline=timezone.now() + timedelta(days=1))
    services.submit_entry(people.water, twin.entry[twin.river.pk], acknowledge=True,
                          co_reason="另行报送。")
    html = client_for(people.supervisor).get(reverse("unit_directory")).content.decode()
    water = html[html.index(f'id="unit-{twin.water.pk}"'):]
    cells = water[:water.index("</tr>")].split('<td class="num">')[1:]
    assert [c.split("<")[0] for c in cells] == ["1", "0", "1", "0"]  # led, co, on time, late
    row = html[html.index(f'id="unit-{twin.twin.pk}"'):]
    row = row[:row.index("</tr>")]
    assert "发改委" in row and "发改委联络员" in row
    # Leaders see it without the liaisons' names; the public not at all.
    leader = client_for(people.leader).get(reverse("unit_directory")).content.decode()
    assert "市发展改革委" in leader and "发改委联络员" not in leader and "合并单位" not in leader
    assert client_for(None).get(reverse("unit_directory")).status_code == 302
