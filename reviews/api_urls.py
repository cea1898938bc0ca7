"""Review endpoints under /api/v1/."""

from django.urls import path

from reviews import api

app_name = "reviews-api"
urlpatterns = [
    path("projects/<uuid:pk>/review-items/", api.ReviewItemList.as_view(), name="list"),
    path(
        "projects/<uuid:pk>/review-items/approve-all",
        api.ApproveAll.as_view(),
        name="approve-all",
    ),
    path("review-items/<int:pk>/", api.ReviewItemDetail.as_view(), name="detail"),
    path("review-items/<int:pk>/crop.png", api.ReviewItemCrop.as_view(), name="crop"),
]
