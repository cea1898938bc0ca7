"""Readers: the bytes of one uploaded file in, its printed line items out.

`read_document` is the one entry point. It checks the size limit, finds out
what the file really is from its bytes (not its name), and hands it to the
PDF reader or to the spreadsheet readers (.xlsx, legacy .xls, CSV). A file
whose name says one supported type but whose bytes are another supported
type is read as what it really is, with a warning on the document; anything
else is refused with a `ReaderError` that names what the file is. Readers are
pure: no ORM, no Django.
"""

from __future__ import annotations

import logging

from pipeline.readers.document import ExtractedDocument, ReaderError, ReadLimits
from pipeline.readers.loaders import load_csv, load_xls, load_xlsx
from pipeline.readers.pdf import read_pdf
from pipeline.readers.sniff import CSV, PDF, XLS, XLSX, XML, sniff
from pipeline.readers.spreadsheet import read_workbook
from pipeline.readers.tally_xml import read_tally_xml

__all__ = ["ExtractedDocument", "ReadLimits", "ReaderError", "read_document"]

logger = logging.getLogger(__name__)
_LOADERS = {XLSX: load_xlsx, XLS: load_xls, CSV: load_csv}


def read_document(file_name: str, data: bytes, limits: ReadLimits) -> ExtractedDocument:
    """Every printed line item of one file, amounts in rupees by financial year.

    1. Refuse a file over `limits.max_file_bytes` before looking inside.
    2. Sniff the real type from the bytes; refuse what is not a statement.
    3. Read a PDF with the PDF reader, anything else as a grid of cells.
    Raises ReaderError (code, message, hint) for every file it cannot read.
    """
    if len(data) > limits.max_file_bytes:
        megabytes = limits.max_file_bytes // (1024 * 1024)
        raise ReaderError(
            "too_large",
            f"The file is larger than the {megabytes} MB limit.",
            "Upload only the statements (balance sheet, profit and loss, notes), or compress "
            "the PDF before uploading.",
        )
    sniffed = sniff(file_name, data)
    document = _read(file_name, data, limits, sniffed.kind)
    if sniffed.warning:
        document.warnings.append(sniffed.warning)
    return document


def _read(file_name: str, data: bytes, limits: ReadLimits, kind: str) -> ExtractedDocument:
    try:
        if kind == PDF:
            return read_pdf(file_name, data, limits)
        if kind == XML:
            return read_tally_xml(file_name, data)
        return read_workbook(file_name, _LOADERS[kind](data, limits))
    except ReaderError:
        raise
    except Exception as error:  # a reader's bug must not sink the project's other files
        # A defect of ours, never passed off as the CA's layout: logged with its traceback
        # for the fix, and the file stays with the project to be read again after it.
        logger.exception("reading %s failed: a reader defect", file_name)
        raise ReaderError(
            "reader_defect",
            "The product failed while reading this file "
            f"({type(error).__name__}): a defect on our side, not a fault of the file.",
            "The file is kept with the project and the failure is logged for a fix; process "
            "the project again once it is fixed, or upload the statements as a PDF meanwhile.",
        ) from error
