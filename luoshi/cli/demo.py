"""`luoshi demo [--if-empty] [--tasks N] [--seed S]`: load generated sample plans.

The sample tables (see ``luoshi.sample``) go through the same import service as real files, so
the demo database looks exactly like one filled by ``luoshi import``. When the database has no
users yet, the demo also creates one user of each role with a password made up at random for
this load (printed once, and kept in ``LUOSHI_DATA_DIR/demo-logins.txt``, mode 0600), and opens
a reporting round that is partly filled (:mod:`luoshi.rounds.demo`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from luoshi.cli import _

# (government, year, periods, layout): a city and one of its districts, two years.
DEMO_SET = (  # i18n: data (made-up governments' names)
    ("安澜市", 2023, ("q1", "h1", "q3", "annual"), "six"),
    ("安澜市", 2024, ("q1", "h1", "q3"), "six"),
    ("安澜市东湖区", 2023, ("h1", "q3", "annual"), "three"),
    ("安澜市东湖区", 2024, ("q1", "h1"), "six"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="load generated sample plans (made-up governments 安澜市 and 安澜市东湖区)",
        description="Load generated sample plans and their periodic tables through the importer. "
        "Applies pending database migrations first. Loading twice changes nothing.",
    )
    p.add_argument("--if-empty", action="store_true",
                   help="do nothing when the database already has reports")
    p.add_argument("--tasks", type=int, default=40, metavar="N",
                   help="tasks per plan (default 40)")
    p.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    p.add_argument("--url", default="http://127.0.0.1:8000", metavar="URL",
                   help="where the site will be served, for the login address printed "
                        "(default http://127.0.0.1:8000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.tasks < 1:
        print("luoshi demo: " + _("--tasks 至少为 1"), file=sys.stderr)
        return 2
    from luoshi.cli import setup_django

    setup_django()
    from luoshi.core.schema import ensure_migrated

    ensure_migrated()
    from luoshi.cli.importer import result_words
    from luoshi.core.models import Report
    from luoshi.core.services.importing import import_document
    from luoshi.sample import generate_plan

    if args.if_empty and Report.objects.exists():
        print("luoshi demo: " + _("数据库中已有报告,未加载示例数据"))
        _point_to_logins()
        return 0
    loaded = 0
    for offset, (government, year, periods, layout) in enumerate(DEMO_SET):
        docs = generate_plan(args.seed + offset, government, year, args.tasks, periods, layout)
        for doc in docs:
            result = import_document(doc, file_name=doc.source_name)
            loaded += result.changed
            print(f"{doc.source_name}: {result_words(result, doc)}")
    print("luoshi demo: " + _("已加载示例表 %(n)s 张") % {"n": loaded})
    _people_and_round(args.url)
    return 0


LOGINS_FILE = "demo-logins.txt"


def logins_path() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR) / LOGINS_FILE


def _point_to_logins() -> None:
    if logins_path().exists():
        print("luoshi demo: " + _("演示账号见 %(path)s") % {"path": logins_path()})


def _people_and_round(url: str) -> None:
    from luoshi.rounds.demo import load_people_and_round

    result = load_people_and_round()
    if result is None:
        print("luoshi demo: " + _("数据库中已有用户,未创建演示用户"))
        _point_to_logins()
        return
    text = logins_text(result, url)
    write_private(logins_path(), text)
    print(text, end="")
    print(_("(已保存在 %(path)s,仅您本人可读)") % {"path": logins_path()})


def state_words(state: str) -> str:
    return {"submitted": _("已提交"), "returned": _("已退回(附意见)"), "approved": _("已审核通过"),
            "boilerplate": _("只有套话(已确认提醒)")}[state]


def logins_text(result, url: str) -> str:
    from django.utils import timezone

    login_url = url.rstrip("/") + "/accounts/login/"
    lines = ["", _("演示用户 — 登录地址 %(url)s") % {"url": login_url},
             _("密码(所有用户相同):%(password)s") % {"password": result.password}]
    for login in result.logins:
        units = f"  {'、'.join(login.units)}" if login.units else ""
        lines.append(f"  {login.username:<10} {login.label}{units}")
    report = result.report
    if report is not None:
        states = ", ".join(f"{state_words(state)} {n}" for state, n in result.states.items())
        deadline = timezone.localtime(report.deadline)
        lines.append(_("进行中的填报:%(report)s(#%(id)s),截止 %(deadline)s;条目:%(states)s;"
                       "其余未填")
                     % {"report": report, "id": report.pk,
                        "deadline": f"{deadline:%Y-%m-%d %H:%M}", "states": states or _("无")})
        lines.append(f"  {url.rstrip('/')}/rounds/reports/{report.pk}/")
    return "\n".join(lines) + "\n"


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to a file only its owner may read (it holds a password)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an older file keeps its mode through O_CREAT
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
