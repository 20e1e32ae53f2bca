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
