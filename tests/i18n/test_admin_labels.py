"""Django's admin speaks Chinese: every luoshi model it shows, and every field of it, has a
Chinese label marked for translation (gettext_lazy), and the migrations record them.

The rule: for every luoshi model registered in the admin (and every inline model it shows), the
model's ``verbose_name`` and ``verbose_name_plural`` and the ``verbose_name`` of each of its own
fields (foreign keys and many-to-many included; the automatic ``id`` excepted: Django names it)
contain a non-ASCII letter (Chinese) and are lazy translations, so English can follow.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.utils.functional import Promise


def admin_models() -> list:
    models = set()
    for model, model_admin in admin.site._registry.items():
        models.add(model)
        models.update(inline.model for inline in getattr(model_admin, "inlines", []))
    return sorted((m for m in models if m.__module__.startswith("luoshi.")),
                  key=lambda m: m._meta.label)


def unlabelled(model) -> list[str]:
    meta = model._meta
    found = [f"{meta.label}.Meta.{name}" for name in ("verbose_name", "verbose_name_plural")
             if not isinstance(getattr(meta, name), Promise)
             or str(getattr(meta, name)).isascii()]
    for field in meta.get_fields():
        if field.auto_created and (not field.concrete or field.primary_key):
            continue  # reverse relations; Django's own id
        label = field.verbose_name
        if not isinstance(label, Promise) or str(label).isascii():
            found.append(f"{meta.label}.{field.name}: {str(label)!r}")
    return found


def test_admin_shows_the_models_it_should():
    labels = {m._meta.label for m in admin_models()}
    assert {"core.Report", "core.Progress", "core.Task", "rounds.RoundEntry",
            "rounds.ChangeRequest", "core.TaskUnit"} <= labels


@pytest.mark.parametrize("model", admin_models(), ids=lambda m: m._meta.label)
def test_every_admin_field_has_a_chinese_label(model):
    missing = unlabelled(model)
    assert not missing, "labels missing or not Chinese/lazy:\n" + "\n".join(missing)


def test_the_rule_can_fail():
    """English labels, Django's default label and a plain (untranslatable) Chinese one are
    caught; a lazy Chinese one passes."""
    from types import SimpleNamespace as Fake

    from django.utils.translation import gettext_lazy

    def field(name, label, **flags):
        return Fake(name=name, verbose_name=label, auto_created=False, concrete=True,
                    primary_key=False, **flags)

    fields = [Fake(name="id", verbose_name="ID", auto_created=True, concrete=True,
                   primary_key=True),
              field("a", gettext_lazy("名称")), field("b", "b"), field("c", "名称"),
              field("d", gettext_lazy("owner"))]
    model = Fake(_meta=Fake(label="x.Y", verbose_name=gettext_lazy("y"),
                            verbose_name_plural=gettext_lazy("乙"), get_fields=lambda: fields))
    assert unlabelled(model) == ["x.Y.Meta.verbose_name", "x.Y.b: 'b'", "x.Y.c: '名称'",
                                 "x.Y.d: 'owner'"]


@pytest.mark.django_db
def test_migrations_record_the_labels():
    """The labels are in the migrations (AlterField): nothing left for makemigrations."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_admin_pages_show_the_labels(admin_client):
    html = admin_client.get("/admin/core/task/add/").content.decode()
    assert "年度重点工作清单" in html and "所属任务" in html and "版本" in html
    html = admin_client.get("/admin/").content.decode()
    assert "落实情况表" in html and "进展情况" in html


@pytest.mark.django_db
def test_english_follows(locale_dir, settings):
    """With the English catalog every label above reads in English (none left in Chinese)."""
    from django.utils import translation

    settings.LOCALE_PATHS = [locale_dir]
    with translation.override("en"):
        left = [f"{m._meta.label}.{f.name}: {f.verbose_name}" for m in admin_models()
                for f in m._meta.get_fields()
                if not (f.auto_created and (not f.concrete or f.primary_key))
                and not str(f.verbose_name).isascii()]
        left += [f"{m._meta.label}: {label}" for m in admin_models()
                 for label in (m._meta.verbose_name, m._meta.verbose_name_plural)
                 if not str(label).isascii()]
    assert not left, "labels without English in luoshi/locale/en:\n" + "\n".join(left)
