import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from luoshi.core.models import Assessment, Change, Measurement, Progress, Report
from luoshi.rounds import services
from luoshi.rounds.models import EntryState, ReviewEvent
from luoshi.rounds.services import EntryInput

# Co-units that have not filed: the lead unit says why (issue 12).
CO_REASON = "配合单位另行报送。"


def entry(text="新建道路30公里,累计50公里。"):
    return EntryInput(done=text, problems="", next_steps="继续。")


def test_open_creates_one_entry_per_leaf_task_in_plan_order(opened):
    tasks = [p.task for p in opened.report.progress.order_by("position")]
    assert tasks == [opened.roads, opened.park_a, opened.park_b, opened.river]
    assert opened.report.state == Report.State.OPEN
    assert all(p.round_entry.state == EntryState.DRAFT for p in opened.report.progress.all())


def test_open_twice_is_refused(opened, people):
    with pytest.raises(services.RoundError, match="已存在"):
        services.open_round(people.supervisor, opened.plan, opened.h1, None)


def test_previous_period_entry_is_context(opened):
    prev = services.previous_entries(opened.report)
    assert prev[opened.roads.pk].next_steps == "继续施工。"


def test_save_bumps_version_and_records_change(opened, people):
    p = opened.entry[opened.roads.pk]
    saved = services.save_entry(people.reform, p, 1, entry())
    assert saved.version == 2 and saved.updated_by == people.reform
    change = Change.objects.get(model="progress", object_id=p.pk)
    assert change.fields["done"] == ["", "新建道路30公里,累计50公里。"]
    assert change.user == people.reform


def test_stale_version_is_refused_and_nothing_changes(opened, people):
    p = opened.entry[opened.roads.pk]
    services.save_entry(people.reform, p, 1, entry("第一次。"))
    with pytest.raises(services.Conflict, match="发改联络员") as info:
        services.save_entry(people.reform, p, 1, entry("第二次。"))
    assert "未丢失" in str(info.value)
    assert Progress.objects.get(pk=p.pk).done == "第一次。"


def test_co_unit_contributes_but_cannot_edit_entry(opened, people):
    p = opened.entry[opened.roads.pk]
    c = services.save_contribution(people.economy, p, opened.economy.pk, 0, "配合完成征地。")
    assert c.version == 1
    c = services.save_contribution(people.economy, p, opened.economy.pk, 1, "配合完成征地两处。")
    assert c.version == 2
    with pytest.raises(services.Conflict):
        services.save_contribution(people.economy, p, opened.economy.pk, 1, "旧版本。")
    with pytest.raises(PermissionDenied):
        services.save_entry(people.economy, p, 1, entry())


def test_other_units_entry_is_not_found(opened, people):
    with pytest.raises(Http404):
        services.save_entry(people.water, opened.entry[opened.roads.pk], 1, entry())


def test_sub_items_belong_to_the_parents_lead(opened, people):
    p = opened.entry[opened.park_a.pk]
    assert services.save_entry(people.economy, p, 1, entry("主体完工。")).version == 2


def test_boilerplate_and_missing_figure_need_acknowledgement(opened, people):
    p = opened.entry[opened.roads.pk]
    services.save_entry(people.reform, p, 1, entry("按计划推进。"))
    with pytest.raises(services.NeedsAcknowledgement) as info:
        services.submit_entry(people.reform, p)
    assert {w["code"] for w in info.value.warnings} == {"boilerplate", "no_figure"}
    assert p.round_entry.__class__.objects.get(pk=p.pk).state == EntryState.DRAFT
    e = services.submit_entry(people.reform, p, acknowledge=True, co_reason=CO_REASON)
    assert e.state == EntryState.SUBMITTED and e.acknowledged
    assert ReviewEvent.objects.get(progress=p).acknowledged


def test_figure_satisfies_the_target_check(opened, people):
    p = opened.entry[opened.roads.pk]
    services.save_entry(people.reform, p, 1, entry())
    assert services.submit_entry(people.reform, p, co_reason=CO_REASON).acknowledged is False


def test_empty_entry_cannot_be_submitted(opened, people):
    with pytest.raises(services.RoundError, match="为空"):
        services.submit_entry(people.water, opened.entry[opened.river.pk])


def fill_and_submit(opened, people):
    who = {opened.roads.pk: people.reform, opened.park_a.pk: people.economy,
           opened.park_b.pk: people.economy, opened.river.pk: people.water}
    for task_id, p in opened.entry.items():
        services.save_entry(who[task_id], p, p.version, entry())
        services.submit_entry(who[task_id], p, acknowledge=True, co_reason=CO_REASON)
    return who


def test_whole_round_return_resubmit_approve_publish(opened, people):
    who = fill_and_submit(opened, people)
    opened.report.refresh_from_db()
    assert opened.report.state == Report.State.REVIEW
    river = opened.entry[opened.river.pk]
    with pytest.raises(services.RoundError, match="退回意见"):
        services.return_entry(people.supervisor, river, " ")
    services.return_entry(people.supervisor, river, "请补充整治长度。")
    opened.report.refresh_from_db()
    assert opened.report.state == Report.State.OPEN
    river.refresh_from_db()
    with pytest.raises(services.RoundError, match="未审核通过"):
        services.publish(people.supervisor, opened.report)
    services.save_entry(who[opened.river.pk], river, river.version, entry("整治河道5公里。"))
    services.submit_entry(people.water, river)
    for p in opened.entry.values():
        services.approve_entry(people.supervisor, p)
    report = services.publish(people.supervisor, opened.report)
    assert report.state == Report.State.PUBLISHED
    river.refresh_from_db()
    with pytest.raises(services.RoundError, match="已发布"):
        services.save_entry(people.water, river, river.version, entry("再改。"))
    assert Progress.objects.get(pk=river.pk).done == "整治河道5公里。"


def test_submitted_entry_is_locked_until_returned(opened, people):
    p = opened.entry[opened.river.pk]
    services.save_entry(people.water, p, 1, entry())
    services.submit_entry(people.water, p, acknowledge=True, co_reason=CO_REASON)
    with pytest.raises(services.RoundError, match="退回后"):
        services.save_entry(people.water, p, 2, entry("改。"))


def test_liaison_cannot_review_or_publish(opened, people):
    p = opened.entry[opened.river.pk]
    with pytest.raises(PermissionDenied):
        services.approve_entry(people.water, p)
    with pytest.raises(PermissionDenied):
        services.publish(people.leader, opened.report)


def test_supervisor_saves_and_submits_on_the_units_behalf(opened, people):
    p = opened.entry[opened.park_a.pk]
    saved = services.save_entry(people.supervisor, p, 1, entry("东岛公园主体完工。"))
    assert saved.updated_by == people.supervisor
    change = Change.objects.get(model="progress", object_id=p.pk)
    assert change.user == people.supervisor and change.fields["on_behalf_of"] == "市经信局"
    assert services.submit_entry(people.supervisor, p).submitted_by == people.supervisor
    # The lead unit's own saves name nobody else.
    own = opened.entry[opened.roads.pk]
    services.save_entry(people.reform, own, 1, entry())
    assert "on_behalf_of" not in Change.objects.get(model="progress", object_id=own.pk).fields


def test_supervisor_cannot_contribute_admin_can_for_a_co_unit(opened, people):
    p = opened.entry[opened.roads.pk]
    with pytest.raises(PermissionDenied):
        services.save_contribution(people.supervisor, p, opened.economy.pk, 0, "代报。")
    with pytest.raises(services.RoundError, match="配合单位"):  # 发改 leads, it is no co-unit
        services.save_contribution(people.admin, p, opened.reform.pk, 0, "代报。")
    row = services.save_contribution(people.admin, p, opened.economy.pk, 0, "代报。")
    assert row.updated_by == people.admin


def test_save_re_derives_status_and_evidence_with_history(opened, people):
    p = opened.entry[opened.roads.pk]  # task: 新建改造道路100公里 (H1: half the year elapsed)
    services.save_entry(people.reform, p, 1, entry("新建道路30公里。"))
    a = Assessment.objects.get(report=opened.report, task=opened.roads)
    assert a.status == "behind" and a.evidence[0]["text"] == "新建道路30公里"
    assert Measurement.objects.get(report=opened.report, task=opened.roads).value == 30
    created = Change.objects.get(model="assessment", object_id=a.pk)
    assert created.action == Change.Action.CREATE and created.user == people.reform
    services.save_entry(people.reform, p, 2, entry("新建道路100公里,全面完成。"))
    a.refresh_from_db()
    # 100 of 100 公里: the target is met, done (issue 10: a reached running total is done).
    assert a.status == "done"
    assert Measurement.objects.get(report=opened.report, task=opened.roads).value == 100
    update = Change.objects.filter(model="assessment", object_id=a.pk).latest("id")
    assert update.fields["status"] == ["behind", "done"] and update.fields["task"] == opened.roads.pk
    # A sub-item's entry re-derives its parent's status; other tasks are left alone.
    services.save_entry(people.economy, opened.entry[opened.park_a.pk], 1, entry("主体完工。"))
    assert set(Assessment.objects.filter(report=opened.report).values_list("task", flat=True)) == {
        opened.roads.pk, opened.parks.pk}


def test_saving_the_same_text_does_not_re_analyse(opened, people):
    p = opened.entry[opened.roads.pk]
    services.save_entry(people.reform, p, 1, entry("新建道路30公里。"))
    services.save_entry(people.reform, p, 2, entry("新建道路30公里。"))
    assert Change.objects.filter(model="assessment").count() == 1
    assert Change.objects.filter(model="progress").count() == 1
