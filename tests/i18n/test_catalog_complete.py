"""The English catalog is complete: every message has its English, none is fuzzy, and each
translation keeps its message's placeholders and markup.

An empty ``msgstr`` shows the Chinese on an English page, and Django ignores a fuzzy entry, so
either leaves Chinese interface text in English. A translation that drops or renames a
``%(name)s`` or ``{name}`` raises or shows a wrong value when the page fills it in; one that
loses a tag of an HTML message breaks the page. The rule, for a ``.po`` file in GNU gettext's
format (a tiny reader below; the project does not depend on polib):

- every live entry (not ``#~`` obsolete, not the header) has every ``msgstr`` / ``msgstr[n]``
  non-empty and no ``fuzzy`` flag;
- ``msgstr`` (or ``msgstr[0]``) holds the same placeholders as ``msgid``, and ``msgstr[n]``
  (n ≥ 1) the same as ``msgid_plural``, counted as multisets: ``%(name)s`` with its conversion
  (``%(seconds).1f``, ``%(user)r``), bare ``%s`` / ``%d``, ``%%``, ``{name}``;
- the HTML tags of the message (``<span class="…">``, ``</span>``) appear in the translation
  unchanged.

The reader's count of translated entries is checked against GNU msgfmt's ``--statistics`` on
the real catalog, so a reader that skipped entries would fail rather than pass silently.

The catalog is also current with the code's Python: every string literal given to ``_``,
``N_``, ``gettext``, ``gettext_lazy`` or ``gettext_noop`` anywhere in ``luoshi/`` (migrations
aside) is a live entry. makemessages misses two kinds (``N_``, not one of its keywords, and a
call inside an f-string), which then go obsolete on a refresh; docs/i18n.md says how they are
merged back.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "luoshi"
PO = SOURCE / "locale" / "en" / "LC_MESSAGES" / "django.po"
MARKERS = {"_", "N_", "gettext", "gettext_lazy", "gettext_noop"}

PLACEHOLDER = re.compile(r"%%|%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
                         r"|%[-#0 +]*\d*(?:\.\d+)?[dirsf]|\{[A-Za-z_]\w*\}")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), "\\" + m.group(1)), text[1:-1])


def read_po(text: str) -> list[Entry]:
    """The live entries of a .po text: blocks separated by blank lines, as gettext's tools
    write them (obsolete ``#~`` entries and the header left out)."""
    entries: list[Entry] = []
    number = 1
    for block in re.split(r"\n[ \t]*\n", text):
        entry, key = Entry(line=number), None
        for offset, raw in enumerate(block.splitlines()):
            line = raw.strip()
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif not line or line.startswith("#"):
                continue
            elif line.startswith('"'):
                if key is None:
                    raise ValueError(f"line {number + offset}: a string outside an entry")
                _append(entry, key, _unquote(line))
            else:
                word, _, rest = line.partition(" ")
                match = re.fullmatch(r"(msgctxt|msgid|msgid_plural|msgstr)(?:\[(\d+)\])?", word)
                if not match or not rest.startswith('"'):
                    raise ValueError(f"line {number + offset}: cannot read {raw!r}")
                key = (match.group(1), int(match.group(2) or 0))
                _append(entry, key, _unquote(rest), start=True)
        if key is not None and (entry.msgid or entry.msgctxt):
            entries.append(entry)
        number += block.count("\n") + 2
    return entries


def _append(entry: Entry, key: tuple[str, int], text: str, start: bool = False) -> None:
    name, index = key
    if name == "msgstr":
        entry.msgstr[index] = ("" if start else entry.msgstr.get(index, "")) + text
    else:
        setattr(entry, name, ("" if start else getattr(entry, name) or "") + text)


def problems(entries: list[Entry]) -> list[tuple[Entry, str, str]]:
    """(entry, kind, detail) for what is wrong: kind is fuzzy, untranslated, placeholders or
    markup."""
    found = []
    for e in entries:
        if "fuzzy" in e.flags:
            found.append((e, "fuzzy", ""))
        if not e.msgstr or any(not s for s in e.msgstr.values()):
            found.append((e, "untranslated", ""))
            continue
        for index, translated in sorted(e.msgstr.items()):
            source = e.msgid if index == 0 or e.msgid_plural is None else e.msgid_plural
            for kind, pattern in (("placeholders", PLACEHOLDER), ("markup", TAG)):
                want, have = Counter(pattern.findall(source)), Counter(pattern.findall(translated))
                if want != have:
                    found.append((e, kind, f"msgstr[{index}] has {sorted(have.elements())}, "
                                           f"the message {sorted(want.elements())}"))
    return found


def _po(body: str) -> str:
    return 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + body


@pytest.mark.parametrize(("body", "expected"), [
    ('msgid "保存"\nmsgstr "Save"\n', []),
    ('msgid "保存"\nmsgstr ""\n', ["untranslated"]),
    ('#, fuzzy\nmsgid "请求无效"\nmsgstr "Invalid reminder request."\n', ["fuzzy"]),
    ('#, python-format\nmsgid "共 %(n)s 个"\nmsgstr "all"\n', ["placeholders"]),
    ('#, python-format\nmsgid "共 %(n)s 个"\nmsgstr "all %(m)s"\n', ["placeholders"]),
    ('#, python-format\nmsgid "%(s).1f 秒"\nmsgstr "%(s)s s"\n', ["placeholders"]),
    ('#, python-format\nmsgid "为目标的 %(d)s%%"\nmsgstr "%(d)s"\n', ["placeholders"]),
    ('msgid "1-{m}月"\nmsgstr "Months 1-{m}"\n', []),
    ('msgid "1-{m}月"\nmsgstr "Months 1-m"\n', ["placeholders"]),
    ('msgid "已用时 <span class=\\"e\\">%(t)s</span> 秒"\nmsgstr "<span>%(t)s</span> s"\n',
     ["markup"]),
    ('msgid ""\n"两行"\n"消息"\nmsgstr ""\n"two-line "\n"message"\n', []),
    ('msgctxt "brand mark"\nmsgid "落"\nmsgstr "L"\n', []),
    ('msgid "共 %(counter)s 项"\nmsgid_plural "共 %(counter)s 项"\nmsgstr[0] "%(counter)s task"\n'
     'msgstr[1] ""\n', ["untranslated"]),
    ('msgid "共 %(counter)s 项"\nmsgid_plural "共 %(counter)s 项"\nmsgstr[0] "one task"\n'
     'msgstr[1] "%(counter)s tasks"\n', ["placeholders"]),
    ('#~ msgid "旧"\n#~ msgstr ""\n', []),
])
def test_the_rule_on_small_catalogs(body, expected):
    assert [kind for _entry, kind, _detail in problems(read_po(_po(body)))] == expected


def test_the_reader_counts_what_msgfmt_counts():
    assert shutil.which("msgfmt"), "GNU gettext's msgfmt is needed (Debian: gettext; .ci/run)"
    done = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(PO)],
                          capture_output=True, text=True, env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    said = {kind: int(n) for n, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)",
                                                   done.stderr)}
    entries = read_po(PO.read_text(encoding="utf-8"))
    translated = [e for e in entries if "fuzzy" not in e.flags
                  and e.msgstr and all(e.msgstr.values())]
    assert len(translated) == said.get("translated", 0)
    assert len(entries) == sum(said.values())


def test_the_english_catalog_is_complete_and_keeps_placeholders():
    entries = read_po(PO.read_text(encoding="utf-8"))
    assert len(entries) > 800  # the reader sees the whole catalog
    found = [f"line {e.line}: {e.msgid[:50]!r}: {kind} {detail}".rstrip()
             for e, kind, detail in problems(entries)]
    assert not found, (f"{len(found)} problems in {PO.relative_to(PO.parents[4])} "
                       "(translate, drop the fuzzy flag, keep placeholders and tags):\n"
                       + "\n".join(found))


def marked_in_python(root: Path) -> list[tuple[str, str]]:
    """(file:line, message) of every string literal passed to a gettext marker in ``root``'s
    Python (f-strings included, migrations aside)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.append((f"{path.relative_to(root)}:{node.lineno}", node.args[0].value))
    return found


def test_the_scan_sees_markers_makemessages_misses(tmp_path):
    (tmp_path / "m.py").write_text('N_("甲")\nx = f"<b>{gettext(\'乙\')}</b>"\nprint("丙")\n',
                                   encoding="utf-8")
    assert [text for _where, text in marked_in_python(tmp_path)] == ["甲", "乙"]


def test_every_message_marked_in_python_is_in_the_catalog():
    marked = marked_in_python(SOURCE)
    assert len(marked) > 500
    live = {e.msgid for e in read_po(PO.read_text(encoding="utf-8"))}
    missing = [f"{where}: {text!r}" for where, text in marked if text not in live]
    assert not missing, ("not in the English catalog (refresh it as docs/i18n.md says):\n"
                         + "\n".join(missing))
