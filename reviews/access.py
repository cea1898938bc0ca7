"""Review items across the firm boundary: another firm's item is a 404, never a 403.

Built on projects.access, the one place firm scoping lives.
"""

from __future__ import annotations

from django.http import Http404

from projects.access import membership_of
from reviews.models import ReviewItem, ReviewItemQuerySet


def review_items_for_user(user) -> ReviewItemQuerySet:
    return ReviewItem.objects.for_firm(membership_of(user).firm)


def get_review_item_for_user(user, item_id) -> ReviewItem:
    """The review item if its project belongs to the user's firm; Http404 otherwise."""
    try:
        return (
            review_items_for_user(user)
            .linked()
            .select_related(
                "project__firm", "line_item__source_file", "amount_line__source_file", "decided_by"
            )
            .get(pk=item_id)
        )
    except (ReviewItem.DoesNotExist, ValueError, TypeError):
        raise Http404("No such review item.") from None
