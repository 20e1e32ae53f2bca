"""What the office keeps with a report for its documents: the bulletin's edited wording (a
draft with every saved version) and the league table's weights.

Core models are not touched: these are side tables keyed by the report.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.core.models import Report


class BulletinDraft(models.Model):
    """The office's wording of one report's 督查通报. Sections it has not edited keep the
    generated text; ``published`` makes the bulletin readable by whoever may read the report
    (the public only for a published report)."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="bulletin_draft",
                                  verbose_name=_("落实情况表"))
    title = models.CharField(_("标题"), max_length=300, blank=True)
    texts = models.JSONField(_("正文"), default=dict, blank=True)  # section key -> text
    previous = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("对比报告期"))
    published = models.BooleanField(_("已印发"), default=False)
    published_at = models.DateTimeField(_("印发时间"), null=True, blank=True)
    # bumped on every save (conflict check)
    version = models.PositiveIntegerField(_("版本"), default=1)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("更新人"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("督查通报稿")

    def __str__(self) -> str:
        return self.title or f"督查通报 {self.report_id}"


class BulletinRevision(models.Model):
    """One saved version of a draft: who, when, what (history)."""

    class Action(models.TextChoices):
        SAVE = "save", "保存"
        PUBLISH = "publish", "印发"
        WITHDRAW = "withdraw", "撤回"

    draft = models.ForeignKey(BulletinDraft, on_delete=models.CASCADE, related_name="revisions",
                              verbose_name=_("通报稿"))
    version = models.PositiveIntegerField(_("版本"))
    action = models.CharField(_("操作"), max_length=10, choices=Action.choices, default=Action.SAVE)
    title = models.CharField(_("标题"), max_length=300, blank=True)
    texts = models.JSONField(_("正文"), default=dict, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+", verbose_name=_("操作人"))
    at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("督查通报修改记录")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.draft_id} v{self.version} {self.action}"


class LeagueWeights(models.Model):
    """The weights of one report's league table, kept with it: changing next quarter's weights
    leaves this quarter's ranking as it was."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="league_weights",
                                  verbose_name=_("落实情况表"))
    weights = models.JSONField(_("权重"), default=dict)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("更新人"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("排名权重")

    def __str__(self) -> str:
        return f"weights {self.report_id}"
