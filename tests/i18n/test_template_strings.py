"""Every user-visible string of every shipped template is marked for translation.

The rule is in tests/i18n_rules.py (what counts as user-visible, what as marked); the
cases below pin it, and the last test applies it to all templates under luoshi/**/templates.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from i18n_rules import unmarked_strings

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = sorted({*(REPO / "luoshi").glob("**/templates/**/*.html"),
                    *(REPO / "luoshi" / "templates").glob("*.html")})


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>已完成</p>", ["已完成"]),
        ("<p>{% translate '已完成' %}</p>", []),
        ("<p>{% blocktranslate with n=3 %}共 {{ n }} 项{% endblocktranslate %}</p>", []),
        ("<p>{% blocktrans %}Done{% endblocktrans %}</p>", []),
        ("<p>{{ task.text }} · {{ n }} (3)</p>", []),
        ("<p>Done {{ n }}</p>", ["Done"]),
        ('<input type="submit" value="提交">', ["提交"]),
        ('<input type="text" value="提交">', []),
        ('<input placeholder="搜索">', ["搜索"]),
        ('<img alt="{% translate \'图\' %}">', []),
        ('<a title="说明" href="/x">{% translate "说明" %}</a>', ["说明"]),
        ('<div aria-label="图表">x</div>', ["图表", "x"]),
        ("<script>var a = '中文';</script><style>p{content:'中'}</style>", []),
        ("{# 注释 #}{% comment %}说明{% endcomment %}<p></p>", []),
        ("<p>PDF</p><p>CSV</p>", []),
        ('<li{% if x %} class="a"{% endif %}>{% if y %}是{% else %}{% translate "否" %}{% endif %}</li>',
         ["是"]),
        ('<p>{{ r.sent_by|default:"命令行" }} {{ x|yesno:"是,否" }}</p>', ["命令行", "是,否"]),
        ('{% translate "命令行" as cli %}<p>{{ r.sent_by|default:cli }} {{ d|date:"Y-m-d" }}</p>',
         []),
        ("<p>{{ v|default:'—' }}</p>", []),
    ],
)
def test_rule(tmp_path, source, expected):
    path = tmp_path / "t.html"
    path.write_text(source, encoding="utf-8")
    assert [u.text for u in unmarked_strings(path)] == expected


def test_rule_reports_the_line(tmp_path):
    path = tmp_path / "t.html"
    path.write_text('{% load i18n %}\n<p>{% translate "好" %}</p>\n<p>\n  未标记\n</p>\n',
                    encoding="utf-8")
    [found] = unmarked_strings(path)
    assert (found.line, found.text) == (4, "未标记")
    assert str(found).endswith("t.html:4: '未标记'")


def test_templates_found():
    assert len(TEMPLATES) > 30
    assert any(p.name == "base.html" for p in TEMPLATES)


def test_every_template_string_is_marked():
    found = [str(u.path.relative_to(REPO)) + f":{u.line}: {u.text!r}"
             for path in TEMPLATES for u in unmarked_strings(path)]
    assert not found, ("strings a user sees, not marked for translation ({% translate %} or "
                       "{% blocktranslate %}):\n" + "\n".join(found))
