"""The navigation: who is signed in, and round links only for the roles that may use them."""

import pytest
from django.urls import reverse

LINKS = {"填报": reverse("round_home"), "审核/轮次": reverse("round_home"),
         "催办": reverse("round_overdue_all"), "导入": reverse("import_upload")}


def nav(html: str) -> str:
    return html[html.index('<nav class="site-nav"'):html.index("</nav>")]


@pytest.mark.parametrize("role, shown", [
    ("public", set()),
    ("reform", {"填报"}),
    ("leader", {"催办"}),
    ("supervisor", {"审核/轮次", "催办", "导入"}),
    ("admin", {"审核/轮次", "催办", "导入"}),
])
def test_links_by_role(opened, people, client_for, role, shown):
    user = getattr(people, role)
    html = nav(client_for(user).get(reverse("report_list")).content.decode())
    for label, url in LINKS.items():
        link = f'<a href="{url}"'
        assert (f">{label}</a>" in html and link in html) == (label in shown), (role, label)
    if user is None:
        assert f'<a href="{reverse("login")}?next=/">登录</a>' in html and "退出" not in html
    else:
        assert user.get_username() in html and f'action="{reverse("logout")}"' in html
        assert ">登录</a>" not in html


def test_every_nav_link_opens_for_its_role(opened, people, client_for):
    for user in (people.reform, people.leader, people.supervisor):
        c = client_for(user)
        html = nav(c.get(reverse("report_list")).content.decode())
        for url in set(LINKS.values()):
            if f'<a href="{url}"' in html:
                assert c.get(url).status_code == 200, (user, url)


def test_sign_in_and_out_through_the_nav(opened, people, client):
    from roles import PASSWORD

    page = client.get(reverse("task_list")).content.decode()
    assert f'{reverse("login")}?next={reverse("task_list")}' in page
    response = client.post(reverse("login"), {"username": "发改联络员", "password": PASSWORD,
                                              "next": reverse("task_list")})
    assert response["Location"] == reverse("task_list")
    assert "发改联络员" in nav(client.get(reverse("task_list")).content.decode())
    client.post(reverse("logout"))
    assert "发改联络员" not in nav(client.get(reverse("task_list")).content.decode())
