"""The CSP header built once per process (luoshi.web.csp): the same header django-csp builds
from the settings, a view's own policy still honoured, and a changed setting followed."""

from __future__ import annotations

import pytest
from csp.constants import NONCE
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse

from luoshi.web.csp import CSPMiddleware

HEADER = "Content-Security-Policy"


def _directives(header: str) -> set[str]:
    # Directive order comes from a set in django-csp: compare them as a set.
    return {part.strip() for part in header.split(";")}


def _answer(build) -> HttpResponse:
    request = RequestFactory().get("/made-up/")
    middleware = CSPMiddleware(lambda req: build(req))
    return middleware(request)


@pytest.mark.django_db
def test_a_page_gets_the_header_built_from_the_settings(client):
    response = client.get(reverse("report_list"))
    assert _directives(response[HEADER]) == _directives(build_policy())
    assert "script-src 'self'" in response[HEADER]


def test_a_views_own_policy_and_a_nonce_are_still_django_csps():
    def own(request):
        response = HttpResponse("x")
        response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return response

    assert "style-src 'self' 'unsafe-inline'" in _answer(own)[HEADER]
    assert "'unsafe-inline'" not in _answer(lambda request: HttpResponse("x"))[HEADER]

    def nonce(request):
        return HttpResponse(str(request.csp_nonce))

    # A nonce goes where the settings ask for one (CSP_NONCE in a directive): with one there,
    # the header names this response's nonce.
    directives = {"default-src": ["'self'"], "script-src": ["'self'", NONCE]}
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": directives}):
        response = _answer(nonce)
    assert f"script-src 'self' 'nonce-{response.content.decode()}'" in response[HEADER]


def test_a_header_already_set_or_an_exempt_answer_is_left_alone():
    def set_before(request):
        response = HttpResponse("x")
        response[HEADER] = "default-src 'none'"
        return response

    def exempt(request):
        response = HttpResponse("x")
        response._csp_exempt = True
        return response

    assert _answer(set_before)[HEADER] == "default-src 'none'"
    assert HEADER not in _answer(exempt)


def test_a_changed_setting_is_followed():
    plain = _answer(lambda request: HttpResponse("x"))[HEADER]
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'none'"]}}):
        assert _answer(lambda request: HttpResponse("x"))[HEADER] == "default-src 'none'"
    assert _answer(lambda request: HttpResponse("x"))[HEADER] == plain
    with override_settings(
        CONTENT_SECURITY_POLICY_REPORT_ONLY={
            "DIRECTIVES": {"default-src": ["'self'"]},
            "EXCLUDE_URL_PREFIXES": ["/made-"],
        }
    ):
        response = _answer(lambda request: HttpResponse("x"))
        assert "Content-Security-Policy-Report-Only" not in response  # an excluded address
