"""`luoshi check-deploy`: what a production deployment is missing, and how to supply it.

Runs Django's own deployment checks (`manage.py check --deploy`) and luoshi's: debug off, a
secret key shared by all app servers, the site's host name, PostgreSQL, migrations applied,
static files collected, mail for reminders, the reverse proxy's client address, the search
index, background jobs waiting. Each line says OK, WARN or FAIL with what to set
(docs/deploy.md lists every setting). Exit 1 when anything FAILs, 0 otherwise (WARN is
advice: a small single-server site may rightly keep SQLite).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from dataclasses import dataclass

OK, WARN, FAIL = "OK", "WARN", "FAIL"


@dataclass(frozen=True)
class Finding:
    level: str
    what: str
    fix: str = ""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check-deploy", help="say what a production deployment is missing",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(func=run)


def django_checks() -> Iterator[Finding]:
    from django.core import checks

    messages = checks.run_checks(include_deployment_checks=True)
    serious = [m for m in messages if m.level >= checks.WARNING and not m.is_silenced()]
    if not serious:
        yield Finding(OK, "Django's deployment checks (check --deploy): no issues")
    for m in serious:
        level = FAIL if m.level >= checks.ERROR else WARN
        yield Finding(level, f"Django {m.id}: {m.msg}", m.hint or "")


def settings_checks(env: dict[str, str]) -> Iterator[Finding]:
    from django.conf import settings

    if settings.DEBUG:
        yield Finding(FAIL, "debug is on: errors show tracebacks, settings and cookies",
                      "unset LUOSHI_DEBUG (it is off by default) or set LUOSHI_DEBUG=0")
    else:
        yield Finding(OK, "debug off")
    if env.get("LUOSHI_SECRET_KEY"):
        yield Finding(OK, "secret key from LUOSHI_SECRET_KEY")
    else:
        yield Finding(WARN, f"secret key made at random and kept in {settings.SECRET_KEY_FILE}",
                      "fine for one server; several app servers need the same "
                      "LUOSHI_SECRET_KEY on each (sessions and CSRF tokens are signed with it)")
    local = {"127.0.0.1", "localhost", "::1", "testserver"}
    names = [h for h in settings.ALLOWED_HOSTS if h not in local]
    if names:
        yield Finding(OK, f"host names: {', '.join(names)}")
    else:
        yield Finding(FAIL, "only local host names are allowed (requests for the site's own "
                      "name get 400)", "LUOSHI_ALLOWED_HOSTS=luoshi.example.gov.cn")
    if not settings.SECURE_SSL_REDIRECT and not settings.DEBUG:
        yield Finding(WARN, "HTTP is not redirected to HTTPS",
                      "let the proxy redirect, or unset LUOSHI_SSL_REDIRECT")
    if settings.LUOSHI_PROXY_HEADER:
        yield Finding(OK, f"client address from {settings.LUOSHI_PROXY_HEADER}, believed from "
                      f"{', '.join(settings.LUOSHI_TRUSTED_PROXIES)}")
    else:
        yield Finding(WARN, "client address is the connection's own: behind a reverse proxy, "
                      "every login failure counts against the proxy's address",
                      "LUOSHI_PROXY_HEADER=X-Forwarded-For (and LUOSHI_TRUSTED_PROXIES if the "
                      "proxy is not on this machine)")
    if "console" in settings.EMAIL_BACKEND or "locmem" in settings.EMAIL_BACKEND:
        yield Finding(WARN, "mail is not sent (reminders are printed to the log)",
                      "LUOSHI_EMAIL_HOST, LUOSHI_EMAIL_PORT, LUOSHI_EMAIL_USER, "
                      "LUOSHI_EMAIL_PASSWORD, LUOSHI_FROM_EMAIL")
    elif settings.DEFAULT_FROM_EMAIL.endswith("@localhost"):
        yield Finding(WARN, f"mail is sent from {settings.DEFAULT_FROM_EMAIL}",
                      "LUOSHI_FROM_EMAIL=督查室 <duchashi@example.gov.cn>")
    else:
        yield Finding(OK, f"mail through {settings.EMAIL_HOST or settings.EMAIL_BACKEND} "
                      f"from {settings.DEFAULT_FROM_EMAIL}")


def database_checks() -> Iterator[Finding]:
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    if connection.vendor == "sqlite":
        yield Finding(WARN, f"SQLite database {connection.settings_dict['NAME']}",
                      "PostgreSQL for more than one app server or many simultaneous users: "
                      "DATABASE_URL=postgres://luoshi:…@localhost/luoshi")
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        yield Finding(FAIL, f"database not reachable: {exc}".strip(),
                      "check DATABASE_URL and that the server runs")
        return
    if pending:
        yield Finding(FAIL, f"{len(pending)} migrations not applied",
                      "luoshi manage migrate (docs/deploy.md, Upgrades)")
        return
    yield Finding(OK, f"database {connection.vendor}: every migration applied")
    from luoshi.search.indexing import index_gaps

    gaps = index_gaps()
    if gaps:
        yield Finding(FAIL, f"search index out of step: {len(gaps.reports)} reports, "
                      f"{len(gaps.plans)} plans", "luoshi check --fix")
    else:
        yield Finding(OK, "search index in step with the data")


def job_checks() -> Iterator[Finding]:
    """Uploads wait as jobs until a worker (or the web process, LUOSHI_JOBS_INLINE) runs them:
    a job queued for minutes means neither does."""
    from datetime import timedelta

    from django.conf import settings
    from django.db import DatabaseError
    from django.utils import timezone

    from luoshi.jobs.models import Job

    try:
        waiting = Job.objects.filter(state=Job.State.QUEUED,
                                     created_at__lt=timezone.now() - timedelta(minutes=5)).count()
    except DatabaseError:  # not reachable or not migrated: database_checks says so
        return
    how = ("by the web process (LUOSHI_JOBS_INLINE)" if settings.LUOSHI_JOBS_INLINE
           else "by luoshi worker")
    if waiting:
        yield Finding(WARN, f"{waiting} import jobs queued for more than 5 minutes: no job "
                      "worker seems to run", "systemctl enable --now luoshi-worker "
                      "(docs/deploy.md, systemd units), or LUOSHI_JOBS_INLINE=1")
    else:
        yield Finding(OK, f"background jobs (web imports) run {how}; none waiting")


def static_checks() -> Iterator[Finding]:
    from django.conf import settings

    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if settings.DEBUG or manifest.exists():
        yield Finding(OK, f"static files collected in {settings.STATIC_ROOT}")
    else:
        yield Finding(WARN, f"static files not collected in {settings.STATIC_ROOT} yet",
                      "luoshi serve collects them when it starts; or luoshi manage collectstatic "
                      "--noinput (after every upgrade)")
    data = settings.DATA_DIR
    if not os.access(data, os.W_OK):
        yield Finding(FAIL, f"data directory {data} is not writable", "LUOSHI_DATA_DIR")
    else:
        yield Finding(OK, f"data directory {data} (back it up with the database)")


def findings(env: dict[str, str] | None = None) -> list[Finding]:
    env = dict(os.environ) if env is None else env
    return [*settings_checks(env), *database_checks(), *job_checks(), *static_checks(),
            *django_checks()]


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    found = findings()
    for f in found:
        print(f"{f.level:<4}  {f.what}" + (f"\n      → {f.fix}" if f.fix else ""))
    failed = sum(f.level == FAIL for f in found)
    warned = sum(f.level == WARN for f in found)
    print(f"\n{failed} to fix, {warned} to consider (docs/deploy.md)")
    return 1 if failed else 0
