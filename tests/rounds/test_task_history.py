"""The task's history page: every change to the task, its entries, contributions, targets and
statuses, with who and when and an escaped diff; each reader sees only what they may read."""

from django.urls import reverse

from luoshi.core.models import Change, Plan, Target, Task
from luoshi.core.services.corrections import correct_target
from luoshi.rounds import history, services
from luoshi.rounds.services import EntryInput

# Co-units that have not filed: the lead unit says why (issue 12).
CO_REASON = "配合单位另行报送。"


def make_history(opened, people):
    roads = opened.entry[opened.roads.pk]
    services.save_entry(people.reform, roads, 1, EntryInput("新建道路30公里<script>x</script>。",
                                                            "", ""))
    services.save_entry(people.reform, roads, 2, EntryInput("新建道路100公里,全面完成。", "", ""))
    services.save_contribution(people.economy, roads, opened.economy.pk, 0, "配合完成征地。")
    # Filed: a draft's status is 未填报 in every view, its history included.
    services.submit_entry(people.reform, roads, acknowledge=True, co_reason=CO_REASON)
    target = Target.objects.get(task=opened.roads)
    correct_target(target, user=people.supervisor, expected_version=1, value=120)
    Change.objects.create(model="task", object_id=opened.roads.pk, action=Change.Action.UPDATE,
                          fields={"serial": ["一", "1"]})
    return roads


def page(client, task):
    response = client.get(reverse("task_history", args=[task.pk]))
    return response.status_code, response.content.decode()


def test_office_sees_every_kind_of_change_as_escaped_diffs(opened, people, client_for):
    make_history(opened, people)
    status, html = page(client_for(people.supervisor), opened.roads)
    assert status == 200
    for what in ("进展情况 · 半年度", "状态 · 半年度", "目标 · ", "配合单位报送 · 市经信局",
                 "修改 任务"):
        assert what in html, what
    # The second save as a word diff (a changed figure one piece); the first one's markup
    # escaped, never run.
    assert ("新建道路<del>30</del><ins>100</ins>公里<del>&lt;script&gt;x&lt;/script&gt;</del>"
            "<ins>,全面完成</ins>。") in html
    assert "<script>x" not in html
    # The status change in words, with who caused it; the target correction's old → new.
    assert "<del>滞后</del> → <ins>已完成</ins>" in html  # 100 of 100 公里: done (issue 10)
    assert "<del>100</del> → <ins>120</ins>" in html
    assert "<dt>报送内容</dt><dd class=\"diff__body\">配合完成征地。</dd>" in html
    assert "发改联络员" in html and "督查员" in html and "经信联络员" in html


def test_liaison_of_another_unit_sees_only_published_entries(opened, people, client_for):
    make_history(opened, people)
    status, html = page(client_for(people.water), opened.roads)
    assert status == 200
    assert "新建道路100公里" not in html and "状态 · 半年度" not in html
    assert "配合单位报送 · " not in html
    assert "目标 · " in html  # targets belong to the task, which they may read


def test_public_sees_no_running_round_and_no_names(opened, people, client_for):
    make_history(opened, people)
    status, html = page(client_for(None), opened.roads)
    assert status == 200
    assert "新建道路100公里" not in html and "督查员" not in html and "发改联络员" not in html


def test_hidden_task_is_not_found(opened, people, client_for):
    lone = Plan.objects.create(government=opened.city, year=2023)
    task = Task.objects.create(plan=lone, serial="1", text="无表任务。")
    assert page(client_for(None), task)[0] == 404
    assert page(client_for(people.water), task)[0] == 404
    assert page(client_for(people.leader), task)[0] == 200


def test_sub_item_history_and_on_behalf(opened, people, client_for):
    park = opened.entry[opened.park_a.pk]
    services.save_entry(people.supervisor, park, 1, EntryInput("东岛公园主体完工。", "", ""))
    services.submit_entry(people.supervisor, park, acknowledge=True, co_reason=CO_REASON)
    status, html = page(client_for(people.economy), opened.park_a)
    assert status == 200 and "代市经信局填报" in html and "东岛公园主体完工" in html
    # The parent's page lists the sub-item's entry too, named after it.
    html = page(client_for(people.supervisor), opened.parks)[1]
    assert "进展情况 · 半年度 · 东岛公园" in html and "状态 · 半年度" in html


def test_history_is_paged(opened, people, client_for, settings):
    roads = opened.entry[opened.roads.pk]
    for version in range(1, 56):
        services.save_entry(people.reform, roads, version, EntryInput(f"新建道路{version}公里。",
                                                                      "", ""))
    c = client_for(people.supervisor)
    first = page(c, opened.roads)[1]
    assert "第 1 / " in first and "新建道路55公里" in first and "新建道路1公里。" not in first
    older = c.get(reverse("task_history", args=[opened.roads.pk]) + "?page=3").content.decode()
    assert "较新" in older



def test_round_states_in_words(opened, people, client_for):
    river = opened.entry[opened.river.pk]
    services.save_entry(people.water, river, 1, EntryInput("整治河道5公里。", "", ""))
    services.submit_entry(people.water, river, acknowledge=True, co_reason=CO_REASON)
    html = page(client_for(people.water), opened.river)[1]
    assert "填报状态 · 半年度" in html and "<del>填报中</del> → <ins>已提交</ins>" in html


def test_task_page_links_to_its_history(opened, people, client_for):
    html = client_for(people.supervisor).get(
        reverse("task_detail", args=[opened.roads.pk])).content.decode()
    assert f'href="{reverse("task_history", args=[opened.roads.pk])}"' in html


def test_diff_is_by_word_and_keeps_line_breaks():
    from luoshi.rounds.history import diff_html

    html = diff_html("1.新建基站一百个。\n2.完成数据平台。",
                     "1.新建基站一百二十个。\n2.完成数据平台。\n3.上线应用。")
    assert "<del>一百个</del><ins>一百二十个</ins>" in html  # whole words, not characters
    assert html.count("<br>") == 2 and "<ins><br>\n3.上线应用。</ins>" in html


def test_reported_figures_are_in_the_diff(opened, people, client_for):
    """A reported figure changed between two saves shows in the entry's history and the task's,
    named by its target in words (never ``target:<id>``), old → new."""
    from luoshi.core.services.analysis import analyze_report

    analyze_report(opened.report)  # the task's targets, stored
    roads = opened.entry[opened.roads.pk]
    target = Target.objects.get(task=opened.roads)
    services.save_entry(people.reform, roads, 1,
                        EntryInput("新建道路30公里。", "", "", values={target.pk: 30}))
    services.save_entry(people.reform, roads, 2,
                        EntryInput("新建道路45公里。", "", "", values={target.pk: 45}))
    c = client_for(people.supervisor)
    for url in (reverse("round_entry_history", args=[roads.pk]),
                reverse("task_history", args=[opened.roads.pk])):
        html = c.get(url).content.decode()
        assert "<del>30</del>" in html and "<ins>45</ins>" in html, url
        assert "填报值" in html and f"target:{target.pk}" not in html, url


def test_others_read_an_entrys_history_as_it_was_filed(opened, people, client_for):
    """Saved and submitted twice, returned in between: the lead unit and the office read all
    four saves; a leader and the co-unit read the two versions submitted (each the fold of its
    stretch: the text before it → the text submitted), and no status re-derived from a save in
    between (滞后 from 30 km, never submitted)."""
    roads = opened.entry[opened.roads.pk]
    # Words with no character in common, so each diff shows them whole.
    texts = {"draft 1": "琥珀澜湾,新建道路30公里。", "filed 1": "翡翠汀洲,新建道路50公里。",
             "draft 2": "玳瑁沙渚,新建道路60公里。", "filed 2": "珊瑚礁屿,新建道路100公里。"}
    services.save_entry(people.reform, roads, 1, EntryInput(texts["draft 1"], "", ""))
    services.save_and_submit(people.reform, roads, 2, EntryInput(texts["filed 1"], "", ""),
                             acknowledge=True, co_reason=CO_REASON)
    services.return_entry(people.supervisor, roads, "请补充。")
    version = type(roads).objects.get(pk=roads.pk).version
    services.save_entry(people.reform, roads, version, EntryInput(texts["draft 2"], "", ""))
    services.save_and_submit(people.reform, roads, version + 1,
                             EntryInput(texts["filed 2"], "", ""), acknowledge=True,
                             co_reason=CO_REASON)
    drafts, filed = ("琥珀澜湾", "玳瑁沙渚"), ("翡翠汀洲", "珊瑚礁屿")
    entry_history = reverse("round_entry_history", args=[roads.pk])
    for user in (people.reform, people.supervisor):
        assert [v.values["done"] for v in history.versions(roads, user)] == ["", *texts.values()]
        html = client_for(user).get(entry_history).content.decode()
        assert all(word in html for word in drafts + filed), user
    for user in (people.leader, people.economy):
        assert [v.values["done"] for v in history.versions(roads, user)] == [
            "", texts["filed 1"], texts["filed 2"]]
        html = client_for(user).get(entry_history).content.decode()
        assert not any(word in html for word in drafts), user
        # The second submission folds draft 2 away: its diff runs from filed 1 to filed 2.
        assert "<del>翡翠汀洲</del><ins>珊瑚礁屿</ins>" in html
        status, task_page = page(client_for(user), opened.roads)
        assert status == 200 and not any(word in task_page for word in drafts), user
        assert all(word in task_page for word in filed), user
        assert "滞后" not in task_page, user
    _, office = page(client_for(people.supervisor), opened.roads)
    assert "滞后" in office and all(word in office for word in drafts)
