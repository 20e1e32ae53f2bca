"""Querysets compiled once and run again with new values (luoshi.web.prepared): the same rows
as the querysets for every viewer, refused shapes answered the plain way, a key that misses an
input caught, and a write seen at once on every page that shows it."""

from __future__ import annotations

import re

import pytest
from django.db.models import Q
from django.test import Client
from django.urls import reverse

from luoshi.core.models import Progress, Task
from luoshi.rounds.permissions import rule_inputs
from luoshi.search.indexing import reindex_all
from luoshi.web import prepared, task_page

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def name(key) -> str:
    """The name a key starts with (keys nest: a list's page is (its rows' key, bounds))."""
    return key if isinstance(key, str) else name(key[0])


@pytest.fixture
def checked(monkeypatch):
    """Every prepared read in the test also runs its queryset the plain way: same rows."""
    real, real_count, calls = prepared.rows, prepared.count, []

    def both(key, build, **slots):
        got = real(key, build, **slots)
        assert got == list(build(**slots)), key
        calls.append(name(key))
        return got

    def both_count(key, build, **slots):
        got = real_count(key, build, **slots)
        assert got == build(**slots).count(), key
        calls.append(name(key) + ".count")
        return got

    monkeypatch.setattr(prepared, "rows", both)
    monkeypatch.setattr(prepared, "count", both_count)
    prepared.clear()
    return calls


def test_pages_read_the_same_rows_for_every_viewer(sample, checked, settings, supervisor,
                                                   leader, liaison_for, admin_user):
    """Each role's task pages and lists, with statements reused (DEBUG off: no re-check) and
    rebuilt, give what the querysets give."""
    settings.LUOSHI_PAGE_CACHE = False
    reindex_all()
    s, u = sample, sample.units
    viewers = [None, leader, supervisor, admin_user, liaison_for(u.reform),
               liaison_for(u.office), liaison_for(u.economy, u.office)]
    old = Task.objects.get(text="整治河道。")
    urls = [reverse("task_detail", args=[t.pk])
            for t in (s.digital, s.parks, s.park_a, s.roads, old)]
    urls += [reverse("task_list") + "?" + q for q in (
        "", f"plan={s.plan.pk}&period={s.report_q3.period_id}",
        f"plan={s.plan.pk}&period={s.report_h1.period_id}&sort=status",
        f"plan={old.plan_id}&period={s.report_old.period_id}", "q=公园", "page=2",
        f"period={s.report_q3.period_id}&unit={u.reform.pk}&role=lead",
        f"plan={s.plan.pk}&unit={u.office.pk}&sort=-order", "status=behind",
        "plan=abc&period=%201", f"plan={10**6}&unit={10**6}")]
    for debug in (False, True):
        settings.DEBUG = debug
        for user in viewers:
            client = Client()
            if user is not None:
                client.force_login(user)
            for url in urls * 2:  # the second time from kept statements
                assert client.get(url).status_code in (200, 404), (user, url)
    assert {"task_page.family", "task_page.reports", "task_page.entries",
            "task_page.statuses", "listing.family", "listing.units", "listing.plans",
            "listing.entries", "listing.statuses", "task_list.report",
            "task_list.hidden_plan", "task_list.entries", "task_list.entries.count",
            "form.plan", "form.period", "form.unit", "form.plans", "form.periods",
            "form.units"} \
        <= set(checked)
    # Kept, not refused (a refused shape would answer the plain way, slowly but rightly).
    kept = {name(shape) for shape in prepared._statements()}
    assert set(checked) - {"task_list.entries.count"} <= kept


def test_a_liaison_whose_units_change_gets_the_new_rules(sample, liaison_for, settings):
    """The units are written into the statements as values: they are part of the key
    (permissions.rule_inputs), so a statement kept for the old units is not reused."""
    settings.DEBUG = False
    u = sample.units
    liaison = liaison_for(u.economy)
    before = rule_inputs(liaison)
    shown = {b.report_id for b in task_page.read(liaison, sample.parks.pk).blocks}
    liaison.luoshi_profile.units.set([u.office])
    liaison = type(liaison).objects.get(pk=liaison.pk)  # a new request's user
    assert rule_inputs(liaison) != before
    after = {b.report_id for b in task_page.read(liaison, sample.parks.pk).blocks}
    # 市府办 leads 推进海岛公园建设: its running round's entries (drafts) are now its own.
    assert sample.report_h1.pk in after - shown


def test_a_key_that_misses_an_input_is_caught_under_debug(sample, settings):
    settings.DEBUG = True
    prepared.clear()
    for plan in (sample.plan.pk, sample.plan.pk + 1000):
        def build(pk, plan=plan):
            return Task.objects.filter(pk=pk, plan_id=plan).values("id")

        if plan == sample.plan.pk:
            assert prepared.rows(("test.missing",), build, pk=sample.digital.pk) == \
                [{"id": sample.digital.pk}]
        else:
            with pytest.raises(AssertionError, match="misses an input"):
                prepared.rows(("test.missing",), build, pk=sample.digital.pk)


@pytest.mark.parametrize("case", ["text slot", "empty list", "clock", "values_list"])
def test_refused_shapes_are_answered_the_plain_way(sample, settings, case):
    from django.utils import timezone

    settings.DEBUG = False
    prepared.clear()
    s = sample
    if case == "text slot":  # an int stand-in on a text column does not come out as itself
        got = prepared.rows(("t.text",), lambda serial: Task.objects.filter(
            serial=serial, plan=s.plan).values("id"), serial=3)
        assert got == [{"id": s.roads.pk}]
    elif case == "empty list":
        got = prepared.rows(("t.empty",), lambda ids: Task.objects.filter(pk__in=ids)
                            .values("id"), ids=[])
        assert got == []
    elif case == "clock":
        now = timezone.now()
        for _ in range(2):
            got = prepared.rows(("t.clock",), lambda pk: Task.objects.filter(
                Q(closed_at=None) | Q(closed_at__gt=now), pk=pk).values("id"), pk=s.digital.pk)
            assert got == [{"id": s.digital.pk}]
        assert not any(k[0][0] == "t.clock" for k in prepared._statements())
    else:
        ids = sorted([s.digital.pk, s.roads.pk])
        for _ in range(2):
            got = prepared.rows(("t.list",), lambda ids: Task.objects.filter(pk__in=ids)
                                .order_by("pk").values_list("id", "serial"), ids=ids)
            assert got == [(ids[0], "1"), (ids[1], "3")]


# -- nothing stale, on any page ---------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_a_write_is_seen_at_once_on_every_page_that_shows_it(live_sample, leader_client):
    """Each page that shows an entry is built and then served from the page cache; the entry
    is written (one save through Django, as every writer does); every page shows the new text
    (or, on the dashboard, the new count) on the next request."""
    s = live_sample
    reindex_all()
    roads = Progress.objects.get(report=s.report_q3, task=s.roads)
    pages = {
        "task": reverse("task_detail", args=[s.roads.pk]),
        "list": reverse("task_list") + f"?plan={s.plan.pk}&period={s.report_q3.period_id}",
        "search": reverse("task_list") + "?q=沥青路面",
        "report": reverse("report_detail", args=[s.report_q3.pk]),
        "dashboard": reverse("dashboard", args=[s.report_q3.pk]),
    }

    def seen() -> dict[str, str]:
        out = {}
        for name, url in pages.items():
            response = leader_client.get(url)
            assert response.status_code == 200, name
            out[name] = CSRF.sub("", response.content.decode())
        return out

    first = seen()
    assert seen() == first  # served again, from the cache
    assert not any("沥青路面全部铺设完成" in html for html in first.values())
    roads.done = "沥青路面全部铺设完成。"
    roads.save()
    after = seen()
    for name in ("task", "list", "report"):  # the text; the search lists the task it names
        assert "沥青路面全部铺设完成" in after[name], name
    assert "改造老旧道路" in after["search"] and "改造老旧道路" not in first["search"]
    empty = re.compile(r'data-figure="empty">(\d+)<')
    assert int(empty.search(after["dashboard"]).group(1)) == \
        int(empty.search(first["dashboard"]).group(1)) - 1


def test_visible_tasks_are_those_of_plans_with_a_visible_report(sample, supervisor, leader,
                                                                 liaison_for, admin_user):
    """visible_tasks asks per row (EXISTS): the same tasks as its definition, for every role."""
    from django.contrib.auth.models import AnonymousUser

    from luoshi.web.access import visible_reports, visible_tasks

    u = sample.units
    for user in (AnonymousUser(), leader, supervisor, admin_user, liaison_for(u.reform),
                 liaison_for(u.office)):
        plans = set(visible_reports(user).values_list("plan_id", flat=True))
        expected = set(Task.objects.filter(plan_id__in=plans).values_list("pk", flat=True))
        assert set(visible_tasks(user).values_list("pk", flat=True)) == expected, user
        assert expected  # every role reads 海城市's published report
    assert Task.objects.exclude(pk__in=visible_tasks(AnonymousUser())).exists()  # 山前区's draft
