"""The review step's amounts to confirm: figures OCR read that the arithmetic did not confirm.

The extract step leaves, on each line item read from a scan, the figures a CA
must confirm (`LineItem.ocr_checks`). Here each such row gets one review item
of kind AMOUNT, with the crop of its printed row, so that no misread figure
is ever kept without a CA seeing it. Like the classification items, an item
survives a re-extraction of the same printed row (by its fingerprint), and a
CA's confirmation is never touched here.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import NamedTuple

from pipeline.models import LineItem
from pipeline.readers.ocr_crop import row_crops
from projects.models import Project
from reviews.models import ReviewItem

AMOUNT = ReviewItem.Kind.AMOUNT


class AmountItems(NamedTuple):
    rows: dict[str, LineItem]  # fingerprint -> row with figures to confirm
    new: list[ReviewItem]  # items still to create, their crops rendered


def prepare_amount_items(project: Project, fingerprint) -> AmountItems:
    """The rows to ask about and the new items, crops rendered (slow: outside a transaction).

    `fingerprint` is the review step's identity of a printed row.
    """
    rows = {
        _key(fingerprint(line)): line
        for line in LineItem.objects.filter(project=project)
        .exclude(ocr_checks={})
        .select_related("source_file")
    }
    known = set(
        project.review_items.filter(kind=AMOUNT, fingerprint__in=rows).values_list(
            "fingerprint", flat=True
        )
    )
    new = [_item(project, key, line) for key, line in rows.items() if key not in known]
    _add_crops(new)
    return AmountItems(rows, new)


def sync_amount_items(project: Project, prepared: AmountItems) -> int:
    """Create, relink or drop the project's amount items; the number created."""
    rows = prepared.rows
    existing = {item.fingerprint: item for item in project.review_items.filter(kind=AMOUNT)}
    ReviewItem.objects.filter(pk__in=[i.pk for k, i in existing.items() if k not in rows]).delete()
    for key, item in existing.items():
        line = rows.get(key)
        if line is not None and item.amount_line_id != line.pk:
            item.amount_line = line
            item.save(update_fields=["amount_line", "updated_at"])
    new = [item for item in prepared.new if item.fingerprint not in existing]
    ReviewItem.objects.bulk_create(new)
    return len(new)


def _key(row_fingerprint: str) -> str:
    return hashlib.sha256(f"amount\x1f{row_fingerprint}".encode()).hexdigest()


def _item(project: Project, key: str, line: LineItem) -> ReviewItem:
    checks = line.ocr_checks
    return ReviewItem(
        project=project,
        kind=AMOUNT,
        amount_line=line,
        fingerprint=key,
        amounts_read={year: check["read"] for year, check in checks.items()},
        amounts_proposed={
            year: check["proposed"] for year, check in checks.items() if check.get("proposed")
        },
        checks={year: check["reason"] for year, check in checks.items()},
        ocr_confidence={year: check["confidence"] for year, check in checks.items()},
        evidence="; ".join(dict.fromkeys(check["reason"] for check in checks.values())),
    )


def _add_crops(items: list[ReviewItem]) -> None:
    """Render each item's printed row, page by page of each file (one render per page)."""
    by_page: dict[tuple, list[ReviewItem]] = defaultdict(list)
    for item in items:
        line = item.amount_line
        by_page[(line.source_file_id, line.page)].append(item)
    for (_, page), group in by_page.items():
        source = group[0].amount_line.source_file
        with source.file.open("rb") as handle:
            data = handle.read()
        boxes = [_row_box(item.amount_line) for item in group]
        for item, crop in zip(group, row_crops(data, None, page, boxes), strict=True):
            item.crop = crop


def _row_box(line: LineItem) -> tuple[float, float, float, float]:
    """The box around every figure of the row asked about (all sit on the printed row)."""
    boxes = [check["box"] for check in line.ocr_checks.values()]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
