"""A page with no task list is refused with a reason that says what it holds
(luoshi/ingest/text/prose/refusal.py); made-up pages, not corpus text."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document

CASES = [
    (
        "a cover notice whose table is its attachment",
        "关于印发2031年重点工作任务分解表的通知\n\n各乡镇人民政府,县政府各部门:\n\n"
        "现将《2031年重点工作任务分解表》印发给你们,请认真贯彻落实。\n\n"
        "附件:2031年重点工作任务分解表\n\n安澜县人民政府办公室\n\n2031年1月20日\n",
        "a cover notice, no task list to import: its table is an attachment (2031年重点工作任务分解表)",
    ),
    (
        "a 通报 whose attachment line names nothing",
        "关于10月份民生实事进展情况的通报\n\n截至10月31日,65件民生实事已完成26件。\n\n附件:\n",
        "a cover notice, no task list to import: its table is an attachment, not part",
    ),
    (
        "a 通报 whose attachment's table follows on the page without a known header",
        "关于2031年民生实事进展情况的通报\n\n截至8月底,各项工作推进顺利,详见附件。\n\n附件2\n\n"
        + "".join(f"{c} |\n" for c in ["编码", "名目", "计划", "实际"])
        + "".join(f"A{i} |\n名目{i} |\n{i * 10} |\n{i * 9} |\n" for i in range(1, 5)),
        "the attachment's table is on the page (20 short cells",
    ),
    (
        "a policy explainer whose numbered lines are long and read like tasks",
        "《2031年重点工作任务分工方案》政策解读\n\n一、主要内容\n\n"
        "1.在推进城市更新方面,分解任务12项,包括老旧小区改造和公园建设。\n\n"
        "2.在促进产业发展方面,分解任务15项,包括招商引资和企业服务。\n\n"
        "3.在保障改善民生方面,分解任务20项,包括学校建设和医疗服务。\n",
        "policy explainer (政策解读), no task list to import",
    ),
    (
        "a policy Q&A",
        "2031年重点工作任务分工方案政策问答\n\n"
        "1.分工方案的主要内容是什么?方案把报告分解为五个方面五十项任务。\n\n"
        "2.各责任单位如何落实?各单位要细化措施,明确时限,按月报送进展。\n\n"
        "3.如何开展督查考核?市政府督查室按季度通报,纳入年度考核。\n",
        "policy explainer (政策解读), no task list to import",
    ),
    (
        "running text",
        "我市召开经济工作会议\n\n会议指出,今年以来全市经济运行总体平稳。\n\n会议要求,各地要抓好落实。\n",
        "prose news, no task list to import: 3 paragraph(s) of running text",
    ),
    (
        "running text under a report's headings",
        "关于上半年计划执行情况的报告\n\n一、计划执行情况\n\n上半年全市经济运行平稳,生产总值增长5%。\n\n"
        "二、下半年工作安排\n\n下半年要继续抓好稳增长各项工作。\n",
        "running text under 2 heading(s)",
    ),
    (
        "points counted in words",
        # (a visit's report; under an opening announcing progress, such points are tasks:
        # tests/ingest/test_text_points.py)
        "市领导调研城市建设\n\n一是道路建设。主线工程完成70%。\n\n二是绿化建设。新增绿地8万平方米。\n\n"
        "三是公交建设。新开公交线路5条。\n",
        "its 3 points are counted in words",
    ),
    (
        "numbered headings without units",
        "工作要求\n\n1.加强领导。\n\n2.强化督查。\n\n3.营造氛围。\n",
        "3 numbered paragraphs, but they name no responsible units",
    ),
    (
        "numbered headings run together on one line are counted as items",
        "工作要求\n\n1.加强领导。 2.强化督查。 3.营造氛围。 4.严明纪律。\n",
        "4 numbered paragraphs, but they name no responsible units",
    ),
    (
        "a table of figures with no task column",
        # (a target without an achieved figure: with one it is an INDICATOR TABLE, a task list)
        "主要指标完成情况\n\n指标名称\n\n预期增长(%)\n\n备注\n\n生产总值\n\n6\n\n左右\n",
        "指标名称 / 预期增长(%) / 备注",
    ),
    (
        "headings over work done, but news: the opening names no progress report",
        "青禾乡召开民生工作会议\n\n会议指出:\n\n一、村道硬化工程\n完成村道硬化12公里。\n\n"
        "二、饮水安全提升项目\n已完成3个村的管网改造。\n\n三、村卫生室建设\n建成4个。\n",
        "3 headings (一、…) over paragraphs of work done, but the opening does not name a progress",
    ),
    (
        "one task with units",
        "通知\n\n请各单位做好新建公园3个的工作。\n\n责任单位:市建设局\n",
        "one paragraph names a responsible unit",
    ),
]


@pytest.mark.parametrize("text,reason", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_refusal_says_what_the_page_holds(text: str, reason: str) -> None:
    with pytest.raises(IngestError) as err:
        read_document(text.encode(), name="page.txt")
    message = str(err.value)
    assert reason in message
    # and what was looked for, so a user with an unusual table knows what to fix
    assert "no table header found" in message
    # in Chinese too, for the import page
    assert err.value.zh.startswith("文件无法读取:未找到任务清单,") and "未找到表头" in err.value.zh
