"""Scanned PDFs read by OCR: the samples' scans, our own statements scanned, a mixed file,
the samples' bad scan, and a server without tesseract."""

from __future__ import annotations

import io
import shutil

import pypdfium2 as pdfium
import pytest

from pipeline.readers import read_document
from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.readers.ocr import OcrPage
from pipeline.readers.ocr_checks import OcrChecks
from pipeline.readers.ocr_text import clean_word
from pipeline.readers.pdf import read_pdf
from pipeline.readers.pdf_pages import PageText
from tests.groundtruth import SAMPLES, load, match_items
from tests.readers import test_pdf_layouts as layouts
from tests.scans import ScanStyle, scan_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract-ocr")

BAD_SCAN = SAMPLES / "_bad" / "scanned-balance-sheet.pdf"


def test_a_97_dpi_photocopy_is_read_and_every_page_is_accounted_for():
    document = read_document(BAD_SCAN.name, BAD_SCAN.read_bytes(), ReadLimits())
    report = document.ocr
    read = {page["page"] for page in report["pages"]}
    refused = {page["page"]: page["reason"] for page in report["refused_pages"]}
    assert read | set(refused) == {1, 2, 3}
    assert all("confidence" in why or "arithmetic" in why for why in refused.values())
    assert document.items and document.statement_year == "FY2025"
    assert 0 < report["figures_confirmed"] <= report["figures_read"]
    for entry in report["amounts_to_confirm"]:
        assert entry["reason"] and entry["page"] in read and len(entry["box"]) == 4


def test_without_tesseract_a_scan_gets_a_clear_error_naming_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a server where tesseract is not installed
    with pytest.raises(ReaderError) as raised:
        read_document(BAD_SCAN.name, BAD_SCAN.read_bytes(), ReadLimits())
    assert raised.value.code == "ocr_not_installed"
    assert "OCR is not installed on this server" in raised.value.message
    assert "tesseract-ocr" in raised.value.hint and "admin" in raised.value.hint


def _key(item) -> tuple:
    return (item.page, item.label, tuple(sorted((y, str(v)) for y, v in item.amounts.items())))


@pytest.mark.parametrize(
    "style",
    [ScanStyle(dpi=200, skew=1.0, quality=30), ScanStyle(dpi=200, skew=-0.7, quality=60, seed=3)],
    ids=["200dpi-q30", "200dpi-q60"],
)
@pytest.mark.parametrize("fixture", [layouts._ind_as_statement, layouts._one_page_statements])
def test_our_own_statements_scanned_read_as_their_digital_pdf(fixture, style):
    pages = fixture()
    pdf = layouts.make_pdf(pages)
    digital = [_key(item) for item in read_pdf("d.pdf", pdf, ReadLimits(workers=1)).items]
    scanned = read_pdf("s.pdf", scan_pdf(pdf, style), ReadLimits())

    found = [key for key in digital if key in {_key(item) for item in scanned.items}]
    assert len(found) >= 0.98 * len(digital)
    assert [page["page"] for page in scanned.ocr["pages"]] == list(range(1, len(pages) + 1))


def test_the_scanned_samples_extract_their_ground_truth_and_ask_about_every_other_item():
    """At least 99.5 % of both companies' items found with their amounts; each item
    missed is printed as a row whose figures are raised as amounts to confirm."""
    found = missing = 0
    for company in ("shree-ganesh-polymers", "bharat-engineering-works"):
        truth = load(company)["line_items"]
        for path in sorted((SAMPLES / "_scanned" / company).glob("*.pdf")):
            document = read_pdf(path.name, path.read_bytes(), ReadLimits())
            match = match_items(document.items, [i for i in truth if i["file"] == path.name])
            found, missing = found + len(match.matched), missing + len(match.missing)
            report = document.ocr
            assert len(report["pages"]) == document.pages and not report["refused_pages"]
            assert report["figures_confirmed"] > report["figures_read"] / 2
            asked = {entry["item"] for entry in report["amounts_to_confirm"]}
            for item in match.missing:
                rows = [n for n, read in enumerate(document.items) if read.label == item["label"]]
                assert asked & set(rows), f"{path.name}: {item['label']} missed, not asked"
    assert found / (found + missing) >= 0.995


def test_a_mixed_file_reads_its_digital_pages_as_text_and_its_scans_by_ocr():
    statement = layouts._ind_as_statement()
    digital = layouts.make_pdf(statement)
    other = layouts._one_page_statements()
    mixed = _joined(digital, scan_pdf(layouts.make_pdf(other)))

    document = read_pdf("mixed.pdf", mixed, ReadLimits())

    every = list(range(1, len(statement) + len(other) + 1))
    assert [page["page"] for page in document.ocr["pages"]] == every[len(statement) :]
    assert {item.page for item in document.items} == set(every)


def _joined(*pdfs: bytes) -> bytes:
    """One PDF of the pages of `pdfs`, in order (pdfium's page import)."""
    joined = pdfium.PdfDocument.new()
    for data in pdfs:
        joined.import_pages(pdfium.PdfDocument(data))
    out = io.BytesIO()
    joined.save(out)
    return out.getvalue()


def test_a_page_most_of_whose_totals_fail_is_refused_with_its_reason():
    page = OcrPage(PageText(2, 595.0, (), True, True), {}, 90.0, 0.0, 200)
    mostly_wrong = OcrChecks([page], {}, {}, equations=[(2, False)] * 3 + [(2, True)])
    half_right = OcrChecks([page], {}, {}, equations=[(2, False)] * 2 + [(2, True)] * 2)

    assert "3 of the 4 totals" in mostly_wrong.failing_pages()[2]
    assert half_right.failing_pages() == {}


def test_a_curly_quote_glued_to_a_figure_is_a_speck():
    assert clean_word("“1,38,31,568") == "1,38,31,568"
    assert clean_word("25,000”") == "25,000"
