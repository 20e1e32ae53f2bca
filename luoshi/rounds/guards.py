"""What every step of a round shares: how it refuses and how it records.

A step refuses with :class:`RoundError` (``str()`` is a message for the person; ``code`` names
the kind); an entry changes only through :func:`guarded` (its version, its round state and its
report's state checked in the UPDATE itself), and a write that hit nothing is told why by
:func:`_refusal`; every change writes a :class:`~luoshi.core.models.Change` row
(:func:`_change`). Texts are held to ``TEXT_LIMIT`` and comments to ``COMMENT_LIMIT``.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from luoshi.core.models import Change, Progress, Report, Task
from luoshi.rounds.models import EntryState, RoundEntry

ENTRY_FIELDS = ("done", "problems", "next_steps")
# The longest text a field of an entry, contribution or request may hold, on the web form and
# the API alike (a table cell of a published report is a few thousand characters at most).
TEXT_LIMIT = 20000
COMMENT_LIMIT = 5000
RUNNING = (Report.State.OPEN, Report.State.REVIEW)
EDITABLE = (EntryState.DRAFT, EntryState.RETURNED)


class RoundError(Exception):
    """The round's state refuses the operation; ``str()`` is the message shown."""

    code = "refused"


class Conflict(RoundError):
    """Someone else saved the entry since it was loaded."""

    code = "conflict"


class NeedsAcknowledgement(RoundError):
    """The entry has warnings the liaison has not acknowledged."""

    code = "needs_acknowledgement"

    def __init__(self, warnings: list[dict]):
        super().__init__("提交前请确认以下提示: " + ";".join(w["message"] for w in warnings))
        self.warnings = warnings


CONFLICT_MESSAGE = ("保存失败: 该条目已被 {who} 于 {when} 修改(当前第 {version} 版)。"
                    "您填写的内容未丢失,请对照最新内容后重新保存。")


SUBMIT_CONFLICT_MESSAGE = ("提交失败: 该条目已被 {who} 于 {when} 修改(当前第 {version} 版),"
                           "请查看最新内容后再提交。")


def _conflict(progress: Progress, message: str = CONFLICT_MESSAGE) -> Conflict:
    who = progress.updated_by.get_username() if progress.updated_by_id else "他人"
    when = timezone.localtime(progress.updated_at).strftime("%Y-%m-%d %H:%M:%S")
    return Conflict(message.format(who=who, when=when, version=progress.version))


def _change(model: str, object_id: int, action: str, fields: dict, user) -> None:
    Change.objects.create(model=model, object_id=object_id, action=action, fields=fields,
                          user=user if user is not None and user.is_authenticated else None)


def entry_of(progress: Progress) -> RoundEntry:
    entry, _ = RoundEntry.objects.get_or_create(progress=progress)
    return entry


def _require_running(report: Report) -> None:
    if report.state == Report.State.PUBLISHED:
        raise RoundError("该落实情况表已发布,不能再修改。")
    if report.state not in RUNNING:
        raise RoundError("该落实情况表尚未开始填报。")


NOT_EDITABLE = "该条目已提交或已审核,退回后才能修改。"


def guarded(progress_id: int, version: int, states) -> QuerySet[Progress]:
    """The entry, only while it is at ``version``, its round state is one of ``states`` and its
    report is running: every change of an entry is an UPDATE of this (0 rows: refused).

    Every transition that takes an entry out of the editable states (submit, approve) bumps
    the version in such an UPDATE, so a save that read the entry before it lands on 0 rows
    instead of changing a submitted entry: the row lock (PostgreSQL re-checks the version
    after waiting) or the database lock (SQLite, IMMEDIATE transactions) orders them."""
    return Progress.objects.filter(pk=progress_id, version=version).filter(
        Exists(RoundEntry.objects.filter(pk=OuterRef("pk"), state__in=states)),
        Exists(Report.objects.filter(pk=OuterRef("report_id"), state__in=RUNNING)),
    )


def _refusal(progress_id: int, conflict: str = CONFLICT_MESSAGE,
             states=EDITABLE) -> RoundError:
    """Why a guarded write hit nothing: the report, the entry's state, or its version."""
    current = Progress.objects.select_related("report", "updated_by").get(pk=progress_id)
    if current.report.state not in RUNNING:
        return RoundError("该落实情况表已发布,不能再修改。" if current.report.is_published
                          else "该落实情况表尚未开始填报。")
    state = entry_of(current)
    if state.state not in states:
        return RoundError(f"该条目当前状态为「{state.get_state_display()}」,不能进行此操作。")
    return _conflict(current, conflict)


def _serial(task: Task) -> str:
    """第3项, 第2.1项 (a sub-item by its position under its task)."""
    if task.parent_id:
        return f"第{task.parent.serial or '?'}.{task.order}项"
    return f"第{task.serial or '?'}项"
