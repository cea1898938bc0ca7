"""Typed access to environment variables that fails loudly on a bad value.

A typo in production settings ("DEBUG=flase") must stop the process at start,
not quietly fall back to a default.
"""

import os

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_RATE_PERIODS = {"second", "minute", "hour", "day"}


class ImproperEnv(ValueError):
    """An environment variable holds a value its setting cannot take."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperEnv(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperEnv(f"{name}={raw!r} is not a whole number") from None
    if minimum is not None and value < minimum:
        raise ImproperEnv(f"{name}={value} is below its minimum of {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_rate(name: str, default: str) -> str:
    """A rate limit such as "600/hour": a whole number of requests per second, minute,
    hour or day (DRF's throttle format)."""
    raw = os.environ.get(name, "").strip() or default
    count, _, period = raw.partition("/")
    if not (count.isdigit() and int(count) > 0 and period in _RATE_PERIODS):
        raise ImproperEnv(
            f"{name}={raw!r} is not a rate; write requests per period, e.g. 600/hour "
            "(second, minute, hour or day)"
        )
    return f"{int(count)}/{period}"
