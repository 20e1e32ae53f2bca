"""Finished work told in words (luoshi/extract/finished.py): a task promising one thing with no
figure is done when the last clause of its entry says the work is finished. Made-up cases."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task
from luoshi.vocab import Status

from .conftest import Q3, task


def status(text: str, done: str):
    return analyze_task(task(text, done), Q3).status


@pytest.mark.parametrize(
    ("text", "done", "evidence"),
    [
        # ...完毕 as the latest news
        ("领办项目:某村路灯维修项目。", "某村主路路灯多处损坏,单位出资购买灯泡,目前全部更换完毕。",
         "目前全部更换完毕"),
        # 完成 + what was done, nothing of it left to count
        ("领办项目:某小区外围车位规划项目。", "小区周边停车无序,经交警招标规划车位,目前已完成划线。",
         "目前已完成划线"),
        ("某居委会门前车位规划项目。", "门前停车混乱,与交警协商后在楼前规划车位,完成划线。", "完成划线"),
        # a result of the work after 已
        ("某镇卫生院迁建项目。", "项目历时一年施工,现已投入使用。", "现已投入使用"),
        ("某路段拓宽项目。", "工程十月完工,已正式通车。", "已正式通车"),
        ("某村便民服务站项目。", "选定场地并配齐设施,已挂牌。", "已挂牌"),
        # a clause ending in 已于 a date (办理)完成: its subject finished
        ("某社区书屋项目。", "选定场地后,社区书屋已于5月10日建设完成。", "社区书屋已于5月10日建设完成"),
        ("某小区消防通道清理项目。", "经与物业协商,通道清理已于4月2日办理完成。", "通道清理已于4月2日办理完成"),
        # a dated result of the work, and 完成 the building of the thing itself (traditional too)
        ("建造某临时泵房。", "已於2031年7月正式投入運作", "已於2031年7月正式投入運作"),
        ("敷设某新排水管。", "排水管已于2032年2月完成安装", "排水管已于2032年2月完成安装"),
    ],
)
def test_finished_in_words_is_done(text, done, evidence):
    st = status(text, done)
    assert st.value is Status.DONE, st
    assert st.rule == "done"
    assert [e.text for e in st.evidence] == [evidence]


def test_a_count_of_work_finished_is_done_and_says_the_total_is_not_given():
    st = status("某社区外围车位规划项目。", "联系交警划分车位,目前已完成40个车位划定工作。")
    assert st.value is Status.DONE
    assert "未说明总数" in st.reason


@pytest.mark.parametrize(
    ("text", "done"),
    [
        # a part, or only basically finished
        ("某小区车位规划项目。", "经协商规划车位,已完成了部分车位划线。"),
        ("某小区车位规划项目。", "经协商规划车位,车位划线已基本完成。"),
        # a step on the way
        ("某公园提升项目。", "已确定改造范围,完成设计。"),
        ("某文化中心项目。", "已完成土地手续,目前已完成主体施工。"),
        ("某文化中心项目。", "项目已报批,完成选址。"),
        ("某公园提升项目。", "经多次协商,设计方案已于3月1日完成。"),  # a step, dated
        ("某公园提升项目。", "经多次协商,前期工作已于3月1日完成。"),  # a part
        ("某公园提升项目。", "已于3月1日完成招投标。"),  # something follows 完成: a step
        ("某文化中心项目。", "主体已于3月1日完成施工。"),  # the building of a part
        ("某文化中心项目。", "已于3月1日正式开工。"),  # a start, no result of the work
        ("某中学扩建项目。", "主教学楼框架结构已完成。"),  # a stage, and no date
        ("某小区消防通道清理项目。", "经与物业协商,通道清理已完成。"),  # undated
        # a plan, a promise, or the finished clause not the last one
        ("某居委会门前车位规划项目。", "下一步将在楼前规划车位,完成划线。"),
        ("某社区室温提升项目。", "督促供热公司在供暖期完成整改,承诺年内达到居民要求。"),
        # a figure achieved, not the work finished
        ("某污水管网项目。", "已开工建设,已完成投资1200万元。"),
        # a scope word limits it; something still under way
        ("某卫生院迁建项目。", "门诊楼部分已投入使用。"),
        ("某卫生院迁建项目。", "住院楼正在装修,门诊楼已投入使用。"),
        # numbered points: several measures, the last point only its own
        ("落实某项责任制。", "1.制定收购政策。\n2.完成责任书签订工作。"),
        # a task of several clauses promises more than one thing
        ("整治村内河道,提升村容村貌。", "组织清理河道垃圾,河道清淤完毕。"),
    ],
)
def test_not_finished(text, done):
    assert status(text, done).value is not Status.DONE


# WHOLE TASK FINISHED: the task itself the subject of the last sentence, finished by a date
@pytest.mark.parametrize(
    ("text", "done", "want"),
    [
        ("校舍维修及设施提升工程", "包括完成3所小学提升改造。该项目总投资约200万元。"
         "该项目已于9月1日前完工并全部投入使用。", Status.DONE),
        ("社区卫生站扩容建设工程", "包括推进中医保健服务。该项目已于10月底完成。", Status.DONE),
        ("农村公路大中修工程", "包括两条公路大中修。本工程已建成。", Status.DONE),
        # a proposal or a case names itself 本案/该案
        ("社区空地种植开花灌木", "本案已完成施工,于12月向提案人提出结案获得同意。", Status.DONE),
        ("社区空地种植开花灌木", "该案已于11月中完成。", Status.DONE),
        ("社区空地种植开花灌木", "本案计划于12月底完成。", None),
        # a part, or not the last sentence
        ("农村公路大中修工程", "包括两条公路。该项目一期已于10月底完工。", Status.ON_TRACK),
        ("农村公路大中修工程", "该项目已于10月底完工。二期正在施工。", Status.ON_TRACK),
        ("农村公路大中修工程", "该项目计划于12月底完成。", None),
        # every numbered point finished: the whole is; one point under way: not done
        # (首批 named by the task is the project's name, no part word)
        ("实施首批校园场地开放工程,新建全民健身点25个。",
         "①首批校园场地开放工程6月底已完工。②新建健身点项目9月底已完工。", Status.DONE),
        ("实施首批校园场地开放工程,新建全民健身点25个。",
         "①首批校园场地开放工程6月底已完工。②新建健身点项目正在施工。", Status.ON_TRACK),
        # every point ending in 已(于 a date)完成 (rules.FINISHED_DATED); a step does not count
        ("1.与社区学院续办第2次走读课程。2.在图书馆分馆内设立文史专区。",
         "1.第2次走读活动已于3月18日办理完成。\n2.分馆加设文史专区已于3月1日完成。", Status.DONE),
        ("1.与社区学院续办第2次走读课程。2.在图书馆分馆内设立文史专区。",
         "1.第2次走读活动已于3月18日办理完成。\n2.文史专区设计方案已于3月1日完成。", None),
    ],
)
def test_the_task_itself_said_finished_is_done(text, done, want):
    st = status(text, done)
    if want is None:
        assert st.value is not Status.DONE, st
    else:
        assert st.value is want, st
