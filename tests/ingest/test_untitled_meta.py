"""Government, year and period of pages without a dated title, or whose title names a
department (issue 9, meta15; rules in government.py and untitled.py). Made-up text."""

from __future__ import annotations

import pytest

from luoshi.ingest.metadata import read_meta

# DEPARTMENT OF A NAMED PLACE: a title opening with a department whose name opens with its
# place names the place, warned with the department; a department named by its level only
# (市机关事务管理局) is still the government itself.
DEPARTMENT_TITLES = [
    (["青石区文化旅游体育广电局2030年7月为民办实事逐月进展情况"], "青石区", "青石区文化旅游体育广电局"),
    (["安澜市民政局2031年民生实事项目实施进度表"], "安澜市", "安澜市民政局"),
    (["临溪县农业农村局2030年重点工作落实情况"], "临溪县", "临溪县农业农村局"),
    (["安澜市临溪区教育局2030年重点工作任务清单"], "临溪区", "安澜市临溪区教育局"),
    (["2030年青石县住房和城乡建设局重点工作完成情况"], "青石县", "青石县住房和城乡建设局"),
    (["市机关事务管理局2030年重点工作任务清单"], "市机关事务管理局", ""),
    (["区住房和城乡建设局2030年重点工作任务清单"], "区住房和城乡建设局", ""),
]


@pytest.mark.parametrize(("preamble", "government", "alternative"), DEPARTMENT_TITLES)
def test_department_of_a_named_place_names_the_place(preamble, government, alternative):
    meta, warnings = read_meta(preamble)
    assert meta.government == government
    said = [w for w in warnings if "department" in w]
    assert said, warnings
    if alternative:
        assert alternative in said[0] and "own" in said[0]
