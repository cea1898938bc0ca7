"""The CMA workbook a bank receives (openpyxl), written to bytes.

Sheets: Form I (the borrower and its limits), a cover, the assumptions, Forms II to VI and
the ratios in the bank's row order with the spec's row numbers, charts,
notes (conventions, policy, the balancing row, every validation finding)
and a trace of every line item to its page.

Input rows hold the figures; every computed row is a live Excel formula made
from the same expression as the Python figure (`rows.py`, `assessment.py`),
so a banker who edits an input sees every total, MPBF and ratio move. A row
shown on another form (a Form V line repeating Form III's current assets) is
a formula pointing at its home cell, and every formula cell also stores its
computed value (`cached_values.py`) for readers that do not recalculate.
Amounts are in the project's display unit, exactly (a lakh is 1,00,000
rupees, to the paisa). The forms print the bank's row numbers and labels;
the internal row keys stand on the trace sheet only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from openpyxl import Workbook
from openpyxl.chart import Reference
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.assessment import FORM_IV, FORM_V, FORM_VI, KEY_FINANCIALS, RATIOS
from pipeline.cma.bank_checks import bank_queries
from pipeline.cma.cached_values import Cached, store_values
from pipeline.cma.compute import may_be_empty, years_needed
from pipeline.cma.drawing_power import drawing_power
from pipeline.cma.formula import Amount, to_excel
from pipeline.cma.model import Cma, Finding
from pipeline.cma.money import rupees
from pipeline.cma.rows import AMOUNT, FORM_II, FORM_III, FORM_NAMES, ROWS, Row
from pipeline.cma.workbook_assumptions import write_assumptions
from pipeline.cma.workbook_charts import write_charts
from pipeline.cma.workbook_drawing_power import write_drawing_power
from pipeline.cma.workbook_form_one import write_form_one
from pipeline.cma.workbook_loans import write_loans
from pipeline.cma.workbook_notes import write_cover, write_notes
from pipeline.cma.workbook_queries import TITLE as QUERIES_TITLE
from pipeline.cma.workbook_queries import write_queries
from pipeline.cma.workbook_style import (
    BALANCING,
    BOLD,
    FORMATS,
    FORMULA,
    INPUT,
    LABEL_WRAP,
    PROJECTED_FILL,
    TITLE_FONT,
    UNIT_NAMES,
    fit_height,
    header,
    paint,
    print_setup,
    put_text,
    scaled,
    widths,
)
from pipeline.cma.workbook_trace import write_trace

FIRST_ROW = 7  # rows 1-6: title, company, unit and legend, year headings
FIRST_COLUMN = 3  # A number, B label, then one column a year
LABEL_WIDTH = 62
ALL_ROWS: dict[str, Row] = {
    row.key: row for row in (*ROWS, *FORM_IV, *FORM_V, *FORM_VI, *RATIOS, *KEY_FINANCIALS)
}
# A ratio with nothing to divide by reads "n/a" where a banker would write it: DSCR
# without term debt to service is not 0, and not a blank to fill in.
NOT_APPLICABLE = {"dscr": "n/a"}
# The one-page summary: each line a formula pointing at its home form.
SUMMARY = (
    "net_sales", "net_sales_growth_pct", "ebitda", "ebitda_margin_pct", "pbt", "pat",
    "net_cash_accruals", "tangible_net_worth", "adjusted_tnw", "total_debt",
    "net_working_capital", "current_ratio", "tol_tnw", "total_debt_nca", "interest_coverage",
    "dscr", "roce_pct", "bank_borrowings_wc", "mpbf_method2", "mpbf_turnover",
)  # fmt: skip


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class SheetSpec:
    form: str
    heading: str
    entries: tuple[str | Heading, ...]

    @property
    def title(self) -> str:
        return FORM_NAMES[self.form]


def _keys(rows: Sequence[Row], start: str, end: str) -> list[str]:
    keys = [row.key for row in rows]
    return keys[keys.index(start) : keys.index(end) + 1]


SHEETS = (
    SheetSpec("S", "Summary — key figures for the credit appraisal", SUMMARY),
    SheetSpec("II", "Form II — Operating statement", tuple(row.key for row in FORM_II)),
    SheetSpec("III", "Form III — Analysis of balance sheet", (
        Heading("Liabilities"), *_keys(FORM_III, "bank_borrowings_wc", "total_liabilities"),
        Heading("Assets"), *_keys(FORM_III, "cash_bank", "total_assets"),
        Heading("Net worth, working capital and ratios"),
        *_keys(FORM_III, "tangible_net_worth", "ttl_tnw"),
    )),
    SheetSpec("IV", "Form IV — Holding levels of current assets and current liabilities", (
        Heading("Raw materials"), "inventory_rm", "rm_consumed", "rm_holding_months",
        Heading("Consumable spares"), "inventory_spares", "spares_consumed",
        "spares_holding_months",
        Heading("Stock-in-process"), "inventory_wip", "cost_of_production", "wip_holding_months",
        Heading("Finished goods"), "inventory_fg", "cost_of_sales", "fg_holding_months",
        Heading("Domestic receivables"), "receivables_domestic", "net_domestic_sales",
        "receivables_months",
        Heading("Export receivables"), "receivables_export", "sales_export",
        "export_receivables_months",
        Heading("Sundry creditors"), "sundry_creditors", "purchases", "creditors_months",
    )),
    SheetSpec("V", "Form V — Maximum permissible bank finance (MPBF)", (
        "total_current_assets", "other_cl_excl_bank", "working_capital_gap",
        Heading("Method I (Tandon): 25 % of the working capital gap from long-term sources"),
        "min_nwc_method1", "net_working_capital", "mpbf_method1",
        Heading("Method II (Tandon): 25 % of current assets from long-term sources"),
        "min_nwc_method2", "net_working_capital", "mpbf_method2", "bank_borrowings_wc",
        "excess_borrowings_method2",
        Heading("Turnover method (Nayak committee, limits up to ₹5 crore)"),
        "net_sales", "wc_requirement_turnover", "min_margin_turnover", "mpbf_turnover",
        "net_working_capital", "mpbf_turnover_after_nwc",
    )),
    SheetSpec("VI", "Form VI — Fund flow statement", (
        Heading("1. Long-term sources"), *_keys(FORM_VI, "ff_net_profit", "ff_total_sources"),
        Heading("2. Long-term uses"), *_keys(FORM_VI, "ff_net_loss", "ff_total_uses"),
        Heading("3. Working capital"),
        *_keys(FORM_VI, "ff_long_term_surplus", "ff_bank_borrowings_change"),
        "net_working_capital",
    )),
    SheetSpec("R", "Key ratios", (
        "current_ratio", "tol_tnw", "ttl_tnw", *(row.key for row in RATIOS),
    )),
    SheetSpec("K", "Key financials", (
        *_keys(KEY_FINANCIALS, "ebitda", "tol_adjusted_tnw"),
        Heading("Funding pattern of current assets"),
        *_keys(KEY_FINANCIALS, "ca_funded_by_bank_pct", "ca_funded_by_nwc_pct"),
        Heading("Year-on-year growth"), "net_sales_growth_pct",
        *_keys(KEY_FINANCIALS, "ebitda_growth_pct", "tnw_growth_pct"),
    )),
)  # fmt: skip


def row_keys(spec: SheetSpec) -> dict[int, str]:
    """Sheet row → the row key it shows: the forms print no keys, so a reader of the
    workbook (and the tests) find a row here."""
    return {
        FIRST_ROW + offset: entry
        for offset, entry in enumerate(spec.entries)
        if isinstance(entry, str)
    }


class Layout:
    """Where each row lives (its home sheet and row) and how to address its cells."""

    def __init__(self, years: Sequence[str]) -> None:
        self.years = list(years)
        self.home: dict[str, tuple[str, int]] = {}
        for spec in SHEETS:
            for offset, entry in enumerate(spec.entries):
                if isinstance(entry, str) and ALL_ROWS[entry].form == spec.form:
                    self.home.setdefault(entry, (spec.title, FIRST_ROW + offset))

    def address(self, key: str, index: int, from_sheet: str) -> str:
        sheet, row = self.home[key]
        cell = f"{get_column_letter(FIRST_COLUMN + index)}{row}"
        return cell if sheet == from_sheet else f"'{sheet}'!{cell}"

    def cell_of(self, index: int, from_sheet: str):
        def cell(key: str, lag: int, or_current: bool) -> str | None:
            if index - lag >= 0:
                return self.address(key, index - lag, from_sheet)
            return self.address(key, index, from_sheet) if or_current else None

        return cell


def build_workbook(cma: Cma, findings: Sequence[Finding] = ()) -> bytes:
    """The whole workbook as .xlsx bytes."""
    workbook = Workbook()
    cached: Cached = {}
    write_form_one(workbook.active, cma, cached)
    write_cover(workbook.create_sheet(), cma)
    layout = Layout(cma.year_keys)
    write_assumptions(workbook.create_sheet("Assumptions"), cma)
    sheets = {spec.form: _form_sheet(workbook, cma, layout, spec, cached) for spec in SHEETS}
    _charts(workbook.create_sheet("Charts"), cma, layout, sheets)
    if cma.project.term_loans:
        write_loans(workbook.create_sheet("Term loans"), cma)
    if cma.project.stock_position is not None:
        dp = drawing_power(cma.project.stock_position, cma.project.form_one)
        write_drawing_power(workbook.create_sheet("Drawing power"), cma, dp, cached)
    queries = bank_queries(cma, cma.project.checklist)
    write_queries(workbook.create_sheet(QUERIES_TITLE), cma, queries)
    write_notes(workbook.create_sheet("Notes"), cma, findings)
    write_trace(workbook.create_sheet("Line items"), cma)
    buffer = BytesIO()
    workbook.save(buffer)
    return store_values(buffer.getvalue(), cached)


def _form_sheet(
    workbook: Workbook, cma: Cma, layout: Layout, spec: SheetSpec, cached: Cached
) -> Worksheet:
    ws = workbook.create_sheet(spec.title)
    values = cached.setdefault(spec.title, {})
    _sheet_heading(ws, cma, spec.heading)
    for offset, entry in enumerate(spec.entries):
        row = FIRST_ROW + offset
        if isinstance(entry, Heading):
            put_text(ws, row, 2, entry.text, BOLD)
        else:
            _write_row(ws, cma, layout, spec, row, ALL_ROWS[entry], values)
    widths(ws, {"A": 10, "B": LABEL_WIDTH})
    for index in range(len(cma.years)):
        ws.column_dimensions[get_column_letter(FIRST_COLUMN + index)].width = 17
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=FIRST_COLUMN)
    print_setup(ws, title_rows=f"{FIRST_ROW - 2}:{FIRST_ROW - 1}")
    return ws


def _sheet_heading(ws: Worksheet, cma: Cma, heading: str) -> None:
    put_text(ws, 1, 1, heading, TITLE_FONT)
    put_text(
        ws, 2, 1, f"{cma.project.company}" + (f" — {cma.project.firm}" if cma.project.firm else "")
    )
    put_text(ws, 3, 1, f"Amounts in {UNIT_NAMES[cma.project.display_unit]}", BOLD)
    for style, column in ((INPUT, 4), (FORMULA, 5), (BALANCING, 6)):
        paint(put_text(ws, 3, column, style.capitalize()), style)
    for column, text in enumerate(("Row", "Particulars"), start=1):
        header(put_text(ws, FIRST_ROW - 2, column, text))
        header(ws.cell(row=FIRST_ROW - 1, column=column))
    ws.row_dimensions[FIRST_ROW - 1].height = 30
    for index, year in enumerate(cma.years):
        column = FIRST_COLUMN + index
        header(put_text(ws, FIRST_ROW - 2, column, year.key))
        kind = put_text(
            ws, FIRST_ROW - 1, column, f"{year.kind.capitalize()}\n{year.ends:%d-%m-%Y}"
        )
        header(kind)
        if not year.is_actual:
            kind.fill = PROJECTED_FILL
            kind.font = BOLD


def _write_row(
    ws: Worksheet, cma: Cma, layout: Layout, spec: SheetSpec, row: int, line: Row, cached
) -> None:
    mirror = line.form != spec.form
    number = f"{FORM_NAMES[line.form]} {line.number}" if mirror else line.number
    put_text(ws, row, 1, number)
    put_text(ws, row, 2, line.label, BOLD if _is_total(line) else None).alignment = LABEL_WRAP
    fit_height(ws, row, line.label, LABEL_WIDTH * 1.1)
    for index, year in enumerate(cma.year_keys):
        cell = ws.cell(row=row, column=FIRST_COLUMN + index)
        cell.number_format = FORMATS[line.kind]
        override = cma.formulas.get((line.key, year))
        if isinstance(override, Amount) and not mirror:  # a figure from a loan schedule
            cell.value = scaled(override.value, cma.project.unit_digits)
            paint(cell, INPUT)
            cell.comment = Comment("From the lenders' repayment schedules ('Term loans')", "CMA")
            continue
        if line.formula is None and not override and not mirror:
            cell.value = scaled(cma.value(line.key, year), cma.project.unit_digits)
            paint(cell, INPUT)
            _mark_derived(cell, cma, line.key, year)
            continue
        paint(cell, BALANCING if override and not mirror else FORMULA)
        if years_needed(line.key) > index and not override:
            continue  # no earlier year on the sheet: empty, as the JSON's null
        if mirror:
            cell.value = "=" + layout.address(line.key, index, spec.title)
        else:
            cell.value = to_excel(
                override or line.formula,
                layout.cell_of(index, spec.title),
                cma.project.unit_digits,
                guard=may_be_empty(line.key) and not override,
                empty=NOT_APPLICABLE.get(line.key, ""),
            )
        if cell.value is not None:
            cached[cell.coordinate] = _shown(cma, line, year)


def _shown(cma: Cma, line: Row, year: str):
    """The figure as the cell shows it: amounts in the display unit."""
    value = cma.value(line.key, year)
    if value is None:
        return NOT_APPLICABLE.get(line.key)
    return scaled(value, cma.project.unit_digits) if line.kind == AMOUNT else value


def _is_total(line: Row) -> bool:
    return line.formula is not None and line.kind == AMOUNT and line.part_of is None


def _mark_derived(cell, cma: Cma, key: str, year: str) -> None:
    """A figure that includes an amount no statement prints says so on the cell."""
    for item in cma.derived:
        if (item.cma_key, item.year) == (key, year):
            text = (
                f"Includes {rupees(item.amount)} derived, not printed: {item.reason} ({item.file})"
            )
            cell.comment = Comment(text, "CMA")
            cell.comment.width, cell.comment.height = 320, 120


def _charts(ws: Worksheet, cma: Cma, layout: Layout, sheets: dict[str, Worksheet]) -> None:
    def reference(key: str) -> Reference:
        title, row = layout.home[key]
        form = next(spec.form for spec in SHEETS if spec.title == title)
        last = FIRST_COLUMN + len(layout.years) - 1
        return Reference(sheets[form], min_col=FIRST_COLUMN, max_col=last, min_row=row)

    years = Reference(
        sheets["II"],
        min_col=FIRST_COLUMN,
        max_col=FIRST_COLUMN + len(layout.years) - 1,
        min_row=FIRST_ROW - 2,
    )
    write_charts(ws, UNIT_NAMES[cma.project.display_unit], years, reference)
