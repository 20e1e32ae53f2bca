"""The pure naming rules of responsible units (luoshi.core.services.units)."""

from __future__ import annotations

import pytest

from luoshi.core.services.units import UnitName, normalize_unit, unit_roles


@pytest.mark.parametrize(
    ("raw", "name", "aliases", "lead"),
    [
        ("市发改委", "市发改委", (), False),
        (" 市 发改委 \n", "市发改委", (), False),
        ("市发改委、", "市发改委", (), False),
        ("ＡＢＣ公司", "ABC公司", (), False),  # full-width letters
        ("市府办(市大数据局)", "市府办(市大数据局)", ("市大数据局",), False),
        ("市府办（市大数据局）", "市府办(市大数据局)", ("市大数据局",), False),
        ("市财政局(国资委)", "市财政局(国资委)", ("国资委",), False),
        ("各县(区)政府", "各县(区)政府", (), False),  # (区) is not an institution
        ("*区发改局", "区发改局", (), True),
        ("＊区发改局", "区发改局", (), True),  # full-width asterisk
        ("★市经信局", "市经信局", (), True),
        ("市经信局*", "市经信局", (), True),
        ("各功能区管委会(列第一位者为工作牵头或汇总单位,下同)", "各功能区管委会", (), False),
        ("——", "", (), False),  # an empty cell
        ("/", "", (), False),
        ("", "", (), False),
    ],
)
def test_normalize_unit(raw, name, aliases, lead):
    assert normalize_unit(raw) == UnitName(name, aliases, lead)


def test_first_unit_leads_when_none_is_marked():
    names = [normalize_unit(u) for u in ["市发改委", "市财政局", "市商务局"]]
    assert unit_roles(names) == [True, False, False]


def test_marked_units_lead_when_the_cell_marks_any():
    names = [normalize_unit(u) for u in ["区财政局", "*区发改局", "*新区财政局"]]
    assert unit_roles(names) == [False, True, True]


def test_no_units_no_roles():
    assert unit_roles([]) == []
