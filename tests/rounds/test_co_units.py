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


def test_the_co_unit_files_its_part_but_reads_the_lead_draft_only_once_filed(
        opened, people, client_for):
    """A draft is seen by its own unit only: the co-unit's liaison files its contribution from
    the entry page, which shows none of the lead unit's draft; the round's table and its own
    round page say 未填报 (not 填报中, not 已退回), and a state filter cannot tell them apart.
    Submitted, the entry is read as leaders read it; returned, it is the lead unit's again."""
    p = roads(opened)
    services.save_entry(people.reform, p, 1, EntryInput("新建道路30公里。", "征地难。", ""))
    co = client_for(people.economy)
    url = reverse("round_entry", args=[p.pk])
    response = co.post(reverse("round_entry_contribute", args=[p.pk]),
                       {"unit": opened.economy.pk, "version": 0, "text": "配合完成征地10亩。"})
    assert response.status_code == 302
    page = co.get(url).content.decode()
    assert "配合完成征地10亩。" in page and "新建道路30公里。" not in page
    assert "征地难。" not in page and "填报中" not in page
    # A refused contribution (a stale version) shows the same page, still without the draft.
    refused = co.post(reverse("round_entry_contribute", args=[p.pk]),
                      {"unit": opened.economy.pk, "version": 0, "text": "重复。"})
    assert refused.status_code == 409 and "新建道路30公里。" not in refused.content.decode()
    # The lead unit reads the contribution beside its form.
    assert "配合完成征地10亩。" in client_for(people.reform).get(url).content.decode()
    table = reverse("round_report", args=[opened.report.pk])
    row = f'id="entry-{p.pk}"'
    for query, listed in (("", True), ("?state=unfiled", True), ("?state=draft", False),
                          ("?state=returned", False)):
        html = co.get(table + query).content.decode()
        assert (row in html) is listed, query
        if listed:
            cells = html.split(row, 1)[1].split("</tr>", 1)[0]
            assert "未填报" in cells and "填报中" not in cells and "新建道路30" not in cells
            assert f'href="{url}"' in cells  # to file its contribution
    mine = co.get(reverse("round_home")).content.decode()
    roads_row = mine.split(f'href="{url}"', 1)[1].split("</tr>", 1)[0]
    assert "state--unfiled" in roads_row and "填报中" not in roads_row
    assert "state--draft" in mine  # its own draft (parks, which it leads) says 填报中
    # Filed: read as leaders read it (text and state).
    services.submit_entry(people.reform, p, acknowledge=True)
    page = co.get(url).content.decode()
    assert "新建道路30公里。" in page and "已提交" in page
    assert co.get(reverse("round_entry_history", args=[p.pk])).status_code == 200
    # Returned: the lead unit's again, with its comment.
    services.return_entry(people.supervisor, p, "请补充里程。")
    page = co.get(url).content.decode()
    assert "新建道路30公里。" not in page and "请补充里程。" not in page
    assert co.get(reverse("round_entry_history", args=[p.pk])).status_code == 403
    assert "请补充里程。" not in co.get(reverse("home")).content.decode()
