"""The command line's messages (and the views' messages to people) can be read in English: the
catalog has them, and LUOSHI_LANGUAGE picks it for the command line.

The catalog is compiled by the ``locale_dir`` fixture (tests/i18n/conftest.py).
"""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import pytest
from django.utils import translation

from luoshi.cli import main

REPO = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((REPO / "luoshi" / "cli").glob("*.py")),
           REPO / "luoshi" / "search" / "management" / "commands" / "reindex.py",
           *sorted((REPO / "luoshi" / "web" / "views").glob("*.py")),
           REPO / "luoshi" / "rounds" / "views.py"]


def marked_messages() -> list[tuple[str, str]]:
    """(file:line, message) of every ``_("…")`` / ``gettext("…")`` in the command line and
    the views."""
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in {"_", "gettext"} and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.append((f"{path.name}:{node.lineno}", node.args[0].value))
    return found


def test_every_cli_message_has_its_english(locale_dir):
    catalog = gettext.GNUTranslations(
        (locale_dir / "en" / "LC_MESSAGES" / "django.mo").open("rb"))
    messages = marked_messages()
    assert len(messages) > 100  # the scan sees the commands' messages
    assert any(where.startswith("corrections.py:") for where, _text in messages)  # and views'
    untranslated = [f"{where}: {text!r}" for where, text in messages
                    if catalog.gettext(text) == text]
    assert not untranslated, "add these to luoshi/locale/en/…/django.po:\n" + "\n".join(untranslated)


@pytest.fixture
def english(locale_dir, settings, monkeypatch):
    settings.LOCALE_PATHS = [locale_dir]  # resets Django's translation caches
    monkeypatch.setenv("LUOSHI_LANGUAGE", "en")
    yield
    translation.deactivate()


@pytest.mark.django_db
def test_chinese_by_default_english_with_luoshi_language(locale_dir, settings, capsys):
    settings.LOCALE_PATHS = [locale_dir]
    assert main(["analyze", "424242"]) == 1
    assert capsys.readouterr().err == "luoshi analyze: 没有报告 #424242\n"


@pytest.mark.django_db
def test_english_follows(english, capsys):
    assert main(["analyze", "424242"]) == 1
    assert capsys.readouterr().err == "luoshi analyze: no report #424242\n"
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "index: in step with the data\n"


@pytest.mark.django_db
def test_a_views_message_follows_the_language(locale_dir, settings, supervisor_client):
    """A view's message (marked in the view, not in a template) is Chinese by default and
    English for a browser that asks for English (LocaleMiddleware, Accept-Language)."""
    from django.urls import reverse

    settings.LOCALE_PATHS = [locale_dir]
    try:
        zh = supervisor_client.post(reverse("import_confirm"), {})
        en = supervisor_client.post(reverse("import_confirm"), {}, HTTP_ACCEPT_LANGUAGE="en")
    finally:
        translation.deactivate()
    assert zh.status_code == en.status_code == 400
    assert "确认表单无效,请重新上传文件。" in zh.content.decode()
    assert ("The confirmation form is invalid; please upload the file again."
            in en.content.decode())
