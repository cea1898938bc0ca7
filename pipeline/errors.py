"""The one error and the one result every step speaks (../shared/design.md, "The pipeline")."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    TRANSIENT = "transient"  # rate limit, time-out, connection: retried with back-off
    PERMANENT = "permanent"  # unreadable input, no data, template missing: stop and report
    PARTIAL = "partial"  # some files or items failed: continue, report the rest


TRANSIENT = Category.TRANSIENT
PERMANENT = Category.PERMANENT
PARTIAL = Category.PARTIAL


class StepError(Exception):
    """A step could not do (all of) its work.

    `message` says what went wrong, `hint` is the sentence the CA reads: what to
    do next.
    """

    def __init__(self, message: str, category: Category = PERMANENT, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.category = Category(category)
        self.hint = hint

    def __str__(self) -> str:
        return self.message


@dataclass
class StepResult:
    """What a step did: a one-line summary, counts for the progress view, and problems
    that did not stop it (a partial result)."""

    summary: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    needs_review: bool = False  # the review step sets it when items await a CA
    cost: str = "0"  # rupees, as a decimal string (external classifier calls)

    @property
    def partial(self) -> bool:
        return bool(self.problems)
