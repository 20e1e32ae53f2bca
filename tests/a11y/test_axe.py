"""Every page, as every role sees it, has no serious or critical accessibility violation.

axe-core (vendored here, see README.md) runs in real headless Chromium on the demo's data (the
plans and the half-filled round ``luoshi demo`` makes), with the WCAG 2.0/2.1 A and AA rules,
for the public, a liaison, a leader, the office and the administrator: every page of the public
once, and for each signed-in role the pages that differ by role; at the desktop size for all,
at a phone's for the public, the liaison and the leader.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from web.conftest import load_demo

from luoshi.core.models import Report, Task, Unit

pytestmark = pytest.mark.browser

AXE = Path(__file__).with_name("axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe.run starts in the page and keeps its promise (START); RESULT waits for it and keeps the
# serious and critical violations.
START = """(tags) => {
  window.__axeResult = axe.run(document, {runOnly: {type: 'tag', values: tags}});
}"""
RESULT = """async () => {
  const r = await window.__axeResult;
  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary.split('\\n').slice(1, 2).join(''))}));
}"""


@pytest.fixture
def demo_world(transactional_db, settings, tmp_path):
    settings.DEBUG = False  # our own 404 page, not Django's debug page
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    result = load_demo()
    assert result is not None and result.report is not None
    import_jobs(settings, tmp_path)
    return result


def import_jobs(settings, tmp_path) -> None:
    """Web import jobs in each end state and one still queued, for their pages."""
    import hashlib

    from luoshi.export import write_document
    from luoshi.jobs.models import Job
    from luoshi.jobs.queue import enqueue, work
    from luoshi.sample import generate_plan
    from luoshi.web.import_jobs import upload_dir

    settings.DATA_DIR = tmp_path
    settings.LUOSHI_JOBS_INLINE = False
    table = write_document(generate_plan(31, "安澜市", 2021, 4, periods=("q3",))[0], "html")
    for data, name in ((table, "t.html"), ("不是表。".encode(), "x.txt")):
        key = hashlib.sha256(data).hexdigest()
        (upload_dir() / key).write_bytes(data)
        enqueue(Job.Kind.IMPORT_PREVIEW, file_name=name, params={"key": key})
    work(burst=True)
    enqueue(Job.Kind.IMPORT, file_name="waiting.html", params={"key": "0" * 64})


def pages_for(role: str, world) -> list[str]:
    """The public's pages all once; for a signed-in role, the pages that differ by role."""
    published = Report.objects.filter(state=Report.State.PUBLISHED).order_by("-pk").first()
    task = Task.objects.filter(plan=published.plan, parent=None).order_by("order").first()
    unit = Unit.objects.filter(tasks__plan=published.plan).first()
    round_report = world.report
    if role == "public":
        return [reverse("report_list"), reverse("report_detail", args=[published.pk]),
                reverse("report_tasks", args=[published.pk]),
                reverse("dashboard", args=[published.pk]), reverse("task_list"),
                reverse("task_detail", args=[task.pk]), reverse("unit_detail", args=[unit.pk]),
                reverse("public_report_list"), reverse("public_report", args=[published.pk]),
                reverse("report_documents", args=[published.pk]),
                reverse("report_themes", args=[published.pk]),
                reverse("compare_governments"), reverse("task_history", args=[task.pk]),
                NOT_FOUND, reverse("login")]
    signed = [reverse("home"), reverse("report_list"), reverse("dashboard", args=[published.pk]),
              reverse("task_detail", args=[task.pk]), reverse("round_home"),
              reverse("round_report", args=[round_report.pk]), reverse("inbox"),
              reverse("request_list"), reverse("unit_directory"),
              reverse("plan_duplicates", args=[published.plan_id])]
    if role == "liaison":
        mine = round_report.progress.filter(
            task__units__in=world.liaison_units).order_by("position").first()
        return [*signed, reverse("round_entry", args=[mine.pk]),
                reverse("round_entry_history", args=[mine.pk]),
                reverse("request_new", args=[mine.task_id]), FORBIDDEN]
    entry = round_report.progress.order_by("position").first()
    staff = [*signed, reverse("round_entry", args=[entry.pk]),
             reverse("round_overdue", args=[round_report.pk]),
             reverse("bulletin", args=[published.pk]), reverse("pack", args=[published.pk]),
             reverse("league", args=[published.pk])]
    if role == "leader":
        return staff
    from luoshi.jobs.models import Job

    jobs = [reverse("import_job", args=[pk]) for pk in Job.objects.values_list("pk", flat=True)]
    return [*staff, reverse("round_overdue_all"), reverse("round_open"),
            reverse("import_upload"), reverse("round_entry_history", args=[entry.pk]),
            reverse("task_edit", args=[entry.task_id]), *jobs]


# Our error pages are pages too: a missing one for everybody, a refused one for a liaison.
NOT_FOUND = "/no/such/page/"
FORBIDDEN = "/import/?refused=1"  # not the office's own /import/, which is theirs


VIEWPORTS = {"desktop": (1366, 768), "phone": (390, 844)}
# On a phone: the people who read on one.
PHONE_ROLES = ("public", "liaison", "leader")


def check_in_parallel(lanes: list[tuple[str, object, list[str]]], base_url: str) -> list[str]:
    """axe on every path of every lane (a signed-in browser context with its pages), the lanes
    side by side: in each round every lane's page loads its next path, then axe starts in all
    of them, then the results are collected, so that pages load and axe runs in several
    renderer processes at once while this thread waits on one. A lane keeps one page (one
    renderer) for all its paths; axe comes with every document (an init script, injected once
    per page load, before the page's own scripts). Pages are checked after their ``load``
    event: no page fetches anything after it (the only fetch, the entry form's autosave,
    waits for typing)."""
    found: list[str] = []
    pages = [(label, context.new_page(), list(paths)) for label, context, paths in lanes]
    while any(paths for _label, _page, paths in pages):
        active = [(label, page, paths.pop(0)) for label, page, paths in pages if paths]
        for label, page, path in active:
            response = page.goto(base_url + path, wait_until="commit")
            want = {NOT_FOUND: 404, FORBIDDEN: 403}.get(path, 200)
            if response.status != want:  # a page checked must be the page meant
                found.append(f"[{label}] {path}: HTTP {response.status}, expected {want}")
        for _label, page, _path in active:
            page.wait_for_load_state("load")
            page.evaluate(START, TAGS)
        for label, page, path in active:
            for v in page.evaluate(RESULT):
                found.append(f"[{label}] {path}: {v['impact']} {v['id']} ({v['help']}): "
                             + " | ".join(v["nodes"]))
    for _label, page, _paths in pages:
        page.close()
    return found


def test_no_serious_violations(chromium, live_server, demo_world):
    """Every role's pages at the desktop size, the phone readers' at a phone's: one demo
    world, one browser, one context per role and size."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    liaison = User.objects.get(username="liaison1")
    demo_world.liaison_units = list(Unit.objects.filter(liaisons=liaison.luoshi_profile))
    who = {"public": None, "liaison": liaison, "leader": User.objects.get(username="leader"),
           "office": User.objects.get(username="office"),
           "admin": User.objects.get(username="admin")}
    axe_source = AXE.read_text(encoding="utf-8")
    lanes, contexts, checked = [], [], {}
    for size, (width, height) in VIEWPORTS.items():
        roles = who if size == "desktop" else {k: who[k] for k in PHONE_ROLES}
        for role, user in roles.items():
            # bypass_csp: axe is a script of the test's, which the site's CSP refuses.
            context = chromium.new_context(locale="zh-CN", bypass_csp=True,
                                           viewport={"width": width, "height": height})
            context.add_init_script(script=axe_source)
            if user is not None:
                client = Client()
                client.force_login(user)
                context.add_cookies([{"name": "sessionid",
                                      "value": client.cookies["sessionid"].value,
                                      "url": live_server.url}])
            paths = pages_for(role, demo_world)
            lanes.append((f"{size} {role}", context, paths))
            contexts.append(context)
            checked[size] = checked.get(size, 0) + len(paths)
    try:
        found = check_in_parallel(lanes, live_server.url)
    finally:
        for context in contexts:
            context.close()
    assert checked["desktop"] > 25 and checked["phone"] > 15
    assert not found, "serious or critical accessibility violations:\n" + "\n".join(found)


def test_the_check_finds_a_violation(chromium):
    """The same injection and calls, on a page with an image without text and a field without
    a label: both are reported (so an empty result above means what it says)."""
    context = chromium.new_context(bypass_csp=True)
    context.add_init_script(script=AXE.read_text(encoding="utf-8"))
    page = context.new_page()
    try:
        page.goto("data:text/html,<html lang=zh><title>t</title><main><img src=x.png>"
                  "<input type=text></main>")
        page.evaluate(START, TAGS)
        ids = {v["id"] for v in page.evaluate(RESULT)}
    finally:
        context.close()
    assert {"image-alt", "label"} <= ids
