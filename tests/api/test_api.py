"""The REST API: OpenAPI document, tokens (with the login lock-out), a round through the API."""

import json

from django.test import Client
from roles import PASSWORD

from luoshi.core.models import Assessment, Change, Progress, Report, Target
from luoshi.core.services.analysis import analyze_report
from luoshi.rounds.models import LoginFailure, ReportedValue


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
    # Query filters and reported values are documented.
    for path, name in [("/api/reports/", "plan"), ("/api/tasks/", "plan"),
                       ("/api/entries/", "report")]:
        params = {p["name"]: p for p in doc["paths"][path]["get"]["parameters"]}
        assert params[name]["in"] == "query" and params[name]["schema"]["type"] == "integer"
    schemas = doc["components"]["schemas"]
    write = schemas["EntryWrite"]["properties"]["reported_values"]
    assert write["items"]["$ref"].endswith("/ReportedValueWrite")
    assert set(schemas["ReportedValueWrite"]["properties"]) == {"target", "value"}
    assert "reported_values" in schemas["Entry"]["properties"]


# Co-units that have not filed: the lead unit says why (issue 12).
CO = {"co_reason": "配合单位另行报送。"}


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
    # The co-unit (市经信局) has not filed its part: the lead unit says why, or waits.
    waiting = api(client, "post", url + "submit/", lead)
    assert waiting.status_code == 409 and waiting.json()["code"] == "needs_co_reason"
    assert api(client, "post", url + "submit/", lead, CO).json()["state"] == "submitted"
    returned = api(client, "post", url + "return/", office, {"comment": "请补充累计数。"})
    assert returned.json()["state"] == "returned"
    # Submitting bumped the version (a page loaded before it cannot save over it).
    resaved = api(client, "put", url, lead, {"version": 3, "done": "新建道路30公里,累计50公里。"})
    assert resaved.status_code == 200, resaved.content
    assert api(client, "post", url + "submit/", lead, CO).status_code == 200
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
    ok = api(client, "post", f"/api/entries/{entry.pk}/submit/", lead,
             {"acknowledge": True} | CO)
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
                   {"plan": opened.plan.pk, "period_kind": "q3", "deadline": "2099-10-10T17:00:00+08:00"})
    assert response.status_code == 201 and response.json()["state"] == "open"
    report = Report.objects.get(pk=response.json()["id"])
    assert report.progress.count() == 4 and report.deadline.day == 10
    again = api(client, "post", "/api/reports/", office, {"plan": opened.plan.pk,
                                                           "period_kind": "q3"})
    assert again.status_code == 409


def test_filters_by_plan_and_report(client, opened, people):
    office = token(client, "督查员")
    reports = api(client, "get", f"/api/reports/?plan={opened.plan.pk}", office).json()
    assert {r["id"] for r in reports["results"]} == {opened.prev.pk, opened.report.pk}
    assert api(client, "get", "/api/reports/?plan=999999", office).json()["count"] == 0
    entries = api(client, "get", f"/api/entries/?report={opened.prev.pk}", office).json()
    assert [e["task"] for e in entries["results"]] == [opened.roads.pk]
    # A filter that is not an id is ignored (it used to reach int() for "²").
    assert api(client, "get", "/api/tasks/?plan=²", office).status_code == 200


def test_reported_values_through_the_api(client, opened, people):
    analyze_report(opened.report)  # stores the task's targets: 新建改造道路100公里
    target = Target.objects.get(task=opened.roads)
    lead = token(client, "发改联络员")
    entry = opened.entry[opened.roads.pk]
    url = f"/api/entries/{entry.pk}/"
    saved = api(client, "put", url, lead, {"version": 1, "done": "稳步推进。",
                                            "reported_values": [{"target": target.pk,
                                                                 "value": 30}]})
    assert saved.status_code == 200, saved.content
    assert saved.json()["reported_values"] == [{
        "target": target.pk, "metric": target.metric, "comparator": target.comparator,
        "target_value": 100.0, "unit": "公里", "value": 30.0}]
    change = Change.objects.get(model="progress", object_id=entry.pk)
    assert change.fields[f"target:{target.pk}"] == [None, 30.0]
    # The status was re-derived: the text is boilerplate only, but the filed figure is evidence
    # and wins (issue 10): 30 of 100 公里 at mid-year is well under the time share.
    a = Assessment.objects.get(report=opened.report, task=opened.roads)
    assert a.status == "behind", a.reason
    assert any(e["field"] == "reported" for e in a.evidence)
    # A figure was reported: only the boilerplate warning is left.
    submitted = api(client, "post", url + "submit/", lead)
    assert [w["code"] for w in submitted.json()["warnings"]] == ["boilerplate"]
    # A target of another task is refused and nothing changes.
    other = Target.objects.create(task=opened.river, metric="河道", comparator=">=", value=5)
    refused = api(client, "put", url, lead, {"version": 2, "done": "改。", "reported_values": [
        {"target": other.pk, "value": 1}]})
    assert refused.status_code == 409 and "不属于该任务" in refused.json()["detail"]
    assert Progress.objects.get(pk=entry.pk).version == 2
    assert list(ReportedValue.objects.values_list("target", "value")) == [(target.pk, 30.0)]
    bad = api(client, "put", url, lead, {"version": 2, "reported_values": [{"target": target.pk,
                                                                          "value": "很多"}]})
    assert bad.status_code == 400


def test_numbers_beyond_any_id_or_page_are_answered(client, opened):
    """Found by Schemathesis: these reached SQLite as integers it cannot hold (500)."""
    huge = "918961734252272264786997149696"
    assert api(client, "get", f"/api/reports/?plan={huge}").json()["count"] == 0
    assert api(client, "get", f"/api/entries/?report={huge}").json()["count"] == 0
    page = api(client, "get", f"/api/reports/?limit={huge}")
    assert page.status_code == 200 and page.json()["count"] == 1
    assert api(client, "get", f"/api/plans/?offset={huge}").json()["results"] == []
