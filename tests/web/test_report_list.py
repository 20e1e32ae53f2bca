import re

from django.urls import reverse


def rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)


def test_lists_every_report_newest_period_first(leader_client, sample):
    # Unpublished reports are read by leaders and the office, not the public (issue 6).
    client = leader_client
    response = client.get(reverse("report_list"))
    assert response.status_code == 200
    html = response.content.decode()
    titles = [r.title for r in (sample.report_q3, sample.report_h1, sample.report_old)]
    positions = [html.index(t) for t in titles]
    assert positions == sorted(positions)
    assert len(rows(html)) == 3


def test_row_shows_government_year_period_count_state_and_link(client, sample):
    html = client.get(reverse("report_list")).content.decode()
    first = rows(html)[0]
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", first, re.S)]
    # 3 tasks: 1, 2 (entries on its two sub-items, counted once) and 3.
    assert cells == ["海城市", "2021", "前三季度", sample.report_q3.title, "3", "已发布"]
    assert f'href="{reverse("report_detail", args=[sample.report_q3.pk])}"' in first


def test_task_count_counts_a_task_with_sub_items_once(leader_client, sample):
    # Unpublished reports are read by leaders and the office, not the public (issue 6).
    client = leader_client
    html = client.get(reverse("report_list")).content.decode()
    second = rows(html)[1]  # the half-year report: task 1 and sub-item 2.1
    assert re.search(r'<td class="num"[^>]*>2</td>', second)


def test_page_is_zh_hans_with_header_and_navigation(client, db):
    html = client.get(reverse("report_list")).content.decode()
    assert '<html lang="zh-Hans">' in html
    assert 'class="brand__name">落实<' in html
    assert '<nav class="site-nav" aria-label="主导航">' in html
    assert 'aria-current="page"' in html
    assert '<main id="main"' in html
    assert "还没有落实情况表" in html


def test_static_files_are_local(client, db):
    html = client.get(reverse("report_list")).content.decode()
    links = re.findall(r'(?:href|src)="([^"]+)"', html)
    assert links and all(not link.startswith(("http:", "https:", "//")) for link in links)
    assert "/static/web/luoshi.css" in links


def test_one_query_whatever_the_number_of_reports(client, sample, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get(reverse("report_list"))


def test_the_public_home_searches_the_tasks(client, indexed_sample):
    """The public's first screen is the report list with a search: a GET form to the task list
    whose q finds the tasks the public may read."""
    html = client.get(reverse("report_list")).content.decode()
    form = re.search(r'<form[^>]*role="search"[^>]*>(.*?)</form>', html, re.S)
    assert form and f'action="{reverse("task_list")}"' in form.group(0)
    assert 'name="q"' in form.group(1) and '<label for="report-search-q">' in form.group(1)
    task = indexed_sample.report_q3.plan.tasks.filter(parent=None).order_by("order").first()
    found = client.get(reverse("task_list"), {"q": task.text[:4]}).content.decode()
    assert "共 0 " not in found and reverse("task_detail", args=[task.pk]) in found
