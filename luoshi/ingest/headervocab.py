"""The header vocabulary (:mod:`.headers` assigns the roles from it): how a header cell is
compared, and the words that name each column role.

A header is compared by its *key* (:func:`header_key`): Unicode NFKC, whitespace removed (重 点 工
作 = 重点工作), pinyin glosses a mirror site inserted removed (序號(hào) = 序號), traditional
characters converted to simplified with OpenCC, by its phrase rules (序號 = 序号, 責任單位 =
责任单位, 計畫名稱 = 计划名称, not 计画). The words are
a table of (pattern, role) rules, tried in order, then the target and task words; several
progress names joined (进展情况、存在问题) are told by :func:`_joined_names`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from luoshi.ingest.script import to_simplified_words
from luoshi.vocab import ColumnRole

_SPACE = re.compile(r"\s+")
# A pinyin reading in brackets after a character, as some mirror sites print: 序號(hào).
_GLOSS = re.compile(r"[(（][a-zü\u00e0-\u01dc]{1,7}[)）]")
# Longer than this, a text is no header: it is compared as written, without conversion.
_MAX_KEY_LEN = 40


def normalise_header(text: str) -> str:
    """Header as kept: whitespace (also inside words), pinyin glosses and trailing colons
    removed; the characters as written."""
    h = _SPACE.sub("", text)
    if "(" in h or "（" in h:
        h = _GLOSS.sub("", h)
    return h.rstrip(":：")


@lru_cache(maxsize=4096)
def header_key(text: str) -> str:
    """Header as compared: :func:`normalise_header`, NFKC, traditional → simplified."""
    h = normalise_header(text)
    if len(h) > _MAX_KEY_LEN:
        return h
    h = to_simplified_words(unicodedata.normalize("NFKC", h))
    if "(" in h:
        # an alternative written into a word, 投(筹)资 = 投资 or 筹资: compared as the word
        h = _INSERTED.sub("", h)
    return h


# One or two characters in brackets between two characters of a word (NFKC brackets).
_INSERTED = re.compile(r"(?<=[\u4e00-\u9fff])\([\u4e00-\u9fff]{1,2}\)(?=[\u4e00-\u9fff])")
# A column qualified by the plan year (2018年建设内容, 年度工作任务): beside a task column it
# says what is due that year, a target.
_YEAR_QUALIFIED = re.compile(r"^(\d{4}年度?|年度|本年度?|全年|今年)")


# (pattern, role) tried in order against the normalised header; first match wins.
_RULES: list[tuple[re.Pattern[str], ColumnRole]] = [
    # (年度季别: the year and quarter a row is due, 1081 = year 108 quarter 1: the rows' key)
    (re.compile(r"^(序号|编号|序次|No\.?|(年度)?季别)$", re.I), ColumnRole.SERIAL),
    # QUALIFIED SERIAL: the serial word after a word naming what a row is (指标序号, 项目序号,
    # 任务编号) is still the row's number. (Not after any word: 类别序号 is two headers glued.)
    (re.compile(r"^(指标|项目|任务|工作|事项|目标|工程|实事|重点工作)(序号|编号)$"), ColumnRole.SERIAL),
    (
        re.compile(r"^(类别|大类|类型|分类|工程名称|工程类别|项目类别|领域|(事项|任务|工作)(类别|类型))$"),
        ColumnRole.CATEGORY,
    ),
    (re.compile(r"^(备注|说明|备考)$"), ColumnRole.REMARKS),
    (
        re.compile(
            r"是否达序|是否达到序时|形象进度|进展状态|进度状态|完成状态|推进状态|完成率|完成比例|完成成效"
            r"|^占比|^序时进度$|是否完成|^(当前)?状态$"
            # how far the task has come in all, a rate or a status word (96.6%, 持续推进)
            r"|^累计进度$"
            # a share of the target done, stated in per cent: 完成目标(%), 进度(%)
            r"|^(?:完成|进度)[^()]{0,4}\(%\)$"
            # a yes/no or graded judgement on progress: 是否按序时推进, 进度评价, 自评等次
            r"|^是否|完成百分比|评价$|等次$"
        ),
        ColumnRole.DECLARED_STATUS,
    ),
    (
        # (a project's planned 竣工时间 is the date it is due; its 开工时间 is no deadline)
        re.compile(
            r"完成时限|时间节点|完成时间|时限要求|办结时限|^时限$|^(计划)?(竣工|完工)(时间|日期)$"
            # a works' timetable or term (工程时间表, 工期) gives when it starts and is due
            r"|^(工程|施工|项目)?(时间表|工期)$"
        ),
        ColumnRole.DEADLINE,
    ),
    (
        # (实际完成(个): the figure achieved, its unit of measurement in brackets)
        # (累计完成 alone heads the figure achieved so far, beside a 目标任务 column)
        re.compile(
            r"(已完成|累计完成|实际完成)(数|额|值|量)|完成投资|^完成(数|额|值)$|^(实际|累计)完成$"
            # the figure a period achieved, named by the period and measured: 上半年完成(%),
            # 1-6月完成(亿元) (the measure says a figure: 前三季度完成 alone may be the head of
            # 前三季度完成情况 split over lines)
            r"|^(?:\d{1,2}[-—–~至]\d{1,2}月份?|[上下]半年|前三季度|第?[一二三四1-4]季度|全年)完成\("
        ),
        ColumnRole.ACTUAL,
    ),
    (
        re.compile(
            r"存在(的)?(问题|困难)|问题(及|和|与)?(困难|不足|建议)|困难(和|及)?问题"
            # what the unit asks others to solve is its problem: 需协调解决的问题
            r"|需.{0,4}(解决|协调)的?(问题|事项)"
        ),
        ColumnRole.PROBLEMS,
    ),
    (
        re.compile(r"下一?步(?:工作)?(?:打算|计划|措施|安排|思路)?|下阶段|工作打算|后续打算"),
        ColumnRole.NEXT_STEPS,
    ),
    (
        re.compile(
            # (情形 is 情况 in Taiwan's usage: 辦理情形及進度, 執行情形; 办理 as in 办理情况, how a
            # matter was handled)
            r"(完成|进展|进度|落实|推进|执行|实施|办理)(情况|情形|进度|概况)|任务进度|工作进展|进展$|实绩"
            # (工程进度: a works' progress, as 项目进度)
            # (最新进度: the latest progress, as 最新进展情况)
            r"|^(当前|目前|最新|工作|项目|实施|工程)?进度$|成效$"
            # the work done, in words or amounts: 实际已完成工作量 (its cells say 已完成。)
            r"|已?完成(的)?工作量$"
        ),
        ColumnRole.DONE,
    ),
    (re.compile(r"牵头(责任)?(单位|部门|处室|科室)|主责(单位|部门)"), ColumnRole.LEAD_UNIT),
    (
        # (协同责任单位 is the co-units column: the word before 责任 says whose)
        re.compile(
            # (机关 is the unit's word in Taiwan's tables: 主管機關, 主辦機關)
            r"(?<!协同|配合|协办)责任(单位|部门|主体|处室|科室|机关)|(承办|实施|主办)(单位|处室|机关)"
            r"|^主管(单位|部门|机关)$"
            # the project's owner answers for it: 业主单位 (a project table's unit column)
            r"|^业主(单位)?$"
        ),
        ColumnRole.UNITS,
    ),
    (re.compile(r"(配合|协同|协办)(责任)?(单位|部门|处室)"), ColumnRole.CO_UNITS),
    (
        re.compile(
            r"(牵头|责任|分管|联系|包抓|负责|包保|挂点|挂钩|督办|主管|协调)(市|区|县)?领导"
            r"|分管领导|^(市|区|县)?领导$"
            # the head of the unit answering for the task: 主要领导, 主抓领导
            r"|^(主要|主抓)领导$"
            # a leader named by office: 分管副市长, 牵头副县长
            r"|^(分管|牵头|责任|联系)?副?(省|市|县|区)长$"
        ),
        ColumnRole.LEADER,
    ),
    (re.compile(r"责任人|联系人"), ColumnRole.PERSON),
]

# Task-content headers; a target header met when a task column already exists is a target.
_TASK = re.compile(
    r"任务内容|重点工作|工作内容|主要(工作)?任务|工作任务|内容与要求|工作事项|实事内容|项目内容"
    r"|具体任务|目标名称|项目名称|工作目标|^内容$|^任务$|^项目$|(督办|工作|建设|实施)内容$|^事项$"
    r"|报告任务$|督办事项$"
    # more task columns as offices name them (主要内容, 任务名称, 重点任务, 实事项目 …)
    r"|^主要内容$|建设规模及内容$|^任务名称$|^(重点|主要|具体)(任务|工作)$|^实事项目$|^工作名称$"
    # what a row is about, by any name: 具体内容, 建设内容及规模, 事项名称, 任务事项 (not
    # 指标名称: it heads indicator matrices, one column per place, which are no task lists)
    r"|^具体内容$|内容及规模$|^任务事项$"
    # the name of a matter, qualified by its kind: 事项名称, 民生事项名称, 重点事项名称
    r"|事项名称$"
    # an assessed indicator names what the row is about, like 目标名称
    r"|^考核指标$"
    # the name of a 实事 or of what is assessed names the row: 实事名称, 考核内容
    r"|^实事名称$|^考核内容$"
    # a project, plan or policy named by its kind: 计划名称 (計畫名稱), 政策项目, 建设项目
    r"|^(计划|政策|工程项目)名称$|^(政策|建设|重点|民生|工程)项目$"
)
_TARGET = re.compile(
    r"目标任务|目标$|预期目标|工作标准|任务数|目标要求|工作要求|^(年度|季度)任务$"
    # the requirements set beside the task (基本要求, 具体要求) say what it must reach, as
    # 工作要求 does
    r"|^(基本|具体)要求$"
    # a schedule beside the task says what is due by when: 进度安排, 时间安排, 节点安排
    r"|^(进度|时间|节点|时序|计划)安排$"
    # the plan for the year or quarter beside the task: 年度计划, 季度计划
    r"|^(年度|季度|全年)计划$"
)
# A planned figure for the period beside the task: 年度计划投资, 目标值 (not 总投资 or a bare
# 计划投资, which may be the project's size over all its years); never a task column, even first.
# (and the growth a plan expects for the year: 预期增长(%), the target of an indicator table)
_PLANNED = re.compile(r"(年度|本年|全年|季度)计划投资$|^目标值$|^预期(?:增长|增速|增幅)$")


_ITEM = frozenset({ColumnRole.DONE, ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS})
# A forecast (预计, 预测): the period's expected figures, not what was done.
_FORECAST = re.compile(r"^预[计测]")
_PROGRESS = frozenset({ColumnRole.DONE, ColumnRole.ACTUAL, ColumnRole.DECLARED_STATUS})
# Joins two column names into one merged column: 进展情况、存在问题及下一步打算.
_JOINERS = "、及和与并/"


def _matches(h: str, have_task: bool) -> list[tuple[ColumnRole, int]]:
    """Every (role, matched length) the rules find in the key ``h``, in rule order."""
    out: list[tuple[ColumnRole, int]] = []
    for pattern, role in _RULES:
        m = pattern.search(h)
        if m:
            out.append((role, m.end() - m.start()))
    m = _TARGET.search(h)
    if m:
        out.append((ColumnRole.TARGET if have_task else ColumnRole.TASK, m.end() - m.start()))
    else:
        m = _TASK.search(h)
        if m:
            role = ColumnRole.TARGET if have_task and "目标" in h else ColumnRole.TASK
            out.append((role, m.end() - m.start()))
    return out


def _joined_names(h: str) -> bool:
    """Two progress column names in ``h`` with a joiner (、及和与并/) right between them (at
    most two characters): 进展情况、存在问题; not 存在问题及困难下一步工作."""
    spans: list[tuple[ColumnRole, int, int]] = []
    for pattern, role in _RULES:
        if role not in _ITEM:
            continue
        pos = 0
        while (m := pattern.search(h, pos)) is not None:
            spans.append((role, m.start(), m.end()))
            pos = m.start() + 1
    return any(
        ra is not rb and ea <= sb and sb - ea <= 2 and any(j in h[ea:sb] for j in _JOINERS)
        for ra, _, ea in spans
        for rb, sb, _ in spans
    )
