"""Portal pages of a firm's projects."""

from django.urls import path

from projects import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_new, name="new"),
    path("<uuid:pk>/", views.project_detail, name="detail"),
    path("<uuid:pk>/cma.xlsx", views.project_download, name="download"),
]
