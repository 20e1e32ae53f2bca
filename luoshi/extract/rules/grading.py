"""The words that grade a task: status words, ahead, scope and severity. Part of :mod:`luoshi.extract.rules` (see its docstring)."""

from __future__ import annotations

# --- Status words ---------------------------------------------------------------------------

# The entry says, without qualification, that the task is complete.
WHOLE_DONE = (
    # (本案/该案: a proposal's or a case's word for itself, the whole task as 该项 is; 该问题: an
    # item of a rectification list is a problem, and its rectification the task)
    r"^(?:该项|此项|本项|该任务|本案|该案|该问题|此问题|本问题)?(?:工作|整改)?"
    r"(?:已经?|均已|已全部|已全面|全部|已按要求|已如期)"
    r"(?:举办|举行|建设|改造|实施|整治|安装|发放|验收|采购|拆除|搬迁|办理)?"  # 已举办完成
    # 已完成整改, 已整改到位/完毕: a rectification finished is the task done; 长期坚持 after it is
    # upkeep, not work left
    r"(?:完成|建成|实现|落实|办结|竣工|整改到位|整改完毕|整改完成)(?:全部)?(?:任务|工作|目标|整改)?"
    r"(?:[,,;;。(]|$)"
)
# "(该项已完成)" anywhere in the entry.
EXPLICIT_DONE = r"[(（](?:该项|此项|本项)?(?:工作)?已(?:经)?(?:全部)?完成[)）]"
# 已完成全年目标 / 已完成…任务要求 : the year's target is met (not a quarter's or a batch's).
# A quoted restatement of the target counts as one word: 已完成“压减支出10%、…”的任务.
_QUOTED_OR_CHAR = r"(?:“[^”]{1,80}”|[^,,。;;“])"
TARGET_MET = (
    rf"(?:已经?|提前|超额|全面)(?:完成|实现|超额完成)(?:了)?{_QUOTED_OR_CHAR}{{0,20}}?(?:全年|年度|上级)?"
    # (…目标任务的100%: the whole of the year's target, said as a share, is the same claim)
    rf"{_QUOTED_OR_CHAR}{{0,6}}?(?:目标|任务)(?:要求)?(?:的(?:100|1[0-9]{{2}})(?:\.[0-9]+)?%)?"
    r"(?=[,,。;;(（)）]|$)"
    # A clause of its own after what was done, with no 已 and nothing before it in its clause (so
    # no 确保/力争): "建设线路587.8公里,完成目标任务。" reports the target met, as 已完成 does — of
    # the task when its entry is one cell; in one item of several, of that item only.
    r"|(?P<bare>(?:(?<=[,,;;])|^)(?:完成|实现)(?:了)?[^,,。;;]{0,6}?目标(?:任务)?(?=[,,。;;(（]|$))"
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
    "新建": ("建成", "竣工", "完工", "投用", "投入使用", "完成"),
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
# A figure's clause with one of these says its things are finished (280户改造已全部完成), not
# only counted, chosen or begun (确定300户改造对象, 61个村庄已全部开工): a done read from figures
# whose clauses hold none is outweighed by a declared on-course phrase (DECLARED ON COURSE
# OUTWEIGHS FIGURES, table.combine).
FINISHED_FIGURE_WORDS = ("完成", "建成", "竣工", "完工", "投用", "投入使用", "办结", "完毕", "落成",
                         "通车", "创成", "出台", "印发")
# Right before a finishing verb these promise movement towards it, not the finished object:
# "加快实现…", "逐步建成…", "推动设立…".
PROGRESS_ONLY_BEFORE = ("加快", "推进", "推动", "逐步", "持续", "深化", "着力")
# With 完成 as the achieved verb of a building task, the clause must say what was built.
BUILD_WORDS = ("建设", "建成", "施工", "工程")
# Markers that a verb in the progress text is an accomplished fact.
# The verb of the work done joined by 并 to its result (新建并投入使用, 建成并投用) reports both
# as facts, as 已 does.
ACHIEVED_MARKERS = (r"已经?|已于[^,,。;;]{0,10}?|均已|成功|顺利|全面|已全部|已全面|全部|"
                    r"[0-9]{1,2}月(?:[0-9]{1,2}日|份|底|初|中旬|下旬|上旬)?|"
                    r"(?:新建|改建|扩建|建成|竣工|完工|改造)并")
# Words before an achievement verb that undo it: 拟建成, 计划完成, 正在建设, 尚未完成.
NOT_ACHIEVED_BEFORE = ("拟", "计划", "预计", "正在", "将", "力争", "争取", "尚未", "未", "没有",
                       "不能", "无法", "待", "推进", "加快", "确保", "要", "需", "启动")
# An entry that still reports work under way or pending on the finished object is not done.
# Minimum overlap (character bigrams) between a task clause's object and the progress text
# near an achievement verb for the clause to count as achieved.
OBJECT_MIN_BIGRAMS = 2
OBJECT_MIN_SHARE = 0.25

# --- Finished work told in words (finished.py) ---
# A task that promises one thing and states no figure (a named project: 路灯修复项目, 车位规划项目)
# is done when the latest news of its entry, the last clause of its one done cell, says as a fact
# that the work is finished: 更换完毕 (…完毕), 已投入使用, 已竣工, 已通车, 已挂牌 (a result of the
# work, after 已/均已/全部), or 完成 + what was done with nothing of it left to count (完成划线,
# 已完成验收; 已完成66个车位划定工作: the work on those things, ending in 工作/任务 — the count of
# all is not given, so the reason says so). Not when the clause is a part or a step
# (完成了部分, 基本完成, 完成设计, 完成主体: PARTIAL_WORDS, INTERMEDIATE_STEPS), a plan (计划/拟/
# 下一步 in its sentence: FUTURE_IN_SENTENCE), a scope word limits it (部分已投入使用), or the
# entry says something is unfinished or still under way. An earlier clause does not count: the
# last one is the state the unit reports (完成整改,承诺年内达到居民要求 is on course).
FINISHED_COMPLETE = r"完毕"
# (the result may be dated, 已于2020年7月正式投入运作: finished on that date)
FINISHED_RESULT = (r"(?:已经?|均已|已全部|全部|现已)(?:于[^,,。;;]{1,16}?)?(?:正式|顺利|全面|全部)?"
                   r"(?:投入使用|交付使用|投入运营|投入运作|投入运行|投用|竣工|通车|挂牌|落成|完工"
                   r"|办结|通过验收|建成)")
# A clause that ends in 已于 a date (办理)完成 reports its subject finished on that date
# (第2次走读活动已于3月18日办理完成, 文史专区已于3月1日完成): like a result word, the work is
# done — unless the subject is a step on the way (设计方案已于3月完成: INTERMEDIATE_STEPS) or a
# part (PARTIAL_WORDS), which the callers check. Nothing may follow 完成 (已于3月完成招投标 names
# a step), and the date is needed: an undated "X已完成" names a stage as often as the work
# (主教学楼框架结构已完成).
FINISHED_DATED = (r"(?:已经?|均已|现已|已全部)于[^,,。;;]{1,16}?(?:前)?"
                  r"(?:办理|举办|举行|顺利|全面|全部|施工|建设)?完成(?:了)?"
                  # (完成 the building of the thing itself, 完成安装, is the work done, no step)
                  r"(?:安装|施工|建设|建造|铺设|敷设)?$")
FINISHED_OBJECT = (r"^(?:目前|现|截至目前|最终|至此)?(?:已经?|均已|已全部|全部|已按[^,,;;]{0,8}?)?"
                   r"(?:顺利|全面|全部)?完成(?:了)?(?P<obj>[^,,。;;]{0,24})$")
# A figure in the object of 完成 is a measurement (完成投资1.2亿元, 完成率95%) unless the object
# ends in the work on those things (完成66个车位划定工作).
FINISHED_COUNTED_WORK = ("工作", "任务")
# The whole task as the subject of a sentence saying it is finished, by a date or not:
# 该项目已于9月1日前完工并全部投入使用, 该工程已于10月底完成, 本项目已建成 (finished.py,
# WHOLE TASK FINISHED). The subject names the task itself, so the task's own goals need no
# checking one by one.
# (本案/该案: a proposal's or a case's word for itself, as in WHOLE_DONE — participatory-budget
# proposals, rectification cases, NPC motions)
WHOLE_TASK_SUBJECT = r"(?:该|本|此)(?:项目|工程|实事|项工作|项任务|项|案)"
FINISHED_BY_DATE = (
    rf"^{WHOLE_TASK_SUBJECT}(?:已经?|均已|现已)(?:于[^,,。;;]{{1,14}}?)?(?:全面|全部|顺利)?"
    r"(?:完成|完工|竣工|建成|投入使用|交付使用|投用|通车|开业)"
)
# Steps on the way, finished or not, that are not the work finished: 完成选址, 完成主体施工.
INTERMEDIATE_STEPS = ("主体", "基础", "桩基", "土建", "选址", "方案", "招投标", "审批", "审查", "评审",
                      "签约", "合同", "调研", "摸底", "勘察", "测绘", "征收", "征迁", "备案", "公示",
                      "报批", "论证", "封顶", "结顶", "申报", "对接", "考察", "培训", "部署", "开标",
                      "中标", "挂网", "图纸", "摸排", "排查", "动员", "框架", "结构")
# Words of a plan in the last sentence before its completion clause: 下一步…完成划线 is a plan.
FUTURE_IN_SENTENCE = ("下一步", "计划", "拟", "预计", "力争", "争取", "确保", "将于", "将在", "准备",
                      "承诺", "待", "尚需", "还需", "仍需", "即将")

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
# A milestone moved to a new date (RESCHEDULED, wording.rescheduled): the entry moves the work
# to a stated later date of the same year — with a verb of moving (推迟至11月, 延期至11月底,
# 顺延至四季度), or with a verb of setting (调整至, 改为, 定于) in an entry that says the first date
# cannot be kept or names it (不能于9月30日前完成, 原定9月底). The work is late against its plan
# but re-planned: amber (at_risk), not red — a slipped milestone, as offices grade it. Red stays
# red when a severity word grades the move (严重), another delay word of the entry stands on its
# own (进度滞后), or the new date is in a later year (推迟至明年, 延期至2025年: RESCHEDULE_LATER).
RESCHEDULE_MOVE = r"(?:推迟|延期|延迟|延后|顺延|推延|延)(?:至|到)"
RESCHEDULE_SET = r"(?:调整|改|定|订)(?:至|到|为|于)|改在"
RESCHEDULE_DATE = (r"于?(?:(?P<year>20[0-9]{2}|[0-9]{2,3})年)?(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?|"
                   r"[一二三四1-4]季度|第[一二三四1-4]季|年底|年末|年内|下半年|明年|次年|下一?年度?)")
RESCHEDULE_MISSED = (r"(?:不能|无法|未能|不符合|难以|来不及|没能)(?:在|于|按)[^,,。;;]{1,16}?完成"
                     r"|原定|原计划|原订|原于")
RESCHEDULE_LATER = ("明年", "次年", "下一年", "下年")
RESCHEDULE_NOTE = "(晚于原定节点,已另定完成时间;若新节点亦难完成则为滞后)"
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
# A setback the entry names (销售渠道中断, 谈判未果, 施工受阻) while it says the matter is still being
# resolved (争取年内解决, 正在协调, 解决中) is a risk the unit itself names: amber. Either alone is not:
# a setback reported overcome names no risk, and 正在协调 alone is work under way.
OBSTACLE_WORDS = ("中断", "受阻", "遇阻", "搁浅", "未果", "无果", "破裂", "陷入僵局", "卡壳")
RESOLVE_PENDING = (r"(?:争取|力争|努力|正在|积极|尽快|加紧)[^。;；]{0,16}?(?:解决|协调|化解|恢复)"
                   r"|(?:解决|协调|化解)中")
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

# HIGHER LEVEL ONLY: a progress cell that says only that the item is run or counted by a
# higher level (市统项目, 属省级统筹事项, 由市统一实施) reports nothing of this unit's own: no data,
# at any time of year (a figure or any other word makes it progress).
HIGHER_LEVEL_ONLY = (r"(?:该项|此项|本项)?(?:为|属|属于|系|由)?(?:省|市|州|县|区)(?:级|里)?"
                     r"(?:统|统筹|统一|统建|统管)(?:实施|推进|办理|建设)?\s*(?:项目|事项|指标|任务)?")
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
# An entry saying the works themselves are under way (工程进行中, 正在施工, 施工中, 在建) names a
# stage reached — building has begun — not a stock phrase: progress, not vague, though it is
# short (WORKS UNDER WAY).
WORKS_UNDER_WAY = r"工程[^,,。;;]{0,2}?进行中|正在施工|施工中|在建"
# An entry that is only a word of the work finished (完工, 竣工, 建成, 落成, 投用, 通车) states a
# result, not a stock phrase: progress however short (FINISHED ONLY); done only when a done rule
# says so.
FINISHED_ONLY = r"(?:完工|竣工|建成|落成|投用|通车)[。.!！]?"
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
# An entry that only lists measures by points (一是…二是…三是…, at least MEASURES_MIN_POINTS of
# them) with no figure and no word of a result names nothing achieved: vague (表述笼统). A figure
# or a result word (已, 完成, 建成, 实现 …: MEASURES_RESULT_WORDS) anywhere makes it progress.
MEASURES_POINTS = r"[一二三四五六七八九十]是"
MEASURES_MIN_POINTS = 3
MEASURES_RESULT_WORDS = ("已", "完成", "建成", "实现", "达到", "累计", "共计", "开展了", "举办", "召开",
                         "出台", "印发", "制定了", "建立了", "投入", "竣工", "开工", "上线", "获得", "新增")
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
# PREPARATION ONLY, LATE IN THE YEAR (status._preparation_only): after the third quarter (over
# PREP_SHARE of the year: at Q3 a work of the last quarter may still be in preparation),
# a task promising a work done or built (PREP_TASK_VERBS) whose entry reports only preparatory
# steps (PREP_STAGE: 已完成招投标工作, 规划、设计等前期工作已完成, 正在选址) — no figure, no start
# or later stage (START_STAGE, LATER_STAGE less these words) — is at risk: amber, not red (the
# stage rule's red needs a start reported on a task to be finished; preparation may precede a
# short work: a road overhaul of weeks). At the year's end the time for the work is over: red.
PREP_TASK_VERBS = ("完成", "建成", "建设", "新建", "改建", "改造", "大修", "实施")
PREP_STAGE = ("招投标", "招标", "设计", "选址", "可研", "前期", "立项")  # not 规划, 方案: a plan may be the task
PREP_SHARE = 0.8

# LONE SHARE OF A RUNNING TOTAL (status._lone_share): a progress cell that is a per cent alone
# (80%), for a task whose every target is of these kinds (a running total of the year: 新增配置
# 115台, 新增就业50人), is likeliest the share of that target done, and is graded by the time
# share like a stated share: ahead, on course or amber — never red, since the cell does not say
# of what it is the share (a project's whole, several years); the note says so. A task with no
# target, or with a per-cent target, keeps the rule of a figure alone (A FIGURE ALONE).
LONE_SHARE_KINDS = ("cumulative",)
LONE_SHARE_NOTE = "(若为整个项目或其他口径的比例,则不按时间进度判断;仅凭此比例不判滞后)"

# ALL OF IT FINISHED: an entry (one done cell) whose first sentence says with 已 that all of
# its subject is finished (照明设施已于4月全部安装完毕, 改造户均已完工) is the task done, when the
# subject — no figure, so not a count of some — names the task's things (a character pair of
# the task text) and nothing in the entry says a part, a plan, work still under way or
# something unfinished. 全部/均 claims every one of them, so no target needs checking one by
# one. (Spent sets, tuned part: 1 task; 已全部开工 is a start, not a finish: not this rule.)
ALL_FINISHED = (r"^(?P<subj>[^,,。;;0-9]{2,12}?)(?:均已|已经?|现已)(?:于[^,,。;;]{1,14}?)?(?:全部|全面|均)?"
                r"[\u4e00-\u9fff]{0,4}?(?:完毕|完成|建成|竣工|完工|投入使用|投用)(?=[,,。;;并]|$)")
ALL_FINISHED_WHOLE = ("全部", "均")

# BASICALLY FINISHED IS NOT DONE: a sentence of its own that says the work is only basically
# or provisionally finished (基本完成。, 目前已基本建成。) is the unit's verdict on the whole
# task; a later clause reporting a step finished (完成…任务及信息上报,待省厅审核) does not make
# it done: on course, the reason saying so.
BASICALLY_ONLY = r"(?:目前|现|现已|已|已经|整体|总体)?(?:基本|初步)(?:完成|建成|完工|竣工|到位)"
BASICALLY_NOTE = "(称“{said}”,未作已完成判断)"

# --- Ahead, scope and severity ----------------------------------------------------------------

# AHEAD NEEDS THE RESULT: a running total that counts things only started (已开工建设幼儿园63所:
# START_VERBS, 进场 in the figure's clause) against a task that promises them built or finished
# (no start verb in its text: 新建、改扩建70所) counts a first stage. It keeps the task on course,
# but does not make it ahead (超进度): the things are not yet what was promised.
STARTED_ONLY_VERBS = (*START_VERBS, "进场")
STARTED_ONLY_NOTE = "(所报为开工数,任务为建成,不按超进度判断)"

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
# sentence of the same entry concerns a part (amber), unless severe. Words of manner may stand
# between 已 and the verb (已提前超额完成, 已顺利建成): the part is achieved all the same.
ACHIEVED_FACT = (r"(?:已经?|均已|已全部)(?:提前|超额|全面|全部|顺利|如期|按期|按时){0,2}"
                 r"(?:完成|建成|实现|开工|投用|上报|出台|印发|举办|签约|落地)")
SEVERITY_WORDS = ("严重", "明显", "无法", "停滞", "停工", "完全", "远低于", "远不及", "远未", "大幅")
# A delay, severe or not, whose sentence names the thing one target counts (shares at least this
# many character pairs with its metric, more than with any other target's) while no figure
# measures that target and the figures of another keep pace: one part lags, amber (引进船级社3家、
# 标杆企业50家; 39 of 50 firms at Q3, "船级社…远不及预期,…被搁置"). As for a figure well short beside
# another keeping pace: the task as a whole does not lag.
NAMED_PART_MIN_BIGRAMS = 2
# ONE OF THE LISTED THINGS (wording._one_listed_part): a plain delay whose sentence names one of
# the things the task text lists (新章镇大桥、彩虹桥新建等项目: parted at these marks), while
# another sentence of the entry reports on another of them with no delay, is that part lagging:
# amber. Severe words stay red; both parts lagging stay red.
LISTED_PART_BREAKS = r"[、,，;；]|和|及|与"
# A done cell opening with a per cent and a bracket (80%(新区实验幼儿园进度滞后), 50%(马站未开工))
# states the share of the task done and, in the bracket, what holds it back: the share is the part
# achieved, so a plain delay or a thing not begun named there is of the rest — amber, unless the
# delay is severe or the share itself is well under the time share (the red band of pace_band).
LEADING_SHARE = r"^\s*(?P<v>[0-9]+(?:\.[0-9]+)?)\s*%\s*[(（]"
# Nothing begun: 尚未启动, 未开工. Red when the time to begin has passed (from NOT_STARTED_SHARE).
NOT_STARTED_WORDS = ("尚未启动", "未启动", "尚未开工", "未开工", "尚未开展", "未开展", "暂未启动",
                     "还未启动", "尚未动工", "未动工", "尚未实施", "暂未实施", "暂未开展", "尚未开始",
                     "未开始", "还未开工", "暂未开工")
NOT_STARTED_SHARE = 0.3  # after the first quarter: at its end, not begun is still common
