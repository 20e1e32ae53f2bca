"""Reading achieved figures and matching them to targets. Part of :mod:`luoshi.extract.rules` (see its docstring)."""

from __future__ import annotations

from luoshi.extract.rules.figures import DECREASE_VERBS, INCREASE_VERBS

# --- Measurements ---------------------------------------------------------------------------

# A figure right after these is a plan or target restated, not what was done.
# A plan set at the start of the year or adjusted since ("由年初的2%调整为-4%", "年初设定的6%",
# "今年排定85个项目") is a plan too.
PLAN_FIGURE_BEFORE = ("计划", "目标", "任务", "预算", "考核任务", "要求", "指标", "年初的", "年初设定的",
                      "调整为", "调整到", "排定")
PLAN_FIGURE_AFTER = ("的任务", "任务", "的目标", "目标", "的计划", "计划")
# The wholes of a project a share may be taken of (总投资, 总任务 …): of several years, not the year's.
TOTAL_WHOLES = "投资额|投资|计划|任务|工程量|工作量|资金|概算|预算"
# The whole a share is taken of (占总投资34.6亿元的96%: the project's total, the per cent its share)
# is no achieved figure: a figure after 占 + a whole named with 总 and before 的 + a per cent.
SHARE_WHOLE_BEFORE = rf"占总(?:{TOTAL_WHOLES})[^,,。;;0-9]{{0,6}}$"
SHARE_WHOLE_AFTER = r"的[0-9]+(?:\.[0-9]+)?%"
# That whole, named in a progress cell beside the year's plan (占年计划14.84亿元的91%;…占总投资
# 34.6亿元的96%), is a target of the task too: the programme's total, promised over years the
# cell does not give, so it is no yardstick of the period and is not paced (progress_plan.py).
# A target read from a progress cell whose words open with 总 + one of TOTAL_WHOLES is such a whole.
PROGRAMME_WHOLE = rf"^总(?:{TOTAL_WHOLES})"
# The figure such a share is stated for (累计完成投资33.3亿元,占总投资34.6亿元的96%) is the running
# total of the whole (a project of several years), not of the year's plan: reported among the
# task's other figures, it measures no target of the year. A share of the year's plan in the same
# entry (本年累计完成投资13.5亿元,占年计划…的91%) is the one the year is judged by.
SHARE_OF_TOTAL = r"占总[^,,。;;]{0,20}?的\s*$"
# A project's size, not money spent so far: its total investment or budget right before the
# figure (该项目总投资约260万元, 投资概算1.2亿元, 某公路投资约250万元), when the sentence before it
# says nothing done (完成, 已, 累计, 到位 …: BUDGET_SPENT; 已安排36个项目,总投资882.1亿元 is the
# size of what was arranged, a measurement).
BUDGET_BEFORE = r"(?:总投资|投资总额|投资概算|概算|估算|预算)额?(?:约|为|达|共)?$"
BUDGET_BARE = r"投资(?:约|为)$"
BUDGET_SPENT = ("完成", "已", "累计", "实际", "到位", "拨付", "投入", "支付", "落实")
# A level raised or lowered from one figure to another (标准从每人580元提高到610元, 比例由30%
# 提高至50%) reports the new level; the old one is where it started, no achieved figure: the
# figure that opens such a change (从/由 before it in its clause, a verb of change and 到/至
# right after it) is not read as a measurement.
FROM_LEVEL_BEFORE = r"[从由][^,，;；。从由]{0,16}$"
FROM_LEVEL_AFTER = r"^(?:提高|提升|增加|增长|上调|上升|扩大|降低|下降|下调|减少|调整)(?:到|至|为)"
# The rest of the figure's clause saying it is a plan: "50个…年度考核任务指标".
PLAN_FIGURE_REST = r"任务指标|目标任务|考核任务|任务数|计划数|年度目标|年度任务"
# "计划完成…", "计划新增…" announce a plan (but "按计划完成" reports one met).
PLAN_VERB = r"(?<![按照])计划(?:完成|新增|建设|开工|投资|实施|引进|培育|创建|建成)"
# WHAT WAS DUE: 应 + a verb before a figure in its clause says what was due, not what was done
# (应开工项目30个,实际开工27个; 完成10%,应达75%): a plan, no achieved figure. Not the 应 of a word
# (供应, 响应, 相应 …).
DUE_VERB = (r"(?<![供响适相对反效回答呼感照理])应(?:当|该)?(?:达到|达|完成|开工|建成|竣工|到位|实施|新增|"
            r"投资|发放|改造|建设|拨付|培训)")
# A clause with these before the figure speaks of the future.
FUTURE_WORDS = ("预计", "力争", "计划于", "计划在", "拟", "将于", "将在", "争取", "有望", "下一步", "下步", "目标是")
# 争取 in these says what was won, not what is sought: 向上争取 is winning funds or projects from
# the government above (积极向上争取建设资金3亿元 reports 3亿元 secured), 争取到 has them.
FUTURE_NOT = ("向上争取", "争取到", "已争取", "累计争取", "共争取")
# 预计 followed by a named period before the figure is an estimate for that period (a
# measurement, approximate), unless the period is the whole year or later.
ESTIMATE_WORD = "预计"
ESTIMATE_AHEAD = ("全年", "年底", "年末", "明年", "下半年", "四季度", "年内")
# The year's plan stated in a progress cell (全年计划新增就业5000人, 年度目标任务为改造80户,
# 今年计划完成投资40亿元, 年内计划完成投资290亿元, 今年排定重点项目85个: 排定 schedules the year's
# items): when the task text and the table give no
# target, its figure is the task's target for the period's verdict (luoshi/extract/progress_plan.py, origin
# "progress_plan"), and never a measurement. A 的 between the phrase and the figure makes a share
# done (完成全年计划的80%), not a plan; so does 完成/达/达到 right before it (完成年度计划61.98%,
# 未达到全年任务计划40%: a page's mark for slow progress).
# A plan named as the whole of a share (占年计划14.84亿元的91%, 占全年计划24.6亿元的73%) is still
# the year's plan: the figure before 占 is what was achieved of it, the per cent its share; there
# 年计划 alone is this year's plan (占上年计划 is another year's).
# Between the phrase and the figure, these make the figure a share done, not the plan
# (年度计划完成率70.3%).
PROGRESS_PLAN_SHARE = r"率|比例|进度|百分比|占"
# (the plan may name its measure between: 年度投资目标15495万元, 全年投资计划3亿元)
PROGRESS_PLAN = (r"(?<!完成)(?<!达)(?<!达到)(?:全年|年度|今年|本年度?|当年|年内|(?<=占)年)"
                 r"(?:投资)?(?:计划|目标|任务|排定)(?:任务|数)?(?:为|是|:)?")
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
# A gap to the target (距省定目标相差14天, 还差3个) is what remains too.
REMAINDER_WORDS = ("剩余", "尚余", "还剩", "尚有", "还有", "未完成", "缺口", "相差", "还差")
# YEAR-ON-YEAR FALL: a per cent measuring no target, said to fall against the same period of
# the year before (one of these words before it in its clause: 接待费同比下降29.1%), is a growth
# rate reported as it is, negative (-29.1%), as it would be against a growth target. A bare
# fall (单位GDP电耗下降6.5%) says how much was cut: a cut, kept positive.
YEAR_ON_YEAR_WORDS = ("同比", "比上年同期", "较上年同期", "比去年同期", "较去年同期")
# NOT YET BEGUN: a figure whose own clause goes on to say it has not begun or is only being
# prepared (建设2公里未启动, 打造2个示范点正着手准备招标) counts what is still to do, not what was
# achieved: no achieved figure. The words of not begun (rules.NOT_STARTED_WORDS) and these:
NOT_BEGUN_AFTER = ("着手准备", "正在筹备", "尚在筹备", "正在筹划", "尚在谋划", "正在谋划")
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
# The foundation of a build finished (13处运动场已完成基础建设, 完成基础施工) is such a stage too
# (基础设施建设, infrastructure, is not: 设施 stands between).
UNFINISHED_STAGE = (r"(?:基本|初步|主体)(?:完工|完成|建成|竣工)|正在|进行中|推进中|尚在|仍在|在建"
                    r"|(?:完成|完工)基础(?:施工|建设|工程)|基础(?:施工|工程)(?:已|已经)?(?:完成|完工)")
# "其中" opens a breakdown of the figure before it; its figures are parts, not totals.
BREAKDOWN_WORDS = ("其中", "包括", "含")
# A percentage after these states the completion share of a plan (ratio_stated).
RATIO_STATED_PATTERNS = (
    r"完成(?:了)?(?:全年|年度|本年|当年|年初)?[^,,。;;]{0,10}?(?:计划|目标|任务|预算)(?:的)?",
    r"占(?:全年|年度)?[^,,。;;]{0,14}?(?:计划|目标|任务)[^,,。;;]{0,12}?的",
    # 占总投资34.6亿元的96%, 占总投资的84%: a share of a project's whole (TOTAL_WHOLES), not of the
    # year's plan (占总人口的20% is a level)
    rf"占总(?:{TOTAL_WHOLES})[^,,。;;的]{{0,14}}的",
    r"完成率(?:为|达|达到)?",
    r"完成[^,,。;;0-9]{1,4}?率(?:为|达|达到)?",  # 完成投资率85.49%
    r"(?:完成|进度)(?:比例|率)?(?:为|达|达到)?(?:全年|年度)(?:的)?",
    r"相当于(?:全年|年度)[^,,。;;]{0,8}?的",
    # 达到治理计划的57%, 达到年计划的50%, 完成今年计划工程量的63%: a share of the plan (of its work)
    r"(?:完成|达到)(?:了)?[^,,。;;0-9%]{0,12}?(?:计划|目标|任务)(?:工程量|工作量|任务量|投资)?的",
)
# SHARE OF ITS OWN THING: a stated share whose clause names the thing it is of before its phrase
# (全市乡镇转运站建设完成率达到100%) attaches only to a figure of its sentence whose clause shares a
# word with that thing (建设转运站65处, 完成投资8亿元 for 投资完成率); with none it is a share figure
# of its own, not the ratio of another clause's figure (配备保洁员1.4万人). These words name no
# thing (the plan, time, place, reporting verbs; and RESPECTIVELY_WORDS) and are dropped first:
# 年度计划完成率 names none.
SHARE_SUBJECT_DROP = ("全年", "年度", "本年", "当年", "今年", "年初", "计划", "目标", "任务", "考核",
                      "累计", "目前", "截至", "截止", "全市", "全区", "全县", "全省", "全镇",
                      "已", "共", "月底", "月", "季度", "上半年", "下半年", "完成")
# RESPECTIVE SHARES: a list of stated shares said with these words (分别达到治理计划的57%、37%和70%)
# is one share for each of as many figures right before it in the sentence, in order: the i-th
# share is the i-th figure's ratio_stated (旧路8条: 57%, 天桥7座: 37%, 卡口7处: 70%).
RESPECTIVELY_WORDS = ("分别", "依次")
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

# A small count written in Chinese numerals names the things a sentence is about (两处学校正加快
# 施工, 四项指标均已完成减排目标, 建设用地复垦项目两个) or how often something is done (每月二次), not
# a tally of work done, which is written in digits (13处学校已完成; 开展3次督导); it is an achieved
# figure only when a verb of result governs it from before, in its clause (建成三组雕塑, 已完成两项).
# Counts of up to CN_COUNT_REFERENCE_MAX only: larger ones written in words are tallies.
CN_COUNT_REFERENCE_MAX = 10
CN_COUNT_REFERENCE_FAMILIES = ("count", "times", "occasion")
CN_COUNT_RESULT_VERBS = ("已", "完成", "累计", "共", "实现", "达到", "建成", "新增", "创成", "引进",
                         "新建", "开工", "竣工", "完工", "投产", "投用", "举办", "召开", "出台", "印发",
                         "改造", "打通", "验收")

# A LEVEL WITHOUT A UNIT: an index, a coefficient or a multiple written as a bare number right
# after its noun (城乡收入倍差1.64, 路面使用性能指数达82, 综合指数为3.9) is a level reached, an
# achieved figure of unit "" (family INDEX_FAMILY), not a number without meaning. Only when the
# number ends its phrase (punctuation or the end next): 指数上涨2.1% is a per cent, 指数2024年 a date.
INDEX_LEVEL = (r"(?:倍差|指数|系数|比值|之比)(?:为|是|达到|达|降至|降到|缩小到|缩小至|保持在|稳定在)?"
               r"(?P<num>[0-9]+(?:\.[0-9]+)?)(?=$|[,，。;；、)）\s])")
INDEX_FAMILY = "index"

# A WORK'S NAME AS A HEADING: a clause that heads what follows — it ends in a colon, or it is a
# whole sentence opened by 一是/二是 … — and names a work (ends in WORK_NAME_END) with no word of
# a result in it (WORK_HEADING_DONE) names the work; its figures are the work's size, not what
# was done (东湖苑幼儿园等7所学校雨污分流工程:目前正在招标; 一是省直2.5万套人才公寓建设。). A name's
# own verbs (改造, 新建) say no result.
WORK_NAME_END = r"(?:工程|项目|建设|改造|行动|任务)\s*$"
WORK_HEADING_POINT = r"^\s*[一二三四五六七八九十]是"
WORK_HEADING_DONE = ("已", "完成", "累计", "共", "实现", "达到", "建成", "竣工", "完工", "投产", "投用",
                     "开工", "通车", "验收")

# A RANK MOVED TO ANOTHER: 由第12位上升至第8位 reports the rank reached (8th); the one it moved
# from is where it started, no rank reported (as FROM_LEVEL_BEFORE for amounts). Right after a
# rank found, a verb of a move and 到/至/为 and the new rank:
RANK_MOVED_TO = (r"(?:提升|提高|上升|前移|前进|跃升|跃居|进位|下降|下滑|后退|后移|回落)(?:到|至|为)"
                 r"(?:全国|全省|全市|全区|全县)?第(?P<num>[0-9]{1,3}|[一二三四五六七八九十]{1,3})"
                 r"(?P<unit>名|位)?(?![批届期次个年轮类项号条季])")
# A tier is no rank: 第一方阵, 第一梯队, 第二档 name a group of places, not the first place.
RANK_TIER_AFTER = ("方阵", "梯队", "档", "等次", "序列", "阵营")

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
SUBJECT_LINK_VERBS = ("完成", "实现", "累计", "达到", "共计", "合计", "投入", "开工", "建成", "竣工", "完工",
                      "投产")
# The set may stand alone in its clause, the next clause opening with the verb ("全区10个省重点
# 工程项目,完成投资79.11亿元"), or be named as the whole a part is taken from ("4个结构性指标中,
# …", "16个小区中3个已完成": SET_AMONG after the count's noun). A 中 that ends a verb of work
# under way (5家施工中, 3个项目建设中: WORK_UNDER_WAY_STEMS) says where those things stand, a
# figure reported like 5家完成建设 beside it, not a whole.
WORK_UNDER_WAY_STEMS = ("施工", "建设", "进行", "推进", "实施", "办理", "审批", "审核", "装修", "招标",
                        "改造", "编制", "调试", "洽谈", "运行", "整改", "报批")
SET_AMONG = (r"[^,,。;;:：]{0,12}?(?<!" + "|".join(WORK_UNDER_WAY_STEMS)
             + r")中(?=[,,:：0-9])")
# SET THEN PART DONE: a count opening its clause and qualifying the work it is about (count, its
# noun, 的: 34个村的污水提标改造工作; no verb of its own), followed by a clause that opens with a
# count of the same unit said done (,12个村完工), is X of Y: the first is the set, no achieved
# figure; the second the part done. A count with a predicate of its own (30个项目列为重大前期项目,
# 5个项目提前开工) reports something itself and stays a figure.
SET_THEN_PART_OF = r"[^,,;;。的\s]{1,6}的"
SET_THEN_PART_DONE = ("完工", "完成", "建成", "竣工", "开工", "投用", "投产", "验收", "达标", "通过")
# A count in brackets after a noun, before a colon, is the size of the set the entry then
# reports on ("生活小区(30个):13个已完成"): X of Y, the Y is no measurement (another figure).
SET_SIZE_BRACKETED = r"[(（]\s*$"
SET_SIZE_AFTER = r"\s*[)）]\s*[:：]"
# A figure in brackets with 以上/以下 right after a count (解决46个(20户以上)自然村通电话问题) is the
# class of the things counted (villages of 20 households or more), no achieved figure.
CLASS_BRACKETED_AFTER = r"\s*(?:及以上|以上|以下|及以下)\s*[)）]"
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
# year's plan; the reason says so), unless every target of the task is a running total of the
# year (LONE SHARE OF A RUNNING TOTAL, status._lone_share: LONE_SHARE_KINDS). Such a cell is
# never boilerplate.
LONE_FIGURE_TRIM = " \t\n。.,，;；"
LONE_FIGURE_MAX = 24  # characters: a longer cell is never a figure alone
ACHIEVED_CUES = ("已", "完成", "累计", "共", "实现", "达到", "建成", "新增", "创成", "引进", "新建")
# Figures matching no target are still reported (target None, TaskAnalysis.figures) when their
# unit is of these families and nothing marks them as a plan, a remainder or a forecast: what
# the unit did, for the page and for a person to match by hand. Not days or hours: beside a count
# of days reached (优良天数203天) they are as often an event's length (为期8天的培训班) or a
# requirement (需做好7天健康监测); they measure a target of time as ever. Days right after a
# noun of days counted (优良天数203天, 达标天数达300天: DAYS_COUNTED_BEFORE) are a tally, reported.
# A concentration (PM10平均浓度88微克/立方米) is a level reached, reported.
DAYS_COUNTED_BEFORE = r"天数(?:为|达|达到|共|累计|共计|有)?\s*$"
UNMATCHED_FAMILIES = ("money", "usd", "count", "person", "person_time", "occasion", "times", "length", "area",
                      "weight", "teu", "energy", "power", "volume", "concentration", "percent", "rank", "price",
                      "weight/time", "energy/time", "volume/time", "power/time", "pp", "multiple",
                      "index", "rank_step")
# ... except counts: a count whose clause shares no word with the target counts something else
# (120个网箱 is not 1个项目, 6个部门 are not 20个示范村); money and other measures keep the rule
# (累计入库税收6987.6万元 measures 新增地方综合贡献1.5亿元).
NAMED_FAMILIES = ("count",)
# A clause with fewer own CJK chars than this (after dropping verbs of reporting and words of
# time) refers to the noun of the clause before it: "共20项举措,已完成15个"; "新引进企业14家,
# 当年度累计引进39家" (the 39 are firms too: the clause names no thing of its own).
ELLIPTIC_MAX_CJK = 1
ELLIPTIC_DROP = ("已完成", "完成", "已", "累计", "共", "其中", "实现", "达到", "达", "约", "季度",
                 "分别", "同比", "增长", "下降", "提高", "降低", "和",
                 "一", "二", "三", "四", "前", "月", "底", "至", "截", "目前",
                 "引进", "新增", "当年度", "本年度", "今年", "当年")
# UNIT FROM THE TARGET (implied.py): a bare whole number whose clause holds the whole metric of a
# target before it, that metric at least this many characters (学历提升1937 for 学历提升902人), or
# whose object follows at once (3老年大学 for 老年大学3所), is in that target's unit.
IMPLIED_METRIC_MIN = 4
# ... but a number that could be a year is not read before the object (2023老年大学招生).
IMPLIED_YEAR_MIN = 1949
IMPLIED_YEAR_MAX = 2100
