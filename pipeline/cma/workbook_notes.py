"""The workbook's words: the cover and the notes a banker reads first."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from pipeline.cma.model import Cma, Finding
from pipeline.cma.money import rupees
from pipeline.cma.rows import ROW_BY_KEY
from pipeline.cma.workbook_style import (
    BOLD,
    TITLE_FONT,
    UNIT_NAMES,
    WRAP,
    fit_height,
    header,
    legend,
    print_setup,
    put_text,
    widths,
)

CONSTITUTION_NAMES = {
    "private_limited": "Private limited company",
    "public_limited": "Public limited company",
    "llp": "Limited liability partnership",
    "partnership": "Partnership firm",
    "proprietorship": "Proprietorship",
}

# How borderline items are classified (docs/spec/cma-rows.md and the
# conventions the samples are built on), stated so that a banker can see them.
CONVENTIONS = (
    "Current maturities of long-term debt go to row 25 wherever the statement prints them, "
    "even inside short-term borrowings.",
    "A loan printed as one balance without the instalments due within a year (non-corporate "
    "statements, Tally ledgers, trial balances) goes whole to term loans (row 31).",
    "A net deferred tax liability goes to row 34, a net deferred tax asset to row 60.",
    "Capital work-in-progress is added to the gross block (row 53).",
    "The provision for doubtful debts is netted off receivables (row 46).",
    "A debit balance of profit and loss shown within reserves and surplus is a negative "
    "surplus in row 41.",
    "Non-corporate fixed assets are carried at written-down value (Income-tax Act): the WDV "
    "is the gross block and depreciation to date is nil.",
    "Opening balances, profit added, interest on capital and remuneration credited in capital "
    "and reserve accounts are memo lines; the closing balance counts. Drawings, the "
    "proprietor's income tax and dividends paid are row 15.",
    "Interest on partners' or the proprietor's capital is interest (row 9); partners' "
    "remuneration is an administrative expense (row 6).",
    "Opening stock and purchases of raw materials (and of traded goods) are raw materials "
    "consumed (row 5(i)), closing raw-material stock reduces it; stocks of work-in-process "
    "and finished or traded goods are rows 5(viii) to 5(xii). Returns reduce sales and "
    "purchases.",
    "A service business's direct costs (fuel, drivers' and technical staff's salaries, "
    "vehicle repairs, tolls, sub-contracting) are manufacturing rows 5(iii) to 5(v).",
    "Security deposits (electricity, rent) and MAT credit are non-current assets (row 56); "
    "fixed deposits with banks are current investments (row 45); GST input credit is another "
    "current asset (row 51); advance tax and TDS receivable are row 50.",
    "Totals, sub-totals, face lines itemised in a note, Tally group totals, ageing tables, "
    "fixed-asset movement columns, authorised capital, earnings per share and the auxiliary "
    "schedules of a final-accounts workbook are excluded, so that nothing counts twice; they "
    "are listed on the 'Line items' sheet with the reason.",
    "When two statements give the same year, the later statement (whose comparative column "
    "may be regrouped) counts.",
    "A trial balance carries the surplus or capital before the year's profit is closed into "
    "it: the closing entry is added as a derived item and shown as such.",
    "Nothing is plugged: a statement that does not tie is reported in the findings below with "
    "the difference.",
)


COVER_WIDTHS = {"A": 46, "B": 34, "C": 40}


def write_cover(ws: Worksheet, cma: Cma) -> None:
    ws.title = "Cover"
    project = cma.project
    put_text(ws, 1, 1, "CMA data (Credit Monitoring Arrangement) for working-capital finance",
             TITLE_FONT)  # fmt: skip
    facts = (
        ("Borrower", project.company),
        ("Constitution", CONSTITUTION_NAMES[project.constitution]),
        ("Industry", project.industry.capitalize()),
        ("Prepared by", project.firm),
        ("Amounts in", UNIT_NAMES[project.display_unit]),
    )
    row = 3
    for label, value in facts:
        put_text(ws, row, 1, label, BOLD)
        put_text(ws, row, 2, value)
        row += 1
    row = _years_table(ws, cma, row + 1)
    row = _assumptions_table(ws, cma, row + 1)
    put_text(ws, row + 1, 1, "Cell styles", BOLD)
    legend(ws, row + 2, 1)
    widths(ws, COVER_WIDTHS | {"D": 40})
    print_setup(ws, landscape=False)


def _years_table(ws: Worksheet, cma: Cma, row: int) -> int:
    for column, text in enumerate(("Year", "Ends", "Kind", "Statement that counts"), start=1):
        header(put_text(ws, row, column, text))
    files = {document.year: document.file for document in cma.documents}
    for year in cma.years:
        row += 1
        put_text(ws, row, 1, year.key)
        put_text(ws, row, 2, f"{year.ends:%d-%m-%Y}")
        put_text(ws, row, 3, year.kind.capitalize())
        put_text(ws, row, 4, files.get(year.key, "projected from the assumptions below"))
    return row + 1


def _assumptions_table(ws: Worksheet, cma: Cma, row: int) -> int:
    put_text(ws, row, 1, "Assumptions for the estimated and projected years", BOLD)
    given = sum(1 for used in cma.assumptions if used.source == "CA")
    text = (
        f"{given} of {len(cma.assumptions)} entered by the CA; each with its value, who "
        "gave it and why: the 'Assumptions' sheet."
    )
    put_text(ws, row, 2, text)
    return row + 2


def balancing_sentence(cma: Cma) -> str:
    row = ROW_BY_KEY[cma.balancing_row]
    return (
        f"In the estimated and projected years, row {row.number} ({row.label}) absorbs the "
        "difference between total liabilities and total assets, as CMA practice does: it is "
        "a formula over every other input row of the year (orange cells). Actual years are "
        "never balanced this way." + _carried_difference(cma)
    )


def _carried_difference(cma: Cma) -> str:
    """A last actual year that does not tie passes its difference to the first
    balancing figure: say so, since that figure then hides nothing but repeats it."""
    last = cma.actual_years[-1]
    difference = cma.value("total_assets", last) - cma.value("total_liabilities", last)
    if not difference:
        return ""
    return (
        f" {last} does not tie (total assets less total liabilities: {rupees(difference)}, "
        "reported in the findings); the balances carried from it bring that difference into "
        "the first balancing figure."
    )


def write_notes(ws: Worksheet, cma: Cma, findings: Sequence[Finding]) -> None:
    put_text(ws, 1, 1, "Notes to the CMA", TITLE_FONT)
    row = _section(ws, 3, "Classification conventions", CONVENTIONS)
    policy = cma.project.policy or ("No further policy stated by the firm.",)
    row = _section(ws, row, "The firm's classification policy", policy)
    row = _section(ws, row, "Quasi-equity", (_quasi_equity(cma),))
    row = _section(ws, row, "Projected balance sheets", (balancing_sentence(cma),))
    derived = [
        f"{item.year}, row {ROW_BY_KEY[item.cma_key].number} ({item.cma_key}): "
        f"{rupees(item.amount)}. {item.reason} Source: {item.file}."
        for item in cma.derived
    ] or ["None: every figure is printed in a statement."]
    row = _section(ws, row, "Derived items (not printed in any statement)", derived)
    _findings(ws, row, findings)
    widths(ws, {"A": 12, "B": 28, "C": 10, "D": 110})
    print_setup(ws, landscape=True)


def _quasi_equity(cma: Cma) -> str:
    if cma.project.quasi_equity:
        return (
            "The CA treats unsecured loans from promoters as quasi-equity (subordinated to the "
            "bank, not to be withdrawn during the currency of the limit): they are classified "
            "in other reserves (row 40), within net worth, not in row 34."
        )
    return (
        "Unsecured loans from promoters, directors, partners and relatives stay in other term "
        "liabilities (row 34); they are not treated as quasi-equity."
    )


def _section(ws: Worksheet, row: int, title: str, sentences: Sequence[str]) -> int:
    put_text(ws, row, 1, title, BOLD)
    for sentence in sentences:
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        put_text(ws, row, 1, f"• {sentence}").alignment = WRAP
        fit_height(ws, row, sentence, 190)
    return row + 2


def _findings(ws: Worksheet, row: int, findings: Sequence[Finding]) -> None:
    put_text(ws, row, 1, "Validation findings", BOLD)
    if not findings:
        put_text(ws, row + 1, 1, "None: every check passed.")
        return
    row += 1
    for column, text in enumerate(("Level", "Code", "Year", "Message"), start=1):
        header(put_text(ws, row, column, text))
    for finding in findings:
        row += 1
        for column, text in enumerate(
            (finding.level, finding.code, finding.year, finding.message), start=1
        ):
            put_text(ws, row, column, text).alignment = WRAP
        fit_height(ws, row, finding.message, 120)
