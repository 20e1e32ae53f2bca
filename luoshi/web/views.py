from django.shortcuts import render

from luoshi.core.models import Report


def report_list(request):
    reports = Report.objects.select_related("plan__government", "period")
    return render(request, "web/report_list.html", {"reports": reports})
