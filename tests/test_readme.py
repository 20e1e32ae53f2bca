"""The README keeps up with the code: every `luoshi` sub-command is in its command table."""

from __future__ import annotations

from shared_docs import REPO

from luoshi.cli import build_parser


def test_every_command_is_in_the_readme_table():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith("| `luoshi ")]
    documented = {line.split()[2].rstrip("`") for line in table}
    commands = set(build_parser()._subparsers._group_actions[0].choices)
    assert commands - documented == set(), "commands missing from README's table"
    assert documented - commands == set(), "README lists commands that do not exist"


def test_readme_gives_the_two_commands_first():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("## ")]
    assert "make run" in head and "make test" in head
