from luoshi.core.models import Plan, Task
from luoshi.web.access import visible_reports, visible_tasks


def test_everything_visible_for_now(sample, django_user_model):
    anonymous = None
    assert set(visible_reports(anonymous)) == {sample.report_q3, sample.report_h1, sample.report_old}
    assert set(visible_tasks(anonymous)) == set(Task.objects.all())


def test_tasks_of_a_plan_without_visible_reports_are_hidden(sample):
    lone = Plan.objects.create(government=sample.city, year=2022)
    hidden = Task.objects.create(plan=lone, serial="1", text="无表任务。")
    assert hidden not in set(visible_tasks(None))
