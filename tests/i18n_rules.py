"""Which strings of a Django template a user sees, and whether each is marked for translation.

The rule (applied to every template the project ships by tests/i18n/test_template_strings.py):

A **user-visible string** is any run of text in a template's HTML that contains a letter
(a Unicode character of category L*: Han, Latin, …) and is either

- a text node outside ``<script>`` and ``<style>``, or
- the value of an attribute a person reads or hears: ``title``, ``alt``, ``placeholder``,
  ``aria-label``, ``aria-description``, ``aria-roledescription``, ``label``, ``summary``, and
  ``value`` on ``<input type="submit|button|reset">``,

after the template's own syntax is taken out: ``{{ variables }}`` and ``{% tags %}`` (which
includes ``{% translate "…" %}``) count as no text, and so do the contents of
``{% blocktranslate %}…{% endblocktranslate %}``, ``{% comment %}…{% endcomment %}`` and
``{# … #}``. A string is **marked** when nothing of it is left once those are taken out, so a
template passes when no user-visible string remains. Punctuation, digits and symbols alone
(``·``, ``—``, ``:``, ``(3)``) are not words and need no translation, nor is a string that is
only the name of a file format (``NAMES``: CSV, PDF, …), the same in every language.

A filter's string argument that is shown in place of a value — ``default``,
``default_if_none``, ``yesno`` (``{{ r.sent_by|default:"命令行" }}``) — is user-visible too when
it has a letter; it is marked by passing a translated variable instead
(``{% translate "命令行" as cli %}`` … ``|default:cli``). Other filters' arguments are formats
or names (``date:"Y-m-d"``), not words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

READ_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description",
                   "aria-roledescription", "label", "summary"}
BUTTON_INPUTS = {"submit", "button", "reset"}
# Names that are the same in every language (file formats): not words to translate.
NAMES = {"CSV", "XLSX", "XLS", "DOCX", "PDF", "JSON", "HTML", "Markdown", "API", "OpenAPI"}
# Django's blocks whose content is not shown text, by opening tag name -> closing tag name.
# Filters whose string argument is shown instead of the value (see the rule above).
SHOWN_ARGUMENT = re.compile(r"""\|\s*(?:default|default_if_none|yesno)\s*:\s*(["'])(.*?)\1""")
SKIPPED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans",
                  "comment": "endcomment"}


@dataclass(frozen=True)
class Unmarked:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def has_word(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def _blank(text: str) -> str:
    """Template syntax replaced by a space, its line breaks kept (so lines still match)."""
    return " " + "\n" * text.count("\n")


def strip_template(source: str) -> str:
    """The template's HTML with every template construct (and skipped block) blanked out."""
    out: list[str] = []
    closing: str | None = None
    for token in Lexer(source).tokenize():
        raw = token.token_type
        if raw == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            if closing is None and name in SKIPPED_BLOCKS:
                closing = SKIPPED_BLOCKS[name]
            elif closing is not None and name == closing:
                closing = None
            out.append(_blank(token.contents))
        elif raw == TokenType.TEXT and closing is None:
            out.append(token.contents)
        else:
            out.append(_blank(token.contents))
    return "".join(out)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._raw_depth = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._raw_depth += 1
        attributes = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            read = name in READ_ATTRIBUTES or (
                name == "value" and tag == "input"
                and (attributes.get("type") or "").lower() in BUTTON_INPUTS)
            if read and has_word(value) and value.strip() not in NAMES:
                self.found.append((self.getpos()[0], value.strip()))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in {"script", "style"}:
            self._raw_depth -= 1

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._raw_depth:
            self._raw_depth -= 1

    def handle_data(self, data):
        if self._raw_depth or not has_word(data) or data.strip() in NAMES:
            return
        # The line of the first non-blank character.
        leading = data[: len(data) - len(data.lstrip())]
        line = self.getpos()[0] + leading.count("\n")
        self.found.append((line, " ".join(data.split())))


def _shown_arguments(source: str) -> list[tuple[int, str]]:
    """(line, literal) of each shown filter argument with a word, in variables and tags."""
    found = []
    for token in Lexer(source).tokenize():
        if token.token_type in (TokenType.VAR, TokenType.BLOCK):
            found += [(token.lineno, m.group(2)) for m in SHOWN_ARGUMENT.finditer(token.contents)
                      if has_word(m.group(2))]
    return found


def unmarked_strings(path: Path) -> list[Unmarked]:
    """Every user-visible string in the template at ``path`` that is not marked for translation."""
    source = path.read_text(encoding="utf-8")
    collector = _Collector()
    collector.feed(strip_template(source))
    collector.close()
    found = sorted(collector.found + _shown_arguments(source), key=lambda pair: pair[0])
    return [Unmarked(path, line, text) for line, text in found]
