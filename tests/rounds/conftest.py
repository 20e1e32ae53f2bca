from round_plan import opened, people, rp  # noqa: F401  (fixtures shared with tests/api)

# Headless Chromium recording console errors and failed requests (browser tests).
from web.conftest import chromium, web_page  # noqa: F401
