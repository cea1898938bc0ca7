"""Uploads that are no statement but a document the bank asks for with them: a lender's
EMI schedule (Excel or PDF) or the borrower's stock and book-debts statement (Excel).

A real document pack carries them beside the statements. The extract step
hands here a file the statement readers refused; one recognised by its table
becomes the project's term loan or stock statement (source "read from <file>"),
so the CMA's interest, DSCR and drawing power follow it. What the CA corrected
or entered is never overwritten by a reading: the CA's word stands.
"""

from __future__ import annotations

from pipeline.readers import document_kind
from pipeline.readers.document import ReaderError, ReadLimits
from pipeline.readers.emi_schedule import LoanSchedule, read_emi_schedule
from pipeline.readers.sniff import sniff
from pipeline.readers.stock_statement import StockStatement as ReadStatement
from pipeline.readers.stock_statement import read_stock_statement
from pipeline.term_loans import stored_years
from projects.models import Project, SourceFile, StockStatement, TermLoanSchedule

EMI_SCHEDULE, STOCK_STATEMENT = document_kind.EMI_SCHEDULE, document_kind.STOCK_STATEMENT
CA_SOURCES = ("entered by the CA", "corrected by the CA")


def take_up(project: Project, source: SourceFile, data: bytes, limits: ReadLimits) -> str | None:
    """Read `source` as a lender's schedule or a stock statement and store it; the kind it
    was read as, or None when it is neither."""
    name = f"{source.original_name}.{sniff(source.original_name, data).kind}"
    try:
        schedule = read_emi_schedule(data, name, limits)
    except ReaderError:
        schedule = None
    if schedule is not None:
        _store_loan(project, source.original_name, schedule)
        return EMI_SCHEDULE
    try:
        statement = read_stock_statement(data, name, limits)
    except ReaderError:
        return None
    _store_stock(project, source.original_name, statement)
    return STOCK_STATEMENT


def _store_loan(project: Project, file_name: str, schedule: LoanSchedule) -> None:
    read_from = f"read from {file_name}"
    loans = project.term_loan_schedules
    if loans.filter(source__startswith=read_from).exclude(source=read_from).exists():
        return  # the CA corrected this file's loan: their schedule stands
    loans.filter(source=read_from).delete()  # a reading again replaces the last one
    loan_row(project, schedule, read_from).save()


def loan_row(project: Project, schedule: LoanSchedule, source: str) -> TermLoanSchedule:
    """The project's next term loan as `schedule` gives it (unsaved)."""
    return TermLoanSchedule(
        project=project,
        position=project.term_loan_schedules.count(),
        lender=schedule.lender,
        sanction=schedule.sanction,
        rate_pct=schedule.rate_pct,
        emi=schedule.emi,
        moratorium_months=schedule.moratorium_months,
        years=stored_years(schedule),
        source=source,
    )


def _store_stock(project: Project, file_name: str, statement: ReadStatement) -> None:
    current = StockStatement.objects.filter(project=project).first()
    if current is not None and current.source.endswith(CA_SOURCES):
        return  # the CA's statement stands
    store_statement(project, statement, f"read from {file_name}")


def store_statement(project: Project, statement: ReadStatement, source: str) -> StockStatement:
    """`statement` as the project's stock statement, replacing the one before."""
    row, _ = StockStatement.objects.update_or_create(
        project=project,
        defaults={
            "period": statement.period[:200],
            "stock": statement.total_stock,
            "creditors_for_goods": statement.creditors_for_goods,
            "receivables_under_90": statement.receivables_under_90,
            "receivables_over_90": statement.receivables_over_90,
            "stock_parts": {key: str(value) for key, value in statement.stock.items()},
            "warnings": list(statement.warnings),
            "source": source,
        },
    )
    return row
