"""Generate realistic plans and their periodic progress tables, deterministically by seed.

    docs = generate_plan(7, "安澜市", 2023, 40)          # one ParsedDocument per period

Each task gets a domain, a yearly numeric target (most of them), responsible units (lead
first) and a trajectory decided once for the year — ahead, on track, behind, vague or without
data — so that the tables of successive periods tell one consistent story: cumulative figures
grow, a lagging task says so in 存在问题, the annual table says what was completed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from luoshi.ingest.model import Column, Item, Meta, ParsedDocument, Period, Task
from luoshi.sample import phrases as P
from luoshi.vocab import ColumnRole, PeriodKind

PERIOD_LABELS = {
    PeriodKind.Q1: ("一季度", "1-3月"),
    PeriodKind.H1: ("半年度", "1-6月"),
    PeriodKind.Q3: ("前三季度", "1-9月"),
    PeriodKind.ANNUAL: ("全年", "全年"),
}
TRAJECTORIES = ("ahead", "on_track", "behind", "vague", "no_data")
TRAJECTORY_WEIGHTS = (12, 45, 20, 15, 8)
PHASES = ("完成项目立项", "完成初步设计批复", "完成施工招标", "开工建设", "主体工程施工过半",
          "主体结构完工", "完成竣工验收")
SUB_ITEM_SHARE = 0.12  # tasks whose row is split into sub-items
SAMPLE_NOTE = "示例数据:由 luoshi 生成,不是真实政府信息"


@dataclass
class _SubItem:
    heading: str
    pace: float  # phases per year


@dataclass
class _TaskPlan:
    serial: str
    domain: P.Domain
    text: str
    units: list[str]
    trajectory: str
    metric: P.Metric | None = None
    target: float = 0.0
    factor: float = 1.0  # share of the time-proportional target reached
    cause: str = ""
    sub_items: list[_SubItem] = field(default_factory=list)


def _fmt(value: float, decimals: int) -> str:
    if decimals == 0:
        return str(round(value))
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def _level_char(government: str) -> str:
    return government[-1] if government[-1:] in "市区县" else "市"


def _units(rng: random.Random, domain: P.Domain, level: str) -> list[str]:
    lead = rng.choice(domain.units)
    pool = [u for u in P.CO_UNITS + domain.units if u != lead]
    names = [lead, *rng.sample(pool, rng.choice((0, 1, 1, 2, 2, 3)))]
    units = [n.format(p=level) for n in names]
    if rng.random() < 0.15:
        units.append(P.LOCAL_UNITS[level])
    return list(dict.fromkeys(units))


def _plan_tasks(rng: random.Random, government: str, n_tasks: int) -> list[_TaskPlan]:
    level = _level_char(government)
    tasks = []
    for i in range(1, n_tasks + 1):
        domain = rng.choice(P.DOMAINS)
        trajectory = rng.choices(TRAJECTORIES, TRAJECTORY_WEIGHTS)[0]
        lead = rng.choice(domain.leads)
        plan = _TaskPlan(str(i), domain, "", _units(rng, domain, level), trajectory)
        if rng.random() < SUB_ITEM_SHARE:
            stems = rng.sample(P.PLACE_STEMS, rng.randint(2, 4))
            kinds = P.PROJECT_KINDS.get(domain.key, P.PROJECT_KINDS[""])
            plan.sub_items = [
                _SubItem(f"{stem}{rng.choice(kinds)}", rng.uniform(3.0, 7.5))
                for stem in stems
            ]
            names = "、".join(s.heading for s in plan.sub_items)
            plan.text = f"{lead},重点推进{names}等项目建设。"
        else:
            metric = rng.choice(domain.metrics)
            target = rng.uniform(metric.low, metric.high)
            target = float(_fmt(target, metric.decimals))
            form = rng.choice(P.TARGET_FORMS)
            clause = form.format(m=metric.name, v=_fmt(target, metric.decimals), u=metric.unit)
            plan.text = f"{lead},{clause}。"
            plan.metric, plan.target = metric, target
        plan.factor = {
            "ahead": rng.uniform(1.35, 1.7),
            "on_track": rng.uniform(1.0, 1.2),
            "behind": rng.uniform(0.45, 0.8),
        }.get(trajectory, 1.0)
        plan.cause = rng.choice(P.PROBLEM_CAUSES)
        tasks.append(plan)
    return tasks


def _figure_sentence(task: _TaskPlan, kind: PeriodKind, month: int) -> tuple[str, float]:
    """'1-9月,累计完成投资25.8亿元,完成年度目标的64.5%。' and the share of the target done."""
    metric = task.metric
    assert metric is not None
    span = PERIOD_LABELS[kind][1]
    if metric.rate:
        value = task.target * task.factor
        return f"{span},{metric.name}{_fmt(value, 1)}{metric.unit}。", task.factor
    share = task.factor * month / 12
    value = task.target * share
    pct = f"{share * 100:.1f}"
    return (f"{span},累计{metric.name}{_fmt(value, metric.decimals)}{metric.unit},"
            f"完成年度目标的{pct}%。"), share


def _progress(rng: random.Random, task: _TaskPlan, kind: PeriodKind) -> Item:
    month = 12 if kind is PeriodKind.ANNUAL else {"q1": 3, "h1": 6, "q3": 9}[str(kind)]
    activity = rng.choice(task.domain.activities)
    steps = rng.choice(task.domain.next_steps)
    if task.trajectory == "vague":
        return Item(done=rng.choice(P.VAGUE_DONE), next_steps=rng.choice(P.GENERIC_NEXT)
                    if kind is not PeriodKind.ANNUAL else "")
    if task.trajectory == "no_data":
        return Item(done=f"{activity}。{rng.choice(P.NO_DATA_DONE)}", next_steps=steps + "。")
    sentence, share = _figure_sentence(task, kind, month)
    lines = [f"1.{activity},{sentence}", f"2.{rng.choice(task.domain.activities)}。"]
    problems = ""
    next_steps = f"1.{steps}。\n2.{rng.choice(P.GENERIC_NEXT)}"
    if share >= 1 and not (task.metric and task.metric.rate):
        lines.insert(0, "已完成年度目标任务。")
    if task.trajectory == "behind":
        late = rng.choice(P.LATE_PHRASES)
        problems = f"受{task.cause}影响,{task.metric.name if task.metric else '项目'}{late}。"
        if kind is PeriodKind.ANNUAL:
            lines.insert(0, "未完成年度目标任务。")
    elif kind is not PeriodKind.ANNUAL:
        lines[-1] += rng.choice(P.ON_TRACK_NOTES)
    if kind is PeriodKind.ANNUAL:
        next_steps = ""
    return Item(done="\n".join(lines), problems=problems, next_steps=next_steps)


def _sub_progress(rng: random.Random, task: _TaskPlan, sub: _SubItem, kind: PeriodKind) -> Item:
    month = 12 if kind is PeriodKind.ANNUAL else {"q1": 3, "h1": 6, "q3": 9}[str(kind)]
    pace = sub.pace * (0.6 if task.trajectory == "behind" else 1.0)
    reached = min(int(pace * month / 12), len(PHASES) - 1)
    done = f"已{PHASES[reached]}。{rng.choice(task.domain.activities)}。"
    problems = ""
    if task.trajectory == "behind":
        problems = f"受{task.cause}影响,项目{rng.choice(P.LATE_PHRASES)}。"
    next_steps = "" if reached == len(PHASES) - 1 else f"加快推进,力争{PHASES[reached + 1]}。"
    return Item(heading=f"{sub.heading}。", done=done, problems=problems, next_steps=next_steps)


def _meta(rng: random.Random, government: str, year: int, kind: PeriodKind,
          index: int) -> Meta:
    label = PERIOD_LABELS[kind][0]
    month = 12 if kind is PeriodKind.ANNUAL else {"q1": 3, "h1": 6, "q3": 9}[str(kind)]
    end = date(year, month, 31 if month in (3, 12) else 30)
    published = end + timedelta(days=rng.randint(15, 40))
    return Meta(
        title=f"{year}年度{government}政府重点工作任务{label}完成情况",
        index_no=f"{rng.randint(100000, 999999):06d}/{year}-{index:05d}",
        category="政府工作报告",
        publisher=f"{government}人民政府办公室",
        written_date=published - timedelta(days=rng.randint(0, 3)),
        published_date=published,
        disclosure="主动公开",
        government=government,
        year=year,
        period=Period(kind=kind, label=label, end_date=end),
        notes=[SAMPLE_NOTE],
    )


def _columns(kind: PeriodKind, layout: str) -> list[Column]:
    done = Column(f"{PERIOD_LABELS[kind][0]}完成情况", ColumnRole.DONE)
    if layout == "three":
        return [Column("序号", ColumnRole.SERIAL), Column("重点工作", ColumnRole.TASK), done]
    return [Column("序号", ColumnRole.SERIAL), Column("任务内容", ColumnRole.TASK),
            Column("责任单位", ColumnRole.UNITS), done,
            Column("存在问题及困难", ColumnRole.PROBLEMS), Column("下一步工作", ColumnRole.NEXT_STEPS)]


def generate_plan(
    seed: int,
    government: str = "安澜市",
    year: int = 2023,
    n_tasks: int = 40,
    periods: tuple[str, ...] = ("q1", "h1", "q3", "annual"),
    layout: str = "six",
) -> list[ParsedDocument]:
    """One ParsedDocument per period (in the order given), all of the same plan.

    ``layout`` "six" (序号/任务内容/责任单位/完成情况/存在问题及困难/下一步工作) or "three"
    (序号/重点工作/完成情况: no units, problems or next steps, as some governments publish).
    The same arguments always give the same documents; a period's table does not depend on
    which other periods are asked for.
    """
    if layout not in {"six", "three"}:
        raise ValueError(f"layout must be 'six' or 'three', not {layout!r}")
    base = f"{seed}|{government}|{year}"
    tasks = _plan_tasks(random.Random(base), government, n_tasks)
    docs = []
    for kind_name in periods:
        kind = PeriodKind(kind_name)
        if kind not in PERIOD_LABELS:
            raise ValueError(f"period must be one of q1, h1, q3, annual, not {kind_name!r}")
        rng = random.Random(f"{base}|{kind}")
        parsed = []
        for task in tasks:
            if task.sub_items:
                items = [_sub_progress(rng, task, sub, kind) for sub in task.sub_items]
            else:
                items = [_progress(rng, task, kind)]
            if layout == "three":
                items = [Item(heading=i.heading, done=i.done) for i in items]
            units = list(task.units) if layout == "six" else []
            parsed.append(Task(serial=task.serial, text=task.text, units=units, items=items))
        index = list(PERIOD_LABELS).index(kind) + 1
        docs.append(ParsedDocument(
            meta=_meta(rng, government, year, kind, index),
            columns=_columns(kind, layout),
            tasks=parsed,
            source_name=f"sample-{seed}-{government}-{year}-{kind}.txt",
            format="sample",
            layout=f"generated-{layout}",
        ))
    return docs
