"""The keys a firm's remembered decision is stored and found under.

The classifier (pipeline.classifier.normalise) owns the normalisation, since its
layer 1 looks decisions up by the same keys; this module is the one place the
review side calls it. Until that module exists, a stand-in with the same intent
(case, punctuation and spacing do not matter) keeps reviews working.
"""

from __future__ import annotations

import re

from pipeline.models import LineItem

try:
    from pipeline.classifier import normalise as _classifier_keys
    from pipeline.classifier.context import ItemContext
except ImportError:  # the classifier lands separately; see the module docstring
    _classifier_keys = None


def _stand_in_key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).split())


def keys_for(line_item: LineItem) -> tuple[str, str]:
    """(label_key, context_key) of a line item, as the classifier computes them."""
    if _classifier_keys is not None:
        context = ItemContext(
            label=line_item.label,
            section=line_item.section,
            subsection=line_item.subsection,
            statement=line_item.statement or None,
            side=line_item.side or None,
            tally_group=line_item.tally_group or None,
            column=line_item.column or None,
        )
        return _classifier_keys.label_key(line_item.label), _classifier_keys.context_key(context)
    context = " ".join(filter(None, [line_item.statement, line_item.section]))
    return _stand_in_key(line_item.label), _stand_in_key(context)


def context_text(line_item: LineItem) -> str:
    """The context as a CA reads it: 'Balance sheet › Other current liabilities › Note 9'."""
    statement = line_item.statement.replace("_", " ").capitalize()
    note = f"Note {line_item.note}" if line_item.note else ""
    return " › ".join(part for part in (statement, line_item.section, note) if part)
