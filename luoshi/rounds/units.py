"""The unit directory and merging two units (市发改委 / 市发展改革委 are one unit).

A merge moves everything of the unit merged away onto the unit kept — its task links (a task
linked to both keeps one link, the more senior role, in the earlier position), co-unit
contributions (two on one entry are joined), reminders, change requests, liaisons and aliases —
adds the old name as an alias, records the change on each task it touched and on the unit, and
deletes the old unit. Entries and their history are keyed by task and entry, so they follow
untouched. All in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q

from luoshi.core.models import Change, Task, TaskUnit, Unit, UnitAlias
from luoshi.rounds.models import (
    ChangeRequest,
    Contribution,
    Profile,
    Reminder,
    ReviewEvent,
)
from luoshi.rounds.permissions import Action, check
from luoshi.rounds.services import RoundError
from luoshi.vocab import UnitRole


@transaction.atomic
def merge_units(user, keep: Unit, drop: Unit) -> Unit:
    check(user, Action.MERGE_UNITS)
    if keep.pk == drop.pk:
        raise RoundError("不能把单位并入它自己。")
    if keep.government_id != drop.government_id:
        raise RoundError("只能合并同一地区的单位。")
    touched: dict[int, list[str]] = {}
    for link in TaskUnit.objects.filter(unit=drop).select_related("task"):
        task = link.task
        touched[task.pk] = [u.unit.name for u in task.ordered_units()]
        other = TaskUnit.objects.filter(task=task, unit=keep).first()
        if other is None:
            TaskUnit.objects.filter(pk=link.pk).update(unit=keep)
            continue
        # Both on the task: one link, the lead role if either led, the earlier place.
        role = UnitRole.LEAD if UnitRole.LEAD in (link.role, other.role) else other.role
        TaskUnit.objects.filter(pk=other.pk).update(role=role,
                                                    order=min(link.order, other.order))
        link.delete()
    for row in Contribution.objects.filter(unit=drop):
        mine = Contribution.objects.filter(progress=row.progress_id, unit=keep).first()
        if mine is None:
            Contribution.objects.filter(pk=row.pk).update(unit=keep)
        else:
            joined = "\n".join(t for t in (mine.text, row.text) if t.strip())
            Contribution.objects.filter(pk=mine.pk).update(text=joined, version=mine.version + 1)
            Change.objects.create(model="contribution", object_id=mine.pk,
                                  action=Change.Action.UPDATE,
                                  fields={"text": [mine.text, joined], "merged": drop.name},
                                  user=user)
            row.delete()
    Reminder.objects.filter(unit=drop).update(unit=keep)
    ChangeRequest.objects.filter(unit=drop).update(unit=keep)
    for profile in Profile.objects.filter(units=drop):
        profile.units.add(keep)
        profile.units.remove(drop)
    known = set(keep.aliases.values_list("alias", flat=True)) | {keep.name}
    for alias in UnitAlias.objects.filter(unit=drop):
        if alias.alias in known:
            alias.delete()
        else:
            UnitAlias.objects.filter(pk=alias.pk).update(unit=keep)
            known.add(alias.alias)
    if drop.name not in known:
        UnitAlias.objects.create(unit=keep, alias=drop.name)
    for task in Task.objects.filter(pk__in=list(touched)):
        after = [u.unit.name for u in task.ordered_units()]
        Change.objects.create(model="task", object_id=task.pk, action=Change.Action.UPDATE,
                              fields={"units": [touched[task.pk], after],
                                      "note": f"{drop.name} 并入 {keep.name}"}, user=user)
    Change.objects.create(model="unit", object_id=keep.pk, action=Change.Action.UPDATE,
                          fields={"merged": drop.name, "merged_id": drop.pk}, user=user)
    # The index copies lead units: a bulk move fires no model signal, so say which tasks.
    from luoshi.search.signals import mark

    mark(tasks=tuple(touched))
    drop.delete()
    keep.refresh_from_db()
    return keep


@dataclass
class DirectoryRow:
    unit: Unit
    aliases: list[str]
    liaisons: list[str]
    led: int
    co: int
    on_time: int  # entries it led, first submitted by the round's deadline
    late: int  # … after it


def directory(government_id: int | None = None) -> list[DirectoryRow]:
    """Every unit with its aliases, liaisons, tasks and on-time record (a fixed number of
    queries)."""
    units = Unit.objects.select_related("government").annotate(
        led=Count("task_links", filter=Q(task_links__role=UnitRole.LEAD), distinct=True),
        co=Count("task_links", filter=Q(task_links__role=UnitRole.CO), distinct=True),
    ).order_by("government__name", "name")
    if government_id is not None:
        units = units.filter(government=government_id)
    aliases: dict[int, list[str]] = {}
    for unit_id, alias in UnitAlias.objects.values_list("unit_id", "alias").order_by("alias"):
        aliases.setdefault(unit_id, []).append(alias)
    liaisons: dict[int, list[str]] = {}
    for unit_id, name in Profile.units.through.objects.filter(
            profile__user__is_active=True).values_list("unit_id", "profile__user__username"):
        liaisons.setdefault(unit_id, []).append(name)
    record = _on_time()
    return [DirectoryRow(u, aliases.get(u.pk, []), sorted(liaisons.get(u.pk, [])), u.led, u.co,
                         *record.get(u.pk, (0, 0))) for u in units]


def _on_time() -> dict[int, tuple[int, int]]:
    """Unit → (first submissions by the deadline, after it), over entries it led."""
    first: dict[int, tuple] = {}
    for progress_id, at, deadline, task_id, parent_id in (
            ReviewEvent.objects.filter(action=ReviewEvent.Action.SUBMIT)
            .order_by("at").values_list("progress_id", "at", "progress__report__deadline",
                                        "progress__task_id", "progress__task__parent_id")):
        first.setdefault(progress_id, (at, deadline, task_id, parent_id))
    tasks = {t for _, _, a, b in first.values() for t in (a, b) if t}
    lead = dict(TaskUnit.objects.filter(task_id__in=tasks, role=UnitRole.LEAD)
                .values_list("task_id", "unit_id"))
    out: dict[int, list[int]] = {}
    for at, deadline, task_id, parent_id in first.values():
        unit_id = lead.get(task_id) or lead.get(parent_id)
        if unit_id is None or deadline is None:
            continue
        counts = out.setdefault(unit_id, [0, 0])
        counts[0 if at <= deadline else 1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}
