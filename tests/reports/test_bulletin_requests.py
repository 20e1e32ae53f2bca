"""The 督查通报 states the approved 延期/调整申请 of its report (old → new, the unit's reason), in
Markdown and DOCX; rejected ones are not stated, and each approved one lands in one report."""

from __future__ import annotations

import io
from datetime import date

import docx
from django.urls import reverse
from round_plan import opened, people, rp  # noqa: F401  (fixtures shared with tests/rounds)

from luoshi.core.models import Target
from luoshi.reports.bulletin import build_bulletin, to_docx, to_markdown
from luoshi.reports.facts import load_changes
from luoshi.rounds import requests


def _docx_text(b) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(to_docx(b))).paragraphs)


def test_approved_requests_show_in_the_bulletin_rejected_do_not(opened, people,  # noqa: F811
                                                                client_for):
    target = Target.objects.create(task=opened.roads, metric="新建改造道路", comparator=">=",
                                   value=100, unit="公里", span="新建改造道路100公里")
    approved = requests.file_request(people.reform, opened.roads, "target", "资金压减。",
                                     report=opened.report, target=target, new_value=80)
    requests.decide(people.supervisor, approved, True, "同意。")
    rejected = requests.file_request(people.water, opened.river, "scope", "范围调整。",
                                     report=opened.report, new_text="整治河道(缩小范围)。")
    requests.decide(people.supervisor, rejected, False, "理由不充分。")
    # Filed for no report, decided after the latest period ended: the latest report's.
    loose = requests.file_request(people.water, opened.river, "deadline", "汛期无法施工。",
                                  new_deadline=date(2022, 12, 31))
    requests.decide(people.supervisor, loose, True)

    b = build_bulletin(opened.report)
    counts_before = dict(b.counts)
    md, word = to_markdown(b), _docx_text(b)
    for text in (md, word):
        assert "本期同意调整事项2项" in text
        assert "1.任务1 新建改造道路100公里(市发改局,调整目标):目标由100公里调整为80公里。" in text
        assert "单位理由:资金压减。" in text
        assert "2.任务3 整治河道(市水利局,延期):完成时限由未设定调整为2022年12月31日。" in text
        assert "缩小范围" not in text and "范围调整" not in text
    # The last sub-item of 三, numbered after the filing one.
    assert "### (一)报送质量方面" in md and "### (二)任务调整方面" in md
    assert md.index("任务调整方面") < md.index("## 四、下一步工作建议")
    page = client_for(people.supervisor).get(
        reverse("bulletin", args=[opened.report.pk])).content.decode()
    assert "目标由100公里调整为80公里" in page and "缩小范围" not in page
    # The counts are those of the tasks, untouched by the requests.
    assert b.counts == counts_before == build_bulletin(opened.report).counts
    # The earlier (Q1) report states none of them: each request lands in one report.
    assert load_changes(opened.prev) == []
    assert "调整事项" not in to_markdown(build_bulletin(opened.prev))
