"""The table's own evidence and indicator rows. Part of :mod:`luoshi.extract.rules` (see its docstring)."""

from __future__ import annotations

# --- The table's own evidence -------------------------------------------------------------------

# CONTENT COLUMN: a row's cell under a header of what the task contains or asks (工作任务, 项目内容,
# 事项内容, 2024年建设内容) that the reader gave another role than target — a second task-like
# column beside the task's name (task), or one it does not know (other) — states the task's
# content beside its name, as a target column does: its figures are targets of the task (one
# the task text already states is not read twice). Not a header of results (完成, 进展, 进度,
# 情况), nor of names (项目名称: a plant's name holds its capacity, no promise).
CONTENT_HEADER = r"^(?!.*(?:完成|进展|进度|情况|成效|名称)).*(?:内容|任务)$"
# A declared status cell (是否达序, 进展状态, 形象进度 …), in order: the first pattern that
# matches the cell decides. A percentage (形象进度 45%) is judged like a completion share.
# 超额完成 says the target was met and exceeded (done); 超序时/超进度/提前 say ahead of the time
# share (ahead); 达到时间进度 is on course, 低于时间进度 a lag.
DECLARED_STATUS = (
    # a risk grade of a monitoring table (预警: 高/中/低风险, in either script): high risk is a
    # project flagged as failing (behind; alternative at_risk), middle risk at risk, low on course
    (r"^(?:极?高)[风風][险險]$", "behind"),
    (r"^中[风風][险險]$", "at_risk"),
    (r"^(?:低|无|無)[风風][险險]$", "on_track"),
    (r"未完成|未达|不达|滞后|落后|慢于|低于时间进度|低于序时|未按|没有按|延期", "behind"),
    (r"未启动|未开工|未开展|尚未实施", "not_started"),
    (r"超额完成|已完成|已竣工|已办结|全面完成|^完成$|^完成(?:了)?(?:全年|年度|本年)?(?:目标)?(?:任务|目标)$", "done"),
    (r"超序时|超进度|超过时间进度|超额|提前|快于", "ahead"),
    (r"基本达序|基本正常|有风险|需关注|黄灯", "at_risk"),
    (r"达序|正常|顺利|按计划|序时|按时序|时间进度|推进中|绿灯|^是$", "on_track"),
)
# A group heading that grades the items under it ("(一)完成事项情况", "进度滞后的项目",
# "超时间进度完成指标有7项") declares their status as a status column does: a heading of at most
# GROUP_STATUS_MAX characters (its marker removed) naming a kind of item (GROUP_STATUS_NOUNS) and
# one of these phrases, tried in order (未完成 before 完成, 提前完成 before 完成).
GROUP_STATUS = (
    (r"未完成|滞后|落后|未达序时|未达到序时|未按|进展缓慢|进度缓慢|有待推进", "behind"),
    (r"未启动|未开工|尚未开工|尚未启动", "not_started"),
    (r"超序时|超时间进度|超进度|提前完成", "ahead"),
    (r"已完成|已办结|已竣工|已建成|全面完成|^完成", "done"),
    (r"正常推进|序时推进|按序时|达到序时|达序|正在推进|顺利推进|有序推进", "on_track"),
)
GROUP_STATUS_NOUNS = r"事项|项目|任务|实事|工作|指标|工程"
GROUP_STATUS_MAX = 30
# A remark (备注, 说明) that is nothing but such a phrase ("达到时间进度", "超额完成") is a declared
# status too, and so is an achieved-figure cell (上半年完成: 序时推进) that gives such a phrase
# instead of a figure (an indicator with no figure to report yet): at most this many characters.
DECLARED_REMARK_MAX = 8
# A declared completion share above this (per cent) is no share but a figure in the wrong column
# (完成目标(%): 19456 — a count): not evidence.
DECLARED_SHARE_MAX = 1000
# A declared share is a figure the table reports (TaskAnalysis.figures) when it is the progress
# of the whole task (形象进度 45%, 进度(%): 80): no amount stands behind it. Under a header naming
# a completion rate (完成率, 完成比例, 完成目标(%), 占比) it is the achieved amount over the target,
# an amount the row states in a column of its own: that amount's stated ratio, not a second
# figure. Either way it is the same share for the declared status (table.declared_share).
# A header that names progress (完成进度(%), 完成工作进度(%)) is a share of the work, not a rate
# of an amount: a figure the table reports (no 进度 in the per-cent form below).
# DECLARED BAND: a declared share written as a bound of a band (完成年计划70%以上, 50%以下,
# 30%-50%之间) is a grade the table puts the task in — a bulletin sorting its projects by band
# writes the same bound for each of them — not a figure the task reports: it grades the status
# by its bound, and is no figure. Under a header of progress or per cent (形象进度: 90%以上) it is
# the unit's own estimate of its task, a figure ("more than"). The words after the per cent
# that make it a bound:
DECLARED_BAND_AFTER = r"\s*(?:及?以上|及?以下|以内|之间|[-—~～至到]\s*[0-9])"
DECLARED_RATE_HEADER = r"完成率|完成比例|完成百分比|^占比|^完成(?:(?!进度)[^()]){0,4}\(%\)$"
# A declared share of 100% or more is the task done, unless its progress text says building work
# is still under way (正在进行基础施工, 其他项目正在按计划施工, 在建): the whole task cannot be
# finished while it is built, so the 100 is read as the share of this year's plan — on course,
# and the reason gives the other reading. Acceptance or hand-over under way (正在验收) is no
# building work: a declared 100% with it is done. So is a progress share under 100 the text
# gives for the works or a part of them (累计形象进度30%, 完成形象进度至45%, 工程进度为80%): the
# works are not finished (DECLARED FULL, TEXT SHORT; a share of something else, 资金拨付率95%,
# is no progress of the works).
DECLARED_FULL_UNDER_WAY = (r"(?:正在|仍在|尚在)[^,,。;;]{0,10}?(?:施工|建设|实施)|在建|建设中|施工中"
                           r"|(?:形象|工程|施工)进度(?:为|达到?|已达|至|完成)?\s*"
                           r"(?:[1-9]?[0-9](?:\.[0-9]+)?)\s*%")
# DECLARED DONE, A PART SAID TO LAG: a declared done (形象进度 100%, 已完成) does not outweigh a
# status read from words saying a part lags or a milestone slipped (these rules of status.py):
# done is never given while a part is said to lag, and the table's word does not change that
# (at_risk, the declaration named as the other reading).
DECLARED_DONE_NOT_OVER = ("part_delay", "rescheduled")
# The task's overall progress stated in its progress text (总完成进度为100%, 工程总体进度达60%,
# 整体进度完成85%): the unit's share of the whole task, read as a declared 形象进度 is
# (overall.py, OVERALL SHARE). A word of the whole (总, 总体, 整体) must name the progress: a
# bare 进度 of one part (惠企资金拨付进度达到99%) is not the task's.
OVERALL_SHARE = (r"(?:总|总体|整体|综合|项目总|工程总体?)(?:完成|形象|工程)?进度"
                 r"(?:为|达到?|已达|完成|是)?\s*(?P<v>[0-9]+(?:\.[0-9]+)?)\s*%")
DECLARED_FULL_NOTE = "(进展称仍在施工,按本年计划的完成比例读;若为整个项目的进度则为已完成)"
# DECLARED SHARE OF A HELD TARGET: a declared share of 100% or more (完成目标(%): 103) before the
# year ends, for a task whose every target must hold to the year's end — a cap kept (失业率低于
# 4.3%, 控制在…以内: comparator in DECLARED_HELD_COMPARATORS, not a rank nor a level to bring
# down to, 降至) or a growth rate (kind in DECLARED_HELD_KINDS: 增长7%, measured on the year) —
# says the target holds so far, not that the year's task is delivered: on course, the note
# giving the other reading (done). A level to raise that is reached stays reached (学位占比达到
# 95%), and a running total or a milestone at 100% is done, as before; so is any at year end.
DECLARED_HELD_COMPARATORS = ("<=", "<")
DECLARED_HELD_KINDS = ("rate",)
DECLARED_HELD_NOTE = ("(上限或增速目标须保持至年末,目前达标按正常推进;"
                      "若指全年任务已完成则为已完成)")
# DECLARED RED NAMES THE RED: the table grades the task red one way (滞后) and its text says
# another red (未启动): the grade is the office's verdict on the whole task, the text's words may
# be of one part of it (a 2-km stretch of a clean-up not started). The grade wins; the reason
# keeps the text's reading and says which was followed.
# Only a grade that names its red does (滞后, 未达序时进度, 未启动 …: DECLARED_RED_GRADES): a yes/no
# answer (是否达序: 否), a share under the time share or a plain 未完成 says not which red, and
# the text's more particular reading (尚未启动) stands.
DECLARED_RED_GRADES = (r"滞后|落后|慢于|低于(?:时间|序时)进度|低于序时|未达到?(?:时间|序时)?进度|未达序"
                       r"|欠进度|未启动|未开工|未开展|尚未实施")
DECLARED_RED_NOTE = "(按表中等级;文字所述另作{other},或仅为其中一部分)"

# --- Indicator rows: bare numbers under a column, the unit in brackets ------------------------
# An indicator table gives the unit once, in brackets at the end of the indicator's name or of
# the column's header (城镇新增就业(人) | 26000 | 19456; 完成投资(万元) | 5200): a cell that is
# nothing but a number, under a target column (目标任务) or an achieved-figure column (已完成数,
# 进度 read as a figure), is that number in that unit. The header's unit comes first (it is the
# column's), then the row's. The target reads its metric and comparator from the row's name as
# if the figure followed it (城镇登记失业率低于(%) | 4.3 is "<= 4.3%"); the achieved figure
# measures the row's target in a comparable unit, and a completion rate of the same row
# (完成目标(%): 74.8, DECLARED_RATE_HEADER) is its stated ratio. A cell of words under an
# achieved-figure column is read like a progress cell. At most this many characters in brackets:
INDICATOR_UNIT_MAX = 8
# A bare cell may close with the comparator the target is written with (6左右, 6.5以上, 3以内)
# and an achieved figure may be negative (-3.6): still a bare number, its comparator kept.
# A column whose header names a growth (预期增长(%), 增速, 增幅) gives each row's figure as the
# growth of the row's indicator: 地区生产总值 | 6左右 reads as 地区生产总值增长6%左右, a rate.
BARE_QUALIFIER = r"左右|以上|以下|以内|及以上|及以下"
GROWTH_HEADER = r"增长|增速|增幅"
# A unit line of the table (金额单位:万元 above or below it; luoshi.ingest Meta.unit_line) gives
# the unit of a bare number in a target or achieved-figure column whose header and row give
# none. A line that names money (金额/资金/投资/价值单位) speaks of the money columns only: those
# whose header names money (UNIT_LINE_MONEY_HEADERS); a plain one (单位:亿元, 计量单位:个) of
# every such column. A cell that writes its own unit or a per cent is not bare and keeps it.
# No unit in any bracket nor unit line: the row's other cells (备注: 已完成174户施工改造) may
# write the very number with its unit; then the bare number is in that unit, when they write
# it with one unit only (174户 and 174个 both: nothing is guessed). Only numbers of at least
# this many digits borrow, so 1 or 2 do not take the unit of an unrelated small count:
STATED_UNIT_MIN_DIGITS = 2
# A column of units of measurement (单位 | 人次, 万方, 元/月/人 beside 工作目标 | 2800): the row's
# cell there, when it reads as a unit (a responsible unit such as 区教育局 does not), is the unit
# of the row's bare numbers under its target and achieved-figure columns. It comes after the
# header's and the row's own brackets and before the table's unit line: it is the row's own.
MEASURE_UNIT_HEADER = r"^(?:计量|計量)?单位$|^(?:计量|計量)?單位$"
UNIT_LINE = r"^(?P<what>[^:单]{0,4})单位:(?P<unit>.+)$"
UNIT_LINE_MONEY = ("金额", "资金", "投资", "价值")
UNIT_LINE_MONEY_HEADERS = ("资", "金额", "预算", "收入", "产值", "款", "费",
                           "資", "金額", "預算", "費")  # 资 covers 投资, 资金, 投(筹)资

# All done but the ones named (除A县、B区外,其余191个县级单位均已完成…): the named ones have not,
# a part lags (amber; never done). Only when the exceptions are units, places or projects: an
# exception by design (除涉密事项外,均已公开) is no lag.
EXCEPT_DONE = (r"除(?P<who>[^,，。;；]{1,60}?)外[,，]?(?:其余|其他|其它|其他各|其它各)?[^。;；]{0,40}?"
               r"(?:均已|都已|已全部|全部已|均)(?:完成|发放|到位|开工|建成|落实|启动|实现|兑现|拨付)")
EXCEPT_WHO = ("县", "区", "市", "镇", "乡", "街道", "村", "局", "委", "办", "单位", "企业", "项目", "学校",
              "医院", "社区")

# At the year's end, a task promising no figure whose entry says its things are all done (已全部
# 建设完成并投入使用, 均已建成, 建设完成率达到100%) and names nothing unfinished, lagging or at risk
# is done: the year's list item was delivered (a year-end account of 为民办实事).
YEAR_END_ALL_DONE = (r"(?:已全部|均已|已经全部|全部已)[^,，。;；]{0,8}?(?:完成|建成|竣工|投入使用|投用|到位|实现)"
                     r"|完成率(?:为|达|达到)?100%")

# A figure inside "按(照)…标准" is the standard by which something is paid or done (市级财政按照
# 2200元/户标准进行补贴), a means of the task, not a result it promises: no target. A standard to
# raise (补助标准提高到610元) names no 按: a target as before.
STANDARD_APPLIED = r"(?:按照|依照|参照|按)(?P<inner>[^,，。;；]{0,16}?)的?标准"

# SELF-REPORTED RESULT (luoshi/extract/selfreport.py): a task with no progress of its own whose
# text compares what it reached with its target — "增长13.3%,增幅高于年度目标0.3个百分点" —
# reports its results in its own words (an indicator 通报 item: the sentence is the task). Its
# figures are achievements, not targets; the gap to the target is neither; the comparison
# grades it: at or above the target on track, below it amber (red once the year is over).
SELF_REPORT_ABOVE = ("高于", "超过", "超出", "快于", "好于", "领先")
SELF_REPORT_BELOW = ("低于", "慢于", "落后于", "落后", "少于", "差")
SELF_REPORT_YARDSTICK = r"(?:年度|全年|年初|计划|预期)?(?:目标|计划|预期)"
# YEAR'S PLAN IN ANOTHER COLUMN: a column of no role of its own (其他, 备注) whose cell states the
# year's plan (年度投资目标15495万元,1—3月完成投资2513万元: rules.PROGRESS_PLAN) gives the row that
# target, of a unit family the row's other targets lack (a plan of the same family restates one).
PLAN_COLUMN_ROLES = ("other", "remarks")
