"""What in a task's words is a target, by cause (issue 10, target16): events held counted in 场
(EVENTS PROMISED), a class threshold before a noun (CLASS THRESHOLD), a figure restated for each
part (RESTATED FOR EACH), a count promised every month (FREQUENCY), a bare scale counting people
past an age band (PEOPLE_AGE_BAND), a bound written as a sign. Made-up sentences."""

from __future__ import annotations

import pytest

from luoshi.extract.targets import extract_targets


def found(text: str) -> list[tuple[float, str, str, str]]:
    return [(t.value, t.unit, t.comparator, t.kind) for t in extract_targets(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # EVENTS PROMISED: events held in 场 are a running total like any count
        ("全年送戏下乡演出40场", [(40, "场", "=", "cumulative")]),
        ("免费放映农村公益电影1200场", [(1200, "场", "=", "cumulative")]),
        ("举办专场招聘会不少于15场次", [(15, "场次", ">=", "cumulative")]),
        # ... 次, 轮, 起 are no targets: a frequency, a reform's name, incidents
        ("开展安全检查3次", []),
        ("杜绝较大安全事故,亡人事故不超过1起", []),
        # FREQUENCY: every month / quarter / week is a standard kept: a level
        ("每月组织1场政策宣讲", [(1, "场", "=", "level")]),
        ("每季度举办2场技能培训", [(2, "场", "=", "level")]),
        ("每周走访困难群众5户", [(5, "户", "=", "level")]),
        # ... 每年 is the year's total
        ("每年新增城镇就业800人", [(800, "人", "=", "cumulative")]),
        # CLASS THRESHOLD: 以上 before a noun, a later figure in the clause: a class
        ("实现300人以上行政村客运通达率95%以上", [(95, "%", ">=", "level")]),
        ("新建500亩以上连片茶园4个", [(4, "个", "=", "cumulative")]),
        # ... a word of joining after it: both are targets
        ("税收收入增长5%以上并力争6%", [(5, "%", "increase_by", "rate"),
                                         (6, "%", "increase_by", "rate")]),
        # ... no later figure in its clause: the figure is the target
        ("培训新型职业农民600人以上", [(600, "人", ">=", "cumulative")]),
        ("新增就业3000人以上,登记失业率控制在3.5%以内",
         [(3000, "人", ">=", "cumulative"), (3.5, "%", "<=", "level")]),
        # RESTATED FOR EACH: the same figure said again for each part is one target
        ("适龄儿童100%入学:各乡镇均达到100%", [(100, "%", "=", "level")]),
        # ... another figure after the words of each is a target of its own
        ("全市覆盖率90%:各乡镇均不低于85%", [(90, "%", "=", "level"), (85, "%", ">=", "level")]),
        # SET OF A SUM: the count says where, the sum of another unit is the promise
        ("铺设12个行政村供水管网共计60公里", [(60, "公里", "=", "cumulative")]),
        ("新建学校3所共计1200个学位", [(3, "所", "=", "cumulative"), (1200, "个", "=", "cumulative")]),
        # a stock to stand at a figure, with 以上 after it too; adding words keep a running total
        ("参保人数达到12.5万人以上", [(12.5, "万人", ">=", "level")]),
        ("科技型企业达到300家以上", [(300, "家", ">=", "level")]),
        ("新增就业达到4000人", [(4000, "人", "reach", "cumulative")]),
        ("培训农民工达到2000人以上", [(2000, "人", ">=", "cumulative")]),
        # QUOTED BOUND: a bound and a figure in quotes is the promise, not a name
        ("实现企业投资项目审批“最多60天”", [(60, "天", "<=", "level")]),
        ("不动产登记“不超过5个工作日”", [(5, "个工作日", "<=", "level")]),
        ("深化“最多跑一次”改革", []),
        ("打造“15分钟生活圈”", []),
        # LEVEL KEPT: a figure to hold is a level, not a running total
        ("油料产量稳定在8万吨以上", [(8, "万吨", ">=", "level")]),
        ("在园幼儿规模保持在1.5万人", [(1.5, "万人", "=", "level")]),
        ("全年油料产量8万吨", [(8, "万吨", "=", "cumulative")]),
        # a bound written as a sign
        ("公办学校就读比例:>80%", [(80, "%", ">=", "level")]),
        ("优良天数比例≥90%", [(90, "%", ">=", "level")]),
        ("城镇调查失业率≤5.5%", [(5.5, "%", "<=", "level")]),
        # PEOPLE_AGE_BAND: a bare scale before an age band and people counts the people
        ("为2.5万65岁以上老年人免费体检", [(2.5, "万人", "=", "cumulative")]),
        ("为0.8万35岁以上重点人群开展筛查", [(0.8, "万人", "=", "cumulative")]),
    ],
)
def test_targets_by_cause(text, expected):
    assert found(text) == [(float(v), u, c, k) for v, u, c, k in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PROJECT COST: the work's budget beside other promises is no target
        ("改造危桥3座,投入资金约800万元,由县财政解决", [(3, "座", "=", "cumulative")]),
        ("新建幼儿园2所,总投资1.5亿元", [(2, "所", "=", "cumulative")]),
        ("建设污水管网20公里,投资约600万元", [(20, "公里", "=", "cumulative")]),
        # ... money as the only promise is the target
        ("项目总投资4亿元", [(4, "亿元", "=", "cumulative")]),
        # ... investing is the work itself; the year's plan of investment is a target
        ("完成投资30亿元,新开工项目12个", [(30, "亿元", "=", "cumulative"), (12, "个", "=", "cumulative")]),
        ("年度计划投资2亿元,新开工项目6个", [(2, "亿元", "=", "cumulative"), (6, "个", "=", "cumulative")]),
    ],
)
def test_project_cost(text, expected):
    got = found(text)
    assert [(v, u) for v, u, _, _ in got] == [(float(v), u) for v, u, _, _ in expected]


def test_year_plan_in_another_column():
    """YEAR'S PLAN IN ANOTHER COLUMN: 其他 states the year's investment target beside progress;
    a share of the plan written straight after 占 is no plan."""
    from luoshi.extract.table import column_targets
    from luoshi.ingest.model import Item, Task

    task = Task(serial="1", text="开展技能培训500人次", items=[Item(done="培训120人次")],
                extra={"其他": "年度投资目标800万元,1—3月完成投资200万元,占年度投资目标的25%"})
    got = [(t.value, t.unit, t.metric, t.column) for t in column_targets(task)]
    assert got == [(800.0, "万元", "年度投资目标", "其他")]
    shared = Task(serial="2", text="开展技能培训500人次", items=[Item(done="")],
                  extra={"备注": "完成投资90万元,占年度投资计划45.5%"})
    assert column_targets(shared) == []
    # a plan of the family the text already promises restates it
    same = Task(serial="3", text="完成投资800万元", items=[Item(done="")],
                extra={"其他": "年度投资目标800万元"})
    assert column_targets(same) == []


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        # a cell's own words date a figure earlier than its column's period
        ("目标任务", "完成30个村,其中上半年完成12个", [(30.0, 1.0), (12.0, 0.5)]),
        ("全年目标", "改造80户,其中6月底前改造40户", [(80.0, 1.0), (40.0, 0.5)]),
        # the column's own period dates its figures
        ("一季度目标", "开工项目15个", [(15.0, 0.25)]),
    ],
)
def test_column_target_due(header, cell, expected):
    from luoshi.extract.table import column_targets
    from luoshi.ingest.model import Item, Task

    task = Task(serial="1", text="重点工作", items=[Item(done="")], extra={header: cell})
    assert [(t.value, round(t.due_share, 2)) for t in column_targets(task)] == expected
