"""Role × operation matrix over round pages and API operations that read or write.

Each operation names, per role, the status it must get. Allowed ones succeed; the others get
403, or 404 for what the role may not know exists (login redirect for anonymous pages), and then
the database is exactly as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from luoshi.core.models import Change, Milestone, Progress, Report, Target, Task, Unit
from luoshi.rounds.models import (
    ChangeRequest,
    Contribution,
    EntryAutosave,
    EntryState,
    EvidenceFile,
    Reminder,
    RoundEntry,
)

ROLES = ["public", "admin", "supervisor", "leader", "lead_liaison", "co_liaison", "other_liaison"]
ALL = set(ROLES)
OFFICE = {"admin", "supervisor"}
READ_ALL = {"admin", "supervisor", "leader"}
IN_ROUND = READ_ALL | {"lead_liaison", "co_liaison", "other_liaison"}  # each has a task in it
ON_TASK = READ_ALL | {"lead_liaison", "co_liaison"}  # the roads task: lead 发改, co 经信
# The lead unit's liaison writes and submits its entry; the office may do it on its behalf.
WRITERS = OFFICE | {"lead_liaison"}
CONTRIBUTORS = {"admin", "co_liaison"}  # an admin may write any co-unit's contribution
# A draft is its units' (and the office's, which may write it): a leader sees what is filed.
ON_DRAFT = ON_TASK - {"leader"}
DRAFT_HIDDEN = {"public", "other_liaison", "leader"}
# The lead unit's unfiled entry is its own (and the office's): the co-unit opens the entry page
# to file its contribution beside it, but reads nothing of it — 403 where it knows the entry
# from that page (history, save, submit), 404 for its files and on the API.
ON_LEAD_DRAFT = ON_DRAFT - {"co_liaison"}
LEAD_DRAFT_HIDDEN = DRAFT_HIDDEN | {"co_liaison"}


@dataclass
class Op:
    name: str
    method: str
    path: Callable  # (world) -> url
    ok: set[str]  # roles allowed
    ok_status: int
    hidden: set[str]  # roles that get 404 (others denied get 403)
    api: bool = False
    data: Callable | None = None  # (world) -> payload
    setup: Callable | None = None  # (world) -> None, run before the request
    login_page: bool = False  # anonymous is sent to the login page

    def denied_status(self, role: str) -> int:
        if role == "public" and self.login_page:
            return 302
        return 404 if role in self.hidden else 403


def roads(w):
    return w.entry[w.roads.pk]


def fill(w):
    Progress.objects.filter(pk=roads(w).pk).update(done="新建道路30公里。")


def submitted(w):
    fill(w)
    RoundEntry.objects.filter(pk=roads(w).pk).update(state=EntryState.SUBMITTED)


def returned(w):
    submitted(w)
    RoundEntry.objects.filter(pk=roads(w).pk).update(state=EntryState.RETURNED,
                                                      comment="请补充。")


def all_approved(w):
    RoundEntry.objects.filter(progress__report=w.report).update(state=EntryState.APPROVED)


def twin_unit(w):
    from luoshi.core.models import Unit

    w.twin = Unit.objects.create(government=w.city, name="市发展改革委")


def attached(w):
    from luoshi.rounds.evidence import attach
    from luoshi.rounds.models import Profile

    office = Profile.objects.get(role="supervisor").user
    w.evidence = attach(office, roads(w), SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF"))


def pending_request(w):
    from luoshi.rounds.models import ChangeRequest

    w.request = ChangeRequest.objects.create(task=w.roads, unit=w.reform, kind="deadline",
                                             reason="汛期。", new_deadline=date(2022, 12, 31))


def closed_task(w):
    Task.objects.filter(pk=w.river.pk).update(closed_at=timezone.now(), close_reason="已完成。")


def later() -> str:
    return (timezone.localtime() + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")


NOT_IN_ROUND_PUBLIC = {"public"}
OPS = [
    # --- pages: read ---
    Op("page report", "get", lambda w: reverse("round_report", args=[w.report.pk]),
       IN_ROUND, 200, {"public"}),
    Op("page published report", "get", lambda w: reverse("round_report", args=[w.prev.pk]),
       ALL, 200, set()),
    Op("page entry", "get", lambda w: reverse("round_entry", args=[roads(w).pk]),
       ON_DRAFT, 200, DRAFT_HIDDEN),
    Op("page submitted entry", "get", lambda w: reverse("round_entry", args=[roads(w).pk]),
       ON_TASK, 200, {"public", "other_liaison"}, setup=submitted),
    Op("page history", "get", lambda w: reverse("round_entry_history", args=[roads(w).pk]),
       ON_LEAD_DRAFT, 200, DRAFT_HIDDEN),
    Op("page submitted history", "get",
       lambda w: reverse("round_entry_history", args=[roads(w).pk]), ON_TASK, 200,
       {"public", "other_liaison"}, setup=submitted),
    Op("page returned entry", "get", lambda w: reverse("round_entry", args=[roads(w).pk]),
       ON_DRAFT, 200, DRAFT_HIDDEN, setup=returned),
    Op("page task history", "get", lambda w: reverse("task_history", args=[w.roads.pk]),
       ALL, 200, set()),
    Op("page overdue", "get", lambda w: reverse("round_overdue", args=[w.report.pk]),
       READ_ALL, 200, {"public"}),
    Op("page overdue all", "get", lambda w: reverse("round_overdue_all"), READ_ALL, 200, set(),
       login_page=True),
    Op("page open form", "get", lambda w: reverse("round_open"), OFFICE, 200, set(),
       login_page=True),
    Op("page my round", "get", lambda w: reverse("round_home"), ALL - {"public"}, 200, set(),
       login_page=True),
    # --- pages: write ---
    Op("page open round", "post", lambda w: reverse("round_open"), OFFICE, 302, set(),
       data=lambda w: {"plan": w.plan.pk, "kind": "q3"}, login_page=True),
    Op("page save entry", "post", lambda w: reverse("round_entry_save", args=[roads(w).pk]),
       WRITERS, 302, DRAFT_HIDDEN,
       data=lambda w: {"version": 1, "done": "新建道路30公里。"}),
    Op("page contribute", "post", lambda w: reverse("round_entry_contribute", args=[roads(w).pk]),
       CONTRIBUTORS, 302, DRAFT_HIDDEN,
       data=lambda w: {"unit": w.economy.pk, "version": 0, "text": "配合征地。"}),
    Op("page submit", "post", lambda w: reverse("round_entry_submit", args=[roads(w).pk]),
       WRITERS, 302, DRAFT_HIDDEN, setup=fill, data=lambda w: {"co_reason": "另行报送。"}),
    Op("page approve", "post", lambda w: reverse("round_entry_review", args=[roads(w).pk]),
       OFFICE, 302, {"public", "other_liaison"}, data=lambda w: {"decision": "approve"},
       setup=submitted),
    Op("page return", "post", lambda w: reverse("round_entry_review", args=[roads(w).pk]),
       OFFICE, 302, {"public", "other_liaison"},
       data=lambda w: {"decision": "return", "comment": "请补充。"}, setup=submitted),
    Op("page autosave", "post", lambda w: reverse("round_entry_autosave", args=[roads(w).pk]),
       WRITERS, 200, DRAFT_HIDDEN, data=lambda w: {"version": 1, "done": "正在填写。"}),
    Op("page bulk approve", "post", lambda w: reverse("round_bulk_approve", args=[w.report.pk]),
       OFFICE, 302, {"public"}, setup=submitted, data=lambda w: {"entry": [roads(w).pk]}),
    Op("page remind", "post", lambda w: reverse("round_remind", args=[w.report.pk]),
       OFFICE, 302, {"public"}),
    Op("page remind one unit", "post", lambda w: reverse("round_remind", args=[w.report.pk]),
       OFFICE, 302, {"public"}, data=lambda w: {"unit": w.economy.pk, "back": "all"}),
    Op("page extend", "post", lambda w: reverse("round_extend", args=[w.report.pk]),
       OFFICE, 302, {"public"}, data=lambda w: {"deadline": later()}),
    # --- tasks and requests (issue 12) ---
    Op("page task edit", "get", lambda w: reverse("task_edit", args=[w.river.pk]), OFFICE, 200,
       set(), login_page=True),
    Op("page task save", "post", lambda w: reverse("task_edit", args=[w.river.pk]), OFFICE,
       302, set(), login_page=True,
       data=lambda w: {"version": 1, "text": "整治河道8公里。", "units": "市水利局"}),
    Op("page task close", "post", lambda w: reverse("task_close", args=[w.river.pk]), OFFICE,
       302, set(), data=lambda w: {"version": 1, "reason": "已完成。"}),
    Op("page task reopen", "post", lambda w: reverse("task_close", args=[w.river.pk]), OFFICE,
       302, set(), setup=closed_task,
       data=lambda w: {"version": 1, "reopen": "1", "reason": "尚有收尾工作。"}),
    Op("page task target", "post", lambda w: reverse("task_target", args=[w.river.pk]), OFFICE,
       302, set(), data=lambda w: {"metric": "整治河道", "comparator": ">=", "value": "8",
                                   "unit": "公里"}),
    Op("page milestone", "post", lambda w: reverse("task_milestone", args=[w.river.pk]),
       OFFICE, 302, set(), data=lambda w: {"title": "完成清淤"}),
    Op("page request form", "get", lambda w: reverse("request_new", args=[w.roads.pk]),
       OFFICE | {"lead_liaison", "co_liaison"}, 200, set(), login_page=True),
    Op("page request file", "post", lambda w: reverse("request_new", args=[w.roads.pk]),
       OFFICE | {"lead_liaison", "co_liaison"}, 302, set(), login_page=True,
       data=lambda w: {"kind": "deadline", "reason": "汛期。", "new_deadline": "2022-12-31"}),
    Op("page evidence upload", "post",
       lambda w: reverse("round_evidence_upload", args=[roads(w).pk]), WRITERS, 302,
       DRAFT_HIDDEN, data=lambda w: {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF")}),
    Op("page evidence", "get", lambda w: reverse("round_evidence", args=[w.evidence.pk]),
       ON_LEAD_DRAFT, 200, LEAD_DRAFT_HIDDEN, setup=attached),
    Op("page unit directory", "get", lambda w: reverse("unit_directory"), ALL - {"public"},
       200, set(), login_page=True),
    Op("page unit merge", "post", lambda w: reverse("unit_merge"), OFFICE, 302, set(),
       data=lambda w: {"keep": w.reform.pk, "drop": w.twin.pk}, setup=twin_unit),
    Op("page inbox", "get", lambda w: reverse("inbox"), ALL - {"public"}, 200, set(),
       login_page=True),
    Op("page requests", "get", lambda w: reverse("request_list"), ALL - {"public"}, 200, set(),
       login_page=True),
    Op("page decide", "post", lambda w: reverse("request_decide", args=[w.request.pk]), OFFICE,
       302, {"public", "co_liaison", "other_liaison"}, setup=pending_request,
       data=lambda w: {"decision": "approve"}),
    Op("page publish", "post", lambda w: reverse("round_publish", args=[w.report.pk]),
       OFFICE, 302, {"public"}, setup=all_approved),
    # --- API: read ---
    Op("api reports", "get", lambda w: "/api/reports/", ALL, 200, set(), api=True),
    Op("api report", "get", lambda w: f"/api/reports/{w.report.pk}/", IN_ROUND, 200,
       {"public"}, api=True),
    Op("api entry", "get", lambda w: f"/api/entries/{roads(w).pk}/", ON_LEAD_DRAFT, 200,
       LEAD_DRAFT_HIDDEN, api=True),
    Op("api returned entry", "get", lambda w: f"/api/entries/{roads(w).pk}/", ON_LEAD_DRAFT,
       200, LEAD_DRAFT_HIDDEN, api=True, setup=returned),
    Op("api submitted entry", "get", lambda w: f"/api/entries/{roads(w).pk}/", ON_TASK, 200,
       {"public", "other_liaison"}, api=True, setup=submitted),
    Op("api published entry", "get",
       lambda w: f"/api/entries/{w.prev.progress.get().pk}/", ALL, 200, set(), api=True),
    Op("api tasks", "get", lambda w: "/api/tasks/", ALL, 200, set(), api=True),
    Op("api task", "get", lambda w: f"/api/tasks/{w.roads.pk}/", ALL, 200, set(), api=True),
    Op("api entries", "get", lambda w: "/api/entries/", ALL, 200, set(), api=True),
    Op("api plan", "get", lambda w: f"/api/plans/{w.plan.pk}/", ALL, 200, set(), api=True),
    Op("api plans", "get", lambda w: "/api/plans/", ALL, 200, set(), api=True),
    # --- API: write ---
    Op("api open round", "post", lambda w: "/api/reports/", OFFICE, 201, set(), api=True,
       data=lambda w: {"plan": w.plan.pk, "period_kind": "q3"}),
    Op("api save entry", "put", lambda w: f"/api/entries/{roads(w).pk}/", WRITERS, 200,
       LEAD_DRAFT_HIDDEN, api=True,
       data=lambda w: {"version": 1, "done": "新建道路30公里。"}),
    Op("api submit", "post", lambda w: f"/api/entries/{roads(w).pk}/submit/", WRITERS,
       200, LEAD_DRAFT_HIDDEN, api=True, data=lambda w: {"co_reason": "另行报送。"}, setup=fill),
    Op("api approve", "post", lambda w: f"/api/entries/{roads(w).pk}/approve/", OFFICE, 200,
       {"public", "other_liaison"}, api=True, data=lambda w: {}, setup=submitted),
    Op("api return", "post", lambda w: f"/api/entries/{roads(w).pk}/return/", OFFICE, 200,
       {"public", "other_liaison"}, api=True, data=lambda w: {"comment": "请补充。"},
       setup=submitted),
    Op("api extend", "post", lambda w: f"/api/reports/{w.report.pk}/extend/", OFFICE, 200,
       {"public"}, api=True, data=lambda w: {"deadline": later()}),
    Op("api requests", "get", lambda w: "/api/requests/", ALL, 200, set(), api=True),
    Op("api request file", "post", lambda w: "/api/requests/",
       OFFICE | {"lead_liaison", "co_liaison"}, 201, set(), api=True,
       data=lambda w: {"task": w.roads.pk, "kind": "deadline", "reason": "汛期。",
                       "new_deadline": "2022-12-31"}),
    Op("api decide", "post", lambda w: f"/api/requests/{w.request.pk}/decide/", OFFICE, 200,
       {"public", "co_liaison", "other_liaison"}, api=True, setup=pending_request,
       data=lambda w: {"approve": True}),
    Op("api notices", "get", lambda w: "/api/notices/", ALL, 200, set(), api=True),
    Op("api publish", "post", lambda w: f"/api/reports/{w.report.pk}/publish/", OFFICE, 200,
       {"public"}, api=True, data=lambda w: {}, setup=all_approved),
]


def snapshot() -> tuple:
    """Everything an operation could change."""
    return (
        list(Progress.objects.order_by("pk").values_list("pk", "done", "problems", "next_steps",
                                                         "version")),
        list(RoundEntry.objects.order_by("pk").values_list("pk", "state", "comment")),
        list(Contribution.objects.order_by("pk").values_list("pk", "text", "version")),
        list(Report.objects.order_by("pk").values_list("pk", "state", "plan_id", "period_id",
                                                       "deadline")),
        Change.objects.count(),
        list(Reminder.objects.order_by("pk").values_list("pk", "unit_id", "level")),
        list(Task.objects.order_by("pk").values_list("pk", "text", "version", "deadline",
                                                     "closed_at")),
        list(Milestone.objects.order_by("pk").values_list("pk", "title", "done_at")),
        list(Target.objects.order_by("pk").values_list("pk", "metric", "value", "version")),
        list(ChangeRequest.objects.order_by("pk").values_list("pk", "state")),
        list(EntryAutosave.objects.order_by("pk").values_list("pk", "data")),
        list(EvidenceFile.objects.order_by("pk").values_list("pk", "name")),
        list(Unit.objects.order_by("pk").values_list("pk", "name")),
    )


@pytest.fixture(autouse=True)
def evidence_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LUOSHI_EVIDENCE_DIR", str(tmp_path / "evidence"))


@pytest.fixture
def users(people):
    return {"public": None, "admin": people.admin, "supervisor": people.supervisor,
            "leader": people.leader, "lead_liaison": people.reform,
            "co_liaison": people.economy, "other_liaison": people.water}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_matrix(op: Op, role: str, opened, users, client_for):
    if op.setup:
        op.setup(opened)
    user = users[role]
    client = client_for(None if op.api else user)
    headers = {}
    if op.api and user is not None:
        headers["HTTP_AUTHORIZATION"] = f"Token {Token.objects.create(user=user).key}"
    data = op.data(opened) if op.data else {}
    before = snapshot()
    mail.outbox.clear()
    if op.api:
        kwargs = {"data": json.dumps(data), "content_type": "application/json"} if op.method != "get" else {}
        response = getattr(client, op.method)(op.path(opened), **kwargs, **headers)
    else:
        response = getattr(client, op.method)(op.path(opened), data)
    allowed = role in op.ok
    expected = op.ok_status if allowed else op.denied_status(role)
    if (not allowed and role == "public" and not op.api and op.method == "get"
            and op.path(opened).startswith("/rounds/")):
        expected = 302  # every page of the round sends a signed-out visitor to sign in (issue 13)
    body = "" if response.streaming else response.content.decode()[:300]
    assert response.status_code == expected, f"{op.name} as {role}: {response.status_code} {body}"
    if allowed and op.method != "get":
        assert snapshot() != before, f"{op.name} as {role} changed nothing"
    if not allowed:
        assert snapshot() == before, f"{op.name} as {role} changed the database"
        assert mail.outbox == [], f"{op.name} as {role} sent mail"
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("login"))


# Routes of the round (rounds/…, a task's history) and of the API that are not in OPS, each
# with where its roles are tested instead. Everything else must be in the matrix.
NOT_IN_MATRIX = {
    "login": "the sign-in page, open to everyone (tests/rounds/test_pages.py, test_throttle.py)",
    "logout": "POST only, for whoever is signed in (tests/rounds/test_pages.py)",
    "api-token": "token sign-in, open to everyone, throttled (tests/api/test_api.py)",
    "api-root": "DRF's index of the API's links, no rows",
    "api-schema": "the OpenAPI description, no rows (tests/api/test_api.py)",
    **{f"api-{kind}-{op}": "verdict corrections: roles in tests/core/test_analysis_api.py"
       for kind in ("assessment", "target", "measurement")
       for op in ("list", "detail", "correct")},
    "api-assessment-revert": "as api-assessment-correct",
}


def _routes():
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(resolver, prefix=""):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                yield from walk(p, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and p.name:
                yield prefix + str(p.pattern), p

    for pattern, p in walk(get_resolver()):
        if "(?P<format>" in pattern or "<drf_format" in pattern:
            continue
        if pattern.startswith(("rounds/", "api/", "accounts/")) or p.name == "task_history":
            # DRF's routes name their methods (get: list, post: create …); others: any.
            # (DRF adds head to a GET route's map once it has served one: not an operation.)
            methods = set(getattr(p.callback, "actions", {}) or {"*"}) - {"head", "options"}
            yield p.name, methods


def test_every_round_page_and_api_operation_is_in_the_matrix(opened, people):
    """A page or API operation added to the round without a line in OPS fails here."""
    from urllib.parse import urlsplit

    from django.urls import resolve

    for setup in (attached, pending_request, twin_unit):  # objects some paths name
        setup(opened)
    covered: dict[str, set[str]] = {}
    for op in OPS:
        name = resolve(urlsplit(op.path(opened)).path).url_name
        covered.setdefault(name, set()).add(op.method)
    missing = []
    for name, methods in _routes():
        if name in NOT_IN_MATRIX:
            continue
        have = covered.get(name, set())
        if not have or ("*" not in methods and not methods <= have):
            missing.append(f"{name} {sorted(methods - have) if '*' not in methods else ''}")
    assert missing == [], f"not in the role matrix (add an Op or a reason): {missing}"
    stale = [n for n in NOT_IN_MATRIX if n not in {name for name, _ in _routes()}]
    assert stale == []
