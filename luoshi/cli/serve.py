"""`luoshi serve [--host H] [--port P] [--workers N] [--threads N] [--dev]`: run the web app.

By default a production server: gunicorn with threaded workers (2 × CPUs + 1 workers of 2
threads each unless --workers/--threads or LUOSHI_WORKERS/LUOSHI_THREADS say otherwise), debug
off, static files collected to STATIC_ROOT first and served by WhiteNoise. Put it behind a
reverse proxy that terminates HTTPS (docs/deploy.md has an nginx site file and systemd units).

--dev runs Django's auto-reloading development server with LUOSHI_DEBUG=1 instead (unless
LUOSHI_DEBUG is set): for a developer's own machine and the local demo (`make run`).
"""

from __future__ import annotations

import argparse
import os

from luoshi.cli import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="run the web app (http://127.0.0.1:8000 by default)",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes (default LUOSHI_WORKERS or 2 × CPUs + 1)")
    p.add_argument("--threads", type=int, default=None,
                   help="threads per worker (default LUOSHI_THREADS or 2)")
    p.add_argument("--timeout", type=int, default=None,
                   help="seconds before a silent worker is restarted (default LUOSHI_TIMEOUT or 60)")
    p.add_argument("--dev", action="store_true",
                   help="Django's auto-reloading development server, debug on")
    p.add_argument("--noreload", action="store_true", help="with --dev: no auto-reloader")
    p.set_defaults(func=run)


def address(host: str, port: int) -> tuple[str, bool]:
    """runserver's addrport argument (also gunicorn's bind), and whether it is IPv6."""
    if ":" in host:
        return f"[{host.strip('[]')}]:{port}", True
    return f"{host}:{port}", False


def _positive(name: str, flag: int | None, env: dict[str, str], default: int) -> int:
    value = flag if flag is not None else env.get(name) or default
    try:
        number = int(value)
    except ValueError:
        raise SystemExit("luoshi serve: " + _("%(name)s=%(value)r 不是整数")
                         % {"name": name, "value": value}) from None
    if number < 1:
        raise SystemExit("luoshi serve: " + _("%(name)s 至少为 1(实为 %(number)s)")
                         % {"name": name, "number": number})
    return number


def gunicorn_options(args: argparse.Namespace, env: dict[str, str] | None = None,
                     cpus: int | None = None) -> dict[str, object]:
    """gunicorn settings: a flag wins over LUOSHI_WORKERS/THREADS/TIMEOUT, which win over the
    CPU-based default. Threads let a worker wait on the database and still answer others."""
    env = os.environ if env is None else env
    cpus = cpus or os.cpu_count() or 1
    return {
        "bind": [address(args.host, args.port)[0]],
        "workers": _positive("LUOSHI_WORKERS", args.workers, env, 2 * cpus + 1),
        "threads": _positive("LUOSHI_THREADS", args.threads, env, 2),
        "worker_class": "gthread",
        "timeout": _positive("LUOSHI_TIMEOUT", args.timeout, env, 60),
        # Behind the proxy: its X-Forwarded-* are believed only from the addresses listed
        # (gunicorn's own forwarded_allow_ips); the app's client address: LUOSHI_PROXY_HEADER.
        "forwarded_allow_ips": env.get("LUOSHI_TRUSTED_PROXIES", "127.0.0.1,::1"),
        "accesslog": env.get("LUOSHI_ACCESS_LOG") or None,
        "errorlog": "-",
        "proc_name": "luoshi",
        # gunicorn ≥ 25.1 opens a control socket in $HOME (or XDG_RUNTIME_DIR) by default: two
        # servers of one user would share it, and systemd's ProtectHome forbids it. Not used.
        "control_socket_disable": True,
    }


def run(args: argparse.Namespace) -> int:
    if args.dev:
        os.environ.setdefault("LUOSHI_DEBUG", "1")
    from luoshi.cli import setup_django

    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)
    if args.dev:
        addrport, ipv6 = address(args.host, args.port)
        call_command("runserver", addrport, use_reloader=not args.noreload, use_threading=True,
                     use_ipv6=ipv6)
        return 0
    from gunicorn.app.base import BaseApplication

    options = gunicorn_options(args)

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                if value is not None and key in self.cfg.settings:  # older gunicorns lack some
                    self.cfg.set(key, value)

        def load(self):
            from luoshi.wsgi import application

            return application

    debug = _("调试开启") if settings.DEBUG else _("调试关闭")
    print("luoshi: " + _("http://%(bind)s/ — gunicorn,%(workers)s 个进程 × 每进程 %(threads)s 个线程,"
                         "%(debug)s")
          % {"bind": options["bind"][0], "workers": options["workers"],
             "threads": options["threads"], "debug": debug}, flush=True)
    Server().run()
    return 0
