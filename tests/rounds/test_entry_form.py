"""The entry's one form: 提交 saves what is on screen first; a conflicting save is refused and
keeps what was typed; autosave keeps typing without a version; the same length limits as the
API; the deadline, the return comment and the figures asked for at the top."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from luoshi.core.models import Change, Progress, Report, Target
from luoshi.rounds import services
from luoshi.rounds.models import EntryAutosave, EntryState, RoundEntry
from luoshi.rounds.services import TEXT_LIMIT, EntryInput

# Co-units that have not filed: the lead unit says why (issue 12).
CO_REASON = "配合单位另行报送。"


def post(client, entry, **data):
    return client.post(reverse("round_entry_save", args=[entry.pk]), data)


def state(entry) -> str:
    return RoundEntry.objects.get(pk=entry.pk).state


@pytest.fixture
def river(opened):
    return opened.entry[opened.river.pk]


def test_submit_saves_what_is_on_screen_first(opened, people, client_for, river):
    c = client_for(people.water)
    response = post(c, river, version=1, done="整治河道5处,长度3.2公里。", problems="",
                    next_steps="继续。", action="submit")
    assert response.status_code == 302
    river.refresh_from_db()
    assert river.done == "整治河道5处,长度3.2公里。" and state(river) == EntryState.SUBMITTED
    # What the office reads is what was typed.
    html = client_for(people.supervisor).get(reverse("round_entry", args=[river.pk])).content
    assert "整治河道5处,长度3.2公里。" in html.decode()


def test_submit_of_unchanged_text_needs_no_current_version(opened, people, client_for, river):
    services.save_entry(people.water, river, 1, EntryInput("整治河道5处。", "", ""))
    response = post(client_for(people.water), river, version=1, done="整治河道5处。",
                    action="submit")
    assert response.status_code == 302 and state(river) == EntryState.SUBMITTED
    # Nothing saved a second time (one history row); the submission bumped the version.
    assert Progress.objects.get(pk=river.pk).version == 3
    assert Change.objects.filter(model="progress", object_id=river.pk).count() == 1


def test_conflicting_submit_is_refused_and_keeps_what_was_typed(opened, people, client_for,
                                                                 river):
    services.save_entry(people.supervisor, river, 1, EntryInput("督查室代填。", "", ""))
    response = post(client_for(people.water), river, version=1, done="联络员的新文字。",
                    action="submit")
    assert response.status_code == 409
    html = response.content.decode()
    assert "联络员的新文字。" in html and "保存失败" in html
    river.refresh_from_db()
    assert river.done == "督查室代填。" and state(river) == EntryState.DRAFT


def test_warnings_to_acknowledge_leave_the_text_saved(opened, people, client_for, river):
    response = post(client_for(people.water), river, version=1, done="按计划推进。",
                    action="submit")
    assert response.status_code == 409
    html = response.content.decode()
    assert "套话" in html and 'name="acknowledge"' in html
    river.refresh_from_db()
    assert river.done == "按计划推进。" and state(river) == EntryState.DRAFT
    response = post(client_for(people.water), river, version=river.version, done="按计划推进。",
                    acknowledge="on", action="submit")
    assert response.status_code == 302 and state(river) == EntryState.SUBMITTED


def test_save_and_submit_bump_nothing_when_refused_by_role(opened, people, client_for, river):
    assert post(client_for(people.reform), river, version=1, done="x", action="submit"
                ).status_code == 404
    assert Progress.objects.get(pk=river.pk).done == ""


def test_autosave_keeps_typing_without_a_version(opened, people, client_for, river):
    c = client_for(people.water)
    url = reverse("round_entry_autosave", args=[river.pk])
    changes = Change.objects.count()
    response = c.post(url, {"version": 1, "done": "正在写的文字。", "problems": "",
                            "next_steps": ""})
    assert response.status_code == 200 and "saved_at" in response.json()
    river.refresh_from_db()
    assert river.done == "" and river.version == 1 and Change.objects.count() == changes
    # It comes back to its author only.
    page = c.get(reverse("round_entry", args=[river.pk])).content.decode()
    assert "正在写的文字。" in page and "已恢复" in page
    office = client_for(people.supervisor).get(reverse("round_entry", args=[river.pk]))
    assert "正在写的文字。" not in office.content.decode()
    # Saving it makes a version and the kept typing goes away.
    assert post(c, river, version=1, done="正在写的文字。", action="save").status_code == 302
    assert not EntryAutosave.objects.filter(progress=river).exists()


def test_autosave_is_refused_to_others_and_after_submission(opened, people, client_for, river):
    url = reverse("round_entry_autosave", args=[river.pk])
    assert client_for(people.reform).post(url, {"version": 1, "done": "x"}).status_code == 404
    assert client_for(people.leader).post(url, {"version": 1, "done": "x"}).status_code == 404
    services.save_entry(people.water, river, 1, EntryInput("整治河道5处。", "", ""))
    services.submit_entry(people.water, river, acknowledge=True, co_reason=CO_REASON)
    response = client_for(people.water).post(url, {"version": 2, "done": "x"})
    assert response.status_code == 409 and not EntryAutosave.objects.exists()


def test_same_length_limit_on_the_form_and_the_api(opened, people, client_for, river):
    long = "字" * (TEXT_LIMIT + 1)
    response = post(client_for(people.water), river, version=1, done=long, action="save")
    assert response.status_code == 400
    with pytest.raises(services.RoundError):
        services.save_entry(people.water, river, 1, EntryInput(long, "", ""))
    assert Progress.objects.get(pk=river.pk).done == ""
    ok = "字" * TEXT_LIMIT
    assert post(client_for(people.water), river, version=1, done=ok, action="save"
                ).status_code == 302


def test_top_of_the_form_deadline_return_comment_and_figures(opened, people, client_for):
    Report.objects.filter(pk=opened.report.pk).update(
        deadline=timezone.now() - timedelta(days=1))
    roads = opened.entry[opened.roads.pk]
    Target.objects.create(task=opened.roads, metric="新建改造道路", comparator=">=", value=100,
                          unit="公里", span="新建改造道路100公里")
    services.save_entry(people.reform, roads, 1, EntryInput("新建道路30公里。", "", ""))
    services.submit_entry(people.reform, roads, acknowledge=True, co_reason=CO_REASON)
    services.return_entry(people.supervisor, roads, "请填写公里数。")
    html = client_for(people.reform).get(reverse("round_entry", args=[roads.pk])).content.decode()
    top = html.split('class="entry-form"')[0]
    assert 'role="alert"' in top and "请填写公里数。" in top
    assert "截止时间" in top and "已逾期" in top
    assert "需填报数字的目标" in top and "100公里" in top
    assert '<script src="/static/rounds/entry.js" defer></script>' in html
    assert "<script>" not in html  # no inline script (CSP)


def test_a_form_body_past_the_limit_is_refused_before_parsing(opened, people, client_for,
                                                             river, client):
    """Issue 14: a request body of form fields beyond DATA_UPLOAD_MAX_MEMORY_SIZE is a 400
    page in Chinese on every address (signed in or not), and nothing changes; an entry at all
    its length limits stays well inside it."""
    huge = "字" * 1_000_000  # 3 MB as UTF-8 (9 MB percent-encoded): refused as a body
    response = post(client_for(people.water), river, version=1, done=huge, action="save")
    assert response.status_code == 400 and "请求无效(400)" in response.content.decode()
    assert Progress.objects.get(pk=river.pk).done == ""
    response = client.post(reverse("login"), {"username": "x", "password": huge})
    assert response.status_code == 400
    full = {"done": "字" * TEXT_LIMIT, "problems": "字" * TEXT_LIMIT,
            "next_steps": "字" * TEXT_LIMIT, "co_reason": "字" * services.COMMENT_LIMIT}
    assert post(client_for(people.water), river, version=1, action="save", **full
                ).status_code == 302
    assert Progress.objects.get(pk=river.pk).done == full["done"]
