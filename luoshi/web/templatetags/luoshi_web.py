"""Template filters of the pages."""

from __future__ import annotations

from django import template

from luoshi.web.statuses import status_label as _status_label

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """状态 label of a status value (滞后 for behind); empty for none."""
    return _status_label(value or "")
