"""Notifications: every message goes to the person's in-app inbox (站内通知, counted in the
navigation), and by e-mail too when they have an address, with a link to the page.

E-mail goes through Django's mail backend: SMTP when ``LUOSHI_EMAIL_HOST`` is set (with
``LUOSHI_EMAIL_PORT``/``_USER``/``_PASSWORD``/``_USE_TLS``/``_USE_SSL``), else the console;
sender ``LUOSHI_FROM_EMAIL``; links start with ``LUOSHI_SITE_URL`` (settings.py, documented in
docs/deploy.md and docs/notifications.md; ``luoshi check-deploy`` warns when mail is sent
without it).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail

from luoshi.rounds.models import Notice

log = logging.getLogger(__name__)
LOCAL_SITE = "http://127.0.0.1:8000"  # `make run`'s address: links work on the demo machine


def site_url() -> str:
    """The site's address for links in e-mail (no trailing slash)."""
    return (settings.LUOSHI_SITE_URL or LOCAL_SITE).rstrip("/")


def notify(users: Iterable, kind: str, text: str, url: str = "", *, subject: str = "",
           body: str = "", extra_emails: Iterable[str] = ()) -> list[Notice]:
    """Put ``text`` in each active user's inbox; e-mail those with an address (and
    ``extra_emails``). Returns the notices. A mail failure is logged, never loses the notice."""
    people = {u.pk: u for u in users if u is not None and u.is_active}
    notices = Notice.objects.bulk_create([
        Notice(user_id=pk, kind=kind, text=text[:500], url=url[:300]) for pk in people])
    emails = sorted({u.email for u in people.values() if u.email} | set(extra_emails))
    if emails:
        link = f"\n\n{site_url()}{url}\n" if url else "\n"
        try:
            send_mail(subject or text[:200], (body or text) + link,
                      settings.DEFAULT_FROM_EMAIL, emails)
        except OSError:
            log.exception("notification mail to %s failed", emails)
    return notices


def unread(user) -> int:
    if user is None or not user.is_authenticated:
        return 0
    return Notice.objects.filter(user=user, read_at__isnull=True).count()


def liaisons_of(unit_ids: Iterable[int]) -> list:
    """The active user accounts bound to these units."""
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(
        luoshi_profile__units__in=list(unit_ids), is_active=True).distinct())


def office_users() -> list:
    from django.contrib.auth import get_user_model

    from luoshi.rounds.models import Role

    return list(get_user_model().objects.filter(luoshi_profile__role=Role.SUPERVISOR,
                                                is_active=True))


def leaders() -> list:
    from django.contrib.auth import get_user_model

    from luoshi.rounds.models import Role

    return list(get_user_model().objects.filter(luoshi_profile__role=Role.LEADER,
                                                is_active=True))
