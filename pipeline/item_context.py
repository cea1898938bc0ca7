"""A stored line item as the classifier sees it: one place, so that the classify step
and the reviews' remembered decisions key a label and its context the same way."""

from __future__ import annotations

from pipeline.classifier.context import ItemContext
from pipeline.models import LineItem
from reviews.money import amounts_of


def item_context(line_item: LineItem, *, constitution: str = "", industry: str = "") -> ItemContext:
    return ItemContext(
        label=line_item.label,
        section=line_item.section,
        subsection=line_item.subsection,
        note=line_item.note or None,
        statement=line_item.statement or None,
        side=line_item.side or None,
        tally_group=line_item.tally_group or None,
        column=line_item.column or None,
        table=line_item.table or None,
        sheet=line_item.sheet or None,
        file=line_item.source_file.original_name,
        amounts=amounts_of(line_item.amounts),
        constitution=constitution or None,
        industry=industry or None,
        exclude_reason=line_item.exclude_reason or None,
    )
