"""Template filters of the pages."""

from __future__ import annotations

from django import template

from luoshi.web.statuses import status_label as _status_label

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """状态 label of a status value (滞后 for behind); empty for none."""
    return _status_label(value or "")


CHANGE_MODELS = {"task": "任务", "progress": "进展", "assessment": "状态", "target": "目标",
                 "report": "落实情况表", "measurement": "实绩"}
FIELD_LABELS = {"serial": "序号", "text": "任务内容", "units": "责任单位", "done": "完成情况",
                "problems": "存在问题", "next_steps": "下一步", "status": "状态",
                "reason": "理由", "report": "报告", "task": "任务", "parent": "所属任务",
                "order": "顺序", "metric": "指标", "value": "目标值", "unit": "单位",
                "comparator": "比较", "active": "有效", "extra": "其他栏目",
                "position": "行序", "kind": "目标类型", "span": "原文"}


@register.filter
def change_model(value: str) -> str:
    """What a history record is about, in words (progress → 进展)."""
    return CHANGE_MODELS.get(value, value)


@register.filter
def field_label(value: str) -> str:
    """A changed field's name in words (done → 完成情况)."""
    return FIELD_LABELS.get(value, value)
