"""The office's wording of a bulletin: saved as a draft with every version kept, then printed
(印发, readable by whoever may read the report) or withdrawn. A save names the version it was
edited from; an edit made meanwhile by someone else is refused, never overwritten."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from luoshi.core.models import Report
from luoshi.reports.bulletin import Bulletin, build_bulletin
from luoshi.reports.models import BulletinDraft, BulletinRevision
from luoshi.web import dashboard

MAX_TEXT = 50_000
SECTION_KEYS = ("overview", "good", "problems", "next")


class DraftError(ValueError):
    pass


def previous_for(report: Report, reports: QuerySet[Report] | None = None) -> Report | None:
    """The report a bulletin is compared with: the draft's choice, else the plan's report of
    the latest earlier period (among ``reports``, those the reader may see)."""
    reports = reports if reports is not None else Report.objects.all()
    draft = BulletinDraft.objects.filter(report=report).first()
    if draft is not None and draft.previous_id:
        chosen = reports.filter(pk=draft.previous_id).first()
        if chosen is not None:
            return chosen
    return dashboard.previous_report(report, reports)


def current_bulletin(report: Report, previous: Report | None,
                     generated: Bulletin | None = None) -> Bulletin:
    """The generated bulletin with the draft's wording in place, if there is a draft."""
    b = generated or build_bulletin(report, previous)
    draft = BulletinDraft.objects.filter(report=report).first()
    if draft is None:
        return b
    return b.with_edits(draft.title or None, {k: v for k, v in draft.texts.items()
                                              if k in SECTION_KEYS})


def save_draft(report: Report, user, *, title: str, texts: dict[str, str],
               expected_version: int, previous: Report | None = None) -> BulletinDraft:
    """Save the office's wording (and the period compared with, ``previous``, which must be an
    earlier report of the same plan; None keeps the default: the latest earlier one)."""
    if previous is not None and (previous.plan_id != report.plan_id
                                 or previous.period.month >= report.period.month
                                 or previous.period.year != report.period.year):
        raise DraftError("对比报告期应为同一清单中更早的报告期")
    if len(title) > 300:
        raise DraftError("标题不能超过 300 字")
    clean = {}
    for key in SECTION_KEYS:
        if key in texts:
            text = texts[key].replace("\r\n", "\n")
            if len(text) > MAX_TEXT:
                raise DraftError(f"正文“{key}”超过 {MAX_TEXT} 字")
            clean[key] = text
    with transaction.atomic():
        draft, _ = BulletinDraft.objects.select_for_update().get_or_create(report=report)
        if draft.version != expected_version:
            raise DraftError("通报稿已被他人修改,请刷新后重新编辑(您的修改未保存)")
        draft.title, draft.texts, draft.previous = title.strip(), clean, previous
        draft.version += 1
        draft.updated_by = user
        draft.save()
        BulletinRevision.objects.create(draft=draft, version=draft.version, title=draft.title,
                                        texts=clean, user=user)
    return draft


def set_published(report: Report, user, published: bool) -> BulletinDraft:
    with transaction.atomic():
        draft, _ = BulletinDraft.objects.select_for_update().get_or_create(report=report)
        draft.published = published
        draft.published_at = timezone.now() if published else None
        draft.version += 1
        draft.updated_by = user
        draft.save()
        BulletinRevision.objects.create(
            draft=draft, version=draft.version, title=draft.title, texts=draft.texts, user=user,
            action=BulletinRevision.Action.PUBLISH if published else BulletinRevision.Action.WITHDRAW)
    return draft
