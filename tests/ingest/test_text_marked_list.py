"""Marked progress lists (luoshi.ingest.text.prose.marked), on made-up pages: a run of items
opened by one repeated marker, each with its progress, is a task list; news is not."""

import pytest

from luoshi.ingest import IngestError, read_document

_LEAD = "某区2031年民生实事进展\n今年以来,区政府围绕群众关切推进民生实事,现将进展公布如下。"


def _read(body: str):
    return read_document(f"{_LEAD}\n{body}\n".encode(), name="marked.txt")


@pytest.mark.parametrize(
    ("body", "serials", "tasks", "done"),
    [
        (  # a bullet and a word with its number, progress in the paragraph under it
            "●实事1 教育\n新建城北小学一所,主体工程已完工。\n"
            "●实事2 养老\n改造养老服务站8个,已全部建成投用。\n●实事3 交通\n目前已开通公交线路2条。",
            ["实事1", "实事2", "实事3"],
            ["教育", "养老", "交通"],
            [
                "新建城北小学一所,主体工程已完工。",
                "改造养老服务站8个,已全部建成投用。",
                "目前已开通公交线路2条。",
            ],
        ),
        (  # traditional script, a square bullet, no number
            "■城東公園建設\n目前已完成綠化工程。\n■老舊小區改造\n正在進行外牆施工。"
            "\n■農貿市場新建\n已完成主體施工。",
            ["1", "2", "3"],  # numbered by position (warned)
            ["城東公園建設", "老舊小區改造", "農貿市場新建"],
            ["目前已完成綠化工程。", "正在進行外牆施工。", "已完成主體施工。"],
        ),
        (  # a check box ticking each item, progress in the paragraph under it
            "☑城南公园提升工程\n该项目已于3月完成。\n☑社区卫生服务站改建\n目前主体完成约60%。"
            "\n☑背街小巷改造\n已完成施工,正在验收。",
            ["1", "2", "3"],  # numbered by position (warned)
            ["城南公园提升工程", "社区卫生服务站改建", "背街小巷改造"],
            ["该项目已于3月完成。", "目前主体完成约60%。", "已完成施工,正在验收。"],
        ),
        (  # items run together on one line, progress after a label the vocabulary lacks
            "一、关于“道路破损”的问题整改进展情况:已完成修补。"
            "二、关于“路灯不亮”的问题整改进展情况:正在更换灯具。"
            "三、关于“积水严重”的问题整改进展情况:已疏通管网。",
            ["一", "二", "三"],
            ["关于“道路破损”的问题整改", "关于“路灯不亮”的问题整改", "关于“积水严重”的问题整改"],
            ["已完成修补。", "正在更换灯具。", "已疏通管网。"],
        ),
        (  # the progress in a second sentence of the item's line
            "1.建设农贸市场一个。已完成主体施工。\n2.新增停车位200个。截至目前已建成150个。"
            "\n3.改造公厕10座。正在施工。",
            ["1", "2", "3"],
            ["建设农贸市场一个", "新增停车位200个", "改造公厕10座"],
            ["已完成主体施工。", "截至目前已建成150个。", "正在施工。"],
        ),
        (  # codes of one width (a year and quarter), a space between name and progress, one
            # item's name alone under its code, one item reporting a change in its own words,
            # a button's text after the last item
            "2043 竣工验收 本案已办理完成,同意结案。\n2042\n步道铺设\n已完成铺设800米。\n"
            "2041 植栽补植\n因天气原因,原补植项目改为修缮木桥。\n"
            "2034 入口整理 入口标识已于3月底设置完成。\nBack To Top",
            ["2043", "2042", "2041", "2034"],
            ["竣工验收", "步道铺设", "植栽补植", "入口整理"],
            [
                "本案已办理完成,同意结案。",
                "已完成铺设800米。",
                "因天气原因,原补植项目改为修缮木桥。",
                "入口标识已于3月底设置完成。",
            ],
        ),
        (  # two findings, each followed by a paragraph opening with its status (traditional)
            "(一)部分項目審批程序不規範。\n該問題已完成整改。一是修訂制度;二是開展清理。\n"
            "(二)專項資金使用效益不高。\n該問題已完成整改。一是建立臺賬。",
            ["(一)", "(二)"],
            ["部分項目審批程序不規範。", "專項資金使用效益不高。"],
            ["該問題已完成整改。一是修訂制度;二是開展清理。", "該問題已完成整改。一是建立臺賬。"],
        ),
        (  # work under way said with 中
            "●实事1 教育\n城北小学扩建施工中。\n●实事2 养老\n养老服务站招标中。\n"
            "●实事3 交通\n公交场站建设推进中。",
            ["实事1", "实事2", "实事3"],
            ["教育", "养老", "交通"],
            ["城北小学扩建施工中。", "养老服务站招标中。", "公交场站建设推进中。"],
        ),
        (  # results stated as a figure reached by a verb of change (增加, 提高到)
            "●实事1 就业\n全市新增城镇就业1.2万人。\n●实事2 养老\n"
            "企业退休人员基本养老金人均每月增加120元。\n●实事3 医疗\n居民医保补助标准提高到610元。",
            ["实事1", "实事2", "实事3"],
            ["就业", "养老", "医疗"],
            [
                "全市新增城镇就业1.2万人。",
                "企业退休人员基本养老金人均每月增加120元。",
                "居民医保补助标准提高到610元。",
            ],
        ),
        (  # an announced list cut after its first item: a heading naming the items'
            # progress over an item numbered one that states its progress outright
            "一、总体情况\n我区共收到问题5个,均已整改。\n二、具体整改情况\n"
            "(一)部分路段照明不足。\n该问题已完成整改。一是增设路灯;二是定期巡查。",
            ["(一)"],
            ["部分路段照明不足。"],
            ["该问题已完成整改。一是增设路灯;二是定期巡查。"],
        ),
        (  # the same, the first item glued after the list's title on one line
            "某区整改进展清单一、关于“河道垃圾”问题整改进展情况:已经完成。1.清理河道。",
            ["一"],
            ["关于“河道垃圾”问题整改"],
            ["已经完成。 1.清理河道。"],
        ),
    ],
)
def test_items_opened_by_one_marker_each_with_progress_are_tasks(body, serials, tasks, done):
    doc = _read(body)
    # (items with a label or a sentence split off may be read by the older prose readers
    # first; the tasks must be the same whichever does)
    assert [t.serial for t in doc.tasks] == serials
    assert [t.text for t in doc.tasks] == tasks
    assert [t.items[0].done for t in doc.tasks] == done
    assert all(t.units == [] for t in doc.tasks)
    if doc.layout == "marked-list":
        assert any("one repeated marker" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "body",
    [
        # news: numbered points of a meeting, results stated with no task before them
        "1.会议指出,全市经济运行总体平稳。\n2.全市已完成投资300亿元,同比增长8%。"
        "\n3.会议要求,已完成的工作要巩固。",
        # one item carries no progress: not a list of items each reporting on itself
        "●实事1 教育\n新建城北小学一所,主体工程已完工。\n●实事2 养老\n改造养老服务站8个。"
        "\n●实事3 交通\n目前已开通公交线路2条。",
        # two marked items only: as often a report's two parts
        "1.规模工业产值\n1-10月完成产值1亿元,已完成任务的63%。\n"
        "2.固定资产投资\n1-10月已完成投资2亿元。",
        # labelled items naming indicators: an indicator report, not a task list
        "1、规模工业产值完成情况:\n1-10月完成产值1亿元,占任务数的63%。\n"
        "2、固定资产投资完成情况:\n1-10月完成投资2亿元,占任务数的90%。",
        # years opening news paragraphs are no codes
        "2029 年全市完成投资300亿元。\n2030 年全市已完成投资320亿元。\n"
        "2031 年全市已完成投资350亿元。",
        # results only planned: 将/要/力争 before the verb of change is no report
        "●实事1 就业\n城镇就业要增加1.2万人。\n●实事2 养老\n基本养老金将增加120元。"
        "\n●实事3 医疗\n补助标准力争提高到610元。",
        # a lone item under a heading that announces no progress (a meeting's points)
        "二、会议要求\n(一)加强路段照明。\n该问题已完成整改。",
        # a lone announced item that is not the page's end: more paragraphs follow it
        "二、具体整改情况\n(一)部分路段照明不足。\n该问题已完成整改。\n会议指出了方向。"
        "\n会议要求抓好落实。\n会议强调了纪律。",
        # bullets over running text with no progress statement
        "●坚持高质量发展\n要把握新形势新要求。\n●坚持以人民为中心\n要办好群众关心的事。",
    ],
)
def test_marked_paragraphs_without_progress_per_item_stay_refused(body):
    with pytest.raises(IngestError):
        _read(body)


def test_points_restarting_inside_coded_items_split_milestone_from_progress():
    # codes opening items whose milestone and status are both numbered points (1. 2. then
    # 1. 2. again), the points naming units in brackets: three items, not six point-tasks
    body = (
        "3012 1.举办河道走读活动一场(区公所)\n2.设置解说牌两面(区公所)\n"
        "1.走读活动已于5月2日办理完成。\n2.解说牌已于6月1日设置完成。\n"
        "3011 1.开设文史课程一期(社区大学)\n2.编印导览手册(区公所)\n"
        "1.课程已于3月1日开课。\n2.手册已印制完成500本。\n"
        "3004 设置文史故事墙(区公所) 1.已于12月完成现场会勘。\n2.故事墙已完成施工。"
    )
    doc = _read(body)
    assert doc.layout == "marked-list"
    assert [t.serial for t in doc.tasks] == ["3012", "3011", "3004"]
    assert doc.tasks[0].text == "1.举办河道走读活动一场(区公所) 2.设置解说牌两面(区公所)"
    assert doc.tasks[0].items[0].done == "1.走读活动已于5月2日办理完成。 2.解说牌已于6月1日设置完成。"
    assert doc.tasks[2].text == "设置文史故事墙(区公所)"
    assert doc.tasks[2].items[0].done == "1.已于12月完成现场会勘。 2.故事墙已完成施工。"



# (fresh11 tune R05) counted items in traditional script under a news lead: each a policy
# sentence, then a sentence closing with its result (the bureau that did the work first);
# one item of the run names its work only; the page ends on the last item's marker.
_COUNTED = (
    "縣府召開上半年度政見執行情形會議\n"
    "縣府今日召開政見執行情形會議,各局處逐項說明。政見及成果如下:\n"
    "第一項:推動老舊社區更新,改善居住環境。工務處北區社區更新第一期工程已完成。\n"
    "第二項:興建長照服務據點,照顧長者。衛生局南區長照據點已開工。\n"
    "第三項:擴充公共運輸路網,便利鄉親出行。\n"
    "第四項:改善農漁產銷通路,提升農漁民收入。產業處漁貨直銷中心已建成。\n"
    "第五項"
)


def test_counted_items_closing_with_their_result_are_tasks():
    doc = read_document(f"{_COUNTED}\n".encode(), name="counted.txt")
    assert [t.serial for t in doc.tasks] == ["第一項", "第二項", "第三項", "第四項", "第五項"]
    assert [t.text for t in doc.tasks][:4] == [
        "推動老舊社區更新,改善居住環境。",
        "興建長照服務據點,照顧長者。",
        "擴充公共運輸路網,便利鄉親出行。",
        "改善農漁產銷通路,提升農漁民收入。",
    ]
    assert [t.items[0].done for t in doc.tasks][:4] == [
        "工務處北區社區更新第一期工程已完成。",
        "衛生局南區長照據點已開工。",
        "",
        "產業處漁貨直銷中心已建成。",
    ]
    messages = " ".join(w.message for w in doc.warnings)
    assert "no progress yet" in messages and "ends on the last item's marker" in messages


@pytest.mark.parametrize(
    "body",
    [
        # two items of the run report nothing: news listing policies, not a list
        _COUNTED.replace("衛生局南區長照據點已開工。", ""),
        # the result planned, not reached (將…完成): no item reports
        _COUNTED.replace("已完成", "將於年底完成").replace("已開工", "將開工").replace(
            "已建成", "將建成"),
    ],
)
def test_counted_items_without_results_stay_refused(body):
    with pytest.raises(IngestError):
        read_document(f"{body}\n".encode(), name="counted.txt")


def test_a_space_inside_a_clause_does_not_cut_name_from_progress():
    """A stray space inside a sentence (電 信) is no border between a name and its progress."""
    body = (
        "1.建設道路、電 信、碼頭等設施。交通處北環道路已完工。\n"
        "2.新增停車位200個。截至目前已建成150個。\n3.改造公廁10座。正在施工。"
    )
    doc = _read(body)
    assert doc.tasks[0].text.startswith("建設道路、電 信、碼頭")
    assert doc.tasks[0].items[0].done == "交通處北環道路已完工。"
