"""Under the Content-Security-Policy, Chromium refuses nothing on our pages: every refusal
would be a console error, which the page watcher records (tests/web/conftest.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.browser


def test_no_csp_violation_on_pages(live_sample, web_page, django_user_model):
    s = live_sample
    public = ["/", reverse("task_list"), reverse("public_report_list"),
              reverse("public_report", args=[s.report_q3.pk]), reverse("login"),
              "/admin/login/", "/api/", "/api/reports/"]
    for path in public:
        response = web_page.goto(path)
        assert "script-src 'self'" in response.headers["content-security-policy"], path
    django_user_model.objects.create_superuser("chief", password="pw-chief-1")
    page = web_page.page
    web_page.goto(reverse("login"))
    page.get_by_label("用户名").fill("chief")
    page.get_by_label("密码").fill("pw-chief-1")
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("networkidle")
    for path in [reverse("dashboard", args=[s.report_q3.pk]),
                 reverse("task_detail", args=[s.digital.pk]),
                 reverse("report_detail", args=[s.report_q3.pk]), reverse("import_upload"),
                 reverse("round_home"), "/admin/", "/admin/core/task/"]:
        web_page.goto(path)
    # The dashboard's tooltips draw on hover: move over a chart too.
    web_page.goto(reverse("dashboard", args=[s.report_q3.pk]))
    chart = page.locator("canvas").first
    if chart.count():
        chart.hover()
        page.wait_for_timeout(300)
        web_page.screenshot("dashboard_tooltip", full_page=False)
    web_page.assert_clean()
