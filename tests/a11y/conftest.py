from web.conftest import chromium  # noqa: F401  (one Chromium per process, shared)
