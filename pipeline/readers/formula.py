"""A fallback for formulas saved without their cached value.

Excel stores the last computed value of every formula; a workbook written by a
program (some Tally-to-Excel tools, openpyxl itself) may not. The formulas such
exports carry are sums: `=B8`, `=F8+F9+F10`, `=55957.50+23981.79`,
`=SUM(B8:B12)`. Anything else yields None and the cell is read as empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from pipeline.readers.grid import column_letter

_TOKEN = re.compile(
    r"\s*(?:(?P<sum>SUM\((?P<args>[^()]*)\))|(?P<ref>\$?[A-Z]{1,3}\$?\d+)"
    r"|(?P<num>\d+(?:\.\d+)?)|(?P<op>[+-]))",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$", re.IGNORECASE)

Lookup = Callable[[str], Decimal | None]


def evaluate(formula: str, lookup: Lookup) -> Decimal | None:
    """Value of a sum-only formula, looking other cells up by A1 reference."""
    body = formula.strip().lstrip("=")
    total, sign, position, expect_term = Decimal(0), 1, 0, True
    while position < len(body):
        match = _TOKEN.match(body, position)
        if not match or not match.group(0).strip():
            return None
        position = match.end()
        if match["op"]:
            sign = -sign if match["op"] == "-" else sign
            expect_term = True
            continue
        if not expect_term:
            return None
        term = _term(match, lookup)
        if term is None:
            return None
        total += sign * term
        sign, expect_term = 1, False
    return None if expect_term else total


def _term(match: re.Match, lookup: Lookup) -> Decimal | None:
    if match["num"]:
        try:
            return Decimal(match["num"])
        except InvalidOperation:
            return None
    if match["ref"]:
        return lookup(match["ref"].replace("$", "").upper()) or Decimal(0)
    return _sum(match["args"], lookup)


def _sum(args: str, lookup: Lookup) -> Decimal | None:
    total = Decimal(0)
    for arg in filter(None, (a.strip() for a in args.split(","))):
        refs = _expand(arg)
        if refs is None:
            return None
        total += sum((lookup(ref) or Decimal(0) for ref in refs), Decimal(0))
    return total


def _expand(arg: str) -> list[str] | None:
    if re.fullmatch(r"\$?[A-Z]{1,3}\$?\d+", arg, re.IGNORECASE):
        return [arg.replace("$", "").upper()]
    match = _RANGE.match(arg)
    if not match:
        return None
    col1, row1, col2, row2 = match.groups()
    cols = range(_col_number(col1), _col_number(col2) + 1)
    rows = range(int(row1), int(row2) + 1)
    if len(cols) * len(rows) > 100_000:
        return None
    return [f"{column_letter(c)}{r}" for r in rows for c in cols]


def _col_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number
