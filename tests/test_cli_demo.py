"""`luoshi demo`: sample plans through the importer; --if-empty; loading twice changes nothing."""

from __future__ import annotations

import pytest

from luoshi.cli import main
from luoshi.cli.demo import DEMO_SET
from luoshi.core.models import Government, Plan, Progress, Report, Task

pytestmark = pytest.mark.django_db


def test_demo_loads_two_governments_two_years_several_periods(capsys):
    assert main(["demo", "--tasks", "6"]) == 0
    out, _ = capsys.readouterr()
    n_tables = sum(len(periods) for _g, _y, periods, _l in DEMO_SET)
    assert out.splitlines()[-1] == f"luoshi demo: {n_tables} sample tables loaded"
    assert Report.objects.count() == n_tables
    assert set(Government.objects.values_list("name", flat=True)) == {"安澜市", "安澜市东湖区"}
    assert Plan.objects.count() == 4
    assert Task.objects.filter(parent__isnull=True).count() == 4 * 6
    # The city's 2023 plan has four periods attached to the same six tasks.
    task = Task.objects.get(plan__government__name="安澜市", plan__year=2023, serial="1")
    assert task.progress.count() == 4 or task.children.first().progress.count() == 4
    assert Progress.objects.filter(report__state=Report.State.PUBLISHED).exists()


def test_demo_twice_changes_nothing(capsys):
    main(["demo", "--tasks", "3"])
    counts = (Report.objects.count(), Task.objects.count(), Progress.objects.count())
    assert main(["demo", "--tasks", "3"]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines()[-1] == "luoshi demo: 0 sample tables loaded"
    assert (Report.objects.count(), Task.objects.count(), Progress.objects.count()) == counts


def test_if_empty_does_nothing_when_reports_exist(capsys):
    main(["demo", "--tasks", "3"])
    capsys.readouterr()
    counts = (Report.objects.count(), Task.objects.count())
    assert main(["demo", "--if-empty", "--tasks", "9"]) == 0
    out, _ = capsys.readouterr()
    assert "already has reports; nothing loaded" in out
    assert (Report.objects.count(), Task.objects.count()) == counts


def test_tasks_must_be_positive(capsys):
    assert main(["demo", "--tasks", "0"]) == 2
    assert "--tasks must be at least 1" in capsys.readouterr().err
    assert Report.objects.count() == 0
