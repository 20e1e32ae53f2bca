"""Who sees a draft, on every path the site has: the list of paths is not written by hand but
read from the URL configuration, so a page or API route added later is checked too (or this
test fails until it is given its objects in FILL or a reason in EXEMPT).

Rule (docs/visibility.md): a draft is seen by its own unit only (and the office, which may
write it on the unit's behalf). The lead unit's draft, its supporting documents and typing
kept by the autosave are the lead unit's: a co-unit of the task does not read them either; a
co-unit's contribution not yet taken into a filed entry is the co-unit's and the lead unit's.
For the public, another unit's liaison, a leader and the co-unit, the unique words they may
not read appear in no response body of any GET on any path — page, search, filter, CSV, XLSX,
DOCX, Markdown, JSON, dashboard, API, history — with the entry's ids and the words themselves
as query strings. Companion of test_visibility.py (which names the paths the
issue lists and checks what does show once submitted and published)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.authtoken.models import Token

from luoshi.core.models import Assessment, Measurement, Target
from luoshi.extract.themes import THEMES
from luoshi.rounds import services
from luoshi.rounds.evidence import attach
from luoshi.rounds.services import EntryInput
from luoshi.search.indexing import reindex_all

# Made-up words, so that nothing else in the data contains them.
DRAFT_WORD = "琥珀澜湾"  # the lead unit's saved draft
CO_WORD = "翡翠汀洲"  # the co-unit's contribution (saved, not yet in a filed entry)
TYPED_WORD = "玳瑁沙渚"  # typing kept by the autosave, never saved
FILE_WORD = "珊瑚礁屿"  # a supporting document's name, attached to the draft
WORDS = (DRAFT_WORD, CO_WORD, TYPED_WORD, FILE_WORD)
THEME_KEYS = [t.key for t in THEMES]  # the problem themes' drill-downs

# Paths not fetched, with the reason. Everything else in the URL configuration is.
EXEMPT = {
    "favicon.ico": "a redirect to a static file",
    "api-schema": "the OpenAPI description: types, no rows",
    "logout": "POST only; signs the user out, which would end the walk",
    "import_job": "a web import's job: no round entries in it (import tests cover who sees it)",
    "import_job_status": "as import_job",
    "import_confirm": "an import's preview, keyed by the uploader's session",
}
# Formats not fetched: the PDF is LibreOffice's rendering of the DOCX fetched beside it.
SKIPPED_FORMATS = {"pdf"}


def _walk(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, str | None]]:
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name


def all_routes() -> dict[str, str]:
    """Every named route outside Django's admin (the admin is for superusers only), by name,
    with its pattern; DRF's ``.json`` suffix twins are the same views and left out."""
    routes = {}
    for pattern, name in _walk(get_resolver()):
        key = name or pattern
        if pattern.startswith("admin/") or "(?P<format>" in pattern or "<drf_format" in pattern:
            continue
        routes.setdefault(key, pattern)
    return routes


def _formats(pattern: str) -> list[str]:
    found = re.search(r"\(\?P<fmt>([^)]*)\)", pattern)
    return [f for f in found.group(1).split("|") if f not in SKIPPED_FORMATS] if found else []


def _q(word: str) -> str:
    return f"?q={word}"


# For each route: the objects to fill it with, as functions of the world (w).
def _reports(w) -> list[int]:
    return [w.report.pk, w.prev.pk]


def _tasks(w) -> list[int]:
    return [w.roads.pk, w.parks.pk]


def _entry(w) -> list[int]:
    return [w.entry[w.roads.pk].pk]


def _assessments(w) -> list[int]:
    return list(Assessment.objects.filter(report=w.report).values_list("pk", flat=True))


def _targets(w) -> list[int]:
    return list(Target.objects.filter(task=w.roads).values_list("pk", flat=True))


def _measurements(w) -> list[int]:
    return list(Measurement.objects.filter(report=w.report).values_list("pk", flat=True))


REPORT_ROUTES = ["round_report", "round_extend", "round_bulk_approve", "round_publish",
                 "round_overdue", "round_remind", "report_documents", "report_export", "bulletin",
                 "bulletin_publish", "bulletin_download", "pack", "pack_download", "league",
                 "league_download", "report_themes", "report_moved", "report_detail",
                 "report_tasks", "dashboard", "public_report", "api-report-detail",
                 "api-report-extend", "api-report-publish"]
TASK_ROUTES = ["task_edit", "task_close", "task_milestone", "task_target", "request_new", "task_history",
               "task_detail", "api-task-detail"]
ENTRY_ROUTES = ["round_entry", "round_entry_save", "round_entry_contribute",
                "round_entry_autosave", "round_evidence_upload", "round_entry_submit",
                "round_entry_review", "round_entry_history", "api-entry-detail",
                "api-entry-approve", "api-entry-return-", "api-entry-submit"]
FILL: dict[str, Callable] = {
    **{name: _reports for name in REPORT_ROUTES},
    **{name: _tasks for name in TASK_ROUTES},
    **{name: _entry for name in ENTRY_ROUTES},
    "round_evidence": lambda w: [w.evidence.pk],
    "unit_detail": lambda w: [w.reform.pk, w.economy.pk],
    "plan_duplicates": lambda w: [w.plan.pk],
    "api-plan-detail": lambda w: [w.plan.pk],
    "request_decide": lambda w: [w.request.pk],
    "api-request-decide": lambda w: [w.request.pk],
    "assessment_correct": _assessments,
    "api-assessment-detail": _assessments,
    "api-assessment-correct": _assessments,
    "api-assessment-revert": _assessments,
    "target_correct": _targets,
    "api-target-detail": _targets,
    "api-target-correct": _targets,
    "measurement_correct": _measurements,
    "api-measurement-detail": _measurements,
    "api-measurement-correct": _measurements,
}
# Query strings tried on routes without objects (lists, search): the words themselves, and the
# running round's filters (a status filter would list a task only because of its draft).
LIST_QUERIES: dict[str, Callable] = {
    "task_list": lambda w: ["", *map(_q, WORDS), f"?plan={w.plan.pk}&period={w.h1.pk}",
                            f"?plan={w.plan.pk}&period={w.h1.pk}&status=behind",
                            f"?q={DRAFT_WORD}&plan={w.plan.pk}&period={w.h1.pk}"],
    "task_list_csv": lambda w: ["", _q(DRAFT_WORD), f"?plan={w.plan.pk}&period={w.h1.pk}",
                                f"?plan={w.plan.pk}&period={w.h1.pk}&status=behind"],
    "api-entry-list": lambda w: ["", f"?report={w.report.pk}", f"?task={w.roads.pk}"],
    "api-task-list": lambda w: ["", _q(DRAFT_WORD), f"?search={DRAFT_WORD}"],
    "api-assessment-list": lambda w: ["", f"?report={w.report.pk}"],
    "api-measurement-list": lambda w: ["", f"?report={w.report.pk}"],
    "compare_governments": lambda w: ["", f"?period={w.h1.pk}", "?q=道路", "?q=河道",
                                      *[f"?theme={key}" for key in THEME_KEYS]],
}
REPORT_QUERIES = {"report_detail": [_q(DRAFT_WORD)], "report_tasks": ["", _q(DRAFT_WORD)],
                  "dashboard": ["?flag=behind"],
                  "report_themes": [f"?theme={key}" for key in THEME_KEYS]}


def urls_for(w) -> list[str]:
    """Every URL the walk fetches; fails naming a route that has neither objects nor a reason."""
    urls, unknown = [], []
    for name, pattern in all_routes().items():
        if name in EXEMPT:
            continue
        needs_pk = "<int:pk>" in pattern or "(?P<pk>" in pattern
        if needs_pk and name not in FILL:
            unknown.append(f"{name} ({pattern})")
            continue
        formats = _formats(pattern)
        for pk in FILL[name](w) if needs_pk else [None]:
            kwargs = {"pk": pk} if pk is not None else {}
            if formats:
                urls += [reverse(name, kwargs={**kwargs, "fmt": f}) for f in formats]
                continue
            base = reverse(name, kwargs=kwargs)
            queries = LIST_QUERIES[name](w) if name in LIST_QUERIES else [""]
            urls += [base + q for q in [*queries, *REPORT_QUERIES.get(name, [])]]
    assert unknown == [], f"routes with no objects to fill them (add to FILL or EXEMPT): {unknown}"
    return urls


# The search page repeats the query itself (the search box, the count line, the CSV link): an
# echo of what the visitor typed, not a leak.
def _without_echoes(body: str) -> str:
    for word in WORDS:
        for echo in (f'value="{word}"', f"含“{word}”", f"q={word}", f"search={word}"):
            body = body.replace(echo, "")
    return re.sub(r"</?mark[^>]*>", "", body)  # search highlights split a word into parts


def text_of(response) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheetml" in kind:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True)
                         for v in row if v is not None)
    if "wordprocessingml" in kind:
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    return _without_echoes(data.decode("utf-8", "replace"))


@pytest.fixture
def drafted(opened, people, django_capture_on_commit_callbacks, tmp_path, monkeypatch):
    """The roads entry (lead 发改, co-unit 经信) as a draft with everything a draft can hold."""
    from luoshi.rounds.models import ChangeRequest

    monkeypatch.setenv("LUOSHI_EVIDENCE_DIR", str(tmp_path / "evidence"))
    w = opened
    entry = w.entry[w.roads.pk]
    reindex_all()
    with django_capture_on_commit_callbacks(execute=True):
        services.save_contribution(people.economy, entry, w.economy.pk, 0, f"配合完成{CO_WORD}征地。")
        services.save_entry(people.reform, entry, 1, EntryInput(
            f"新建道路30公里,{DRAFT_WORD}段开工。", f"{DRAFT_WORD}征地未完成。",
            f"推进{DRAFT_WORD}段。"))
        services.autosave(people.reform, entry, 2, {"done": f"正在填写{TYPED_WORD}。"})
        w.evidence = attach(people.reform, entry,
                            SimpleUploadedFile(f"{FILE_WORD}.pdf", b"%PDF-1.4\n%%EOF"))
    # Something on every route that takes an object: a request by another unit (not a draft).
    w.request = ChangeRequest.objects.create(task=w.river, unit=w.water, kind="deadline",
                                             reason="汛期。")
    return w


def leaks_for(user, client_for, w) -> dict[str, list[str]]:
    client = client_for(user)
    headers = {}
    if user is not None:
        headers["HTTP_AUTHORIZATION"] = f"Token {Token.objects.create(user=user).key}"
    found = {}
    for url in urls_for(w):
        extra = headers if url.startswith("/api/") else {}
        body = text_of(client.get(url, **extra))
        words = [word for word in WORDS if word in body]
        if words:
            found[url] = words
    return found


# Who walks, and the words each may read: the co-unit (经信) its own contribution only.
WALKERS = {"public": set(), "water": set(), "leader": set(), "economy": {CO_WORD}}


@pytest.mark.parametrize("who", list(WALKERS))
def test_no_path_shows_a_draft_outside_its_unit(drafted, people, client_for, who):
    leaks = leaks_for(getattr(people, who), client_for, drafted)
    leaks = {url: bad for url, words in leaks.items()
             if (bad := [word for word in words if word not in WALKERS[who]])}
    assert leaks == {}, f"{who} sees unfiled words: {leaks}"


def test_the_co_unit_files_its_part_without_reading_the_lead_draft(drafted, people, client_for):
    """The control of the co-unit's walk: on the entry page it reads and edits its own
    contribution (so the walk did fetch the page), and none of the lead unit's draft: its
    text, state (填报中), version, files or history link."""
    url = reverse("round_entry", args=[drafted.entry[drafted.roads.pk].pk])
    page = client_for(people.economy).get(url).content.decode()
    assert CO_WORD in page and 'name="contribute"' in page
    for word in (DRAFT_WORD, TYPED_WORD, FILE_WORD, "填报中", "第 2 版", "修改记录"):
        assert word not in page, word
    assert "未填报" in page


def test_the_walk_finds_the_words_where_they_belong(drafted, people, client_for):
    """The same walk, as the lead unit's liaison, does find each word (on the round's own
    pages): a walk that fetched nothing, or a word that was never stored, would pass above."""
    client = client_for(people.reform)
    found = {word for url in urls_for(drafted) for word in WORDS
             if word in text_of(client.get(url))}
    assert found == set(WORDS)


def test_every_route_is_walked_or_exempt_with_a_reason():
    routes = all_routes()
    assert set(EXEMPT) <= set(routes), f"stale exemptions: {set(EXEMPT) - set(routes)}"
    assert set(FILL) <= set(routes), f"stale fillers: {set(FILL) - set(routes)}"
    assert len(routes) - len(EXEMPT) > 60  # the walk covers the site, not a corner of it


REWRITE_WORD = "砗磲湾岬"  # typed into an entry returned by the office
RETURN_WORD = "砭石滩涂"  # the office's return comment: the lead unit's, like its state


@pytest.mark.parametrize("who", ["leader", "economy"])
def test_a_returned_entry_being_rewritten_is_unfiled_again(drafted, people, client_for,
                                                           django_capture_on_commit_callbacks,
                                                           who):
    """Submitted, returned, rewritten and saved: the new text is the unit's again until it is
    submitted anew (the search index and the documents must drop it, not keep the last one),
    and the return comment is the lead unit's. Walked as a leader and as the co-unit: the two
    who read the entry while it was submitted (the public and other units never did; the walks
    above cover them)."""
    w = drafted
    entry = w.entry[w.roads.pk]
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_entry(people.reform, entry, acknowledge=True, co_reason="另行报送。")
        submitted = client_for(getattr(people, who)).get(reverse("round_entry", args=[entry.pk]))
        assert DRAFT_WORD in submitted.content.decode()  # filed: read as leaders read it
        services.return_entry(people.supervisor, entry, f"请补充{RETURN_WORD}。")
        version = type(entry).objects.get(pk=entry.pk).version
        services.save_entry(people.reform, entry, version, EntryInput(
            f"新建道路40公里,{REWRITE_WORD}段完工。", "", ""))
    user = getattr(people, who)
    client = client_for(user)
    api = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"} if user else {}
    leaks = []
    for url in [*urls_for(w), f"/tasks/?q={REWRITE_WORD}"]:
        body = text_of(client.get(url, **(api if url.startswith("/api/") else {})))
        for echo in (f'value="{REWRITE_WORD}"', f"含“{REWRITE_WORD}”", f"q={REWRITE_WORD}"):
            body = body.replace(echo, "")
        if REWRITE_WORD in body or RETURN_WORD in body or DRAFT_WORD in body:
            leaks.append(url)
    assert leaks == [], f"{who} sees a returned entry's new text at {leaks}"
    # The control: the unit itself reads it on its entry page, and its home shows the comment.
    page = client_for(people.reform).get(reverse("round_entry", args=[entry.pk]))
    assert REWRITE_WORD in page.content.decode() and RETURN_WORD in page.content.decode()
    assert RETURN_WORD in client_for(people.reform).get(reverse("home")).content.decode()


# How a 滞后 verdict shows: a status class on pages, a status value in JSON, the evidence the
# analysis quotes for it.
VERDICT_MARKS = ("status--behind", '"status":"behind"', '"status": "behind"', "低于时间进度")


def test_unpublished_verdicts_are_on_no_public_path(drafted, people, client_for,
                                                    django_capture_on_commit_callbacks):
    """The report published without its statuses (the office's choice): no path shows the
    public a verdict of it; the control (published with them) shows one."""
    from luoshi.core.models import Report
    from luoshi.rounds.models import EntryState, RoundEntry

    w = drafted
    entry = w.entry[w.roads.pk]
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_entry(people.reform, entry, acknowledge=True, co_reason="另行报送。")
        RoundEntry.objects.filter(progress__report=w.report).update(state=EntryState.APPROVED)
        services.publish(people.supervisor, w.report, verdicts_public=False)
    assert Assessment.objects.get(report=w.report, task=w.roads).status == "behind"
    client = client_for(None)

    def marks() -> dict[str, list[str]]:
        found = {}
        for url in urls_for(w):
            body = text_of(client.get(url)).replace(": ", ":") if url.startswith("/api/") \
                else text_of(client.get(url))
            hits = [m for m in VERDICT_MARKS if m in body]
            if hits:
                found[url] = hits
        return found

    assert marks() == {}
    # The comparison of governments shows a status in words (a public page, no class).
    assert "滞后" not in client.get("/compare/?q=道路").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Report.objects.filter(pk=w.report.pk).update(verdicts_public=True)
        reindex_all()
    assert marks() != {}
    assert "滞后" in client.get("/compare/?q=道路").content.decode()


def test_what_moved_and_copies_count_filed_entries_only(drafted, people, client_for,
                                                        django_capture_on_commit_callbacks):
    """A draft turns the roads task behind (on track last period), another copies last
    period's text word for word: neither is a move or a copy until filed."""
    from luoshi.core.models import Progress
    from luoshi.reports.moved import what_moved
    from luoshi.rounds.permissions import shown_assessments
    from luoshi.web import dashboard

    w = drafted
    Assessment.objects.create(report=w.prev, task=w.roads, status="on_track",
                              derived_status="on_track")
    Progress.objects.create(report=w.prev, task=w.river, done="整治河道3公里。", position=2)
    river = w.entry[w.river.pk]
    services.save_entry(people.water, river, 1, EntryInput("整治河道3公里。", "", ""))
    assert dashboard.compare(w.report, w.prev).unchanged == 0
    assert what_moved(w.report, w.prev).copied == []
    assert Assessment.objects.get(report=w.report, task=w.roads).status == "behind"
    url = f"/reports/{w.report.pk}/moved/?compare={w.prev.pk}"
    page = client_for(people.leader).get(url).content.decode()
    assert 'data-count="newly_behind">0' in page
    moved = what_moved(w.report, w.prev, shown_assessments(people.leader))
    assert moved.groups["newly_behind"] == []
    # Filed: now it moved, for leaders and in the documents' default.
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_entry(people.reform, w.entry[w.roads.pk], acknowledge=True,
                              co_reason="另行报送。")
    page = client_for(people.leader).get(url).content.decode()
    assert 'data-count="newly_behind">1' in page
    assert [m.task_id for m in what_moved(w.report, w.prev).groups["newly_behind"]] == [
        w.roads.pk]
    services.submit_entry(people.water, river, acknowledge=True)
    assert dashboard.compare(w.report, w.prev).unchanged == 1
    assert [c["task_id"] for c in what_moved(w.report, w.prev).copied] == [w.river.pk]


def test_the_packs_series_leaves_out_a_drafts_figures(drafted, people):
    """A later report where roads is behind: its stocktake page charts the figures of earlier
    periods, but not the one read from the running round's unsent draft (30 km)."""
    from luoshi.core.models import Period, Progress, Report
    from luoshi.reports.pack import build_pack
    from luoshi.vocab import PeriodKind

    w = drafted
    assert Measurement.objects.filter(report=w.report, task=w.roads, value=30).exists()
    q3 = Report.objects.create(plan=w.plan, state=Report.State.PUBLISHED, title="三季度",
                               period=Period.objects.create(year=2022, kind=PeriodKind.Q3,
                                                            month=9, label="三季度"))
    Progress.objects.create(report=q3, task=w.roads, done="新建道路45公里。", position=1)
    Assessment.objects.create(report=q3, task=w.roads, status="behind", derived_status="behind")
    Measurement.objects.create(report=q3, task=w.roads, metric="新建道路", value=45, unit="公里")
    pages = build_pack(q3, Report.objects.all()).pages
    assert [(p.task.pk, [s["value"] for s in p.series]) for p in pages] == [(w.roads.pk, [45])]


def test_typing_kept_by_the_autosave_is_its_authors_only(drafted, people, client_for):
    """The autosave is what one person typed and did not save: the office, who reads the
    entry's draft, does not read it; its author does."""
    url = reverse("round_entry", args=[drafted.entry[drafted.roads.pk].pk])
    for user in (people.supervisor, people.admin):
        page = client_for(user).get(url).content.decode()
        assert DRAFT_WORD in page and TYPED_WORD not in page, user
    assert TYPED_WORD in client_for(people.reform).get(url).content.decode()


FILED_WORD = "砂岩岬角"  # the text the lead unit finally submits


@pytest.mark.parametrize("who", ["leader", "economy", "public"])
def test_a_filed_entrys_history_holds_no_draft_between_submissions(
        drafted, people, client_for, django_capture_on_commit_callbacks, who):
    """The lead unit saved a draft (DRAFT_WORD), rewrote it and submitted other text; once
    filed, and once published, the entry and its history show what was submitted — the saves
    in between were the unit's draft and stay its own. Walked after submission (leader,
    co-unit) and after publication (the public too)."""
    from luoshi.rounds.models import EntryState, RoundEntry

    w = drafted
    entry = w.entry[w.roads.pk]
    with django_capture_on_commit_callbacks(execute=True):
        version = type(entry).objects.get(pk=entry.pk).version
        services.save_and_submit(people.reform, entry, version, EntryInput(
            f"新建道路30公里,{FILED_WORD}段开工。", "征地未完成。", "推进。"),
            acknowledge=True, co_reason="另行报送。")
        if who == "public":
            RoundEntry.objects.filter(progress__report=w.report).update(
                state=EntryState.APPROVED)
            services.publish(people.supervisor, w.report)
    user = getattr(people, who)
    client = client_for(user)
    api = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"} if user else {}
    leaks = [url for url in urls_for(w)
             if DRAFT_WORD in text_of(client.get(url, **(api if url.startswith("/api/") else {})))]
    assert leaks == [], f"{who} sees an unsubmitted version at {leaks}"
    # The control: what was submitted is there, in the entry's history too.
    history = client.get(reverse("round_entry_history", args=[entry.pk])).content.decode() \
        if who != "public" else client.get(reverse("task_history", args=[w.roads.pk])
                                           ).content.decode()
    assert FILED_WORD in history
    # The unit itself still reads every version it saved.
    own = client_for(people.reform).get(reverse("round_entry_history", args=[entry.pk]))
    assert DRAFT_WORD in own.content.decode() and FILED_WORD in own.content.decode()
