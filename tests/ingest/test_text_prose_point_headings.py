"""Point-list pages whose points open with a heading sentence over their content on the same
line (一是持续改善X。<what and how much>): the heading is the task, the content its target.
Made-up text."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.text.prose.content import is_heading

OPENING = "某县2031年十件民生实事\n某县将从以下三个方面开展工作:"

# (id, points, [(task, target)]; [] target when the points are read whole)
CASES = [
    (
        "heading sentences, some after a word of manner, over content: task and target",
        "一是加快学校建设。新建小学3所、幼儿园5所。\n"
        "二是持续改善出行环境。新建市政道路6条,安装路灯800盏。\n"
        "三是全力做好就业服务。新增城镇就业5000人。\n",
        [
            ("加快学校建设", "新建小学3所、幼儿园5所。"),
            ("持续改善出行环境", "新建市政道路6条,安装路灯800盏。"),
            ("全力做好就业服务", "新增城镇就业5000人。"),
        ],
    ),
    (
        "a first sentence with a comma is no heading: the point stays whole",
        "一是加快学校建设,新建小学3所。幼儿园5所同步建设。\n"
        "二是持续改善出行环境。新建市政道路6条,安装路灯800盏。\n"
        "三是全力做好就业服务。新增城镇就业5000人。\n",
        [],
    ),
]


@pytest.mark.parametrize("points,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_point_heading_sentences(points: str, want: list) -> None:
    doc = read_document((OPENING + points).encode(), name="points.txt")
    assert len(doc.tasks) == 3
    if want:
        assert [(t.text, t.extra.get("内容及目标")) for t in doc.tasks] == want
        assert any("heading over a content" in w.message for w in doc.warnings)
    else:
        assert doc.tasks[0].text.startswith("加快学校建设,新建小学3所。")
        assert not any(t.extra.get("内容及目标") for t in doc.tasks)


@pytest.mark.parametrize(
    "line,closed,want",
    [
        ("实施农村公路工程", False, True),
        ("持续改善出行环境", True, True),
        ("确保动迁群众回迁", True, True),
        # a bare line needs its verb first; 进一步 opens a requirement even when closed
        ("持续改善出行环境", False, False),
        ("进一步做好改厕工作", True, False),
    ],
)
def test_heading_verbs(line: str, closed: bool, want: bool) -> None:
    assert is_heading(line, closed=closed) is want
