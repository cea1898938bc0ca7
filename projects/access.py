"""The firm boundary, in one place: every page and endpoint scopes through here.

Another firm's project is a 404, never a 403 that would confirm it exists.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from projects.models import Membership, Project, ProjectQuerySet


class NotAMember(PermissionDenied):
    """The signed-in user belongs to no firm."""


def membership_of(user) -> Membership:
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None:
        raise NotAMember("Your account is not a member of any firm. Ask your firm's owner.")
    return membership


def projects_for_user(user) -> ProjectQuerySet:
    return Project.objects.for_firm(membership_of(user).firm)


def get_project_for_user(user, project_id) -> Project:
    """The project if it belongs to the user's firm; Http404 otherwise (or for a bad id)."""
    try:
        return projects_for_user(user).select_related("firm").get(pk=project_id)
    except (Project.DoesNotExist, ValidationError, ValueError):  # a malformed id too
        raise Http404("No such project.") from None


def require_processing_role(user) -> Membership:
    membership = membership_of(user)
    if not membership.can_process:
        raise PermissionDenied("Only a CA or the firm's owner can process projects.")
    return membership


def require_review_role(user) -> Membership:
    membership = membership_of(user)
    if not membership.can_review:
        raise PermissionDenied("Only a CA or the firm's owner can review line items.")
    return membership
