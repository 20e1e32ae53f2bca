"""The pages on a phone (390×844) in real Chromium: no horizontal scroll, wide tables as cards
with each cell labelled, filters folded until used, tap targets at least 44 px; screenshots in
test-artifacts/screenshots/phone-*.png."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NO_SIDEWAYS = "() => document.documentElement.scrollWidth <= window.innerWidth"
SMALL_TARGETS = """() => Array.from(document.querySelectorAll(
    'main button, main a.button, main select, main input:not([type=hidden]), main summary'))
  .filter(n => n.offsetParent !== null)
  .filter(n => n.getBoundingClientRect().height < 44)
  .map(n => n.outerHTML.slice(0, 80))"""


@pytest.fixture
def phone(web_page):
    web_page.page.set_viewport_size(PHONE)
    return web_page


def test_pages_fit_a_phone(phone, live_sample):
    s = live_sample
    s.report_q3.refresh_from_db()
    pages = {"report-list": reverse("report_list"),
             "task-list": reverse("task_list"),
             "public-report": reverse("public_report", args=[s.report_q3.pk]),
             "report": reverse("report_detail", args=[s.report_q3.pk]),
             "dashboard": reverse("dashboard", args=[s.report_q3.pk]),
             "task": reverse("task_detail", args=[s.digital.pk])}
    for name, path in pages.items():
        phone.goto(path)
        page = phone.page
        assert page.evaluate(NO_SIDEWAYS), f"{name}: wider than the phone"
        assert page.evaluate(SMALL_TARGETS) == [], name
        phone.screenshot(f"phone-{name}")
    phone.assert_clean()


def test_published_table_is_cards(phone, live_sample):
    phone.goto(reverse("public_report", args=[live_sample.report_q3.pk]))
    page = phone.page
    card = page.locator(f"#task-{live_sample.digital.pk}")
    assert card.evaluate("n => getComputedStyle(n).display") == "block"
    done = card.locator("td.col-done").first
    label = done.evaluate("n => getComputedStyle(n, '::before').content")
    assert "前三季度完成情况" in label
    # The progress is on the first screen's width, not off to the right.
    box = done.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_report_list_and_task_list_are_cards_and_filters_fold(phone, live_sample):
    phone.goto(reverse("report_list"))
    page = phone.page
    title = page.locator("table.report-list td.card-title").first
    assert title.bounding_box()["width"] > 250  # not two characters wide
    phone.goto(reverse("task_list"))
    assert page.locator("details.filters-box").evaluate("n => n.open") is False
    page.locator("details.filters-box > summary").click()
    assert page.get_by_label("关键词").is_visible() or page.locator("form.filters").is_visible()
    # With a filter in use the filters stay open, showing what is applied.
    phone.goto(reverse("task_list") + f"?plan={live_sample.plan.pk}")
    assert page.locator("details.filters-box").evaluate("n => n.open") is True
    phone.assert_clean()


def test_desktop_keeps_tables_and_open_filters(web_page, live_sample):
    web_page.goto(reverse("task_list"))
    page = web_page.page
    assert page.locator("details.filters-box").evaluate("n => n.open") is True
    assert page.locator("table.task-list tbody tr").first.evaluate(
        "n => getComputedStyle(n).display") == "table-row"


@pytest.mark.parametrize(("width", "pie_shown"), [(390, False), (1366, True)])
def test_dashboard_statuses_are_bars_on_a_phone(web_page, live_sample, width, pie_shown):
    """The status pie's key does not fit a phone: there it is hidden and the bar list beside it
    (a meter per status, with the figure) carries the same numbers; on a desktop both show."""
    from luoshi.core.services.analysis import analyze_report

    analyze_report(live_sample.report_q3)
    web_page.page.set_viewport_size({"width": width, "height": 844})
    web_page.goto(reverse("dashboard", args=[live_sample.report_q3.pk]))
    page = web_page.page
    assert page.locator("#chart-statuses").is_visible() is pie_shown
    bars = page.locator("table.status-table meter.bar-meter")
    assert bars.count() >= 8 and bars.first.is_visible()
    box = page.locator("table.status-table").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    web_page.assert_clean()
