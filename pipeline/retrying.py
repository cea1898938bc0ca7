"""Transient errors are retried up to three times with exponential back-off and jitter.

A database connection that drops during a step (a restart, a fail-over, a proxy
closing it) is transient too: the broken connection is closed so that the retry
opens a new one, and the step, being idempotent, starts over.

Equal jitter (half the capped exponential delay plus a random share of the
other half) keeps the waits growing while it spreads the retries of many
workers that hit the same rate limit. The sleep and the
random source are injectable so that tests never wait.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import InterfaceError, OperationalError, connections

from pipeline.errors import TRANSIENT, StepError

T = TypeVar("T")

MAX_RETRIES = 3
BASE_DELAY_SECONDS = 2.0
MAX_DELAY_SECONDS = 30.0


def backoff_delay(retry: int, rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry number `retry` (1-based): 1–2, 2–4, 4–8 … seconds."""
    ceiling = min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (retry - 1))
    return ceiling / 2 + rand() * ceiling / 2


def database_drops_as_transient(fn: Callable[[], T], step: str) -> T:
    """Call `fn`; a lost database connection becomes a TRANSIENT StepError."""
    try:
        return fn()
    except (OperationalError, InterfaceError) as error:
        connections.close_all()
        detail = " ".join(str(error).split())
        raise StepError(
            f"The database did not answer during the {step} step: {detail}",
            TRANSIENT,
            hint="Check that the database server is up, then retry.",
        ) from error


def call_with_retries(
    fn: Callable[[], T],
    *,
    sleep: Callable[[float], None] = time.sleep,
    rand: Callable[[], float] = random.random,
    on_retry: Callable[[int, StepError, float], None] | None = None,
) -> T:
    """Call `fn`; on a TRANSIENT StepError wait and call again, at most MAX_RETRIES times.

    Permanent and partial errors, and any other exception, propagate at once.
    """
    retry = 0
    while True:
        try:
            return fn()
        except StepError as error:
            if error.category != TRANSIENT or retry >= MAX_RETRIES:
                raise
            retry += 1
            delay = backoff_delay(retry, rand)
            if on_retry is not None:
                on_retry(retry, error, delay)
            sleep(delay)
