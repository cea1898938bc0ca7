"""Portal pages of a firm's projects and members."""

from django.urls import path

from projects import entry_views, views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_new, name="new"),
    path("members/", views.members, name="members"),
    path("members/add/", views.member_add, name="member-add"),
    path("members/<int:member_id>/role/", views.member_role, name="member-role"),
    path("<uuid:pk>/", views.project_detail, name="detail"),
    path("<uuid:pk>/files/", views.project_upload, name="upload"),
    path("<uuid:pk>/files/<int:file_id>/remove/", views.file_remove, name="file-remove"),
    path("<uuid:pk>/process/", views.project_process, name="process"),
    path("<uuid:pk>/retry/", views.project_retry, name="retry"),
    path("<uuid:pk>/activity/", views.project_activity, name="activity"),
    path("<uuid:pk>/form-i/", entry_views.form_one, name="form-one"),
    path("<uuid:pk>/assumptions/", entry_views.assumptions, name="assumptions"),
    path("<uuid:pk>/term-loans/", entry_views.term_loans, name="term-loans"),
    path("<uuid:pk>/term-loans/read/", entry_views.term_loan_read, name="term-loan-read"),
    path("<uuid:pk>/drawing-power/", entry_views.stock_statement, name="stock-statement"),
    path(
        "<uuid:pk>/drawing-power/read/",
        entry_views.stock_statement_read,
        name="stock-statement-read",
    ),
    path("<uuid:pk>/cma.xlsx", views.project_download, name="download"),
]
