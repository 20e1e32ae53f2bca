"""The web's forms speak the page's language: every word of luoshi.web.forms a person reads —
each field's label and help text, a search box's placeholder, a menu's empty choice and the
fixed choices of its menus — is a lazy translation (gettext_lazy), so that it is decided when
the form is shown; and the English catalog gives every one of them in English.

Choices built from data (plans, periods, units, the status vocabulary luoshi.vocab holds) are
not this module's words and are not checked here.
"""

from __future__ import annotations

import pytest
from django import forms
from django.utils.functional import Promise

from luoshi.web import forms as web_forms

FORMS = [web_forms.TaskFilterForm, web_forms.UploadForm, web_forms.ConfirmForm]
FIXED_CHOICES = {"SORTS": web_forms.SORTS, "ROLES": web_forms.ROLES,
                 "PERIOD_CHOICES": web_forms.PERIOD_CHOICES}


def words(form_class) -> list[tuple[str, object]]:
    """(where, text) for each word a person reads in a form class's fields."""
    out = []
    for name, field in form_class.base_fields.items():
        if isinstance(field.widget, forms.HiddenInput):
            continue
        out.append((f"{form_class.__name__}.{name}.label", field.label))
        if field.help_text:
            out.append((f"{form_class.__name__}.{name}.help_text", field.help_text))
        if placeholder := field.widget.attrs.get("placeholder"):
            out.append((f"{form_class.__name__}.{name}.placeholder", placeholder))
        if getattr(field, "empty_label", None):
            out.append((f"{form_class.__name__}.{name}.empty_label", field.empty_label))
    return out


def fixed_choices() -> list[tuple[str, object]]:
    return [(f"{menu}[{value!r}]", label) for menu, choices in FIXED_CHOICES.items()
            for value, label in choices if label != "—"]


def every_word() -> list[tuple[str, object]]:
    return [p for form in FORMS for p in words(form)] + fixed_choices()


def unmarked(pairs) -> list[str]:
    return [f"{where}: {str(text)!r}" for where, text in pairs
            if not isinstance(text, Promise) or str(text).isascii()]


def test_every_word_is_chinese_and_lazy():
    pairs = every_word()
    assert len(pairs) > 30
    assert not unmarked(pairs), "\n".join(unmarked(pairs))


def test_the_rule_can_fail():
    class Plain(forms.Form):
        name = forms.CharField(label="名称", help_text="help")

    assert unmarked(words(Plain)) == ["Plain.name.label: '名称'", "Plain.name.help_text: 'help'"]


def test_english_follows(locale_dir, settings):
    from django.utils import translation

    settings.LOCALE_PATHS = [locale_dir]
    with translation.override("en"):
        left = [f"{where}: {text}" for where, text in every_word() if not str(text).isascii()]
    assert not left, "words without English in luoshi/locale/en:\n" + "\n".join(left)


@pytest.mark.django_db
def test_the_import_page_shows_them(admin_client):
    html = admin_client.get("/import/").content.decode()
    assert "落实情况表文件" in html and "先预览,确认后才导入" in html
