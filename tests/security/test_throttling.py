"""Per-member rate limits on uploads and runs: the API and the portal count together, a
429 says which limit and when to come back, and web processes share one count."""

from __future__ import annotations

import pytest
import redis
import requests
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from cmaproject.env import ImproperEnv, env_rate
from tests.cast import upload
from tests.conftest import UNTHROTTLED
from tests.pipeline.test_worker import redis_url
from tests.pipeline.worker import web_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    """Small limits for this module's tests only (the rest of the suite is unthrottled)."""
    cache.clear()
    settings.THROTTLE_RATES = {"upload": "3/hour", "process": "2/minute"}
    yield settings.THROTTLE_RATES
    cache.clear()


def upload_by_api(api, project, name: str):
    return api.post(
        f"/api/v1/projects/{project.pk}/files/",
        {"file": upload(name, f"%PDF-1.4 {name}".encode())},
        format="multipart",
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_uploads_past_the_limit_get_a_429_that_says_why_and_when(limits, api, project):
    assert [upload_by_api(api, project, f"{n}.pdf").status_code for n in range(3)] == [201] * 3
    refused = upload_by_api(api, project, "3.pdf")
    assert refused.status_code == 429
    assert refused.data["detail"].startswith(
        "Too many uploads: each member may make 3 per hour. Wait and try again, or ask your "
        "firm's administrator to raise the limit. Expected available in "
    )
    assert 3000 < int(refused["Retry-After"]) <= 3600
    assert project.files.count() == 3
    assert api.get(f"/api/v1/projects/{project.pk}/files/").status_code == 200  # reads are free


def test_the_limit_is_per_member(limits, api, second_ca, project):
    for n in range(3):
        upload_by_api(api, project, f"{n}.pdf")
    assert upload_by_api(api, project, "mine.pdf").status_code == 429
    colleague = Client()
    colleague.force_login(second_ca)
    response = colleague.post(f"/api/v1/projects/{project.pk}/files/", {"file": upload("x.pdf")})
    assert response.status_code == 201


def test_the_portal_counts_with_the_api_and_answers_429(limits, api, ca, project):
    for n in range(3):
        upload_by_api(api, project, f"{n}.pdf")
    response = signed_in(ca).post(
        reverse("projects:upload", args=[project.pk]), {"file": [upload("late.pdf")]}
    )
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Too many uploads: each member may make 3 per hour." in page
    assert reverse("projects:detail", args=[project.pk]) in page
    assert not project.files.filter(original_name="late.pdf").exists()


def test_process_retry_and_resume_share_one_limit(limits, api, project_with_file):
    base = f"/api/v1/projects/{project_with_file.pk}"
    assert api.post(f"{base}/process", {}, format="json").status_code == 202
    assert api.post(f"{base}/retry", format="json").status_code == 409  # counted all the same
    refused = api.post(f"{base}/resume", format="json")
    assert refused.status_code == 429
    assert refused.data["detail"].startswith(
        "Too many processing requests (process, retry, resume): each member may make 2 per minute."
    )
    assert 0 < int(refused["Retry-After"]) <= 60


def test_the_portals_process_and_continue_buttons_are_limited(limits, ca, project_with_file):
    client = signed_in(ca)
    pk = project_with_file.pk
    assert client.post(reverse("projects:process", args=[pk])).status_code == 302
    assert client.post(reverse("projects:retry", args=[pk])).status_code == 302
    response = client.post(reverse("reviews:continue", args=[pk]))
    assert response.status_code == 429
    assert "Too many processing requests" in response.content.decode()


def test_rates_come_from_the_environment_and_bad_ones_stop_the_start(monkeypatch):
    monkeypatch.setenv("THROTTLE_UPLOAD_RATE", "40/minute")
    assert env_rate("THROTTLE_UPLOAD_RATE", "600/hour") == "40/minute"
    monkeypatch.delenv("THROTTLE_UPLOAD_RATE")
    assert env_rate("THROTTLE_UPLOAD_RATE", "600/hour") == "600/hour"
    for wrong in ("600", "0/hour", "many/hour", "600/fortnight", "-5/day"):
        monkeypatch.setenv("THROTTLE_UPLOAD_RATE", wrong)
        with pytest.raises(ImproperEnv, match="THROTTLE_UPLOAD_RATE"):
            env_rate("THROTTLE_UPLOAD_RATE", "600/hour")


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_web_processes_share_one_count_through_redis(ca, project, tmp_path):
    """With REDIS_URL set the count lives in Redis: a member cannot get twice the limit by
    landing on two gunicorn workers (or hosts)."""
    url = redis_url()
    stale = redis.Redis.from_url(url)
    for key in stale.scan_iter(f"*throttle_upload_{ca.pk}"):  # an earlier run's count
        stale.delete(key)
    env = {"REDIS_URL": url, "THROTTLE_UPLOAD_RATE": "2/hour", "THROTTLE_PROCESS_RATE": UNTHROTTLED}
    headers = {"Authorization": f"Token {Token.objects.create(user=ca).key}"}
    first_dir, second_dir = tmp_path / "a", tmp_path / "b"
    first_dir.mkdir(), second_dir.mkdir()
    with web_server(first_dir, **env) as first, web_server(second_dir, **env) as second:

        def send(base: str, name: str) -> requests.Response:
            files = {"file": (name, f"%PDF-1.4 {name}".encode())}
            path = f"/api/v1/projects/{project.pk}/files/"
            return requests.post(base + path, files=files, headers=headers, timeout=30)

        assert send(first, "a.pdf").status_code == 201
        assert send(second, "b.pdf").status_code == 201
        refused = send(first, "c.pdf")
        assert refused.status_code == 429, refused.text
        assert int(refused.headers["Retry-After"]) > 0
    for key in stale.scan_iter(f"*throttle_upload_{ca.pk}"):
        stale.delete(key)
