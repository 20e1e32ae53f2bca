"""Forms of the pages: the task list's filters (GET, so every view has a shareable URL) and
the import upload.

Every word a person reads here (labels, help, placeholders, the menus' fixed choices and empty
choices) goes through gettext_lazy, so that the page's language decides it when the form is
shown (tests/i18n/test_form_labels.py). Names built from data (a plan's government and year, a
period) are data."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.core.ids import parse_id
from luoshi.core.models import Period, Plan, Unit
from luoshi.vocab import PeriodKind
from luoshi.web import prepared
from luoshi.web.list_rows import escape_text
from luoshi.web.statuses import STATUS_CHOICES

SORTS = [
    ("order", _("按清单顺序")),
    ("-order", _("按清单倒序")),
    ("lead", _("按牵头单位")),
    ("empty", _("空白、笼统的在前")),
    ("status", _("按状态")),
]
ROLES = [("any", _("牵头或配合")), ("lead", _("仅牵头"))]


class KeptChoice(forms.ModelChoiceField):
    """A menu whose chosen row is read through a kept statement (luoshi.web.prepared) when
    the form names what its queryset depends on (``kept_key``: the view's rules): the same row
    as ``queryset.get(pk=…)`` without its SQL written again. A value that is not a plain id is
    left to Django's own path (and its errors)."""

    kept_key: tuple | None = None

    def to_python(self, value):
        pk = None if self.kept_key is None or value in self.empty_values else parse_id(value)
        if pk is None:
            return super().to_python(value)
        model = self.queryset.model
        names = [f.attname for f in model._meta.concrete_fields]
        found = prepared.rows(self.kept_key, lambda pk: self.queryset.filter(pk=pk).order_by()
                              .values_list(*names), pk=pk)
        if not found:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return model.from_db(self.queryset.db, names, found[0])


class PlanChoice(KeptChoice):
    def label_from_instance(self, obj: Plan) -> str:
        return f"{obj.government.name} {obj.year}年"


class TaskFilterForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "placeholder": _("如:污水处理")}))
    plan = PlanChoice(label=_("清单"), queryset=Plan.objects.none(), required=False,
                      empty_label=_("全部清单"))
    period = KeptChoice(label=_("报告期"), queryset=Period.objects.none(),
                                    required=False, empty_label=_("不限(任务本身)"))
    unit = KeptChoice(label=_("责任单位"), queryset=Unit.objects.all(), required=False,
                                  empty_label=_("全部单位"))
    role = forms.ChoiceField(label=_("单位角色"), choices=ROLES, required=False, initial="any")
    status = forms.ChoiceField(
        label=_("状态"), choices=[("", _("全部状态")), *STATUS_CHOICES], required=False,
        help_text=_("所选报告期的状态;不选报告期时为各任务最近一期的状态。"))
    sort = forms.ChoiceField(label=_("排序"), choices=SORTS, required=False, initial="order")
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, data, *, plans, periods, with_status: bool, remember=None,
                 rules: tuple | None = None):
        """``remember(name, build)``: keeps a menu built by ``build()`` (the view's cache,
        keyed by data version and the viewer's scope); None: build every time. ``rules``:
        what ``plans`` and ``periods`` depend on (permissions.rule_inputs): given, the chosen
        rows (KeptChoice) and the menus are read through kept statements (luoshi.web.prepared)."""
        super().__init__(data)
        if rules is not None:
            self.fields["plan"].kept_key = ("form.plan", rules)
            self.fields["period"].kept_key = ("form.period", rules)
            self.fields["unit"].kept_key = ("form.unit",)  # every unit: no rule
        remember = remember or (lambda _name, build: build())
        self.fields["plan"].queryset = plans.select_related("government").order_by(
            "-year", "government__name")
        self.fields["period"].queryset = periods.order_by("-year", "-month")
        if not with_status:
            del self.fields["status"]
            self.fields["sort"].choices = SORTS[:-1]
        # Listing every unit of every government would make a huge menu: offer the units of
        # the chosen plan's government (and keep an already chosen unit selectable).
        plan = parse_id((data or {}).get("plan"))
        unit = parse_id((data or {}).get("unit"))
        ids = {name: pk for name, pk in (("plan", plan), ("unit", unit)) if pk is not None}

        def rows(name: str, build, **slots) -> list:
            # Through a kept statement when what the querysets depend on is known.
            if rules is None:
                return list(build(**slots))
            return prepared.rows((f"form.{name}", rules, tuple(slots)), build, **slots)

        self.unit_menu = remember(f"units:{plan}:{unit}", lambda: rows("units", _units, **ids))
        # Menus as (value, label) pairs from plain value queries: the template writes the
        # options itself (widget rendering of a few hundred options costs tens of ms).
        plan_rows = self.fields["plan"].queryset.values_list("pk", "government__name", "year")
        period_rows = self.fields["period"].queryset.values_list("pk", "year", "label", "kind")
        self.menus = {
            "plan": remember("plans", lambda: _plan_menu(rows("plans", lambda: plan_rows))),
            "period": remember("periods", lambda: _period_menu(
                rows("periods", lambda: period_rows))),
            "unit": self.unit_menu,
            "role": ROLES,
            "status": STATUS_CHOICES if with_status else [],
            "sort": self.fields["sort"].choices,
        }
        self.empty_labels = {"plan": _("全部清单"), "period": _("不限(任务本身)"),
                             "unit": _("全部单位"), "status": _("全部状态")}

    def menu(self, name: str) -> dict:
        """What select.html needs for one menu: field, options, the chosen value."""
        bound = self[name]
        value = bound.value()
        chosen = "" if value is None else str(value.pk if hasattr(value, "pk") else value)
        if name in ("role", "sort") and not chosen:
            chosen = str(self.fields[name].initial)
        empty = self.empty_labels.get(name)
        return {"field": bound, "options": options_html(self.menus[name], chosen, empty),
                "chosen": chosen, "empty": empty}

    def clean_sort(self) -> str:
        return self.cleaned_data.get("sort") or "order"

    def clean_role(self) -> str:
        return self.cleaned_data.get("role") or "any"


def _units(plan: int | None = None, unit: int | None = None):
    """The unit menu's rows: the units of the chosen plan's government, and the chosen unit."""
    units = Unit.objects.none()
    if plan is not None:
        units = Unit.objects.filter(government__plans__pk=plan)
    if unit is not None:
        units = units | Unit.objects.filter(pk=unit)
    return units.order_by("name").distinct().values_list("pk", "name")


def _plan_menu(rows) -> list[tuple[int, str]]:
    """(id, "海城市 2021年") per plan: the pattern translated once, not once per plan."""
    pattern = gettext("%(government)s %(year)s年")
    return [(pk, pattern % {"government": name, "year": year}) for pk, name, year in rows]


def _period_menu(rows) -> list[tuple[int, str]]:
    """(id, "2021年半年度") per period; a period without its own label named by its kind."""
    pattern = gettext("%(year)s年%(period)s")
    kinds: dict[str, str] = {}
    return [(pk, pattern % {"year": year, "period": label or kinds.setdefault(
        kind, gettext(PeriodKind(kind).label))}) for pk, year, label, kind in rows]


def options_html(options, chosen: str, empty: str | None = None) -> SafeString:
    """The <option>s of a menu, escaped, the chosen one selected: written here in one pass (a
    template loop over a few hundred units or plans cost more than the rest of the page)."""
    parts = [f'<option value=""{"" if chosen else " selected"}>{escape_text(empty)}</option>'] \
        if empty is not None else []
    for value, label in options:
        value = str(value)
        selected = " selected" if value == chosen else ""
        parts.append(
            f'<option value="{escape_text(value)}"{selected}>{escape_text(label)}</option>')
    return mark_safe("".join(parts))  # every value and label escaped above


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("落实情况表文件"),
        help_text=_("支持 txt、html、docx、xlsx、pdf、csv、json 等格式;先预览,确认后才导入。"),
    )


# The reporting periods one can give by hand (as luoshi import --period): code → words.
PERIOD_CHOICES = [("", "—"), ("q1", _("一季度")), ("h1", _("半年度")), ("q3", _("前三季度")),
                  ("annual", _("全年")), ("plan", _("计划"))] + [
                      (f"m{m}", format_lazy(_("1-{m}月"), m=m)) for m in range(1, 13)]


class ConfirmForm(forms.Form):
    """The preview job (whose stored upload is imported) and what the table is for:
    government, year and period, pre-filled from what the reader found and given by hand where
    it found nothing."""

    job = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    government = forms.CharField(label=_("地区(政府)"), max_length=100, required=False)
    year = forms.IntegerField(label=_("年度"), min_value=1949, max_value=2100, required=False)
    period = forms.ChoiceField(label=_("报告期"), choices=PERIOD_CHOICES, required=False)
