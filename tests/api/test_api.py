"""The REST API: OpenAPI document, tokens (with the login lock-out), a round through the API."""

import json

from django.test import Client
from roles import PASSWORD

from luoshi.core.models import Report
from luoshi.rounds.models import LoginFailure


def api(client: Client, method: str, path: str, token: str | None = None, data=None):
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"} if token else {}
    if method == "get":
        return client.get(path, **headers)
    return getattr(client, method)(path, data=json.dumps(data or {}),
                                   content_type="application/json", **headers)


def token(client, username):
    response = api(client, "post", "/api/token/", data={"username": username,
                                                         "password": PASSWORD})
    assert response.status_code == 200, response.content
    return response.json()["token"]


def test_openapi_document(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.oai.openapi+json")
    doc = response.json()
    assert doc["openapi"].startswith("3.")
    assert {"/api/entries/{id}/", "/api/entries/{id}/submit/", "/api/reports/{id}/publish/",
            "/api/token/"} <= set(doc["paths"])
    assert "tokenAuth" in doc["components"]["securitySchemes"]


def test_anonymous_reads_published_only(client, opened):
    ids = {r["id"] for r in api(client, "get", "/api/reports/").json()["results"]}
    assert ids == {opened.prev.pk}


def test_round_through_the_api(client, opened, people):
    lead, office = token(client, "发改联络员"), token(client, "督查员")
    entry = opened.entry[opened.roads.pk]
    url = f"/api/entries/{entry.pk}/"
    saved = api(client, "put", url, lead, {"version": 1, "done": "新建道路30公里。"})
    assert saved.status_code == 200 and saved.json()["version"] == 2
    stale = api(client, "put", url, lead, {"version": 1, "done": "旧的。"})
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    assert "未丢失" in stale.json()["detail"]
    assert api(client, "post", url + "submit/", lead).json()["state"] == "submitted"
    returned = api(client, "post", url + "return/", office, {"comment": "请补充累计数。"})
    assert returned.json()["state"] == "returned"
    api(client, "put", url, lead, {"version": 2, "done": "新建道路30公里,累计50公里。"})
    assert api(client, "post", url + "submit/", lead).status_code == 200
    assert api(client, "post", url + "approve/", office).json()["state"] == "approved"
    refused = api(client, "post", f"/api/reports/{opened.report.pk}/publish/", office)
    assert refused.status_code == 409 and "未审核通过" in refused.json()["detail"]


def test_submit_with_warnings_returns_them(client, opened, people):
    lead = token(client, "发改联络员")
    entry = opened.entry[opened.roads.pk]
    api(client, "put", f"/api/entries/{entry.pk}/", lead, {"version": 1, "done": "稳步推进。"})
    response = api(client, "post", f"/api/entries/{entry.pk}/submit/", lead)
    assert response.status_code == 409
    assert {w["code"] for w in response.json()["warnings"]} == {"boilerplate", "no_figure"}
    ok = api(client, "post", f"/api/entries/{entry.pk}/submit/", lead, {"acknowledge": True})
    assert ok.json()["state"] == "submitted"


def test_token_endpoint_is_throttled(client, people, settings):
    settings.LUOSHI_LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        bad = api(client, "post", "/api/token/", data={"username": "督查员", "password": "x"})
        assert bad.status_code == 400
    locked = api(client, "post", "/api/token/", data={"username": "督查员",
                                                      "password": PASSWORD})
    assert locked.status_code == 429 and "登录失败次数过多" in locked.json()["detail"]
    assert LoginFailure.objects.count() == 2


def test_open_round_via_api(client, opened, people):
    office = token(client, "督查员")
    response = api(client, "post", "/api/reports/", office,
                   {"plan": opened.plan.pk, "period_kind": "q3", "deadline": "2022-10-10T17:00:00+08:00"})
    assert response.status_code == 201 and response.json()["state"] == "open"
    report = Report.objects.get(pk=response.json()["id"])
    assert report.progress.count() == 4 and report.deadline.day == 10
    again = api(client, "post", "/api/reports/", office, {"plan": opened.plan.pk,
                                                           "period_kind": "q3"})
    assert again.status_code == 409
