"""Scanned PDFs read by OCR: the samples' bad scan, and a server without tesseract."""

from __future__ import annotations

import shutil

import pytest

from pipeline.readers import read_document
from pipeline.readers.document import ReaderError, ReadLimits
from tests.groundtruth import SAMPLES

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
