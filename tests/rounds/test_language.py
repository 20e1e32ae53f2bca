"""The round pages and the status vocabulary follow the reader's language: the round forms'
labels and fixed choices are lazy translations (luoshi.rounds.forms), the vocabulary's labels
are Chinese data marked for the catalog and translated where a page shows them
(luoshi.web.statuses.shown_status); the English catalog gives each in English."""

from __future__ import annotations

import re

import pytest
from django.forms import ChoiceField
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from i18n.conftest import locale_dir  # noqa: F401  (the English catalog, compiled by msgfmt)

from luoshi.rounds import forms as round_forms
from luoshi.vocab import LIGHT_LABELS, PERIOD_KIND_LABELS, STATUS_LABELS, Status, UnitRole
from luoshi.web.statuses import STATUS_CHOICES, shown_status, status_label
from luoshi.web.templatetags.luoshi_web import status_label as status_filter

ROUND_FORMS = [round_forms.OpenRoundForm, round_forms.ExtendForm, round_forms.EntryForm,
               round_forms.ContributionForm, round_forms.SubmitForm, round_forms.ReturnForm,
               round_forms.RequestForm, round_forms.DecideForm, round_forms.TaskForm,
               round_forms.TargetForm, round_forms.CloseForm, round_forms.MilestoneForm,
               round_forms.MergeForm]
HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character (punctuation such as 、 aside)
VOCAB_LABELS = [*STATUS_LABELS.values(), *PERIOD_KIND_LABELS.values(), *LIGHT_LABELS.values(),
                *(r.label for r in UnitRole)]


def round_words() -> list[tuple[str, object]]:
    """(where, text) of every label and fixed choice a person reads in the round forms."""
    out = []
    for form in ROUND_FORMS:
        for name, field in form.base_fields.items():
            if field.widget.is_hidden:
                continue
            if field.label is not None:
                out.append((f"{form.__name__}.{name}", field.label))
            if isinstance(field, ChoiceField) and not hasattr(field, "queryset"):  # data's menus
                out += [(f"{form.__name__}.{name}[{value}]", label)
                        for value, label in field.choices if label != "—"]
    return out


def test_round_form_words_are_lazy_and_chinese():
    words = round_words()
    assert len(words) > 35
    bad = [f"{w}: {t!r}" for w, t in words if not isinstance(t, Promise) or str(t).isascii()]
    assert not bad, "\n".join(bad)


def test_english_catalog_gives_every_round_form_word_and_vocabulary_label(locale_dir, settings):  # noqa: F811
    settings.LOCALE_PATHS = [locale_dir]
    with translation.override("en"):
        left = [f"{w}: {t}" for w, t in round_words() if HAN.search(str(t))]
        left += [label for label in VOCAB_LABELS if HAN.search(translation.gettext(label))]
    assert not left, "without English in luoshi/locale/en:\n" + "\n".join(left)


def test_status_labels_follow_the_language_and_stay_chinese_as_data(locale_dir, settings):  # noqa: F811
    settings.LOCALE_PATHS = [locale_dir]
    with translation.override("en"):
        assert shown_status("behind") == status_filter("behind") == "Behind"
        assert [str(label) for _v, label in STATUS_CHOICES][:3] == ["Done", "On track", "Behind"]
        assert status_label("behind") == STATUS_LABELS[Status.BEHIND] == "滞后"  # CSV, documents
    with translation.override("zh-hans"):
        assert shown_status("behind") == status_filter("behind") == "滞后"
        assert str(dict(STATUS_CHOICES)["at_risk"]) == "有风险"
    assert shown_status("") == "" and shown_status("nonsense") == ""


@pytest.mark.parametrize(("language", "present", "absent"), [
    ("en", ["Progress made", "Problems and difficulties", "Next steps"], [">存在问题及困难<"]),
    # A hidden field (the version) gets no label: Django would write its English name.
    ("zh-hans", ["完成情况", "存在问题及困难", "下一步工作", 'name="version"'],
     ["Problems and difficulties", "Version"]),
])
def test_entry_page_in_the_readers_language(opened, people, client_for, locale_dir, settings,  # noqa: F811
                                            language, present, absent):
    settings.LOCALE_PATHS = [locale_dir]
    p = opened.entry[opened.roads.pk]
    html = client_for(people.reform).get(reverse("round_entry", args=[p.pk]),
                                         HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert all(word in html for word in present), [w for w in present if w not in html]
    assert not [w for w in absent if w in html]


@pytest.mark.parametrize(("language", "kinds"), [
    ("en", ["Q1", "First half", "First three quarters", "Full year", "Monthly"]),
    ("zh-hans", ["一季度", "半年度", "前三季度", "全年", "月度"]),
])
def test_open_round_page_names_the_periods_in_the_readers_language(
        rp, people, client_for, locale_dir, settings, language, kinds):  # noqa: F811
    settings.LOCALE_PATHS = [locale_dir]
    html = client_for(people.supervisor).get(reverse("round_open"),
                                             HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert all(f">{k}</option>" in html for k in kinds), [k for k in kinds if k not in html]
