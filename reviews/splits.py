"""Splitting one line item's amount across CMA rows, checked so that nothing is lost.

A split is given in one of two ways, the same for all its parts:

- shares: each part has a `share` in (0, 1] and the shares add up to 1 (a
  tolerance of 0.0001 lets a CA type 0.3333 three times and 0.3334); every
  year's amount is divided by share, rounded to the paisa, the last part taking
  the remainder so that the parts add up exactly;
- amounts: each part has `amounts` {year: rupees}; for every year of the item
  the parts add up exactly to the item's amount (a CA who knows the current
  maturity of a loan types it; the rest goes to term loans).

Pure functions, no ORM: the service stores what `normalise_split` returns.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reviews.money import PAISA, BadAmount, format_inr, to_decimal, to_rupees
from reviews.rows import is_input_key

SHARE_TOLERANCE = Decimal("0.0001")
MAX_PARTS = 10


class SplitError(ValueError):
    """A split that cannot be applied; `errors` lists every reason, in plain words."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def normalise_split(parts: list, amounts: dict[str, Decimal]) -> list[dict]:
    """Check `parts` against the item's `amounts`; the stored form of a valid split.

    Each stored part is {"cma_key", "sign", "share" (str or None), "amounts" {year: str}}.
    Raises SplitError with every problem found.
    """
    errors = _check_parts(parts)
    if errors:
        raise SplitError(errors)
    if all("share" in part and part.get("share") is not None for part in parts):
        divided = _by_shares(parts, amounts)
    else:
        divided = _by_amounts(parts, amounts)
    return [
        {
            "cma_key": part["cma_key"],
            "sign": int(part.get("sign", 1)),
            "share": str(share) if share is not None else None,
            "amounts": {year: str(value) for year, value in part_amounts.items()},
        }
        for part, (share, part_amounts) in zip(parts, divided, strict=True)
    ]


def _check_parts(parts: list) -> list[str]:
    if not isinstance(parts, list) or len(parts) < 2:
        return ["A split needs at least two parts."]
    if len(parts) > MAX_PARTS:
        return [f"A split has at most {MAX_PARTS} parts."]
    if not all(isinstance(part, dict) for part in parts):
        return ["Each part of a split is an object with cma_key, sign and share or amounts."]
    errors = []
    seen = set()
    for number, part in enumerate(parts, start=1):
        errors += _check_part(number, part)
        pair = (part.get("cma_key"), part.get("sign", 1))
        if pair in seen:
            errors.append(f"Part {number} repeats row {pair[0]} with the same sign; merge them.")
        seen.add(pair)
    modes = {"share" in part and part["share"] is not None for part in parts}
    if len(modes) > 1 or any("share" in p and "amounts" in p for p in parts):
        errors.append("Give every part a share, or every part amounts per year, not both.")
    return errors


def _check_part(number: int, part: dict) -> list[str]:
    errors = []
    key = part.get("cma_key")
    if not key or not is_input_key(str(key)):
        errors.append(f"Part {number}: {key!r} is not an input row of the CMA.")
    if part.get("sign", 1) not in (1, -1):
        errors.append(f"Part {number}: sign must be 1 or -1.")
    if part.get("share") is None and part.get("amounts") is None:
        errors.append(f"Part {number}: give a share (0 to 1) or amounts per year.")
    return errors


def _by_shares(parts: list[dict], amounts: dict[str, Decimal]) -> list[tuple]:
    shares = []
    for number, part in enumerate(parts, start=1):
        try:
            share = to_decimal(part["share"])
        except BadAmount:
            raise SplitError([f"Part {number}: share {part['share']!r} is not a number."]) from None
        if not Decimal(0) < share <= 1:
            raise SplitError([f"Part {number}: a share is more than 0 and at most 1."])
        shares.append(share)
    total = sum(shares, Decimal(0))
    if abs(total - 1) > SHARE_TOLERANCE:
        raise SplitError([f"The shares add up to {total.normalize():f}, not 1."])
    divided: list[dict[str, Decimal]] = [{} for _ in parts]
    for year, amount in amounts.items():
        given = Decimal(0)
        for index, share in enumerate(shares[:-1]):
            portion = (amount * share).quantize(PAISA, rounding=ROUND_HALF_UP)
            divided[index][year] = portion
            given += portion
        divided[-1][year] = amount - given  # the remainder: parts add up to the paisa
    return list(zip(shares, divided, strict=True))


def _by_amounts(parts: list[dict], amounts: dict[str, Decimal]) -> list[tuple]:
    errors: list[str] = []
    divided = [_part_amounts(number, part, amounts, errors) for number, part in enumerate(parts, 1)]
    if errors:
        raise SplitError(errors)
    for year, amount in amounts.items():
        total = sum((part[year] for part in divided), Decimal(0))
        if total != amount:
            errors.append(
                f"For {year} the parts add up to {format_inr(total)}, "
                f"but the item is {format_inr(amount)}."
            )
    if errors:
        raise SplitError(errors)
    return [(None, part) for part in divided]


def _part_amounts(number: int, part: dict, amounts: dict, errors: list[str]) -> dict:
    given = part.get("amounts")
    if not isinstance(given, dict):
        errors.append(f"Part {number}: amounts is an object of year to rupees.")
        return dict.fromkeys(amounts, Decimal(0))
    for year in sorted(set(given) - set(amounts)):
        years = ", ".join(sorted(amounts)) or "none"
        errors.append(f"Part {number}: {year} is not a year of this item (its years: {years}).")
    result = {}
    for year in amounts:
        try:
            result[year] = to_rupees(given.get(year, 0))
        except BadAmount as error:
            errors.append(f"Part {number}, {year}: {error}.")
            result[year] = Decimal(0)
    return result
