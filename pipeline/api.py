"""POST /api/v1/classify: line items classified on their own, with the firm's memory."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from pipeline.errors import StepError
from pipeline.standalone import InvalidItem, classify_objects
from projects.access import membership_of
from projects.api_responses import refusals

MAX_ITEMS = 5000


class Classify(APIView):
    """Body: a list of items (or {"items": [...]}); the answer has the same shape."""

    @extend_schema(
        summary="Classify line items",
        description=(
            'A list of line items (or `{"items": [...]}`), each classified into its CMA '
            "row with the firm's remembered decisions; the answer has the request's shape. "
            f"At most {MAX_ITEMS} items per request."
        ),
        request=list[dict],
        responses={200: list[dict], **refusals(400, 403, 503)},
    )
    def post(self, request):
        firm = membership_of(request.user).firm
        wrapped = isinstance(request.data, dict)
        items = request.data.get("items") if wrapped else request.data
        if not isinstance(items, list):
            return _bad('Send a JSON list of line items, or {"items": [...]}.')
        if len(items) > MAX_ITEMS:
            return _bad(f"Send at most {MAX_ITEMS} items per request.")
        try:
            answers = classify_objects(items, firm)
        except InvalidItem as error:
            return _bad(str(error))
        except StepError as error:  # the external classifier is rate-limited or down
            return Response(
                {"detail": error.message},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
                headers={"Retry-After": "30"},
            )
        return Response({"items": answers} if wrapped else answers)


def _bad(message: str) -> Response:
    return Response({"detail": message}, status=status.HTTP_400_BAD_REQUEST)
