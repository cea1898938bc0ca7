"""The input rows of the CMA (pipeline.cma.rows): the only rows an item may be reviewed into.

A thin view of the one catalogue, grouped the way a CA looks for a row in the
row select: operating statement, then the balance sheet's liabilities and assets.
"""

from __future__ import annotations

from pipeline.cma.rows import FORM_II, FORM_III, Row

FORM_II_TITLE = "Form II: operating statement"
LIABILITIES_TITLE = "Form III: liabilities"
ASSETS_TITLE = "Form III: assets"

# Form III lists the liabilities first, up to and including their total.
_LAST_LIABILITY = [row.key for row in FORM_III].index("total_liabilities")

_GROUPS: list[tuple[str, list[Row]]] = [
    (FORM_II_TITLE, [row for row in FORM_II if row.is_input]),
    (LIABILITIES_TITLE, [row for row in FORM_III[: _LAST_LIABILITY + 1] if row.is_input]),
    (ASSETS_TITLE, [row for row in FORM_III[_LAST_LIABILITY + 1 :] if row.is_input]),
]
INPUT_ROWS: tuple[Row, ...] = tuple(row for _, rows in _GROUPS for row in rows)
ROWS_BY_KEY: dict[str, Row] = {row.key: row for row in INPUT_ROWS}


def is_input_key(key: str) -> bool:
    return key in ROWS_BY_KEY


def row_title(key: str) -> str:
    """ "18 Short-term borrowings from banks …" for a key; the key itself if unknown."""
    row = ROWS_BY_KEY.get(key)
    return f"{row.number} {row.label}" if row else key


def rows_by_form() -> list[tuple[str, list[Row]]]:
    """The input rows grouped as the bank's forms group them, for a select's optgroups."""
    return _GROUPS
