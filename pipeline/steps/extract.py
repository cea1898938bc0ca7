"""Step 1: every uploaded file into line items with their amounts per financial year.

Each file is read on its own (readers are pure: bytes in, items out) and
stored in its own savepoint, so one unreadable file never sinks the others.
Each file's document kind is decided first by its content
(pipeline.readers.document_kind): only a statement is read into line items; any
other document of the pack is reported as what it is, and a lender's EMI schedule
or a stock statement becomes the project's term loan or stock statement
(pipeline.lender_documents).
An unreadable file keeps its clear error and hint, the rest extract, and the step reports a
partial result. Only when no file yields anything is it a permanent error.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import transaction

from pipeline import lender_documents, progress, statement_arithmetic
from pipeline.constitution_inference import printed
from pipeline.constitution_signs import contradiction
from pipeline.errors import PERMANENT, StepError, StepResult
from pipeline.extract_report import extract_report
from pipeline.models import LineItem
from pipeline.options import PipelineOptions
from pipeline.readers import document_kind, read_document
from pipeline.readers.document import ExtractedDocument, ExtractedItem, ReaderError, ReadLimits
from pipeline.readers.year_kind import year_kinds
from pipeline.readers.years import (
    assign_year_sources,
    counts_for,
    merge_statements,
    other_sources,
)
from projects.models import FileStatus, Project, SourceFile

TAKEN_UP = {
    lender_documents.EMI_SCHEDULE: "Read as a lender's EMI schedule: its loan is on the "
    "project's Term loans page, where it can be corrected.",
    lender_documents.STOCK_STATEMENT: "Read as a stock and book-debts statement: the drawing "
    "power is on the project's Drawing power page, where the figures can be corrected.",
}


# The readers' codes for a file in which no statement layout was found.
UNRECOGNISED = ("unrecognised_layout", "no_statements")


def limits() -> ReadLimits:
    return ReadLimits(
        max_file_bytes=settings.EXTRACT_MAX_FILE_BYTES,
        max_pdf_pages=settings.EXTRACT_MAX_PDF_PAGES,
        max_workbook_cells=settings.EXTRACT_MAX_WORKBOOK_CELLS,
        max_shared_strings=settings.EXTRACT_MAX_SHARED_STRINGS,
        max_rows=settings.EXTRACT_MAX_ROWS,
        max_unzipped_bytes=settings.EXTRACT_MAX_UNZIPPED_BYTES,
        workers=settings.EXTRACT_WORKERS,
        ocr_workers=settings.OCR_WORKERS,
        ocr_min_confidence=settings.OCR_MIN_CONFIDENCE,
        ocr_page_min_confidence=settings.OCR_PAGE_MIN_CONFIDENCE,
    )


def run(project: Project, options: PipelineOptions) -> StepResult:
    """Extract every file of `project`.

    Idempotent: replaces the project's line items (a retry or a forced
    reprocess never duplicates them) and every file's outcome.
    Raises StepError(PERMANENT) when no file could be read.
    """
    files = list(project.files.all())
    read: list[tuple[SourceFile, ExtractedDocument, list[dict]]] = []
    failed: list[tuple[SourceFile, ReaderError]] = []
    others: list[tuple[SourceFile, str, str]] = []  # no statement: (file, kind, its message)
    for done, source in enumerate(files, start=1):
        with source.file.open("rb") as handle:
            data = handle.read()
        lines = document_kind.read_lines(source.original_name, data, limits())
        kind = document_kind.kind_of(lines)
        source.document_kind, source.year_kinds = kind.kind, {}
        if kind.kind not in document_kind.STATEMENT_READ:
            others.append((source, kind.kind, _recognised(project, source, data, kind)))
            continue
        try:
            read.append((source, *_read(source, data)))
            read[-1][1].warnings += _constitution_warning(project, source, lines)
            source.document_kind = document_kind.STATEMENT
            source.year_kinds = year_kinds(lines, read[-1][1].statement_year)
        except ReaderError as error:
            taken = lender_documents.take_up(project, source, data, limits())
            if taken:
                source.document_kind = taken
                others.append((source, taken, TAKEN_UP[taken]))
            elif kind.kind == document_kind.OTHER and error.code in UNRECOGNISED:
                others.append((source, kind.kind, _recognised(project, source, data, kind)))
            else:
                failed.append((source, error))
        progress.report(0.9 * done / len(files))
    _store(project, read, failed)
    for source, kind, message in others:
        source.warnings, source.ocr_report, source.extract_report = [message], {}, []
        _mark_file(source, FileStatus.EXTRACTED, kind)
    problems = [f"{source.original_name}: {error.message} {error.hint}" for source, error in failed]
    if not read:
        raise StepError(
            f"None of the {len(files)} uploaded files could be read as a financial statement"
            + (f" ({len(others)} are other documents of the pack)." if others else "."),
            PERMANENT,
            "See each file's kind and error below, then upload the balance sheet and profit "
            "and loss account and retry.",
        )
    items = sum(len(document.items) for _, document, _ in read)
    return StepResult(
        summary=f"{items} line items from {len(read)} of {len(files)} files",
        counts={"items": items, "files": len(read), "failed_files": len(failed)},
        problems=problems,
    )


def _recognised(project: Project, source: SourceFile, data: bytes, kind) -> str:
    """The info message for a file that is no statement; a lender's EMI schedule or a
    stock statement is also stored as the project's (pipeline.lender_documents)."""
    taken = kind.kind in TAKEN_UP and lender_documents.take_up(project, source, data, limits())
    if taken:
        return TAKEN_UP[taken]
    return (
        f"Recognised as {_article(kind.label)} {kind.label} ({kind.why}): kept with the "
        "project and not read as statement line items."
    )


def _constitution_warning(project: Project, source: SourceFile, lines) -> list[str]:
    """A warning when the statements print another constitution's capital accounts."""
    found = contradiction(project.constitution, printed(source.original_name, lines))
    return [found] if found else []


def _article(label: str) -> str:
    return "an" if label[0] in "aeiou" else "a"


def _read(source: SourceFile, data: bytes) -> tuple[ExtractedDocument, list[dict]]:
    """The file's items, its arithmetic's breaks among its warnings, and its extract report."""
    document = read_document(source.original_name, data, limits())
    checks = statement_arithmetic.check_rows(document.items, document.units)
    document.warnings += statement_arithmetic.breaks(checks)
    return document, extract_report(document, checks)


def _store(project: Project, read, failed) -> None:
    documents = [document for _, document, _ in read]
    year_sources = merge_statements(
        documents, assign_year_sources(documents, wanted=project.years_wanted)
    )
    with transaction.atomic():
        LineItem.objects.filter(project=project).delete()
        for source, document, report in read:
            with transaction.atomic():  # a savepoint per file
                rows = [
                    _line_item(project, source, position, item, document, documents, year_sources)
                    for position, item in enumerate(document.items)
                ]
                for row, checks in zip(rows, ocr_checks(document), strict=True):
                    row.ocr_checks = checks
                LineItem.objects.bulk_create(rows, batch_size=500)
                source.ocr_report = _ocr_summary(document)
                source.statement_year = document.statement_year or ""
                source.rupees_per_unit = max(document.units.values(), default=Decimal(1))
                source.warnings = document.warnings
                source.extract_report = report
                _mark_file(source, FileStatus.EXTRACTED, document.kind, items=len(rows))
        for source, error in failed:
            source.warnings = []
            source.ocr_report = {}
            source.extract_report = []
            _mark_file(source, FileStatus.FAILED, error=error)


def _mark_file(source: SourceFile, status: str, kind: str = "", *, items=0, error=None) -> None:
    source.status = status
    source.items_found = items
    source.detected_type = kind or (source.detected_type if error else "")
    source.error_code = error.code if error else ""
    source.error = error.message if error else ""
    source.hint = error.hint if error else ""
    source.save(
        update_fields=[
            "status",
            "items_found",
            "detected_type",
            "error_code",
            "error",
            "hint",
            "warnings",
            "statement_year",
            "rupees_per_unit",
            "ocr_report",
            "extract_report",
            "document_kind",
            "year_kinds",
        ]
    )


def ocr_checks(document: ExtractedDocument) -> list[dict]:
    """Per item, in order: {year: what OCR read and why a CA must confirm it} (mostly empty)."""
    checks: list[dict] = [{} for _ in document.items]
    for entry in (document.ocr or {}).get("amounts_to_confirm", []):
        fields = {key: value for key, value in entry.items() if key not in ("item", "year")}
        checks[entry["item"]][entry["year"]] = fields
    return checks


def _ocr_summary(document: ExtractedDocument) -> dict:
    """The file's OCR report without the per-figure entries, which the line items carry."""
    report = document.ocr or {}
    summary = {key: value for key, value in report.items() if key != "amounts_to_confirm"}
    if report:
        summary["amounts_to_confirm"] = len(report["amounts_to_confirm"])
    return summary


# Text fields copied as the reader found them ("" where it found none).
_TEXT_FIELDS = (
    "statement",
    "section",
    "subsection",
    "note",
    "side",
    "tally_group",
    "column",
    "table",
    "sheet",
    "stored_as",
    "printed_unit",
    "exclude_reason",
)


def _line_item(project, source, position, item: ExtractedItem, document, documents, year_sources):
    return LineItem(
        project=project,
        source_file=source,
        position=position,
        label=item.label,
        page=item.page,
        row=item.row,
        cells=item.cells,
        amounts={year: _money(value) for year, value in item.amounts.items()},
        counts_for=counts_for(item, document, year_sources),
        other_sources=other_sources(item, document, documents, year_sources),
        **{name: getattr(item, name) or "" for name in _TEXT_FIELDS},
    )


def _money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))
