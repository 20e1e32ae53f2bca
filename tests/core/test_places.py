"""Governments from a table's title (luoshi.core.services.places)."""

from __future__ import annotations

import pytest

from luoshi.core.models import Government
from luoshi.core.services.places import find_or_create_government, split_government_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("舟山市", (None, "舟山市")),
        ("洞头区", (None, "洞头区")),
        ("温州市洞头区", ("温州市", "洞头区")),
        ("浙江省舟山市", ("浙江省", "舟山市")),
        ("杭州市余杭区", ("杭州市", "余杭区")),
        ("嘉善县", (None, "嘉善县")),
    ],
)
def test_split_government_name(name, expected):
    assert split_government_name(name) == expected


@pytest.mark.parametrize(
    ("name", "level"),
    [("舟山市", "city"), ("洞头区", "district"), ("嘉善县", "county"), ("浙江省", "province"),
     ("舟山群岛新区管委会", "other")],
)
def test_level_from_the_name(name, level):
    assert Government.level_for(name) == level


@pytest.mark.django_db
def test_find_or_create_government_reuses_and_links_parents():
    district = find_or_create_government("温州市 洞头区")
    assert district.name == "温州市洞头区" and district.parent.name == "温州市"
    assert find_or_create_government("温州市洞头区").pk == district.pk
    assert find_or_create_government("温州市").pk == district.parent_id
    assert Government.objects.count() == 2
