"""Drawing power from a stock and book-debts statement, against the limit.

DP = (stock − creditors for goods) × (1 − stock margin)
     + receivables up to 90 days × (1 − receivables margin)

The margins are the facility's (Form I), 25 % on stock and 40 % on
receivables by default; the borrower may draw the lower of the DP and the
sanctioned limit. The statement is the CA's (read from the borrower's Excel
statement or entered by hand); no statement, no drawing power.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pipeline.cma.form_one import (
    RECEIVABLES_MARGIN_PCT,
    STOCK_MARGIN_PCT,
    WORKING_CAPITAL,
    Facility,
    FormOne,
)

PAISA = Decimal("0.01")


@dataclass(frozen=True)
class StockPosition:
    """A stock statement's figures, in rupees, and where they came from."""

    stock: Decimal
    creditors_for_goods: Decimal
    receivables_under_90: Decimal
    receivables_over_90: Decimal = Decimal(0)
    period: str = ""
    source: str = "entered by the CA"


@dataclass(frozen=True)
class DrawingPower:
    position: StockPosition
    facility: str  # the facility whose margins and limit apply, or "" for none
    stock_margin_pct: Decimal
    receivables_margin_pct: Decimal
    paid_stock: Decimal  # stock less creditors for goods, never below nil
    stock_dp: Decimal
    receivables_dp: Decimal
    limit: Decimal | None  # the facility's existing (sanctioned) limit
    proposed_limit: Decimal | None

    @property
    def drawing_power(self) -> Decimal:
        return self.stock_dp + self.receivables_dp

    @property
    def available(self) -> Decimal:
        """What may be drawn: the lower of the DP and the limit."""
        return self.drawing_power if self.limit is None else min(self.drawing_power, self.limit)

    @property
    def shortfall(self) -> Decimal:
        """How far the DP falls short of the limit (nil when it covers it)."""
        if self.limit is None:
            return Decimal(0)
        return max(Decimal(0), self.limit - self.drawing_power)


def drawing_power(position: StockPosition, form_one: FormOne) -> DrawingPower:
    """The DP with the margins and limit of the first working-capital facility on Form I
    (the cash credit a stock statement is filed for), else the default margins."""
    facility = _facility(form_one)
    stock_margin = facility.stock_margin_pct if facility else STOCK_MARGIN_PCT
    debtors_margin = facility.receivables_margin_pct if facility else RECEIVABLES_MARGIN_PCT
    paid = max(Decimal(0), position.stock - position.creditors_for_goods)
    return DrawingPower(
        position=position,
        facility=facility.title if facility else "",
        stock_margin_pct=stock_margin,
        receivables_margin_pct=debtors_margin,
        paid_stock=paid,
        stock_dp=_q(paid * (100 - stock_margin) / 100),
        receivables_dp=_q(position.receivables_under_90 * (100 - debtors_margin) / 100),
        limit=facility.existing if facility else None,
        proposed_limit=facility.proposed if facility else None,
    )


def _facility(form_one: FormOne) -> Facility | None:
    return next((f for f in form_one.facilities if f.kind in WORKING_CAPITAL), None)


def _q(amount: Decimal) -> Decimal:
    return amount.quantize(PAISA, rounding=ROUND_HALF_UP)
