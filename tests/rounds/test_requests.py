"""延期/调整申请: a unit asks with a reason; the office approves (the change applies, with
history) or rejects with a comment; each decision once; units see their own requests."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from luoshi.core.models import Change, Target, Task
from luoshi.rounds import requests
from luoshi.rounds.models import ChangeRequest
from luoshi.rounds.services import RoundError


@pytest.fixture
def target(rp):
    return Target.objects.create(task=rp.roads, metric="新建改造道路", comparator=">=",
                                 value=100, unit="公里", span="新建改造道路100公里")


def test_deadline_request_approved_moves_the_deadline(opened, people, client_for):
    c = client_for(people.water)
    response = c.post(reverse("request_new", args=[opened.river.pk]) + f"?report={opened.report.pk}",
                      {"kind": "deadline", "reason": "汛期无法施工。", "new_deadline": "2022-12-31"})
    assert response.status_code == 302
    row = ChangeRequest.objects.get()
    assert (row.unit, row.report, row.state) == (opened.water, opened.report, "pending")
    # The unit sees it; another unit does not.
    assert "汛期无法施工" in c.get(reverse("request_list")).content.decode()
    assert "汛期无法施工" not in client_for(people.reform).get(
        reverse("request_list")).content.decode()
    office = client_for(people.supervisor)
    assert office.post(reverse("request_decide", args=[row.pk]),
                       {"decision": "approve", "comment": "同意延期。"}).status_code == 302
    assert Task.objects.get(pk=opened.river.pk).deadline == date(2022, 12, 31)
    change = Change.objects.filter(model="task", object_id=opened.river.pk).latest("id")
    assert change.fields["deadline"] == ["", "2022-12-31"] and "申请" in change.fields["note"]
    page = c.get(reverse("task_detail", args=[opened.river.pk])).content.decode()
    assert "已同意" in page and "2022年12月31日" in page
    # Decided once: a second decision is refused.
    with pytest.raises(RoundError, match="已处理"):
        requests.decide(people.supervisor, ChangeRequest.objects.get(), False, "晚了")


def test_target_request_approved_changes_the_target_with_history(opened, people, target):
    row = requests.file_request(people.reform, opened.roads, "target", "资金压减。",
                                target=target, new_value=80)
    assert row.old_value == "100公里"
    requests.decide(people.supervisor, row, True)
    target.refresh_from_db()
    assert target.value == 80 and target.source == "manual"
    assert Change.objects.filter(model="target", object_id=target.pk).exists()


def test_scope_request_rejected_changes_nothing(opened, people):
    row = requests.file_request(people.water, opened.river, "scope", "范围调整。",
                                new_text="整治河道(缩小范围)。")
    with pytest.raises(RoundError, match="审批意见"):
        requests.decide(people.supervisor, row, False, "")
    requests.decide(people.supervisor, row, False, "理由不充分。")
    assert Task.objects.get(pk=opened.river.pk).text == "整治河道。"
    assert ChangeRequest.objects.get().state == "rejected"


def test_who_may_ask_and_decide(opened, people, client_for, target):
    # A unit not on the task, leaders and the public may not ask; units may not decide.
    for user in (people.water, people.leader):
        with pytest.raises(Exception):  # noqa: B017  (403: PermissionDenied)
            requests.file_request(user, opened.roads, "deadline", "x",
                                  new_deadline=date(2022, 12, 1))
    assert client_for(None).get(reverse("request_new", args=[opened.roads.pk])).status_code == 302
    # The co-unit may ask, for its own unit.
    row = requests.file_request(people.economy, opened.roads, "deadline", "配合工作延后。",
                                new_deadline=date(2022, 12, 1))
    assert row.unit == opened.economy
    assert client_for(people.economy).post(reverse("request_decide", args=[row.pk]),
                                           {"decision": "approve"}).status_code == 403
    assert ChangeRequest.objects.get().state == "pending"
    # Missing parts are refused with a message.
    with pytest.raises(RoundError, match="完成时限"):
        requests.file_request(people.reform, opened.roads, "deadline", "x")
    with pytest.raises(RoundError, match="目标"):
        requests.file_request(people.reform, opened.roads, "target", "x", new_value=5)


def test_requests_and_notices_through_the_api(opened, people, client):
    import json

    from rest_framework.authtoken.models import Token

    def call(user, method, url, data=None):
        token = Token.objects.get_or_create(user=user)[0].key
        auth = {"HTTP_AUTHORIZATION": f"Token {token}"}
        if method == "get":
            return client.get(url, **auth)
        return client.post(url, data=json.dumps(data or {}), content_type="application/json",
                           **auth)

    filed = call(people.water, "post", "/api/requests/", {
        "task": opened.river.pk, "kind": "deadline", "reason": "汛期。",
        "new_deadline": "2022-12-31"})
    assert filed.status_code == 201, filed.content
    assert filed.json()["unit"] == "市水利局" and filed.json()["state"] == "pending"
    pk = filed.json()["id"]
    assert call(people.reform, "get", "/api/requests/").json()["results"] == []
    decided = call(people.supervisor, "post", f"/api/requests/{pk}/decide/", {"approve": True})
    assert decided.status_code == 200 and decided.json()["state"] == "approved"
    assert Task.objects.get(pk=opened.river.pk).deadline == date(2022, 12, 31)
    notices = call(people.water, "get", "/api/notices/").json()["results"]
    assert [n["kind"] for n in notices][:2] == ["decided", "opened"]
