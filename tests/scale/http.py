"""Real HTTP to a web server started by the test (tests/pipeline/worker.py `web_server`)."""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from rest_framework.authtoken.models import Token


def api_session(url: str, user, pool_size: int = 10) -> requests.Session:
    """A session authenticated as `user`; `session.base` is the API's root URL.

    `pool_size`: connections kept open, one per thread that shares the session.
    """
    session = requests.Session()
    session.mount("http://", HTTPAdapter(pool_maxsize=pool_size))
    token, _ = Token.objects.get_or_create(user=user)
    session.headers["Authorization"] = f"Token {token.key}"
    session.base = url + "/api/v1"
    return session
