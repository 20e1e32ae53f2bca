"""Every role's main pages can be used with the keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.7).

In real headless Chromium on the demo's data, for each page: the Tab key, pressed from the top
of the page, reaches every element a person could operate (links, buttons, fields, menus,
``summary``, anything with a tabindex; those shown on screen — hidden ones, a closed
``details``' contents, a disabled field are not operable, and a radio group is one stop), each
of them shows a focus indicator (its outline or box-shadow differs from when it is not
focused), focus never lands on something invisible, and the first stop is the skip link, which
takes the reader to the page's ``main``, from where the next Tab stays inside it.

The pages: public — report list, published report, task list, task, dashboard; liaison —
home, my round, an entry of theirs; leader — home, dashboard, bulletin; office — home, the
round, the review inbox, an entry (with its review form), import, bulletin.
"""

from __future__ import annotations

import pytest
from a11y.test_axe import demo_world  # noqa: F401  (the demo's data, with import jobs)
from django.test import Client
from django.urls import reverse

from luoshi.core.models import Report, Task, Unit

pytestmark = pytest.mark.browser

# Marks every operable element shown on screen (data-kw = its number) and notes how it looks
# when not focused; a radio group counts once (the browser tabs to one radio of it).
MARK = """() => {
  document.activeElement && document.activeElement.blur && document.activeElement.blur();
  const sel = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  const out = [];
  const groups = {};
  for (const el of document.querySelectorAll(sel)) {
    if (el.matches(':disabled, [tabindex="-1"], input[type=hidden], main')) continue;
    if (el.closest('[inert]') || !el.checkVisibility({visibilityProperty: true})) continue;
    // A closed details' contents are laid out but not shown (content-visibility): only its
    // summary can be reached.
    const closed = el.closest('details:not([open])');
    if (closed && !(el.matches('summary') && el.parentElement === closed)) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none') continue;
    let key = String(out.length);
    if (el.matches('input[type=radio]') && el.name) {
      key = groups[el.form ? el.name : el.name] ??= key;
    }
    el.dataset.kw = key;
    if (key === String(out.length)) {
      const text = (el.innerText || el.value || el.getAttribute('aria-label') || el.name || '').trim();
      out.push({key, what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' +
                (text ? text.slice(0, 30) : el.outerHTML.slice(0, 80)) + '"'});
    }
    el.dataset.kwLook = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|');
  }
  return out;
}"""
# What has the focus now, and whether it looks different from unfocused.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const look = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|');
  const r = el.getBoundingClientRect();
  return {key: el.dataset.kw ?? null, look, before: el.dataset.kwLook ?? null,
          visible: el.checkVisibility({visibilityProperty: true}) && r.width * r.height > 0,
          inMain: !!el.closest('main'), skip: el.matches('a.skip-link'),
          what: el.tagName.toLowerCase() + ' "' + (el.innerText || el.value || el.name || '').trim().slice(0, 30) + '"'};
}"""


def walk(page) -> list[str]:
    """Problems of the page now loaded in ``page`` (empty: none)."""
    marked = page.evaluate(MARK)
    problems, reached = [], set()
    last = None
    for step in range(len(marked) * 6 + 15):
        page.keyboard.press("Tab")
        now = page.evaluate(FOCUSED)
        if now is not None and now["key"] is not None and now["key"] == last:
            continue  # a date or time field's parts: one element, several stops
        last = now and now["key"]
        if now is None:  # past the last stop: the browser's own UI
            if len(reached) < len(marked):
                problems.append(f"focus left the page after {len(reached)} stops")
            break
        if step == 0 and not now["skip"]:
            problems.append(f"the first Tab stop is {now['what']}, not the skip link")
        if now["key"] is None or not now["visible"]:
            problems.append(f"focus on something not shown: {now['what']}")
            continue
        if now["key"] in reached:  # wrapped round
            if len(reached) < len(marked):
                problems.append(f"focus came back to {now['what']} after {len(reached)} stops")
            break
        reached.add(now["key"])
        if now["look"] == now["before"]:
            problems.append(f"no focus indicator: {now['what']}")
    problems += [f"not reachable by Tab: {m['what']}" for m in marked if m["key"] not in reached]
    # The skip link: to main, and the next stop is inside it.
    page.focus("a.skip-link")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#main'")
    if not page.evaluate("document.activeElement && document.activeElement.id === 'main'"):
        problems.append("the skip link does not move focus to main")
    page.keyboard.press("Tab")
    now = page.evaluate(FOCUSED)
    operable_in_main = page.evaluate("!!document.querySelector('main [data-kw]')")
    if operable_in_main and (now is None or not now["inMain"]):
        problems.append(f"after the skip link, Tab goes to {now and now['what']}, outside main")
    return problems


def pages(world) -> dict[str, list[str]]:
    published = Report.objects.filter(state=Report.State.PUBLISHED).order_by("-pk").first()
    task = Task.objects.filter(plan=published.plan, parent=None).order_by("order").first()
    mine = world.report.progress.filter(task__units__in=world.liaison_units) \
        .order_by("position").first()
    entry = world.report.progress.order_by("position").first()
    return {
        "public": [reverse("report_list"), reverse("report_detail", args=[published.pk]),
                   reverse("task_list"), reverse("task_detail", args=[task.pk]),
                   reverse("dashboard", args=[published.pk])],
        "liaison": [reverse("home"), reverse("round_home"), reverse("round_entry", args=[mine.pk])],
        "leader": [reverse("home"), reverse("dashboard", args=[published.pk]),
                   reverse("bulletin", args=[published.pk])],
        "office": [reverse("home"), reverse("round_report", args=[world.report.pk]),
                   reverse("inbox"), reverse("round_entry", args=[entry.pk]),
                   reverse("import_upload"), reverse("bulletin", args=[published.pk])],
    }


def test_every_main_page_by_keyboard(chromium, live_server, demo_world):  # noqa: F811
    from django.contrib.auth import get_user_model

    User = get_user_model()
    liaison = User.objects.get(username="liaison1")
    demo_world.liaison_units = list(Unit.objects.filter(liaisons=liaison.luoshi_profile))
    who = {"public": None, "liaison": liaison, "leader": User.objects.get(username="leader"),
           "office": User.objects.get(username="office")}
    found, walked, stops = [], 0, 0
    for role, paths in pages(demo_world).items():
        context = chromium.new_context(locale="zh-CN", viewport={"width": 1366, "height": 768})
        if who[role] is not None:
            client = Client()
            client.force_login(who[role])
            context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                                  "url": live_server.url}])
        page = context.new_page()
        try:
            for path in paths:
                response = page.goto(live_server.url + path)
                assert response.status == 200, f"[{role}] {path}: HTTP {response.status}"
                found += [f"[{role}] {path}: {p}" for p in walk(page)]
                stops += page.evaluate("document.querySelectorAll('[data-kw]').length")
                walked += 1
        finally:
            context.close()
    assert walked >= 17 and stops > 300  # every page walked, each with its links and fields
    assert not found, "keyboard problems:\n" + "\n".join(found)


def test_the_walk_finds_what_it_looks_for(chromium):
    """On a page with a link and a widget styled to hide their focus, and a field that traps
    the Tab key before a last link, each is reported (so an empty result above means what it
    says)."""
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.set_content(
            "<style>.bare:focus{outline:none}</style><a class=skip-link href='#main'>skip</a>"
            "<main id=main tabindex=-1><a href='#x'>ok</a><a class=bare href='#y'>bare</a>"
            "<span role=button tabindex=0 style='outline:none'>no ring</span>"
            "<input name=trap onkeydown=\"if (event.key === 'Tab') event.preventDefault()\">"
            "<a href='#z'>after</a></main>")
        problems = walk(page)
    finally:
        context.close()
    assert any("no focus indicator: a \"bare\"" in p for p in problems), problems
    assert any("no focus indicator: span" in p for p in problems), problems
    assert any('not reachable by Tab: a "after"' in p for p in problems), problems
    assert not any('"ok"' in p for p in problems), problems
