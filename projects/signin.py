"""Sign-in throttle: failed passwords counted per account and per client address.

Guessing a member's password must take longer than the member takes to notice. A
failure counts against the email address typed (whether or not it is a member's,
so the refusal tells nothing) and against the client's address; past
SIGNIN_ACCOUNT_FAILURES or SIGNIN_ADDRESS_FAILURES within SIGNIN_WINDOW_MINUTES,
sign-in is refused with a 429, even with the right password, until the oldest
failure of the window ages out. The counts live in Django's default cache (Redis
or the database), so every web process shares them. A completed password reset
lifts the account's lock; the portal and the admin sign-in follow one rule.
"""

from __future__ import annotations

import hashlib
import math
import time
from functools import wraps

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.core.cache import cache
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle


class Locked(Exception):
    """Sign-in refused: `message` says which limit, `wait` seconds until it lifts."""

    def __init__(self, message: str, wait: int):
        super().__init__(message)
        self.message, self.wait = message, wait


def check(request, email: str) -> None:
    """Raise Locked when `email` or the request's address has failed too often lately."""
    window = settings.SIGNIN_WINDOW_MINUTES
    for key, limit, refusal in (
        (_account_key(email), settings.SIGNIN_ACCOUNT_FAILURES, _ACCOUNT_REFUSAL),
        (_address_key(request), settings.SIGNIN_ADDRESS_FAILURES, _ADDRESS_REFUSAL),
    ):
        failures = _recent(key)
        if len(failures) >= limit:
            wait = math.ceil(failures[-limit] + window * 60 - time.time())
            raise Locked(refusal.format(limit=limit, window=window), max(wait, 1))


def record_failure(request, email: str) -> None:
    """Count one wrong password against the account and the address.

    A read and a write, as DRF's throttles do: two failures at the same instant may
    count once, which a guesser cannot turn into more than a few extra tries."""
    now = time.time()
    for key in (_account_key(email), _address_key(request)):
        cache.set(key, [*_recent(key), now], timeout=settings.SIGNIN_WINDOW_MINUTES * 60)


def lift(email: str) -> None:
    """Forget the account's failures (its owner proved who they are by email)."""
    cache.delete(_account_key(email))


def _recent(key: str) -> list[float]:
    since = time.time() - settings.SIGNIN_WINDOW_MINUTES * 60
    return [moment for moment in cache.get(key, []) if moment > since]


def _account_key(email: str) -> str:
    # Hashed: the cache never holds the addresses people typed.
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"signin:account:{digest}"


def _address_key(request) -> str:
    # DRF's reading of the client address: X-Forwarded-For behind NUM_PROXIES proxies.
    return f"signin:address:{BaseThrottle().get_ident(request)}"


_ACCOUNT_REFUSAL = (
    "Too many wrong passwords for this account: after {limit} within {window} minutes, "
    "signing in waits. Try again later, or choose a new password with "
    '"Forgot your password?" (that lifts the wait at once).'
)
_ADDRESS_REFUSAL = (
    "Too many wrong passwords from your network: after {limit} within {window} minutes, "
    "signing in from it waits. Try again later."
)


class _Throttled:
    """For an AuthenticationForm: refuse a locked sign-in, count a wrong password."""

    def clean(self):
        check(self.request, self.cleaned_data.get("username") or "")
        return super().clean()

    def get_invalid_login_error(self):
        # Django calls this only when no backend accepted the email and password.
        record_failure(self.request, self.cleaned_data.get("username") or "")
        return super().get_invalid_login_error()


class SignInForm(_Throttled, AuthenticationForm):
    pass


class AdminSignInForm(_Throttled, AdminAuthenticationForm):
    pass


class NewPasswordForm(SetPasswordForm):
    """The reset link's form: saving the new password lifts the account's lock."""

    def save(self, commit=True):
        user = super().save(commit)
        lift(user.email)
        return user


def refusing_locked(view):
    """Answer a Locked sign-in with a 429 page that says why and sends Retry-After."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Locked as locked:
            context = {"message": locked.message, "wait": locked.wait, "back": request.path}
            response = render(request, "429.html", context, status=429)
            response["Retry-After"] = str(locked.wait)
            return response

    return guarded
