"""The workbook a banker opens: forms with live formulas, styles, units, trace, notes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from pipeline.cma.build import build_cma
from pipeline.cma.checks import check_cma
from pipeline.cma.model import LineItem
from pipeline.cma.workbook import FIRST_COLUMN, FIRST_ROW, build_workbook, row_keys
from pipeline.cma.workbook import SHEETS as FORMS
from tests.pipeline.cma.samples import BAD_DRAFT, inputs, load, load_path

SHEETS = ["Form I", "Cover", "Assumptions", "Summary", "Form II", "Form III", "Form IV",
          "Form V", "Form VI", "Ratios", "Key financials", "Charts",
          "Queries the bank will ask", "Notes", "Line items"]  # fmt: skip


@pytest.fixture(scope="module")
def gupta():
    truth = load("gupta-electricals")
    hostile = [
        LineItem(f"evil-{n}", "upload.xlsx", label, {"FY2025": Decimal(1)}, section=label)
        for n, label in enumerate(('=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)"))
    ]
    fields = inputs(truth, firm="Rao & Reddy Associates", policy=("Job-work charges are "
                    "manufacturing expenses.",))  # fmt: skip
    fields["line_items"] = [*fields["line_items"], *hostile]
    cma = build_cma(**fields)
    findings = check_cma(cma)
    return cma, findings, load_workbook(BytesIO(build_workbook(cma, findings)))


def row_of(ws, key: str) -> int:
    """The row of `key` on `ws` (its home row when the form shows it twice)."""
    spec = next(spec for spec in FORMS if spec.title == ws.title)
    return next(row for row, shown in row_keys(spec).items() if shown == key)


def test_workbook_has_a_sheet_per_form_and_the_banker_pages(gupta):
    assert gupta[2].sheetnames == SHEETS


def test_forms_follow_the_banks_row_numbers_and_labels(gupta):
    ws = gupta[2]["Form III"]
    row = row_of(ws, "total_current_assets")
    assert ws.cell(row, 1).value == "52"
    assert ws.cell(row, 2).value == "Total current assets (44 to 51)"
    assert ws.cell(FIRST_ROW - 2, FIRST_COLUMN).value == "FY2023"


def test_computed_rows_are_formulas_over_the_input_cells(gupta):
    ws = gupta[2]["Form II"]
    row = row_of(ws, "net_sales")
    assert ws.cell(row, FIRST_COLUMN).value == f"=(C{row_of(ws, 'gross_sales')}-C{row - 1})"
    mpbf = gupta[2]["Form V"].cell(row_of(gupta[2]["Form V"], "mpbf_method2"), FIRST_COLUMN)
    assert mpbf.value.startswith("=") and "'Form III'!" in mpbf.value


def test_input_and_formula_cells_look_different(gupta):
    ws = gupta[2]["Form II"]
    typed = ws.cell(row_of(ws, "sales_domestic"), FIRST_COLUMN)
    computed = ws.cell(row_of(ws, "net_sales"), FIRST_COLUMN)
    assert isinstance(typed.value, int | float)
    assert typed.fill.fgColor.rgb != computed.fill.fgColor.rgb
    assert typed.font.color.rgb != computed.font.color.rgb


def test_amounts_are_in_lakhs_with_a_signed_format(gupta):
    cma, _, workbook = gupta
    ws = workbook["Form II"]
    cell = ws.cell(row_of(ws, "sales_domestic"), FIRST_COLUMN)
    assert Decimal(str(cell.value)) * 100000 == cma.value("sales_domestic", "FY2023")
    assert cell.number_format == "#,##0.00;-#,##0.00"
    assert ws["A3"].value == "Amounts in ₹ lakhs"


def test_projected_balancing_cells_are_formulas_marked_as_such(gupta):
    ws = gupta[2]["Form III"]
    cell = ws.cell(row_of(ws, "cash_bank"), FIRST_COLUMN + 5)  # FY2028
    assert cell.value.startswith("=")
    assert cell.fill.fgColor.rgb.endswith("F8CBAD")


def test_headers_are_frozen_and_pages_fit_one_width(gupta):
    ws = gupta[2]["Form III"]
    assert ws.freeze_panes == "C7"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_charts_of_sales_profit_and_ratios(gupta):
    assert len(gupta[2]["Charts"]._charts) == 3


def test_text_from_uploads_never_becomes_a_formula(gupta):
    ws = gupta[2]["Line items"]
    labels = {ws.cell(r, 4).value: ws.cell(r, 4) for r in range(3, ws.max_row + 1)}
    for text in ('=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)"):
        cell = labels[text]
        assert cell.data_type == "s"
        assert cell.quotePrefix


def test_trace_lists_every_line_item_and_the_derived_closing_entry(gupta):
    cma, _, workbook = gupta
    ws = workbook["Line items"]
    ids = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)]
    assert ids == [item.id for item in cma.line_items] + ["derived-share_capital-FY2025"]
    first = cma.line_items[0]
    assert ws.cell(3, 2).value == f"{first.file}, p. {first.page}"


def test_derived_figure_is_shown_as_such_on_its_cell(gupta):
    ws = gupta[2]["Form III"]
    cell = ws.cell(row_of(ws, "share_capital"), FIRST_COLUMN + 2)  # FY2025
    assert "₹8,88,800.57 derived" in cell.comment.text


def test_notes_carry_conventions_policy_balancing_row_and_warnings(gupta):
    _, findings, workbook = gupta
    text = "\n".join(str(c.value) for row in workbook["Notes"].iter_rows() for c in row if c.value)
    assert "Job-work charges are manufacturing expenses." in text
    assert "row 44 (Cash and bank balances) absorbs the difference" in text
    assert "Current maturities of long-term debt go to row 25" in text
    assert findings and all(f.message in text for f in findings)


def test_cover_names_the_client_firm_years_and_assumptions(gupta):
    ws = gupta[2]["Cover"]
    text = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert {"Gupta Electricals", "Rao & Reddy Associates", "Proprietorship"} <= set(text)
    assert "Estimated" in text and "Projected" in text
    assumptions = [str(c.value) for row in gupta[2]["Assumptions"].iter_rows() for c in row]
    assert "Growth in net sales (% a year)" in assumptions


def test_draft_that_does_not_tie_carries_its_error_into_the_notes():
    cma = build_cma(**inputs(load_path(BAD_DRAFT)))
    findings = check_cma(cma)
    workbook = load_workbook(BytesIO(build_workbook(cma, findings)))
    text = [str(c.value) for row in workbook["Notes"].iter_rows() for c in row if c.value]
    assert any("Total assets exceed total liabilities by ₹10,000.00" in t for t in text)
    assert any("FY2025 does not tie" in t for t in text)


def test_amounts_in_crores_and_rupees_scale_the_inputs():
    truth = load("mehta-agri-commodities")
    for unit, digits in (("crores", 7), ("rupees", 0)):
        cma = build_cma(**inputs(truth, display_unit=unit))
        ws = load_workbook(BytesIO(build_workbook(replace(cma))))["Form II"]
        cell = ws.cell(row_of(ws, "sales_domestic"), FIRST_COLUMN)
        assert Decimal(str(cell.value)).scaleb(digits) == cma.value("sales_domestic", "FY2023")
