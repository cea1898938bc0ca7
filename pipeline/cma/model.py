"""What the Django side hands to the CMA package, and what it gets back.

Plain dataclasses, no ORM: the generate and validate steps turn their rows
into these, so that everything here is testable against tests/data/samples
without a database. Amounts are `Decimal` rupees; years are keys such as
"FY2025" (the financial year 2024-25, ending 31 March 2025).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.checklist import Thresholds
from pipeline.cma.drawing_power import StockPosition
from pipeline.cma.form_one import FormOne
from pipeline.cma.formula import Expr
from pipeline.cma.loans import TermLoan

AUDITED = "audited"
PROVISIONAL = "provisional"
ESTIMATED = "estimated"
PROJECTED = "projected"
ERROR = "error"
WARNING = "warning"

TRIAL_BALANCE = "trial_balance"
CONSTITUTIONS = ("private_limited", "public_limited", "llp", "partnership", "proprietorship")
CORPORATE = ("private_limited", "public_limited")
UNITS = {"rupees": 0, "lakhs": 5, "crores": 7}  # power of ten of one display unit
AUTO_UNIT = "auto"  # crores from ₹100 crore of net sales in the latest actual year, else lakhs
CRORES_FROM = Decimal(1_000_000_000)


class CmaInputError(ValueError):
    """Inputs the CMA cannot be built from; the message says what to fix."""


@dataclass(frozen=True)
class Contribution:
    """What one counted line item (or one part of a split) adds to a CMA input row.

    It adds `sign * amounts[year]` to `cma_key` for each year in `counts_for`
    (the years whose counting document this item belongs to).
    """

    cma_key: str
    sign: int
    amounts: Mapping[str, Decimal]
    counts_for: tuple[str, ...]
    item_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "amounts", decimal_amounts(self.amounts))


@dataclass(frozen=True)
class LineItem:
    """A printed row as the CA and the banker see it in the trace and the JSON."""

    id: str
    file: str
    label: str
    amounts: Mapping[str, Decimal]
    page: int | None = None
    sheet: str | None = None
    row: int | None = None
    section: str = ""
    note: str | None = None
    cma_key: str | None = None
    sign: int | None = None
    confidence: float | None = None
    decision: str = "auto"  # auto, approved, reclassified, pending, excluded
    exclude_reason: str | None = None
    counts_for: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "amounts", decimal_amounts(self.amounts))


def decimal_amounts(amounts: Mapping[str, object]) -> dict[str, Decimal]:
    """Amounts as `Decimal` whatever the JSON field held: a float goes through its
    shortest text (1234.1 stays 1234.1, never 1234.09999…)."""
    try:
        return {year: Decimal(str(amount)) for year, amount in amounts.items()}
    except ArithmeticError:
        raise CmaInputError(f"Amounts must be numbers: {dict(amounts)!r}") from None


@dataclass(frozen=True)
class YearDocument:
    """The document whose figures count for one year.

    `kind` is the reader's layout; a "trial_balance" carries the opening
    balance of the surplus or capital account, so the year's profit is closed
    into it here. `status` is "audited" or "provisional". `rounding_tolerance`
    is one printed unit of a statement in lakhs or crores (₹1,000.00 for
    lakhs with two decimals): differences within it are rounding, not errors.
    """

    year: str
    file: str
    kind: str
    status: str = AUDITED
    rounding_tolerance: Decimal = Decimal(0)


@dataclass(frozen=True)
class PendingItem:
    """A line item still awaiting a CA's decision, for the validation findings."""

    id: str
    label: str
    file: str
    years: tuple[str, ...] = ()
    page: int | None = None
    sheet: str | None = None
    row: int | None = None


@dataclass
class ProjectInfo:
    company: str
    constitution: str
    industry: str = "manufacturing"
    firm: str = ""
    id: str = ""
    years_wanted: tuple[str, ...] = ()
    display_unit: str = AUTO_UNIT
    projected_years: int = 3
    assumptions: Assumptions = field(default_factory=Assumptions)
    policy: tuple[str, ...] = ()  # the firm's classification policy, one sentence each
    # The CA treats promoters' unsecured loans as quasi-equity: the contributions then
    # carry them in other_reserves (row 40) instead of other_term_liabilities (row 34);
    # the notes sheet states the choice either way.
    quasi_equity: bool = False
    # The lenders' repayment schedules (pipeline.cma.loans): interest and DSCR from them.
    term_loans: tuple[TermLoan, ...] = ()
    # Form I as the CA entered it: the borrower's particulars and its limits.
    form_one: FormOne = field(default_factory=FormOne)
    # The latest stock and book-debts statement, for the drawing power (pipeline.cma.drawing_power).
    stock_position: StockPosition | None = None
    # The bank's checklist the credit officer's check runs (pipeline.cma.bank_checks).
    checklist: Thresholds = field(default_factory=Thresholds)
    # The CA's explanation of each of its queries, by the query's id ("current_ratio:FY2026").
    query_answers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.constitution = normalise_constitution(self.constitution)
        if self.display_unit not in (*UNITS, AUTO_UNIT):
            raise CmaInputError(f"display_unit must be one of {', '.join(UNITS)} or auto.")
        if not 0 <= self.projected_years <= 10:
            raise CmaInputError("projected_years must be between 0 and 10.")

    @property
    def is_corporate(self) -> bool:
        return self.constitution in CORPORATE

    @property
    def unit_digits(self) -> int:
        if self.display_unit == AUTO_UNIT:
            raise CmaInputError("The unit is chosen when the CMA is built (build_cma).")
        return UNITS[self.display_unit]


def chosen_unit(unit: str, latest_net_sales: Decimal) -> str:
    """The display unit: the CA's, or for "auto" what banks use for a borrower of
    this size (crores from ₹100 crore of net sales, lakhs below)."""
    if unit != AUTO_UNIT:
        return unit
    return "crores" if latest_net_sales >= CRORES_FROM else "lakhs"


def normalise_constitution(text: str) -> str:
    """ "private limited company" or "private_limited" → "private_limited"."""
    words = text.strip().lower().replace("_", " ")
    if "llp" in words.split() or "liability partnership" in words:
        return "llp"
    for needle, key in (("partner", "partnership"), ("proprietor", "proprietorship"),
                        ("public", "public_limited"), ("private", "private_limited")):  # fmt: skip
        if needle in words:
            return key
    raise CmaInputError(f"Unknown constitution {text!r}; use one of {', '.join(CONSTITUTIONS)}.")


@dataclass(frozen=True)
class Year:
    key: str
    ends: date
    kind: str

    @property
    def is_actual(self) -> bool:
        return self.kind in (AUDITED, PROVISIONAL)


def year_ends(key: str) -> date:
    return date(int(key[2:]), 3, 31)


@dataclass(frozen=True)
class DerivedItem:
    """An amount no document prints: a trial balance's profit closed into capital."""

    cma_key: str
    year: str
    amount: Decimal
    reason: str
    file: str


@dataclass(frozen=True)
class Finding:
    code: str
    level: str  # "error" or "warning"
    year: str
    message: str
    details: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AssumptionUsed:
    """One resolved assumption for the cover sheet: what, how much, and from where."""

    name: str
    label: str
    value: str
    source: str  # "CA", "Form I: ..." or a default's origin ("trend: ...")

    @property
    def entered_by(self) -> str:
        """Who gave the value: the CA, Form I's limits, or a default."""
        if self.source == "CA":
            return "CA"
        return "Form I" if self.source.startswith("Form I") else "Default"


@dataclass
class Cma:
    """A computed CMA: every row of Forms II to VI and every ratio, for every year.

    `values[key][year]` is a `Decimal` (None for a ratio over a zero divisor or
    a change in the first year). `formulas` holds the input rows of estimated
    and projected years that are formulas (the balancing row, the surplus or
    capital carried forward); the workbook writes them as live formulas.
    """

    project: ProjectInfo
    years: tuple[Year, ...]
    values: dict[str, dict[str, Decimal | None]]
    formulas: dict[tuple[str, str], Expr]
    documents: tuple[YearDocument, ...] = ()
    derived: tuple[DerivedItem, ...] = ()
    line_items: tuple[LineItem, ...] = ()
    assumptions: tuple[AssumptionUsed, ...] = ()
    balancing_row: str = "cash_bank"

    @property
    def year_keys(self) -> list[str]:
        return [year.key for year in self.years]

    @property
    def actual_years(self) -> list[str]:
        return [year.key for year in self.years if year.is_actual]

    def value(self, key: str, year: str) -> Decimal | None:
        return self.values[key][year]

    def tolerance(self, year: str) -> Decimal:
        """Rounding of the statement that counts for `year` (zero in rupees)."""
        return next((d.rounding_tolerance for d in self.documents if d.year == year), Decimal(0))
