"""A report's dashboard: per-unit figures, empty/vague entries, change vs the previous period."""

import json
import re

from django.urls import reverse

from luoshi.core.models import Progress
from luoshi.search.indexing import reindex_all


def chart_data(html: str) -> dict:
    raw = re.search(r'<script id="dashboard-data" type="application/json">(.*?)</script>', html,
                    re.S).group(1)
    return json.loads(raw)


def figure(html: str, name: str) -> int:
    return int(re.search(rf'data-figure="{name}">(-?\d+)<', html).group(1))


def test_figures_units_and_comparison(admin_client, indexed_sample):
    s = indexed_sample
    Progress.objects.filter(report=s.report_h1, task=s.digital).update(done="按计划推进。")
    Progress.objects.filter(report=s.report_q3, task=s.park_a).update(done="开工。")  # as in H1
    reindex_all()
    html = admin_client.get(reverse("dashboard", args=[s.report_q3.pk])).content.decode()
    assert figure(html, "tasks") == 3
    assert figure(html, "empty") == 1  # task 3's entry
    assert figure(html, "vague") == 1  # 开工。 says next to nothing (≤ 2 characters)
    assert figure(html, "unchanged") == 1  # park A says 开工。 twice
    assert "较上期 +1" in html  # 3 tasks against 2
    data = chart_data(html)
    names = data["units"]["names"]
    assert sorted(names) == sorted(["市府办(市数据局)", "市发改局", "(未列牵头单位)"])
    series = {s["key"]: dict(zip(names, s["values"], strict=True)) for s in data["units"]["series"]}
    assert series["empty"] == {"市府办(市数据局)": 0, "市发改局": 0, "(未列牵头单位)": 1}
    assert series["vague"]["市府办(市数据局)"] == 1
    assert data["compare"]["series"][0]["name"] == "2021年半年度"
    assert data["compare"]["series"][0]["values"] == [2, 0, 2]  # H1: 2 tasks, both vague
    assert "echarts.min.js" in html and "dashboard.js" in html


def test_filters_in_the_url(admin_client, indexed_sample):
    s = indexed_sample
    url = reverse("dashboard", args=[s.report_q3.pk])
    data = chart_data(admin_client.get(url, {"units": "10", "measure": "empty"}).content.decode())
    assert data["units"]["names"][0] == "(未列牵头单位)"  # the unit with an empty entry first
    html = admin_client.get(url, {"compare": s.report_h1.pk}).content.decode()
    assert f'<option value="{s.report_h1.pk}" selected>' in html
    no_previous = admin_client.get(reverse("dashboard", args=[s.report_h1.pk])).content.decode()
    assert "compare" not in chart_data(no_previous)
    html = admin_client.get(url, {"units": "bogus", "measure": "x;drop"}).content.decode()
    assert 'value="20" selected' in html


def test_json_is_escaped_in_the_page(admin_client, indexed_sample):
    s = indexed_sample
    s.units.reform.name = "</script><script>alert(1)</script>"
    s.units.reform.save()
    reindex_all()
    html = admin_client.get(reverse("dashboard", args=[s.report_q3.pk])).content.decode()
    assert "<script>alert(1)" not in html
    assert "</script><script>alert(1)</script>" in chart_data(html)["units"]["names"]


def assess(report, task, status, reason="", evidence=()):
    from luoshi.core.models import Assessment

    return Assessment.objects.create(report=report, task=task, status=status,
                                     derived_status=status, reason=reason,
                                     evidence=list(evidence))


def test_statuses_flagged_list_with_evidence_and_change(admin_client, indexed_sample):
    s = indexed_sample
    entry = Progress.objects.get(report=s.report_q3, task=s.park_b)
    start = entry.problems.index("用地")
    assess(s.report_q3, s.parks, "behind", "用地<b>未批</b>", [{
        "field": "problems", "item": 1, "start": start, "end": start + 4,
        "text": entry.problems[start:start + 4], "progress": entry.pk, "task": s.park_b.pk}])
    assess(s.report_q3, s.digital, "at_risk", "资金未到位")
    assess(s.report_q3, s.roads, "no_data")
    assess(s.report_h1, s.digital, "on_track")
    assess(s.report_h1, s.parks, "on_track")
    url = reverse("dashboard", args=[s.report_q3.pk])
    html = admin_client.get(url).content.decode()
    assert re.search(r'data-status="behind">1<', html)
    assert re.search(r'data-status="on_track">0<', html)
    flagged = html.split('id="flagged-title"', 1)[1].split("</section>", 1)[0]
    assert flagged.index("推进海岛公园建设") < flagged.index("建设数字城市")  # behind first
    assert "用地&lt;b&gt;未批&lt;/b&gt;" in flagged  # the reason, escaped
    assert "<mark>用地未批</mark>" in flagged  # the evidence, marked in its sentence
    assert "本期新增" in flagged  # behind now, on track before
    data = chart_data(html)
    assert {d["key"]: d["value"] for d in data["statuses"]}["behind"] == 1
    assert data["status_compare"]["series"][0]["values"][1] == 2  # H1: two on track
    only_risk = admin_client.get(url, {"flag": "at_risk"}).content.decode()
    listed = only_risk.split('id="flagged-title"', 1)[1].split("</section>", 1)[0]
    assert "建设数字城市" in listed and "推进海岛公园建设" not in listed


def test_no_status_section_before_analysis(admin_client, indexed_sample):
    html = admin_client.get(reverse("dashboard", args=[indexed_sample.report_q3.pk])).content
    assert b'id="flagged-title"' not in html and b"chart-statuses" not in html


def test_a_compare_that_is_no_id_falls_back_to_the_previous_period(admin_client, indexed_sample):
    # "²".isdigit() is true but int("²") fails; 10**30 is beyond any database integer.
    s = indexed_sample
    url = reverse("dashboard", args=[s.report_q3.pk])
    for raw in ("²", str(10**30)):
        response = admin_client.get(url, {"compare": raw})
        assert response.status_code == 200, raw
    fallback = chart_data(admin_client.get(url, {"compare": "²"}).content.decode())
    assert fallback["compare"]["series"][0]["name"] == "2021年半年度"


def test_every_chart_is_named_and_has_its_figures_in_a_table(admin_client, indexed_sample):
    """Each chart is an image with a name (role=img, aria-label or aria-labelledby a caption
    on the page), and the lead unit × status chart's numbers are also a table: the same
    figures, unit by unit."""
    s = indexed_sample
    assess(s.report_q3, s.parks, "behind", "用地未批")
    assess(s.report_q3, s.digital, "at_risk", "资金未到位")
    assess(s.report_h1, s.digital, "on_track")
    html = admin_client.get(reverse("dashboard", args=[s.report_q3.pk])).content.decode()
    charts = re.findall(r'<div class="chart[^"]*" id="(chart-[\w-]+)"([^>]*)>', html)
    assert len(charts) >= 4
    for chart_id, attrs in charts:
        assert 'role="img"' in attrs, chart_id
        label = re.search(r'aria-label="[^"]+"', attrs)
        by = re.search(r'aria-labelledby="([^"]+)"', attrs)
        assert label or (by and f'<caption id="{by.group(1)}">' in html), chart_id
    data = chart_data(html)["status_units"]
    table = html.split('<caption id="status-units-table-caption">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th>((?:<td class="num">\d+</td>)+)</tr>',
                      table)
    assert [name for name, _ in rows] == data["names"]
    for i, (_name, cells) in enumerate(rows):
        assert [int(v) for v in re.findall(r">(\d+)<", cells)] == [
            series["values"][i] for series in data["series"]]
