"""`luoshi users add NAME --role ROLE [--unit UNIT …]`, `luoshi users bind NAME UNIT`,
`luoshi users list`: accounts and their roles (issue 6)."""

from __future__ import annotations

import argparse
import getpass
import sys

from luoshi.cli import _


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="add users with a role, bind liaisons to units",
                       description="Manage accounts: admin, supervisor (督查室), liaison "
                       "(单位联络员, bound to units) and leader (领导).")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", help="create a user with a role")
    add.add_argument("name")
    add.add_argument("--role", required=True,
                     choices=["admin", "supervisor", "liaison", "leader"])
    add.add_argument("--unit", action="append", default=[], metavar="UNIT",
                     help="unit name (repeatable; liaisons only)")
    add.add_argument("--government", help="the government of the units, if names are ambiguous")
    add.add_argument("--email", default="")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input (else: prompt, or unusable "
                          "when not a terminal)")
    add.set_defaults(func=run_add)
    bind = actions.add_parser("bind", help="bind a liaison to one more unit")
    bind.add_argument("name")
    bind.add_argument("unit")
    bind.add_argument("--government")
    bind.set_defaults(func=run_bind)
    listing = actions.add_parser("list", help="list users with their roles and units")
    listing.set_defaults(func=run_list)


def _setup() -> None:
    from luoshi.cli import setup_django

    setup_django()
    from luoshi.core.schema import ensure_migrated

    ensure_migrated()


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n") or None
    if sys.stdin.isatty():
        return getpass.getpass(_("%(name)s 的密码:") % {"name": args.name}) or None
    return None


def run_add(args: argparse.Namespace) -> int:
    _setup()
    from luoshi.rounds.accounts import AccountError, add_user, find_unit

    try:
        units = [find_unit(name, args.government) for name in args.unit]
        add_user(args.name, args.role, units=units, password=_password(args), email=args.email)
    except AccountError as error:
        print(f"luoshi users add: {error}", file=sys.stderr)
        return 2
    bound = _(",绑定 %(units)s") % {"units": "、".join(args.unit)} if args.unit else ""
    print(_("已创建用户 %(name)s(%(role)s)%(bound)s")
          % {"name": args.name, "role": args.role, "bound": bound})
    return 0


def run_bind(args: argparse.Namespace) -> int:
    _setup()
    from luoshi.rounds.accounts import AccountError, bind_unit, find_unit

    try:
        bind_unit(args.name, find_unit(args.unit, args.government))
    except AccountError as error:
        print(f"luoshi users bind: {error}", file=sys.stderr)
        return 2
    print(_("已将 %(name)s 绑定到 %(unit)s") % {"name": args.name, "unit": args.unit})
    return 0


def run_list(args: argparse.Namespace) -> int:
    _setup()
    from django.contrib.auth import get_user_model

    from luoshi.rounds.permissions import role_of

    for user in get_user_model().objects.order_by("username"):
        profile = getattr(user, "luoshi_profile", None)
        units = "、".join(u.name for u in profile.units.all()) if profile else ""
        print(f"{user.username}\t{role_of(user)}\t{units}")
    return 0
