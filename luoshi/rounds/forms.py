"""Forms of the round pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.core.models import Period, Plan, Unit
from luoshi.rounds.services import COMMENT_LIMIT, TEXT_LIMIT
from luoshi.vocab import PeriodKind, choices


class OpenRoundForm(forms.Form):
    plan = forms.ModelChoiceField(Plan.objects.select_related("government"), label=_("年度清单"))
    # The kinds' labels are luoshi.vocab's data (Chinese, stored as a period's label below):
    # shown in the page's language.
    kind = forms.ChoiceField(choices=[(value, _(label)) for value, label in choices(PeriodKind)
                                      if value != PeriodKind.PLAN], label=_("报告期"))
    month = forms.IntegerField(min_value=1, max_value=12, required=False, label=_("截至月份(月报)"))
    deadline = forms.DateTimeField(required=False, label=_("截止时间"),
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def period(self) -> Period:
        data = self.cleaned_data
        kind = data["kind"]
        year = data["plan"].year
        month = Period.end_month_for(kind, data.get("month"))
        label = PeriodKind(kind).label if kind != PeriodKind.MONTH else f"1-{month}月"
        period, _ = Period.objects.get_or_create(year=year, kind=kind, month=month,
                                                 defaults={"label": label})
        return period


class ExtendForm(forms.Form):
    deadline = forms.DateTimeField(label=_("新的截止时间"),
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


class EntryForm(forms.Form):
    """The one form of an entry: 保存 and 提交 both send what is on screen."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    done = forms.CharField(label=_("完成情况"), required=False, max_length=TEXT_LIMIT,
                           widget=forms.Textarea(attrs={"rows": 6}))
    problems = forms.CharField(label=_("存在问题及困难"), required=False, max_length=TEXT_LIMIT,
                               widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(label=_("下一步工作"), required=False, max_length=TEXT_LIMIT,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    acknowledge = forms.BooleanField(required=False, label=_("我已阅读提示,确认提交"))
    co_reason = forms.CharField(label=_("配合单位未报送说明"), required=False,
                                max_length=COMMENT_LIMIT,
                                widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = [t for t in targets if t.pk is not None]
        for t in self.targets:
            self.fields[f"target_{t.pk}"] = forms.FloatField(
                required=False,
                label=gettext("%(metric)s(目标 %(value)s%(unit)s)") % {
                    "metric": t.metric or gettext("目标"), "value": f"{t.value:g}",
                    "unit": t.unit})

    def target_values(self) -> dict[int, float | None]:
        return {t.pk: self.cleaned_data.get(f"target_{t.pk}") for t in self.targets}


class ContributionForm(forms.Form):
    unit = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("配合单位报送"), required=False, max_length=TEXT_LIMIT,
                           widget=forms.Textarea(attrs={"rows": 4}))


class SubmitForm(forms.Form):
    acknowledge = forms.BooleanField(required=False, label=_("我已阅读提示,确认提交"))


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("退回意见"), max_length=COMMENT_LIMIT,
                              widget=forms.Textarea(attrs={"rows": 3}))


class RemindForm(forms.Form):
    """催办 from the overdue pages: every unit owing entries, or one of them."""

    unit = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    # Where to go back to: the report's overdue page, or the overview of every round.
    back = forms.ChoiceField(choices=[("report", "report"), ("all", "all")], required=False,
                             widget=forms.HiddenInput)


class RequestForm(forms.Form):
    """延期/调整申请 of a unit on a task."""

    kind = forms.ChoiceField(label=_("申请类型"), choices=[("deadline", _("延期")),
                                                       ("target", _("调整目标")),
                                                       ("scope", _("调整任务内容"))])
    reason = forms.CharField(label=_("申请理由"), max_length=COMMENT_LIMIT,
                             widget=forms.Textarea(attrs={"rows": 3}))
    new_deadline = forms.DateField(label=_("申请的完成时限"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}))
    target = forms.TypedChoiceField(label=_("调整的目标"), required=False, coerce=int,
                                    empty_value=None, choices=[])
    new_value = forms.FloatField(label=_("申请的目标值"), required=False)
    new_text = forms.CharField(label=_("调整后的任务内容"), required=False, max_length=TEXT_LIMIT,
                               widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "—")] + [
            (t.pk, f"{t.metric or gettext('目标')} {t.value:g}{t.unit}") for t in targets if t.pk]


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("同意")), ("reject", _("不同意"))])
    comment = forms.CharField(label=_("审批意见"), required=False, max_length=COMMENT_LIMIT,
                              widget=forms.Textarea(attrs={"rows": 2}))


class TaskForm(forms.Form):
    """The office edits a task: text, units (names, first = lead), deadline."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("任务内容"), max_length=TEXT_LIMIT,
                           widget=forms.Textarea(attrs={"rows": 4}))
    units = forms.CharField(label=_("责任单位(用顿号分隔,第一个为牵头单位)"), max_length=2000)
    deadline = forms.DateField(label=_("完成时限"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}))


class TargetForm(forms.Form):
    """The office adds a target the analysis missed (an existing one is corrected on the task
    page); the comparators are the analysis' own (luoshi.web.task_page.COMPARATORS)."""

    metric = forms.CharField(label=_("指标"), max_length=200)
    comparator = forms.ChoiceField(label=_("比较"), choices=[])
    value = forms.FloatField(label=_("目标值"))
    unit = forms.CharField(label=_("单位"), max_length=30, required=False)

    def __init__(self, *args, **kwargs):
        from luoshi.web.task_page import COMPARATORS

        super().__init__(*args, **kwargs)
        self.fields["comparator"].choices = list(COMPARATORS.items())


class CloseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("理由"), max_length=COMMENT_LIMIT, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("节点"), max_length=300)
    due = forms.DateField(label=_("计划时间"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(Unit.objects.select_related("government")
                                  .order_by("government__name", "name"), label=_("保留的单位"))
    drop = forms.ModelChoiceField(Unit.objects.select_related("government")
                                  .order_by("government__name", "name"),
                                  label=_("并入的单位(名称改为别名)"))
