"""The review screen's plain forms (they work without JavaScript).

Forms check shapes only; what a decision means is checked by reviews.services.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms

from reviews.rows import NoSuchRow, resolve_row
from reviews.services import DECISIONS

SIGN_CHOICES = [(1, "+ adds"), (-1, "− subtracts")]
AMOUNT_FIELD = "amount_"  # + the year: a figure of an amount to confirm
SPLIT_SLOTS = 4  # rows a split can go to on the screen; the API takes up to 10


class ItemIds(forms.Field):
    """The ticked review items' ids (checkboxes named alike)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        try:
            return [int(v) for v in value or []]
        except (TypeError, ValueError):
            raise forms.ValidationError("The ticked items are not review items.") from None


class RowChoice(forms.Form):
    """A row as the CA names it: typed in `row` (its number, exactly, or words of its
    name) or picked as a key in `cma_key`; `cleaned_data["cma_key"]` is the key."""

    cma_key = forms.CharField(required=False, max_length=40)
    row = forms.CharField(required=False, max_length=120)
    # Moving an item to a row of another statement (an expense to the balance sheet).
    confirm_other_statement = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        typed = data.get("row", "").strip()
        if typed:
            try:
                data["cma_key"] = resolve_row(typed).key
            except NoSuchRow as error:
                self.add_error("row", str(error))
        return data


class DecisionForm(RowChoice):
    decision = forms.ChoiceField(choices=[(d, d) for d in DECISIONS])
    sign = forms.TypedChoiceField(
        choices=SIGN_CHOICES, coerce=int, required=False, empty_value=None
    )
    reason = forms.CharField(required=False, max_length=500)
    next = forms.IntegerField(required=False)  # the card to show after this decision

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for slot in range(SPLIT_SLOTS):
            self.fields[f"split_key_{slot}"] = forms.CharField(required=False, max_length=40)
            self.fields[f"split_sign_{slot}"] = forms.TypedChoiceField(
                choices=SIGN_CHOICES, coerce=int, required=False, empty_value=1
            )
            self.fields[f"split_percent_{slot}"] = forms.DecimalField(
                required=False, min_value=0, max_value=100, max_digits=8, decimal_places=4
            )

    def decision_kwargs(self) -> dict:
        """The keyword arguments of reviews.services.decide_item."""
        data = self.cleaned_data
        return {
            "decision": data["decision"],
            "cma_key": data["cma_key"],
            "sign": data["sign"],
            "reason": data["reason"],
            "split": self._split_parts(),
            "amounts": self._amounts(),
        }

    def _amounts(self) -> dict[str, str]:
        """An amount to confirm's figures, one field per year ('amount_FY2025')."""
        return {
            key.removeprefix(AMOUNT_FIELD): value.strip()
            for key, value in self.data.items()
            if key.startswith(AMOUNT_FIELD) and value.strip()
        }

    def _split_parts(self) -> list[dict]:
        parts = []
        for slot in range(SPLIT_SLOTS):
            key = self.cleaned_data.get(f"split_key_{slot}")
            if not key:
                continue
            percent = self.cleaned_data.get(f"split_percent_{slot}")
            share = None if percent is None else str(percent / Decimal(100))
            parts.append(
                {"cma_key": key, "sign": self.cleaned_data[f"split_sign_{slot}"], "share": share}
            )
        return parts


class MoveForm(RowChoice):
    """Several selected items to one row."""

    items = ItemIds(error_messages={"required": "Tick the items to move first."})
    sign = forms.TypedChoiceField(
        choices=SIGN_CHOICES, coerce=int, required=False, empty_value=None
    )

    def clean(self):
        data = super().clean()
        if not data.get("cma_key") and not self.errors.get("row"):
            self.add_error("row", "Choose the row to move the selected items to.")
        return data


class ReopenForm(forms.Form):
    line_item = forms.IntegerField()


class ApproveAllForm(forms.Form):
    # strip=False: a section's name is matched exactly; "" is the items with no section.
    section = forms.CharField(required=False, max_length=300, strip=False)
    whole_project = forms.BooleanField(required=False)
    next = forms.IntegerField(required=False)

    def section_or_none(self) -> str | None:
        return None if self.cleaned_data["whole_project"] else self.cleaned_data["section"]


class ContinueForm(forms.Form):
    confirm_pending = forms.BooleanField(required=False)
