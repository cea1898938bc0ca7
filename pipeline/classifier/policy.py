"""The treatments CAs disagree on, as firm settings.

Each setting has a documented default that follows the conventions of
tests/data/samples/README.md. The firm stores `Policy.to_dict()` as JSON; the
workbook's notes sheet prints `Policy.describe()` so a banker sees the choices.
The vocabulary refers to a treatment as '@name' (terms.csv); `resolve` turns
it into the row this firm uses.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


class PolicyError(ValueError):
    """A firm setting that does not exist or has a value the classifier cannot apply."""


# setting -> {choice: (what the notes sheet says it does)}; the first choice is the default.
SETTINGS: dict[str, dict[str, str]] = {
    "director_remuneration": {
        "sga_expenses": "Directors' remuneration is an administrative expense (row 6).",
        "direct_labour": "Directors' remuneration is direct labour (row 5(iv)).",
    },
    "export_incentives": {
        "sales_export": "Export incentives (duty drawback, RoDTEP) are export sales (row 1(ii)).",
        "nonop_income": "Export incentives are non-operating income (row 11(i)).",
    },
    "repairs": {
        "split": "Repairs to machinery and factory are manufacturing expenses (row 5(v)); "
        "repairs to buildings and others are administrative expenses (row 6).",
        "manufacturing": "All repairs and maintenance are manufacturing expenses (row 5(v)).",
        "administrative": "All repairs and maintenance are administrative expenses (row 6).",
    },
    "promoter_loans": {
        "term_liability": "Unsecured loans from promoters, directors, partners and relatives "
        "are other term liabilities (row 34).",
        "quasi_equity": "Unsecured loans from promoters, directors, partners and relatives "
        "are quasi-equity, shown with other reserves in net worth (row 40).",
    },
    "bank_charges": {
        "interest": "Bank charges and commission are finance charges (row 9).",
        "sga_expenses": "Bank charges and commission are administrative expenses (row 6).",
    },
    "fixed_deposits": {
        "investments_current": "Fixed deposits and margin money with banks are current "
        "investments (row 45).",
        "cash_bank": "Fixed deposits and margin money with banks are bank balances (row 44).",
    },
    "scrap_sales": {
        "sales_domestic": "Sale of scrap is part of sales (row 1(i)).",
        "nonop_income": "Sale of scrap is non-operating income (row 11(i)).",
    },
    "partners_remuneration": {
        "sga_expenses": "Partners' remuneration is an administrative expense (row 6).",
        "dividend": "Partners' remuneration is an appropriation of profit, like drawings (row 15).",
    },
    "interest_on_capital": {
        "interest": "Interest on partners' or the proprietor's capital is a finance "
        "charge (row 9).",
        "dividend": "Interest on partners' or the proprietor's capital is an appropriation "
        "of profit, like drawings (row 15).",
    },
    "proprietor_income_tax": {
        "dividend": "A proprietor's income tax paid out of the business is drawings (row 15); "
        "the proprietor's profit and loss account carries no tax.",
        "tax": "A proprietor's income tax paid out of the business is a provision for "
        "taxes (row 13).",
    },
    "manufacturer_staff_costs": {
        "split": "A manufacturer's factory wages are direct labour (row 5(iv)); its salaries, "
        "bonus, PF/ESI, gratuity and staff welfare are administrative expenses (row 6).",
        "direct_labour": "A manufacturer's whole employee cost (salaries, wages, bonus, PF/ESI, "
        "gratuity and staff welfare) is direct labour (row 5(iv)).",
    },
    "packing_forwarding": {
        "as_printed": "Packing and forwarding charges printed among direct or manufacturing "
        "expenses are manufacturing expenses (row 5(v)); elsewhere selling expenses (row 6).",
        "manufacturing": "Packing and forwarding charges are manufacturing expenses (row 5(v)).",
        "selling": "Packing and forwarding charges are selling expenses (row 6).",
    },
    "factory_overheads": {
        "split": "Factory rent is a manufacturing expense (row 5(v)); a manufacturer's "
        "security and material handling (loading, unloading, hamali) are manufacturing "
        "expenses when printed among direct or manufacturing expenses, else administrative "
        "expenses (row 6).",
        "manufacturing": "A manufacturer's factory rent, security and material handling are "
        "manufacturing expenses (row 5(v)).",
        "administrative": "A manufacturer's factory rent, security and material handling are "
        "administrative expenses (row 6).",
    },
}

# '@treatment' in terms.csv -> (setting, {choice: input key})
TREATMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "director_remuneration": ("director_remuneration", {}),
    "export_incentives": ("export_incentives", {}),
    "repairs_machinery": (
        "repairs",
        {
            "split": "other_mfg_expenses",
            "manufacturing": "other_mfg_expenses",
            "administrative": "sga_expenses",
        },
    ),
    "repairs_other": (
        "repairs",
        {
            "split": "sga_expenses",
            "manufacturing": "other_mfg_expenses",
            "administrative": "sga_expenses",
        },
    ),
    "promoter_loans": (
        "promoter_loans",
        {"term_liability": "other_term_liabilities", "quasi_equity": "other_reserves"},
    ),
    "bank_charges": ("bank_charges", {}),
    "fixed_deposits": ("fixed_deposits", {}),
    "scrap_sales": ("scrap_sales", {}),
    "partners_remuneration": ("partners_remuneration", {}),
    "interest_on_capital": ("interest_on_capital", {}),
    "proprietor_income_tax": ("proprietor_income_tax", {}),
    "manufacturer_staff_costs": (
        "manufacturer_staff_costs",
        {"split": "sga_expenses", "direct_labour": "direct_labour"},
    ),
    "packing_in_direct_expenses": (
        "packing_forwarding",
        {
            "as_printed": "other_mfg_expenses",
            "manufacturing": "other_mfg_expenses",
            "selling": "sga_expenses",
        },
    ),
    "packing": (
        "packing_forwarding",
        {
            "as_printed": "sga_expenses",
            "manufacturing": "other_mfg_expenses",
            "selling": "sga_expenses",
        },
    ),
    "factory_rent": (
        "factory_overheads",
        {
            "split": "other_mfg_expenses",
            "manufacturing": "other_mfg_expenses",
            "administrative": "sga_expenses",
        },
    ),
    "factory_services_in_direct_expenses": (
        "factory_overheads",
        {
            "split": "other_mfg_expenses",
            "manufacturing": "other_mfg_expenses",
            "administrative": "sga_expenses",
        },
    ),
    "factory_services": (
        "factory_overheads",
        {
            "split": "sga_expenses",
            "manufacturing": "other_mfg_expenses",
            "administrative": "sga_expenses",
        },
    ),
}

DEFAULT_AUTO_APPROVE = 0.70


@dataclass(frozen=True)
class Policy:
    """A firm's choices; every field defaults to the samples' convention."""

    director_remuneration: str = "sga_expenses"
    export_incentives: str = "sales_export"
    repairs: str = "split"
    promoter_loans: str = "term_liability"
    bank_charges: str = "interest"
    fixed_deposits: str = "investments_current"
    scrap_sales: str = "sales_domestic"
    partners_remuneration: str = "sga_expenses"
    interest_on_capital: str = "interest"
    proprietor_income_tax: str = "dividend"
    manufacturer_staff_costs: str = "split"
    packing_forwarding: str = "as_printed"
    factory_overheads: str = "split"
    # Items at or above this confidence are approved without a CA; the
    # calibration is fitted so that 0.70 means right at least 99 % of the time.
    auto_approve_above: float = DEFAULT_AUTO_APPROVE

    def __post_init__(self) -> None:
        for name, choices in SETTINGS.items():
            value = getattr(self, name)
            if value not in choices:
                raise PolicyError(
                    f"Classifier setting {name!r} cannot be {value!r}; "
                    f"choose one of {', '.join(choices)}."
                )
        threshold = self.auto_approve_above
        if isinstance(threshold, bool) or not isinstance(threshold, int | float):
            raise PolicyError("auto_approve_above must be a number between 0 and 1.")
        if not 0 < threshold <= 1:
            raise PolicyError("auto_approve_above must be above 0 and at most 1.")

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Policy:
        """The policy a firm stored; unknown settings are an error, missing ones default."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        if unknown := sorted(set(data) - known):
            raise PolicyError(
                f"Unknown classifier setting(s) {', '.join(map(repr, unknown))}; "
                f"known settings: {', '.join(sorted(known))}."
            )
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def resolve(self, treatment: str) -> str:
        """The input key this firm uses for a '@treatment' of the vocabulary."""
        setting, mapping = TREATMENTS[treatment]
        choice = getattr(self, setting)
        return mapping.get(choice, choice)

    def describe(self) -> list[str]:
        """One sentence per setting, for the workbook's notes sheet."""
        sentences = [SETTINGS[name][getattr(self, name)] for name in SETTINGS]
        sentences.append(
            f"Classifications with a confidence of {self.auto_approve_above:.2f} or more "
            "were approved without review; a CA reviewed the rest."
        )
        return sentences
