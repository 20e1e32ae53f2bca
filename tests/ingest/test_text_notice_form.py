"""A notice's own form read as tasks is refused (NOTICE FORM RULE,
luoshi/ingest/text/noticeform.py); task lists with units or progress stay read. Made-up pages."""

import pytest

from luoshi.ingest import IngestError, read_document

HEAD = ["关于开展2031年重点工作专项督查的通知", "各县区人民政府,市直各部门:", "现将有关事项通知如下:"]
TAIL = ["市政府督查室", "2031年4月28日"]
TOPICS = ["重大项目建设督查", "民生实事督查", "营商环境督查"]
FIELDS = ["督查内容:有关任务落实情况。", "督查方式:听取汇报、实地察看。", "时间安排:5月中旬。"]


def _headed() -> list[str]:
    # (一) topic, then its numbered fields: read as a headed report before the rule
    out = ["一、督查安排"]
    for k, topic in enumerate(TOPICS):
        out.append(f"({'一二三'[k]}){topic}")
        out += [f"{n}.{f}" for n, f in enumerate(FIELDS, 1)]
    return [*out, "二、工作要求", "各单位要高度重视。"]


def _forms() -> list[str]:
    # 1. topic, then its fields unnumbered: read as key-value forms before the rule
    out = []
    for k, topic in enumerate(TOPICS, 1):
        out += [f"{k}.{topic}", *FIELDS]
    return [*out, "4.工作要求", "各单位要高度重视。"]


def test_numbered_arrangements_with_one_item_of_another_kind_are_a_notice():
    # one arrangement per item, the last (a contact line) no arrangement label
    body = [
        "1.督查内容:重大项目开工、投资完成情况;十件民生实事推进情况。",
        "2.督查方式:听取汇报、查阅资料、实地察看。",
        "3.时间安排:5月10日至5月20日。",
        "4.工作要求:各单位要高度重视,认真准备。",
        "5.联系人及电话:张三,12345678。",
    ]
    with pytest.raises(IngestError) as exc:
        read_document("\n".join([*HEAD, *body, *TAIL]).encode(), name="notice.txt")
    assert "4 of its 5 numbered items are its own arrangements" in exc.value.reason


def test_labelled_items_with_units_are_tasks():
    body = [
        "1.建设内容:新建校舍3栋。", "责任单位:县教育局",
        "2.建设内容:改造道路5公里。", "责任单位:县交通局",
        "3.实施范围:全县12个乡镇。", "责任单位:县农业局",
    ]
    doc = read_document("\n".join(["2031年安澜县重点工作任务分解", *body]).encode(), name="l.txt")
    assert [t.units for t in doc.tasks] == [["县教育局"], ["县交通局"], ["县农业局"]]


@pytest.mark.parametrize("body", [_headed(), _forms()], ids=["headed", "forms"])
def test_arrangements_with_the_same_fields_are_a_notice(body):
    page = "\n".join([*HEAD, *body, *TAIL])
    with pytest.raises(IngestError) as exc:
        read_document(page.encode(), name="notice.txt")
    assert "a notice, no task list to import" in exc.value.reason
    assert "督查内容 / 督查方式 / 时间安排" in exc.value.reason
    assert "通知" in exc.value.zh


def test_forms_with_units_are_tasks_even_with_arrangement_fields():
    body = []
    for k, topic in enumerate(["新建第二小学", "改造老旧小区"], 1):
        body += [f"{k}.{topic}", "建设内容:新建校舍。", "完成时间:2031年底。", "责任单位:县教育局"]
    page = "\n".join(["2031年安澜县重点项目计划", *body])
    doc = read_document(page.encode(), name="plan.txt")
    assert len(doc.tasks) == 2 and doc.tasks[0].units == ["县教育局"]


def test_sections_with_progress_are_a_report():
    body = ["一、项目建设"]
    for k, topic in enumerate(TOPICS):
        body += [f"({'一二三'[k]}){topic}", *FIELDS[:2], "已完成投资3亿元,占年度计划的60%。"]
    page = "\n".join(["2031年安澜县重点工作上半年进展情况", *body])
    doc = read_document(page.encode(), name="report.txt")  # the same fields, and progress
    assert len(doc.tasks) == 3
