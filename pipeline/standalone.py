"""Classifying line items without a project (spec/cma-json.md, last section).

The API (`POST /api/v1/classify`) and `manage.py cma_classify` take the same
objects and answer each with `cma_key`, `sign`, `confidence` and `evidence`
added, in the same order. A firm's remembered decisions and policy apply when
a firm is given.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext
from pipeline.classifier.external import ExternalClassifier
from pipeline.classifier.memory import Memory
from pipeline.classifier.policy import Policy
from pipeline.readers.document import STATEMENTS
from projects.models import Constitution, Firm, Industry
from reviews.services import remembered_for

TEXT_FIELDS = (
    "section",
    "subsection",
    "note",
    "sheet",
    "file",
    "side",
    "tally_group",
    "column",
    "table",
)


class InvalidItem(ValueError):
    """An input object that cannot be classified; the message names the line and the field."""


def classify_objects(objects: list[Any], firm: Firm | None = None) -> list[dict]:
    """The objects with `cma_key`, `sign`, `confidence` and `evidence` added, in order."""
    contexts = [_context(position, obj) for position, obj in enumerate(objects, start=1)]
    verdicts = _classifier(firm).classify(contexts)
    return [
        {
            **obj,
            "cma_key": v.cma_key,
            "sign": v.sign,
            "confidence": round(v.confidence, 4),
            "evidence": v.evidence,
        }
        for obj, v in zip(objects, verdicts, strict=True)
    ]


def _classifier(firm: Firm | None) -> Classifier:
    policy = Policy.from_dict(firm.classification_policy if firm else {})
    memory = Memory(remembered_for(firm)) if firm else None
    external = ExternalClassifier.from_settings(
        settings.CLASSIFIER_LLM_URL,
        settings.CLASSIFIER_LLM_API_KEY,
        settings.CLASSIFIER_LLM_MODEL,
        timeout=settings.CLASSIFIER_LLM_TIMEOUT,
    )
    return Classifier(policy, memory, external)


def _context(position: int, obj: Any) -> ItemContext:
    if not isinstance(obj, dict):
        raise InvalidItem(f"item {position}: expected a JSON object")
    if obj.get("id") in (None, "") or not isinstance(obj.get("label"), str):
        raise InvalidItem(f"item {position}: 'id' and a text 'label' are required")
    _check_choice(position, obj, "statement", STATEMENTS)
    _check_choice(position, obj, "constitution", Constitution.values)
    _check_choice(position, obj, "industry", Industry.values)
    texts = {name: _text(position, obj, name) for name in TEXT_FIELDS}
    return ItemContext(
        label=obj["label"],
        section=texts.pop("section") or "",
        subsection=texts.pop("subsection") or "",
        statement=obj.get("statement"),
        amounts=_amounts(position, obj.get("amounts")),
        constitution=obj.get("constitution"),
        industry=obj.get("industry"),
        **texts,
    )


def _check_choice(position: int, obj: dict, name: str, choices) -> None:
    value = obj.get(name)
    if value is not None and value not in choices:
        raise InvalidItem(f"item {position}: '{name}' must be one of {', '.join(choices)} or null")


def _text(position: int, obj: dict, name: str) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str | int):
        raise InvalidItem(f"item {position}: '{name}' must be text")
    return str(value)


def _amounts(position: int, amounts: Any) -> dict[str, Decimal]:
    if amounts is None:
        return {}
    if not isinstance(amounts, dict):
        raise InvalidItem(f"item {position}: 'amounts' must map years to numbers")
    try:
        return {
            str(year): Decimal(str(value)) for year, value in amounts.items() if value is not None
        }
    except InvalidOperation:
        raise InvalidItem(f"item {position}: 'amounts' must map years to numbers") from None
