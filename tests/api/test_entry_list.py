"""The entry list is built from values() rows (luoshi.api.serializers.entry_rows): it must say
exactly what EntrySerializer says of the same entries, for every role."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.test import Client
from roles import PASSWORD

from luoshi.api.serializers import EntrySerializer
from luoshi.core.models import Target
from luoshi.core.services.analysis import analyze_report
from luoshi.rounds.permissions import readable_progress


def _token(client: Client, username: str) -> str:
    response = client.post("/api/token/", json.dumps({"username": username,
                                                     "password": PASSWORD}),
                           content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()["token"]


def test_list_says_what_the_serializer_says(client, opened, people):
    analyze_report(opened.report)
    target = Target.objects.get(task=opened.roads)
    lead = _token(client, "发改联络员")
    entry = opened.entry[opened.roads.pk]
    saved = client.put(f"/api/entries/{entry.pk}/", json.dumps(
        {"version": 1, "done": "稳步推进。", "reported_values": [{"target": target.pk,
                                                                "value": 30}]}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Token {lead}")
    assert saved.status_code == 200, saved.content
    users = get_user_model().objects
    for who in ("发改联络员", "经信联络员", "督查员", "领导", None):
        user = users.get(username=who) if who else None
        headers = {"HTTP_AUTHORIZATION": f"Token {_token(client, who)}"} if who else {}
        for report in (opened.report, opened.prev):
            got = client.get(f"/api/entries/?report={report.pk}&limit=1000", **headers).json()
            expected = [EntrySerializer(p).data for p in readable_progress(
                user or _anonymous()).filter(report=report).order_by("position", "pk")]
            assert got["results"] == json.loads(json.dumps(expected)), (who, report)
            assert got["count"] == len(expected)
            if who == "督查员":
                assert expected, report  # the office reads every entry: not an empty match
    lists = client.get(f"/api/entries/?report={opened.report.pk}",
                       HTTP_AUTHORIZATION=f"Token {lead}").json()["results"]
    mine = next(e for e in lists if e["id"] == entry.pk)
    assert mine["reported_values"] == [{
        "target": target.pk, "metric": target.metric, "comparator": target.comparator,
        "target_value": 100.0, "unit": "公里", "value": 30.0}]


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
