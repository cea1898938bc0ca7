"""Review API under /api/v1/: list a project's review items, decide one, approve in bulk.

Adapters only: scope to the user's firm (404 across firms), validate with an
input serializer, call one service (which refuses staff with a 403), answer with
an output serializer.
"""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from projects.access import get_project_for_user
from projects.api_responses import refusals
from projects.services import ServiceError
from reviews import services
from reviews.access import get_review_item_for_user
from reviews.models import ReviewItem
from reviews.serializers import (
    ApproveAllInput,
    ApproveAllOutput,
    DecisionInput,
    ReviewItemOutput,
    StatusFilter,
)


def _answer_error(error: ServiceError) -> Response:
    body = {"detail": error.message}
    if isinstance(error, services.InvalidDecision):
        body["errors"] = error.errors
    return Response(body, status=error.status)


class ReviewItemList(ListAPIView):
    serializer_class = ReviewItemOutput

    @extend_schema(
        summary="List a project's review items",
        description="The items the pipeline was unsure of; `?status=` filters them.",
        parameters=[OpenApiParameter("status", enum=ReviewItem.Status.values)],
        responses={200: ReviewItemOutput(many=True), **refusals(400, 404)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        project = get_project_for_user(self.request.user, self.kwargs["pk"])
        wanted = StatusFilter(data=self.request.query_params)
        if not wanted.is_valid():
            raise ValidationError(wanted.errors)
        items = project.review_items.linked().select_related(
            "line_item__source_file", "amount_line__source_file", "decided_by"
        )
        status = wanted.validated_data.get("status")
        return items.filter(status=status) if status else items


class ReviewItemDetail(APIView):
    @extend_schema(
        summary="A review item",
        description="The line item, what was proposed and why, and any decision taken.",
        responses={200: ReviewItemOutput, **refusals(404)},
    )
    def get(self, request, pk):
        return Response(ReviewItemOutput(get_review_item_for_user(request.user, pk)).data)

    @extend_schema(
        summary="Decide a review item",
        description=(
            "Approve what was proposed, choose another row, split it, exclude it with a "
            "reason, or confirm an OCRed amount (its corrected figures per year)."
        ),
        request=DecisionInput,
        responses={200: ReviewItemOutput, **refusals(400, 403, 404, 409)},
    )
    def patch(self, request, pk):
        item = get_review_item_for_user(request.user, pk)
        data = DecisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            item = services.decide_item(item, acting_user=request.user, **data.validated_data)
        except ServiceError as error:
            return _answer_error(error)
        return Response(ReviewItemOutput(item).data)


class ReviewItemCrop(APIView):
    """The printed row of an amount to confirm, as the scan shows it (PNG)."""

    @extend_schema(
        summary="The picture of an amount to confirm",
        description="The scanned page's crop of the row whose figures the CA confirms (PNG).",
        responses={(200, "image/png"): bytes, **refusals(404)},
    )
    def get(self, request, pk):
        item = get_review_item_for_user(request.user, pk)
        if not item.crop:
            raise NotFound("This review item has no picture of its row.")
        return HttpResponse(bytes(item.crop), content_type="image/png")


class ApproveAll(APIView):
    @extend_schema(
        summary="Approve pending items as proposed",
        description="Every pending item of the project, or of one `section`.",
        request=ApproveAllInput,
        responses={200: ApproveAllOutput, **refusals(400, 403, 404, 409)},
    )
    def post(self, request, pk):
        project = get_project_for_user(request.user, pk)
        data = ApproveAllInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            result = services.approve_all(
                project, acting_user=request.user, section=data.validated_data.get("section")
            )
        except ServiceError as error:
            return _answer_error(error)
        return Response(ApproveAllOutput(result).data)
