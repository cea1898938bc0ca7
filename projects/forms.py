"""Forms of the portal pages: what a member may send, checked before a service sees it."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from django import forms

from pipeline.cma.assumptions import BALANCING_ROWS, SPECS, AssumptionError, Assumptions
from pipeline.cma.form_one import (
    PARTICULAR_LABELS,
    PARTICULARS,
    RECEIVABLES_MARGIN_PCT,
    STOCK_MARGIN_PCT,
)
from pipeline.options import PipelineOptions
from projects.entry_services import FACILITY_FIELDS
from projects.models import (
    BorrowerParticulars,
    Constitution,
    DisplayUnit,
    Facility,
    Industry,
    Role,
)
from projects.status import STATUS_CHOICES

ASSUME_PREFIX = "assume_"
BALANCING_LABELS = {
    "cash_bank": "Cash and bank balances (usual practice)",
    "bank_borrowings_wc": "Bank borrowings for working capital",
}
_FY = re.compile(r"^FY(\d{4})$")
_RANGE = re.compile(r"^(\d{4})[-–/](\d{2}|\d{4})$")


def parse_years(text: str) -> list[str]:
    """'2023-24, FY2025' → ['FY2024', 'FY2025']: the year a financial year ends in, keyed FY."""
    years = set()
    text = re.sub(r"\s*([-–/])\s*", r"\1", re.sub(r"FY\s+", "FY", (text or "").upper()))
    for part in filter(None, re.split(r"[,;\s]+", text)):
        if match := _FY.match(part):
            years.add(int(match.group(1)))
        elif match := _RANGE.match(part):
            start, end = int(match.group(1)), match.group(2)
            if int(end) % 100 != (start + 1) % 100:
                raise forms.ValidationError(f"“{part}” is not one financial year (e.g. 2024-25).")
            years.add(start + 1)
        else:
            raise forms.ValidationError(f"“{part}” is not a financial year such as 2024-25.")
    return [f"FY{year}" for year in sorted(years)]


# The amounts a CA states year by year: a field a year when the years are known.
BY_YEAR = ("net_sales", "limit_requested", "capex", "new_term_loans", "drawings")


def _year_field(name: str, year: str) -> str:
    return f"year_{name}_{year}"


class AssumptionsForm(forms.Form):
    """The projections' assumptions. Every one is optional: blank means its default
    (the trend, or Form I's limits), and the workbook's Assumptions sheet says which."""

    balancing_row = forms.ChoiceField(
        choices=[(row, BALANCING_LABELS.get(row, row)) for row in BALANCING_ROWS],
        initial="cash_bank",
        label="Row that balances projected balance sheets",
    )
    assumptions_json = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Per-year values (JSON)",
        help_text='A value for some years only, e.g. {"net_sales": {"FY2027": 90000000}, '
        '"capex": {"FY2027": 2500000}}. A field above applies to every year.',
    )

    def __init__(self, *args, years: list[str] = (), **kwargs) -> None:
        """`years`: the estimated and projected years, when known (a CMA was built), get
        a field each for the amounts that differ by year."""
        super().__init__(*args, **kwargs)
        self.years = list(years)
        for name, spec in SPECS.items():
            self.fields[ASSUME_PREFIX + name] = forms.DecimalField(
                required=False, label=spec.label, min_value=spec.low, max_value=spec.high
            )
        for name in BY_YEAR if self.years else ():
            spec = SPECS[name]
            for year in self.years:
                self.fields[_year_field(name, year)] = forms.DecimalField(
                    required=False, label=f"{spec.label}, {year}", min_value=spec.low
                )

    @classmethod
    def for_stated(cls, stated: dict, years: list[str] = ()) -> AssumptionsForm:
        """The form showing the assumptions a project states: one value in its field,
        values by year in their year's field (or the JSON box for other years)."""
        initial = {
            ASSUME_PREFIX + name: value
            for name, value in stated.items()
            if name in SPECS and not isinstance(value, dict)
        }
        by_year = {}
        for name, values in stated.items():
            if not isinstance(values, dict):
                continue
            for year, value in values.items():
                if name in BY_YEAR and year in years:
                    initial[_year_field(name, year)] = value
                else:
                    by_year.setdefault(name, {})[year] = value
        initial["balancing_row"] = stated.get("balancing_row", "cash_bank")
        initial["assumptions_json"] = json.dumps(by_year) if by_year else ""
        return cls(initial=initial, years=years)

    def year_rows(self) -> list[tuple[str, list[forms.BoundField]]]:
        """(label, a field a year) for the table of amounts by year."""
        if not self.years:
            return []
        return [
            (SPECS[name].label, [self[_year_field(name, year)] for year in self.years])
            for name in BY_YEAR
        ]

    def assumption_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(ASSUME_PREFIX)]

    def clean_assumptions_json(self) -> dict:
        text = (self.cleaned_data["assumptions_json"] or "").strip()
        if not text:
            return {}
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(f"This is not valid JSON ({error.msg}).") from None
        if not isinstance(data, dict):
            raise forms.ValidationError('Write an object such as {"sales_growth_pct": 12}.')
        return data

    def clean(self) -> dict:
        cleaned = super().clean()
        raw: dict[str, Any] = dict(cleaned.get("assumptions_json") or {})
        for name in SPECS:
            value = cleaned.get(ASSUME_PREFIX + name)
            if value is not None:
                raw[name] = value
        for name in BY_YEAR if self.years else ():
            given = {y: cleaned.get(_year_field(name, y)) for y in self.years}
            given = {year: value for year, value in given.items() if value is not None}
            if given:
                earlier = raw.get(name)
                base = dict(earlier) if isinstance(earlier, dict) else {}
                if earlier is not None and not isinstance(earlier, dict):
                    base = {year: earlier for year in self.years}  # every year, then these
                raw[name] = base | given
        if cleaned.get("balancing_row") and cleaned["balancing_row"] != "cash_bank":
            raw["balancing_row"] = cleaned["balancing_row"]
        try:
            cleaned["assumptions"] = Assumptions.from_dict(raw).to_dict()
        except AssumptionError as error:
            self.add_error("assumptions_json", str(error))
        return cleaned


class ProjectForm(AssumptionsForm):
    """A new client project, with its assumptions (optional, editable later)."""

    company_name = forms.CharField(max_length=200, label="Company name")
    constitution = forms.ChoiceField(choices=Constitution.choices)
    industry = forms.ChoiceField(choices=Industry.choices, initial=Industry.MANUFACTURING)
    years_wanted = forms.CharField(
        required=False,
        label="Financial years wanted",
        help_text="E.g. 2022-23, 2023-24, 2024-25. Leave blank for every audited year found.",
    )
    projected_years = forms.IntegerField(min_value=0, max_value=10, initial=3)
    display_unit = forms.ChoiceField(
        choices=DisplayUnit.choices, initial=DisplayUnit.AUTO, label="Workbook unit"
    )

    def clean_years_wanted(self) -> list[str]:
        return parse_years(self.cleaned_data["years_wanted"])

    def project_fields(self) -> dict[str, Any]:
        """The keyword arguments of services.create_project."""
        data = self.cleaned_data
        return {
            "company_name": data["company_name"].strip(),
            "constitution": data["constitution"],
            "industry": data["industry"],
            "years_wanted": data["years_wanted"],
            "projected_years": data["projected_years"],
            "display_unit": data["display_unit"],
            "assumptions": data["assumptions"],
        }


class ProcessForm(forms.Form):
    """The options of a run; the defaults are PipelineOptions' own."""

    force_reprocess = forms.BooleanField(required=False)
    auto_approve_above = forms.DecimalField(
        label="Approve without review at confidence of at least",
        min_value=Decimal("0.5"),
        max_value=Decimal("1"),
        decimal_places=2,
        required=False,
        help_text="0.70 by default: classifications that sure are right at least 99 % of "
        "the time. Raise it to review more items.",
    )
    skip_review = forms.BooleanField(label="Approve every item as classified", required=False)
    skip_validation = forms.BooleanField(
        label="Generate even if validation finds errors (they are shown in the workbook)",
        required=False,
    )
    # Unticked by default, so that a form without it (Process again) still notifies.
    quiet = forms.BooleanField(label="Don't email the CAs when items need review", required=False)

    def options(self) -> PipelineOptions:
        data = dict(self.cleaned_data)
        threshold = data.pop("auto_approve_above")
        if threshold is not None:
            data["auto_approve_above"] = float(threshold)
        data["notify_on_review"] = not data.pop("quiet")
        return PipelineOptions(**data)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list:
        items = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not items:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class UploadForm(forms.Form):
    file = MultipleFileField(
        label="Statements", error_messages={"required": "Choose one or more files to upload."}
    )


class ProjectFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search")
    status = forms.ChoiceField(
        required=False, choices=[("", "All statuses"), *STATUS_CHOICES], label="Status"
    )


class MemberForm(forms.Form):
    email = forms.EmailField(label="Email address")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.CA)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)


class ParticularsForm(forms.ModelForm):
    """Form I's particulars: every one optional (a blank one prints as "not entered")."""

    class Meta:
        model = BorrowerParticulars
        fields = [key for key, _ in PARTICULARS]
        labels = PARTICULAR_LABELS
        widgets = {
            "registered_office": forms.Textarea(attrs={"rows": 2}),
            "works_address": forms.Textarea(attrs={"rows": 2}),
            "promoters": forms.Textarea(attrs={"rows": 2}),
            "incorporated_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        }


FACILITY_DEFAULTS = {
    "existing_limit": Decimal(0),
    "proposed_limit": Decimal(0),
    "stock_margin_pct": STOCK_MARGIN_PCT,
    "receivables_margin_pct": RECEIVABLES_MARGIN_PCT,
}


class FacilityForm(forms.ModelForm):
    class Meta:
        model = Facility
        fields = list(FACILITY_FIELDS)
        labels = {
            "name": "Name (optional)",
            "existing_limit": "Existing limit (₹)",
            "proposed_limit": "Proposed limit (₹)",
            "stock_margin_pct": "Margin on stock (%)",
            "receivables_margin_pct": "Margin on receivables (%)",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False  # a row without a kind is a blank row, left out

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("kind"):
            entered = [k for k in ("bank", "name", "security") if cleaned.get(k)]
            if entered:
                self.add_error("kind", "Choose the kind of facility, or clear the row.")
            return cleaned
        for name in FACILITY_DEFAULTS:
            if cleaned.get(name) is None:
                cleaned[name] = FACILITY_DEFAULTS[name]
        for name in ("stock_margin_pct", "receivables_margin_pct"):
            value = cleaned.get(name)
            if value is not None and not 0 <= value <= 100:
                self.add_error(name, "A margin is a percentage between 0 and 100.")
        for name in ("existing_limit", "proposed_limit"):
            if (cleaned.get(name) or 0) < 0:
                self.add_error(name, "A limit cannot be negative.")
        return cleaned


FacilityFormSet = forms.formset_factory(FacilityForm, extra=2, can_delete=True)


def facilities_of(formset) -> list[dict]:
    """The facilities a valid formset keeps: filled in and not ticked for removal."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and form.cleaned_data.get("kind") and not form.cleaned_data["DELETE"]
    ]


class TermLoanForm(forms.Form):
    """One term loan's schedule; its years one a line: year, interest, principal paid and
    the balance outstanding at the year's end ("2025-26  1,20,000  5,00,000  20,00,000")."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    lender = forms.CharField(max_length=200, required=False)
    sanction = forms.DecimalField(label="Sanctioned (₹)", required=False, min_value=0)
    rate_pct = forms.DecimalField(label="Rate (% a year)", required=False, min_value=0,
                                  max_value=100)  # fmt: skip
    emi = forms.DecimalField(label="EMI / instalment (₹)", required=False, min_value=0)
    moratorium_months = forms.IntegerField(label="Moratorium (months)", required=False,
                                           min_value=0, max_value=120)  # fmt: skip
    years_text = forms.CharField(
        label="Per financial year: interest, principal repaid, outstanding at the end (₹)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One year a line, the amounts apart by spaces: 2025-26 120000 500000 2000000",
    )

    @classmethod
    def initial_of(cls, row) -> dict:
        lines = [
            f"{year}  {parts['interest']}  {parts['principal']}  {parts['outstanding']}"
            for year, parts in sorted(row.years.items())
        ]
        fields = ("id", "lender", "sanction", "rate_pct", "emi", "moratorium_months")
        return {**{f: getattr(row, f) for f in fields}, "years_text": "\n".join(lines)}

    def clean_years_text(self) -> dict:
        years = {}
        for line in (self.cleaned_data["years_text"] or "").splitlines():
            words = [w for w in re.split(r"[\s;|]+", line.strip()) if w]
            if not words:
                continue
            if len(words) != 4:
                raise forms.ValidationError(
                    f"“{line.strip()}”: write the year and three amounts (interest, principal, "
                    "outstanding)."
                )
            (year,) = parse_years(words[0])
            years[year] = dict(
                zip(("interest", "principal", "outstanding"), words[1:], strict=True)
            )
        return years

    def loan(self) -> dict:
        """The service's shape of this loan."""
        data = dict(self.cleaned_data)
        data["years"] = data.pop("years_text")
        data.pop("DELETE", None)
        return data

    @property
    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not data.get("lender") and not data.get("years_text")


TermLoanFormSet = forms.formset_factory(TermLoanForm, extra=1, can_delete=True)


class StockStatementForm(forms.Form):
    """The stock and book-debts statement's figures, as the borrower filed them (₹)."""

    period = forms.CharField(max_length=200, required=False, label="Period",
                             help_text="E.g. for the month of March 2026.")  # fmt: skip
    stock = forms.DecimalField(label="Stock: raw materials, stock-in-process, finished goods, "
                               "stores (₹)", min_value=0)  # fmt: skip
    creditors_for_goods = forms.DecimalField(label="Creditors for goods (₹)", min_value=0,
                                             required=False)  # fmt: skip
    receivables_under_90 = forms.DecimalField(label="Receivables up to 90 days (₹)",
                                              min_value=0, required=False)  # fmt: skip
    receivables_over_90 = forms.DecimalField(label="Receivables over 90 days (₹, not counted)",
                                             min_value=0, required=False)  # fmt: skip
