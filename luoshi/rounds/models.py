"""Roles, the state of each entry in a round, contributions, reviews, reminders, login failures.

Core models (Report, Progress, Change) are not touched: what a round adds lives in side tables
keyed by them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.core.models import Progress, Report, Unit


class Role(models.TextChoices):
    """Admins are superusers; the public is anonymous. Everyone else has one of these."""

    SUPERVISOR = "supervisor", "督查室"
    LIAISON = "liaison", "单位联络员"
    LEADER = "leader", "领导"


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="luoshi_profile",
        verbose_name=_("用户")
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    units = models.ManyToManyField(Unit, blank=True, related_name="liaisons",
                                   verbose_name=_("联络单位"))

    class Meta:
        verbose_name = verbose_name_plural = _("用户角色")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class EntryState(models.TextChoices):
    DRAFT = "draft", "填报中"
    SUBMITTED = "submitted", "已提交"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已审核"


class RoundEntry(models.Model):
    """Where one progress entry of a round stands, and the warnings shown on its submission."""

    progress = models.OneToOneField(Progress, on_delete=models.CASCADE, primary_key=True,
                                    related_name="round_entry", verbose_name=_("进展情况"))
    state = models.CharField(_("状态"), max_length=20, choices=EntryState.choices,
                             default=EntryState.DRAFT)
    # [{"code": "boilerplate", "message": "..."}] found at the last submission.
    warnings = models.JSONField(_("提交提示"), default=list, blank=True)
    acknowledged = models.BooleanField(_("已确认提示"), default=False)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("提交人"))
    comment = models.TextField(_("退回意见"), blank=True)  # the latest return comment

    class Meta:
        verbose_name = verbose_name_plural = _("填报状态")

    def __str__(self) -> str:
        return f"{self.progress_id}: {self.state}"


class ReviewEvent(models.Model):
    """The log of a round's entry: submitted, returned (with comment), approved."""

    class Action(models.TextChoices):
        SUBMIT = "submit", "提交"
        RETURN = "return", "退回"
        APPROVE = "approve", "审核通过"

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="review_events",
                                 verbose_name=_("进展情况"))
    action = models.CharField(_("操作"), max_length=10, choices=Action.choices)
    comment = models.TextField(_("意见"), blank=True)
    warnings = models.JSONField(_("提交提示"), default=list, blank=True)
    acknowledged = models.BooleanField(_("已确认提示"), default=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+", verbose_name=_("操作人"))
    at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("审核记录")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.progress_id}"


class Contribution(models.Model):
    """A co-unit's part of an entry (配合单位报送), which the lead unit folds into the entry."""

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="contributions",
                                 verbose_name=_("进展情况"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="contributions",
                             verbose_name=_("配合单位"))
    text = models.TextField(_("报送内容"), blank=True)
    version = models.PositiveIntegerField(_("版本"), default=1)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("更新人"))

    class Meta:
        verbose_name = verbose_name_plural = _("配合单位报送")
        constraints = [models.UniqueConstraint(fields=["progress", "unit"],
                                               name="contribution_unique_unit")]

    def __str__(self) -> str:
        return f"{self.unit_id} @ {self.progress_id}"


class Reminder(models.Model):
    """催办: one message sent to a unit's liaisons about a report's missing entries."""

    class Level(models.IntegerChoices):
        REMINDER = 1, "提醒"  # before the deadline, or a first reminder
        NOTICE = 2, "催办"  # due or late; copies the office
        BULLETIN = 3, "通报"  # well past the deadline; copies the office and leaders

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="reminders",
                               verbose_name=_("落实情况表"))
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="reminders",
                             verbose_name=_("责任单位"))
    level = models.PositiveSmallIntegerField(_("级别"), choices=Level.choices)
    recipients = models.JSONField(_("收件人"), default=list)
    missing = models.PositiveIntegerField(_("缺报条数"))
    contributions = models.PositiveIntegerField(_("缺配合报送条数"), default=0)
    # In-app notices sent (liaisons with an account), whether or not any had an e-mail address.
    notified = models.PositiveIntegerField(_("通知人数"), default=0)
    subject = models.CharField(_("主题"), max_length=300)
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+", verbose_name=_("发送人"))

    class Meta:
        verbose_name = verbose_name_plural = _("催办记录")
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class LoginFailure(models.Model):
    """One failed login, kept to throttle guessing (per user name and per address)."""

    username = models.CharField(_("用户名"), max_length=150, db_index=True)
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = _("登录失败")

    def __str__(self) -> str:
        return f"{self.username} {self.ip}"


class ReportedValue(models.Model):
    """The figure a lead unit reports for one numeric target of its task (实绩填报)."""

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="reported_values",
                                 verbose_name=_("进展情况"))
    target = models.ForeignKey("core.Target", on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("目标"))
    value = models.FloatField(_("填报值"), null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("目标填报值")
        constraints = [models.UniqueConstraint(fields=["progress", "target"],
                                               name="reported_value_unique_target")]

    def __str__(self) -> str:
        return f"{self.target_id}: {self.value}"


class EntryAutosave(models.Model):
    """What one person has typed into an entry and not yet saved (保存/提交), kept as they type.

    Not a version and not history: only its author reads it back (the entry page prefills the
    form from it). ``base_version`` is the entry's version the typing started from, so saving
    it later goes through the same conflict check as any save.
    """

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("进展情况"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("用户"))
    # {"done": …, "problems": …, "next_steps": …, "target_<id>": …}
    data = models.JSONField(_("草稿内容"), default=dict)
    base_version = models.PositiveIntegerField(_("所依据的版本"))
    saved_at = models.DateTimeField(_("保存时间"), auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("自动保存的草稿")
        constraints = [models.UniqueConstraint(fields=["progress", "user"],
                                               name="autosave_unique_user")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.progress_id}"


class ChangeRequest(models.Model):
    """延期/调整申请: a unit asks for a later deadline, another target value or a change of a
    task's scope, with its reason; the office approves (the change applies, with history) or
    rejects, with a comment."""

    class Kind(models.TextChoices):
        DEADLINE = "deadline", "延期"
        TARGET = "target", "调整目标"
        SCOPE = "scope", "调整任务内容"

    class State(models.TextChoices):
        PENDING = "pending", "待审批"
        APPROVED = "approved", "已同意"
        REJECTED = "rejected", "未同意"

    task = models.ForeignKey("core.Task", on_delete=models.CASCADE, related_name="change_requests",
                             verbose_name=_("重点工作"))
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="change_requests", verbose_name=_("落实情况表"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="change_requests",
                             verbose_name=_("申请单位"))
    kind = models.CharField(_("申请类型"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("理由"))
    new_deadline = models.DateField(_("申请的完成时限"), null=True, blank=True)
    target = models.ForeignKey("core.Target", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("目标"))
    new_value = models.FloatField(_("申请的目标值"), null=True, blank=True)
    new_text = models.TextField(_("申请的任务内容"), blank=True)
    # What it was when asked, so the decision page and the bulletin show old → new.
    old_value = models.CharField(_("原值"), max_length=300, blank=True)
    state = models.CharField(_("状态"), max_length=10, choices=State.choices, default=State.PENDING)
    comment = models.TextField(_("审批意见"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("申请人"))
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("审批人"))
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("延期/调整申请")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.task_id}"

    @property
    def asked(self) -> str:
        """The change asked for, in words."""
        if self.kind == self.Kind.DEADLINE:
            return f"完成时限改为 {self.new_deadline}"
        if self.kind == self.Kind.TARGET:
            return f"目标值改为 {self.new_value:g}" if self.new_value is not None else "调整目标"
        return f"任务内容改为:{self.new_text}"


class Notice(models.Model):
    """One message in a person's in-app inbox (站内通知), with the page it is about."""

    class Kind(models.TextChoices):
        RETURNED = "returned", "退回"
        APPROVED = "approved", "审核通过"
        REMINDED = "reminded", "催办"
        DECIDED = "decided", "申请审批"
        OPENED = "opened", "开启填报"
        EXTENDED = "extended", "延期"
        REQUESTED = "requested", "新申请"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="luoshi_notices", verbose_name=_("用户"))
    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices)
    text = models.CharField(_("内容"), max_length=500)
    url = models.CharField(_("链接"), max_length=300, blank=True)  # a path inside the site
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("站内通知")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text


class RoundEntryNote(models.Model):
    """Why the lead unit submitted without some co-units' contributions (配合单位未报送说明)."""

    progress = models.OneToOneField(Progress, on_delete=models.CASCADE, primary_key=True,
                                    related_name="co_note", verbose_name=_("进展情况"))
    text = models.TextField(_("说明"))
    # names of the co-units missing at submission
    missing = models.JSONField(_("未报送的配合单位"), default=list)

    class Meta:
        verbose_name = verbose_name_plural = _("配合单位未报送说明")

    def __str__(self) -> str:
        return self.text[:40]


class EvidenceFile(models.Model):
    """佐证材料: a file attached to an entry. Stored outside the web root under a random name;
    served only to those who may read the entry (luoshi.rounds.evidence)."""

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="evidence_files",
                                 verbose_name=_("进展情况"))
    name = models.CharField(_("文件名"), max_length=255)  # as uploaded, shown and used on download
    # random, the file's name on disk
    stored = models.CharField(_("存储名"), max_length=64, unique=True)
    kind = models.CharField(_("类型"), max_length=10)  # pdf, png, jpeg, gif, docx, xlsx, pptx, ole2
    size = models.PositiveIntegerField(_("大小"))
    sha256 = models.CharField(_("文件哈希"), max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("上传人"))
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("佐证材料")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name
