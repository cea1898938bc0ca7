"""Review API (being built: see the reviews issue)."""

from rest_framework.exceptions import NotFound
from rest_framework.views import APIView


class _NotYet(APIView):
    def get(self, request, pk):
        raise NotFound("Reviews are not available yet.")

    post = patch = get


class ReviewItemList(_NotYet):
    pass


class ApproveAll(_NotYet):
    pass


class ReviewItemDetail(_NotYet):
    pass
