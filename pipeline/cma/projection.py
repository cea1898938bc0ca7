"""The estimated current year and the projected years, from the CA's assumptions.

1. Each assumption the CA left out is taken from the audited trend (the last
   actual year, or the compound growth over the actual years for sales) and
   the cover sheet says so.
2. Sales grow; cost of sales follows the gross margin; stocks, receivables
   and creditors follow the holding levels in months (Form IV); the cost
   rows keep the last actual year's mix.
3. Depreciation is a rate on the opening net block plus the year's additions;
   interest a rate on the interest-bearing debt at the start of the year (so
   that the bank borrowing of the year, when it balances the sheet, does not
   feed back into its own interest); tax and dividend/drawings follow profit.
4. Rows no assumption speaks of are carried at the last actual balance.
5. The retained profit rolls into the surplus (companies) or the capital
   account (proprietors, partners, LLPs) as a live formula.
6. The balance sheet balances because one row absorbs the difference, as
   CMA practice does: cash and bank balances by default (the bank limit is
   what the borrower asks for), or bank borrowings when the CA says so
   (`balancing_row`). The row is a formula over every other input row of the
   year, so it can never hide a difference in an actual year.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from pipeline.cma.aggregate import closing_row
from pipeline.cma.assessment import INTEREST_BEARING_DEBT
from pipeline.cma.assumptions import SPECS, Assumptions
from pipeline.cma.compute import Ledger
from pipeline.cma.formula import Amount, Const, Expr, Op, linear_terms, prev, ref, total
from pipeline.cma.loans import OTHER_DEBT, scheduled_finance
from pipeline.cma.model import AssumptionUsed, ProjectInfo
from pipeline.cma.money import rupees
from pipeline.cma.rows import FORM_III, ROW_BY_KEY

PAISA = Decimal("0.01")
DIRECT_COSTS = (
    "rm_imported",
    "rm_indigenous",
    "spares_imported",
    "spares_indigenous",
    "power_fuel",
    "direct_labour",
    "other_mfg_expenses",
)
BALANCE_SHEET_INPUTS = tuple(row.key for row in FORM_III if row.is_input)
BALANCE_SHEET_PARTS = tuple(row.key for row in FORM_III if row.is_part)
_MONTH_LEVELS = {
    "rm_months": "rm_holding_months",
    "spares_months": "spares_holding_months",
    "wip_months": "wip_holding_months",
    "fg_months": "fg_holding_months",
    "receivables_months": "receivables_months",
    "export_receivables_months": "export_receivables_months",
    "creditors_months": "creditors_months",
}


# A default that is not a flat balance: bank finance (and so the MPBF it meets) and a
# services firm's creditors (no purchases to count months of) move with the business.
GROWS_WITH_SALES = "grown with net sales each year"


def q(amount: Decimal) -> Decimal:
    return amount.quantize(PAISA, rounding=ROUND_HALF_UP)


def next_year(key: str) -> str:
    return f"FY{int(key[2:]) + 1}"


@dataclass
class Resolved:
    """Every assumption with a value: the CA's where given, else the trend's."""

    rates: dict[str, Decimal] = field(default_factory=dict)
    per_year: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    used: list[AssumptionUsed] = field(default_factory=list)
    balancing_row: str = "cash_bank"
    stated: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # the CA's, per year

    def amount(self, name: str, year: str) -> Decimal:
        return self.per_year[name][year]

    def optional(self, name: str, year: str) -> Decimal | None:
        """An amount that applies only in some years (net sales stated, a limit, drawings)."""
        return self.per_year.get(name, {}).get(year)


# Amounts that, where they apply, replace a rate: they have no trend of their own.
OPTIONAL_AMOUNTS = ("net_sales", "limit_requested", "drawings")


def resolve(project: ProjectInfo, ledger: Ledger, years: list[str]) -> Resolved:
    """Fill every assumption, from the CA, from Form I or from the actual years in `ledger`."""
    assumptions = project.assumptions
    trend = _trend(ledger)
    resolved = Resolved(balancing_row=assumptions.balancing_row, stated=assumptions.per_year)
    for name, spec in SPECS.items():
        if name in OPTIONAL_AMOUNTS:
            continue
        if spec.per_year:
            _resolve_per_year(resolved, assumptions, name, years, trend[name])
            continue
        given = assumptions.get(name)
        value, source = (given, "CA") if given is not None else trend[name]
        resolved.rates[name] = value
        resolved.used.append(AssumptionUsed(name, spec.label, _text(value), source))
    _optional(resolved, "net_sales", _stated(assumptions, "net_sales", years),
              "none stated: net sales grow at the rate above")  # fmt: skip
    _optional(resolved, "limit_requested", *_limits(project, years))
    _optional(resolved, "drawings", *_drawings(project, ledger, years))
    _replaced_by_amounts(resolved, assumptions, years)
    order = list(SPECS)
    resolved.used.sort(key=lambda used: order.index(used.name))
    return resolved


def _stated(assumptions: Assumptions, name: str, years: list[str]) -> dict[str, Decimal]:
    given = {year: assumptions.for_year(name, year) for year in years}
    return {year: value for year, value in given.items() if value is not None}


def _optional(resolved: Resolved, name: str, by_year: dict, source: str) -> None:
    """An amount for the years in `by_year` only; `source` says where it came from, or
    (when `by_year` is empty) why it does not apply."""
    resolved.per_year[name] = by_year
    if not by_year:
        text = "not applied"
    elif len(set(by_year.values())) == 1:
        years = "each year" if len(by_year) > 1 else f"in {next(iter(by_year))}"
        text = f"{rupees(next(iter(by_year.values())))} {years}"
    else:
        text = "; ".join(f"{year}: {rupees(amount)}" for year, amount in by_year.items())
    resolved.used.append(AssumptionUsed(name, SPECS[name].label, text, source))


def _replaced_by_amounts(resolved: Resolved, assumptions: Assumptions, years: list[str]) -> None:
    """Say so where an amount replaces a default: the limit is the bank borrowing of
    each year, drawings stand for the payout percentage."""
    changes: dict[str, dict[str, str]] = {}
    limits = resolved.per_year["limit_requested"]
    if limits and not _stated(assumptions, "bank_borrowings_wc", years):
        changes["bank_borrowings_wc"] = {
            "value": "the working-capital limit of each year",
            "source": "the limit requested (below) stands for the year's bank borrowing",
        }
    if years and set(resolved.per_year["drawings"]) == set(years):
        changes["dividend_payout_pct"] = {"source": "not applied: drawings are an amount (below)"}
    resolved.used = [
        replace(entry, **changes[entry.name]) if entry.name in changes else entry
        for entry in resolved.used
    ]


def _limits(project: ProjectInfo, years: list[str]) -> tuple[dict[str, Decimal], str]:
    """The CA's limit, else Form I's: the existing working-capital limits in the
    estimated year, the proposed ones in the projected years."""
    stated = _stated(project.assumptions, "limit_requested", years)
    if project.assumptions.balancing_row == "bank_borrowings_wc":
        return {}, "not applied: bank borrowings are what balances the sheet"
    if stated:
        return stated, "CA"
    existing = project.form_one.working_capital_limit("existing")
    proposed = project.form_one.working_capital_limit("proposed")
    if existing is None:
        return {}, (
            "none stated and no working-capital facility on Form I: bank borrowings grow "
            "with net sales"
        )
    by_year = {year: existing if index == 0 else proposed for index, year in enumerate(years)}
    return by_year, "Form I: existing working-capital limits in the estimated year, proposed after"


def _drawings(project: ProjectInfo, ledger: Ledger, years: list[str]) -> tuple[dict, str]:
    """The CA's drawings; else, for a proprietor, partners or an LLP whose last capital
    account shows drawings (row 15), the same amount each year: a percentage of a profit
    that may be nil would assume that the owners stop drawing."""
    stated = _stated(project.assumptions, "drawings", years)
    if stated:
        return stated, "CA"
    last = ledger.years[-1]
    drawn = ledger.value("dividend", last) or Decimal(0)
    if project.is_corporate:
        return {}, "a company: dividends follow the payout percentage above"
    if project.assumptions.get("dividend_payout_pct") is not None:
        return {}, "the CA's payout percentage above applies"
    if drawn <= 0:
        return {}, f"no drawings in {last}'s capital account: the payout percentage applies"
    return {year: drawn for year in years}, f"trend: the drawings of {last}'s capital account, held"


def _resolve_per_year(resolved, assumptions, name, years, default) -> None:
    value, source = default
    given = {year: assumptions.for_year(name, year) for year in years}
    resolved.per_year[name] = {y: value if g is None else g for y, g in given.items()}
    if name == resolved.balancing_row:
        return  # the balancing figure is computed, whatever the CA assumed
    source = "CA" if any(g is not None for g in given.values()) else source
    shown = resolved.per_year[name]
    if source.endswith(GROWS_WITH_SALES):
        text = f"{rupees(value)} at the start, grown with net sales"
    elif len(set(shown.values())) == 1:
        text = f"{rupees(next(iter(shown.values())))} each year"
    else:
        text = "; ".join(f"{year}: {rupees(amount)}" for year, amount in shown.items())
    resolved.used.append(AssumptionUsed(name, SPECS[name].label, text, source))


def _text(value: Decimal) -> str:
    return format(value.quantize(PAISA, rounding=ROUND_HALF_UP), "f")


def _trend(ledger: Ledger) -> dict[str, tuple[Decimal, str]]:
    """Default of each assumption from the actual years, with where it came from."""
    last = ledger.years[-1]
    value = lambda key: ledger.value(key, last) or Decimal(0)  # noqa: E731
    here = f"trend: {last}"
    trend = {name: (q(value(row)), here) for name, row in _MONTH_LEVELS.items()}
    if ledger.value("creditors_months", last) is None:
        trend["creditors_months"] = (Decimal(0), f"no purchases in {last}: creditors grow "
                                     "with net sales instead")  # fmt: skip
    net_sales = value("net_sales")
    trend |= {
        "sales_growth_pct": _growth(ledger),
        "gross_margin_pct": (_pct(net_sales - value("cost_of_sales"), net_sales), here),
        "sga_pct_of_sales": (_pct(value("sga_expenses"), net_sales), here),
        "depreciation_rate_pct": (
            _pct(value("depreciation"), value("net_block") + value("depreciation")),
            here,
        ),
        "interest_rate_pct": (_pct(value("interest"), _debt(ledger, last)), here),
        "tax_rate_pct": (_pct(value("tax"), value("pbt")) if value("pbt") > 0 else Decimal(0),
                         here),
        "dividend_payout_pct": (
            _pct(value("dividend"), value("pat")) if value("pat") > 0 else Decimal(0),
            here,
        ),
    }  # fmt: skip
    return trend | _amount_defaults(ledger)


def _amount_defaults(ledger: Ledger) -> dict[str, tuple[Decimal, str]]:
    last = ledger.years[-1]
    value = lambda key: ledger.value(key, last) or Decimal(0)  # noqa: E731
    none = "none stated"
    return {
        "capex": (Decimal(0), f"{none}: no capital expenditure assumed"),
        "new_term_loans": (Decimal(0), f"{none}: no new term loans assumed"),
        "term_loan_repayment": _repayment(ledger),
        "capital_introduced": (Decimal(0), f"{none}: no fresh capital assumed"),
        "nonop_income": (value("nonop_income"), f"trend: held at {last}"),
        "bank_borrowings_wc": (
            value("bank_borrowings_wc"),
            f"trend: {last}'s balance, {GROWS_WITH_SALES}",
        ),
        "cash_bank": (value("cash_bank"), f"trend: held at {last}"),
    }


def _growth(ledger: Ledger) -> tuple[Decimal, str]:
    first, last = ledger.years[0], ledger.years[-1]
    start, end = ledger.value("net_sales", first), ledger.value("net_sales", last)
    span = int(last[2:]) - int(first[2:])  # years apart, even with a year missing
    if span < 1 or not start or not end or start <= 0 or end <= 0:
        return Decimal(0), "no trend (fewer than two years of sales): no growth assumed"
    rate = ((end / start) ** (Decimal(1) / span) - 1) * 100
    return q(rate), f"trend: compound growth {first}–{last}"


def _repayment(ledger: Ledger) -> tuple[Decimal, str]:
    """Instalments due within a year are what is repaid next year; a statement that
    shows no such split repays what it repaid last year."""
    last = ledger.years[-1]
    due = ledger.value("current_maturities_ltd", last)
    if due > 0:
        return due, f"trend: instalments due within one year at {last}"
    if len(ledger.years) < 2:
        return Decimal(0), "no trend: no repayment assumed"
    before = ledger.years[-2]
    debt = lambda y: ledger.value("term_loans", y) + ledger.value("current_maturities_ltd", y)  # noqa: E731
    return max(Decimal(0), debt(before) - debt(last)), f"trend: repaid in {last}"


def _pct(part: Decimal, whole: Decimal) -> Decimal:
    return q(part * 100 / whole) if whole else Decimal(0)


def _debt(ledger: Ledger, year: str) -> Decimal:
    return sum((ledger.value(key, year) for key in INTEREST_BEARING_DEBT), Decimal(0))


@dataclass(frozen=True)
class _Basis:
    """What every projected year reads from the last actual year."""

    project: ProjectInfo
    resolved: Resolved
    mix: dict[str, Decimal]  # share of each direct cost row in their total
    written_down_value: bool  # non-corporate: WDV in gross block, no accumulated depreciation
    splits_maturities: bool  # statements that show instalments due within a year apart


def extend(ledger: Ledger, project: ProjectInfo, resolved: Resolved, years: list[str]) -> None:
    """Append the estimated and projected `years` to `ledger`, which holds the actual ones."""
    last = ledger.years[-1]
    basis = _Basis(
        project=project,
        resolved=resolved,
        mix=_cost_mix(ledger, last),
        written_down_value=ledger.value("accumulated_depreciation", last) == 0,
        splits_maturities=ledger.value("current_maturities_ltd", last) > 0,
    )
    for year in years:
        _project_year(ledger, year, basis)


def _cost_mix(ledger: Ledger, year: str) -> dict[str, Decimal]:
    amounts = {key: ledger.value(key, year) for key in DIRECT_COSTS}
    whole = sum(amounts.values(), Decimal(0))
    if not whole:
        return {key: Decimal(key == "other_mfg_expenses") for key in DIRECT_COSTS}
    return {key: amount / whole for key, amount in amounts.items()}


def _project_year(ledger: Ledger, year: str, basis: _Basis) -> None:
    prior = ledger.years[-1]

    def before(key: str) -> Decimal:
        return ledger.value(key, prior) or Decimal(0)

    carried = (*BALANCE_SHEET_INPUTS, *BALANCE_SHEET_PARTS)
    inputs = {key: before(key) for key in carried}  # carried unless assumed
    inputs |= _sales(before, basis.resolved, year)
    inputs |= _costs(before, inputs, basis, year)
    inputs |= _working_capital(before, inputs, basis.resolved)
    inputs |= _finance(before, ledger, prior, basis, year)
    if basis.project.term_loans:
        other = sum((before(key) for key in OTHER_DEBT), Decimal(0))
        rate = basis.resolved.rates["interest_rate_pct"]
        inputs |= scheduled_finance(basis.project.term_loans, year, other, rate)
    inputs |= _with_sales(before, inputs, basis.resolved, year)
    inputs |= _fixed_assets(before, inputs, basis, year)
    ledger.add_year(year, inputs)
    _tax_and_dividend(ledger, year, basis.resolved)
    _roll_equity(ledger, year, basis)
    row = basis.resolved.balancing_row
    ledger.override(row, year, balancing_formula(row))


def _sales(before, resolved: Resolved, year: str) -> dict[str, Decimal]:
    """Sales grow at the rate, or reach the net sales the CA stated for the year, the
    mix of domestic, export and duties kept (domestic taking the paisa)."""
    keys = ("sales_domestic", "sales_export", "duties_on_sales")
    target = resolved.optional("net_sales", year)
    previous = before("sales_domestic") + before("sales_export") - before("duties_on_sales")
    if target is None:
        factor = 1 + resolved.rates["sales_growth_pct"] / 100
    elif previous > 0:
        factor = target / previous
    else:
        return {"sales_domestic": target, "sales_export": Decimal(0), "duties_on_sales": Decimal(0)}
    grown = {key: q(before(key) * factor) for key in keys}
    if target is not None:
        grown["sales_domestic"] = target - grown["sales_export"] + grown["duties_on_sales"]
    return grown


def _costs(before, inputs: dict, basis: _Basis, year: str) -> dict[str, Decimal]:
    """Cost of sales from the gross margin, worked back through the stocks to the
    direct cost rows (5(i) to 5(v)), which keep the last actual year's mix."""
    rates = basis.resolved.rates
    net_sales = inputs["sales_domestic"] + inputs["sales_export"] - inputs["duties_on_sales"]
    cost_of_sales = q(net_sales * (100 - rates["gross_margin_pct"]) / 100)
    capex = basis.resolved.amount("capex", year)
    depreciation = q((before("net_block") + capex) * rates["depreciation_rate_pct"] / 100)
    closing_fg = q(rates["fg_months"] * cost_of_sales / 12)
    cost_of_production = cost_of_sales - before("inventory_fg") + closing_fg
    closing_wip = q(rates["wip_months"] * cost_of_production / 12)
    direct = cost_of_production - before("inventory_wip") + closing_wip - depreciation
    return {
        **_split(direct, basis.mix),
        "depreciation": depreciation,
        "opening_fg": before("inventory_fg"),
        "closing_fg": closing_fg,
        "inventory_fg": closing_fg,
        "opening_wip": before("inventory_wip"),
        "closing_wip": closing_wip,
        "inventory_wip": closing_wip,
        "sga_expenses": q(net_sales * rates["sga_pct_of_sales"] / 100),
        "nonop_income": basis.resolved.amount("nonop_income", year),
        "nonop_expenses": Decimal(0),  # one-off by nature: banks do not project them
    }


def _split(amount: Decimal, mix: dict[str, Decimal]) -> dict[str, Decimal]:
    """`amount` over the rows of `mix`, to the paisa, the last row taking the remainder."""
    parts = {key: q(amount * share) for key, share in mix.items()}
    parts[DIRECT_COSTS[-1]] += amount - sum(parts.values(), Decimal(0))
    return parts


def _working_capital(before, inputs: dict, resolved: Resolved) -> dict[str, Decimal]:
    months = resolved.rates
    consumed = inputs["rm_imported"] + inputs["rm_indigenous"]
    spares = inputs["spares_imported"] + inputs["spares_indigenous"]
    inventory_rm = q(months["rm_months"] * consumed / 12)
    purchases = consumed + inventory_rm - before("inventory_rm")
    domestic = inputs["sales_domestic"] - inputs["duties_on_sales"]
    return {
        "inventory_rm": inventory_rm,
        "inventory_spares": q(months["spares_months"] * spares / 12),
        "sundry_creditors": max(Decimal(0), q(months["creditors_months"] * purchases / 12)),
        "receivables_domestic": q(months["receivables_months"] * domestic / 12),
        "receivables_export": q(months["export_receivables_months"] * inputs["sales_export"] / 12),
    }


def _finance(before, ledger: Ledger, prior: str, basis: _Basis, year: str) -> dict:
    resolved = basis.resolved
    outstanding = before("term_loans") + before("current_maturities_ltd")
    raised = resolved.amount("new_term_loans", year)
    repaid = min(resolved.amount("term_loan_repayment", year), outstanding + raised)
    remaining = outstanding + raised - repaid
    due_next = resolved.per_year["term_loan_repayment"].get(next_year(year), repaid)
    due = min(due_next, remaining) if basis.splits_maturities else Decimal(0)
    other = "bank_borrowings_wc" if resolved.balancing_row == "cash_bank" else "cash_bank"
    return {
        "term_loans": remaining - due,
        "current_maturities_ltd": due,
        other: resolved.amount(other, year),
        "interest": q(_debt(ledger, prior) * resolved.rates["interest_rate_pct"] / 100),
    }


def _with_sales(before, inputs: dict, resolved: Resolved, year: str) -> dict[str, Decimal]:
    """Balances that follow the business where no holding level applies: creditors of a
    firm that buys no materials (months of nil purchases would make them nil, and its
    current ratio absurd), and bank finance the CA did not state (the limit requested,
    when there is one, else grown with sales)."""
    growth = _sales_factor(before, inputs)
    moved = {}
    if inputs["rm_imported"] + inputs["rm_indigenous"] == 0 and not inputs["sundry_creditors"]:
        moved["sundry_creditors"] = q(before("sundry_creditors") * growth)
    stated = resolved.stated.get("bank_borrowings_wc", {})
    if resolved.balancing_row == "cash_bank" and year not in stated and "*" not in stated:
        limit = resolved.optional("limit_requested", year)
        moved["bank_borrowings_wc"] = (
            q(before("bank_borrowings_wc") * growth) if limit is None else limit
        )
    return moved


def _sales_factor(before, inputs: dict) -> Decimal:
    previous = before("net_sales")
    now = inputs["sales_domestic"] + inputs["sales_export"] - inputs["duties_on_sales"]
    return now / previous if previous > 0 else Decimal(1)


def _fixed_assets(before, inputs: dict, basis: _Basis, year: str) -> dict[str, Decimal]:
    """Additions go into the gross block; a written-down-value block (non-corporates)
    also loses the year's depreciation, the others accumulate it."""
    capex = basis.resolved.amount("capex", year)
    if basis.written_down_value:
        return {"gross_block": before("gross_block") + capex - inputs["depreciation"]}
    return {
        "gross_block": before("gross_block") + capex,
        "accumulated_depreciation": before("accumulated_depreciation") + inputs["depreciation"],
    }


def _tax_and_dividend(ledger: Ledger, year: str, resolved: Resolved) -> None:
    rates = resolved.rates
    profit = ledger.value("pbt", year)
    ledger.set_inputs(year, {"tax": q(max(profit, Decimal(0)) * rates["tax_rate_pct"] / 100)})
    net = ledger.value("pat", year)
    drawn = resolved.optional("drawings", year)
    payout = q(max(net, Decimal(0)) * rates["dividend_payout_pct"] / 100)
    ledger.set_inputs(year, {"dividend": payout if drawn is None else drawn})


def _roll_equity(ledger: Ledger, year: str, basis: _Basis) -> None:
    """Retained profit into the surplus or the capital account, as a live formula;
    fresh capital into share capital (a company) or the capital account."""
    introduced = basis.resolved.amount("capital_introduced", year)
    target = closing_row(basis.project)
    terms: list[Expr] = [prev(target), ref("retained_profit")]
    if basis.project.is_corporate:
        prior = ledger.years[-2]
        issued = ledger.value("share_capital", prior) + introduced
        ledger.set_inputs(year, {"share_capital": issued})
    elif introduced:
        terms.append(Amount(introduced))
    ledger.override(target, year, total(*terms))


def balancing_formula(row: str) -> Expr:
    """`row` as total liabilities less total assets over every other input row.

    Both totals are expanded to input rows, so the formula never reads the row
    it defines, nor any total that includes it.
    """
    terms = linear_terms(ref("total_liabilities"), _formula_of)
    for key, coefficient in linear_terms(ref("total_assets"), _formula_of).items():
        terms[key] = terms.get(key, 0) - coefficient
    own = terms.pop(row)  # +1 on the liabilities side, -1 on the assets side
    added = [ref(k) for k, c in terms.items() if -c * own > 0]
    taken = [ref(k) for k, c in terms.items() if -c * own < 0]
    return Op("-", (Op("+", tuple(added) or (Const(Decimal(0)),)), *taken))


def _formula_of(key: str) -> Expr | None:
    return ROW_BY_KEY[key].formula
