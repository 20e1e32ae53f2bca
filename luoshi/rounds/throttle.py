"""Throttling of failed logins, and the client's address it (and the API's rate limit) counts by.

The rule: after ``LUOSHI_LOGIN_MAX_FAILURES`` failures within the window, a user name is locked
for the window *from that address*; from everywhere only after ``ACCOUNT_FACTOR`` times as many
(guessing spread over many addresses). An address is never locked as a whole: behind an office
NAT or a reverse proxy many people share one, and one person's typos must not lock out the rest.

The address is the connection's own, unless a reverse proxy is configured (``LUOSHI_PROXY_HEADER``
and ``LUOSHI_TRUSTED_PROXIES``): then the header the proxy set is believed, and only when the
connection comes from one of those proxies, so a client cannot choose its own address.

Failures are rows in the database, so every server process sees the same count.
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.utils import timezone
from rest_framework.throttling import AnonRateThrottle as _DRFAnonRateThrottle

from luoshi.rounds.models import LoginFailure

# A user name is locked from every address after this many times the per-address limit.
ACCOUNT_FACTOR = 4


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress._BaseNetwork, ...]:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _parse(value: str) -> ipaddress._BaseAddress | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _trusted(address: ipaddress._BaseAddress | None) -> bool:
    if address is None:
        return False
    return any(address in net for net in _networks(tuple(settings.LUOSHI_TRUSTED_PROXIES)))


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the trusted proxy's header when one is configured.

    For X-Forwarded-For (a list each proxy appends to) the client is the right-most entry that
    is not one of our proxies; entries left of it were written by the client and prove nothing.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    header = settings.LUOSHI_PROXY_HEADER
    if not header or not _trusted(_parse(remote or "")):
        return remote
    value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    for entry in reversed(value.split(",")):
        address = _parse(entry)
        if address is None:
            break  # garbage from the client side: stop believing the list here
        if not _trusted(address):
            return str(address)
    return remote


class AnonRateThrottle(_DRFAnonRateThrottle):
    """DRF's anonymous rate limit, counted by :func:`client_ip` instead of any X-Forwarded-For."""

    def get_ident(self, request) -> str:
        return client_ip(request) or ""


def _window_start():
    return timezone.now() - timedelta(minutes=settings.LUOSHI_LOGIN_LOCK_MINUTES)


def _name(username: str) -> str:
    return username.strip().lower()[:150]


def is_locked(username: str, ip: str | None) -> bool:
    limit = settings.LUOSHI_LOGIN_MAX_FAILURES
    mine = LoginFailure.objects.filter(at__gte=_window_start(), username=_name(username))
    if mine.filter(ip=ip).count() >= limit:
        return True
    return mine.count() >= limit * ACCOUNT_FACTOR


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=_name(username), ip=ip)
    # Old rows are of no use; keep the table small.
    LoginFailure.objects.filter(at__lt=_window_start() - timedelta(days=1)).delete()


def clear(username: str) -> None:
    LoginFailure.objects.filter(username=_name(username)).delete()


def locked_message() -> str:
    return f"登录失败次数过多,请 {settings.LUOSHI_LOGIN_LOCK_MINUTES} 分钟后再试。"
