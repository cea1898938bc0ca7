"""Who belongs to a firm and in what role: add a member, change a role, invite.

One function per write, with the acting user and an audit row. A firm's
owners are its admins in Django admin (`is_staff`); the role decides that, so
the flag follows the role here and nowhere else.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from projects import audit
from projects.models import Firm, Membership, Role
from projects.services import Conflict, ServiceError

log = logging.getLogger(__name__)


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def add_member(
    *, firm: Firm, email: str, role: str, acting_user, password: str | None = None
) -> Membership:
    """Give `email` an account in `firm` with `role`; without a password, email an invitation.

    An address that already belongs to a firm is refused: one account, one firm.
    """
    email = _checked_email(email)
    _check_role(role)
    user = get_user_model().objects.filter(email__iexact=email).order_by("id").first()
    if user is not None and hasattr(user, "membership"):
        if user.membership.firm_id == firm.pk:
            raise Conflict(
                f"{email} is already a member of {firm.name}; change their role instead."
            )
        raise Conflict(f"{email} already has an account with another firm; use another address.")
    with transaction.atomic():
        user = user or _new_user(email, password)
        membership = Membership.objects.create(user=user, firm=firm, role=role)
        _sync_staff_flag(membership)
        audit.record(
            audit.MEMBER_ADDED,
            firm=firm,
            actor=acting_user,
            message=f"{email} as {membership.get_role_display()}",
            email=email,
            role=role,
        )
    if password is None:
        transaction.on_commit(lambda: send_invitation(membership))
    return membership


def change_role(membership: Membership, role: str, *, acting_user) -> Membership:
    """Move a member to `role`; a firm always keeps at least one owner."""
    _check_role(role)
    before = membership.role
    if before == role:
        return membership
    with transaction.atomic():
        # Locked so that two owners demoting each other at once cannot leave none.
        owners = list(
            Membership.objects.select_for_update()
            .filter(firm_id=membership.firm_id, role=Role.OWNER)
            .values_list("pk", flat=True)
        )
        if before == Role.OWNER and len(owners) <= 1:
            raise Conflict(
                f"{membership.user.email} is the firm's only owner; make someone else "
                "an owner first."
            )
        membership.role = role
        membership.save(update_fields=["role"])
        _sync_staff_flag(membership)
        audit.record(
            audit.MEMBER_ROLE_CHANGED,
            firm=membership.firm,
            actor=acting_user,
            message=f"{membership.user.email}: {Role(before).label} → {Role(role).label}",
            email=membership.user.email,
            before=before,
            after=role,
        )
    return membership


def set_member(*, firm_name: str, email: str, password: str, role: str) -> Membership:
    """For `manage.py addmember`: create what is missing, update what exists (idempotent)."""
    email = _checked_email(email)
    _check_role(role)
    firm, _ = Firm.objects.get_or_create(name=firm_name.strip())
    user = get_user_model().objects.filter(email__iexact=email).order_by("id").first()
    membership = getattr(user, "membership", None) if user else None
    if membership is not None and membership.firm_id != firm.pk:
        raise Conflict(f"{email} is a member of {membership.firm.name}, not of {firm.name}.")
    if membership is None:
        return add_member(firm=firm, email=email, role=role, acting_user=None, password=password)
    user.username, user.email = email, email
    user.set_password(password)
    user.save(update_fields=["username", "email", "password"])
    return change_role(membership, role, acting_user=None)


def send_invitation(membership: Membership) -> None:
    """Email the new member a link to choose a password. Logged, never raised: the member
    can still use "Forgot your password?" on the sign-in page."""
    user = membership.user
    link = settings.SITE_URL + reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"firm": membership.firm, "role": membership.get_role_display(), "link": link}
    try:
        send_mail(
            render_to_string("registration/invitation-subject.txt", context).strip(),
            render_to_string("registration/invitation-body.txt", context),
            None,
            [user.email],
        )
    except Exception:  # a mail outage must not undo the membership
        log.exception("could not send the invitation to %s", user.email)


def _new_user(email: str, password: str | None):
    # Without a password the account cannot sign in until the invitation link is followed.
    return get_user_model().objects.create_user(
        username=email, email=email, password=password or None
    )


def _sync_staff_flag(membership: Membership) -> None:
    user = membership.user
    is_staff = membership.role == Role.OWNER or user.is_superuser
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])


def _checked_email(email: str) -> str:
    email = normalise_email(email)
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        raise ServiceError(f"“{email}” is not an email address.")
    return email


def _check_role(role: str) -> None:
    if role not in Role.values:
        raise ServiceError(f"Unknown role “{role}”: use owner, ca or staff.")
