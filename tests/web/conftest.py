"""Fixtures for page tests: a small plan built through the ORM, and a real headless Chromium.

Browser tests are marked ``@pytest.mark.browser`` and use ``web_page`` (a fresh page in the
session's Chromium that records console errors, page errors, failed requests, HTTP errors and
dialogs) together with ``live_sample`` (the sample data committed for a live server).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from browsers import find_chromium

from luoshi.core.models import (
    Government,
    Period,
    Plan,
    Progress,
    Report,
    Task,
    TaskUnit,
    Unit,
)
from luoshi.vocab import ColumnRole, PeriodKind, UnitRole

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
]

SIX_COLUMNS = [
    {"header": "序号", "role": ColumnRole.SERIAL},
    {"header": "任务内容", "role": ColumnRole.TASK},
    {"header": "责任单位", "role": ColumnRole.UNITS},
    {"header": "前三季度完成情况", "role": ColumnRole.DONE},
    {"header": "存在问题及困难", "role": ColumnRole.PROBLEMS},
    {"header": "下一步工作", "role": ColumnRole.NEXT_STEPS},
]


def link_units(task: Task, units: list[Unit]) -> None:
    """Attach ``units`` in order, the first as lead."""
    for order, unit in enumerate(units):
        role = UnitRole.LEAD if order == 0 else UnitRole.CO
        TaskUnit.objects.create(task=task, unit=unit, role=role, order=order)


def load_demo():
    """The demo's plans (12 tasks each) and its people and running round, as ``luoshi demo``
    builds them; returns what ``load_people_and_round`` returns."""
    from luoshi.cli.demo import DEMO_SET
    from luoshi.core.services.importing import import_document
    from luoshi.rounds.demo import load_people_and_round
    from luoshi.sample import generate_plan

    for offset, (government, year, periods, layout) in enumerate(DEMO_SET):
        for doc in generate_plan(7 + offset, government, year, 12, periods, layout):
            import_document(doc, file_name=doc.source_name)
    return load_people_and_round("pw-demo-12345")


def build_sample() -> SimpleNamespace:
    """Two governments; 海城市 2021 with a half-year and a Q3 report, one task with sub-items.

    All names and texts are made up for the tests.
    """
    city = Government.objects.create(name="海城市", level=Government.Level.CITY)
    county = Government.objects.create(name="山前区", level=Government.Level.DISTRICT)
    plan = Plan.objects.create(government=city, year=2021, title="海城市2021年重点工作")
    old_plan = Plan.objects.create(government=county, year=2020)
    h1 = Period.objects.create(year=2021, kind=PeriodKind.H1, month=6, label="半年度")
    q3 = Period.objects.create(year=2021, kind=PeriodKind.Q3, month=9, label="前三季度")
    annual = Period.objects.create(year=2020, kind=PeriodKind.ANNUAL, month=12, label="全年")

    report_q3 = Report.objects.create(
        plan=plan,
        period=q3,
        state=Report.State.PUBLISHED,
        title="海城市2021年重点工作前三季度完成情况",
        index_no="TEST-2021-0009",
        category="政府工作报告",
        publisher="市政府办公室",
        written_date=date(2021, 10, 20),
        published_date=date(2021, 10, 28),
        disclosure="主动公开",
        columns=[{**c, "role": str(c["role"])} for c in SIX_COLUMNS],
        notes=["列第一位者为牵头单位。"],
    )
    h1_columns = [{**c, "role": str(c["role"])} for c in SIX_COLUMNS]
    h1_columns[3] = {"header": "半年度完成情况", "role": "done"}
    report_h1 = Report.objects.create(
        plan=plan,
        period=h1,
        state=Report.State.OPEN,
        title="海城市2021年重点工作半年度完成情况",
        columns=h1_columns,
    )
    report_old = Report.objects.create(
        plan=old_plan,
        period=annual,
        state=Report.State.DRAFT,
        title="山前区2020年重点工作全年完成情况",
        columns=[
            {"header": "序号", "role": "serial"},
            {"header": "重点工作", "role": "task"},
            {"header": "完成情况", "role": "done"},
        ],
    )

    reform = Unit.objects.create(government=city, name="市发改局")
    economy = Unit.objects.create(government=city, name="市经信局")
    office = Unit.objects.create(government=city, name="市府办(市数据局)")

    digital = Task.objects.create(plan=plan, serial="1", text="建设数字城市。", order=1)
    link_units(digital, [reform, economy])
    parks = Task.objects.create(plan=plan, serial="2", text="推进海岛公园建设。", order=2)
    link_units(parks, [office, reform])
    park_a = Task.objects.create(
        plan=plan, parent=parks, serial="", text="东岛公园建设。", order=1
    )
    park_b = Task.objects.create(
        plan=plan, parent=parks, serial="", text="西岛步道建设。", order=2
    )
    roads = Task.objects.create(plan=plan, serial="3", text="改造老旧道路。", order=3)
    old_task = Task.objects.create(plan=old_plan, serial="1", text="整治河道。", order=1)

    Progress.objects.create(
        report=report_q3,
        task=digital,
        done="1.新建基站一百个。\n2.完成数据平台。",
        problems="资金尚未到位。",
        next_steps="继续推进平台应用。",
    )
    Progress.objects.create(report=report_q3, task=park_a, done="主体完工。", next_steps="验收。")
    Progress.objects.create(report=report_q3, task=park_b, done="完成一半。", problems="用地未批。")
    Progress.objects.create(report=report_q3, task=roads)
    Progress.objects.create(report=report_h1, task=digital, done="启动基站建设。")
    Progress.objects.create(report=report_h1, task=park_a, done="开工。")
    Progress.objects.create(report=report_old, task=old_task, done="全面完成。")

    return SimpleNamespace(
        city=city,
        plan=plan,
        report_q3=report_q3,
        report_h1=report_h1,
        report_old=report_old,
        digital=digital,
        parks=parks,
        park_a=park_a,
        park_b=park_b,
        roads=roads,
        units=SimpleNamespace(reform=reform, economy=economy, office=office),
    )


@pytest.fixture
def sample(db) -> SimpleNamespace:
    return build_sample()


# --- browser -----------------------------------------------------------------------------


@dataclass
class Watched:
    """A page and everything that went wrong on it."""

    page: object
    base_url: str
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def goto(self, path: str):
        response = self.page.goto(self.base_url + path, wait_until="networkidle")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return response

    def assert_clean(self) -> None:
        assert self.problems == [], "\n".join(self.problems)
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium per test process, driven by Playwright: LUOSHI_CHROMIUM, the
    system's, or Playwright's own (tests/browsers.py says which and why; none is a failure
    that names the remedy, not a skip).

    Other directories import this fixture (tests/rounds), which makes a second copy of it;
    Playwright's sync API cannot start twice in one process, so the browser is kept on ``sys``
    and whichever copy starts it first shares it and closes it.
    """
    shared = getattr(sys, "_luoshi_chromium", None)
    if shared is not None:
        yield shared
        return
    found = find_chromium()
    if found.path is None:
        pytest.fail(f"browser tests need Chromium — {found.source}", pytrace=False)
    # Playwright's sync API runs an event loop in this thread, which trips Django's guard
    # against ORM calls from async code; the test code itself is synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=found.path, headless=True, args=CHROMIUM_ARGS
        )
        sys._luoshi_chromium = browser
        try:
            yield browser
        finally:
            del sys._luoshi_chromium
            browser.close()


@pytest.fixture
def web_page(chromium, live_server):
    """A fresh page on the live server, recording console errors and failed requests."""
    context = chromium.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    watched = Watched(page=page, base_url=live_server.url)

    def on_console(message) -> None:
        if message.type == "error":
            watched.problems.append(f"console error: {message.text} ({message.location})")

    def on_response(response) -> None:
        if response.status >= 400:
            watched.problems.append(f"HTTP {response.status}: {response.url}")

    def on_dialog(dialog) -> None:
        watched.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: watched.problems.append(f"page error: {error}"))
    def on_request_failed(request) -> None:
        # The browser fetches the favicon on its own and cancels it (net::ERR_ABORTED) when the
        # test navigates on before it arrives: a cancelled fetch, not a failure of the site.
        if request.url.endswith("/favicon.svg") and "ERR_ABORTED" in (request.failure or ""):
            return
        watched.problems.append(f"request failed: {request.url} ({request.failure})")

    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    page.on("dialog", on_dialog)
    yield watched
    context.close()


@pytest.fixture
def live_sample(transactional_db) -> SimpleNamespace:
    """The sample data, committed so that the live server's thread sees it."""
    return build_sample()


@pytest.fixture
def indexed_sample(db) -> SimpleNamespace:
    """The sample data with its search/listing index built (as a commit would build it)."""
    from luoshi.search.indexing import reindex_all

    built = build_sample()
    reindex_all()
    return built


@pytest.fixture
def staff_client(client, supervisor):
    """Logged in as the supervision office (who may import), from tests/roles.py."""
    client.force_login(supervisor)
    return client
