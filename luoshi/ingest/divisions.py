"""China's administrative divisions as the suffixes places end with, and the words that end
like a place but are none: the one table every place pattern of :mod:`luoshi.ingest.government`
and :mod:`luoshi.ingest.governmentlevel` is built from (docs/formats.md, Metadata).

Pure Python.
"""

from __future__ import annotations

import re

# Generic words ending in a level suffix that are not places (示范区, 全区, 完成区…).
NOT_PLACES = set(
    "示范区 园区 社区 景区 城区 片区 全区 我区 本区 该区 各区 开发区 功能区 保护区 风景区 试验区 自贸区 海区 "
    "高新区 经开区 保税区 综保区 度假区 产业区 "
    "地区 乡镇 省市 县市 都市区 主城区 山区 辖区 库区 矿区 商区 街区 校区 厂区 小区 新区 市区 郊区 县区 城市 全市 我市 本市 各市 城市 都市 "
    "全县 我县 本县 各县 郡县 市县 区县 州市 "
    # kinds of city, which jieba's dictionary lists among place names (placenames.py)
    "大城市 小城市 中心城市 文明城市 卫生城市 园林城市 森林城市 海绵城市 智慧城市 "
    # the same words for the other divisions of DIVISIONS (全州 says "the whole prefecture")
    "全州 我州 本州 各州 全盟 我盟 本盟 全旗 我旗 本旗 各旗 全镇 我镇 本镇 各镇 全乡 我乡 本乡 各乡".split()
)
# The administrative divisions of China, as the suffix a place's name ends with, and its level
# (0 province … 3 township); a place inside another names a lower level (温州市洞头区,
# 黔东南州凯里市). The one table every place pattern below is built from: a division added here
# is recognised in a 政府 phrase, before or after a title's year, and in an opening sentence.
# Longer suffixes first, so 自治州 is read before 州 and 新区 before 区.
DIVISIONS: tuple[tuple[str, int], ...] = (
    ("特别行政区", 0),
    ("自治区", 0),
    ("省", 0),
    ("自治州", 1),
    ("州", 1),  # 黔东南州, 湘西州 (a 自治州 by its short name)
    ("盟", 1),  # 锡林郭勒盟
    ("市", 1),
    # development zones run by a 管委会, at the county level: 某某经济技术开发区, 苏州工业园区
    ("高新技术产业开发区", 2),
    ("经济技术开发区", 2),
    ("开发区", 2),
    ("工业园区", 2),
    ("高新区", 2),
    ("经开区", 2),
    ("自治县", 2),
    ("自治旗", 2),
    ("新区", 2),  # 雄安新区, 浦东新区
    ("旗", 2),  # 鄂托克旗
    ("县", 2),
    ("区", 2),
    ("民族乡", 3),
    ("苏木", 3),
    ("街道", 3),
    ("镇", 3),
    ("乡", 3),
)
LEVEL_RANK = dict(DIVISIONS)
ZONES = frozenset(
    ("高新技术产业开发区", "经济技术开发区", "开发区", "工业园区", "高新区", "经开区")
)
# 州 ends a place only when no other suffix follows (杭州市 is one place, not 杭州 + 市; 贵州省
# is one place, not 贵州 + 省).
SUFFIX = (
    "(?:"
    + "|".join(re.escape(s) + ("(?![省市县区])" if s.endswith("州") else "") for s, _ in DIVISIONS)
    + ")"
)
# Lines of the table read for its level and the places it names: enough for a page's own
# place to show, and a bound on the time a huge table costs.
BODY_SCAN = 2000
# Characters no place name holds: a match running over them is words, not a place (涉杭任务和市,
# 各县市).
# (由 says who does a thing: 项目由区商务委牵头.)
NOT_IN_PLACE = set("和与及的了对为是在任务作涉报告于等印发关各由")
