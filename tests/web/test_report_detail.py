import re

from django.urls import reverse


def get(client, report):
    response = client.get(reverse("report_detail", args=[report.pk]))
    assert response.status_code == 200
    return response.content.decode()


def headers(html: str) -> list[str]:
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    return re.findall(r'<th scope="col"[^>]*>(.*?)</th>', head)


def task_body(html: str, task) -> str:
    return re.search(rf'<tbody id="task-{task.pk}">(.*?)</tbody>', html, re.S).group(1)


def test_metadata_block(client, sample):
    html = get(client, sample.report_q3)
    meta = html.split('<dl class="report-meta">', 1)[1].split("</dl>", 1)[0]
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", meta)
    assert pairs == [
        ("索引号", "TEST-2021-0009"),
        ("组配分类", "政府工作报告"),
        ("发布机构", "市政府办公室"),
        ("成文日期", "2021-10-20"),
        ("发布日期", "2021-10-28"),
        ("公开方式", "主动公开"),
    ]


def test_columns_as_published_in_source_order(leader_client, sample):
    # Unpublished reports are read by leaders and the office, not the public (issue 6).
    client = leader_client
    assert headers(get(client, sample.report_q3)) == [
        "序号", "任务内容", "责任单位", "前三季度完成情况", "存在问题及困难", "下一步工作",
    ]
    assert headers(get(client, sample.report_old)) == ["序号", "重点工作", "完成情况"]


def test_columns_follow_the_report_not_a_fixed_layout(client, sample):
    report = sample.report_q3
    report.columns = [report.columns[i] for i in (0, 2, 1, 5, 3, 4)]
    report.save()
    html = get(client, report)
    assert headers(html) == [
        "序号", "责任单位", "任务内容", "下一步工作", "前三季度完成情况", "存在问题及困难",
    ]
    first = task_body(html, sample.digital)
    order = [first.index(s) for s in ("市发改局、市经信局", "建设数字城市", "继续推进平台应用", "新建基站")]
    assert order == sorted(order)


def test_multi_line_cell_keeps_line_breaks(client, sample):
    body = task_body(get(client, sample.report_q3), sample.digital)
    assert "1.新建基站一百个。<br>2.完成数据平台。" in body


def test_sub_items_are_rows_under_their_task_with_merged_cells(client, sample):
    body = task_body(get(client, sample.report_q3), sample.parks)
    row_list = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    assert len(row_list) == 2
    # data-label: the column's header, the cell's label when the table shows as cards.
    assert '<th scope="rowgroup" class="col-serial" data-label="序号" rowspan="2">2</th>' \
        in row_list[0]
    assert re.search(r'<td class="col-task" data-label="任务内容" rowspan="2">', row_list[0])
    assert ('<td class="col-units" data-label="责任单位" rowspan="2">市府办(市数据局)、市发改局</td>'
            in row_list[0])
    # The second row holds only the progress cells, the sub-heading first.
    assert "col-serial" not in row_list[1] and "col-task" not in row_list[1]
    assert '<strong class="sub-heading">东岛公园建设。</strong>主体完工。' in row_list[0]
    assert '<strong class="sub-heading">西岛步道建设。</strong>完成一半。' in row_list[1]
    assert "用地未批。" in row_list[1]


def test_empty_cells_shown_as_dashes_and_tasks_in_order(client, sample):
    html = get(client, sample.report_q3)
    body = task_body(html, sample.roads)
    # No units and an empty entry: units, done, problems and next steps all show the dash.
    assert body.count("——") == 4
    starts = [html.index(f'id="task-{t.pk}"') for t in (sample.digital, sample.parks, sample.roads)]
    assert starts == sorted(starts)


def test_task_links_to_its_page_and_notes_above_the_table(client, sample):
    # The notes say how to read the columns: before the table (and so on a printout's page 1).
    html = get(client, sample.report_q3)
    assert f'href="{reverse("task_detail", args=[sample.digital.pk])}"' in html
    assert html.index("列第一位者为牵头单位。") < html.index("<table")


def test_report_shows_only_its_tasks(leader_client, sample):
    # Unpublished reports are read by leaders and the office, not the public (issue 6).
    client = leader_client
    html = get(client, sample.report_h1)
    assert f'id="task-{sample.digital.pk}"' in html
    assert f'id="task-{sample.parks.pk}"' in html
    assert f'id="task-{sample.roads.pk}"' not in html
    assert "西岛步道建设" not in html


def test_missing_report_is_404(client, db):
    assert client.get(reverse("report_detail", args=[999999])).status_code == 404


def test_queries_do_not_grow_with_tasks(client, sample, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        get(client, sample.report_q3)
