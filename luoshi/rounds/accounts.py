"""Creating users with a role and binding liaisons to units (used by ``luoshi users`` and tests)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from luoshi.core.models import Unit
from luoshi.rounds.models import Profile, Role
from luoshi.rounds.permissions import ADMIN

ROLE_NAMES = [ADMIN, *Role.values]


class AccountError(Exception):
    """A user could not be created or bound; the message says why."""


def find_unit(name: str, government: str | None = None) -> Unit:
    """The unit called ``name`` (or by one of its aliases); ambiguous names need ``government``."""
    units = Unit.objects.filter(name=name)
    if not units.exists():
        units = Unit.objects.filter(aliases__alias=name).distinct()
    if government:
        units = units.filter(government__name=government)
    found = list(units.select_related("government")[:5])
    if not found:
        raise AccountError(f"单位不存在: {name}")
    if len(found) > 1:
        places = "、".join(u.government.name for u in found)
        raise AccountError(f"单位名称不唯一: {name}(见于 {places}),请用 --government 指明")
    return found[0]


@transaction.atomic
def add_user(username: str, role: str, *, units: list[Unit] = (), password: str | None = None,
             email: str = ""):
    """Create ``username`` with ``role`` (admin, supervisor, liaison, leader)."""
    if role not in ROLE_NAMES:
        raise AccountError(f"未知角色: {role}(可选 {', '.join(ROLE_NAMES)})")
    if units and role != Role.LIAISON:
        raise AccountError("只有单位联络员(liaison)绑定单位")
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise AccountError(f"用户已存在: {username}")
    user = User(username=username, email=email, is_staff=role == ADMIN, is_superuser=role == ADMIN)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    if role != ADMIN:
        profile = Profile.objects.create(user=user, role=role)
        profile.units.add(*units)
    return user


@transaction.atomic
def bind_unit(username: str, unit: Unit) -> None:
    """Bind a liaison to one more unit."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        raise AccountError(f"用户不存在: {username}")
    profile = Profile.objects.filter(user=user).first()
    if profile is None or profile.role != Role.LIAISON:
        raise AccountError(f"{username} 不是单位联络员,不能绑定单位")
    profile.units.add(unit)
