"""Roles, the state of each entry in a round, contributions, reviews, reminders, login failures.

Core models (Report, Progress, Change) are not touched: what a round adds lives in side tables
keyed by them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from luoshi.core.models import Progress, Report, Unit


class Role(models.TextChoices):
    """Admins are superusers; the public is anonymous. Everyone else has one of these."""

    SUPERVISOR = "supervisor", "督查室"
    LIAISON = "liaison", "单位联络员"
    LEADER = "leader", "领导"


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="luoshi_profile"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    units = models.ManyToManyField(Unit, blank=True, related_name="liaisons",
                                   verbose_name="联络单位")

    class Meta:
        verbose_name = verbose_name_plural = "用户角色"

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
                                    related_name="round_entry")
    state = models.CharField("状态", max_length=20, choices=EntryState.choices,
                             default=EntryState.DRAFT)
    # [{"code": "boilerplate", "message": "..."}] found at the last submission.
    warnings = models.JSONField("提交提示", default=list, blank=True)
    acknowledged = models.BooleanField("已确认提示", default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField("退回意见", blank=True)  # the latest return comment

    class Meta:
        verbose_name = verbose_name_plural = "填报状态"

    def __str__(self) -> str:
        return f"{self.progress_id}: {self.state}"


class ReviewEvent(models.Model):
    """The log of a round's entry: submitted, returned (with comment), approved."""

    class Action(models.TextChoices):
        SUBMIT = "submit", "提交"
        RETURN = "return", "退回"
        APPROVE = "approve", "审核通过"

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="review_events")
    action = models.CharField(max_length=10, choices=Action.choices)
    comment = models.TextField(blank=True)
    warnings = models.JSONField(default=list, blank=True)
    acknowledged = models.BooleanField(default=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "审核记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.progress_id}"


class Contribution(models.Model):
    """A co-unit's part of an entry (配合单位报送), which the lead unit folds into the entry."""

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="contributions")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="contributions")
    text = models.TextField("报送内容", blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "配合单位报送"
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

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="reminders")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    recipients = models.JSONField(default=list)
    missing = models.PositiveIntegerField("缺报条数")
    contributions = models.PositiveIntegerField("缺配合报送条数", default=0)
    # In-app notices sent (liaisons with an account), whether or not any had an e-mail address.
    notified = models.PositiveIntegerField(default=0)
    subject = models.CharField(max_length=300)
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "催办记录"
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class LoginFailure(models.Model):
    """One failed login, kept to throttle guessing (per user name and per address)."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "登录失败"

    def __str__(self) -> str:
        return f"{self.username} {self.ip}"


class ReportedValue(models.Model):
    """The figure a lead unit reports for one numeric target of its task (实绩填报)."""

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="reported_values")
    target = models.ForeignKey("core.Target", on_delete=models.CASCADE, related_name="+")
    value = models.FloatField("填报值", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "目标填报值"
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

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)  # {"done": …, "problems": …, "next_steps": …, "target_<id>": …}
    base_version = models.PositiveIntegerField()
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "自动保存的草稿"
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

    task = models.ForeignKey("core.Task", on_delete=models.CASCADE, related_name="change_requests")
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="change_requests")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="change_requests")
    kind = models.CharField("申请类型", max_length=10, choices=Kind.choices)
    reason = models.TextField("理由")
    new_deadline = models.DateField("申请的完成时限", null=True, blank=True)
    target = models.ForeignKey("core.Target", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    new_value = models.FloatField("申请的目标值", null=True, blank=True)
    new_text = models.TextField("申请的任务内容", blank=True)
    # What it was when asked, so the decision page and the bulletin show old → new.
    old_value = models.CharField(max_length=300, blank=True)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.PENDING)
    comment = models.TextField("审批意见", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "延期/调整申请"
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
                             related_name="luoshi_notices")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=300, blank=True)  # a path inside the site
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "站内通知"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text


class RoundEntryNote(models.Model):
    """Why the lead unit submitted without some co-units' contributions (配合单位未报送说明)."""

    progress = models.OneToOneField(Progress, on_delete=models.CASCADE, primary_key=True,
                                    related_name="co_note")
    text = models.TextField("说明")
    missing = models.JSONField(default=list)  # names of the co-units missing at submission

    class Meta:
        verbose_name = verbose_name_plural = "配合单位未报送说明"

    def __str__(self) -> str:
        return self.text[:40]


class EvidenceFile(models.Model):
    """佐证材料: a file attached to an entry. Stored outside the web root under a random name;
    served only to those who may read the entry (luoshi.rounds.evidence)."""

    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="evidence_files")
    name = models.CharField("文件名", max_length=255)  # as uploaded, shown and used on download
    stored = models.CharField(max_length=64, unique=True)  # random, the file's name on disk
    kind = models.CharField("类型", max_length=10)  # pdf, png, jpeg, gif, docx, xlsx, pptx, ole2
    size = models.PositiveIntegerField("大小")
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "佐证材料"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name
