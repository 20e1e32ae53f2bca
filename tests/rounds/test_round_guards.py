"""Round guards: a deadline already past is refused when opening; a running round is extended
for every unit at once; publishing lists what blocks it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from luoshi.core.models import Change, Report
from luoshi.rounds import services
from luoshi.rounds.models import EntryState, RoundEntry
from luoshi.rounds.services import RoundError


def local(dt) -> str:
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def test_a_past_deadline_is_refused_when_opening(rp, people, client_for):
    past = timezone.now() - timedelta(hours=1)
    with pytest.raises(RoundError, match="已过"):
        services.open_round(people.supervisor, rp.plan, rp.h1, past)
    assert not Report.objects.filter(period=rp.h1).exists()
    response = client_for(people.supervisor).post(
        reverse("round_open"), {"plan": rp.plan.pk, "kind": "h1", "deadline": local(past)})
    assert response.status_code == 200 and "已过" in response.content.decode()
    assert not Report.objects.filter(period=rp.h1).exists()


def test_extend_for_everyone(opened, people, client_for):
    soon = timezone.now() + timedelta(days=1)
    later = timezone.now() + timedelta(days=8)
    Report.objects.filter(pk=opened.report.pk).update(deadline=soon)
    c = client_for(people.supervisor)
    page = c.get(reverse("round_report", args=[opened.report.pk])).content.decode()
    assert "延长截止时间" in page
    response = c.post(reverse("round_extend", args=[opened.report.pk]),
                      {"deadline": local(later)})
    assert response.status_code == 302
    report = Report.objects.get(pk=opened.report.pk)
    assert abs((report.deadline - later).total_seconds()) < 60
    assert Change.objects.filter(model="report", object_id=report.pk,
                                 fields__has_key="deadline").exists()
    # Earlier than the current deadline, or past: refused, nothing changes.
    for when in (soon, timezone.now() - timedelta(days=1)):
        with pytest.raises(RoundError):
            services.extend_round(people.supervisor, report, when)
    assert Report.objects.get(pk=report.pk).deadline == report.deadline
    # Units may not.
    assert client_for(people.reform).post(reverse("round_extend", args=[report.pk]),
                                          {"deadline": local(later)}).status_code == 403


def test_extend_through_the_api(opened, people, client):
    token = Token.objects.create(user=people.supervisor).key
    later = timezone.now() + timedelta(days=8)
    response = client.post(f"/api/reports/{opened.report.pk}/extend/",
                           data=json.dumps({"deadline": later.isoformat()}),
                           content_type="application/json", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200, response.content
    assert response.json()["deadline"] is not None


def test_publishing_lists_what_blocks_it(opened, people, client_for):
    RoundEntry.objects.filter(progress__report=opened.report).exclude(
        progress__task=opened.river).update(state=EntryState.APPROVED)
    RoundEntry.objects.filter(progress__task=opened.river).update(state=EntryState.SUBMITTED)
    blockers = services.publish_blockers(opened.report)
    assert [b.progress.task for b in blockers] == [opened.river]
    assert blockers[0].state == "已提交"
    c = client_for(people.supervisor)
    page = c.get(reverse("round_report", args=[opened.report.pk])).content.decode()
    assert "发布前尚待处理(1 条)" in page and "整治河道" in page.split("publish-blockers")[1]
    with pytest.raises(RoundError) as refused:
        services.publish(people.supervisor, opened.report)
    assert "第3项(已提交)" in str(refused.value)
    response = c.post(reverse("round_publish", args=[opened.report.pk]), follow=True)
    assert "第3项(已提交)" in response.content.decode()
    assert Report.objects.get(pk=opened.report.pk).state != Report.State.PUBLISHED
