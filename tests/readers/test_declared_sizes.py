"""Declared sizes are not contents (issue 11, pattern 11).

Formatting applied to whole columns makes a sheet of forty rows declare
A1:XFD1048576; a stray cell far below the statement widens its used range.
Only the cells that hold values are counted before a file is refused, and a
reader's own failure is reported as the defect it is, never as a layout the
CA got wrong.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import pytest

from pipeline import readers
from pipeline.readers import read_document
from pipeline.readers.document import ReaderError, ReadLimits
from tests.readers.statement_fixtures import sheets
from tests.readers.test_excel_statements import workbook


def _declaring(data: bytes, ref: str) -> bytes:
    """The workbook with every sheet's <dimension> rewritten to `ref`, as Excel writes it
    after whole columns were formatted."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name.startswith("xl/worksheets/sheet"):
                content = re.sub(
                    rb'<dimension ref="[^"]+"', f'<dimension ref="{ref}"'.encode(), content
                )
            target.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize("ref", ["A1:XFD1048576", "A1:IV65536", "A1:AZ900000"])
def test_a_workbook_declaring_whole_columns_is_read_by_what_it_holds(ref):
    data = _declaring(workbook(sheets("ties")), ref)
    document = read_document("Narmada FS.xlsx", data, ReadLimits())
    payables = next(i for i in document.items if i.label == "Dues to others")
    assert payables.amounts == {"FY2025": Decimal("3000000.00"), "FY2024": Decimal("3000000.00")}
    assert len(document.items) == 42


def test_a_stray_cell_far_below_the_statement_does_not_refuse_the_file():
    book = sheets("ties")
    book["Final"] = [*book["Final"], *([()] * 99_950), ("checked",)]
    document = read_document("Narmada FS.xlsx", workbook(book), ReadLimits())
    assert {p.name: p.role for p in document.parts}["Final"] == "balance_sheet"


def test_a_readers_failure_is_a_defect_of_ours_not_an_unknown_layout(monkeypatch):
    def broken(file_name, book):
        return max([])  # the crash a real CA workbook met inside a reader

    monkeypatch.setattr(readers, "read_workbook", broken)
    with pytest.raises(ReaderError) as raised:
        read_document("Narmada FS.xlsx", workbook(sheets("ties")), ReadLimits())
    error = raised.value
    assert error.code == "reader_defect"
    assert "ValueError" in error.message and "defect on our side" in error.message
    assert "layout" not in error.message and "kept with the project" in error.hint
