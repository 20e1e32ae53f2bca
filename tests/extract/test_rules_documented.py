"""docs/analysis.md and the rules package luoshi/extract/rules/ stay in step (issue 10): every rule constant
has a row in the rules reference of the docs, and every rule name the docs mention exists.

In the manner of datasette's documentation tests: the module is the list of what must be
documented, the document is parsed for what is."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "luoshi" / "extract" / "rules"  # a package of data modules
DOCS = REPO / "docs" / "analysis.md"
REFERENCE = "## Rules reference"


def rule_names() -> list[str]:
    """Public module-level names assigned in the rules package's modules."""
    names = []
    body = [n for f in sorted(RULES.glob("*.py")) for n in ast.parse(f.read_text(encoding="utf-8")).body]
    for node in body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        names += [t.id for t in targets if isinstance(t, ast.Name) and not t.id.startswith("_")]
    return names


def reference_rows() -> list[str]:
    """Names with a row of their own in the rules reference ("| `NAME` | what | example |")."""
    text = DOCS.read_text(encoding="utf-8")
    assert REFERENCE in text, f"docs/analysis.md has no section {REFERENCE!r}"
    section = text.split(REFERENCE, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", section, flags=re.M)


def mentioned() -> set[str]:
    """Rule-like names the whole document mentions: `NAME` or `rules.NAME` in backticks (a
    name qualified by another module, `permissions.READ_VERDICTS`, is not a rule, nor a
    placeholder in a command line)."""
    text = DOCS.read_text(encoding="utf-8")
    out = set()
    for code in re.findall(r"`([^`\n]+)`", text):
        m = re.fullmatch(r"(?:rules\.)?([A-Z][A-Z0-9_]*[A-Z0-9])", code)
        if m:
            out.add(m.group(1))
    return out


def test_every_rule_has_a_row_in_the_reference():
    missing = [n for n in rule_names() if n not in set(reference_rows())]
    assert not missing, f"rules package constants without a row in docs/analysis.md: {missing}"


def test_every_row_names_a_rule_once():
    rows = reference_rows()
    names = set(rule_names())
    assert [r for r in rows if r not in names] == [], "rows naming no constant of the rules package"
    assert len(rows) == len(set(rows)), "a constant with two rows"


def test_every_rule_name_the_docs_mention_exists():
    names = set(rule_names())
    stale = sorted(n for n in mentioned() if n not in names)
    assert not stale, f"docs/analysis.md mentions rules that the rules package does not have: {stale}"


def test_rows_say_what_and_why():
    text = DOCS.read_text(encoding="utf-8").split(REFERENCE, 1)[1]
    for row in re.findall(r"^\| `[A-Z][A-Z0-9_]*` \|.*$", text, flags=re.M):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 3 and len(cells[1]) >= 15, row


def test_the_package_is_one_namespace():
    """Every name a module of the package defines is reached as rules.NAME."""
    from luoshi.extract import rules

    assert [n for n in rule_names() if not hasattr(rules, n)] == []


@pytest.mark.parametrize("name", ["PACE_AMBER", "LOWER_TO", "RANK_MEASURED_BARE", "YEAR_PLAN"])
def test_the_test_sees_known_rules(name):
    # guards the parsers above: an empty list would pass the first test
    assert name in rule_names() and name in reference_rows()
    assert "DECLARED_SHARE_MAX" in mentioned()  # named in the prose, outside the reference
