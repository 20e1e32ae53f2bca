"""Kinds of target, and joined sub-rows judged part by part. Part of :mod:`luoshi.extract.rules` (see its docstring)."""

from __future__ import annotations

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
# | milestone   | one thing counted (新建1所: ONE THING), or          | one thing: reached or not, not prorated  |
# |             | no figure; a verb of a finished result (开工, 建成,  | done or not; late in the year, only      |
# |             | 完成, 出台 …), or the name of a work to build        | begun is behind                          |
# |             | (学校建设项目: BUILT WORK NAME)                      |                                          |
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
# ONE THING: a count of exactly one thing (新建1所, 开工建设危桥1座, 实现1个县脱贫摘帽) is done or
# not: a milestone with a figure, never prorated (a third of a bridge at Q1 is no figure anyone
# reports). One for each of several (每个区至少建设1个, 各县建成1家) is a standard each must reach: a
# level. The words of "each" in the target's words:
ONE_EACH_WORDS = ("每个", "每一", "每", "各")
# FREQUENCY: a count promised for every period shorter than the year (每月开展1场, 每季度举办2场
# 招聘会, 每周巡查3次) is a standard kept each period, reached or not: a level, never prorated as
# a year's running total. 每年 is no such word (每年新增就业5000人 is the year's total).
FREQUENCY = r"每(?:个)?(?:月|季度?|周|旬|半年|天|日)"
# CLASS THRESHOLD: a figure with 以上/以下 written straight before a noun, another figure
# following in its clause (200人以上较大自然村公交通达率97%以上, 投资10亿元以上项目5个), names
# the class of things the later figure counts or measures: a threshold, not a target. A word
# of joining after it (6%以上并力争7%) is no noun: a target.
CLASS_THRESHOLD_AFTER = r"(?:及以上|以上|以下|及以下)的?(?![并且或和与及同、])[\u4e00-\u9fff]"
# PROJECT COST: money named as what the promised work costs or where its money comes from
# (总投资, 投资概算, 预算, 计划投资, 投入资金约…, 投资约…) right before the figure, in a text that
# promises other things (改造危桥2座…投入资金约1105万元,由三级财政解决), is the work's budget, not
# a target: the promise is the work. The year's plan of investment (年度投资目标, 全年计划投资,
# 今年计划完成投资: COST_YEAR_WORDS before it) is a target, and so is money when it is the
# text's only promise (完成投资40亿元, 项目总投资5亿元 alone).
COST_BEFORE = (r"(?:总投资|投资总额|投资概算|概算|估算|预算|计划总?投资|项目投资|投入资金|总投入|"
               r"资金投入|投资)额?(?:约|约为|为|共|达|计)?$")
# (a bare 投资 only with 约/为 after it: 完成投资40亿元 is the work itself)
COST_BARE_NEEDS = ("约", "为", "计")
COST_YEAR_WORDS = ("全年", "年度", "今年", "本年", "当年", "年内")
# RESTATED FOR EACH: the same figure said again for each of the parts right after the whole
# (在常住地100%保障入学:各县(市、区)均为100%) is the same target, once.
RESTATED_EACH_WORDS = ("均", "各", "都")
# A task without figures is a milestone when it promises one of these results (done or not);
# ongoing verbs (建设, 推进, 实现, 完成 …任务) make it qualitative.
MILESTONE_VERBS = ("建成", "开工", "竣工", "完工", "投用", "投入使用", "投产", "出台", "印发", "设立", "试运营", "投入运营",
                   "成立", "创成", "举办", "申报", "开通", "通车", "挂牌", "签约", "启用", "上线",
                   "制定", "编制", "修订", "召开", "获批")
# BUILT WORK NAME: a task that is only the name of a work to build (学校建设项目, 红湾小学寄宿楼工程,
# 隆畅河大桥工程, 住宅楼三期工程, 轻轨捷运建设计划) promises the thing built: a milestone, done or
# not, though no verb of a result is written. A name: one phrase (no comma or semicolon) ending in
# a word for a work (BUILT_WORK_END), holding a verb of building or a built thing
# (BUILT_WORK_WORDS). A programme's name (“教育保障能力提升”项目, 学前教育工程, 车位规划项目,
# 高素质农民培训工程) holds neither and stays qualitative, as a name of a work whose words are a
# programme's (实施…照明改造工程: 改造 alone builds nothing new).
BUILT_WORK_END = r"(?:工程|项目|工程计划|工程计画|建设计划|建设计画|计画)$"
BUILT_WORK_WORDS = (r"建设|新建|改建|扩建|重建|移址|维修|大中修|修建|增设|扩容|第?[一二三四五六七八九十0-9]期|"
                    r"楼|大桥|桥梁|公寓|校舍|学校|小学|中学|幼儿园|医院|[^学]院|码头|水厂|管网|公路|"
                    r"食堂|服务中心|场馆|捷运|轻轨")
BUILT_WORK_MAX = 40
# ... or one phrase that opens with a verb of building and ends in the thing built (建设巴雅尔中心
# 敬老院, 新建城东污水处理厂): the same promise, written as an order.
# (建造, 兴建 are verbs of building too: 建造临时污水处理厂; and a line laid is built: 污水渠道敷设,
# 供水管网铺设 — a conduit named, then the verb of laying it)
BUILT_WORK_ORDER = (r"^(?:新建|建设|改建|扩建|改扩建|新改建|修建|重建|建造|兴建)[^,,;;:：]*"
                    r"(?:院|楼|大桥|馆|厂|中心|学校|小学|中学|幼儿园|公园|码头|公路|食堂|公寓|排放管|管道)$"
                    r"|(?:渠道|管道|管网|管线|排放管|电缆)(?:敷设|铺设)$")
# A planning project (车位规划项目, 片区规划编制工程) plans; it builds nothing: never a built work.
BUILT_WORK_NOT = r"规划|能力"
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
# A count whose metric opens with a word of adding (新增达标小区210个, 新建优质学校5所) counts things
# of a kind added over the year: a level word in it (达标, 优质 …) names the kind of thing, not a
# level — a running total, unless the count is to stand at the figure (达到, comparator "reach").
COUNT_ADDED_LEADS = ("新增", "新建", "新培育", "新创建", "新认定", "新开工")
# LEVEL KEPT: a figure the task is to keep at (稳定在, 保持在, 维持在: 粮食产量稳定在50万吨以上,
# 在校生规模保持在2万人) is a level held, reached or not, never a running total prorated.
LEVEL_KEPT = ("稳定在", "保持在", "维持在", "稳定于", "保持于")
# A count that is to stand at a figure (达到, comparator "reach", or 达到…以上: 全市高新技术企业达到500家,
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
# A running total the task dates over several years (2606个撤并村通公路(2013—2017年), 2015-2017年
# 完成3000公里) is a programme's total, not the year's: never prorated by the share of one year. Its
# pace is the share of the programme elapsed — (report's year - first year + share of the year)
# / years of the span — when the report's year is known; else the figures give no pace (neither
# red nor amber: the reason says the total runs over several years). Reached is reached.
PROGRAMME_YEARS = (r"(?P<a>(?:19|20)[0-9]{2})\s*年?\s*(?:—|–|-|－|~|～|至|到)+\s*"
                   r"(?P<b>(?:19|20)[0-9]{2})\s*年")
PROGRAMME_NOTE = "(规划期{a}—{b}年的总目标,不按单一年度折算)"
# A few things to finish (6条道路, 3所学校: a count of at most LUMPY_COUNT_MAX) are finished in
# lumps, not a little each month: some finished and the rest said to be under way
# (LUMPY_UNDER_WAY words in a done cell), a count short of the time share is amber, not red —
# the rest may land together. Nothing finished yet stays red by pace.
LUMPY_COUNT_MAX = 10
LUMPY_UNDER_WAY = ("在建", "施工", "实施阶段", "收尾", "推进中", "正在建设", "正在实施", "建设中")
LUMPY_NOTE = "(其余在建,按件完成的进度不均匀)"
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
