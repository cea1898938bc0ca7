"""Form I: the borrower's particulars and its existing and proposed limits per facility.

No statement prints these: the CA enters them on the project (the portal's
Form I page or `PUT /api/v1/projects/{id}/form-i`), and the workbook prints
them as its first sheet, as a bank's CMA format opens. The labels here are
the ones the portal, the sheet and the JSON share.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# (key, label) of each particular, in the order Form I prints them.
PARTICULARS = (
    ("registered_office", "Registered office"),
    ("works_address", "Works / place of business"),
    ("incorporated_on", "Date of incorporation or establishment"),
    ("pan", "PAN"),
    ("gstin", "GSTIN"),
    ("cin", "CIN / LLPIN"),
    ("activity", "Nature of business / activity"),
    ("promoters", "Promoters, directors or partners"),
    ("banker", "Existing banker(s)"),
)
PARTICULAR_LABELS = dict(PARTICULARS)

# Fund-based facilities draw money; non-fund-based ones (guarantees, letters of credit)
# are the bank's undertakings. Form I totals each kind apart, as banks sanction them.
FUND_BASED = {
    "cash_credit": "Cash credit",
    "overdraft": "Overdraft",
    "wcdl": "Working capital demand loan",
    "packing_credit": "Packing credit (export)",
    "bill_discounting": "Bills purchased / discounted",
    "term_loan": "Term loan",
}
NON_FUND_BASED = {
    "letter_of_credit": "Letter of credit",
    "bank_guarantee": "Bank guarantee",
}
# The facilities that finance working capital: the bank borrowings of Form III, row 21.
WORKING_CAPITAL = ("cash_credit", "overdraft", "wcdl", "packing_credit", "bill_discounting")
FACILITY_KINDS = {**FUND_BASED, **NON_FUND_BASED, "other": "Other facility"}
# Drawing power margins when the CA sets none for a facility.
STOCK_MARGIN_PCT = Decimal(25)
RECEIVABLES_MARGIN_PCT = Decimal(40)


@dataclass(frozen=True)
class Facility:
    """One limit: what the borrower has now and what it asks for, in rupees."""

    kind: str
    existing: Decimal = Decimal(0)
    proposed: Decimal = Decimal(0)
    bank: str = ""
    name: str = ""  # the CA's own name for it ("CC hypothecation of stock"); else the kind's
    security: str = ""
    stock_margin_pct: Decimal = STOCK_MARGIN_PCT
    receivables_margin_pct: Decimal = RECEIVABLES_MARGIN_PCT

    @property
    def title(self) -> str:
        return self.name or FACILITY_KINDS.get(self.kind, self.kind)

    @property
    def fund_based(self) -> bool:
        return self.kind not in NON_FUND_BASED


@dataclass(frozen=True)
class FormOne:
    """What the CA entered; `particulars` holds only the particulars given, in order."""

    particulars: tuple[tuple[str, str], ...] = ()
    facilities: tuple[Facility, ...] = ()

    @classmethod
    def of(cls, particulars: dict[str, str], facilities: list[Facility]) -> FormOne:
        given = tuple(
            (key, str(particulars[key]).strip())
            for key, _ in PARTICULARS
            if str(particulars.get(key) or "").strip()
        )
        return cls(given, tuple(facilities))

    def total(self, part: str, fund_based: bool) -> Decimal:
        """Sum of `part` ("existing" or "proposed") over one kind of facility."""
        return sum(
            (getattr(f, part) for f in self.facilities if f.fund_based == fund_based),
            Decimal(0),
        )

    def working_capital_limit(self, part: str) -> Decimal | None:
        """Sum of `part` over the working-capital facilities; None when none is entered."""
        facilities = [f for f in self.facilities if f.kind in WORKING_CAPITAL]
        if not facilities:
            return None
        return sum((getattr(f, part) for f in facilities), Decimal(0))
