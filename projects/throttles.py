"""Per-member rate limits on uploads and runs, for the API and the portal alike.

A stolen token or a runaway script must not flood the storage or the
workers. DRF's throttles count in Django's default cache (Redis when
REDIS_URL is set, so every web process shares one count). The portal's
plain form posts use the same classes through `limit`, never a second
limiter.
"""

from __future__ import annotations

import math
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from rest_framework.exceptions import Throttled
from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import UserRateThrottle

_PERIODS = {"s": "second", "m": "minute", "h": "hour", "d": "day"}


class MemberThrottle(UserRateThrottle):
    """Counts one member's writes (GET and HEAD are free) against THROTTLE_RATES[scope]."""

    what = ""  # what is counted, in words: "uploads"

    def get_rate(self) -> str:
        return settings.THROTTLE_RATES[self.scope]  # read per request: tests override it

    def allow_request(self, request, view) -> bool:
        return request.method in SAFE_METHODS or super().allow_request(request, view)

    def wait(self) -> float:
        """Seconds until the oldest request that fills the window drops out of it."""
        filling = self.history[self.num_requests - 1]
        return max(filling + self.duration - self.now, 1.0)

    def refusal(self) -> str:
        count, period = self.rate.split("/")
        return (
            f"Too many {self.what}: each member may make {count} per {_PERIODS[period[0]]}. "
            "Wait and try again, or ask your firm's administrator to raise the limit."
        )


class UploadThrottle(MemberThrottle):
    scope = "upload"
    what = "uploads"


class ProcessThrottle(MemberThrottle):
    """Process, retry and resume: each one puts a run on the workers' queue."""

    scope = "process"
    what = "processing requests (process, retry, resume)"


class ThrottledView:
    """Mixin for API views: a 429 whose body says which limit was reached."""

    def throttled(self, request, wait):
        throttle = self.get_throttles()[0]
        raise Throttled(wait, detail=throttle.refusal())


def limit(throttle_class: type[MemberThrottle]):
    """The portal's form posts under the API's limit: a 429 page with Retry-After."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            throttle = throttle_class()
            if throttle.allow_request(request, None):
                return view(request, *args, **kwargs)
            wait = math.ceil(throttle.wait())
            response = render(
                request,
                "429.html",
                {"message": throttle.refusal(), "wait": wait, "back": _back(kwargs)},
                status=429,
            )
            response["Retry-After"] = str(wait)
            return response

        return limited

    return decorator


def _back(kwargs: dict) -> str:
    """The project the refused post was about, else the list."""
    if "pk" in kwargs:
        return reverse("projects:detail", args=[kwargs["pk"]])
    return reverse("projects:list")
