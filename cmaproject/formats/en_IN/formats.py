"""Dates as the portal writes them ("7 Dec 2026, 02:39"), for the admin and any page
that shows a date without a format of its own; Django has no en-IN formats."""

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
