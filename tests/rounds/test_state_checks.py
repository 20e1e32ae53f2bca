"""The state checks are in the write: submit and approve bump the version, so a save from a
page loaded before either is refused; a refused write changes nothing."""

from __future__ import annotations

import pytest

from luoshi.core.models import Progress, Report
from luoshi.rounds import services
from luoshi.rounds.models import EntryState, RoundEntry
from luoshi.rounds.services import EntryInput, RoundError

# Co-units that have not filed: the lead unit says why (issue 12).
CO_REASON = "配合单位另行报送。"


def version(entry) -> int:
    return Progress.objects.get(pk=entry.pk).version


def test_submit_and_approve_bump_the_version(opened, people):
    river = opened.entry[opened.river.pk]
    services.save_entry(people.water, river, 1, EntryInput("整治河道5处。", "", ""))
    assert version(river) == 2
    services.submit_entry(people.water, river, acknowledge=True, co_reason=CO_REASON)
    assert version(river) == 3
    services.approve_entry(people.supervisor, river)
    assert version(river) == 4
    services.return_entry(people.supervisor, river, "请补充。")
    assert version(river) == 4  # back to the unit: editable, no new text


def test_a_save_from_before_the_submission_is_refused(opened, people):
    river = opened.entry[opened.river.pk]
    services.save_entry(people.water, river, 1, EntryInput("整治河道5处。", "", ""))
    services.submit_entry(people.water, river, acknowledge=True, co_reason=CO_REASON)
    # Even when the state check before the write is passed (the entry was returned and
    # resubmitted in between), the version in the write refuses the stale page.
    RoundEntry.objects.filter(pk=river.pk).update(state=EntryState.RETURNED)
    with pytest.raises(services.Conflict):
        services.save_entry(people.water, river, 2, EntryInput("过时页面的文字。", "", ""))
    assert Progress.objects.get(pk=river.pk).done == "整治河道5处。"


def test_submit_of_a_given_version_refuses_a_newer_text(opened, people):
    river = opened.entry[opened.river.pk]
    services.save_entry(people.water, river, 1, EntryInput("整治河道5处。", "", ""))
    with pytest.raises(services.Conflict, match="提交失败"):
        services.submit_entry(people.water, river, acknowledge=True, co_reason=CO_REASON, version=1)
    assert RoundEntry.objects.get(pk=river.pk).state == EntryState.DRAFT


def test_the_guard_refuses_a_published_report(opened, people):
    river = opened.entry[opened.river.pk]
    Report.objects.filter(pk=opened.report.pk).update(state=Report.State.PUBLISHED)
    assert services.guarded(river.pk, 1, services.EDITABLE).count() == 0
    with pytest.raises(RoundError, match="已发布"):
        services.save_entry(people.water, river, 1, EntryInput("x", "", ""))


def test_approve_needs_a_submitted_entry(opened, people):
    river = opened.entry[opened.river.pk]
    with pytest.raises(RoundError, match="填报中"):
        services.approve_entry(people.supervisor, river)
    assert version(river) == 1


def test_the_admin_cannot_move_a_state_past_the_services(opened, people, client_for):
    """Django admin shows a report's state and a round's records (entry states, review log,
    contributions, reminders) but does not change them: a transition goes through the services
    that check it. A report's other fields are still edited there, with history."""
    from django.urls import reverse

    from luoshi.core.models import Change
    from luoshi.rounds.models import Contribution

    c = client_for(people.admin)
    report, entry = opened.report, opened.entry[opened.roads.pk]
    url = reverse("admin:core_report_change", args=[report.pk])
    page = c.get(url).content.decode()
    assert 'name="state"' not in page and "填报中" in page  # shown, not a field
    form = {"plan": opened.plan.pk, "period": opened.h1.pk, "state": Report.State.PUBLISHED,
            "deadline_0": "2022-07-15", "deadline_1": "17:00:00", "title": "改名",
            "columns": "[]", "notes": "[]"}
    assert c.post(url, form).status_code == 302
    report.refresh_from_db()
    assert report.state == Report.State.OPEN and report.title == "改名"
    change = Change.objects.filter(model="report", object_id=report.pk).latest("id")
    assert "state" not in change.fields and change.fields["title"][1] == "改名"
    # A round entry: read, never changed or added by hand.
    row = reverse("admin:rounds_roundentry_change", args=[entry.pk])
    assert c.get(row).status_code == 200
    assert c.post(row, {"state": EntryState.APPROVED}).status_code == 403
    assert c.get(reverse("admin:rounds_roundentry_add")).status_code == 403
    assert RoundEntry.objects.get(pk=entry.pk).state == EntryState.DRAFT
    # A contribution keeps its version check and history: not edited here either.
    services.save_contribution(people.economy, entry, opened.economy.pk, 0, "配合征地。")
    mine = Contribution.objects.get(progress=entry)
    contribution = reverse("admin:rounds_contribution_change", args=[mine.pk])
    assert c.post(contribution, {"progress": entry.pk, "unit": opened.economy.pk,
                                 "text": "改写。", "version": 1}).status_code == 403
    assert Contribution.objects.get(pk=mine.pk).text == "配合征地。"
    for name in ("reviewevent", "reminder"):
        assert c.get(reverse(f"admin:rounds_{name}_add")).status_code == 403
