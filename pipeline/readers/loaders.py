"""Bytes of an .xlsx, .xls or CSV file into a `grid.Workbook`, inside the guard rails.

Guard rails come first: an .xlsx is a zip, so its declared sizes are checked
before anything is decompressed (a decompression bomb never reaches
openpyxl), its shared strings and rows are counted in the XML as it streams
out (`max_shared_strings`, `max_rows`; a CSV's lines likewise), and the cells
that hold a value are counted against `max_workbook_cells`: never the range a
sheet declares, since formatting whole columns makes a sheet of forty rows
declare A1:XFD1048576. Any exception a
library raises while parsing becomes a `ReaderError` with a sentence a CA
understands; a traceback never reaches the portal.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import warnings
import zipfile
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal

import openpyxl
import xlrd

from pipeline.readers.amounts import parse_amount
from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.readers.external_links import linked_cells, linked_warning, present_cells
from pipeline.readers.formula import evaluate
from pipeline.readers.grid import Cell, Sheet, Workbook, cell_ref, leading_indent
from pipeline.readers.sniff import CSV, XLSX, encrypted_workbook

MAX_COMPRESSION_RATIO = 200  # spreadsheet XML compresses 10-50 times; bombs a thousand
_RATIO_FLOOR = 5 * 1024 * 1024  # small members may compress well without harm
# Elements counted in the raw XML, namespace prefix or not: a shared string, a sheet row.
_SHARED_STRING = re.compile(rb"<(?:\w+:)?si[\s>]")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>]")
_CHUNK = 1 << 20
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)[\s>]")


def _too_large(what: str) -> ReaderError:
    return ReaderError(
        "too_large",
        f"The file is too large to read safely: {what}.",
        "Upload only the statements (balance sheet, profit and loss, notes) or split "
        "the workbook into smaller files.",
    )


def _corrupt(kind: str, error: Exception) -> ReaderError:
    return ReaderError(
        "corrupt_workbook",
        f"The {kind} file is damaged or incomplete and could not be opened ({_reason(error)}).",
        "Open it in Excel to check it, save it again (File > Save As > Excel Workbook) "
        "and upload the saved copy.",
    )


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return text[:120] or type(error).__name__


def check_zip(data: bytes, limits: ReadLimits) -> zipfile.ZipFile:
    """The open archive, once its declared sizes are safe to decompress."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise _corrupt("Excel", error) from error
    total = sum(member.file_size for member in members)
    if total > limits.max_unzipped_bytes:
        raise _too_large(f"it unpacks to {total // (1024 * 1024)} MB")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > MAX_COMPRESSION_RATIO:
            raise _too_large(f"one part is compressed {int(ratio)} times (a zip bomb)")
    return archive


def check_limits(kind: str, data: bytes, limits: ReadLimits) -> None:
    """Refuse a workbook or CSV past the limits before it is parsed (and at upload)."""
    if kind == XLSX:
        check_counts(check_zip(data, limits), limits)
    elif kind == CSV:
        _check_lines(data, limits)


def check_counts(archive: zipfile.ZipFile, limits: ReadLimits) -> None:
    """Shared strings and rows, counted in the XML as it streams out of the zip.

    openpyxl keeps every shared string in memory before reading one cell; counting
    the elements first takes a fraction of a second and holds one chunk at a time.
    Every part is counted, whatever its name: openpyxl finds parts by content type.
    """
    names = archive.namelist()
    if _count(archive, names, _SHARED_STRING, limits.max_shared_strings) > (
        limits.max_shared_strings
    ):
        raise _too_large(
            f"it holds more than {limits.max_shared_strings:,} different texts (shared strings)"
        )
    if _count(archive, names, _ROW, limits.max_rows) > limits.max_rows:
        raise _too_large(f"its sheets have more than {limits.max_rows:,} rows")


def _count(archive: zipfile.ZipFile, names: list[str], element: re.Pattern, limit: int) -> int:
    """Matches of `element` in the members `names`; stops counting once past `limit`.

    Each chunk is searched up to its last "<", the rest carried into the next, so an
    element split between two chunks is counted once."""
    total = 0
    for name in names:
        with archive.open(name) as handle:
            carry = b""
            while total <= limit and (chunk := handle.read(_CHUNK)):
                buffer = carry + chunk
                cut = buffer.rfind(b"<")  # none: no element starts here, nothing to carry
                total += sum(1 for _ in element.finditer(buffer, 0, max(cut, 0)))
                carry = buffer[cut:] if cut >= 0 else b""
            total += sum(1 for _ in element.finditer(carry))
    return total


def _check_lines(data: bytes, limits: ReadLimits) -> None:
    """Line breaks counted in the bytes (\\r alone too, as old exports end lines)."""
    breaks = max(data.count(b"\n"), data.count(b"\r"))
    if breaks > limits.max_rows:
        raise _too_large(f"it has more than {limits.max_rows:,} lines")


def _value_cells(archive: zipfile.ZipFile, limit: int) -> int:
    """Cells of the sheets that hold a value (<v> or an inline string), counted as they stream.

    Formatting applied to whole columns or rows declares millions of cells and stores
    a few hundred; only what holds a value is read, so only that is counted.
    """
    sheets = [n for n in archive.namelist() if re.match(r"xl/worksheets/[^/]+\.xml$", n)]
    return _count(archive, sheets, _VALUE, limit)


def load_xlsx(data: bytes, limits: ReadLimits) -> Workbook:
    """An .xlsx read twice: formulas (to know how cells are stored) and cached values."""
    archive = check_zip(data, limits)
    check_counts(archive, limits)
    if _value_cells(archive, limits.max_workbook_cells) > limits.max_workbook_cells:
        raise _too_large(f"its sheets hold more than {limits.max_workbook_cells:,} values")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
            values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises anything from KeyError to XML errors
        raise _corrupt("Excel", error) from error
    try:
        sheets = [_xlsx_sheet(ws, values[ws.title]) for ws in formulas.worksheets]
    except Exception as error:
        raise _corrupt("Excel", error) from error
    finally:
        values.close()
    linked = linked_warning(linked_cells(formulas), sheets)
    return Workbook(sheets, "xlsx", [linked] if linked else [])


def _xlsx_sheet(ws_formulas, ws_values) -> Sheet:
    sheet = Sheet(ws_formulas.title)
    values = _Values(ws_formulas, ws_values)
    for cell in present_cells(ws_formulas):
        made = _xlsx_cell(cell, values)
        if made is not None:
            sheet.add(made)
    sheet.merged = [
        (r.min_row, r.min_col, r.max_row, r.max_col) for r in ws_formulas.merged_cells.ranges
    ]
    return sheet


class _Values:
    """Cached values, and sum-only formulas computed where no value was cached."""

    def __init__(self, ws_formulas, ws_values) -> None:
        self.cached = {
            cell.coordinate: cell.value
            for cell in present_cells(ws_values)
            if cell.value is not None
        }
        self.formulas = {
            c.coordinate: str(c.value) for c in present_cells(ws_formulas) if c.data_type == "f"
        }
        self.computing: set[str] = set()

    def value(self, ref: str):
        cached = self.cached.get(ref)
        if cached is not None or ref not in self.formulas or ref in self.computing:
            return cached
        self.computing.add(ref)  # a circular reference reads as empty, not forever
        try:
            return evaluate(self.formulas[ref], self.amount)
        finally:
            self.computing.discard(ref)

    def amount(self, ref: str) -> Decimal | None:
        """A referenced cell's figure, numbers stored as text ('1,20,000.50') included."""
        value = _python_value(self.value(ref))
        return value if isinstance(value, Decimal) or value is None else parse_amount(value)


def _xlsx_cell(cell, values: _Values) -> Cell | None:
    raw = cell.value
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    stored_as = "text" if isinstance(raw, str) else "number"
    if cell.data_type == "f":
        stored_as, raw = "formula", values.value(cell.coordinate)
    value = _python_value(raw)
    if value is None:
        return None
    indent = int(cell.alignment.indent or 0) if cell.has_style else 0
    if isinstance(value, str):
        indent += leading_indent(value)
    bold = bool(cell.font and cell.font.b) if cell.has_style else False
    return Cell(cell.row, cell.column, value, stored_as, indent, bold)


def _python_value(raw) -> str | Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        return str(raw).upper()
    if isinstance(raw, int | float):
        return Decimal(str(raw))
    if isinstance(raw, datetime | date):
        return raw.strftime("%d-%b-%Y")
    if isinstance(raw, time):
        return raw.isoformat()
    text = str(getattr(raw, "text", raw))  # ArrayFormula and friends
    return text if text.strip() else None


def load_xls(data: bytes, limits: ReadLimits) -> Workbook:
    """A legacy .xls (BIFF) through xlrd; it keeps cached values but not formulas."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except xlrd.XLRDError as error:
        if "encrypt" in str(error).lower():
            raise encrypted_workbook() from error
        raise _corrupt("Excel 97-2003", error) from error
    except Exception as error:  # xlrd raises struct, index and assertion errors on damage
        raise _corrupt("Excel 97-2003", error) from error
    try:
        return Workbook(list(_xls_sheets(book, limits)), "xls")
    except ReaderError:
        raise
    except Exception as error:
        raise _corrupt("Excel 97-2003", error) from error
    finally:
        book.release_resources()


def _xls_sheets(book, limits: ReadLimits):
    """Sheet by sheet (on demand), stopping as soon as the used ranges pass the limit."""
    used = rows = 0
    for index in range(book.nsheets):
        xsheet = book.sheet_by_index(index)
        used += _xls_values(xsheet)
        rows += xsheet.nrows
        if used > limits.max_workbook_cells:
            raise _too_large(f"its sheets hold more than {limits.max_workbook_cells:,} values")
        if rows > limits.max_rows:
            raise _too_large(f"its sheets have more than {limits.max_rows:,} rows")
        yield _xls_sheet(book, xsheet)
        book.unload_sheet(index)


def _xls_values(xsheet) -> int:
    """Cells holding a value: a formatted blank cell widens the used range, not the contents."""
    empty = (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)
    return sum(1 for r in range(xsheet.nrows) for kind in xsheet.row_types(r) if kind not in empty)


def _xls_sheet(book, xsheet) -> Sheet:
    sheet = Sheet(xsheet.name)
    formulas = _xls_formula_cells(book, xsheet.number)
    for r in range(xsheet.nrows):
        for c in range(xsheet.ncols):
            cell = _xls_cell(book, xsheet, r, c)
            if cell is not None:
                if (r, c) in formulas:
                    cell = replace(cell, stored_as="formula")
                sheet.add(cell)
    sheet.merged = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in xsheet.merged_cells]
    return sheet


_BIFF_FORMULA, _BIFF_EOF = 0x0006, 0x000A


def _xls_formula_cells(book, index: int) -> set[tuple[int, int]]:
    """(row, col) of the sheet's FORMULA records, so that .xls cells say how they are stored.

    xlrd keeps a formula's cached value but not the fact that it was one; the
    sheet's BIFF records (from its BOF to its EOF) still say so. xlrd 2.0 is
    frozen, so its `mem` and `_sh_abs_posn` stay; without them every cell reads
    as a number or text.
    """
    mem, starts = getattr(book, "mem", None), getattr(book, "_sh_abs_posn", None)
    if mem is None or not starts or index >= len(starts):
        return set()
    found, position = set(), starts[index]
    while position + 4 <= len(mem):
        code, length = struct.unpack_from("<HH", mem, position)
        if code == _BIFF_FORMULA and length >= 4 and position + 8 <= len(mem):
            found.add(struct.unpack_from("<HH", mem, position + 4))
        elif code == _BIFF_EOF:
            break
        position += 4 + length
    return found


def _xls_cell(book, xsheet, r: int, c: int) -> Cell | None:
    kind, raw = xsheet.cell_type(r, c), xsheet.cell_value(r, c)
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_NUMBER:
        value, stored_as = Decimal(str(raw)), "number"
    elif kind == xlrd.XL_CELL_DATE:
        value, stored_as = _xls_date(raw, book.datemode), "number"
    elif kind == xlrd.XL_CELL_TEXT:
        if not str(raw).strip():
            return None
        value, stored_as = str(raw), "text"
    else:  # booleans and error codes are words, not amounts
        value, stored_as = str(raw), "text"
    indent, bold = _xls_style(book, xsheet, r, c)
    if isinstance(value, str):
        indent += leading_indent(value)
    return Cell(r + 1, c + 1, value, stored_as, indent, bold)


def _xls_date(raw: float, datemode: int) -> str:
    try:
        return xlrd.xldate_as_datetime(raw, datemode).strftime("%d-%b-%Y")
    except (ValueError, OverflowError, xlrd.XLRDError):
        return str(raw)


def _xls_style(book, xsheet, r: int, c: int) -> tuple[int, bool]:
    try:
        xf = book.xf_list[xsheet.cell_xf_index(r, c)]
        bold = bool(book.font_list[xf.font_index].bold)
        return int(xf.alignment.indent_level or 0), bold
    except (IndexError, AttributeError, KeyError):
        return 0, False


def decode_text(data: bytes) -> str:
    """Text of a CSV export: UTF-8 (with or without BOM), UTF-16, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load_csv(data: bytes, limits: ReadLimits) -> Workbook:
    """A CSV (or tab-separated) export as a one-sheet workbook; rows are file lines."""
    _check_lines(data, limits)
    text = decode_text(data)
    sheet, count = Sheet(""), 0
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    line = 1
    try:
        for record in reader:
            for col, raw in enumerate(record, start=1):
                if raw.strip():
                    sheet.add(Cell(line, col, raw, None, leading_indent(raw)))
                    count += 1
            if count > limits.max_workbook_cells:
                raise _too_large(f"it has more than {limits.max_workbook_cells:,} cells")
            line = reader.line_num + 1
    except csv.Error as error:
        raise _corrupt("CSV", error) from error
    return Workbook([sheet], "csv")


def _delimiter(text: str) -> str:
    """The separator that splits the most of the first lines into two or more fields.

    Amounts such as "5,00,000.00" hold commas, so the separator is judged by
    whole rows (quotes respected), not by counting characters.
    """
    sample = text[:16384].splitlines()[:60]

    def rows_split(delimiter: str) -> int:
        try:
            rows = csv.reader(sample, delimiter=delimiter)
            return sum(1 for row in rows if sum(1 for f in row if f.strip()) >= 2)
        except csv.Error:
            return 0

    return max([",", "\t", ";", "|"], key=rows_split)


__all__ = [
    "cell_ref",
    "check_limits",
    "check_zip",
    "decode_text",
    "load_csv",
    "load_xls",
    "load_xlsx",
]
