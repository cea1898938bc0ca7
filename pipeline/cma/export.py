"""The CMA as JSON, exactly as docs/spec/cma-json.md says (`"schema": "cma/1"`).

Amounts are rupees rounded half up to the paisa; ratios to four decimals,
percentages and months to two. The figures stay `Decimal` until this
boundary, where each becomes the JSON number nearest its rounded value (a
float prints as its shortest text, so 91234567.5 prints as 91234567.5 and
never grows digits).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from pipeline.cma.assessment import ASSESSMENT_ROWS
from pipeline.cma.bank_checks import bank_queries
from pipeline.cma.drawing_power import DrawingPower, drawing_power
from pipeline.cma.model import Cma, Finding, LineItem
from pipeline.cma.rows import RATIO, ROWS, Row

PLACES = {RATIO: Decimal("0.0001")}
TWO_PLACES = Decimal("0.01")


def cma_document(cma: Cma, findings: Sequence[Finding] = ()) -> dict:
    """The JSON-ready document (a dict of plain types) for the API and `cma.json`."""
    return {
        "schema": "cma/1",
        "project": {
            "id": cma.project.id,
            "company": cma.project.company,
            "firm": cma.project.firm,
            "unit": cma.project.display_unit,
        },
        "years": [
            {"key": year.key, "ends": year.ends.isoformat(), "kind": year.kind}
            for year in cma.years
        ],
        "rows": {row.key: _row(cma, row) for row in ROWS},
        "assessment": {row.key: _row(cma, row) for row in ASSESSMENT_ROWS},
        "line_items": [_line_item(item) for item in cma.line_items],
        "validation": [
            {"level": f.level, "code": f.code, "year": f.year, "message": f.message}
            for f in findings
        ],
        "form_i": form_one_document(cma),
        "drawing_power": drawing_power_document(cma),
        "assumptions": [
            {
                "name": a.name,
                "label": a.label,
                "value": a.value,
                "entered_by": a.entered_by,
                "source": a.source,
            }
            for a in cma.assumptions
        ],
        "bank_queries": bank_queries_document(cma),
    }


def form_one_document(cma: Cma) -> dict:
    """Form I as the CA entered it (an addition to the contract); limits in rupees."""
    form = cma.project.form_one
    return {
        "particulars": dict(form.particulars),
        "facilities": [
            {
                "kind": f.kind,
                "name": f.title,
                "bank": f.bank,
                "fund_based": f.fund_based,
                "existing_limit": number(f.existing),
                "proposed_limit": number(f.proposed),
                "security": f.security,
                "stock_margin_pct": number(f.stock_margin_pct),
                "receivables_margin_pct": number(f.receivables_margin_pct),
            }
            for f in form.facilities
        ],
        "totals": {
            kind: {part: number(form.total(part, fund)) for part in ("existing", "proposed")}
            for kind, fund in (("fund_based", True), ("non_fund_based", False))
        },
    }


def bank_queries_document(cma: Cma) -> dict:
    """The credit officer's check: the checklist applied and each breach as a query."""
    checklist = cma.project.checklist
    return {
        "checklist": {
            key: value if key == "name" else number(value, "ratio")
            for key, value in checklist.as_dict().items()
        },
        "queries": [
            {
                "id": query.id,
                "check": query.check,
                "year": query.year,
                "figure": number(query.figure, "ratio"),
                "threshold": number(query.threshold, "ratio"),
                "question": query.question,
                "source": query.source,
                "explanation": query.explanation,
            }
            for query in bank_queries(cma, checklist)
        ],
    }


def drawing_power_document(cma: Cma) -> dict | None:
    """The DP from the stock statement against the limit (an addition); None without one."""
    if cma.project.stock_position is None:
        return None
    return drawing_power_fields(drawing_power(cma.project.stock_position, cma.project.form_one))


def drawing_power_fields(dp: DrawingPower) -> dict:
    """A drawing power as JSON (the CMA's and the API's), amounts in rupees."""
    position = dp.position
    return {
        "period": position.period,
        "source": position.source,
        "facility": dp.facility or None,
        "stock": number(position.stock),
        "creditors_for_goods": number(position.creditors_for_goods),
        "paid_stock": number(dp.paid_stock),
        "stock_margin_pct": number(dp.stock_margin_pct),
        "stock_dp": number(dp.stock_dp),
        "receivables_under_90": number(position.receivables_under_90),
        "receivables_over_90": number(position.receivables_over_90),
        "receivables_margin_pct": number(dp.receivables_margin_pct),
        "receivables_dp": number(dp.receivables_dp),
        "drawing_power": number(dp.drawing_power),
        "limit": number(dp.limit),
        "proposed_limit": number(dp.proposed_limit),
        "available": number(dp.available),
        "shortfall": number(dp.shortfall) if dp.limit is not None else None,
    }


def dumps(cma: Cma, findings: Sequence[Finding] = ()) -> str:
    """`cma.json` as text (UTF-8, ₹ kept as is)."""
    return json.dumps(cma_document(cma, findings), ensure_ascii=False, indent=1)


def number(value: Decimal | None, kind: str = "amount") -> float | int | None:
    if value is None:
        return None
    rounded = value.quantize(PLACES.get(kind, TWO_PLACES), rounding=ROUND_HALF_UP)
    return float(rounded)


def _row(cma: Cma, row: Row) -> dict[str, float | None]:
    return {year: number(cma.value(row.key, year), row.kind) for year in cma.year_keys}


def _line_item(item: LineItem) -> dict:
    data = {
        "id": item.id,
        "file": item.file,
        "page": item.page,
        "sheet": item.sheet,
        "section": item.section,
        "note": item.note,
        "label": item.label,
        "amounts": {year: number(amount) for year, amount in item.amounts.items()},
        "cma_key": item.cma_key,
        "sign": item.sign,
        "confidence": item.confidence,
        "decision": item.decision,
    }
    if item.exclude_reason:
        data["exclude_reason"] = item.exclude_reason
    return data
