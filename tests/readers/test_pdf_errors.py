"""PDFs that cannot be read give one clear error, with what the CA can do, and no items."""

from __future__ import annotations

import io
import time
from collections import Counter
from decimal import Decimal

import pypdfium2 as pdfium
import pytest

import pipeline.readers.pdf as pdf_reader
import pipeline.readers.pdf_survey as pdf_survey
from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.readers.pdf import page_ranges, read_pdf
from tests.groundtruth import SAMPLES, is_structural, load

BAD = SAMPLES / "_bad"
PASSWORD = "mehta@2025"
STATEMENT = SAMPLES / "shree-ganesh-polymers" / "Audited Financial Statements FY 2024-25.pdf"


def _error(data: bytes, limits: ReadLimits | None = None, **kwargs) -> ReaderError:
    with pytest.raises(ReaderError) as caught:
        read_pdf("upload.pdf", data, limits or ReadLimits(), **kwargs)
    error = caught.value
    assert error.message and error.hint and error.message != error.hint
    return error


def test_an_interrupted_upload_is_reported_as_incomplete():
    error = _error((BAD / "truncated-upload.pdf").read_bytes())
    assert error.code == "truncated_pdf"
    assert "again" in error.hint


def test_a_pdf_cut_anywhere_before_its_end_is_incomplete():
    data = STATEMENT.read_bytes()
    assert _error(data[: len(data) * 9 // 10]).code == "truncated_pdf"


def test_a_password_protected_pdf_asks_for_an_unprotected_copy_or_the_password():
    error = _error((BAD / "password-protected-statement.pdf").read_bytes())
    assert error.code == "encrypted_pdf"
    assert "password" in error.message.lower()
    assert "unprotected" in error.hint


def test_a_wrong_password_says_so():
    error = _error((BAD / "password-protected-statement.pdf").read_bytes(), password="guess")
    assert error.code == "encrypted_pdf"
    assert "did not open" in error.message


def test_with_its_password_a_protected_statement_reads_like_the_original():
    """The protected copy is the FY2025 statement reworded: same figures, same exclusions."""
    document = read_pdf(
        "protected.pdf",
        (BAD / "password-protected-statement.pdf").read_bytes(),
        ReadLimits(),
        password=PASSWORD,
    )
    truth = [
        item
        for item in load("mehta-agri-commodities")["line_items"]
        if item["file"] == "MACPL_FS_2024-25.pdf"
    ]

    def shape(page, amounts, excluded):
        return page, tuple(sorted((y, Decimal(str(v))) for y, v in amounts.items())), excluded

    read = Counter(shape(i.page, i.amounts, bool(i.exclude_reason)) for i in document.items)
    expected = Counter(
        shape(i["page"], i["amounts"], is_structural(i.get("exclude_reason"))) for i in truth
    )
    assert read == expected


def test_too_many_pages_is_refused_before_any_page_is_parsed(monkeypatch):
    def parse_nothing(*args, **kwargs):
        raise AssertionError("pages were parsed")

    monkeypatch.setattr(pdf_reader, "read_pages", parse_nothing)
    looked_at = []
    look = pdf_survey._page
    monkeypatch.setattr(pdf_survey, "_page", lambda doc, i: looked_at.append(i) or look(doc, i))
    error = _error(STATEMENT.read_bytes(), ReadLimits(max_pdf_pages=5))
    assert error.code == "too_many_pages"
    assert error.message == (
        "The PDF has 10 pages, more than the 5 a file may have, so none of them was read."
    )
    assert looked_at == [0]  # its first page has text: enough to choose the message


def blank_pdf(pages: int) -> bytes:
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_thousand_blank_pages_are_called_blank_not_partly_read():
    started = time.monotonic()
    error = _error(blank_pdf(1000))
    assert time.monotonic() - started < 10
    assert error.code == "too_many_pages"
    assert "1,000 pages, more than the 500 a file may have, and none of them carries text" in (
        error.message
    )
    assert "nothing was read" in error.message and "are read" not in error.message
    assert "scan" in error.hint


def test_a_pdf_header_before_garbage_is_not_called_an_interrupted_upload():
    error = _error(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert error.code == "corrupt_pdf"
    assert "not PDF content" in error.message
    assert "interrupted" not in error.message + error.hint
    assert "ask the client for the file again" in error.hint


def test_a_file_over_the_size_limit_is_refused():
    assert _error(STATEMENT.read_bytes(), ReadLimits(max_file_bytes=1000)).code == "too_large"


def test_bytes_that_are_not_a_pdf_are_refused():
    assert _error(b"PK\x03\x04 a zip renamed to pdf" + b"\0" * 100).code == "corrupt_pdf"


def test_a_pdf_whose_insides_are_garbage_is_damaged():
    garbage = b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
    assert _error(garbage).code == "corrupt_pdf"


def test_page_ranges_are_named_as_a_ca_reads_them():
    assert page_ranges([1, 2, 3]) == "pages 1-3"
    assert page_ranges([4]) == "page 4"
    assert page_ranges([7, 1, 2, 5]) == "pages 1-2, 5 and 7"


def test_a_pdf_damaged_in_the_middle_is_refused_rather_than_read_in_part():
    data = bytearray(STATEMENT.read_bytes())
    page_object = data.index(b"\n5 0 obj") + 1
    data[page_object : page_object + 2000] = bytes(2000)
    assert _error(bytes(data)).code == "corrupt_pdf"


def test_a_pdf_without_pages_is_damaged():
    empty = (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    assert _error(empty).code == "corrupt_pdf"
