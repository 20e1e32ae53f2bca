"""The expectation format's normalisation and hashing (tests/corpus/expected_cells.py)."""

from __future__ import annotations

import hashlib

import pytest

from corpus.expected_cells import cell_matches, encode, normalise, serial_key, split_units


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        (" 市财政局（国资委） |", "市财政局(国资委)"),
        ("——", ""),
        ("无", ""),
        (" / ", ""),
        ("a\u3000b\nc\td", "abcd"),
        ("序號", "序號"),  # traditional characters are kept as written
    ],
)
def test_normalise(raw: str, norm: str) -> None:
    assert normalise(raw) == norm


def test_long_cells_are_hashed_and_short_kept() -> None:
    long = "一般公共预算收入增长7%以上,确保完成。"
    norm = normalise(long)
    assert len(norm) > 16
    assert encode(long) == {"n": len(norm), "h": hashlib.sha1(norm.encode()).hexdigest()[:10]}
    assert encode("市发改委") == "市发改委"
    assert cell_matches(encode(long), long + "\n")
    assert not cell_matches(encode(long), long[:-1])


def test_units_split_at_top_level_only() -> None:
    assert split_units("市疫情防控办,各县（区）政府、各功能区管委会") == [
        "市疫情防控办", "各县(区)政府", "各功能区管委会"]
    assert split_units("各县(市、区)政府") == ["各县(市、区)政府"]
    assert cell_matches(["市发改委", "市财政局"], ["市发改委 ", "市财政局"])
    assert not cell_matches(["市发改委", "市财政局"], ["市财政局", "市发改委"])


@pytest.mark.parametrize(
    "serial,want", [("一是", "一"), ("十二是", "十二"), ("一、", "一"), ("是", "是"), ("(一)", "(一)")]
)
def test_serial_key_reads_a_shi_marker_as_its_numeral(serial: str, want: str) -> None:
    assert serial_key(serial) == want
