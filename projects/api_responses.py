"""The API's refusals as its schema documents them.

Every 4xx and 5xx the API sends has one body, `{"detail": "..."}` (a refused review
decision adds `errors`), so an integrator handles them all one way. Each view lists
the codes it can send with `refusals(...)`; 401 is listed everywhere, since every
endpoint is for signed-in members only.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class Refusal(serializers.Serializer):
    detail = serializers.CharField(help_text="What is wrong and what to do, in words.")
    errors = serializers.DictField(
        required=False, help_text="Per field, what is wrong with it (refused decisions only)."
    )


MEANINGS = {
    400: "The request is malformed or incomplete: `detail` says which part.",
    401: "Not signed in: send `Authorization: Token <key>` or a session cookie.",
    403: "Signed in, but the member's role may not do this (staff cannot process or review).",
    404: "No such object in the member's firm (another firm's objects are never shown).",
    409: "The project's state does not allow this now: `detail` says why and what to do.",
    429: "Too many requests of this kind: `detail` names the limit, `Retry-After` the wait.",
    503: "The external classifier is down or rate-limited: try again after `Retry-After`.",
}


def refusals(*codes: int) -> dict[int, OpenApiResponse]:
    """Schema responses for 401 and `codes`, each with the shared refusal body."""
    return {code: OpenApiResponse(Refusal, description=MEANINGS[code]) for code in (401, *codes)}
