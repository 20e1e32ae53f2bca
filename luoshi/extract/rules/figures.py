"""Figures against time, numbers, and the comparators of targets. Part of :mod:`luoshi.extract.rules` (see its docstring)."""

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
# A task led by units of two levels (市发展改革委 and 区发改局: a city's task carried out by one of
# its districts) may write the city's total (城镇新增就业21万人) while the district reports its own
# figure (24277人). A running total under this share of its target, whatever the time of year, is
# then likelier the district's part of the city's total than a lag: not paced (no red or amber
# from it), and the reason says both readings. The unit names of the higher and the lower level
# open with these words.
HIGHER_LEVEL_SHARE = 0.2
HIGHER_LEVEL_UNITS = ("市", "省")
LOWER_LEVEL_UNITS = ("区", "县", "镇", "街道", "乡")
HIGHER_LEVEL_NOTE = ("(目标似为上级的总量,本级所报{value}为其中一部分,未按时间进度判断;"
                     "若目标为本级的,则为滞后)")
# The unit's own share of its plan (占年计划34亿元的72.8%) and the share computed from its figures
# (23.3 of 34 is 68.5%) may disagree, through rounding or what the unit counts. The smaller is
# read, but red needs both: when the stated share is not in the red band and the computed one
# is, the task is amber and the reason gives both (red only when it is red).
STATED_SHARE_NOTE = "(所报完成比例{stated}%未低于红线,按数字计算为{computed:.0%})"

# A growth-rate target (增长15%) is compared to the rate reported so far, not to time: at or
# above the target on course; before the year ends, at RATE_AHEAD times the target or more
# ahead (超进度: 增长9.5% against 6% — clearly beyond the promise, like a running total at 1.5
# times its pace; every rate read for the target must be, 自然口径4.3%/同口径17.7% is on course);
# short by up to a quarter (RATE_AMBER of the target) amber; further short,
# or a fall where growth was promised, red.
RATE_AMBER = 0.75
RATE_AHEAD = 1.5

# A task text promises; it does not report. A later line of it that opens with a verdict on its
# target (超出目标任务。, 全面完成目标任务。: an office's result paragraph joined to the task by an
# import) reports results from there on: no figure from that line on is a target (2019年新增养老
# 床位1467张 is an achievement, not a second promise beside 增加1000张).
REPORT_LINE = (r"\n\s*(?:已经?|已全面|全面|超额|圆满|提前|基本)?(?:超出|超过|完成|超额完成|实现)(?:了)?"
               r"(?:全年|年度)?(?:目标|计划)?任务[。.,，;；!！]")
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

# A bare scale right before a noun of people (吸纳37.41万农民, 服务2万群众) counts those people:
# 37.41万人. The noun says what is counted, so it wins over a money word before the figure.
PEOPLE_AFTER_SCALE = ("农民", "群众", "居民", "市民", "村民", "人口", "职工", "学生", "老人", "儿童",
                      "妇女", "患者", "游客", "旅客", "农民工", "劳动力", "脱贫人口", "贫困人口",
                      "老年人", "人群", "重点人群")
# An age band may stand between the scale and the people (为3.078万60岁以上老年人接种): it says
# which people, the scale still counts them (30780 persons, not a bare 3.078万 beside an age).
PEOPLE_AGE_BAND = r"[0-9]{1,3}(?:周)?岁(?:及以上|以上|以下|及以下)?"
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
# A rating right after a count and right before the noun they share is the size of each machine
# or plant counted, not an amount (3台6吨锅炉: three boilers of six tonnes; 1座500吨/日焚烧厂: a
# capacity, family …/time): the count is the amount, the rating a label. Only weights and
# capacities rate a thing: an area or a sum after a count is as often the whole's (另有50处4万
# 平方米食堂: 40,000 m2 for all fifty), read as written. Not when the figure ends its phrase or
# one of SIZE_OF_EACH_STOP follows it (2台10吨的锅炉 and the like are left as written).
SIZE_OF_EACH = ("weight",)
SIZE_OF_EACH_STOP = "的和及与或等已并共"
# A Chinese numeral right after one of these is part of a word (统一, 唯一, 逐一 …).
# Fixed words holding a numeral and a measure word: names, not amounts (海上铁人三项赛).
NUMERAL_WORDS = ("铁人三项", "三项制度")
# A figure of a task's text (or target cell) whose clause says, before it, that it is already so
# (已完成, 已建成, 目前, 现有 …) is context — a base the year's goal builds on, or an achievement
# written into the wrong cell — not a target: 在已建成10个的基础上再新建5个 promises 5. Not 截至 or
# 累计: in a task they date or sum the goal (截至年底新增就业5000人, 五年累计完成投资100亿元). Not a
# per cent either: a share of what is already so is a goal for it (确保已开工项目100%竣工).
CONTEXT_BEFORE = r"已经?(?:完成|建成|实现|达到?|有|开工|投用)|目前|现有"
# A count in Chinese numerals of 个/项 right before one of these heads is the name of a formula of
# principles or policies (两个确立, 两个维护, 四个意识, 中央八项规定, 残疾人两项补贴), never an amount:
# a head is a verb or an attitude, or a policy named by how many parts it has, not a thing to be
# counted out (a count to achieve is written in Arabic figures: 新建3个中心).
FORMULA_HEADS = ("确立", "维护", "意识", "自信", "代表", "务必", "全面", "明确", "坚持", "规定", "补贴",
                 "制度")
# The size of the thing a task builds (占地面积约10亩, 建筑面积7000平方米, 用地面积1.2公顷)
# describes its object, as 5轨15班 does: the promise is to build it (a milestone), and the figure
# is no target — nothing is counted towards it as the work goes on. Right before the figure:
OBJECT_SIZE_BEFORE = r"(?:占地|总建筑|建筑|规划用地|用地|净用地)面积(?:约|约为|为|达|共|近)?$"
# A plant's capacity written before what it makes or treats (夏星年产20万吨低温肉制品深加工, 建设日处理
# 300吨餐厨垃圾处理厂) names the plant, as a building's floor area describes it: the promise is the
# plant, not the tonnes (nothing is counted towards them as the work goes on). Right before the
# figure, and the figure's unit followed at once by the product's name (a Chinese character;
# 实现年产20万吨。 ends its clause and may be a promise):
OBJECT_CAPACITY_BEFORE = r"(?:年产|年产能|年处理|日处理|年加工|日加工|年吞吐)(?:能力|量)?(?:约|为|达)?$"
# A count of 类 in Chinese numerals right before a noun (四类危桥, 三类水体, 一类地区) names a class
# of the thing by its grade, not a number of kinds to achieve: no target.
CLASS_UNITS = ("类",)
CN_NUMERAL_WORD_PREFIX = ("统", "唯", "逐", "万", "之", "单", "专", "同", "划", "合", "整", "初", "周")

# --- Comparators of targets -----------------------------------------------------------------

# After the number and unit.
SUFFIX_GE = ("及以上", "以上", "多")
SUFFIX_LE = ("以内", "以下", "之内")
# Right before the number (the verb or adverb governing it).
# (the signs too, as a table writes a bound: 比例:泰顺>85.8%, ≥95%, ≤3%)
PREFIX_GE = ("不少于", "不低于", "至少", "超过", "突破", "大于", "逾", "超", "≥", ">", "＞")
PREFIX_LE = ("不超过", "不高于", "控制在", "低于", "压缩至", "压缩到", "降至", "降到", "少于", "小于",
             "最多", "至多", "≤", "<", "＜")
# QUOTED BOUND: a quote that holds only a bound and a figure (审批“最多80天”, “不超过3个工作日”) is
# the promise put in quotes, not a name: its figure is a target (a slogan in words, “最多跑一次”,
# stays a name).
QUOTED_BOUND = (r"[“‘「\"](?P<inner>(?:最多|至多|不超过|不多于|控制在)[0-9]+(?:\.[0-9]+)?"
                r"[^“”‘’「」\"0-9]{1,5})[”’」\"]")
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
# SET OF A SUM: a count before one of these and a figure of another unit in its clause (建设24个
# 村庄污水管网共计100公里) names where the sum is made; the sum is the promise, the count no target.
SUM_WORDS = ("共计", "合计", "总计", "总长", "总里程", "总面积")
# "A、B分别下降20%": the figure holds for each metric listed before this word.
RESPECTIVELY = "分别"
# Adverbs and modal verbs stripped from the front of a target's metric.
METRIC_LEADING_WORDS = (
    "确保", "力争", "争取", "全年", "年内", "全面", "努力", "实现", "推动", "完成", "安排",
    "新增", "其中", "累计", "共", "全市", "全区", "全县", "今年", "当年", "每年",
)
# A list's items (the shares of its parts) share one sentence that ends only at these: a semicolon
# parts the items of one list (路灯…完成计划的37.2%;水渠…完成计划的62.4%。), so one part keeping
# pace makes another part's short share a part lagging (pace.figure_verdicts).
LIST_SENTENCE_END = "。!?！？\n"
