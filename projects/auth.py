"""Members sign in with their email address, whatever its case; a request reads the
member, their membership and firm in one query, whether it signs in by session or token."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

# Every page and endpoint scopes by the member's firm (projects.access), and the
# time zone middleware reads it too: fetched with the user, not in two more queries.
WITH_FIRM = "membership__firm"


class EmailBackend(ModelBackend):
    """Authenticate by email (the username field holds the same address, lower-cased)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = (kwargs.get("email") or username or "").strip()
        if not email or password is None:
            return None
        user_model = get_user_model()
        user = user_model.objects.filter(email__iexact=email).order_by("id").first()
        if user is None:
            user_model().set_password(password)  # same work either way: no timing oracle
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        """The session's user, with their membership and firm (see WITH_FIRM)."""
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related(WITH_FIRM).get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication, the token read with its user, membership and firm."""

    def authenticate_credentials(self, key):
        model = self.get_model()
        try:
            token = model.objects.select_related(f"user__{WITH_FIRM}").get(key=key)
        except model.DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return (token.user, token)
