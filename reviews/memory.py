"""The keys a firm's remembered decision is stored and found under.

The classifier owns them (pipeline.classifier.normalise): its layer 1 looks a
decision up by label_key and context_key of the item as pipeline.item_context
presents it, so the review side computes them through the same two calls.
"""

from __future__ import annotations

from pipeline.classifier.normalise import context_key, label_key
from pipeline.item_context import item_context
from pipeline.models import LineItem


def keys_for(line_item: LineItem) -> tuple[str, str]:
    """(label_key, context_key) of a line item, exactly as the classify step computes them."""
    return label_key(line_item.label), context_key(item_context(line_item))


def context_text(line_item: LineItem) -> str:
    """The context as a CA reads it: 'Balance sheet › Other current liabilities › Note 9'."""
    statement = line_item.statement.replace("_", " ").capitalize()
    note = f"Note {line_item.note}" if line_item.note else ""
    return " › ".join(part for part in (statement, line_item.section, note) if part)
