"""What a file really is, from its bytes: CAs rename files, and uploads lie.

A Word document renamed .xlsx is still a zip, a password-protected .xlsx is
an OLE2 container, a "Tally .xls" is sometimes a web page. The dispatcher
reads a supported file as what it really is (and warns when the extension
says otherwise); everything else is refused with a sentence naming what the
file is and what to upload instead.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from pipeline.file_types import CSV, PDF, XLS, XLSX, XML
from pipeline.readers.document import ReaderError
from pipeline.readers.tally_xml import is_tally_xml

_EXTENSIONS = {
    ".pdf": PDF,
    ".xlsx": XLSX,
    ".xlsm": XLSX,
    ".xls": XLS,
    ".csv": CSV,
    ".txt": CSV,
    ".tsv": CSV,
    ".xml": XML,
}
_NAMES = {PDF: "a PDF", XLSX: "an Excel workbook (.xlsx)", XLS: "an Excel 97-2003 workbook (.xls)",
          CSV: "a CSV text file", XML: "a Tally XML export"}  # fmt: skip
_UPLOAD_HINT = (
    "Upload the statements as a PDF, an Excel workbook (.xlsx or .xls) or a CSV "
    "export from Tally or your accounting software."
)
_REUPLOAD_HINT = "Upload the file again; if it keeps failing, export it again from its program."
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = [
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
]


@dataclass(frozen=True)
class Sniffed:
    kind: str  # PDF, XLSX, XLS, CSV or XML (a Tally export)
    warning: str | None = None  # set when the extension says something else


def sniff(file_name: str, data: bytes) -> Sniffed:
    """The supported type the bytes hold, or a ReaderError naming what they are."""
    kind = _kind_of(data)
    expected = _EXTENSIONS.get(PurePath(file_name).suffix.lower())
    warning = None
    if expected and expected != kind:
        warning = (
            f"{file_name} is named like {_NAMES[expected]} but is really {_NAMES[kind]}; "
            f"it was read as {_NAMES[kind]}."
        )
    return Sniffed(kind, warning)


def _kind_of(data: bytes) -> str:
    if not data.strip():
        raise ReaderError("empty_file", "The file is empty (0 bytes).", _REUPLOAD_HINT)
    head = data[:16]
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(_OLE2):
        return _ole_kind(data)
    if is_tally_xml(data):  # before the binary check: UTF-16 text has zero bytes
        return XML
    _refuse_binary(head)
    return _text_kind(data)


def _wrong(what: str, hint: str) -> ReaderError:
    return ReaderError("wrong_file_type", f"This file is {what}, not a financial statement.", hint)


_SAVE_AS_XLSX = "Open it in Excel, save it as an Excel Workbook (.xlsx) and upload that."
_SAVE_AS_PDF = (
    "If the statements are in this document, save it as PDF (File > Save As > PDF) "
    "and upload that; or upload the Excel workbook of the statements."
)
_WORD_MESSAGE = "This file is a Word document, not an Excel workbook (it only has an Excel name)."
# Members (or OpenDocument mimetypes) that say what a zip that is no .xlsx really is.
_ZIP_REFUSALS = [
    ("xl/workbook.bin", "an Excel binary workbook (.xlsb)", _SAVE_AS_XLSX),
    ("word/document.xml", "a Word document", _SAVE_AS_PDF),
    ("ppt/presentation.xml", "a PowerPoint presentation", _UPLOAD_HINT),
    ("opendocument.spreadsheet", "an OpenDocument spreadsheet (.ods)", _SAVE_AS_XLSX),
    ("opendocument.text", "an OpenDocument text document (.odt)", _SAVE_AS_PDF),
]
_OLE_REFUSALS = [
    ("WordDocument", "a Word 97-2003 document (.doc)", _SAVE_AS_PDF),
    ("PowerPoint Document", "a PowerPoint 97-2003 presentation", _UPLOAD_HINT),
]


def _zip_kind(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = _mimetype(archive) if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, zlib.error) as error:
        raise ReaderError(
            "corrupt_workbook",
            "The file looks like an Excel workbook but is damaged or incomplete.",
            _REUPLOAD_HINT,
        ) from error
    if "xl/workbook.xml" in names:
        return XLSX
    for mark, what, hint in _ZIP_REFUSALS:
        if mark in names or mark.encode() in mimetype:
            error = _wrong(what, hint)
            if what == "a Word document":  # the mistake CAs make most: say it plainly
                error = ReaderError(error.code, _WORD_MESSAGE, hint)
            raise error
    raise _wrong("a zip archive", "Unzip it and upload the statements inside, one file each.")


def _mimetype(archive: zipfile.ZipFile) -> bytes:
    """The OpenDocument 'mimetype' member, read only when it is as small as it should be."""
    if archive.getinfo("mimetype").file_size > 200:
        return b""
    return archive.read("mimetype")


def _ole_kind(data: bytes) -> str:
    """OLE2 container: a legacy .xls, a .doc, or an encrypted Office file.

    Directory entry names are UTF-16 in the container; finding one is enough
    to tell the kinds apart without a full OLE2 parser.
    """

    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        raise encrypted_workbook()
    if has("Workbook") or has("Book"):
        return XLS
    for name, what, hint in _OLE_REFUSALS:
        if has(name):
            raise _wrong(what, hint)
    raise _wrong("an Office file of an unknown kind", _UPLOAD_HINT)


def encrypted_workbook() -> ReaderError:
    return ReaderError(
        "encrypted_workbook",
        "The workbook is password-protected, so it cannot be read.",
        "Open it in Excel, remove the password (File > Info > Protect Workbook > "
        "Encrypt with Password, clear it), save and upload again.",
    )


def _refuse_binary(head: bytes) -> None:
    for magic, name in _IMAGES:
        if head.startswith(magic):
            raise ReaderError(
                "wrong_file_type",
                f"This file is a picture ({name}), not a statement the product can read.",
                "Pictures and photographs cannot be read. Upload the original PDF of the "
                "statements or an Excel export.",
            )
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        raise ReaderError(
            "wrong_file_type",
            "This file is a photograph (HEIC), not a statement the product can read.",
            "Upload the original PDF of the statements or an Excel export.",
        )
    if head.startswith(b"{\\rtf"):
        raise _wrong("a Rich Text (Word) document", "Save it as PDF and upload that.")


def _text_kind(data: bytes) -> str:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return CSV
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if controls > len(sample) // 100:
        raise _wrong("not a document the product knows (binary data)", _UPLOAD_HINT)
    lowered = sample.lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        raise _wrong(
            "an Excel 2003 XML spreadsheet",
            "Open it in Excel, save it as an Excel Workbook (.xlsx) and upload that.",
        )
    if lowered.lstrip().startswith((b"<!doctype html", b"<html")) or b"<table" in lowered:
        raise _wrong(
            "a web page (HTML) with a spreadsheet name, as some software exports",
            "Open it in Excel, save it as an Excel Workbook (.xlsx) and upload that.",
        )
    return CSV
