"""Tasks in the app: the office edits a task, closes it (销号) and reopens it, adds and completes
milestones; every change is in the task's history, an admin edit included."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from luoshi.core.models import Change, Milestone, Task
from luoshi.rounds import tasks
from luoshi.rounds.services import Conflict, RoundError


def history(client, task) -> str:
    return client.get(reverse("task_history", args=[task.pk])).content.decode()


def test_office_edits_text_units_and_deadline_with_history(rp, people, client_for):
    c = client_for(people.supervisor)
    response = c.post(reverse("task_edit", args=[rp.river.pk]), {
        "version": 1, "text": "整治河道10公里。", "units": "市水利局、市发改局",
        "deadline": "2022-11-30"})
    assert response.status_code == 302
    river = Task.objects.get(pk=rp.river.pk)
    assert river.text == "整治河道10公里。" and river.deadline == date(2022, 11, 30)
    assert [link.unit.name for link in river.ordered_units()] == ["市水利局", "市发改局"]
    assert river.version == 2
    html = history(c, rp.river)
    assert "完成时限" in html and "2022-11-30" in html and "市发改局" in html
    assert "10公里" in html
    # A stale version is refused and changes nothing.
    with pytest.raises(Conflict):
        tasks.edit_task(people.supervisor, river, 1, text="过时的修改。")
    assert Task.objects.get(pk=rp.river.pk).text == "整治河道10公里。"


def test_unknown_unit_is_refused_with_its_name(rp, people, client_for):
    response = client_for(people.supervisor).post(reverse("task_edit", args=[rp.river.pk]), {
        "version": 1, "text": "整治河道。", "units": "市水务集团"})
    assert response.status_code == 200 and "找不到单位「市水务集团」" in response.content.decode()
    assert Task.objects.get(pk=rp.river.pk).version == 1


def test_office_adds_a_target_which_the_status_and_history_follow(opened, people, client_for,
                                                                  django_capture_on_commit_callbacks):
    from luoshi.core.models import Assessment, Target
    from luoshi.rounds import services
    from luoshi.rounds.services import EntryInput

    w, c = opened, client_for(people.supervisor)
    entry = w.entry[w.river.pk]
    services.save_entry(people.water, entry, 1, EntryInput("整治河道5公里。", "", ""))
    services.submit_entry(people.water, entry, acknowledge=True)
    url = reverse("task_target", args=[w.river.pk])
    assert Assessment.objects.get(report=w.report, task=w.river).status == "on_track"
    # Refused with the reason, nothing added: no figure; a role that does not edit tasks.
    page = c.post(url, {"metric": "整治河道", "comparator": ">=", "value": "很多"}, follow=True)
    assert "目标值" in page.content.decode() and not Target.objects.filter(task=w.river).exists()
    assert client_for(people.water).post(url, {"metric": "整治河道", "comparator": ">=",
                                               "value": "100", "unit": "公里"}).status_code == 403
    assert not Target.objects.filter(task=w.river).exists()
    with django_capture_on_commit_callbacks(execute=True):
        c.post(url, {"metric": "整治河道", "comparator": ">=", "value": "100", "unit": "公里"})
    target = Target.objects.get(task=w.river)
    assert (target.metric, target.comparator, target.value, target.unit) == (
        "整治河道", ">=", 100, "公里")
    assert "整治河道 100公里" in c.get(reverse("task_edit", args=[w.river.pk])).content.decode()
    # The status is re-derived with the new target: 5 of 100 km at mid-year is behind …
    status = Assessment.objects.get(report=w.report, task=w.river)
    assert status.status == "behind" and "100公里" in status.reason
    # … and the history says who added it.
    html = history(c, w.river)
    assert "目标" in html and "整治河道" in html and people.supervisor.get_username() in html


def test_close_needs_a_reason_and_reopen(rp, people, client_for):
    c = client_for(people.supervisor)
    c.post(reverse("task_close", args=[rp.river.pk]), {"version": 1, "reason": ""})
    assert not Task.objects.get(pk=rp.river.pk).is_closed
    c.post(reverse("task_close", args=[rp.river.pk]), {"version": 1, "reason": "已全面完成。"})
    river = Task.objects.get(pk=rp.river.pk)
    assert river.is_closed and river.close_reason == "已全面完成。"
    page = c.get(reverse("task_detail", args=[rp.river.pk])).content.decode()
    assert "已销号" in page and "已全面完成。" in page
    c.post(reverse("task_close", args=[rp.river.pk]), {"version": 2, "reopen": "1",
                                                        "reason": "发现遗留问题。"})
    assert not Task.objects.get(pk=rp.river.pk).is_closed
    assert "销号理由" in history(c, rp.river) and "发现遗留问题。" in history(c, rp.river)


def test_milestones(rp, people, client_for):
    c = client_for(people.supervisor)
    c.post(reverse("task_milestone", args=[rp.river.pk]), {"title": "完成清淤", "due": "2022-08-01"})
    m = Milestone.objects.get(task=rp.river)
    assert m.title == "完成清淤" and m.done_at is None
    c.post(reverse("task_milestone", args=[rp.river.pk]), {"done": m.pk})
    assert Milestone.objects.get(pk=m.pk).done_at is not None
    with pytest.raises(RoundError):
        tasks.complete_milestone(people.supervisor, m)
    assert "节点 · 完成清淤" in history(c, rp.river)


def test_units_and_leaders_may_not_edit(rp, people, client_for):
    for user in (people.water, people.leader):
        c = client_for(user)
        assert c.get(reverse("task_edit", args=[rp.river.pk])).status_code == 403
        assert c.post(reverse("task_close", args=[rp.river.pk]),
                      {"version": 1, "reason": "x"}).status_code == 403
    assert not Task.objects.get(pk=rp.river.pk).is_closed


def test_an_admin_edit_is_in_the_history(rp, people, client_for):
    c = client_for(people.admin)
    url = reverse("admin:core_task_change", args=[rp.river.pk])
    form = {"plan": rp.plan.pk, "serial": "3", "text": "整治河道(后台修改)。", "order": 3,
            "task_units-TOTAL_FORMS": 1, "task_units-INITIAL_FORMS": 1,
            "task_units-0-id": rp.river.task_units.get().pk, "task_units-0-task": rp.river.pk,
            "task_units-0-unit": rp.water.pk, "task_units-0-role": "lead",
            "task_units-0-order": 0,
            "milestones-TOTAL_FORMS": 0, "milestones-INITIAL_FORMS": 0}
    response = c.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    change = Change.objects.filter(model="task", object_id=rp.river.pk).latest("id")
    assert change.user == people.admin and change.fields["via"] == "admin"
    assert change.fields["text"] == ["整治河道。", "整治河道(后台修改)。"]
    html = history(client_for(people.supervisor), rp.river)
    assert "后台管理" in html and "后台修改" in html
    # The admin's edit is a new version: an edit begun in the app before it is refused, not
    # written over it.
    assert Task.objects.get(pk=rp.river.pk).version == 2
    with pytest.raises(Conflict):
        tasks.edit_task(people.supervisor, rp.river, 1, text="在应用里基于旧版的修改。")


def test_admin_inline_edits_are_in_the_history(rp, people, client_for):
    """Milestones added, changed and deleted inline in the admin are history rows of their
    own (named as the task's), like the app's; the task's units edited inline are one change
    of the task."""
    c = client_for(people.admin)
    url = reverse("admin:core_task_change", args=[rp.river.pk])
    base = {"plan": rp.plan.pk, "serial": "3", "text": "整治河道。", "order": 3,
            "task_units-TOTAL_FORMS": 1, "task_units-INITIAL_FORMS": 1,
            "task_units-0-id": rp.river.task_units.get().pk, "task_units-0-task": rp.river.pk,
            "task_units-0-unit": rp.water.pk, "task_units-0-role": "lead",
            "task_units-0-order": 0}
    added = c.post(url, base | {
        "milestones-TOTAL_FORMS": 1, "milestones-INITIAL_FORMS": 0,
        "milestones-0-task": rp.river.pk, "milestones-0-title": "完成清淤招标",
        "milestones-0-due": "2022-09-30", "milestones-0-order": 1})
    assert added.status_code == 302, added.content.decode()[:2000]
    milestone = Milestone.objects.get(task=rp.river)
    created = Change.objects.get(model="milestone", object_id=milestone.pk)
    assert created.action == Change.Action.CREATE and created.user == people.admin
    assert created.fields["title"] == "完成清淤招标" and created.fields["task"] == rp.river.pk
    c.post(url, base | {
        "milestones-TOTAL_FORMS": 1, "milestones-INITIAL_FORMS": 1,
        "milestones-0-id": milestone.pk, "milestones-0-task": rp.river.pk,
        "milestones-0-title": "完成清淤招标", "milestones-0-due": "2022-10-31",
        "milestones-0-order": 1})
    moved = Change.objects.filter(model="milestone", object_id=milestone.pk).latest("id")
    assert moved.fields["due"] == ["2022-09-30", "2022-10-31"] and moved.fields["via"] == "admin"
    html = history(client_for(people.supervisor), rp.river)
    assert "完成清淤招标" in html and "2022-10-31" in html and "后台管理" in html
    c.post(url, base | {
        "milestones-TOTAL_FORMS": 1, "milestones-INITIAL_FORMS": 1,
        "milestones-0-id": milestone.pk, "milestones-0-task": rp.river.pk,
        "milestones-0-title": "完成清淤招标", "milestones-0-due": "2022-10-31",
        "milestones-0-order": 1, "milestones-0-DELETE": "on"})
    assert not Milestone.objects.filter(pk=milestone.pk).exists()
    gone = Change.objects.filter(model="milestone", object_id=milestone.pk).latest("id")
    assert gone.action == Change.Action.DELETE and gone.fields["text"] == "完成清淤招标"
    # The units inline: one change of the task (not a row per link), and a new version.
    c.post(url, base | {"task_units-0-unit": rp.reform.pk,
                        "milestones-TOTAL_FORMS": 0, "milestones-INITIAL_FORMS": 0})
    units = Change.objects.filter(model="task", object_id=rp.river.pk).latest("id")
    assert units.fields["units"] == [["市水利局"], ["市发改局"]]
    assert not Change.objects.filter(model="taskunit").exists()
    assert Task.objects.get(pk=rp.river.pk).version == 2


def test_admin_edits_of_a_report_and_a_unit_are_recorded(opened, people, client_for):
    """The round's deadline changed in the admin (past the services' guards; its state is
    read-only there: test_state_checks) and a unit renamed or given an alias there leave
    history rows naming the admin."""
    c = client_for(people.admin)
    report = opened.report
    url = reverse("admin:core_report_change", args=[report.pk])
    form = {"plan": opened.plan.pk, "period": opened.h1.pk, "state": report.state,
            "deadline_0": "2022-07-15", "deadline_1": "17:00:00", "verdicts_public": "on",
            "title": report.title, "columns": "[]", "notes": "[]"}
    response = c.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    change = Change.objects.filter(model="report", object_id=report.pk).latest("id")
    assert change.user == people.admin and change.fields["via"] == "admin"
    assert change.fields["deadline"][0] is None and "2022-07-15" in change.fields["deadline"][1]
    url = reverse("admin:core_unit_change", args=[opened.water.pk])
    response = c.post(url, {"government": opened.city.pk, "name": "市水务局",
                            "aliases-TOTAL_FORMS": 1, "aliases-INITIAL_FORMS": 0,
                            "aliases-0-unit": opened.water.pk, "aliases-0-alias": "市水利局"})
    assert response.status_code == 302, response.content.decode()[:3000]
    renamed = Change.objects.filter(model="unit", object_id=opened.water.pk).latest("id")
    assert renamed.fields["name"] == ["市水利局", "市水务局"]
    alias = Change.objects.get(model="unitalias")
    assert alias.fields["alias"] == "市水利局" and alias.fields["unit"] == opened.water.pk
