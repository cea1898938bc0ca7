"""A cell whose formula reads another workbook is named on the file, with the workbook it
needs, whether its last saved value was read or it had none."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import openpyxl
from openpyxl.packaging.relationship import Relationship
from openpyxl.workbook.external_link.external import ExternalBook, ExternalLink

from pipeline.readers import read_document
from pipeline.readers.document import ReadLimits

STATEMENT = [
    ("Nandini Textiles Private Limited",),
    ("Balance Sheet as at 31st March 2025",),
    ("Particulars", "Note", "31.03.2025", "31.03.2024"),
    ("Equity and liabilities",),
    ("Share capital", None, 500000, 500000),
    ("Trade payables", None, "=[1]Creditors!D40", 410000),
    ("Total", None, None, 910000),
    ("Assets",),
    ("Property, plant and equipment", None, "='C:\\FA\\[fixed assets.xlsx]FA'!H12", 610000),
    ("Cash and bank balances", None, 300000, 300000),
    ("Total", None, None, 910000),
]


def linked_workbook(cached: dict[str, int]) -> bytes:
    """The statement, its first external link to Creditors 2024-25.xlsx, and the values
    Excel would have saved with the linked cells in `cached` (openpyxl saves none)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "BS"
    for row in STATEMENT:
        sheet.append(list(row))
    link = ExternalLink(externalBook=ExternalBook(id="rId1"))
    link.file_link = Relationship(
        Id="rId1", type="externalLinkPath", Target="Creditors 2024-25.xlsx", TargetMode="External"
    )
    book._external_links.append(link)
    buffer = io.BytesIO()
    book.save(buffer)
    return _with_cached_values(buffer.getvalue(), cached)


def _with_cached_values(data: bytes, cached: dict[str, int]) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                for ref, value in cached.items():
                    start = content.index(f'<c r="{ref}"'.encode())
                    empty = content.index(b"<v />", start)
                    content = content[:empty] + f"<v>{value}</v>".encode() + content[empty + 5 :]
            target.writestr(member, content)
    return out.getvalue()


def test_linked_cells_are_named_with_the_workbooks_they_read():
    document = read_document("Nandini BS.xlsx", linked_workbook({"C6": 420000}), ReadLimits())
    (warning,) = [w for w in document.warnings if "another workbook" in w]
    assert warning == (
        "2 cells read another workbook (Creditors 2024-25.xlsx, fixed assets.xlsx), which is "
        "not part of this file: BS!C6, BS!C9. Their figures are the values last saved here; "
        "1 cell saved without one was not read: BS!C9. Check them against Creditors "
        "2024-25.xlsx, fixed assets.xlsx, or paste the figures as values and upload again."
    )
    payables = next(item for item in document.items if item.label == "Trade payables")
    assert payables.amounts["FY2025"] == Decimal("420000")


def test_a_workbook_without_links_has_no_such_warning():
    data = linked_workbook({})
    plain = openpyxl.load_workbook(io.BytesIO(data))
    plain["BS"]["C6"], plain["BS"]["C9"] = 420000, 600000
    plain._external_links.clear()
    buffer = io.BytesIO()
    plain.save(buffer)
    document = read_document("Nandini BS.xlsx", buffer.getvalue(), ReadLimits())
    assert not [w for w in document.warnings if "another workbook" in w]
    assert document.items
