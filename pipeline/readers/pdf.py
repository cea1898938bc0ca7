"""Read a statement PDF into line items: the entry point of the PDF readers.

1. Refuse what cannot be read, before parsing any page: too large, not a
   PDF, cut short by an interrupted upload, password-protected, too many
   pages.
2. Survey the pages quickly: find the scanned pages (no text layer), and
   leave out pages that are wholly annexures.
3. Read the other pages' words (several processes for a long file), and
   OCR the scanned ones into the same positioned words (ocr).
4. Walk the pages into items (Schedule III or T-format), then mark totals
   and face lines expanded in notes.
5. Check every OCRed figure by the statement's arithmetic (ocr_checks).
Nothing partial is returned: a file either yields its items or a ReaderError.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.readers.document import UNPLACED, ExtractedDocument, Part, ReaderError, ReadLimits
from pipeline.readers.ocr import Scanned, read_scanned, refuse_pages
from pipeline.readers.ocr_checks import OcrChecks, check_scanned
from pipeline.readers.pdf_pages import PageText, count_pages, damaged_pdf, read_pages, truncated_pdf
from pipeline.readers.pdf_parse import Parsed, parse_pages
from pipeline.readers.pdf_structure import finish
from pipeline.readers.pdf_survey import Survey, disagrees, has_text, survey

_TRAILER_WINDOW = 2048  # %%EOF must close the file; a cut-off upload lacks it
# Every PDF, even one cut short, holds numbered objects ("12 0 obj") after its header.
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


def read_pdf(
    file_name: str, data: bytes, limits: ReadLimits, password: str | None = None
) -> ExtractedDocument:
    """Every printed line item of the statement PDF `data`, amounts in rupees.

    Raises ReaderError (codes: too_large, corrupt_pdf, truncated_pdf,
    encrypted_pdf, too_many_pages, ocr_not_installed, ocr_failed, scan_unreadable,
    no_statements).
    """
    page_count = _checked_page_count(data, limits, password)
    pages, found, scanned = _text_pages(data, password, page_count, limits)
    parsed, items, ocr = _parsed(pages, found, scanned, limits)
    if failing := ocr.failing_pages():  # read too badly to confirm figure by figure
        scanned = refuse_pages(scanned, failing)
        kept = [page for page in pages if page.number not in failing]
        parsed, items, ocr = _parsed(kept, found, scanned, limits)
    years = sorted({year for item in items for year in item.amounts}, reverse=True)
    return ExtractedDocument(
        file_name=file_name,
        kind="tformat" if parsed.tformat else "schedule_iii",
        statement_year=years[0] if years else None,
        years=years,
        items=items,
        units=parsed.units,
        pages=page_count,
        warnings=_warnings(parsed, scanned, ocr),
        ocr=ocr.report() if scanned.read else None,
        parts=_left_out(found, scanned),
    )


def _left_out(found: Survey, scanned: Scanned) -> list[Part]:
    """The pages no reader took, for the extract report (the others are described by
    their items): annexures, and scanned pages OCR could not read well enough."""
    parts = [
        Part(
            f"page {number}",
            UNPLACED,
            "an annexure page (no statement or note on it), left out",
            page=number,
        )
        for number in found.annexures
    ]
    parts += [
        Part(f"page {number}", UNPLACED, f"a scanned page left out: {why}", page=number)
        for number, why in scanned.refused.items()
    ]
    return sorted(parts, key=lambda part: part.page)


def _parsed(pages: list[PageText], found: Survey, scanned: Scanned, limits: ReadLimits):
    """(the parse, the finished items, the OCR checks) of the pages read."""
    parsed = parse_pages(pages, annexures=found.annexures)
    if not parsed.drafts:
        raise unreadable_scan(scanned) if scanned.refused else no_statements(scanned)
    tolerance = max(parsed.units.values(), default=Decimal("1")) * Decimal("0.01")
    items = finish(parsed.drafts, tolerance)
    return parsed, items, check_scanned(parsed.drafts, scanned, parsed.units, tolerance, limits)


def _text_pages(
    data: bytes, password: str | None, page_count: int, limits: ReadLimits
) -> tuple[list[PageText], Survey, Scanned]:
    """(every page read, by its text layer or by OCR, in order; the survey; the scans)."""
    found = survey(data, password, page_count) or Survey([], [], [])
    skipped = set(found.textless) | set(found.annexures)
    wanted = [n for n in range(1, page_count + 1) if n not in skipped]
    pages = read_pages(data, password, wanted, limits.workers) if wanted else []
    _check_consistent(pages, found)
    textless = sorted({*found.textless, *(page.number for page in pages if page.scanned)})
    scanned = read_scanned(data, password, textless, limits) if textless else Scanned([], {}, [])
    if textless and not scanned.read and not any(page.has_text for page in pages):
        raise unreadable_scan(scanned)
    ocred = {page.text.number: page.text for page in scanned.read}
    merged = [page for page in pages if page.number not in ocred] + list(ocred.values())
    return sorted(merged, key=lambda page: page.number), found, scanned


def _checked_page_count(data: bytes, limits: ReadLimits, password: str | None) -> int:
    if len(data) > limits.max_file_bytes:
        raise ReaderError(
            "too_large",
            f"The PDF is {len(data) / 1048576:.1f} MB, more than the "
            f"{limits.max_file_bytes / 1048576:.0f} MB a file may have.",
            "Upload the statements without scanned annexures, or split the PDF.",
        )
    if b"%PDF-" not in data[:1024]:
        raise ReaderError(
            "corrupt_pdf",
            "The file is not a PDF, although its name says so.",
            "Open it to see what it is, then upload the statements as PDF or Excel.",
        )
    if not _OBJECT.search(data):
        raise ReaderError(
            "corrupt_pdf",
            "The file begins like a PDF, but what follows is not PDF content: it is damaged, "
            "or it is not really a PDF, so nothing in it can be read.",
            "Open it on your computer. If it does not open, ask the client for the file again; "
            "if it does, save or print it as a new PDF, or export the statements to Excel, "
            "and upload that.",
        )
    if b"%%EOF" not in data[-_TRAILER_WINDOW:]:
        raise truncated_pdf()
    count = count_pages(data, password)
    if count > limits.max_pdf_pages:
        raise too_many_pages(data, password, count, limits.max_pdf_pages)
    return count


def too_many_pages(data: bytes, password: str | None, count: int, limit: int) -> ReaderError:
    """Refused before any page is parsed; pdfium says whether any page has text."""
    if has_text(data, password) is False:
        return ReaderError(
            "too_many_pages",
            f"The PDF has {count:,} pages, more than the {limit:,} a file may have, and none "
            "of them carries text (they are blank, or scanned images), so nothing was read.",
            "Upload the original PDF of the statements as exported by the accounting "
            "software, or an Excel export; a scan cannot be read.",
        )
    return ReaderError(
        "too_many_pages",
        f"The PDF has {count:,} pages, more than the {limit:,} a file may have, so none of "
        "them was read.",
        "Upload the financial statements and notes without long annexures or other documents.",
    )


def _check_consistent(pages: list[PageText], found: Survey) -> None:
    """Refuse a file whose pages two readers read differently: its items would be partial."""
    damaged = [
        page.number
        for page in pages
        if found.chars and disagrees(found.chars[page.number - 1], page.chars)
    ]
    if damaged:
        raise damaged_pdf(f" ({page_ranges(damaged)} cannot be read reliably)")


def unreadable_scan(scanned: Scanned) -> ReaderError:
    """Every scanned page was refused (or blank): name each with its reason."""
    if not scanned.refused:
        return no_statements(scanned)
    reasons = "; ".join(f"page {page} {why}" for page, why in sorted(scanned.refused.items()))
    return ReaderError(
        "scan_unreadable",
        f"The scanned pages could not be read reliably by OCR: {reasons}.",
        "Scan the pages again at 300 dpi in grey, flat and without shadows, or upload the "
        "original PDF or an Excel export.",
    )


def no_statements(scanned: Scanned | None = None) -> ReaderError:
    how = " (its scanned pages were read by OCR)" if scanned and scanned.read else ""
    return ReaderError(
        "no_statements",
        "No balance sheet, profit and loss account or notes with figures were found in the "
        f"PDF{how}.",
        "Check that this is the client's financial statements; upload the statements themselves.",
    )


def page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 7] -> 'pages 1-3 and 7'."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    parts = [f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs]
    text = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    return f"{'page' if len(pages) == 1 else 'pages'} {text}"


def _warnings(parsed: Parsed, scanned: Scanned, ocr: OcrChecks) -> list[str]:
    warnings = []
    if scanned.read:
        report = ocr.report()
        warnings.append(
            f"{page_ranges([page.text.number for page in scanned.read]).capitalize()} "
            f"{'is a scan' if len(scanned.read) == 1 else 'are scans'}, read by OCR "
            f"(mean confidence {report['mean_confidence']:.0f} %): the statement's arithmetic "
            f"confirmed {report['figures_confirmed']} of {report['figures_read']} figures; "
            f"{len(report['amounts_to_confirm'])} are amounts to confirm."
        )
    for page, why in sorted(scanned.refused.items()):
        warnings.append(f"Page {page} is a scan {why}, and was not read.")
    if scanned.blank:
        verb = "is a scan" if len(scanned.blank) == 1 else "are scans"
        warnings.append(f"{page_ranges(scanned.blank)} {verb} in which OCR found no print.")
    if parsed.annexure_pages:
        warnings.append(
            f"Annexures on {page_ranges(parsed.annexure_pages)} were skipped: they detail "
            "amounts the notes already carry."
        )
    if parsed.unplaced:
        where = "; ".join(f"page {page} line {line}" for page, line in parsed.unplaced[:10])
        more = f" and {len(parsed.unplaced) - 10} more" if len(parsed.unplaced) > 10 else ""
        warnings.append(
            f"Figures on {len(parsed.unplaced)} printed lines are not under a year column and "
            f"were not read ({where}{more}): check them against the PDF."
        )
    if parsed.unstated_unit_pages:
        warnings.append(
            f"{page_ranges(parsed.unstated_unit_pages)} state no unit; amounts were read as rupees."
        )
    return warnings
