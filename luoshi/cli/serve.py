"""`luoshi serve [--host H] [--port P]`: run the web app.

Django's threaded development server without the auto-reloader; static files are served by
WhiteNoise (from the apps' static directories when LUOSHI_DEBUG is on, otherwise collected to
STATIC_ROOT first). For a public deployment put a WSGI server behind a proxy instead.
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="run the web app (http://127.0.0.1:8000 by default)",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(func=run)


def address(host: str, port: int) -> tuple[str, bool]:
    """runserver's addrport argument, and whether it is IPv6."""
    if ":" in host:
        return f"[{host.strip('[]')}]:{port}", True
    return f"{host}:{port}", False


def run(args: argparse.Namespace) -> int:
    from luoshi.cli import setup_django

    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)
    addrport, ipv6 = address(args.host, args.port)
    call_command("runserver", addrport, use_reloader=False, use_threading=True, use_ipv6=ipv6)
    return 0
