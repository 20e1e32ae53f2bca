"""Throttling of failed logins: after N failures within the window, the user name is locked for
the window (and so is the address, at a higher count, against guessing many names).

Failures are rows in the database, so every server process sees the same count.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from luoshi.rounds.models import LoginFailure

# An address may fail this many times the per-name limit (users behind one office NAT).
IP_FACTOR = 4


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def _window_start():
    return timezone.now() - timedelta(minutes=settings.LUOSHI_LOGIN_LOCK_MINUTES)


def is_locked(username: str, ip: str | None) -> bool:
    limit = settings.LUOSHI_LOGIN_MAX_FAILURES
    recent = LoginFailure.objects.filter(at__gte=_window_start())
    if recent.filter(username=username.strip().lower()).count() >= limit:
        return True
    return ip is not None and recent.filter(ip=ip).count() >= limit * IP_FACTOR


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username.strip().lower()[:150], ip=ip)
    # Old rows are of no use; keep the table small.
    LoginFailure.objects.filter(at__lt=_window_start() - timedelta(days=1)).delete()


def clear(username: str) -> None:
    LoginFailure.objects.filter(username=username.strip().lower()).delete()


def locked_message() -> str:
    return f"登录失败次数过多,请 {settings.LUOSHI_LOGIN_LOCK_MINUTES} 分钟后再试。"
