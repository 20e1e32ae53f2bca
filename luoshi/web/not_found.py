"""Our own 404 page also when debug is on (the demo, ``make run``), unless asked otherwise.

Django answers an unknown address or a view's ``Http404`` with its technical page whenever
``DEBUG`` is on (``django.core.handlers.exception.response_for_exception``), whatever
``handler404`` says: the demo would show a visitor the site's URL patterns in English. This
middleware gives every 404 to ``handler404`` while ``DEBUG`` is on and ``LUOSHI_DEBUG_404`` is
off (the default), so the demo looks like the real site; a developer who wants Django's list of
patterns sets ``LUOSHI_DEBUG_404=1``. With debug off it does nothing (Django already uses the
handler). Addresses the URLconf does not know are answered here before any view runs (the same
check Django makes next); ``APPEND_SLASH``'s redirect still happens (CommonMiddleware, outside
this one, turns a 404 for ``/x`` into a redirect to ``/x/`` when that exists).
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, get_resolver, get_urlconf, resolve


def _ours() -> bool:
    return settings.DEBUG and not getattr(settings, "LUOSHI_DEBUG_404", False)


def _handler404(request, exception):
    callback = get_resolver(get_urlconf()).resolve_error_handler(404)
    return callback(request, exception=exception)


class OwnNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _ours():
            try:
                resolve(request.path_info, urlconf=getattr(request, "urlconf", None))
            except Resolver404 as exc:
                return _handler404(request, exc)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and _ours():
            return _handler404(request, exception)
        return None
