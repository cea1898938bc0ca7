"""The review screen's plain forms (they work without JavaScript).

Forms check shapes only; what a decision means is checked by reviews.services.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms

from reviews.services import DECISIONS

SIGN_CHOICES = [(1, "+ adds"), (-1, "− subtracts")]
AMOUNT_FIELD = "amount_"  # + the year: a figure of an amount to confirm
SPLIT_SLOTS = 4  # rows a split can go to on the screen; the API takes up to 10


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[(d, d) for d in DECISIONS])
    cma_key = forms.CharField(required=False, max_length=40)
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


class ApproveAllForm(forms.Form):
    # strip=False: a section's name is matched exactly; "" is the items with no section.
    section = forms.CharField(required=False, max_length=300, strip=False)
    whole_project = forms.BooleanField(required=False)
    next = forms.IntegerField(required=False)

    def section_or_none(self) -> str | None:
        return None if self.cleaned_data["whole_project"] else self.cleaned_data["section"]


class ContinueForm(forms.Form):
    confirm_pending = forms.BooleanField(required=False)
