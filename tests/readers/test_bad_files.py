"""Every file of samples/_bad through read_document: the right code, words a CA understands."""

from __future__ import annotations

import json

import pytest

from pipeline.readers import read_document
from pipeline.readers.document import ReaderError, ReadLimits
from tests.groundtruth import SAMPLES

BAD = SAMPLES / "_bad"
MANIFEST = json.loads((BAD / "manifest.json").read_text())
# problem in the manifest -> (ReaderError code, words the message must contain)
REFUSALS = {
    "truncated_pdf": ("truncated_pdf", "incomplete"),
    "encrypted_pdf": ("encrypted_pdf", "password"),
    "empty_workbook": ("empty_workbook", "no data"),
    "content_does_not_match_extension": ("wrong_file_type", "Word document"),
}


def entries(refused: bool) -> list[dict]:
    return [e for e in MANIFEST if (e["problem"] in REFUSALS) == refused]


def read_bad(name: str):
    if name.endswith(".pdf"):
        pytest.importorskip("pipeline.readers.pdf")
    return read_document(name, (BAD / name).read_bytes(), ReadLimits())


@pytest.mark.parametrize("entry", entries(refused=True), ids=lambda e: e["file"])
def test_bad_file_is_refused_with_its_code_a_message_and_a_hint(entry):
    code, words = REFUSALS[entry["problem"]]
    with pytest.raises(ReaderError) as raised:
        read_bad(entry["file"])
    error = raised.value
    assert error.code == code
    assert words.lower() in error.message.lower()
    assert len(error.hint) > 20
    assert "Traceback" not in error.message + error.hint


@pytest.mark.parametrize("entry", entries(refused=False), ids=lambda e: e["file"])
def test_statement_that_does_not_tie_is_still_read(entry):
    document = read_bad(entry["file"])
    assert document.items
    assert document.statement_year == "FY2025"


def test_word_document_named_xlsx_says_what_to_upload_instead():
    with pytest.raises(ReaderError) as raised:
        read_bad("balance-sheet-FY2024-25.xlsx")
    assert "not an Excel workbook" in raised.value.message
    assert "PDF" in raised.value.hint


def test_manifest_lists_every_bad_file():
    listed = {e["file"] for e in MANIFEST}
    on_disk = {p.name for p in BAD.iterdir() if p.suffix in (".pdf", ".xlsx", ".xls", ".csv")}
    assert on_disk <= listed
