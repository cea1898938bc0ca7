"""PipelineOptions: how one run behaves (../shared/seed/phase-08-pipeline-orchestrator.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

STEPS = ("extract", "classify", "review", "validate", "generate")


class InvalidOptions(ValueError):
    """Options a caller sent that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class PipelineOptions:
    start_from: str | None = None  # run from this step on, whatever ran before
    skip_review: bool = False  # approve every item as classified
    skip_validation: bool = False  # generate even when validation finds errors
    force_reprocess: bool = False  # run steps that already completed again
    auto_approve_above: float = 0.70  # items at or above this confidence need no review
    notify_on_review: bool = True  # email the firm's CAs when a review is needed

    def __post_init__(self) -> None:
        if self.start_from is not None and self.start_from not in STEPS:
            raise InvalidOptions(f"start_from must be one of {', '.join(STEPS)}")
        if not 0.0 <= float(self.auto_approve_above) <= 1.0:
            raise InvalidOptions("auto_approve_above must be between 0 and 1")

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> PipelineOptions:
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InvalidOptions(f"unknown option(s): {', '.join(unknown)}")
        for name in ("skip_review", "skip_validation", "force_reprocess", "notify_on_review"):
            if name in data and not isinstance(data[name], bool):
                raise InvalidOptions(f"{name} must be true or false")
        if "auto_approve_above" in data:
            value = data["auto_approve_above"]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidOptions("auto_approve_above must be a number between 0 and 1")
            data["auto_approve_above"] = float(value)
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
