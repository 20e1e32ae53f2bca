"""What the navigation offers the signed-in user, by role (rules in luoshi.rounds.permissions)."""

from __future__ import annotations

from django import template

from luoshi.rounds.models import Role
from luoshi.rounds.notify import unread
from luoshi.rounds.permissions import ADMIN, Action, may, role_of

register = template.Library()


@register.simple_tag
def nav_for(user) -> dict[str, bool]:
    """Which round links to show: 填报 for liaisons, 轮次 (review) for the office, 催办 for the
    office and leaders, 导入 for those who may import."""
    role = role_of(user)
    return {
        "fill": role == Role.LIAISON,
        "rounds": role in {ADMIN, Role.SUPERVISOR},
        "overdue": may(user, Action.OVERDUE),
        "import": may(user, Action.IMPORT),
    }


@register.simple_tag
def unread_count(user) -> int:
    """Unread notices in the user's inbox (shown beside 通知)."""
    return unread(user)
