"""The CA's assumptions for the estimated and projected years.

Every assumption is optional: one the CA leaves out takes its default from the
audited trend (`pipeline.cma.projection` resolves it and says where each value
came from, for the cover sheet). Percentages are written as numbers of
percent (12.5 means 12.5 %), holding levels in months, amounts in rupees.
Amounts that differ by year take either one number (every projected year) or
{"FY2027": ..., "FY2028": ...}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

PER_YEAR = "per_year"
BALANCING_ROWS = ("cash_bank", "bank_borrowings_wc")
_YEAR = re.compile(r"^FY\d{4}$")


class AssumptionError(ValueError):
    """An assumption the CA gave that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Spec:
    label: str
    low: Decimal | None = None
    high: Decimal | None = None
    per_year: bool = False


_PCT = {"low": Decimal(0), "high": Decimal(100)}
_MONTHS = {"low": Decimal(0), "high": Decimal(36)}

SPECS: dict[str, Spec] = {
    "sales_growth_pct": Spec("Growth in net sales (% a year)", Decimal(-100), Decimal(1000)),
    "net_sales": Spec("Net sales (₹; a year stated here overrides the growth)", Decimal(0),
                      per_year=True),
    "gross_margin_pct": Spec("Gross margin: (net sales − cost of sales) / net sales (%)",
                             Decimal(-100), Decimal(100)),
    "sga_pct_of_sales": Spec("Selling, general and administrative expenses (% of net sales)",
                             **_PCT),
    "rm_months": Spec("Raw materials held (months' consumption)", **_MONTHS),
    "spares_months": Spec("Consumable spares held (months' consumption)", **_MONTHS),
    "wip_months": Spec("Stock-in-process held (months' cost of production)", **_MONTHS),
    "fg_months": Spec("Finished goods held (months' cost of sales)", **_MONTHS),
    "receivables_months": Spec("Domestic receivables (months' net domestic sales)", **_MONTHS),
    "export_receivables_months": Spec("Export receivables (months' export sales)", **_MONTHS),
    "creditors_months": Spec("Sundry creditors (months' purchases)", **_MONTHS),
    "depreciation_rate_pct": Spec("Depreciation (% of opening net block plus additions)",
                                  **_PCT),
    "interest_rate_pct": Spec("Interest (% of interest-bearing debt at the start of the year)",
                              **_PCT),
    "tax_rate_pct": Spec("Tax (% of profit before tax)", **_PCT),
    "dividend_payout_pct": Spec("Dividend / drawings (% of net profit)", Decimal(0),
                                Decimal(1000)),
    "drawings": Spec("Drawings / dividend paid (₹; overrides the percentage)", Decimal(0),
                     per_year=True),
    "capex": Spec("Capital expenditure (₹)", Decimal(0), per_year=True),
    "new_term_loans": Spec("New term loans raised (₹)", Decimal(0), per_year=True),
    "term_loan_repayment": Spec("Term loans repaid (₹)", Decimal(0), per_year=True),
    "capital_introduced": Spec("Capital introduced / shares issued (₹)", per_year=True),
    "nonop_income": Spec("Non-operating income (₹)", Decimal(0), per_year=True),
    "limit_requested": Spec("Working-capital limit requested (₹): the bank borrowing of the "
                            "year", Decimal(0), per_year=True),
    "bank_borrowings_wc": Spec("Bank borrowings for working capital at the year end (₹)",
                               Decimal(0), per_year=True),
    "cash_bank": Spec("Cash and bank balances at the year end (₹)", Decimal(0),
                      per_year=True),
}  # fmt: skip

PerYear = dict[str, Decimal]  # {"*": every year} or {"FY2027": ..., ...}


@dataclass
class Assumptions:
    """What the CA states; None (or an empty per-year dict) means "from the trend".

    `balancing_row` names the row that absorbs the difference in a projected
    balance sheet: "cash_bank" (the default, as most CMA formats do: the bank
    limit is what the borrower asks for and cash is what is left) or
    "bank_borrowings_wc" (the bank finance needed to balance).
    """

    values: dict[str, Decimal] = field(default_factory=dict)
    per_year: dict[str, PerYear] = field(default_factory=dict)
    balancing_row: str = "cash_bank"

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Assumptions:
        """Read the project's assumptions JSON; AssumptionError names any bad key or value."""
        result = cls()
        for name, raw in (data or {}).items():
            if raw is None:
                continue
            if name == "balancing_row":
                result.balancing_row = _balancing_row(raw)
            elif name not in SPECS:
                known = ", ".join(sorted([*SPECS, "balancing_row"]))
                raise AssumptionError(f"Unknown assumption {name!r}; known: {known}.")
            elif SPECS[name].per_year:
                result.per_year[name] = _per_year(name, raw)
            else:
                result.values[name] = _checked(name, raw)
        return result

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: numbers as strings (exact), only what the CA stated."""
        data: dict[str, Any] = {name: str(value) for name, value in self.values.items()}
        for name, by_year in self.per_year.items():
            data[name] = (
                str(by_year["*"])
                if set(by_year) == {"*"}
                else {year: str(value) for year, value in by_year.items()}
            )
        if self.balancing_row != "cash_bank":
            data["balancing_row"] = self.balancing_row
        return data

    def get(self, name: str) -> Decimal | None:
        return self.values.get(name)

    def for_year(self, name: str, year: str) -> Decimal | None:
        by_year = self.per_year.get(name, {})
        return by_year.get(year, by_year.get("*"))


def _balancing_row(raw: Any) -> str:
    if raw not in BALANCING_ROWS:
        raise AssumptionError(
            f"balancing_row must be one of {', '.join(BALANCING_ROWS)}, not {raw!r}."
        )
    return raw


def _per_year(name: str, raw: Any) -> PerYear:
    if not isinstance(raw, dict):
        return {"*": _checked(name, raw)}
    result = {}
    for year, value in raw.items():
        if not isinstance(year, str) or not _YEAR.match(year):
            raise AssumptionError(f"{name}: {year!r} is not a year key such as 'FY2027'.")
        result[year] = _checked(f"{name} for {year}", value, SPECS[name])
    return result


def _checked(name: str, raw: Any, spec: Spec | None = None) -> Decimal:
    spec = spec or SPECS[name]
    value = _number(name, raw)
    if spec.low is not None and value < spec.low:
        raise AssumptionError(f"{name} is {value}; it cannot be below {spec.low}.")
    if spec.high is not None and value > spec.high:
        raise AssumptionError(f"{name} is {value}; it cannot be above {spec.high}.")
    return value


def _number(name: str, raw: Any) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
        raise AssumptionError(f"{name} must be a number, not {raw!r}.")
    try:
        # A float from a JSON body goes through its shortest text: 12.5, not 12.4999…
        value = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        raise AssumptionError(f"{name} must be a number, not {raw!r}.") from None
    if not value.is_finite():
        raise AssumptionError(f"{name} must be a finite number, not {raw!r}.")
    return value
