"""The round's table (luoshi/rounds/round_table.py): lead unit column, filters by state and
unit, days overdue, bulk approval of entries that passed the checks, back at the row after an
action."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from luoshi.core.models import Report
from luoshi.rounds import services
from luoshi.rounds.models import EntryState
from luoshi.rounds.services import EntryInput

pytestmark = pytest.mark.django_db
OK = EntryInput(done="新建道路30公里,累计50公里。", problems="", next_steps="继续。")


def rows(html: str) -> list[str]:
    return re.findall(r'<tr id="entry-(\d+)"', html)


def test_unit_column_and_filters(opened, people, client_for):
    river = opened.entry[opened.river.pk]
    services.save_entry(people.water, river, river.version, OK)
    services.submit_entry(people.water, river, acknowledge=True)
    c = client_for(people.supervisor)
    url = reverse("round_report", args=[opened.report.pk])
    html = c.get(url).content.decode()
    assert len(rows(html)) == 4 and 'data-label="牵头单位">市水利局</td>' in html
    assert rows(c.get(url + "?state=submitted").content.decode()) == [str(river.pk)]
    assert str(river.pk) not in rows(c.get(url + "?state=unfiled").content.decode())
    assert rows(c.get(url + f"?unit={opened.water.pk}").content.decode()) == [str(river.pk)]
    # "²".isdigit() is true but int("²") fails: such a unit is no filter, not a server error.
    assert len(rows(c.get(url, {"unit": "²"}).content.decode())) == 4


def test_days_overdue(opened, people, client_for):
    Report.objects.filter(pk=opened.report.pk).update(
        deadline=timezone.now() - timedelta(days=3, hours=1))
    html = client_for(people.supervisor).get(
        reverse("round_report", args=[opened.report.pk])).content.decode()
    assert html.count("逾期 3 天") == 4


def test_bulk_approve_only_what_passed_the_checks(opened, people, client_for):
    river = opened.entry[opened.river.pk]
    services.save_entry(people.water, river, river.version, OK)
    services.submit_entry(people.water, river, acknowledge=True)
    roads = opened.entry[opened.roads.pk]
    services.save_entry(people.reform, roads, roads.version, EntryInput("正在推进。", "", ""))
    services.submit_entry(people.reform, roads, acknowledge=True, co_reason="另行报送。")
    roads.round_entry.refresh_from_db()
    assert roads.round_entry.warnings  # vague: a reviewer must look at it
    c = client_for(people.supervisor)
    page = c.get(reverse("round_report", args=[opened.report.pk])).content.decode()
    assert f'value="{river.pk}" id="pick-{river.pk}"' in page
    assert f'id="pick-{roads.pk}"' not in page
    response = c.post(reverse("round_bulk_approve", args=[opened.report.pk]),
                      {"entry": [river.pk, roads.pk], "state": "submitted"})
    assert response.status_code == 302
    assert response["Location"].endswith("?state=submitted")
    river.round_entry.refresh_from_db()
    roads.round_entry.refresh_from_db()
    assert river.round_entry.state == EntryState.APPROVED
    assert roads.round_entry.state == EntryState.SUBMITTED
    # A liaison may not approve in bulk.
    client_for(people.water).post(reverse("round_bulk_approve", args=[opened.report.pk]),
                                  {"entry": [roads.pk]})
    roads.round_entry.refresh_from_db()
    assert roads.round_entry.state == EntryState.SUBMITTED


def test_review_comes_back_to_the_row(opened, people, client_for):
    river = opened.entry[opened.river.pk]
    services.save_entry(people.water, river, river.version, OK)
    services.submit_entry(people.water, river, acknowledge=True)
    response = client_for(people.supervisor).post(
        reverse("round_entry_review", args=[river.pk]) + "?state=submitted",
        {"decision": "approve"})
    assert response["Location"] == (reverse("round_report", args=[opened.report.pk])
                                    + f"?state=submitted#entry-{river.pk}")
