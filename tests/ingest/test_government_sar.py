"""SPECIAL ADMINISTRATIVE REGION (luoshi/ingest/government.py): 特区政府 names the region the
page names, not a district's level. Made-up openings."""

from __future__ import annotations

import pytest

from luoshi.ingest.metadata import read_meta

CASES = [
    # traditional script: the region as the page writes it
    (["施政工作回顧", "現在,我簡要回顧特區政府去年的施政工作。"],
     ["澳門旅遊業穩步復甦,澳門會展活動增加。推動粵港澳大灣區合作。"], "澳門特別行政區"),
    # simplified script
    (["施政工作回顾", "特别行政区政府去年推进各项工作。"], ["香港创新科技发展加快。"], "香港特别行政区"),
    # both named as often: not inferred from them
    (["施政工作回顾", "特区政府去年推进各项工作。"], ["香港与澳门合作加强。"], ""),
    # 特区政府 with no region named: no district's level either (大湾区 is no government)
    (["施政工作回顾", "特区政府去年推进各项工作。"], ["推动粤港澳大湾区合作。"], ""),
]


@pytest.mark.parametrize(("preamble", "body", "government"), CASES)
def test_special_administrative_region(preamble, body, government):
    meta, _ = read_meta(preamble, body)
    assert meta.government == government
