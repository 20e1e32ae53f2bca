from django.urls import path

from luoshi.rounds import auth, task_views, views

urlpatterns = [
    path("accounts/login/", auth.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth.LogoutView.as_view(), name="logout"),
    path("rounds/", views.my_round, name="round_home"),
    path("rounds/inbox/", views.inbox, name="inbox"),
    path("rounds/open/", views.open_round, name="round_open"),
    path("rounds/overdue/", views.overdue_all, name="round_overdue_all"),
    path("rounds/reports/<int:pk>/", views.round_report, name="round_report"),
    path("rounds/reports/<int:pk>/extend/", views.extend, name="round_extend"),
    path("rounds/reports/<int:pk>/publish/", views.publish, name="round_publish"),
    path("rounds/reports/<int:pk>/overdue/", views.overdue, name="round_overdue"),
    path("rounds/reports/<int:pk>/remind/", views.remind, name="round_remind"),
    path("rounds/entries/<int:pk>/", views.entry_detail, name="round_entry"),
    path("rounds/entries/<int:pk>/save/", views.entry_save, name="round_entry_save"),
    path("rounds/entries/<int:pk>/contribute/", views.entry_contribute,
         name="round_entry_contribute"),
    path("rounds/entries/<int:pk>/autosave/", views.entry_autosave, name="round_entry_autosave"),
    path("rounds/entries/<int:pk>/evidence/", views.evidence_upload, name="round_evidence_upload"),
    path("rounds/evidence/<int:pk>/", views.evidence_download, name="round_evidence"),
    path("rounds/entries/<int:pk>/submit/", views.entry_submit, name="round_entry_submit"),
    path("rounds/entries/<int:pk>/review/", views.entry_review, name="round_entry_review"),
    path("rounds/entries/<int:pk>/history/", views.entry_history, name="round_entry_history"),
    path("rounds/tasks/<int:pk>/edit/", task_views.task_edit, name="task_edit"),
    path("rounds/tasks/<int:pk>/close/", task_views.task_close, name="task_close"),
    path("rounds/tasks/<int:pk>/milestones/", task_views.task_milestone, name="task_milestone"),
    path("rounds/tasks/<int:pk>/requests/new/", task_views.request_new, name="request_new"),
    path("rounds/requests/", task_views.request_list, name="request_list"),
    path("rounds/requests/<int:pk>/decide/", task_views.request_decide, name="request_decide"),
    path("tasks/<int:pk>/history/", views.task_history, name="task_history"),
]
