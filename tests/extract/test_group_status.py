"""A group heading that grades its items is their declared status (rules.GROUP_STATUS): the
status-grouped bulletin (一、已完成的事项 … 二、正在推进的事项 … 三、进度滞后的事项). Headings
and sentences are our own."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_document
from luoshi.extract.table import group_status
from luoshi.ingest import read_document
from luoshi.vocab import Status


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("(一)完成事项情况", Status.DONE),
        ("一、已完成的项目(12个)", Status.DONE),
        ("(二)超时间进度完成指标有7项", Status.AHEAD),  # 提前/超进度 before 完成
        ("三、进度滞后的项目", Status.BEHIND),
        ("(二)未完成事项", Status.BEHIND),  # 未完成 before 完成
        ("2.正在推进的工作", Status.ON_TRACK),
        ("(三)未按序时推进的项目", Status.BEHIND),  # 未按 before 按序时
        ("(三)尚未开工的项目", Status.NOT_STARTED),
        ("一、社保惠民", None),  # a theme, no grade
        ("(一)顺利", None),  # a grade naming no kind of item
        ("(一)全年完成情况良好的各项工作任务和需要进一步加大力度推进的事项", None),  # a sentence
    ],
)
def test_group_heading_grades(heading, expected):
    got = group_status(heading)
    assert (got.status if got else None) is expected


PAGE = """安澜市东湖区2031年为民办实事落实情况报告
截止2031年12月底,区政府承诺的实事大多已经完成,现将情况报告如下:
(一)完成事项情况
1、社区食堂建设:新建社区食堂6个,服务老人1.2万人次。
2、道路改造:投资300万元,改造背街小巷4条。
(二)进度滞后事项
3、停车场建设:已完成选址,正在办理用地手续。
4、公厕改造:完成设计,尚未开工。
"""


def test_a_headed_report_keeps_its_group_and_the_group_grades_the_items():
    doc = read_document(PAGE.encode(), name="grouped.txt")
    assert [t.extra.get("分组") for t in doc.tasks] == ["(一)完成事项情况"] * 2 + ["(二)进度滞后事项"] * 2
    statuses = [a.status.value for a in analyze_document(doc)]
    assert statuses[:2] == [Status.DONE, Status.DONE]
    assert statuses[2:] == [Status.BEHIND, Status.BEHIND]
    assert "所在分组" in analyze_document(doc)[0].status.reason
