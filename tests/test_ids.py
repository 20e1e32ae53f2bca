"""The one rule for reading an id from a request (luoshi.core.ids.parse_id)."""

import pytest

from luoshi.core.ids import MAX_ID, parse_id


@pytest.mark.parametrize(("raw", "expected"), [
    ("12", 12), (7, 7), ("0", 0),
    (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), 0), ("9" * 30, 0),  # beyond any id: names nothing
    ("²", None), ("١٢", None), ("-3", None), ("1.5", None), (" 4", None), ("", None), (None, None),
])
def test_parse_id(raw, expected):
    assert parse_id(raw) == expected
