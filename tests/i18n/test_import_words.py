"""The web import's preview words (what confirming would do, where each field's value came
from) are written by the worker, which does not know who will read them: they are stored as
messages and translated when the page is shown — Chinese by default, English for a browser
asking for it (with the compiled catalog), the title filled in either way."""

from __future__ import annotations

import pytest
from django.urls import reverse
from web_import import preview

from luoshi.export import write_document
from luoshi.sample import generate_plan

pytestmark = pytest.mark.django_db


def test_preview_words_follow_the_readers_language(supervisor_client, locale_dir, settings,
                                                   tmp_path):
    settings.DATA_DIR = tmp_path
    settings.LOCALE_PATHS = [locale_dir]
    data = write_document(generate_plan(5, "安澜市", 2023, 4, periods=("h1",))[0], "html")
    job, html = preview(supervisor_client, data, "t.html")
    title = job.result["title"]
    assert title and "将作为新的落实情况表导入。" in html and "新任务" in html
    assert f"读自标题“{title}”" in html
    english = supervisor_client.get(reverse("import_job", args=[job.pk]),
                                    HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Will be imported as a new progress table." in english and "New tasks" in english
    assert f"read from the title “{title}”" in english
    assert "将作为新的落实情况表导入" not in english and "读自标题" not in english


def test_a_text_stored_before_it_was_a_message_shows_as_it_was():
    from luoshi.web.templatetags.luoshi_web import stored_text

    assert stored_text("读自标题“某市2023年(100%)”", {"title": "x"}) == "读自标题“某市2023年(100%)”"
    assert stored_text("读自标题“%(title)s”", {"title": "某市"}) == "读自标题“某市”"
    assert stored_text("读自标题“%(title)s”", {}) == "读自标题“%(title)s”"
