"""Forms of the round pages."""

from __future__ import annotations

from django import forms

from luoshi.core.models import Period, Plan
from luoshi.rounds.services import COMMENT_LIMIT, TEXT_LIMIT
from luoshi.vocab import PeriodKind, choices


class OpenRoundForm(forms.Form):
    plan = forms.ModelChoiceField(Plan.objects.select_related("government"), label="年度清单")
    kind = forms.ChoiceField(choices=[c for c in choices(PeriodKind) if c[0] != PeriodKind.PLAN],
                             label="报告期")
    month = forms.IntegerField(min_value=1, max_value=12, required=False, label="截至月份(月报)")
    deadline = forms.DateTimeField(required=False, label="截止时间",
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
    deadline = forms.DateTimeField(label="新的截止时间",
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


class EntryForm(forms.Form):
    """The one form of an entry: 保存 and 提交 both send what is on screen."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    done = forms.CharField(label="完成情况", required=False, max_length=TEXT_LIMIT,
                           widget=forms.Textarea(attrs={"rows": 6}))
    problems = forms.CharField(label="存在问题及困难", required=False, max_length=TEXT_LIMIT,
                               widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(label="下一步工作", required=False, max_length=TEXT_LIMIT,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    acknowledge = forms.BooleanField(required=False, label="我已阅读提示,确认提交")

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = [t for t in targets if t.pk is not None]
        for t in self.targets:
            self.fields[f"target_{t.pk}"] = forms.FloatField(
                required=False, label=f"{t.metric or '目标'}(目标 {t.value:g}{t.unit})")

    def target_values(self) -> dict[int, float | None]:
        return {t.pk: self.cleaned_data.get(f"target_{t.pk}") for t in self.targets}


class ContributionForm(forms.Form):
    unit = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label="配合单位报送", required=False, max_length=TEXT_LIMIT,
                           widget=forms.Textarea(attrs={"rows": 4}))


class SubmitForm(forms.Form):
    acknowledge = forms.BooleanField(required=False, label="我已阅读提示,确认提交")


class ReturnForm(forms.Form):
    comment = forms.CharField(label="退回意见", max_length=COMMENT_LIMIT,
                              widget=forms.Textarea(attrs={"rows": 3}))


class RemindForm(forms.Form):
    """催办 from the overdue pages: every unit owing entries, or one of them."""

    unit = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    # Where to go back to: the report's overdue page, or the overview of every round.
    back = forms.ChoiceField(choices=[("report", "report"), ("all", "all")], required=False,
                             widget=forms.HiddenInput)
