"""The Content-Security-Policy header, built once per process where it cannot differ.

django-csp's middleware builds the header from the settings for every response, twice (the
policy and its report-only twin): about 0.3 ms a request, as much as serving a page from the
page cache. The header depends on the settings alone unless the view asked for a policy of
its own (``_csp_config``, ``_csp_update``, ``_csp_replace`` on the response, or their ``_ro``
twins: the API's browsable pages) or the page used a nonce (``request._csp_nonce``). Those
responses are handled by django-csp as before; every other response gets the header django-csp
built for the first such response, built again after a setting changes (``setting_changed``:
the tests' overrides). Where the header goes (not over one already set, not on an exempt
response or an excluded address, not on a debug error page) is django-csp's rule, kept here.
"""

from __future__ import annotations

import http.client

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

_OWN = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
_built: dict[bool, str] = {}  # report_only -> header


@receiver(setting_changed)
def _forget(setting: str, **kwargs) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting == "DEBUG":
        _built.clear()


def _policy(report_only: bool) -> str:
    header = _built.get(report_only)
    if header is None:
        header = _built[report_only] = build_policy(report_only=report_only)
    return header


class CSPMiddleware(BaseCSPMiddleware):
    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in _OWN
        ):
            return super().process_response(request, response)
        if (
            response.status_code in (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND)
            and settings.DEBUG
        ):
            return response
        for report_only, header, exempt, setting in (
            (False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            policy = _policy(report_only)
            if not policy or header in response or getattr(response, exempt, False):
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        # As django-csp: a nonce asked for after the header was written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
