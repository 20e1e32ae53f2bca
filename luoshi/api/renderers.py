"""DRF's browsable API under the site's Content-Security-Policy.

Its templates (DRF's own, not ours) carry a <style> element (code highlighting) and two style
attributes; on its pages only, the policy allows inline style (never inline script), so they
render as designed without a CSP violation. Our own templates have none
(tests/rounds/test_deploy.py).
"""

from __future__ import annotations

from rest_framework import renderers


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if response is not None:
            response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return super().render(data, accepted_media_type, renderer_context)
