"""The review screen of a project."""

from django.urls import path

from reviews import views

app_name = "reviews"
urlpatterns = [
    path("<uuid:pk>/review/", views.review_screen, name="screen"),
]
