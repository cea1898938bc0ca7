"""Production settings: `check --deploy` clean, no start without a secret key, the
headers a browser gets, and no secret written into the code."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys

import pytest

from tests.pipeline.worker import ROOT

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "cma.rao-reddy.in",
    "CSRF_TRUSTED_ORIGINS": "https://cma.rao-reddy.in",
    "HTTPS": "1",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_finds_nothing_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_still_flags_a_weak_secret_key():
    """The check is not silenced wholesale: a guessable key is still reported."""
    weak = {**PRODUCTION, "SECRET_KEY": "changeme"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **weak)
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_without_a_secret_key_production_refuses_to_start():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": None})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


# The headers of a real response, computed by Django under the production environment.
HEADERS_SCRIPT = """
import json, django
django.setup()
from django.test import Client
client = Client()
secure = client.get("/accounts/login/", secure=True, HTTP_HOST="cma.rao-reddy.in")
plain = client.get("/accounts/login/", HTTP_HOST="cma.rao-reddy.in")
print(json.dumps({
    "secure": dict(secure.headers),
    "cookies": {name: dict(morsel) for name, morsel in secure.cookies.items()},
    "plain": [plain.status_code, plain.headers.get("Location")],
}))
"""


@pytest.fixture(scope="module")
def production_response() -> dict:
    environment = {**os.environ, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "cmaproject.settings"}
    result = subprocess.run(
        [sys.executable, "-c", HEADERS_SCRIPT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_responses_carry_the_browser_protections(production_response):
    headers = production_response["secure"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_cookies_are_secure_and_out_of_scripts_reach(production_response):
    csrf = production_response["cookies"]["csrftoken"]
    assert csrf["secure"] is True and csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"


def test_plain_http_is_sent_to_https(production_response):
    status, location = production_response["plain"]
    assert status == 301
    assert location == "https://cma.rao-reddy.in/accounts/login/"


# Secrets only from the environment --------------------------------------------------------

# A literal assigned to a name that says it is a secret, or a key in a known format.
SECRET_LITERAL = re.compile(
    r"""(?ix)
    (secret|passw(or)?d|api_?key|token|access_key|private_key)\w*
    ["']?\s*[:=]\s*[rbf]?["'][^"'\s]{6,}["']
    | AKIA[0-9A-Z]{16}
    | -----BEGIN[ A-Z]*PRIVATE\ KEY-----
    | sk-[A-Za-z0-9]{20,}
    """
)
# The only literals allowed, each for a reason.
ALLOWED = {
    # The development key, used only while DEBUG is on (the test above).
    (
        "cmaproject/settings.py",
        'SECRET_KEY = "insecure-development-key-set-SECRET_KEY-in-production"',
    ),
    # runlocal's demo login on a developer's own machine, printed when it starts.
    ("pipeline/management/commands/runlocal.py", 'DEMO_PASSWORD = "demo-cma-2025"'),
}
# Tests and benchmarks make their own users and keys; they never run in production.
NOT_SHIPPED = ("tests/", "bench/")
CODE = (".py", ".js", ".html", ".txt", ".toml", ".cfg", ".ini", ".yml", ".yaml", ".sh", "run")


def test_no_secret_is_written_into_the_code():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    found = []
    for path in tracked:
        if path.startswith(NOT_SHIPPED) or not path.endswith(CODE):
            continue
        text = (ROOT / path).read_text(errors="replace")
        for line in text.splitlines():
            if SECRET_LITERAL.search(line) and (path, line.strip()) not in ALLOWED:
                found.append(f"{path}: {line.strip()}")
    assert found == []
