"""A unit's page: tasks it leads and co-leads, counts per report."""

import re

from django.urls import reverse


def test_led_and_co_led_tasks_and_counts(admin_client, indexed_sample):
    s = indexed_sample
    html = admin_client.get(reverse("unit_detail", args=[s.units.reform.pk])).content.decode()
    assert "<h1>市发改局</h1>" in html
    assert "牵头 1 项" in html and "配合 1 项" in html
    led = html.split('id="unit-led-title"', 1)[1].split("</section>", 1)[0]
    co = html.split('id="unit-co-title"', 1)[1].split("</section>", 1)[0]
    assert "建设数字城市。" in led and "推进海岛公园建设。" not in led
    assert "推进海岛公园建设。" in co
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert len(rows) == 2  # Q3 first, then H1
    assert "前三季度" in rows[0] and "半年度" in rows[1]
    numbers = [re.findall(r'<td class="num">(\d+)</td>', r) for r in rows]
    assert numbers[0] == ["1", "1", "0", "0"]  # Q3: led 1, co 1, no empty, no vague
    assert f"unit={s.units.reform.pk}" in rows[0]


def test_unknown_unit_is_404(admin_client, indexed_sample):
    assert admin_client.get(reverse("unit_detail", args=[99999])).status_code == 404


def test_status_counts_of_led_tasks(admin_client, indexed_sample):
    from luoshi.core.models import Assessment
    from luoshi.search.indexing import reindex_all

    s = indexed_sample
    Assessment.objects.create(report=s.report_q3, task=s.digital, status="behind",
                              derived_status="behind")
    Assessment.objects.create(report=s.report_q3, task=s.parks, status="done",
                              derived_status="done")  # co-led by 市发改局: not counted
    reindex_all()
    html = admin_client.get(reverse("unit_detail", args=[s.units.reform.pk])).content.decode()
    assert "牵头任务状态" in html
    row = re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>", 1)[1], re.S)[0]
    assert '<span class="status status--behind">滞后 1</span>' in row
    assert "已完成" not in row
