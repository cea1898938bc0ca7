"""Sign-in throttle: wrong passwords per account and per client address, on the portal and
the admin alike, a 429 that says why and when, shared by web processes through Redis; a
password reset by email (through anymail) lifts the account's lock."""

from __future__ import annotations

import re
import time

import pytest
import redis
import requests
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.cast import PASSWORD
from tests.pipeline.test_worker import redis_url
from tests.pipeline.worker import web_server

pytestmark = pytest.mark.django_db

WRONG = "not-the-password"


def sign_in(client: Client, email: str, password: str, *, address="10.1.1.1", path=None):
    return client.post(
        path or reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address
    )


def fail(client: Client, email: str, times: int, **kwargs) -> None:
    for _ in range(times):
        assert sign_in(client, email, WRONG, **kwargs).status_code == 200


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, ca):
    fail(client, ca.email, 5)
    refused = sign_in(client, ca.email, PASSWORD)
    assert refused.status_code == 429
    assert 890 <= int(refused["Retry-After"]) <= 900
    page = refused.content.decode()
    assert "Too many wrong passwords for this account: after 5 within 15 minutes" in page
    assert "Forgot your password?" in page
    assert "You can try again in about 15 minutes." in page
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_still_let_the_member_in(client, ca):
    fail(client, ca.email, 4)
    assert sign_in(client, ca.email, PASSWORD).status_code == 302


def test_the_account_lock_is_by_email_whatever_its_case_and_spares_others(client, ca, second_ca):
    fail(client, ca.email.upper(), 5, address="10.1.1.1")
    assert sign_in(client, ca.email, PASSWORD, address="10.2.2.2").status_code == 429
    assert sign_in(Client(), second_ca.email, PASSWORD, address="10.1.1.1").status_code == 302


def test_twenty_failures_from_one_address_lock_it_for_every_account(client, ca):
    for n in range(20):
        assert sign_in(client, f"guess{n}@rao-reddy.in", WRONG).status_code == 200
    refused = sign_in(Client(), ca.email, PASSWORD)
    assert refused.status_code == 429
    assert "Too many wrong passwords from your network: after 20" in refused.content.decode()
    assert sign_in(Client(), ca.email, PASSWORD, address="10.9.9.9").status_code == 302


def test_the_address_comes_from_x_forwarded_for_behind_a_proxy(ca, settings):
    """Behind nginx every request comes from the proxy: the client is the address it adds."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    settings.SIGNIN_ADDRESS_FAILURES = 2

    def through_proxy(client_address: str, email: str, password: str):
        form = {"username": email, "password": password}
        forwarded = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": client_address}
        return Client().post(reverse("login"), form, **forwarded)

    for n in range(2):
        assert through_proxy("203.0.113.7", f"guess{n}@x.in", WRONG).status_code == 200
    assert through_proxy("203.0.113.7", ca.email, PASSWORD).status_code == 429
    assert through_proxy("198.51.100.1", ca.email, PASSWORD).status_code == 302


def test_the_limits_are_settings(client, ca, settings):
    settings.SIGNIN_ACCOUNT_FAILURES = 2
    settings.SIGNIN_WINDOW_MINUTES = 1
    fail(client, ca.email, 2)
    refused = sign_in(client, ca.email, PASSWORD)
    assert refused.status_code == 429
    assert 50 <= int(refused["Retry-After"]) <= 60
    assert "after 2 within 1 minutes" in refused.content.decode()
    assert re.search(r"try again in (5\d|60) seconds\.", refused.content.decode())


def test_the_count_outlasts_a_flood_of_other_keys_in_the_database_cache(client, ca):
    """Django's database cache sheds a third of its rows past MAX_ENTRIES (300 unless set):
    a guesser must not be able to wipe an account's count by creating others."""
    fail(client, ca.email, 5)
    # Sorted after the account's key: Django sheds the lowest keys first.
    cache.set_many({f"z-flood:{n}": [1.0] for n in range(1000)}, timeout=900)
    assert sign_in(client, ca.email, PASSWORD).status_code == 429


def test_the_lock_lifts_when_the_window_has_passed(client, ca, monkeypatch):
    fail(client, ca.email, 5)
    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert sign_in(client, ca.email, PASSWORD).status_code == 302


def test_the_admin_sign_in_counts_with_the_portal(client, owner):
    owner.is_staff = True
    owner.save()
    admin_login = reverse("admin:login")
    fail(client, owner.email, 3, path=admin_login)
    fail(client, owner.email, 2)
    refused = sign_in(client, owner.email, PASSWORD, path=admin_login)
    assert refused.status_code == 429
    assert admin_login in refused.content.decode()  # "Back" returns to the admin's sign-in
    assert sign_in(client, owner.email, PASSWORD).status_code == 429


def test_a_password_reset_by_email_lifts_the_lock(client, ca, settings):
    """The reset goes through anymail (its test backend records what the provider gets)."""
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    fail(client, ca.email, 5)
    assert client.post(reverse("password_reset"), {"email": ca.email}).status_code == 302
    (sent,) = mail.outbox
    assert sent.anymail_status.status == {"sent"}
    assert [to.addr_spec for to in sent.anymail_test_params["to"]] == [ca.email]
    path = re.search(r"http://testserver(/accounts/reset/\S+)", sent.body)[1]
    form_url = client.get(path).url
    new = "a-brand-new-password-7"
    done = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert done.url == reverse("password_reset_complete")
    assert sign_in(client, ca.email, new).status_code == 302


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_web_processes_share_the_account_count_through_redis(ca, tmp_path):
    """Three failures on one gunicorn and two on another lock the account on both."""
    url = redis_url()
    store = redis.Redis.from_url(url)
    for key in store.scan_iter("*signin:*"):  # an earlier run's counts
        store.delete(key)
    first_dir, second_dir = tmp_path / "a", tmp_path / "b"
    first_dir.mkdir(), second_dir.mkdir()
    with (
        web_server(first_dir, REDIS_URL=url) as first,
        web_server(second_dir, REDIS_URL=url) as second,
    ):
        for base, times in ((first, 3), (second, 2)):
            for _ in range(times):
                assert post_sign_in(base, ca.email, WRONG).status_code == 200
        refused = post_sign_in(first, ca.email, PASSWORD)
        assert refused.status_code == 429, refused.text
        assert int(refused.headers["Retry-After"]) > 800
        assert post_sign_in(second, ca.email, PASSWORD).status_code == 429
    for key in store.scan_iter("*signin:*"):
        store.delete(key)


def post_sign_in(base: str, email: str, password: str) -> requests.Response:
    """The sign-in form as a browser posts it: the page first, for the CSRF token."""
    session = requests.Session()
    page = session.get(base + "/accounts/login/", timeout=30).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    form = {"username": email, "password": password, "csrfmiddlewaretoken": token}
    return session.post(base + "/accounts/login/", data=form, allow_redirects=False, timeout=30)
