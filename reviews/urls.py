"""The review screen of a project, and the plain form posts behind it."""

from django.urls import path

from reviews import views

app_name = "reviews"
urlpatterns = [
    path("<uuid:pk>/review/", views.review_screen, name="screen"),
    path("<uuid:pk>/review/items/<int:item_id>/", views.decide, name="decide"),
    path("<uuid:pk>/review/approve-all/", views.approve_section, name="approve-all"),
    path("<uuid:pk>/review/move/", views.move_selected, name="move"),
    path("<uuid:pk>/review/reopen/", views.reopen, name="reopen"),
    path("<uuid:pk>/review/continue/", views.continue_processing, name="continue"),
]
