"""Forms whose task is a name over a content paragraph above a progress field, with photo
captions between them (luoshi.ingest.text.prose.formnames), on made-up pages."""

import pytest

from luoshi.ingest import IngestError, read_document

PAGE = [
    "某区十项民生实事进展如何",
    "截至10月底",
    "十个项目正全面推进",
    "公园建设项目",
    "青石公园建设项目,占地约10亩,新建园路2公里。柳塘公园改造项目,改造绿地3000平方米。",
    "进展情况:①青石公园主体完成。②柳塘公园正在施工。",
    "青石公园",
    "柳塘公园",
    "河道整治工程",
    "实施20条河道疏浚整治。",
    "进展情况:该项目累计完成河道整治15条。",
    "河道整治工程",
    "养老服务中心项目",
    "新建区养老服务中心1处。",
    "进展情况:该项目正在进行内部装修。",
]


@pytest.mark.parametrize(
    ("tail", "tasks"),
    [
        ([], ["公园建设项目", "河道整治工程", "养老服务中心项目"]),
        # a caption of its own form, then a name of work no form holds: a form cut after it
        (["养老服务中心", "社区食堂建设项目"],
         ["公园建设项目", "河道整治工程", "养老服务中心项目", "社区食堂建设项目"]),
    ],
)
def test_name_over_content_above_a_progress_field(tail, tasks):
    doc = read_document("\n".join(PAGE + tail).encode(), name="names.txt")
    assert doc.layout == "forms"
    assert [t.text for t in doc.tasks] == tasks
    assert doc.tasks[1].extra["内容及目标"] == "实施20条河道疏浚整治。"
    done = ["".join(i.done for i in t.items) for t in doc.tasks]
    assert done[0] == "①青石公园主体完成。②柳塘公园正在施工。"  # captions dropped
    assert done[1] == "该项目累计完成河道整治15条。"
    assert done[2] == "该项目正在进行内部装修。"
    messages = [w.message for w in doc.warnings]
    assert any("photo captions" in m for m in messages)
    assert any("cut off after its name" in m for m in messages) == (len(tasks) == 4)


def test_news_paragraphs_with_one_labelled_progress_line_are_not_forms():
    page = [
        "某区召开民生实事推进会",
        "会议强调,要加快推进各项工作。",
        "进展情况:各项目推进顺利。",
        "会议要求,各部门要密切配合,确保年底前完成。",
    ]
    with pytest.raises(IngestError):
        read_document("\n".join(page).encode(), name="news.txt")
