"""The input rows of the CMA (pipeline.cma.rows): the only rows an item may be reviewed into.

A thin view of the one catalogue, grouped the way a CA looks for a row in the
row select: operating statement, then the balance sheet's liabilities and assets.
"""

from __future__ import annotations

from pipeline.classifier.sections import same_statement
from pipeline.cma.rows import FORM_II, FORM_III, Row
from pipeline.readers.document import STATEMENTS

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


def picker_rows() -> list[tuple[str, list[tuple[Row, str]]]]:
    """The row picker's groups: each row with the statements whose items it may take
    without a confirmation ("balance_sheet", "profit_and_loss trading manufacturing")."""
    return [(title, [(row, _statements_taken(row.key)) for row in rows]) for title, rows in _GROUPS]


def _statements_taken(key: str) -> str:
    return " ".join(s for s in STATEMENTS if same_statement(s, key))


def statement_title(statement: str) -> str:
    """ "Balance sheet", "Profit and loss", "Manufacturing"; "" when the reader did not say."""
    return statement.replace("_", " ").capitalize()


def crosses_statements(statement: str, key: str) -> bool:
    """Whether row `key` lies on another statement's form than the item's own (the
    classifier's statement guard, with its one exception for appropriations)."""
    return bool(key) and not same_statement(statement or None, key)


class NoSuchRow(ValueError):
    """What the CA typed names no row, or more than one: the message says which."""


def resolve_row(typed: str) -> Row:
    """The input row a CA means by `typed`: its key, its exact number ("6", "5(v)"), or
    words of its label that only one row has. A number never matches by prefix: "6" is
    row 6, never row 60."""
    text = " ".join(typed.split()).lower()
    if not text:
        raise NoSuchRow("Choose a row: type its number or words of its name.")
    for row in INPUT_ROWS:
        if text in (row.key, row.number.lower()):
            return row
    words = text.split()
    found = [row for row in INPUT_ROWS if all(word in row.label.lower() for word in words)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise NoSuchRow(f"No row is numbered or named “{typed}”.")
    named = ", ".join(f"{row.number} {row.label}" for row in found[:6])
    raise NoSuchRow(f"Several rows match “{typed}” ({named}): type the row's number.")
