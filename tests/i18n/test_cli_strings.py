"""Every message luoshi's command line prints is marked for translation (luoshi/cli/__init__.py),
and so is every message a view shows a person (``messages``, JSON errors, labels it passes to a
template: ``luoshi/web/views``, ``luoshi/rounds/views.py``).

The rule, applied to every module of ``luoshi/cli`` and to those views (the Python counterpart
of tests/i18n_rules.py for templates):

A string literal (or the literal part of an f-string) is a **message** when it contains a letter
(Unicode category L*: Han, Latin, …) and is none of

- a docstring;
- help for ``--help``: inside a call that builds the argument parser (``add_parser``,
  ``add_argument``, ``ArgumentParser``, ``add_subparsers``, …), an ``argparse.ArgumentTypeError``
  (argparse prints it inside its own English usage error), or the module constant ``EPILOG``
  (--help is English throughout, one rule for every command: README, "Language");
- a *name*, the same in every language: ASCII without whitespace (``luoshi.settings``,
  ``--noinput``, ``LUOSHI_DEBUG``, ``utf-8``, ``created``), or a command (``luoshi``
  followed by sub-command words and options, optionally ``": "``: the prefix of an error
  line);
- the format spec of an f-string field (``{when:%Y-%m-%d %H:%M}``);
- data, said so on its statement with the comment ``# i18n: data`` (made-up sample
  governments, a period's stored label);
- the argument of a translation call (``_``, ``gettext``, ``ngettext``, ``pgettext``), which
  must itself be plain literals (no f-string, no variable) and must not sit inside an f-string's
  ``{…}`` (xgettext does not look there), or makemessages cannot extract it.

A module passes when it has no message outside a translation call and every translation call is
extractable. The self-test at the bottom shows the rule failing on code that breaks it.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLI = REPO / "luoshi" / "cli"
VIEWS = [*sorted((REPO / "luoshi" / "web" / "views").glob("*.py")),
         REPO / "luoshi" / "rounds" / "views.py"]
PARSER_CALLS = {"add_parser", "add_argument", "ArgumentParser", "add_subparsers",
                "add_argument_group", "add_mutually_exclusive_group", "ArgumentTypeError"}
HELP_CONSTANTS = {"EPILOG"}
TRANSLATE_CALLS = {"_", "gettext", "ngettext", "pgettext", "gettext_lazy"}
PROGRAM_NAME = re.compile(r"luoshi( [a-z-]+)*(: ?)?")
DATA_PRAGMA = "# i18n: data"


def has_word(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def is_name(text: str) -> bool:
    return (text.isascii() and not any(ch.isspace() for ch in text)) \
        or PROGRAM_NAME.fullmatch(text) is not None


def _call_name(node: ast.Call) -> str:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def _docstrings(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def problems(source: str, name: str = "<source>") -> list[str]:
    """``file:line: 'text'`` for each unmarked message and each unextractable translation call."""
    tree = ast.parse(source)
    lines = source.splitlines()
    skip = _docstrings(tree)
    found: list[tuple[int, str]] = []

    def skip_all(node: ast.AST) -> None:
        skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fname = _call_name(node)
            if fname in PARSER_CALLS:
                skip_all(node)
            elif fname in TRANSLATE_CALLS:
                for arg in node.args:
                    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                        found.append((node.lineno, f"{name}:{node.lineno}: {fname}() of "
                                      f"{ast.unparse(arg)!r}: not a plain literal"))
                skip_all(node)
        elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id in HELP_CONSTANTS for t in node.targets):
            skip_all(node)
        elif isinstance(node, ast.FormattedValue):
            if node.format_spec is not None:
                skip_all(node.format_spec)
            for inner in ast.walk(node.value):
                if isinstance(inner, ast.Call) and _call_name(inner) in TRANSLATE_CALLS:
                    found.append((inner.lineno, f"{name}:{inner.lineno}: {_call_name(inner)}() "
                                                "inside an f-string: not extracted"))
        elif isinstance(node, ast.stmt) and not isinstance(
                node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.If | ast.For
                | ast.While | ast.With | ast.Try):
            # A simple statement (with its continuation lines) that says it holds data.
            if any(DATA_PRAGMA in line for line in lines[node.lineno - 1:node.end_lineno]):
                skip_all(node)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in skip and has_word(node.value) and not is_name(node.value)):
            found.append((node.lineno, f"{name}:{node.lineno}: {node.value!r}"))
    return [text for _line, text in sorted(found, key=lambda f: f[0])]


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_cli_messages_are_marked(path):
    found = problems(path.read_text(encoding="utf-8"), str(path.relative_to(CLI.parents[1])))
    assert not found, "CLI messages not marked for translation (_()):\n" + "\n".join(found)


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: str(p.relative_to(REPO / "luoshi")))
def test_view_messages_are_marked(path):
    found = problems(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))
    assert not found, "view messages not marked for translation (gettext):\n" + "\n".join(found)


BROKEN = '''
"""Docstrings are not messages."""
import sys
from luoshi.cli import _

def run(args, report, n):
    p.add_argument("--all", help="analyse every report")
    print(f"no report #{n}", file=sys.stderr)                     # unmarked: found
    print("luoshi analyze: " + _("没有报告 #%(id)s") % {"id": n})  # marked, prefix a name
    print(_(f"报告 {n}"))                                          # not extractable: found
    print("已完成", n)                                              # Chinese unmarked: found
    when = f"{n:%Y-%m-%d %H:%M}"
    print(f"{_('无法送达')}\t{n}")                                  # inside f-string: found
    GOVERNMENTS = ("安澜市",)  # i18n: data
    return call("collectstatic", "luoshi.settings", "--noinput")
'''


def test_the_rule_finds_what_breaks_it():
    found = problems(BROKEN, "x.py")
    assert [f.split(": ", 1)[0] for f in found] == ["x.py:8", "x.py:10", "x.py:11", "x.py:13"]
    assert "'no report #'" in found[0] and "not a plain literal" in found[1]
    assert "'已完成'" in found[2] and "inside an f-string" in found[3]


@pytest.mark.parametrize(("text", "name"), [
    ("luoshi.settings", True), ("--noinput", True), ("luoshi import: ", True),
    ("luoshi users add", True), ("luoshi check --fix", True), ("no report", False), ("已完成", False), ("warning: ", False),
])
def test_what_counts_as_a_name(text, name):
    assert is_name(text) is name
