"""Template filters of the pages."""

from __future__ import annotations

from django import template

from luoshi.web.statuses import shown_status

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """状态 label of a status value in the page's language (滞后 for behind); empty for none."""
    return shown_status(value or "")


@register.filter
def change_model(value: str) -> str:
    """What a history record is about, in words (progress → 进展情况); one table for every
    page (luoshi.rounds.history)."""
    from luoshi.rounds.history import model_words

    return model_words(value)


@register.filter
def field_label(value: str) -> str:
    """A changed field's name in words (done → 完成情况, target:40 → 填报值), never the code
    name (luoshi.rounds.history.field_words)."""
    from luoshi.rounds.history import field_words

    return field_words(value)


@register.simple_tag
def report_rows(table, task_links=True):
    """A published table's row groups (luoshi.web.report_rows: written in one pass)."""
    from luoshi.web.report_rows import table_body_html

    return table_body_html(table, task_links)

@register.filter
def stored_text(message: str, params: dict | None = None) -> str:
    """A message a background job stored untranslated (its gettext_noop msgid, e.g. the web
    import's preview words), in the reader's language when the page is shown; ``%(name)s``
    placeholders are filled from ``params`` (the job's result). A text stored before it was a
    message (no msgid in the catalog) comes back as it was."""
    from django.utils.translation import gettext

    text = gettext(str(message))
    if params and "%(" in text:
        try:
            return text % params
        except (KeyError, TypeError, ValueError):
            return text
    return text
