"""Units stated in headings, sheet by sheet (issue 11, pattern 2), and notes headed the
ways firms head them (pattern 3): every item is found with its amount in rupees."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from pipeline.readers import read_document
from pipeline.readers.document import ReadLimits
from pipeline.statement_arithmetic import breaks, check_rows
from tests.readers.statement_fixtures import sheets
from tests.readers.test_excel_statements import workbook

BASE = sheets("ties")
UNIT_ROW = (None, None, "(Rs. in Lakhs)")


def _with_unit(rows, text, scale=Decimal(1)):
    """The sheet stating `text` as its unit, its figures printed `scale` times larger."""
    out = []
    for row in rows:
        if row == UNIT_ROW:
            row = (None, None, text)
        elif any(isinstance(value, float) for value in row):
            row = tuple(float(Decimal(str(v)) * scale) if isinstance(v, float) else v for v in row)
        out.append(row)
    return out


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("[ in 100,000 ]", 1),
        ("(in 1,00,000)", 1),
        ("(Rs. in Lakhs)", 1),
        ("Amount in ₹ lakhs", 1),
        ("₹ '000", 100),
        ("(Rs. in '000)", 100),
        ("(Amount in Rs. thousands)", 100),
        ("Amount in ₹ crores", Decimal("0.01")),
        ("(₹ in Crores)", Decimal("0.01")),
    ],
)
def test_a_unit_in_the_headings_is_applied_to_every_figure_below_it(text, scale):
    book = {name: _with_unit(rows, text, Decimal(scale)) for name, rows in BASE.items()}
    document = read_document("Narmada.xlsx", workbook(book), ReadLimits())
    sales = next(i for i in document.items if i.label == "Sale of products")
    assert sales.amounts == {"FY2025": Decimal("49500000.00"), "FY2024": Decimal("44600000.00")}
    assert breaks(check_rows(document.items, document.units)) == []


def test_each_sheet_keeps_its_own_unit():
    """The balance sheet in lakhs, the notes in thousands, the P&L stating none (the
    statements' unit holds for it)."""
    book = {
        "Final": BASE["Final"],
        "Sheet2": [row for row in BASE["Sheet2"] if row != UNIT_ROW],
        "Notes": _with_unit(BASE["Notes"], "(₹ in thousands)", Decimal(100)),
    }
    document = read_document("Narmada.xlsx", workbook(book), ReadLimits())
    assert document.units == {"Final": 100000, "Sheet2": 100000, "Notes": 1000}
    amounts = {i.label: i.amounts["FY2025"] for i in document.items if not i.exclude_reason}
    assert amounts["Dues to others"] == Decimal("3000000.00")
    assert amounts["Other expenses"] == Decimal("10275000.00")
    assert breaks(check_rows(document.items, document.units)) == []


def _headed(template: str, letters: bool):
    """The notes headed by `template`; with letters, notes A-E and the face pointing to them."""

    def ref(number: str) -> str:
        return "ABCDEFG"[int(number) - 1] if letters else number

    def notes(rows):
        out = []
        for row in rows:
            found = re.match(r"^(\d)\. (.*)$", str(row[0])) if row and row[0] else None
            out.append((template.format(n=ref(found[1]), t=found[2]), *row[1:]) if found else row)
        return out

    def face(rows):
        return [
            (row[0], ref(row[1]), *row[2:])
            if len(row) > 1 and isinstance(row[1], str) and row[1].isdigit()
            else row
            for row in rows
        ]

    return {
        "Final": face(BASE["Final"]),
        "Sheet2": face(BASE["Sheet2"]),
        "Notes": notes(BASE["Notes"]),
    }


@pytest.mark.parametrize(
    ("template", "letters"),
    [
        ("Note:{n} {t}", False),
        ("Note {n} - {t}", False),
        ("Note {n}: {t}", False),
        ("NOTE NO. {n} {t}", False),
        ("{n}. {t}", False),
        ("{n}) {t}", False),
        ("Schedule {n} {t}", False),
        ("Schedule {n} - {t}", False),
        ("Annexure {n} - {t}", True),
        ("Annexure {n}: {t}", True),
    ],
)
def test_notes_are_read_whatever_their_headings_look_like(template, letters):
    document = read_document("Narmada.xlsx", workbook(_headed(template, letters)), ReadLimits())
    notes = {i.note for i in document.items if i.sheet == "Notes"}
    assert notes == (set("ABCDEFG") if letters else set("1234567"))
    expanded = [i.label for i in document.items if (i.exclude_reason or "").startswith("face")]
    assert expanded == [
        "Share capital",
        "Reserves and surplus",
        "Trade payables",
        "Inventories",
        "Revenue from operations",
        "Cost of materials consumed",
        "Changes in inventories of finished goods",
    ]
    payables = next(i for i in document.items if i.label == "Dues to others")
    assert payables.amounts["FY2025"] == Decimal("3000000.00")
    assert breaks(check_rows(document.items, document.units)) == []


def test_a_notes_sheet_whose_headings_are_not_recognised_is_a_warning():
    """Notes titled as such but with bare titles ('Share capital', no number): nothing of
    them can be tied to the face, and the CA is told so instead of a silent face total."""
    unheaded = [
        (str(row[0]).split(". ", 1)[1], *row[1:])
        if row and re.match(r"^\d\. ", str(row[0]))
        else row
        for row in BASE["Notes"]
    ]
    book = {"Final": BASE["Final"], "Sheet2": BASE["Sheet2"], "Notes": unheaded}
    document = read_document("Narmada.xlsx", workbook(book), ReadLimits())
    assert {p.name: p.role for p in document.parts}["Notes"] == "notes"
    assert not any(item.sheet == "Notes" for item in document.items)
    assert document.warnings == [
        "Sheet 'Notes' holds notes, but no note heading on it was recognised, so none of its "
        "figures were read: the face lines stand without their notes."
    ]
