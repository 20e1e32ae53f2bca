"""`luoshi manage COMMAND [ARGS...]`: Django's manage.py for an installed luoshi.

A deployment installed from the package has no manage.py; this is the same thing with luoshi's
settings: `luoshi manage migrate`, `luoshi manage collectstatic --noinput`,
`luoshi manage createsuperuser`, `luoshi manage check --deploy`.
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("manage", help="Django's manage.py commands (migrate, collectstatic …)",
                       description=__doc__.split("\n\n", 1)[1],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="COMMAND [ARGS...]")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["luoshi manage", *args.args])
    return 0
