"""Real HTTP to a web server started by the test (tests/pipeline/worker.py `web_server`)."""

from __future__ import annotations

import requests
from rest_framework.authtoken.models import Token


def api_session(url: str, user) -> requests.Session:
    """A session authenticated as `user`; `session.base` is the API's root URL."""
    session = requests.Session()
    token, _ = Token.objects.get_or_create(user=user)
    session.headers["Authorization"] = f"Token {token.key}"
    session.base = url + "/api/v1"
    return session
