"""Files too heavy to parse are refused from a count of their bytes, quickly and before any
parser holds them: a workbook of 600,000 shared strings, a CSV of a million lines."""

from __future__ import annotations

import io
import time
import zipfile

import openpyxl
import pytest

import pipeline.readers.loaders as loaders
from pipeline.readers import read_document
from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.steps.extract import limits
from projects.uploads import Refused, admit
from tests.cast import upload

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="Ledgers" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}


def workbook_of_strings(count: int) -> bytes:
    """A valid .xlsx whose one sheet uses the first of `count` distinct shared strings."""
    strings = "".join(f"<si><t>Ledger {n:07d}</t></si>" for n in range(count))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{_MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
            "</row></sheetData></worksheet>",
        )
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{_MAIN}" count="{count}" uniqueCount="{count}">{strings}</sst>',
        )
    return out.getvalue()


def refusal(name: str, data: bytes, read_limits: ReadLimits) -> tuple[ReaderError, float]:
    started = time.monotonic()
    with pytest.raises(ReaderError) as caught:
        read_document(name, data, read_limits)
    return caught.value, time.monotonic() - started


def test_a_workbook_of_600000_shared_strings_is_refused_in_a_moment():
    error, seconds = refusal("ledgers.xlsx", workbook_of_strings(600_000), ReadLimits())
    assert seconds < 3
    assert error.code == "too_large"
    assert error.message == (
        "The file is too large to read safely: it holds more than 100,000 different texts "
        "(shared strings)."
    )
    assert "split the workbook" in error.hint


def test_a_workbook_under_the_string_limit_is_read_as_usual():
    assert openpyxl.load_workbook(io.BytesIO(workbook_of_strings(500)))["Ledgers"]["A1"].value
    error, _ = refusal("ledgers.xlsx", workbook_of_strings(500), ReadLimits())
    assert error.code == "unrecognised_layout"  # past the limits, to the layout readers


def test_a_csv_of_a_million_lines_is_refused_in_a_moment():
    data = b"Ledger,Debit,Credit\n" + b"".join(
        b"Party %07d,1200.00,\n" % n for n in range(1_000_000)
    )
    error, seconds = refusal("daybook.csv", data, ReadLimits())
    assert seconds < 2
    assert error.message == "The file is too large to read safely: it has more than 100,000 lines."


def test_rows_of_a_workbook_count_across_its_sheets():
    book = openpyxl.Workbook()
    for title in ("BS", "PL"):
        sheet = book.create_sheet(title)
        for n in range(60):
            sheet.append([f"Line {n}", n])
    buffer = io.BytesIO()
    book.save(buffer)
    error, _ = refusal("accounts.xlsx", buffer.getvalue(), ReadLimits(max_rows=100))
    assert error.message.endswith("its sheets have more than 100 rows.")


def test_an_element_split_between_chunks_is_counted_once(monkeypatch):
    monkeypatch.setattr(loaders, "_CHUNK", 7)
    archive = zipfile.ZipFile(io.BytesIO(workbook_of_strings(1000)))
    assert loaders._count(archive, archive.namelist(), loaders._SHARED_STRING, 10**6) == 1000


def test_the_limits_are_settings_and_the_upload_is_refused_at_the_door(settings):
    settings.EXTRACT_MAX_SHARED_STRINGS = 400
    settings.EXTRACT_MAX_ROWS = 300
    assert (limits().max_shared_strings, limits().max_rows) == (400, 300)
    with pytest.raises(Refused, match="more than 400 different texts"):
        admit(upload("ledgers.xlsx", workbook_of_strings(401)), "ledgers.xlsx")
    with pytest.raises(Refused, match="more than 300 lines"):
        admit(upload("tb.csv", b"Ledger,Amount\n" + b"Cash,1\n" * 301), "tb.csv")
