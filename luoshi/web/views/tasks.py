"""One task: its text and targets, units, sub-items, its progress and status in every period
(evidence marked), and the history of changes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from luoshi.core.models import Task
from luoshi.rounds.models import Role
from luoshi.rounds.permissions import (
    ADMIN,
    PUBLIC,
    Action,
    may,
    readable_requests,
    role_of,
)
from luoshi.vocab import Status
from luoshi.web import pagecache, task_html, task_page
from luoshi.web.access import can_correct, scope_key
from luoshi.web.statuses import shown_status


def office_panel(user, task: Task) -> dict | None:
    """The office's bookkeeping of the task (deadline, 销号, milestones, requests) for people
    who run the rounds; None for the public."""
    if role_of(user) == PUBLIC:
        return None
    return {
        # One task: the model's order without its joins (task → plan → government).
        "milestones": list(task.milestones.order_by("due", "order", "pk")),
        "requests": list(readable_requests(user).filter(task=task).select_related("unit")[:20]),
        "can_edit": may(user, Action.EDIT_TASK, task),
        "can_request": may(user, Action.REQUEST_CHANGE, task),
    }


# Their pages carry correction forms (with the session's CSRF token): never cached.
CORRECTING = {ADMIN, Role.SUPERVISOR}


@pagecache.whole_page  # an anonymous reader's whole page
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The page below the header is built from the data and the viewer's scope only (except
    the office's: forms), so it is cached by the data version (luoshi.web.pagecache)."""
    if role_of(request.user) in CORRECTING:
        parts = _task_parts(request, pk)
    else:
        key = f"task:{pk}:{scope_key(request.user)}"  # + the language (pagecache.cached)
        parts = pagecache.cached(key, lambda: _task_parts(request, pk))
    return render(request, "web/task_detail.html", {"parts": parts})


def _task_parts(request: HttpRequest, pk: int) -> dict[str, str]:
    """The page's parts from plain rows (luoshi.web.task_page) written in one pass
    (luoshi.web.task_html)."""
    page = task_page.read(request.user, pk)
    task = page.task
    office = None
    if role_of(request.user) != PUBLIC:
        # The office's panel asks the permission rules about the task: a Task carrying the
        # read columns (and its parent, so that no rule reads it again).
        office = Task(id=task["id"], plan_id=task["plan_id"], parent_id=task["parent_id"],
                      serial=task["serial"], text=task["text"], order=task["order"],
                      deadline=task["deadline"], closed_at=task["closed_at"],
                      close_reason=task["close_reason"])
        if task["parent_id"]:
            office.parent = Task(id=task["parent_id"], plan_id=task["plan_id"],
                                 serial=task["parent__serial"], text=task["parent__text"])
    # The office corrects statuses on this page (task_page and views.corrections). (Every
    # block's report is one of visible_reports: may() needs only the role, not a query per
    # report.)
    may_correct = bool(page.blocks) and can_correct(request.user)
    return task_html.render(
        request, page, may_correct=may_correct,
        office_panel=office_panel(request.user, office) if office is not None else None,
        task_object=office, kind_choices=kind_choices() if may_correct else (),
        status_choices=status_choices() if may_correct else ())


def kind_choices() -> list[tuple[str, str]]:
    """(kind, how it is judged) of every kind a target can have, for the correction form: a
    milestone too (one thing to build, 新建1所: rules ONE THING), not qualitative (no figure)."""
    from luoshi.extract.rules import TARGET_KINDS

    return [(k, note) for k, note in TARGET_KINDS.items() if k != "qualitative"]


def status_choices() -> list[tuple[str, str]]:
    """(value, label) of every status, for the correction form."""
    return [(s.value, shown_status(s.value)) for s in Status]
