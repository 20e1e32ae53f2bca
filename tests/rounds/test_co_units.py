"""Co-units: each files its contribution; the lead unit sees them beside its form with a
one-click insert, and cannot submit while one is missing unless it says why."""

from __future__ import annotations

import pytest
from django.urls import reverse

from luoshi.rounds import services
from luoshi.rounds.models import EntryState, Notice, RoundEntry, RoundEntryNote
from luoshi.rounds.services import EntryInput, NeedsCoReason


def roads(w):
    return w.entry[w.roads.pk]


def test_lead_cannot_submit_while_a_co_unit_is_missing(opened, people, client_for):
    p = roads(opened)
    services.save_entry(people.reform, p, 1, EntryInput("新建道路30公里。", "", ""))
    with pytest.raises(NeedsCoReason) as refused:
        services.submit_entry(people.reform, p)
    assert refused.value.names == ["市经信局"]
    # The page says who is missing and asks why.
    c = client_for(people.reform)
    response = c.post(reverse("round_entry_save", args=[p.pk]),
                      {"version": 2, "done": "新建道路30公里。", "action": "submit"})
    html = response.content.decode()
    assert response.status_code == 409 and "配合单位 市经信局 尚未报送" in html
    assert 'name="co_reason"' in html
    assert RoundEntry.objects.get(pk=p.pk).state == EntryState.DRAFT
    # With the reason it goes, and the reason is kept.
    response = c.post(reverse("round_entry_save", args=[p.pk]),
                      {"version": 2, "done": "新建道路30公里。", "action": "submit",
                       "co_reason": "经信局材料已书面报送。"})
    assert response.status_code == 302
    note = RoundEntryNote.objects.get(progress=p)
    assert note.text == "经信局材料已书面报送。" and note.missing == ["市经信局"]


def test_once_the_co_unit_files_no_reason_is_needed(opened, people, client_for):
    p = roads(opened)
    services.save_contribution(people.economy, p, opened.economy.pk, 0, "配合完成征地10亩。")
    page = client_for(people.reform).get(reverse("round_entry", args=[p.pk])).content.decode()
    # Beside the form, with the one-click insert (a static script does the inserting).
    assert "配合完成征地10亩。" in page and 'class="insert-contribution"' in page
    assert 'data-text="配合完成征地10亩。"' in page and 'name="co_reason"' not in page
    services.save_entry(people.reform, p, 1, EntryInput("新建道路30公里。", "", ""))
    assert services.submit_entry(people.reform, p).state == EntryState.SUBMITTED


def test_co_units_without_accounts_do_not_block(opened, people):
    people.economy.luoshi_profile.units.clear()
    p = roads(opened)
    services.save_entry(people.reform, p, 1, EntryInput("新建道路30公里。", "", ""))
    assert services.submit_entry(people.reform, p).state == EntryState.SUBMITTED


def test_inbox_tells_of_returns_approvals_and_openings(opened, people, client_for):
    assert Notice.objects.filter(user=people.water, kind="opened").exists()
    river = opened.entry[opened.river.pk]
    services.save_entry(people.water, river, 1, EntryInput("整治河道5处。", "", ""))
    services.submit_entry(people.water, river, acknowledge=True)
    services.return_entry(people.supervisor, river, "请补充长度。")
    notice = Notice.objects.filter(user=people.water, kind="returned").get()
    assert "请补充长度。" in notice.text and notice.url == reverse("round_entry", args=[river.pk])
    c = client_for(people.water)
    assert 'data-unread="2"' in c.get("/").content.decode()
    c.post(reverse("inbox"))
    assert 'data-unread=' not in c.get("/").content.decode()
    assert not Notice.objects.filter(user=people.water, read_at__isnull=True).exists()
    # Nobody else's inbox shows it.
    assert "请补充长度。" not in client_for(people.reform).get(reverse("inbox")).content.decode()
