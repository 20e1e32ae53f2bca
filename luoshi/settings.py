"""Django settings, read from environment variables with defaults that run out of the box.

``DATABASE_URL`` (postgres://user:pass@host:port/name) switches from SQLite to PostgreSQL;
``DATABASE_REPLICA_URL`` adds a read replica (luoshi/dbrouter.py).
The defaults are production's: debug off, HTTPS-only cookies, collected static files. The local
demo turns debug on explicitly (``make run``, ``luoshi serve --dev``: ``LUOSHI_DEBUG=1``), and so
does the test suite (pyproject's pytest ``env``). Every setting is listed in docs/deploy.md;
``luoshi check-deploy`` says which a deployment is missing.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("LUOSHI_DATA_DIR", BASE_DIR / "var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Transactions take SQLite's write lock when they begin (waiting up to the timeout): a deferred
# transaction that read first fails at once with "database is locked" when it then writes while
# another connection writes (concurrent saves of a round, the search index refreshed on commit).
SQLITE_OPTIONS = {"transaction_mode": "IMMEDIATE", "timeout": 20}


def database_from_url(url: str) -> dict:
    """Django DATABASES entry for a postgres:// or sqlite:/// URL."""
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": unquote(parsed.hostname or ""),
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
        }
    if parsed.scheme == "sqlite":
        # sqlite:////abs/path.db is absolute, sqlite:///rel.db relative.
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path[1:]) or ":memory:",
                "OPTIONS": SQLITE_OPTIONS}
    raise ValueError(f"DATABASE_URL: unsupported scheme {parsed.scheme!r}")


def _env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def secret_key_from_file(path: Path) -> str:
    """The key kept in ``path``, made at random (mode 0600) the first time.

    A server that was given no LUOSHI_SECRET_KEY still gets a secret, stable key of its own
    rather than a known one; several app servers must share one key (LUOSHI_SECRET_KEY), which
    ``luoshi check-deploy`` reminds the operator of.
    """
    import secrets
    import time

    key = secrets.token_urlsafe(50)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Made earlier, or by another process starting at the same moment: wait for its key.
        for _ in range(100):
            found = path.read_text(encoding="ascii").strip()
            if found:
                return found
            time.sleep(0.02)
        raise RuntimeError(f"{path} is empty: delete it, or set LUOSHI_SECRET_KEY") from None
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key + "\n")
    return key


# Debug pages show tracebacks, settings and cookies: only for a developer's own machine.
DEBUG = _env_bool("LUOSHI_DEBUG", False)
SECRET_KEY = os.environ.get("LUOSHI_SECRET_KEY", "")
SECRET_KEY_FILE = DATA_DIR / "secret-key"
if not SECRET_KEY:
    SECRET_KEY = secret_key_from_file(SECRET_KEY_FILE)

ALLOWED_HOSTS = _env_list("LUOSHI_ALLOWED_HOSTS", "127.0.0.1,localhost")
if DEBUG:
    ALLOWED_HOSTS += ["testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "luoshi.core",
    "luoshi.web",
    "luoshi.search",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "csp",
    "luoshi.rounds",
    "luoshi.reports",
    "luoshi.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "luoshi.web.csp.CSPMiddleware",  # django-csp's, the header built once (luoshi/web/csp.py)
    # Our 404 page also in debug (the demo) unless LUOSHI_DEBUG_404=1 (luoshi/web/not_found.py).
    "luoshi.web.not_found.OwnNotFoundMiddleware",
]
LUOSHI_DEBUG_404 = _env_bool("LUOSHI_DEBUG_404", False)

# Content-Security-Policy: scripts, styles, fonts and images only from this site, no inline
# script or style attribute (the templates keep theirs in static files), no framing, forms post
# only here. ECharts draws on canvas and styles its nodes through the DOM, which CSP allows.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

ROOT_URLCONF = "luoshi.urls"
WSGI_APPLICATION = "luoshi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "luoshi" / "templates"],  # the site's own 403/404/500 pages
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "luoshi.sqlite3",
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", **SQLITE_OPTIONS},
        }
    }

# A read replica: reads go there; writes, and the reads that must see them, go to the primary
# (luoshi/dbrouter.py). The test runner points it at the test database ("MIRROR").
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {**database_from_url(os.environ["DATABASE_REPLICA_URL"]),
                            "TEST": {"MIRROR": "default"}}
    DATABASE_ROUTERS = ["luoshi.dbrouter.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "pages": page fragments keyed by the data version every write bumps (luoshi/web/pagecache.py),
# in files under the data directory so that every server process shares them; LUOSHI_CACHE_URL
# (e.g. redis://host:6379/1) shares them between app servers. "default" stays in each
# process's memory (DRF's throttle counts there).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "page-cache",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LUOSHI_CACHE_ENTRIES", "5000"))},
    },
}
if os.environ.get("LUOSHI_CACHE_URL"):
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                       "LOCATION": os.environ["LUOSHI_CACHE_URL"]}
# LUOSHI_PAGE_CACHE=0: build every page afresh (what a page costs the first time after a
# write; benchmarks/vs_datasette.py --no-page-cache).
LUOSHI_PAGE_CACHE = _env_bool("LUOSHI_PAGE_CACHE", True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "luoshi" / "locale"]
TIME_ZONE = os.environ.get("LUOSHI_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# WhiteNoise warns on every request when this is missing; in DEBUG files come from the finders.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Stored files (佐证材料, and import uploads awaiting confirmation): the local files directory
# by default (LUOSHI_EVIDENCE_DIR, <data dir>/uploads); LUOSHI_STORAGE=s3 keeps them in an
# S3-compatible bucket (django-storages; `pip install luoshi[s3]`), so that several app
# servers share them. Keys come from the environment only. docs/deploy.md lists the settings.
LUOSHI_STORAGE = os.environ.get("LUOSHI_STORAGE", "local").strip().lower() or "local"
if LUOSHI_STORAGE == "s3":
    STORAGES["files"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("LUOSHI_S3_BUCKET", ""),
            "endpoint_url": os.environ.get("LUOSHI_S3_ENDPOINT") or None,
            "region_name": os.environ.get("LUOSHI_S3_REGION") or None,
            "access_key": os.environ.get("LUOSHI_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("LUOSHI_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("LUOSHI_S3_PREFIX", "luoshi"),
            # MinIO and most self-hosted stores want path-style URLs.
            "addressing_style": os.environ.get("LUOSHI_S3_ADDRESSING") or None,
            "default_acl": None,  # the bucket's (private); files are served through luoshi
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
elif LUOSHI_STORAGE != "local":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"LUOSHI_STORAGE={LUOSHI_STORAGE!r}: use 'local' (the files directory) or 's3'")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # each role's first screen (luoshi/web/home.py)
LOGOUT_REDIRECT_URL = "/"

# Failed logins: after this many within the window, the user name is locked for the window
# from that address (and from everywhere at four times the count): luoshi/rounds/throttle.py.
LUOSHI_LOGIN_MAX_FAILURES = int(os.environ.get("LUOSHI_LOGIN_MAX_FAILURES", "5"))
LUOSHI_LOGIN_LOCK_MINUTES = int(os.environ.get("LUOSHI_LOGIN_LOCK_MINUTES", "15"))

# The client's address behind a reverse proxy: the header the proxy sets (X-Forwarded-For or
# X-Real-IP), believed only from the proxies listed (addresses or networks). Unset, the address
# is the connection's own (REMOTE_ADDR), and a forwarded header is ignored.
LUOSHI_PROXY_HEADER = os.environ.get("LUOSHI_PROXY_HEADER", "").strip()
LUOSHI_TRUSTED_PROXIES = _env_list("LUOSHI_TRUSTED_PROXIES", "127.0.0.1,::1")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "luoshi.api.renderers.BrowsableAPIRenderer",  # DRF's, with its style attributes allowed
    ],
    "EXCEPTION_HANDLER": "luoshi.api.views.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    # DRF's own throttle would believe any X-Forwarded-For; ours asks the same client_ip as the
    # login lock.
    "DEFAULT_THROTTLE_CLASSES": ["luoshi.rounds.throttle.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("LUOSHI_API_ANON_RATE", "600/minute")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "luoshi API",
    "DESCRIPTION": "政府工作报告重点工作落实情况: plans, reports, tasks, entries and the round.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Mail (reminders): SMTP when LUOSHI_EMAIL_HOST is set, else printed to the console.
EMAIL_HOST = os.environ.get("LUOSHI_EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("LUOSHI_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("LUOSHI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("LUOSHI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("LUOSHI_EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = _env_bool("LUOSHI_EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_TIMEOUT = int(os.environ.get("LUOSHI_EMAIL_TIMEOUT", "30"))
EMAIL_BACKEND = os.environ.get(
    "LUOSHI_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("LUOSHI_FROM_EMAIL", "luoshi@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's own address, for the links in notification e-mail (luoshi/rounds/notify.py).
LUOSHI_SITE_URL = os.environ.get("LUOSHI_SITE_URL", "").rstrip("/")

# Background jobs (web imports; luoshi/jobs/queue.py): run by `luoshi worker`, or with
# LUOSHI_JOBS_INLINE by a thread of the web process after the request (the local demo's
# default, so that `make run` needs no second process). A running job whose heartbeat is older
# than the stale time was held by a worker that died: it is queued again, up to the attempts.
LUOSHI_JOBS_INLINE = _env_bool("LUOSHI_JOBS_INLINE", DEBUG)
LUOSHI_JOB_HEARTBEAT_SECONDS = float(os.environ.get("LUOSHI_JOB_HEARTBEAT_SECONDS", "10"))
LUOSHI_JOB_STALE_SECONDS = float(os.environ.get("LUOSHI_JOB_STALE_SECONDS", "300"))
LUOSHI_JOB_MAX_ATTEMPTS = int(os.environ.get("LUOSHI_JOB_MAX_ATTEMPTS", "3"))

# A request body other than uploaded files (form fields, JSON) is refused (400) beyond this:
# the fullest form, an entry at its limits (3 x 20,000 characters and a 5,000-character note,
# 9 bytes a character when percent-encoded), is under 0.6 MB; a 42 MB form took 12 s to parse
# on any POST address, signed in or not, before any form could refuse it (issue 14). Uploaded
# files are not counted here: they are held in memory up to FILE_UPLOAD_MAX_MEMORY_SIZE, on
# disk beyond, and refused by LUOSHI_INGEST_MAX_INPUT_BYTES.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("LUOSHI_MAX_FORM_BYTES", str(5 * 1024 * 1024 // 2)))
FILE_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024

if not DEBUG:
    SECURE_SSL_REDIRECT = _env_bool("LUOSHI_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("LUOSHI_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    STORAGES["staticfiles"]["BACKEND"] = (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LUOSHI_LOG_LEVEL", "WARNING")},
}
