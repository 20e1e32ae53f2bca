"""Public disclosure pages: published reports only, no login, official layout, print CSS."""

from django.urls import reverse

from luoshi.core.models import Report


def test_published_report_in_official_layout_without_login(client, sample):
    s = sample
    response = client.get(reverse("public_report", args=[s.report_q3.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "TEST-2021-0009" in html and "主动公开" in html  # the metadata block
    assert "<th scope=\"col\" class=\"col-done\">前三季度完成情况</th>" in html
    assert html.count('<tbody id="task-') == 3
    assert "print.css" in html and 'media="print"' in html
    assert reverse("task_detail", args=[s.digital.pk]) not in html  # no internal links


def test_unpublished_reports_are_never_shown(client, admin_client, sample):
    for report in (sample.report_h1, sample.report_old):
        for c in (client, admin_client):
            assert c.get(reverse("public_report", args=[report.pk])).status_code == 404
    html = client.get(reverse("public_report_list")).content.decode()
    assert sample.report_q3.title in html
    assert sample.report_h1.title not in html and sample.report_old.title not in html


def test_unpublishing_hides_it_again(client, sample):
    Report.objects.filter(pk=sample.report_q3.pk).update(state=Report.State.REVIEW)
    assert client.get(reverse("public_report", args=[sample.report_q3.pk])).status_code == 404


def test_print_stylesheet_is_a4_landscape_with_repeated_header():
    from django.contrib.staticfiles import finders

    css = open(finders.find("web/print.css"), encoding="utf-8").read()
    assert "size: A4 landscape" in css
    assert "thead { display: table-header-group; }" in css
