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

from luoshi.cli import _

OK, WARN, FAIL = "OK", "WARN", "FAIL"


def level_word(level: str) -> str:
    """The word a line starts with: 通过 (OK), 注意 (WARN, advice), 失败 (FAIL, to fix)."""
    return {OK: _("通过"), WARN: _("注意"), FAIL: _("失败")}[level]


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
        yield Finding(OK, _("Django 的部署检查(check --deploy):没有问题"))
    for m in serious:
        level = FAIL if m.level >= checks.ERROR else WARN
        yield Finding(level, f"{m.id}: {m.msg}", m.hint or "")


def settings_checks(env: dict[str, str]) -> Iterator[Finding]:
    from django.conf import settings

    from luoshi.rounds.notify import LOCAL_SITE

    if settings.DEBUG:
        yield Finding(FAIL, _("调试模式已开启:出错时会显示调用栈、设置和 cookie"),
                      _("取消 LUOSHI_DEBUG(默认关闭)或设 LUOSHI_DEBUG=0"))
    else:
        yield Finding(OK, _("调试模式已关闭"))
    if env.get("LUOSHI_SECRET_KEY"):
        yield Finding(OK, _("密钥来自 LUOSHI_SECRET_KEY"))
    else:
        yield Finding(WARN, _("密钥为随机生成,保存在 %(path)s") % {"path": settings.SECRET_KEY_FILE},
                      _("单台服务器可以这样;多台应用服务器须各设相同的 LUOSHI_SECRET_KEY"
                        "(会话和 CSRF 令牌用它签名)"))
    local = {"127.0.0.1", "localhost", "::1", "testserver"}
    names = [h for h in settings.ALLOWED_HOSTS if h not in local]
    if names:
        yield Finding(OK, _("主机名:%(names)s") % {"names": ", ".join(names)})
    else:
        yield Finding(FAIL, _("只允许本机主机名(用网站自己的域名访问会得到 400)"),
                      "LUOSHI_ALLOWED_HOSTS=luoshi.example.gov.cn")
    if not settings.SECURE_SSL_REDIRECT and not settings.DEBUG:
        yield Finding(WARN, _("HTTP 没有重定向到 HTTPS"),
                      _("由反向代理重定向,或取消 LUOSHI_SSL_REDIRECT"))
    if settings.LUOSHI_PROXY_HEADER:
        yield Finding(OK, _("客户端地址取自 %(header)s,只信任来自 %(proxies)s 的值")
                      % {"header": settings.LUOSHI_PROXY_HEADER,
                         "proxies": ", ".join(settings.LUOSHI_TRUSTED_PROXIES)})
    else:
        yield Finding(WARN, _("客户端地址为连接本身的地址:在反向代理之后,每次登录失败都会记在代理的"
                              "地址上"),
                      _("LUOSHI_PROXY_HEADER=X-Forwarded-For(代理不在本机时另设 "
                        "LUOSHI_TRUSTED_PROXIES)"))
    if "console" in settings.EMAIL_BACKEND or "locmem" in settings.EMAIL_BACKEND:
        yield Finding(WARN, _("不发送邮件(提醒只写入日志)"),
                      ", ".join(["LUOSHI_EMAIL_HOST", "LUOSHI_EMAIL_PORT", "LUOSHI_EMAIL_USER",
                                 "LUOSHI_EMAIL_PASSWORD", "LUOSHI_FROM_EMAIL"]))
    elif settings.DEFAULT_FROM_EMAIL.endswith("@localhost"):
        yield Finding(WARN, _("邮件发件人为 %(sender)s") % {"sender": settings.DEFAULT_FROM_EMAIL},
                      _("LUOSHI_FROM_EMAIL=督查室 <duchashi@example.gov.cn>"))
    else:
        yield Finding(OK, _("邮件经 %(server)s 发送,发件人 %(sender)s")
                      % {"server": settings.EMAIL_HOST or settings.EMAIL_BACKEND,
                         "sender": settings.DEFAULT_FROM_EMAIL})
        # E-mail is sent: its links must name the site, not the demo's local address.
        if not settings.LUOSHI_SITE_URL:
            yield Finding(WARN, _("邮件中的链接指向 %(url)s(本机)") % {"url": LOCAL_SITE},
                          "LUOSHI_SITE_URL=https://luoshi.example.gov.cn")
        else:
            yield Finding(OK, _("邮件中的链接以 %(url)s 开头") % {"url": settings.LUOSHI_SITE_URL})


def database_checks() -> Iterator[Finding]:
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    if connection.vendor == "sqlite":
        yield Finding(WARN, _("SQLite 数据库 %(name)s") % {"name": connection.settings_dict["NAME"]},
                      _("多台应用服务器或大量同时在线用户请用 PostgreSQL:"
                        "DATABASE_URL=postgres://luoshi:…@localhost/luoshi"))
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        yield Finding(FAIL, (_("无法连接数据库:%(error)s") % {"error": exc}).strip(),
                      _("检查 DATABASE_URL,以及数据库服务器是否在运行"))
        return
    if pending:
        yield Finding(FAIL, _("有 %(n)s 个数据库迁移未执行") % {"n": len(pending)},
                      _("luoshi manage migrate(见 docs/deploy.md 的 Upgrades 一节)"))
        return
    yield Finding(OK, _("数据库 %(vendor)s:所有迁移均已执行") % {"vendor": connection.vendor})
    from luoshi.search.indexing import index_gaps

    gaps = index_gaps()
    if gaps:
        yield Finding(FAIL, _("搜索索引与数据不一致:报告 %(reports)s 份,计划 %(plans)s 个")
                      % {"reports": len(gaps.reports), "plans": len(gaps.plans)},
                      "luoshi check --fix")
    else:
        yield Finding(OK, _("搜索索引与数据一致"))


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
    how = (_("由网页进程运行(LUOSHI_JOBS_INLINE)") if settings.LUOSHI_JOBS_INLINE
           else _("由 luoshi worker 运行"))
    if waiting:
        yield Finding(WARN, _("%(count)s 个导入任务排队超过 5 分钟:似乎没有后台进程在运行")
                      % {"count": waiting},
                      _("systemctl enable --now luoshi-worker(见 docs/deploy.md 的 systemd 单元),"
                        "或设 LUOSHI_JOBS_INLINE=1"))
    else:
        yield Finding(OK, _("后台任务(网页导入)%(how)s;没有排队等待的任务") % {"how": how})


def static_checks() -> Iterator[Finding]:
    from django.conf import settings

    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if settings.DEBUG or manifest.exists():
        yield Finding(OK, _("静态文件已收集到 %(path)s") % {"path": settings.STATIC_ROOT})
    else:
        yield Finding(WARN, _("静态文件尚未收集到 %(path)s") % {"path": settings.STATIC_ROOT},
                      _("luoshi serve 启动时会收集;或运行 luoshi manage collectstatic --noinput"
                        "(每次升级后)"))
    data = settings.DATA_DIR
    if not os.access(data, os.W_OK):
        yield Finding(FAIL, _("数据目录 %(path)s 不可写") % {"path": data}, "LUOSHI_DATA_DIR")
    else:
        yield Finding(OK, _("数据目录 %(path)s(与数据库一同备份)") % {"path": data})


def findings(env: dict[str, str] | None = None) -> list[Finding]:
    env = dict(os.environ) if env is None else env
    return [*settings_checks(env), *database_checks(), *job_checks(), *static_checks(),
            *django_checks()]


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    found = findings()
    for f in found:
        print(f"{level_word(f.level)}  {f.what}" + (f"\n      → {f.fix}" if f.fix else ""))
    failed = sum(f.level == FAIL for f in found)
    warned = sum(f.level == WARN for f in found)
    print("\n" + _("需修复 %(failed)s 项,需考虑 %(warned)s 项(见 docs/deploy.md)")
          % {"failed": failed, "warned": warned})
    return 1 if failed else 0
