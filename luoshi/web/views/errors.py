"""Our own 403, 404 and 500 pages: in Chinese, with the site's navigation and a way on.

A signed-out visitor who asks for a page of the round (``/rounds/…``) is sent to sign in
instead, whatever the page: the round is for signed-in people only, and answering "sign in"
for every address there says nothing about which reports or entries exist.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

ROUND_PREFIX = "/rounds/"


def _to_login(request):
    user = getattr(request, "user", None)
    if (request.method in {"GET", "HEAD"} and request.path.startswith(ROUND_PREFIX)
            and user is not None and not user.is_authenticated):
        return redirect_to_login(request.get_full_path())
    return None


def page_not_found(request, exception=None):
    return _to_login(request) or render(request, "404.html", {"path": request.path}, status=404)


def permission_denied(request, exception=None):
    return _to_login(request) or render(request, "403.html", status=403)


def server_error(request):
    # No context processors: whatever broke may be in them (the database, the session).
    return HttpResponseServerError(loader.get_template("500.html").render())
