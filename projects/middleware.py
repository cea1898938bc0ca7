"""Show dates in the signed-in member's firm time zone (default Asia/Kolkata)."""

import zoneinfo

from django.utils import timezone


class FirmTimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        membership = getattr(getattr(request, "user", None), "membership", None)
        if membership is not None:
            try:
                timezone.activate(zoneinfo.ZoneInfo(membership.firm.time_zone))
            except zoneinfo.ZoneInfoNotFoundError:
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)
