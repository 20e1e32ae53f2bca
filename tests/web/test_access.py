from luoshi.core.models import Plan, Task
from luoshi.web.access import visible_reports, visible_tasks


def test_public_sees_published_leader_sees_all(sample, leader):
    # The role rules themselves are tested in tests/rounds/test_permissions.py.
    assert set(visible_reports(None)) == {sample.report_q3}
    assert set(visible_reports(leader)) == {sample.report_q3, sample.report_h1, sample.report_old}
    assert set(visible_tasks(leader)) == set(Task.objects.all())


def test_tasks_of_a_plan_without_visible_reports_are_hidden(sample):
    lone = Plan.objects.create(government=sample.city, year=2022)
    hidden = Task.objects.create(plan=lone, serial="1", text="无表任务。")
    assert hidden not in set(visible_tasks(None))
