"""read_document: limits first, the real type from the bytes, clear refusals."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from pipeline.readers import read_document
from pipeline.readers.document import ReaderError, ReadLimits
from tests.groundtruth import SAMPLES

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TALLY = SAMPLES / "annapurna-foods" / "Annapurna Tally BS PL 2022-23.xlsx"
XLS = SAMPLES / "pragati-steel-castings" / "PSCPL Final Accounts 2022-23.xls"
CSV = SAMPLES / "gupta-electricals" / "Trial Balance 01-04-2024 to 31-03-2025.csv"


def refusal(name: str, data: bytes, limits: ReadLimits | None = None) -> ReaderError:
    with pytest.raises(ReaderError) as raised:
        read_document(name, data, limits or ReadLimits())
    return raised.value


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_file_over_the_size_limit_is_refused_before_it_is_opened():
    error = refusal("huge.pdf", b"%PDF-1.7" + b"0" * 2000, ReadLimits(max_file_bytes=1000))
    assert error.code == "too_large"


def test_empty_upload_is_refused():
    assert refusal("statement.pdf", b"").code == "empty_file"


def test_csv_named_xlsx_is_read_as_csv_with_a_warning():
    document = read_document("Trial balance.xlsx", CSV.read_bytes(), ReadLimits())
    assert document.kind == "trial_balance"
    assert "really a CSV" in document.warnings[0]


def test_legacy_xls_named_xlsx_is_read_as_xls():
    document = read_document("Final accounts.xlsx", XLS.read_bytes(), ReadLimits())
    assert document.kind == "final_accounts"
    assert "Excel 97-2003" in document.warnings[0]


def test_xlsx_named_csv_is_read_as_xlsx():
    document = read_document("export.csv", TALLY.read_bytes(), ReadLimits())
    assert document.kind == "tally"
    assert document.warnings


def test_pdf_named_xls_goes_to_the_pdf_reader():
    pytest.importorskip("pipeline.readers.pdf")
    pdf = SAMPLES / "sri-balaji-roadlines" / "Sri Balaji Roadlines - BS PL 31.03.2025.pdf"
    document = read_document("statement.xls", pdf.read_bytes(), ReadLimits())
    assert document.items
    assert "really a PDF" in document.warnings[0]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("scan.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "picture (PNG)"),
        ("photo.pdf", b"\xff\xd8\xff\xe0" + b"\0" * 100, "picture (JPEG)"),
        ("bs.xls", OLE2 + b"\0" * 64 + "WordDocument".encode("utf-16-le"), "Word 97-2003"),
        ("bs.xlsx", zipped({"ppt/presentation.xml": b"<p/>"}), "PowerPoint"),
        ("bs.xlsx", zipped({"statements/bs.pdf": b"%PDF"}), "zip archive"),
        ("tally.xls", b"<html><body><table><tr><td>1</td></tr></table></body></html>", "web page"),
        ("bs.xlsx", zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}), "ods"),
    ],
)
def test_files_that_are_not_statements_are_named_for_what_they_are(name, data, words):
    error = refusal(name, data)
    assert error.code == "wrong_file_type"
    assert words in error.message
    assert error.hint


def test_password_protected_workbook_is_refused_as_encrypted():
    data = OLE2 + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le")
    error = refusal("accounts.xlsx", data)
    assert error.code == "encrypted_workbook"
    assert "password" in error.message


def test_zip_bomb_is_refused_without_decompressing():
    bomb = zipped({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"0" * 6_000_000})
    assert len(bomb) < 100_000
    error = refusal("bs.xlsx", bomb)
    assert error.code == "too_large"
    assert "zip bomb" in error.message


def test_workbook_that_unpacks_past_the_limit_is_refused():
    error = refusal("bs.xlsx", TALLY.read_bytes(), ReadLimits(max_unzipped_bytes=10_000))
    assert error.code == "too_large"


def xlsx_with_cells(cells: dict[str, object]) -> bytes:
    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_workbook_with_more_values_than_the_limit_is_refused():
    data = xlsx_with_cells({f"A{row}": row for row in range(1, 21)})
    error = refusal("bs.xlsx", data, ReadLimits(max_workbook_cells=10))
    assert error.code == "too_large" and "more than 10 values" in error.message


def test_xls_over_the_cell_limit_is_refused():
    error = refusal("accounts.xls", XLS.read_bytes(), ReadLimits(max_workbook_cells=500))
    assert error.code == "too_large"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bs.xlsx", TALLY.read_bytes()[:4000]),
        ("bs.xls", OLE2 + b"\x00" * 600),
        ("bs.xlsx", zipped({"xl/workbook.xml": b"<not-xml", "[Content_Types].xml": b"<"})),
    ],
)
def test_damaged_workbook_is_a_readable_error_never_a_traceback(name, data):
    error = refusal(name, data)
    assert error.code in ("corrupt_workbook", "wrong_file_type")
    assert "Traceback" not in error.message
    assert error.hint


def test_workbook_without_any_statement_is_refused():
    data = xlsx_with_cells({"A1": "Staff phone list", "A2": "Ramesh", "B2": 98220})
    error = refusal("contacts.xlsx", data)
    assert error.code == "unrecognised_layout"


def test_empty_sheet_is_an_empty_workbook():
    error = refusal("bs.xlsx", xlsx_with_cells({}))
    assert (error.code, error.message) == (
        "empty_workbook",
        "The workbook has no data: its sheets are empty.",
    )
