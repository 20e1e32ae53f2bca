"""The task page below the site header (title, breadcrumbs, content) written in one Python pass
from the rows of luoshi.web.task_page.

The rule is the one of luoshi.web.list_rows: every value that comes from the data is escaped
here (``_v``: as a template's ``{{ value }}`` — localized, then ``conditional_escape``) unless it
is markup built by an escaping function (``task_page.marked``, ``linebreaksbr`` with
autoescape); the words around it are the page's translated labels (the msgids the templates
had, so the translations stay). The markup is byte for byte what the templates it replaced
wrote (proven for every viewer of the demo, in Chinese and English, by
tests/web/test_task_page_bytes.py at commits 3525b6e and 0a589e1, against integ7's view and
templates; tests/web/test_task_page_shown.py now holds what a user must see): a template
resolved some forty variables and tags per entry, target and change, most of the cost of
building the page. Links are a prefix plus an id (no ``reverse()`` per item). The office's bookkeeping
panel (rounds/task_office.html) is still a template: it belongs to the rounds app and is
rendered only for people who run the rounds.
"""

from __future__ import annotations

from django.middleware.csrf import get_token
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat, linebreaksbr, truncatechars
from django.template.loader import get_template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from luoshi.core.models import Change
from luoshi.rounds.history import field_words, model_words
from luoshi.web.list_rows import escape_text, url_prefix
from luoshi.web.statuses import shown_status
from luoshi.web.task_page import Block, TargetView, TaskPage

EMPTY = '<span class="empty-cell">——</span>'
ACTIONS = dict(Change.Action.choices)


def _v(value) -> str:
    """A value as ``{{ value }}`` writes it: localized, escaped unless already safe (as
    ``conditional_escape``, without its lazy-argument wrapper: list_rows.escape_text)."""
    text = str(localize(value))
    return text if hasattr(text, "__html__") else escape_text(text)


def _date(value, fmt: str) -> str:
    """``{{ value|date:fmt }}``: in the current time zone, escaped."""
    return conditional_escape(date_filter(template_localtime(value), fmt))


def _time(value) -> str:
    """A moment as the templates wrote it: machine-readable, shown to the minute."""
    return f'<time datetime="{_date(value, "c")}">{_date(value, "Y-m-d H:i")}</time>'


def _options(choices, selected) -> str:
    """A menu's options, the current value selected (the correction forms)."""
    return "".join(f'<option value="{_v(value)}"{" selected" if value == selected else ""}>'
                   f"{_v(label)}</option>" for value, label in choices)


def _t(message: str, **values) -> str:
    """``{% blocktranslate with name=value … %}``: the values written as ``{{ value }}``."""
    text = gettext(message)
    return text % {k: _v(v) for k, v in values.items()} if values else text


def _serial_heading(task: dict) -> str:
    return _t("重点工作 %(serial)s", serial=task["serial"])


def _sub_item_label(item: dict) -> str:
    """web/sub_item_label.html: a sub-item's text, or 子项 N when it has none."""
    if item["text"]:
        return linebreaksbr(item["text"], autoescape=True)
    return _t("子项 %(n)s", n=item["order"])


def render(request, page: TaskPage, *, may_correct: bool, office_panel: dict | None,
           task_object=None, kind_choices=(), status_choices=()) -> dict[str, SafeString]:
    """The page's parts, as ``pagecache.render_parts`` gave them (stripped, safe)."""
    task = page.task
    parent = task["parent_id"]
    title = _serial_heading(task)
    crumbs = (
        f'<nav class="breadcrumbs" aria-label="{gettext("当前位置")}">\n  <ol>\n'
        f'    <li><a href="{reverse("report_list")}">{gettext("落实情况表")}</a></li>\n'
        f"    <li>{_v(page.plan)}</li>\n    "
        + (f'<li><a href="{url_prefix("task_detail")}{parent}/">'
           f'{_t("重点工作 %(serial)s", serial=task["parent__serial"])}</a></li>' if parent else "")
        + '\n    <li><span aria-current="page">'
        + (gettext("子项") if parent else title)
        + "</span></li>\n  </ol>\n</nav>"
    )
    writer = _Content(request, page, may_correct, kind_choices, status_choices)
    content = writer.content(office_panel, task_object)
    return {"title": mark_safe(title.strip()), "breadcrumbs": mark_safe(crumbs),
            "content": mark_safe(content.strip())}  # every value escaped above


class _Content:
    def __init__(self, request, page: TaskPage, may_correct: bool, kind_choices,
                 status_choices) -> None:
        self.request, self.page, self.may_correct = request, page, may_correct
        self.kind_choices, self.status_choices = kind_choices, status_choices
        self.task_url = url_prefix("task_detail")
        self._csrf: str | None = None

    def csrf(self) -> str:
        """``{% csrf_token %}``: one token for the page, as one template render had."""
        if self._csrf is None:
            token = conditional_escape(get_token(self.request))
            self._csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
        return self._csrf

    def content(self, office_panel: dict | None, task_object) -> str:
        page, task = self.page, self.page.task
        parent = task["parent_id"]
        if parent:
            heading = _t("重点工作 %(serial)s 的子项", serial=task["parent__serial"])
            belongs = (f'<p>{gettext("所属任务:")}<a href="{self.task_url}{parent}/">'
                       f'{_v(task["parent__serial"])} '
                       f'{_v(truncatechars(task["parent__text"], 60))}</a></p>')
        else:
            heading, belongs = _serial_heading(task), ""
        if office_panel:
            office = get_template("rounds/task_office.html").render(
                {"office_panel": office_panel, "task": task_object}, self.request)
        else:
            office = "\n"
        out = [
            '\n<article class="task">\n  <header class="task__header">\n'
            f'    <p class="task__plan">{_v(page.plan)}</p>\n'
            f"    <h1>{heading}</h1>\n  </header>\n\n"
            '  <section class="panel" aria-labelledby="task-text-title">\n'
            f'    <h2 id="task-text-title">{gettext("任务内容")}</h2>\n'
            f'    <p class="task__text">{page.text}</p>\n'
            f"    {belongs}\n  </section>\n\n  {office}\n\n",
            self.units(), self.targets(), self.children(), self.blocks(), self.history(),
        ]
        return "".join(out)

    def units(self) -> str:
        unit_url = url_prefix("unit_detail")
        head = ('  <section class="panel" aria-labelledby="task-units-title">\n'
                f'    <h2 id="task-units-title">{gettext("责任单位")}</h2>\n    ')
        if not self.page.units:
            return (head + f'\n    <p class="empty-state">{gettext("未列责任单位。")}</p>\n    '
                    "\n  </section>\n\n  ")
        lead = f' <span class="badge badge--lead">{gettext("牵头")}</span>'
        items = "".join(
            f'\n      <li class="unit-list__item'
            f'{" unit-list__item--lead" if u["role"] == "lead" else ""}">'
            f'<a href="{unit_url}{u["unit_id"]}/">{_v(u["name"])}</a>'
            f'{lead if u["role"] == "lead" else ""}</li>\n      ' for u in self.page.units)
        return (head + '\n    <ol class="unit-list">\n      ' + items
                + "\n    </ol>\n    \n  </section>\n\n  ")

    def targets(self) -> str:
        if not self.page.targets:
            return "\n\n  "
        items = "".join(self.target(t) for t in self.page.targets)
        return ('\n  <section class="panel" aria-labelledby="task-targets-title">\n'
                f'    <h2 id="task-targets-title">{gettext("目标与进度")}</h2>\n'
                '    <ul class="targets">\n      ' + items
                + "\n    </ul>\n  </section>\n  \n\n  ")

    def target(self, view: TargetView) -> str:
        t = view.target
        manual = t["source"] == "manual"
        badge = f' <span class="badge">{gettext("人工修正")}</span>' if manual else ""
        note = view.kind_note
        out = [
            '\n      <li class="target">\n'
            f'        <p class="target__label">{_v(view.label)}{badge}</p>\n'
            f'        {f"""<p class="target__kind">{_v(note)}</p>""" if note else ""}\n'
            f"        {self.origin(view)}\n"
            '        ' + (f'<p class="target__kind">{_t("表中“%(column)s”列", column=t["column"])}'
                          "</p>" if t["column"] else "")
            + "\n        " + self.target_correction(t) + "\n        ",
        ]
        percent, expected, met = view.percent, view.expected, view.met
        if view.latest is not None:
            value = floatformat(view.latest["value"], "-2")
            unit = view.latest["unit"]
        if met is not None:
            out.append('\n        <p class="target__figures">'
                       + _t("%(period)s报告 %(value)s%(unit)s", period=view.period, value=value,
                            unit=unit) + ","
                       + (gettext("已达到目标") if met else
                          f'<span class="status status--at_risk">{gettext("未达到目标")}</span>')
                       + "</p>\n        ")
        elif percent is not None and expected is None:
            out.append('\n        <p class="target__figures">' + _t(
                "%(period)s报告 %(value)s%(unit)s,为目标的 %(done)s%%", done=percent,
                period=view.period, value=value, unit=unit) + "</p>\n        ")
        elif percent is not None:
            behind = view.behind
            out.append(
                '\n        <div class="progress-bar" role="img" aria-label="'
                + _t("已完成 %(done)s%%,按时间进度应达 %(expected)s%%", done=percent,
                     expected=expected) + '">\n'
                '          <div class="progress-bar__done'
                f'{" progress-bar__done--behind" if behind else ""}" '
                f'data-width="{view.bar:.1f}"></div>\n'
                f'          <div class="progress-bar__expected" data-left="{expected:.1f}">'
                "</div>\n        </div>\n"
                '        <p class="target__figures">' + _t(
                    "%(period)s报告 %(value)s%(unit)s,完成 %(done)s%%;按时间进度应达 "
                    "%(expected)s%%", done=percent, expected=expected, period=view.period,
                    value=value, unit=unit)
                + (f' <span class="status status--behind">{gettext("低于时间进度")}</span>'
                   if behind else "") + "</p>\n        ")
        else:
            out.append('\n        <p class="target__figures empty-state">'
                       f'{gettext("还没有报告可比对的实绩。")}</p>\n        ')
        out.append("\n        ")
        if len(view.history) > 1:
            smaller = view.smaller_is_better
            out.append('<ol class="target__history">' + "".join(
                f"<li>{_v(period)}:{floatformat(m['value'], '-2')}{_v(m['unit'])}"
                + (f"({_widthratio(m['ratio'])}%)" if m["ratio"] is not None and not smaller
                   else "") + "</li>"
                for period, m in view.history) + "</ol>")
        out.append("\n      </li>\n      ")
        return "".join(out)

    @staticmethod
    def origin(view: TargetView) -> str:
        """The note of a target not read from the task text or a column, with its text."""
        note = view.origin_note
        if not note:
            return ""
        return (f'<p class="target__kind target__origin">{_v(note)}:“'
                f'{_v(view.target["span"])}”</p>')

    def target_correction(self, t: dict) -> str:
        """web/target_correction.html: who corrected the target; the office's form."""
        out = []
        if t["source"] == "manual":
            out.append(f'<p class="status-correction">{gettext("人工修正")}')
            if t["corrected_by__username"] is not None:
                out.append(f" · {_v(t['corrected_by__username'])}")
            if t["corrected_at"]:
                out.append(f" · {_time(t['corrected_at'])}")
            out.append("</p>")
        out.append("\n")
        if self.may_correct:
            options = _options(self.kind_choices, t["kind"])
            out.append(
                '\n<details class="correction">\n'
                f'  <summary>{gettext("修正目标")}</summary>\n'
                f'  <form method="post" action="{reverse("target_correct", args=[t["id"]])}"'
                ' class="correction__form">\n'
                f"    {self.csrf()}\n"
                f'    <input type="hidden" name="version" value="{_v(t["version"])}">\n'
                f'    <label>{gettext("目标类型")}\n      <select name="kind">\n'
                f"        {options}\n      </select>\n    </label>\n"
                f'    <label>{gettext("目标值")} <input type="text" name="value" '
                f'inputmode="decimal" value="{_v(format(t["value"], "g"))}" size="8"></label>\n'
                f'    <label>{gettext("单位")} <input type="text" name="unit" maxlength="30" '
                f'value="{_v(t["unit"])}" size="6"></label>\n'
                f'    <label>{gettext("理由")} <input type="text" name="reason" '
                'maxlength="2000" required></label>\n'
                '    <button type="submit" name="action" value="correct">'
                f'{gettext("保存修正")}</button>\n'
                '    <button type="submit" name="action" value="remove">'
                f'{gettext("不是目标")}</button>\n  </form>\n</details>\n')
        out.append("\n")
        return "".join(out)

    def children(self) -> str:
        if not self.page.children:
            return "\n\n"
        items = "".join(f'<li><a href="{self.task_url}{c["id"]}/">{_sub_item_label(c)}</a></li>'
                        for c in self.page.children)
        return ('\n  <section class="panel" aria-labelledby="task-children-title">\n'
                f'    <h2 id="task-children-title">{gettext("子项")}</h2>\n'
                f'    <ol class="sub-items">\n      {items}\n    </ol>\n  </section>\n  \n\n')

    def blocks(self) -> str:
        head = ('  <section class="panel" aria-labelledby="task-progress-title">\n'
                f'    <h2 id="task-progress-title">{gettext("各期进展")}</h2>\n    ')
        if not self.page.blocks:
            return (head + f'\n    <p class="empty-state">{gettext("还没有任何一期的进展。")}'
                    "</p>\n    \n    \n  </section>\n\n")
        body = "".join(self.block(b) for b in self.page.blocks)
        legend = (f'<p class="legend"><mark class="mark-evidence">{gettext("状态依据")}</mark> '
                  f'<mark class="mark-figure">{gettext("报告的实绩")}</mark></p>')
        return head + body + f"\n    {legend}\n  </section>\n\n"

    def block(self, block: Block) -> str:
        task = self.page.task
        rid, period, a = block.report_id, _v(block.period), block.assessment
        status = ""
        if a:
            status = (f'<span class="status status--{_v(a["status"])}">'
                      f'{_v(shown_status(a["status"] or ""))}</span>')
            if a["source"] == "manual":
                status += f' <span class="badge">{gettext("人工修正")}</span>'
        reason = (f'<p class="status-reason">{gettext("理由")}:{_v(a["reason"])}</p>'
                  if a and a["reason"] else "")
        anchor = task["parent_id"] or task["id"]
        out = [
            f'\n    <article class="period-block" aria-labelledby="period-{rid}">\n'
            '      <header class="period-block__header">\n'
            f'        <h3 id="period-{rid}">{period}</h3>\n'
            f"        {status}\n"
            f'        <a href="{url_prefix("report_detail")}{rid}/#task-{anchor}">'
            f'{gettext("查看落实情况表")}<span class="visually-hidden">({period})</span></a>\n'
            f"      </header>\n      {reason}\n      {self.status_correction(a)}\n"
            f"      {self.measurement_correction(block.measurements)}\n      ",
        ]
        marks = self.page.marks
        labels = [gettext("完成情况"), gettext("存在问题及困难"), gettext("下一步工作")]
        for entry_task, entry in block.entries:
            sub = (f'<h4 class="sub-heading">{_sub_item_label(entry_task)}</h4>'
                   if entry_task["id"] != task["id"] else "")
            fields = marks[entry["id"]]
            cells = "\n          ".join(
                f"<div><dt>{label}</dt><dd>"
                f"{fields[name] if entry[name] else EMPTY}</dd></div>"
                for label, name in zip(labels, ("done", "problems", "next_steps"), strict=True))
            out.append(f'\n      <div class="entry">\n        {sub}\n'
                       f'        <dl class="progress-fields">\n          {cells}\n'
                       "        </dl>\n      </div>\n      ")
        out.append("\n    </article>\n    ")
        return "".join(out)

    def status_correction(self, a: dict | None) -> str:
        """web/task_status_correction.html: who corrected the status; the office's form."""
        if not a:
            return "\n"
        out = ["\n"]
        manual = a["source"] == "manual"
        if manual:
            out.append(f'<p class="status-correction">{gettext("人工修正")}')
            if a["updated_by__username"] is not None:
                out.append(f" · {_v(a['updated_by__username'])}")
            out.append(f" · {_time(a['updated_at'])}")
            if a["derived_status"] != a["status"]:
                out.append(" · " + _t("自动分析为“%(was)s”",
                                      was=shown_status(a["derived_status"] or "")))
            if a["derived_reason"]:
                out.append(f"({_v(a['derived_reason'])})")
            out.append("</p>")
        out.append("\n")
        if self.may_correct:
            options = _options(self.status_choices, a["status"])
            revert = (f'<button type="submit" name="action" value="revert" formnovalidate>'
                      f'{gettext("恢复自动分析")}</button>' if manual else "")
            out.append(
                '\n<details class="correction">\n'
                f'  <summary>{gettext("修正状态")}</summary>\n'
                f'  <form method="post" action="{reverse("assessment_correct", args=[a["id"]])}"'
                ' class="correction__form">\n'
                f"    {self.csrf()}\n"
                f'    <input type="hidden" name="version" value="{_v(a["version"])}">\n'
                f'    <label>{gettext("状态")}\n      <select name="status" required>\n'
                f"        {options}\n      </select>\n    </label>\n"
                f'    <label>{gettext("理由")} <input type="text" name="reason" '
                'maxlength="2000" required></label>\n'
                '    <button type="submit" name="action" value="correct">'
                f'{gettext("保存修正")}</button>\n'
                f"    {revert}\n  </form>\n</details>\n")
        out.append("\n")
        return "".join(out)

    def measurement_correction(self, measurements: list[dict]) -> str:
        """web/measurement_correction.html: the office's forms for the reported figures."""
        if not (self.may_correct and measurements):
            return "\n"
        items = []
        for m in measurements:
            if m["target_id"] is not None and m["target__active"]:
                keep = _v(truncatechars(m["target__metric"], 20))
            else:
                keep = gettext("未匹配")
            others = "".join(
                f'<option value="{_v(v.target["id"])}">{_v(truncatechars(v.label, 30))}'
                "</option>" for v in self.page.targets if v.target["id"] != m["target_id"])
            none = (f'<option value="none">{gettext("不对应任何目标")}</option>'
                    if m["target_id"] is not None else "")
            items.append(
                "\n    <li>\n"
                f'      <form method="post" action="'
                f'{reverse("measurement_correct", args=[m["id"]])}" class="correction__form">\n'
                f"        {self.csrf()}\n"
                f'        <span class="correction__figure">{_v(truncatechars(m["span"], 40))}'
                "</span>\n"
                f'        <label>{gettext("数值")} <input type="text" name="value" '
                f'inputmode="decimal" value="{_v(format(m["value"], "g"))}" size="8"></label>'
                f'{_v(m["unit"])}\n'
                f'        <label>{gettext("对应目标")}\n          <select name="target">\n'
                f'            <option value="keep" selected>{keep}</option>\n'
                f"            {others}\n            {none}\n          </select>\n"
                "        </label>\n"
                f'        <label>{gettext("理由")} <input type="text" name="reason" '
                'maxlength="2000" required></label>\n'
                '        <button type="submit" name="action" value="correct">'
                f'{gettext("保存修正")}</button>\n'
                '        <button type="submit" name="action" value="remove">'
                f'{gettext("不是实绩")}</button>\n      </form>\n    </li>\n    ')
        return ('\n<details class="correction">\n'
                f'  <summary>{gettext("修正实绩")}</summary>\n'
                '  <ul class="correction__list">\n    ' + "".join(items)
                + "\n  </ul>\n</details>\n\n")

    def history(self) -> str:
        head = ('  <section class="panel" aria-labelledby="task-history-title">\n'
                f'    <h2 id="task-history-title">{gettext("变更记录")}</h2>\n'
                f'    <p><a class="history-link" href="'
                f'{reverse("task_history", args=[self.page.task["id"]])}">'
                f'{gettext("变更记录")}:{gettext("全部变更及差异")}</a></p>\n    ')
        if not self.page.history:
            return (head + f'\n    <p class="empty-state">{gettext("没有变更记录。")}</p>\n    '
                    "\n  </section>\n</article>\n")
        imported = gettext("导入")
        items = []
        for c in self.page.history:
            who = f" · {_v(c['user__username'])}" if c["user_id"] is not None else ""
            batch = (f" · {imported} {_v(c['batch__file_name'])}"
                     if c["batch_id"] is not None else "")
            fields = ('<span class="history__fields">'
                      + "、".join(_v(field_words(name)) for name in c["fields"])
                      + "</span>") if c["fields"] else ""
            items.append(
                f"\n      <li>{_time(c['at'])} "
                f'{_v(ACTIONS.get(c["action"], c["action"]))}{_v(model_words(c["model"]))}'
                f"{who}{batch}\n        {fields}</li>\n      ")
        return (head + '\n    <ol class="history">\n      ' + "".join(items)
                + "\n    </ol>\n    \n  </section>\n</article>\n")


def _widthratio(ratio: float) -> str:
    """``{% widthratio ratio 1 100 %}``."""
    return str(round(float(ratio) / 1.0 * 100))
