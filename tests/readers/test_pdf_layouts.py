"""Statements in wordings and layouts the samples do not use, written as PDFs here.

A few lines of PDF syntax print Helvetica text where a statement would: labels
left-aligned, figures right-aligned under their column headings (widths from
pdfminer's own Helvetica metrics, so right edges line up as in real PDFs).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pdfminer.fontmetrics import FONT_METRICS

from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.readers.pdf import read_pdf

WIDTH, HEIGHT, SIZE = 595, 842, 8
_WIDTHS = FONT_METRICS["Helvetica"][1]
CRORE, LAKH = Decimal("10000000"), Decimal("100000")


def width(text: str, size: float = SIZE) -> float:
    return sum(_WIDTHS.get(ch, 556) for ch in text) * size / 1000


class Page:
    def __init__(self, width: float = WIDTH) -> None:
        self.width = width
        self.texts: list[tuple[float, float, str]] = []
        self.image = False

    def left(self, x: float, top: float, text: str) -> Page:
        self.texts.append((x, top, text))
        return self

    def right(self, x1: float, top: float, text: str) -> Page:
        return self.left(x1 - width(text), top, text)

    def centre(self, top: float, text: str) -> Page:
        return self.left((self.width - width(text)) / 2, top, text)

    def row(self, top: float, label: str, *figures: str, note: str = "", x: float = 50) -> Page:
        """A statement row: label, note number, this year's and last year's figures."""
        self.left(x, top, label)
        if note:
            self.right(350, top, note)
        for x1, figure in zip((455, 555), figures, strict=False):
            if figure:
                self.right(x1, top, figure)
        return self


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[Page]) -> bytes:
    """A PDF of `pages`, each text at (x, top) in 8-point Helvetica."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    )
    objects.append(image)
    kids = []
    for page in pages:
        ops = [
            f"BT /F1 {SIZE} Tf 1 0 0 1 {x:.2f} {HEIGHT - top - SIZE:.2f} Tm ({_escape(t)}) Tj ET"
            for x, top, t in page.texts
        ]
        if page.image:
            ops.append("q 500 0 0 700 40 60 cm /Im1 Do Q")
        stream = "\n".join(ops).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R"
            b" >> /XObject << /Im1 4 0 R >> >> /Contents %d 0 R >>" % (page.width, HEIGHT, content)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def read(pages: list[Page]):
    return read_pdf("statement.pdf", make_pdf(pages), ReadLimits(workers=1))


def by_label(document) -> dict:
    return {item.label: item for item in document.items}


def _ind_as_statement() -> list[Page]:
    """Crores, month-first dates, Schedule III's own column headings, one note missing."""
    face = (
        Page().centre(30, "ACME TEXTILES LIMITED").centre(45, "Balance Sheet as at March 31, 2025")
    )
    face.right(555, 60, "(Rs. in crores)")
    face.left(40, 80, "Particulars").right(365, 80, "Note")
    face.right(455, 80, "Figures as at the end of").right(555, 80, "Figures as at the end of")
    face.right(455, 90, "current reporting period").right(555, 90, "previous reporting period")
    face.left(40, 105, "EQUITY AND LIABILITIES")
    face.row(117, "Equity share capital", "12.50", "12.50", note="3")
    face.row(129, "Other equity", "245.75", "198.10", note="4")
    face.row(141, "Borrowings", "80.00", "95.25", note="5")
    face.row(153, "Total equity and liabilities", "338.25", "305.85", x=40)
    face.left(40, 170, "ASSETS")
    face.row(182, "Property, plant and equipment", "150.00", "140.00", note="6")
    face.row(194, "Inventories", "100.25", "90.85")
    face.row(206, "Trade receivables", "88.00", "75.00", note="7")
    face.row(218, "Total assets", "338.25", "305.85", x=40)
    notes = Page().centre(30, "ACME TEXTILES LIMITED")
    notes.centre(45, "Notes to the financial statements for the year ended March 31, 2025")
    notes.right(555, 60, "(Rs. in crores)")
    top = 80
    for number, title, rows in [
        (
            "3",
            "Equity share capital",
            [("1,25,00,000 equity shares of Rs. 10 each", "12.50", "12.50")],
        ),
        (
            "4",
            "Other equity",
            [("Securities premium", "50.00", "50.00"), ("Retained earnings", "195.75", "148.10")],
        ),
        (
            "5",
            "Borrowings",
            [("Term loan from bank", "60.00", "70.25"), ("Vehicle loans", "20.00", "25.00")],
        ),
        (
            "7",
            "Trade receivables",
            [
                ("Unsecured, considered good", "90.00", "76.50"),
                ("Less: Allowance for expected credit loss", "2.00", "1.50"),
            ],
        ),
    ]:
        notes.left(40, top, f"{number} {title}")
        notes.right(455, top + 12, "As at March 31, 2025").right(
            555, top + 12, "As at March 31, 2024"
        )
        top += 26
        for label, *figures in rows:
            notes.row(top, label, *figures)
            top += 12
        total = [
            sum(Decimal(r[i + 1]) for r in rows if not r[0].startswith("Less"))
            - sum(Decimal(r[i + 1]) for r in rows if r[0].startswith("Less"))
            for i in (0, 1)
        ]
        notes.row(top, "Total", f"{total[0]:.2f}", f"{total[1]:.2f}", x=40)
        top += 20
    return [face, notes]


def test_a_statement_in_crores_converts_every_figure_to_rupees_exactly():
    document = read(_ind_as_statement())
    assert document.units == {"1": CRORE, "2": CRORE}
    assert by_label(document)["Other equity"].amounts == {
        "FY2025": Decimal("2457500000.00"),
        "FY2024": Decimal("1981000000.00"),
    }


def test_columns_headed_current_and_previous_reporting_period_take_the_titles_years():
    document = read(_ind_as_statement())
    assert document.years == ["FY2025", "FY2024"]
    assert by_label(document)["Inventories"].amounts == {
        "FY2025": Decimal("1002500000.00"),
        "FY2024": Decimal("908500000.00"),
    }


def test_face_lines_are_excluded_only_where_a_note_itemises_them():
    items = by_label(read(_ind_as_statement()))
    assert items["Equity share capital"].exclude_reason == "face total: expanded in note 3"
    assert items["Trade receivables"].exclude_reason == "face total: expanded in note 7"
    assert items["Property, plant and equipment"].exclude_reason is None  # note 6 not printed
    assert items["Inventories"].exclude_reason is None


def test_totals_are_found_by_what_the_rows_above_add_up_to():
    items = read(_ind_as_statement()).items
    totals = {
        i.label for i in items if i.exclude_reason == "total: sum of the items printed above it"
    }
    assert totals == {"Total equity and liabilities", "Total assets", "Total"}
    less = next(i for i in items if i.label.startswith("Less: Allowance"))
    assert less.exclude_reason is None and less.statement == "balance_sheet" and less.note == "7"


def test_each_page_is_read_in_its_own_unit():
    rupees = (
        Page().centre(45, "Balance Sheet as at 31 March 2025").right(555, 60, "(Amount in Rs.)")
    )
    rupees.right(455, 80, "31.03.2025").right(555, 80, "31.03.2024")
    rupees.row(95, "Cash on hand", "45,000", "40,000")
    lakhs = Page().centre(45, "Statement of Profit and Loss for the year ended 31 March 2025")
    lakhs.right(555, 60, "(Rs. in lakhs)")
    lakhs.right(455, 80, "31.03.2025").right(555, 80, "31.03.2024")
    lakhs.row(95, "Revenue from operations", "1,234.56", "1,100.00")
    items = by_label(document := read([rupees, lakhs]))
    assert document.units == {"1": Decimal("1"), "2": LAKH}
    assert items["Cash on hand"].amounts["FY2025"] == Decimal("45000.00")
    assert items["Revenue from operations"].amounts["FY2025"] == Decimal("123456000.00")
    assert items["Revenue from operations"].statement == "profit_and_loss"


def test_a_two_sided_balance_sheet_headed_current_and_previous_year():
    page = Page(width=842).centre(30, "RAM TRADERS")
    page.centre(45, "Balance Sheet as at 31st March, 2025")
    page.right(812, 60, "(Amount in Rs.)")
    page.left(30, 80, "Liabilities").right(337, 80, "Current Year").right(415, 80, "Previous Year")
    page.left(427, 80, "Assets").right(734, 80, "Current Year").right(812, 80, "Previous Year")
    for top, left, right in [
        (
            95,
            ("Capital Account", "5,00,000.00", "4,50,000.00"),
            ("Furniture", "1,20,000.00", "1,30,000.00"),
        ),
        (
            107,
            ("Sundry Creditors", "1,50,000.00", "1,25,000.00"),
            ("Closing Stock", "4,80,000.00", "4,00,000.00"),
        ),
        (119, ("", "", ""), ("Cash in hand", "50,000.00", "45,000.00")),
        (131, ("Total", "6,50,000.00", "5,75,000.00"), ("Total", "6,50,000.00", "5,75,000.00")),
    ]:
        for x, (label, current, previous) in ((30, left), (427, right)):
            if label:
                page.left(x, top, label)
            offset = 0 if x == 30 else 397
            if current:
                page.right(337 + offset, top, current).right(415 + offset, top, previous)
    document = read([page])
    items = [(i.label, i.side, i.amounts["FY2025"], i.exclude_reason) for i in document.items]
    assert ("Capital Account", "Liabilities", Decimal("500000.00"), None) in items
    assert ("Closing Stock", "Assets", Decimal("480000.00"), None) in items
    assert [i[1] for i in items if i[0] == "Total"] == ["Liabilities", "Assets"]
    assert all(i[3] for i in items if i[0] == "Total")
    assert document.years == ["FY2025", "FY2024"] and document.kind == "tformat"


def test_an_annexure_continued_on_pages_without_its_heading_is_not_counted():
    def notes_page() -> Page:
        page = Page().centre(
            45, "Notes forming part of the financial statements for the year ended 31 March 2025"
        )
        return page.right(555, 60, "(Amount in Rs.)")

    first = notes_page().left(40, 80, "8 Trade receivables")
    first.right(455, 92, "As at 31 March 2025").right(555, 92, "As at 31 March 2024")
    first.row(105, "Unsecured, considered good", "30,000", "25,000").row(
        117, "Total", "30,000", "25,000", x=40
    )
    annexure = notes_page().left(40, 80, "Annexure A to Note 8: Party-wise trade receivables")
    continued = notes_page()
    for page in (annexure, continued):
        page.left(50, 95, "S. No.  Party").right(555, 95, "Amount")
        for n in range(1, 4):
            page.left(50, 95 + 12 * n, f"{n} Party {n}").right(555, 95 + 12 * n, "5,000")
    last = notes_page().left(40, 80, "9 Other income")
    last.right(455, 92, "Year ended 31 March 2025").right(555, 92, "Year ended 31 March 2024")
    last.row(105, "Interest income", "1,200", "1,000")
    document = read([first, annexure, continued, last])
    assert {item.page for item in document.items} == {1, 4}
    assert "pages 2-3" in " ".join(document.warnings)
    assert by_label(document)["Interest income"].note == "9"


def test_a_pdf_with_text_but_no_statement_says_so():
    letter = Page().left(40, 80, "Dear Sir,").left(40, 95, "Please find the documents enclosed.")
    with pytest.raises(ReaderError) as caught:
        read([letter])
    assert caught.value.code == "no_statements"


def test_a_blank_page_is_not_taken_for_a_scan_but_a_blank_scanned_page_is_named():
    statement = (
        Page().centre(45, "Balance Sheet as at 31 March 2025").right(555, 60, "(Amount in Rs.)")
    )
    statement.right(455, 80, "31.03.2025").right(555, 80, "31.03.2024")
    statement.row(95, "Cash on hand", "45,000", "40,000")
    scan = Page()
    scan.image = True
    document = read([statement, Page(), scan])
    assert document.warnings == ["page 3 is a scan in which OCR found no print."]
    assert by_label(document)["Cash on hand"].page == 1


def _one_page_statements() -> list[Page]:
    """Left-aligned titles, the unit in the column headings, BS and P&L on one page."""
    page = Page().left(40, 30, "SHAKTI FOODS PRIVATE LIMITED")
    page.left(40, 42, "BALANCE SHEET AS AT 31ST MARCH 2025")
    page.left(40, 62, "Particulars").right(455, 62, "As at 31.03.2025").right(
        555, 62, "As at 31.03.2024"
    )
    page.right(455, 72, "Rs. in lakhs").right(555, 72, "Rs. in lakhs")
    page.row(86, "Shareholders' funds", "410.20", "380.00")
    page.row(98, "Current liabilities", "89.80", "70.00")
    page.row(110, "TOTAL", "500.00", "450.00", x=40)
    page.row(122, "Non-current assets", "300.00", "280.00")
    page.row(134, "Current assets", "200.00", "170.00")
    page.row(146, "TOTAL", "500.00", "450.00", x=40)
    page.left(40, 158, "As per our report of even date attached")  # the auditor signs
    page.left(40, 170, "For Iyer & Co., Chartered Accountants").left(40, 182, "M. No. 212345")
    page.centre(200, "Statement of Profit and Loss for the year ended 31.03.2025")
    page.left(40, 216, "Particulars").right(455, 216, "2024-25").right(555, 216, "2023-24")
    page.row(228, "Revenue from operations", "1,250.75", "1,100.00")
    page.row(240, "Total expenses", "1,220.55", "1,080.00")
    page.row(252, "Profit for the year", "30.20", "20.00")
    cash_flow = Page().centre(42, "Cash Flow Statement for the year ended 31.03.2025")
    cash_flow.right(555, 56, "(Rs. in lakhs)")
    cash_flow.right(455, 70, "2024-25").right(555, 70, "2023-24")
    cash_flow.row(84, "Profit before tax", "40.20", "27.00")
    cash_flow.row(96, "Increase in trade receivables", "(12.00)", "(8.50)")
    return [page, cash_flow]


def test_a_unit_printed_in_the_column_headings_is_the_pages_unit():
    document = read(_one_page_statements())
    assert document.units["1"] == LAKH
    assert by_label(document)["Current assets"].amounts == {
        "FY2025": Decimal("20000000.00"),
        "FY2024": Decimal("17000000.00"),
    }


def test_a_statement_that_starts_halfway_down_a_page_gives_its_items_its_statement():
    """...even below the signatures of the statement above it."""
    document = read(_one_page_statements())
    assert not [i for i in document.items if "212345" in str(i.amounts) or "No." in i.label]
    items = by_label(document)
    assert items["Current assets"].statement == "balance_sheet"
    assert items["Revenue from operations"].statement == "profit_and_loss"
    assert items["Revenue from operations"].amounts["FY2025"] == Decimal("125075000.00")


def test_a_cash_flow_statement_is_kept_but_never_counted():
    items = [i for i in read(_one_page_statements()).items if i.page == 2]
    assert [i.label for i in items] == ["Profit before tax", "Increase in trade receivables"]
    assert all(i.exclude_reason.startswith("auxiliary schedule: cash flow") for i in items)
    assert items[1].amounts["FY2025"] == Decimal("-1200000.00")


def test_a_centred_note_heading_opens_its_note():
    face = Page().centre(45, "Balance Sheet as at 31 March 2025").right(555, 60, "(Amount in Rs.)")
    face.left(40, 80, "Particulars").right(365, 80, "Note")
    face.right(455, 80, "31.03.2025").right(555, 80, "31.03.2024")
    face.row(95, "Other current assets", "12,000", "10,000", note="5")
    notes = Page().centre(45, "Notes to the financial statements").right(555, 60, "(Amount in Rs.)")
    notes.centre(80, "Note 5: Other current assets")
    notes.right(455, 92, "31.03.2025").right(555, 92, "31.03.2024")
    notes.row(105, "Prepaid expenses", "7,000", "6,000").row(
        117, "Interest accrued", "5,000", "4,000"
    )
    notes.row(129, "Total", "12,000", "10,000", x=40)
    items = by_label(read([face, notes]))
    assert items["Prepaid expenses"].note == "5"
    assert items["Prepaid expenses"].statement == "balance_sheet"
    assert items["Other current assets"].exclude_reason == "face total: expanded in note 5"


def test_schedule_letters_in_the_reference_column_link_face_lines_to_their_schedules():
    face = Page().centre(45, "Balance Sheet as at 31 March 2025").right(555, 60, "(Amount in Rs.)")
    face.left(40, 80, "Particulars").right(360, 80, "Sch.")
    face.right(455, 80, "31.03.2025").right(555, 80, "31.03.2024")
    face.row(95, "Share capital", "5,00,000", "5,00,000", note="A")
    face.row(107, "Unsecured loans", "2,50,000", "2,00,000", note="B")
    schedules = Page().centre(45, "Schedules forming part of the balance sheet")
    schedules.right(555, 60, "(Amount in Rs.)")
    for top, letter, title, rows in [
        (
            80,
            "A",
            "Share capital",
            [("50,000 equity shares of Rs. 10 each", "5,00,000", "5,00,000")],
        ),
        (130, "B", "Unsecured loans", [("From directors", "2,50,000", "2,00,000")]),
    ]:
        schedules.left(40, top, f"Schedule {letter}: {title}")
        schedules.right(455, top + 12, "31.03.2025").right(555, top + 12, "31.03.2024")
        schedules.row(top + 24, rows[0][0], *rows[0][1:])
    items = by_label(read([face, schedules]))
    assert items["Share capital"].note == "A"
    assert items["Share capital"].exclude_reason == "face total: expanded in Schedule A"
    assert items["Unsecured loans"].exclude_reason == "face total: expanded in Schedule B"
    assert items["From directors"].note == "B" and items["From directors"].exclude_reason is None


def test_a_fixed_asset_schedules_previous_year_row_belongs_to_the_previous_year():
    page = Page(width=842).centre(
        45, "Notes to the financial statements for the year ended 31 March 2025"
    )
    page.right(812, 60, "(Amount in Rs.)").left(30, 80, "6 Property, plant and equipment")
    for centre, group in ((345, "Gross block"), (630, "Depreciation"), (782, "Net block")):
        page.left(centre - width(group) / 2, 95, group)  # centred over its columns
    edges = [250, 330, 410, 500, 580, 660, 740, 812]
    names = [
        "As at 01.04.2024",
        "Additions",
        "Deductions",
        "As at 31.03.2025",
        "Up to 01.04.2024",
        "For the year",
        "Up to 31.03.2025",
        "As at 31.03.2025",
    ]
    page.left(30, 107, "Particulars")
    for x1, name in zip(edges, names, strict=True):
        page.right(x1, 107, name)
    rows = [
        (
            "Plant and machinery",
            [
                "10,00,000",
                "2,00,000",
                "-",
                "12,00,000",
                "4,00,000",
                "1,20,000",
                "5,20,000",
                "6,80,000",
            ],
        ),
        (
            "Total",
            [
                "10,00,000",
                "2,00,000",
                "-",
                "12,00,000",
                "4,00,000",
                "1,20,000",
                "5,20,000",
                "6,80,000",
            ],
        ),
        (
            "Previous year",
            [
                "9,00,000",
                "1,00,000",
                "-",
                "10,00,000",
                "3,00,000",
                "1,00,000",
                "4,00,000",
                "6,00,000",
            ],
        ),
    ]
    for top, (label, figures) in zip((120, 132, 144), rows, strict=True):
        page.left(30, top, label)
        for x1, figure in zip(edges, figures, strict=True):
            page.right(x1, top, figure)
    items = read([page]).items
    plant = {
        i.column: (i.amounts, i.exclude_reason) for i in items if i.label == "Plant and machinery"
    }
    assert plant["Gross block - As at 31.03.2025"] == ({"FY2025": Decimal("1200000.00")}, None)
    assert plant["Depreciation - Up to 31.03.2025"] == ({"FY2025": Decimal("520000.00")}, None)
    assert plant["Gross block - Additions"][1] == "memo: fixed-asset movement column"
    assert plant["Net block - As at 31.03.2025"][1].startswith("memo: net block")
    previous = [i for i in items if i.label == "Previous year"]
    assert {year for i in previous for year in i.amounts} == {"FY2024"}
    assert all(i.exclude_reason.startswith("total:") for i in previous)


def test_a_label_wrapped_with_its_figures_on_its_last_line_is_one_item():
    page = Page().centre(45, "Notes to the financial statements for the year ended 31 March 2025")
    page.right(555, 60, "(Amount in Rs.)").left(40, 80, "7 Trade payables")
    page.right(455, 92, "As at 31 March 2025").right(555, 92, "As at 31 March 2024")
    page.left(50, 105, "Total outstanding dues of micro enterprises and small")
    page.row(115, "enterprises", "31,87,415", "33,54,294")
    page.row(127, "Dues to others", "1,08,86,027", "1,04,77,274")
    page.row(139, "Total", "1,40,73,442", "1,38,31,568", x=40)
    items = read([page]).items
    assert [i.label for i in items] == [
        "Total outstanding dues of micro enterprises and small enterprises",
        "Dues to others",
        "Total",
    ]
    assert items[0].exclude_reason is None and items[0].subsection == ""


def test_figures_outside_every_column_are_reported_not_dropped_silently():
    page = Page().centre(45, "Balance Sheet as at 31 March 2025").right(555, 60, "(Amount in Rs.)")
    page.right(455, 80, "31.03.2025").right(555, 80, "31.03.2024")
    page.row(95, "Cash on hand", "45,000", "40,000")
    page.left(50, 107, "Stray figure").right(300, 107, "12,345")
    document = read([page])
    assert [i.label for i in document.items] == ["Cash on hand"]
    assert any("page 1 line" in w and "not under a year column" in w for w in document.warnings)


def test_an_account_headed_particulars_on_both_sides_debits_left_and_credits_right():
    page = Page(width=842).centre(45, "Trading Account for the year ended 31.03.2025")
    page.right(812, 60, "(Amount in Rs.)")
    for x, x1 in ((30, 337), (427, 734)):
        page.left(x, 80, "Particulars").right(x1, 80, "31.03.2025").right(x1 + 78, 80, "31.03.2024")
    page.left(30, 95, "To Opening Stock").right(337, 95, "1,00,000").right(415, 95, "90,000")
    page.left(427, 95, "By Sales").right(734, 95, "9,00,000").right(812, 95, "8,00,000")
    page.left(30, 107, "To Purchases").right(337, 107, "7,00,000").right(415, 107, "6,30,000")
    page.left(427, 107, "By Closing Stock").right(734, 107, "1,20,000").right(812, 107, "1,00,000")
    page.left(30, 119, "To Gross Profit c/d").right(337, 119, "2,20,000").right(
        415, 119, "1,80,000"
    )
    items = read([page]).items
    assert [(i.label, i.side, i.statement) for i in items] == [
        ("To Opening Stock", "Dr", "trading"),
        ("By Sales", "Cr", "trading"),
        ("To Purchases", "Dr", "trading"),
        ("By Closing Stock", "Cr", "trading"),
        ("To Gross Profit c/d", "Dr", "trading"),
    ]
    assert items[0].amounts == {"FY2025": Decimal("100000.00"), "FY2024": Decimal("90000.00")}


def test_items_and_group_totals_in_their_own_columns_are_told_apart():
    """Left: a group's figure above its ledgers (as Tally prints). Right: items in an inner
    column, the sub-total beside the last of them (as Schedule VI statements print)."""
    page = Page(width=842).centre(45, "Balance Sheet as at 31.03.2025")
    page.right(812, 60, "(Amount in Rs.)")
    page.left(30, 80, "Liabilities").right(415, 80, "31.03.2025")
    page.left(427, 80, "Assets").right(812, 80, "31.03.2025")
    left = [
        ("Capital Account", "", "5,00,000.00", 30),
        ("Rajesh Kumar - Capital", "5,00,000.00", "", 40),
        ("Loans (Liability)", "", "3,00,000.00", 30),
        ("HDFC Bank term loan", "2,00,000.00", "", 40),
        ("ICICI Bank car loan", "1,00,000.00", "", 40),
        ("Total", "", "8,00,000.00", 30),
    ]
    right = [
        ("Fixed Assets", "", "3,00,000.00", 427),
        ("Current Assets", "", "", 427),
        ("Closing stock", "2,00,000.00", "", 437),
        ("Sundry debtors", "1,00,000.00", "3,00,000.00", 437),
        ("Cash in hand", "", "2,00,000.00", 427),
        ("Total", "", "8,00,000.00", 427),
    ]
    for offset, rows in ((0, left), (397, right)):
        for top, (label, inner, outer, x) in zip(range(95, 200, 12), rows, strict=False):
            page.left(x, top, label)
            if inner:
                page.right(337 + offset, top, inner)
            if outer:
                page.right(415 + offset, top, outer)
    items = [(i.label, i.side, i.amounts["FY2025"], i.exclude_reason) for i in read([page]).items]
    group = "group total: sum of the items printed below it"
    total = "total: sum of the items printed above it"
    assert sorted(items, key=lambda i: (i[1], i[0])) == sorted(
        [
            ("Capital Account", "Liabilities", Decimal("500000.00"), group),
            ("Rajesh Kumar - Capital", "Liabilities", Decimal("500000.00"), None),
            ("Loans (Liability)", "Liabilities", Decimal("300000.00"), group),
            ("HDFC Bank term loan", "Liabilities", Decimal("200000.00"), None),
            ("ICICI Bank car loan", "Liabilities", Decimal("100000.00"), None),
            ("Total", "Liabilities", Decimal("800000.00"), total),
            ("Fixed Assets", "Assets", Decimal("300000.00"), None),
            ("Closing stock", "Assets", Decimal("200000.00"), None),
            ("Sundry debtors", "Assets", Decimal("100000.00"), None),
            ("", "Assets", Decimal("300000.00"), total),
            ("Cash in hand", "Assets", Decimal("200000.00"), None),
            ("Total", "Assets", Decimal("800000.00"), total),
        ],
        key=lambda i: (i[1], i[0]),
    )
