"""Every threshold and word list the analysis uses, in one place, each with its reason.

These are the rules a careful supervisor (督查室) states when reading a progress table; they
are data, so that a reviewer can read and change them without reading the code. Regular
expression fragments are joined with "|" where used. docs/analysis.md explains them in prose.
"""

from __future__ import annotations

# --- Figures against time -------------------------------------------------------------------

# Progress is cumulative from 1 January. A running total is judged by its pace: its ratio to
# the annual target divided by the share of the year elapsed at its as-of date. The bands are
# those of published 督查通报 (达进度 / 欠进度 / 超进度):
#   pace >= PACE_AHEAD (1.5)      ahead (超进度), when the target is not yet reached
#   pace >= PACE_ON (0.9)         on course
#   pace >= PACE_AMBER (0.7)      slightly under the time share: amber (at_risk)
#   below                         well under it: red (behind)
# At Q3 (0.75): under 0.675 of the year's target is amber, under 0.525 red (61.98% is amber,
# 45% red, 84% on course); at H1: under 0.45 amber, under 0.35 red.
PACE_AHEAD = 1.5
PACE_ON = 0.9
PACE_AMBER = 0.7

# A growth-rate target (增长15%) is compared to the rate reported so far, not to time: at or
# above the target on course; before the year ends, at RATE_AHEAD times the target or more
# ahead (超进度: 增长9.5% against 6% — clearly beyond the promise, like a running total at 1.5
# times its pace; every rate read for the target must be, 自然口径4.3%/同口径17.7% is on course);
# short by up to a quarter (RATE_AMBER of the target) amber; further short,
# or a fall where growth was promised, red.
RATE_AMBER = 0.75
RATE_AHEAD = 1.5

# A limit (<=, 控制在…以内) is broken when the measured value exceeds it by more than this.
# Smaller is better for every target with comparator "<=" (a limit, a price to bring down, a
# rank: 全国10位 against 前3位 is not reached, and never "333%" of it): such a target is met
# when the figure is at or below it, compared by value, never as a share of the target.
LIMIT_TOLERANCE = 0.0
# Verbs that bring a level down to a figure (降至4.77元/方, 下降到3%): the figure is a level to
# reach from above, reached or not like any level — not yet, before the year ends, is no lag;
# a cap kept (控制在…以内, 不超过) is broken as soon as a figure exceeds it.
LOWER_TO = ("降至", "降到", "下降至", "下降到", "降低至", "降低到", "压缩至", "压缩到", "压减至", "压减到",
            "减少至", "减少到", "压降至", "压降到", "下调至", "下调到")

# A stated completion share (完成年度计划61.98%) is a ratio in percent.
PERCENT = 100.0

# --- Numbers ----------------------------------------------------------------------------------

# Longest run inside quotes or 《》 treated as a name (its numbers are labels).
MAX_QUOTE_LEN = 60

# A bare scale (2900多万, 3.5亿) is money when one of these words is this close before it.
MONEY_CONTEXT_WINDOW = 12
MONEY_CONTEXT_WORDS = (
    "资金|金额|投资|税收|收入|经费|融资|贷款|额度|债券|资本|补助|奖励|支出|预算|销售额|产值|"
    "增加值|营收|利润|压减|节约|减负|让利|兑现|拨付|下达|到位|募集|授信|余额"
)

# An amount of money followed by 以上 and the things it sizes, then their count, is the size
# class of the things counted, not an amount (投资10亿元以上项目10个: ten projects of a billion or
# more; "30个亿元项目" likewise). Matched right after the amount's unit.
SIZE_CLASS = (r"(?:及)?以上(?:的)?[\u4e00-\u9fff]{0,6}?(?:项目|企业|工程)[\u4e00-\u9fff]{0,3}?"
              r"[0-9一二三四五六七八九十两]")
# A Chinese numeral right after one of these is part of a word (统一, 唯一, 逐一 …).
# Fixed words holding a numeral and a measure word: names, not amounts (海上铁人三项赛).
NUMERAL_WORDS = ("铁人三项", "三项制度")
CN_NUMERAL_WORD_PREFIX = ("统", "唯", "逐", "万", "之", "单", "专", "同", "划", "合", "整", "初", "周")

# --- Comparators of targets -----------------------------------------------------------------

# After the number and unit.
SUFFIX_GE = ("及以上", "以上", "多")
SUFFIX_LE = ("以内", "以下", "之内")
# Right before the number (the verb or adverb governing it).
PREFIX_GE = ("不少于", "不低于", "至少", "超过", "突破", "大于", "逾", "超")
PREFIX_LE = ("不超过", "不高于", "控制在", "低于", "压缩至", "压缩到", "降至", "降到", "少于", "小于")
PREFIX_REACH = ("达到", "达")
# Verbs of change; they may stand before the metric ("压减一般公用经费支出5%").
INCREASE_VERBS = ("同比增长", "增长", "提高", "提升", "增加", "上升", "增幅", "增速")
DECREASE_VERBS = ("同比下降", "下降", "降低", "压减", "减少", "压缩", "削减", "降幅", "减排", "下浮")
# A verb of change ending in one of these before the number sets a level, not a change:
# "占比提升至44%" (reach 44%), "下降到3%" (<= 3%). 达/达到 do so except after a growth rate
# noun-verb ("增长达10%" is still growth of 10%).
LEVEL_AFTER_CHANGE = ("至", "到")
LEVEL_AFTER_CHANGE_UNLESS_RATE = ("达", "达到")
RATE_NOUN_VERBS = ("增长", "同比增长", "增速", "增幅")
# "N个指标均…": N names a set whose every member has the later figure as its target.
EACH_WORDS = ("均", "都", "各", "分别", "每个")
# "A、B分别下降20%": the figure holds for each metric listed before this word.
RESPECTIVELY = "分别"
# Adverbs and modal verbs stripped from the front of a target's metric.
METRIC_LEADING_WORDS = (
    "确保", "力争", "争取", "全年", "年内", "全面", "努力", "实现", "推动", "完成", "安排",
    "新增", "其中", "累计", "共", "全市", "全区", "全县", "今年", "当年", "每年",
)

# --- Measurements ---------------------------------------------------------------------------

# A figure right after these is a plan or target restated, not what was done.
# A plan set at the start of the year or adjusted since ("由年初的2%调整为-4%", "年初设定的6%",
# "今年排定85个项目") is a plan too.
PLAN_FIGURE_BEFORE = ("计划", "目标", "任务", "预算", "考核任务", "要求", "指标", "年初的", "年初设定的",
                      "调整为", "调整到", "排定")
PLAN_FIGURE_AFTER = ("的任务", "任务", "的目标", "目标", "的计划", "计划")
# The rest of the figure's clause saying it is a plan: "50个…年度考核任务指标".
PLAN_FIGURE_REST = r"任务指标|目标任务|考核任务|任务数|计划数|年度目标|年度任务"
# "计划完成…", "计划新增…" announce a plan (but "按计划完成" reports one met).
PLAN_VERB = r"(?<![按照])计划(?:完成|新增|建设|开工|投资|实施|引进|培育|创建|建成)"
# A clause with these before the figure speaks of the future.
FUTURE_WORDS = ("预计", "力争", "计划于", "计划在", "拟", "将于", "将在", "争取", "有望", "下一步", "下步", "目标是")
# 预计 followed by a named period before the figure is an estimate for that period (a
# measurement, approximate), unless the period is the whole year or later.
ESTIMATE_WORD = "预计"
ESTIMATE_AHEAD = ("全年", "年底", "年末", "明年", "下半年", "四季度", "年内")
# The year's plan stated in a progress cell (全年计划新增就业5000人, 年度目标任务为改造80户,
# 今年计划完成投资40亿元, 年内计划完成投资290亿元): when the task text and the table give no
# target, its figure is the task's target for the period's verdict (luoshi/extract/progress_plan.py, origin
# "progress_plan"), and never a measurement. A 的 between the phrase and the figure makes a share
# done (完成全年计划的80%), not a plan; so does 完成/占/达 right before it (完成年度计划61.98%,
# 占全年计划24.6亿元的73%: the plan is the object of a share).
# Between the phrase and the figure, these make the figure a share done, not the plan
# (年度计划完成率70.3%).
PROGRESS_PLAN_SHARE = r"率|比例|进度|百分比|占"
PROGRESS_PLAN = (r"(?<!完成)(?<!占)(?<!达)(?:全年|年度|今年|本年度?|当年|年内)(?:计划|目标|任务)(?:任务|数)?"
                 r"(?:为|是|:)?")
# A target whose own words name the year's plan (2017年度计划实施170878户, 今年计划改造200户,
# 年度目标新增80户) is the period's yardstick for its unit: a larger target of the same unit
# without these words (为235198户接通天然气, 三年改造600户) is the whole programme's total, and
# figures matched to it measure the year's plan instead (luoshi/extract/yardstick.py). A year
# named in the phrase other than the report's makes it no plan of this period.
YEAR_PLAN = (r"(?:(?P<year>20[0-9]{2})年度?|全年|年度|今年|本年度?|当年|年内)"
             r"(?:的)?(?:计划|目标|任务)")
# A quoted restatement of a target reported as achieved: its figures are achievements.
ACHIEVED_RESTATEMENT = (r"(?:已经?|均已|全面|超额)(?:完成|实现|达到)(?:了)?[^,,。;;“]{0,12}?"
                        r"(?P<q>“[^”]{1,80}”)(?:的)?(?:任务|目标|要求)")
# A figure after these is what remains to be done.
REMAINDER_WORDS = ("剩余", "尚余", "还剩", "尚有", "还有", "未完成", "缺口")
# An amount and the growth rate reported right after it (at most this many characters apart,
# in one sentence) measure the same metric: "完成79.73亿元,同比增长3.3%".
COMPANION_MAX_GAP = 8
# Two growth rates side by side in one sentence, the second naming no metric of its own but
# these qualifiers of how it was read, are two readings of the same metric ("自然口径增长4.3%,
# 同口径增长17.7%"): both measure its target. (Verbs of change and 同比 name no metric either:
# they are METRIC_NEUTRAL, left out too.)
READING_QUALIFIERS = ("扣除留抵退税因素后", "自然口径", "同口径", "可比口径", "按可比价格计算", "可比价",
                      "现价", "环比", "比上年", "较上年", "为", "达到", "达", "实现", "分别", "和", "、")
# A per cent in a progress text whose clause opens with a verb of change, after these
# characters of time and degree, is a change in that direction even when the metric stands
# between (已压减一般性支出5%, 累计下降单位能耗3%), as DECREASE_VERBS may stand before the metric
# of a target.
VERB_BEFORE_METRIC_LEAD = r"^(?:全年|今年|当年|年内|截至目前|目前|已经|已|累计|共|同比|再|均|分别|\s)*"
# Figures joined by these share the verb of change before the first ("下降22.7%和34.6%").
FIGURE_JOINERS = ("和", "、", "及", "与", "以及")
# Counts of one set told in parts (A、B 4所卫生院改扩建,及C、D 4所卫生院迁建…主体已完工): two figures of
# one unit family measuring the same running-total target, in one sentence, with only a noun
# phrase and a joiner between them (the joiner after a comma or 、, or right after the first
# figure) and no verb or word of stage between (each part would then have its own predicate:
# 开工12个,竣工5个 are not 17): they share the predicate that follows, and the target's figure is
# their sum (8所), read as one measurement over both.
PARTS_JOINER = r"(?:^|[,,、])(?:以及|及|和|与)"
PARTS_BLOCKERS = ("已", "完成", "建成", "开工", "竣工", "完工", "在建", "正在", "启动", "累计", "实现",
                  "达到", "新增", "其中", "另", "尚", "未", "计划", "共", "合计", "分别")
# A sentence saying its things are only basically or partly finished, or still under way
# (主体工程已基本完工,正在装修): a figure in it that reaches a running total's target counts things
# reached at a stage, not finished — on course, not done (the done rules read no such figure).
UNFINISHED_STAGE = r"(?:基本|初步|主体)(?:完工|完成|建成|竣工)|正在|进行中|推进中|尚在|仍在|在建"
# "其中" opens a breakdown of the figure before it; its figures are parts, not totals.
BREAKDOWN_WORDS = ("其中", "包括", "含")
# A percentage after these states the completion share of a plan (ratio_stated).
RATIO_STATED_PATTERNS = (
    r"完成(?:了)?(?:全年|年度|本年|当年|年初)?[^,,。;;]{0,10}?(?:计划|目标|任务|预算)(?:的)?",
    r"占(?:全年|年度)?[^,,。;;]{0,14}?(?:计划|目标|任务)[^,,。;;]{0,12}?的",
    r"完成率(?:为|达|达到)?",
    r"完成[^,,。;;0-9]{1,4}?率(?:为|达|达到)?",  # 完成投资率85.49%
    r"(?:完成|进度)(?:比例|率)?(?:为|达|达到)?(?:全年|年度)(?:的)?",
    r"相当于(?:全年|年度)[^,,。;;]{0,8}?的",
    # 达到治理计划的57%, 达到年计划的50%, 完成今年计划工程量的63%: a share of the plan (of its work)
    r"(?:完成|达到)(?:了)?[^,,。;;0-9%]{0,12}?(?:计划|目标|任务)(?:工程量|工作量|任务量|投资)?的",
)
# Per cents listed after a stated share, joined by these alone, are shares of the same kind, one
# for each part the sentence lists (分别达到治理计划的57%、37%和70%: three shares of the plan).
RATIO_LIST_JOINERS = r"、|和|及|与|以及|,|，"
# A task promising no figure, red only by a stated share under the time share, whose entry
# reports at least this many other achieved figures beside the share's own: the share is of one
# part (公交场站开工15座,达到年计划的50%,更新公交车辆753部), and one part lagging is amber; the
# reason says the other reading.
PART_SHARE_AMBER = 1
PART_SHARE_NOTE = "(该比例似为其中一项的进度,其他事项已有进展;若为整体进度则为滞后)"
# Whether a ratio_stated is against the annual plan (then compared with time elapsed).
ANNUAL_RATIO_WORDS = ("年度", "全年", "计划", "目标", "任务", "考核")

# --- Status words ---------------------------------------------------------------------------

# The entry says, without qualification, that the task is complete.
WHOLE_DONE = (
    r"^(?:该项|此项|本项|该任务)?(?:工作)?(?:已经?|均已|已全部|已全面|全部|已按要求|已如期)"
    r"(?:举办|举行|建设|改造|实施|整治|安装|发放|验收|采购|拆除|搬迁)?"  # 已举办完成
    r"(?:完成|建成|实现|落实|办结|竣工)(?:全部)?(?:任务|工作|目标)?(?:[,,;;。(]|$)"
)
# "(该项已完成)" anywhere in the entry.
EXPLICIT_DONE = r"[(（](?:该项|此项|本项)?(?:工作)?已(?:经)?(?:全部)?完成[)）]"
# 已完成全年目标 / 已完成…任务要求 : the year's target is met (not a quarter's or a batch's).
# A quoted restatement of the target counts as one word: 已完成“压减支出10%、…”的任务.
_QUOTED_OR_CHAR = r"(?:“[^”]{1,80}”|[^,,。;;“])"
TARGET_MET = (
    rf"(?:已经?|提前|超额|全面)(?:完成|实现|超额完成)(?:了)?{_QUOTED_OR_CHAR}{{0,20}}?(?:全年|年度|上级)?"
    rf"{_QUOTED_OR_CHAR}{{0,6}}?(?:目标|任务)(?:要求)?(?=[,,。;;(（)）]|$)"
)
# Subjects of such a claim that mean the whole task (anything else names a part).
WHOLE_SUBJECTS = ("全市", "全区", "全县", "我市", "我区", "我县", "该项", "本项", "此项", "目前", "截至目前")
# A subject ending in a word of totality covers every part: "各项指标均已…", "N项任务全部…".
TOTALITY_WORDS = ("均", "全部", "都", "悉数")
# Words that make a completion partial: 基本完成, 初步完成, 第二批, 一季度任务 …
PARTIAL_WORDS = ("基本", "初步", "部分", "大部分", "阶段", "季度", "半年", "第一批", "第二批",
                 "第三批", "一期", "首批", "初稿", "前期", "试点", "中间", "编制", "设计", "规划",
                 "可研", "立项", "招标", "讨论稿", "征求意见稿")
# Work still under way right after an achievement undoes it: "已完成方案,正在落实投资主体".
ONGOING_WORDS = ("正在", "进行中", "推进中", "尚在", "仍在")
# Task verbs whose object can be finished within the year, and the verbs in a progress text
# that show each one achieved. Planning verbs (谋划, 推进, 深化 …) promise no finished object.
START_VERBS = ("开工建设", "开工", "启动建设", "动工")
ACHIEVES: dict[str, tuple[str, ...]] = {
    "开工建设": ("开工", "动工", "进场施工", "建成", "竣工", "完工", "投用"),
    "开工": ("开工", "动工", "进场施工", "建成", "竣工", "完工", "投用"),
    "启动建设": ("开工", "动工", "进场施工", "启动建设", "建成", "竣工"),
    "动工": ("开工", "动工", "进场施工", "建成", "竣工"),
    "建成": ("建成", "竣工", "完工", "投用", "投入使用", "完成"),
    "建设": ("建成", "竣工", "完工", "投用", "投入使用", "完成"),
    "新建": ("建成", "竣工", "完工", "投用", "完成"),
    "竣工": ("竣工", "完工", "建成", "投用"),
    "完工": ("竣工", "完工", "建成", "投用"),
    "投用": ("投用", "投入使用", "运营", "运行"),
    "投入使用": ("投用", "投入使用", "运营", "运行"),
    # Opening to traffic or to (trial) service: a line opened for trial service (已通车试运营) is
    # the result promised by 投入试运营, 投入运营, 通车.
    "试运营": ("试运营", "通车", "运营", "投用"),
    "投入运营": ("运营", "试运营", "通车", "投用", "投入使用"),
    "通车": ("通车", "试运营", "运营", "投用"),
    "改造": ("完成", "改造完成"),
    "完成": ("完成",),
    "实现": ("实现", "完成"),
    "清零": ("清零", "完成"),
    "办理": ("完成", "办结"),
    "创成": ("创成", "获评", "命名", "成功创建"),
    "设立": ("设立", "成立"),
    "成立": ("设立", "成立"),
    "出台": ("出台", "印发", "发布"),
    "列入": ("列入", "纳入"),
    "纳入": ("列入", "纳入"),
    "举办": ("举办", "举行", "完成"),
    "回购": ("回购", "完成"),
}
FINISH_VERBS = tuple(v for v in ACHIEVES if v not in START_VERBS)
# Right before a finishing verb these promise movement towards it, not the finished object:
# "加快实现…", "逐步建成…", "推动设立…".
PROGRESS_ONLY_BEFORE = ("加快", "推进", "推动", "逐步", "持续", "深化", "着力")
# With 完成 as the achieved verb of a building task, the clause must say what was built.
BUILD_WORDS = ("建设", "建成", "施工", "工程")
# Markers that a verb in the progress text is an accomplished fact.
ACHIEVED_MARKERS = (r"已经?|已于[^,,。;;]{0,10}?|均已|成功|顺利|全面|已全部|已全面|全部|"
                    r"[0-9]{1,2}月(?:[0-9]{1,2}日|份|底|初|中旬|下旬|上旬)?")
# Words before an achievement verb that undo it: 拟建成, 计划完成, 正在建设, 尚未完成.
NOT_ACHIEVED_BEFORE = ("拟", "计划", "预计", "正在", "将", "力争", "争取", "尚未", "未", "没有",
                       "不能", "无法", "待", "推进", "加快", "确保", "要", "需", "启动")
# An entry that still reports work under way or pending on the finished object is not done.
# Minimum overlap (character bigrams) between a task clause's object and the progress text
# near an achievement verb for the clause to count as achieved.
OBJECT_MIN_BIGRAMS = 2
OBJECT_MIN_SHARE = 0.25

# Delay and inability: the text says the task lags or cannot be done -> behind.
DELAY_WORDS = (
    "滞后", "缓慢", "较慢", "偏慢", "迟缓", "无法完成", "难以完成", "未能完成", "不能完成", "完不成",
    "做不到", "无法实现", "难以实现", "流拍", "暂缓", "暂停", "停滞", "搁置", "延期", "推迟",
    "延后", "未按计划", "未按期", "未达到序时", "未达序时", "落后于序时", "低于序时", "不及预期",
    "未能如期", "无法如期", "停工", "延迟", "拖延", "进展慢", "进度慢", "低于预期", "未达预期",
    "逾期", "未如期", "无法按期", "不能按期", "难以按期", "未能按期", "稍慢", "略慢", "较缓", "偏缓",
)
# A pace word of comparative degree (进度较慢, 推进偏慢) says the pace is slower than wished, not
# that the task has fallen behind its schedule: amber, unless a severity word (严重, 明显) or the
# figures (well under the time share) make it red. 缓慢 and 滞后 carry no such degree: red.
# So, measured against an expectation rather than the schedule, are 不及预期, 低于预期, 未达预期:
# below what was hoped for (精品民宿进度75.45%,不及预期), amber unless severe (远低于预期).
COMPARATIVE_DELAY_WORDS = ("较慢", "偏慢", "稍慢", "略慢", "较缓", "偏缓", "不及预期", "低于预期", "未达预期")
# A delay word after a hedge foresees a delay without stating one ("可能有所推迟") -> a risk.
HEDGES = ("可能", "或将", "恐将", "或许", "恐怕")
# "Somewhat" before a delay word ("进度有所滞后"): a slight lag the task's own figures may
# outweigh — when every target with a reported figure keeps pace, the figures decide.
MILD_QUALIFIERS = ("有所", "有些", "略有", "稍有", "略显", "稍显", "一定程度")
# 滞后 after a degree adverb with no word of schedule in its clause describes a state
# (执法队伍建设较为滞后, 基础设施相对滞后: underdeveloped), not a task behind its schedule.
STATE_DEGREE = ("较为", "相对", "比较", "仍较", "明显", "严重")
SCHEDULE_WORDS = ("进度", "进展", "计划", "序时", "时间", "节点", "工期", "开工", "完成", "按期",
                  "如期", "按时", "年底", "年内", "目标", "任务", "指标", "项目", "工程")
# "无法实现 + a means" (无法实现数据对接) says a tool is missing, not that the task cannot be
# done; it counts only when its object names the task's aim (目标难以实现, 无法实现全年目标).
MEANS_INABILITY = ("无法实现", "难以实现", "不能实现")
TASK_AIM_WORDS = ("目标", "任务", "计划", "指标", "进度", "要求")
# Deferring what is not needed is a saving measure, not a delay ("非急需项目延后实施").
DELIBERATE_DEFERRAL = (r"(?:非急需|非必要|非刚性|非重点|不急需|可缓)[^,,。;;]{0,10}?"
                       r"(?:延后|推迟|暂缓|缓建|暂停|延期)")
# 取消 only as the outcome ("赛事取消,"), not as a reform verb ("取消证明事项").
CANCELLED = r"(?:被|已|因[^,,。;;]{0,10}?)?取消(?=[,,。;;)）]|$|了)"
# Risk: the text foresees difficulty without saying it lags -> at_risk.
RISK_WORDS = (
    "难度较大", "难度很大", "难度大", "有难度", "较大难度", "难以", "压力较大", "压力巨大", "压力大",
    "存在风险", "风险较大", "不确定性", "差距较大", "差距大", "不容乐观", "存在不确定",
)
RISK_GAP = r"距离[^,,。;;]{0,12}?较大"
# Growth that fell back or slowed (增速回落, 增幅有所下滑) is a risk named for a growth aim.
RISK_SLOWDOWN = r"(?:增速|增幅|增长)[^,,。;;]{0,10}?(?:回落|下滑|放缓)"
# A risk word counts only when its clause speaks of meeting the task's aim or time
# (SCHEDULE_WORDS, 实现, 达到): a problems column lists every difficulty of a field
# ("协调难度较大", "存在风险盲区"), and a supervisor flags only those that put the task in doubt.
RISK_CONTEXT = (*SCHEDULE_WORDS, "实现", "达到", "达成", "完不成")
# Negations that cancel a following delay or risk word: 不存在滞后, 无滞后, 没有延期.
NEGATIONS = ("不存在", "没有", "未出现", "无", "不", "未", "避免", "防止", "杜绝")
# A delay word in a finding about others (审计发现…滞后) or as the object of supervision
# (督导落后项目, 破解…滞后问题) is not about this task.
FOREIGN_CONTEXT = ("发现", "查出", "督导", "督促", "破解", "解决", "整治", "通报", "约谈", "查处",
                   "针对", "对于", "梳理")

# "No data": the unit says it cannot report.
NO_DATA = ("无法提供数据", "暂无数据", "无法提供", "未提供数据", "数据暂缺", "暂无统计", "无统计数据",
           "数据尚未", "未报送", "未填报", "暂未统计")

# A progress cell that says only that the figure is counted by the year (年度指标, 年底统计,
# 按年度考核) reports no figure for a period before the year's end: no data, not progress.
# At the year's end such a cell is read as any other (the year's figure may follow).
YEARLY_ONLY = (r"(?:该项|此项|本项|该指标|此指标)?(?:为|属|属于|系)?(?:年度|全年|年终|年底|年末|按年度?)"
               r"(?:指标|数据|统计|考核|考核指标|统计指标|数)(?:,?(?:年底|年终|年末)(?:统计|考核))?")

# Boilerplate that says nothing concrete; an entry made only of these is vague.
BOILERPLATE = (
    "按计划推进", "按照计划推进", "按计划有序推进", "按计划实施", "正在推进", "正常推进", "稳步推进",
    "有序推进", "积极推进", "扎实推进", "全力推进", "推进中", "正在进行", "进行中", "持续推进",
    "按进度推进", "按序时推进", "按时序推进", "按节点推进", "正在实施", "已启动", "工作正常",
    "顺利推进", "加快推进", "稳步实施", "正常", "推进", "落实中", "有序开展", "正在开展", "持续开展",
    # Stock praise and filler that name no result: "进展顺利", "稳步推进,成效明显",
    # "按计划有序推进,各项工作正在稳步推进中".
    "进展顺利", "成效明显", "成效显著", "取得积极成效", "取得明显成效", "取得良好成效", "取得阶段性成效",
    "各项工作", "相关工作", "此项工作", "该项工作", "正在", "有序", "稳步", "按计划", "按照计划", "目前",
    "进展良好", "情况良好", "总体顺利", "推进顺利", "中",
)
# An entry that only says how long the work runs or that it is planned (常年开展, 长期坚持,
# 全年实施, 计划年底完成, 预计年内建成) names nothing achieved: like boilerplate, vague. One that only
# names a deadline (年底完成, 年内完成, 12月底前完成) is the same before the year ends (at year
# end it may report completion). A word of achievement (已), a figure or any other word makes it
# more than that.
_ACTION = r"(?:完成|实施|开展|坚持|推进|落实|完工|建成)"
_DEADLINE = r"(?:[0-9]{4}年)?(?:年底|年末|年内|年前|今年|本年度|年度内|[0-9]{1,2}月(?:底|末)?前)前?"
TIME_FRAME_ONLY = (rf"(?:(?:计划|预计|拟|将|争取|力争)于?{_DEADLINE}{_ACTION}|"
                   rf"(?:常年|长期|全年|持续){_ACTION})")
DEADLINE_ONLY = rf"于?{_DEADLINE}{_ACTION}"
# An entry whose words are at least this share of the task's own words (character bigrams),
# with no figure, only restates the task: vague. Short entries are left to the boilerplate rule.
RESTATE_SHARE = 0.8
RESTATE_MIN_BIGRAMS = 6
# Chars left after removing boilerplate and punctuation below which an entry is still vague.
VAGUE_MAX_REST = 2

# Stage words, for "to be built this year but only just started" at the end of the year.
START_STAGE = ("开工", "进场", "招拍挂", "启动", "动工", "签约", "立项", "招标", "摘牌")
LATER_STAGE = ("主体", "结顶", "封顶", "基本完成", "基本建成", "竣工", "完工", "验收", "投用", "运营",
               "试运行", "%", "装修", "完成建设", "建成", "安装")
# From this share of the year on, a task promised to be finished that has only started lags.
STAGE_SHARE = 0.75
# Task verbs that promise the object finished within the year.
MUST_FINISH_VERBS = ("建成", "投用", "投入使用", "竣工", "完工")

# --- Matching measurements to targets ---------------------------------------------------------

# Bigrams too common to tell one metric from another (verbs of reporting, time words).
STOP_BIGRAMS = (
    "完成", "已完", "累计", "实现", "全年", "年度", "目前", "共计", "确保", "力争", "以上", "以下",
    "计划", "新增", "争取", "全区", "全市", "全县", "我区", "我市", "其中", "截至", "同比", "工作",
    "推进", "开展", "今年", "达到", "项目",
)
# Verbs of change and hedges say how a metric moves, not which metric it is: dropped before
# metric words are compared (总值增长 and 加值增长 share no metric).
# 建设 is as generic a verb as 推进 (开工建设, 项目建设).
METRIC_NEUTRAL = r"同比|增长|下降|减少|提高|降低|上升|增速|增幅|降幅|左右|增加(?!值)|建设"
# A figure followed in its clause by a verb of reporting and another figure names the set the
# second one measures ("132个重点项目1-8月完成投资439.9亿元", "25处隐患点已完成治理17处"):
# it is no measurement.
SUBJECT_LINK_VERBS = ("完成", "实现", "累计", "达到", "共计", "合计", "投入", "开工", "建成", "竣工",
                      "投产")
# The set may stand alone in its clause, the next clause opening with the verb ("全区10个省重点
# 工程项目,完成投资79.11亿元"), or be named as the whole a part is taken from ("4个结构性指标中,
# …", "16个小区中3个已完成": SET_AMONG after the count's noun).
SET_AMONG = r"[^,,。;;:：]{0,12}?中(?=[,,:：0-9])"
# A count in brackets after a noun, before a colon, is the size of the set the entry then
# reports on ("生活小区(30个):13个已完成"): X of Y, the Y is no measurement (another figure).
SET_SIZE_BRACKETED = r"[(（]\s*$"
SET_SIZE_AFTER = r"\s*[)）]\s*[:：]"
# The set alone in its clause opens it: at most this many characters before it (全区, 全市共).
SET_LEAD_MAX = 3
# When that set is a target's own quantity as the task states it (the task promises 132个重点项目
# and the entry reports "132个重点项目…完成投资439.9亿元"), the second figure reports on that
# target, in whatever unit: a measurement of it (with no ratio when the units differ).
# A minus sign right before a number makes it negative ("增幅-1.1%" is a fall of 1.1%) when it
# follows a rate word, 为/是 or punctuation (MINUS_AFTER); after a figure it is a range dash
# (30%-50%, 3万-5万).
MINUS_SIGNS = "-−"
MINUS_AFTER = r"(?:增长|增幅|增速|涨幅|降幅|下降|为|是|[:：,,(（])$"
# A percentage change after these is a further step on an already changed base ("再压减25%",
# "在下调10%基础上再下调5%"), not the change a target asks for: reported as another figure.
FURTHER_CHANGE = r"(?:再|又|进一步)(?:" + "|".join(INCREASE_VERBS + DECREASE_VERBS + (
    "下调", "上调")) + r")了?$"
# Words naming what kind of quantity a money or count metric is. A measurement and a target
# that both name a kind, and different kinds, are different metrics (投资 is not 增加值),
# even when their units agree.
METRIC_CONCEPTS: dict[str, tuple[str, ...]] = {
    "investment": ("投资",),
    "value_added": ("增加值", "产值"),
    "gdp": ("GDP", "生产总值"),  # the whole economy, not one sector's 增加值
    "tax": ("税收", "贡献", "财政收入", "入库", "税"),
    "financing": ("融资", "筹资", "债券", "授信", "贷款"),
    "export": ("出口", "进出口", "外贸"),
    "retail": ("零售", "消费品", "销售"),
    "foreign_capital": ("外资",),
}
# Without words naming its metric, a figure is taken for the task's only target of its unit
# only when its clause reports something achieved (or it is a percentage: a level or rate).
# A progress cell that is nothing but one figure (6公里, 1个, 60%; these marks around it
# allowed) reports that figure as achieved: an amount measures the task's target of its unit
# with no word of achievement needed; a per cent measures the task's per-cent target (a level
# or a growth: the target says which), else it is the share of the task done — 100% is done,
# less is progress not judged against the time share (the cell does not say it is the
# year's plan; the reason says so). Such a cell is never boilerplate.
LONE_FIGURE_TRIM = " \t\n。.,，;；"
LONE_FIGURE_MAX = 24  # characters: a longer cell is never a figure alone
ACHIEVED_CUES = ("已", "完成", "累计", "共", "实现", "达到", "建成", "新增", "创成", "引进", "新建")
# Figures matching no target are still reported (target None, TaskAnalysis.figures) when their
# unit is of these families and nothing marks them as a plan, a remainder or a forecast: what
# the unit did, for the page and for a person to match by hand.
UNMATCHED_FAMILIES = ("money", "usd", "count", "person", "person_time", "occasion", "times", "length", "area",
                      "weight", "teu", "energy", "power", "volume", "percent", "rank", "price",
                      "weight/time", "energy/time", "volume/time", "power/time", "pp", "multiple")
# ... except counts: a count whose clause shares no word with the target counts something else
# (120个网箱 is not 1个项目, 6个部门 are not 20个示范村); money and other measures keep the rule
# (累计入库税收6987.6万元 measures 新增地方综合贡献1.5亿元).
NAMED_FAMILIES = ("count",)
# A clause with fewer own CJK chars than this (after dropping verbs of reporting) refers to
# the noun of the clause before it: "共20项举措,已完成15个".
ELLIPTIC_MAX_CJK = 1
ELLIPTIC_DROP = ("已完成", "完成", "已", "累计", "共", "其中", "实现", "达到", "达", "约", "季度",
                 "分别", "同比", "增长", "下降", "提高", "降低", "和",
                 "一", "二", "三", "四", "前", "月", "底", "至", "截", "目前")

# --- Kinds of target ------------------------------------------------------------------------

# Each target has a kind, decided from its wording and unit, and each kind its own rule
# against time. The task page shows the note ("增速目标,不按时间进度折算"). In order of decision:
#
# | kind        | decided by                                          | judged                                   |
# |-------------|-----------------------------------------------------|------------------------------------------|
# | rank        | 排名/进入/位居 … 前N/第N (unit 名)                    | reached or not (rank number <= N)        |
# | reduction   | a verb of decrease (压减, 下降, 降低 …) by an amount  | the reported cut as is, not prorated     |
# | rate        | a verb of growth by a percent or points (增长7%)     | the reported rate as is, not prorated    |
# | level       | a percent, price (元/方), capacity (万吨/年), a limit | reached or not at any time of year       |
# |             | (<=, 控制在…以内) or a level word (率, 占比, 人均 …) |                                          |
# | cumulative  | any other amount (投资, 开工数, 新增户数 …)            | prorated by the share of the year        |
# |             |                                                     | elapsed at its as-of date (days when the |
# |             |                                                     | date is known, else months)              |
# | milestone   | no figure; a verb of a finished result (开工, 建成,  | done or not; late in the year, only      |
# |             | 完成, 出台 …)                                        | begun is behind                          |
# | qualitative | no figure, no finishing verb                        | by the words of the entry                |
TARGET_KINDS: dict[str, str] = {
    "cumulative": "累计量目标,按时间进度折算",
    "rate": "增速目标,不按时间进度折算",
    "level": "水平/比率/价格目标,达到与否,不按时间进度折算",
    "rank": "排名目标,达到与否",
    "reduction": "压减目标,按实际降幅比较,不按时间进度折算",
    "milestone": "节点目标,完成与否",
    "qualitative": "定性任务,按文字判断",
}
# A task without figures is a milestone when it promises one of these results (done or not);
# ongoing verbs (建设, 推进, 实现, 完成 …任务) make it qualitative.
MILESTONE_VERBS = ("建成", "开工", "竣工", "完工", "投用", "投入使用", "投产", "出台", "印发", "设立", "试运营", "投入运营",
                   "成立", "创成", "举办", "申报", "开通", "通车", "挂牌", "签约", "启用", "上线",
                   "制定", "编制", "修订", "召开", "获批")
# A result promised by a date within the year (luoshi/extract/deadlines.py): the date right
# before a verb of a result (within DEADLINE_VERB_WINDOW characters): 6月底前建成, 上半年出台,
# 一季度内开工. After that month, not done is behind.
DEADLINE_BEFORE = (r"(?:(?P<m>[0-9]{1,2})月(?:份|底|末|中旬|上旬|下旬)?(?:前|以前|之前)|"
                   r"(?P<p>一季度|第一季度|上半年|二季度|三季度|前三季度)(?:内|前|末前|底前)?)")
DEADLINE_PERIODS = {"一季度": 3, "第一季度": 3, "上半年": 6, "二季度": 6, "三季度": 9, "前三季度": 9}
DEADLINE_VERB_WINDOW = 12
# A growth judged against another growth, with no figure of its own: a rate.
RELATIONAL_RATE = (r"增长(?:与|和|同)[^,,。;;]{0,14}?(?:同步|相适应|相协调|相当)|"
                   r"(?:增长|增速|增幅)(?:快于|高于|不低于|超过)")
# A relational growth task (luoshi/extract/relational.py): its subject, its reference and how
# they should relate; the reference's other names in an entry (经济 is reported as 地区生产总值);
# for "in step" (同步, 相适应) the subject may trail by this many points and still keep step.
RELATIONAL_TASK = (r"(?P<subj>[^,,。;;]{2,20}?)(?:增长|增速|增幅)?(?:与|和|同)(?P<ref>[^,,。;;与和同]{1,10}?)"
                   r"(?:增长|增速|增幅)?(?:基本)?(?P<how>同步|相适应|相协调|相当)|"
                   r"(?P<subj2>[^,,。;;]{2,20}?)(?:增长|增速|增幅)(?P<how2>快于|高于|不低于|超过)"
                   r"(?P<ref2>[^,,。;;]{1,10}?)(?:增长|增速|增幅|$)")
RELATIONAL_STRICT = ("快于", "高于", "超过")
RELATIONAL_REFERENCES: dict[str, tuple[str, ...]] = {
    "经济": ("地区生产总值", "生产总值", "GDP", "经济"),
}
RELATIONAL_TOLERANCE = 0.3
# A per cent whose metric names a growth rate (区级财政收入增长率 | 6%以上) is a growth promised,
# a rate, though 率 is a level word: compared as is, ahead at RATE_AHEAD times the target.
GROWTH_RATE_WORDS = ("增长率", "增速", "增幅", "增长幅度")
# A target column's cell that is only a figure (年度目标: 3家, 6%以上) names no metric: the
# row's name does (新增跨国公司地区总部数), as if the figure followed it. "Only a figure": fewer
# than this many CJK characters left once its unit and comparator words are taken out.
COLUMN_METRIC_MIN_CJK = 2
# Words of a metric that make its figure a level, not a running total.
LEVEL_WORDS = ("率", "占比", "比重", "比例", "人均", "均价", "指数", "密度", "浓度", "水平", "寿命",
               "达标", "优良", "强度", "比值", "单价", "价格", "电价", "水价", "气价", "房价", "能耗")
# A count that is to stand at a figure (达到, comparator "reach": 全市高新技术企业达到500家,
# 基站总数达到3000个) is a stock, a level reached or not, not an amount added over the year —
# unless its metric names the adding (新增, 培训, 建成 …: STOCK_ADDED_WORDS) and no word of a
# total (STOCK_WORDS) says it is the stock. A count whose metric raises it to the figure (扩充
# 公办学位至1800个, 增加到500家: ending in LEVEL_AFTER_CHANGE) is a stock too.
STOCK_FAMILIES = ("count", "person")
STOCK_WORDS = ("总数", "总量", "数量", "保有量", "存量", "总规模")
STOCK_ADDED_WORDS = ("新增", "新建", "新开工", "新培育", "培育", "引进", "培训", "招引", "完成", "开工",
                     "建成", "改造", "发放", "帮扶", "转移", "安置", "接待", "举办", "开展", "招聘",
                     "签约", "落地", "创建", "扶持", "救助", "提供", "吸纳", "带动", "累计", "新开", "新设")
# Families that are levels by their unit: a share, a price, a multiple (低保标准的1.3倍), a
# capacity per unit of time.
LEVEL_FAMILIES = ("percent", "pp", "price", "multiple")
LEVEL_FAMILY_SUFFIX = "/time"
# A period named by one quarter alone (二季度, 第三季度, 四季度 — not 前三季度, 1-9月, 上半年) may
# be that quarter's own figures or the running total to its end. luoshi reads a running total
# from 1 January (the likeliest in these tables) and, where a verdict rests on a cumulative
# target's pace, says so with the other reading (QUARTER_ALONE_NOTE: {q} the label).
QUARTER_ALONE = r"^第?[二三四2-4]季度$"
QUARTER_ALONE_NOTE = "(“{q}”按1月起累计理解;若为{q}当季数,应与季度目标比较)"
# A sum of money promised per head (月人均补助不低于330元, 每人每月500元) is a level per head: its
# unit is per head, written as the entry writes its per-head figures (元/人.月, 元/月/人) when it
# does, else 元/人; so it is never measured by a total paid out (发放2140万元).
PER_HEAD_WORDS = ("人均", "每人", "每位")
# A rank promised or reported: 进入全省前八, 全国排名第10位, 位居全市第3.
RANK_TARGET = (r"(?:(?:排名|排位|位居|位列|位次|进入|跻身|保持|稳居|稳定在|争创|迈入|争先进位|进位)"
               r"[^,,。;;]{0,10}?|(?:全国|全省|全市|全区|全县|省内|市内)(?:排名)?)"
               r"(?P<pre>前|第)(?P<num>[0-9]{1,3}|[一二三四五六七八九十]{1,3})"
               r"(?P<unit>名|位|强)?(?![批届期次个年轮类项号条季])")  # 第三批 is a batch, not a rank
RANK_MEASURED = (r"(?:(?:排名|排位|排|位居|位列|列|居|名列|以|处于|保持)[^,,。;;]{0,10}?|"
                 r"(?:全国|全省|全市|全区|全县|省内|市内)(?:排名)?)(?:第|前)"
                 r"(?P<num>[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?P<unit>名|位)?"
                 r"(?![批届期次个年轮类项号条季])")
# A rank reported with no 第 (全国10位, 全省排名5名) is a rank only with its unit, right after a
# region word, and closing its clause (全市10名选手 counts people).
RANK_MEASURED_BARE = (r"(?:全国|全省|全市|全区|全县|省内|市内)(?:排名|排位|位居|位列|居)?"
                      r"(?P<num>[0-9]{1,3})(?P<unit>名|位)(?=[,,。;;()（）、]|$)")
# A move in rank (排名提升3位, 位次前移2位, 排名下降1位): a step up is a gain, a step down a loss
# (negative), never a count of places added up over the year. A target to move up N places
# is met by a move of at least N, reached or not like a rank (kind rank, family "rank_step"):
# a fall is amber before the year ends, red at its end.
RANK_STEP = (r"(?:排名|位次|排位)[^,,。;;0-9]{0,8}?(?P<verb>提升|提高|上升|前移|前进|进位|跃升|跃居|"
             r"下降|下滑|后退|后移|回落)了?(?P<num>[0-9]{1,3}|[一二三四五六七八九十]{1,3})个?(?P<unit>位|名)"
             r"(?![批届期次个年轮类项号条季])")
RANK_STEP_DOWN = ("下降", "下滑", "后退", "后移", "回落")
# The unit of a rank as written (第7名, 前8位), 位 when none is written (进入全省前八).
RANK_UNIT = "位"
# The further ranks of a list after one ("分别为全省第1、第3和第2").
RANK_LIST_ITEM = r"(?:、|和|及|与)第(?P<num>[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?P<unit>名|位)?"
# A figure in 岁 is a target or a measurement only as a level of these (人均期望寿命80岁).
AGE_LEVEL_WORDS = ("寿命", "平均年龄")

# --- Joined sub-rows ---------------------------------------------------------------------------

# A task cell of joined sub-rows (a pipe table's rows without serial joined to the task row
# above, one line each: 新增托位500个。/ 开展筛查1万例。) beside a progress cell of as many lines is
# judged part by part: each target line with the progress line at its side (luoshi/extract/
# subrows.py), when every target lies in one line and two lines at least hold one (a line
# without a target is judged by its words), and no figure read whole names the metric of a
# target of another line (then the lines are not side by side: read whole).
# The task's verdict comes from its parts' (PartVerdict, shown in the reason "分项:…"):
# | parts                                                    | task                          |
# |----------------------------------------------------------|-------------------------------|
# | every part done                                          | done                          |
# | every judged part behind or not begun                    | behind (not_started if all not begun) |
# | some part behind, not begun or at risk, another not      | at_risk (one part lags)       |
# | every judged part ahead or done, at least one ahead      | ahead                         |
# | any other mix of on course, ahead, done                  | on_track                      |
# | no part judged (each vague or without data)              | vague when one is, else no_data |
# A part vague or without data is not judged, but the task is done only when every part is.
# A line ending in one of these is a wrapped cell continuing on the next line, not a sub-row.
PART_LINE_WRAP = (",", "，", "、", ":", "：", "(", "（")

# --- Ahead, scope and severity ----------------------------------------------------------------

# The text says the task runs ahead of schedule.
AHEAD_WORDS = ("超序时进度", "超时序进度", "超过序时进度", "快于序时进度", "超额完成序时", "进度超前",
               "提前完成序时", "超计划进度")
# Words that limit a delay to a part of the task: a supervisor marks it amber at most.
# 略 ("略有延迟", "启动略延迟") is a slight delay.
SCOPE_WORDS = ("个别", "部分", "少数", "少量", "一些", "有的", "有些", "其中", "局部",
               "小部分", "一小部分", "部份")
# 略/稍 are words of degree only right before the delay ("启动略延迟", "略有滞后"); elsewhere
# they are parts of other words (战略, 稍后).
SLIGHT_WORDS = ("略", "稍")
SLIGHT_WINDOW = 2
# A delay said of a count smaller than the set a running-total target promises (6条 promised;
# "3条已完成,2条处于实施阶段,进度相对滞后") concerns that part: amber. The count is looked for in
# the delay's clause and the clauses before it in its sentence, this many clauses in all.
PART_COUNT_CLAUSES = 2
# Words that make a delay red whatever else is said (unless scope words limit it to a part).
# A sentence reporting a part of the task achieved: with one, a delay stated in another
# sentence of the same entry concerns a part (amber), unless severe.
ACHIEVED_FACT = r"(?:已经?|均已|已全部)(?:完成|建成|实现|开工|投用|上报|出台|印发|举办|签约|落地)"
SEVERITY_WORDS = ("严重", "明显", "无法", "停滞", "停工", "完全", "远低于", "远不及", "远未", "大幅")
# Nothing begun: 尚未启动, 未开工. Red when the time to begin has passed (from NOT_STARTED_SHARE).
NOT_STARTED_WORDS = ("尚未启动", "未启动", "尚未开工", "未开工", "尚未开展", "未开展", "暂未启动",
                     "还未启动", "尚未动工", "未动工", "尚未实施", "暂未实施", "暂未开展", "尚未开始",
                     "未开始", "还未开工", "暂未开工")
NOT_STARTED_SHARE = 0.3  # after the first quarter: at its end, not begun is still common

# --- The table's own evidence -------------------------------------------------------------------

# A declared status cell (是否达序, 进展状态, 形象进度 …), in order: the first pattern that
# matches the cell decides. A percentage (形象进度 45%) is judged like a completion share.
# 超额完成 says the target was met and exceeded (done); 超序时/超进度/提前 say ahead of the time
# share (ahead); 达到时间进度 is on course, 低于时间进度 a lag.
DECLARED_STATUS = (
    (r"未完成|未达|不达|滞后|落后|慢于|低于时间进度|低于序时|未按期|延期", "behind"),
    (r"未启动|未开工|未开展|尚未实施", "not_started"),
    (r"超额完成|已完成|已竣工|已办结|全面完成|^完成$|^完成(?:了)?(?:全年|年度|本年)?(?:目标)?(?:任务|目标)$", "done"),
    (r"超序时|超进度|超过时间进度|超额|提前|快于", "ahead"),
    (r"基本达序|基本正常|有风险|需关注|黄灯", "at_risk"),
    (r"达序|正常|顺利|按计划|序时|时间进度|推进中|绿灯|^是$", "on_track"),
)
# A remark (备注, 说明) that is nothing but such a phrase ("达到时间进度", "超额完成") is a declared
# status too: at most this many characters.
DECLARED_REMARK_MAX = 8
# A declared completion share above this (per cent) is no share but a figure in the wrong column
# (完成目标(%): 19456 — a count): not evidence.
DECLARED_SHARE_MAX = 1000
# A declared share is a figure the table reports (TaskAnalysis.figures) when it is the progress
# of the whole task (形象进度 45%, 进度(%): 80): no amount stands behind it. Under a header naming
# a completion rate (完成率, 完成比例, 完成目标(%), 占比) it is the achieved amount over the target,
# an amount the row states in a column of its own: that amount's stated ratio, not a second
# figure. Either way it is the same share for the declared status (table.declared_share).
DECLARED_RATE_HEADER = r"完成率|完成比例|完成百分比|^占比|^完成[^()]{0,4}\(%\)$"

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
# A unit line of the table (金额单位:万元 above or below it; luoshi.ingest Meta.unit_line) gives
# the unit of a bare number in a target or achieved-figure column whose header and row give
# none. A line that names money (金额/资金/投资/价值单位) speaks of the money columns only: those
# whose header names money (UNIT_LINE_MONEY_HEADERS); a plain one (单位:亿元, 计量单位:个) of
# every such column. A cell that writes its own unit or a per cent is not bare and keeps it.
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

