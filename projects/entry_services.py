"""What the CA enters that no statement prints: Form I (the borrower's particulars and
the limits per facility), the projections' assumptions, the term loans' schedules
(read from the lenders' EMI schedules, then corrected, or entered) and the stock and
book-debts statement behind the drawing power (read from Excel, corrected, or entered).

One function per write, with the acting user and an audit row. The portal's
pages and the API both call them; the generate step reads what they store
(pipeline.cma_inputs).
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.form_one import PARTICULARS
from pipeline.lender_documents import loan_row, store_statement
from pipeline.readers.document import ReaderError
from pipeline.readers.emi_schedule import read_emi_schedule
from pipeline.readers.stock_statement import read_stock_statement
from pipeline.term_loans import PARTS, loan_years
from projects import audit
from projects.models import (
    BorrowerParticulars,
    Facility,
    Project,
    StockStatement,
    TermLoanSchedule,
)
from projects.services import ServiceError
from projects.uploads import Refused, admit, display_name

FACILITY_FIELDS = (
    "kind",
    "name",
    "bank",
    "existing_limit",
    "proposed_limit",
    "security",
    "stock_margin_pct",
    "receivables_margin_pct",
)


def particulars_of(project: Project) -> BorrowerParticulars:
    """The project's particulars, unsaved and blank when none were entered yet."""
    found = BorrowerParticulars.objects.filter(project=project).first()
    return found or BorrowerParticulars(project=project)


def save_form_one(
    project: Project, particulars: dict, facilities: list[dict], *, acting_user
) -> Project:
    """Replace the project's Form I: `particulars` by field name, `facilities` in order.

    The facilities given are the whole list: one left out is removed.
    """
    with transaction.atomic():
        row = particulars_of(project)
        for key, _ in PARTICULARS:
            setattr(row, key, particulars.get(key) or (None if key == "incorporated_on" else ""))
        row.save()
        project.facilities.all().delete()
        Facility.objects.bulk_create(
            Facility(project=project, position=n, **{k: f[k] for k in FACILITY_FIELDS if k in f})
            for n, f in enumerate(facilities)
        )
        audit.record(
            audit.FORM_ONE_SAVED,
            firm=project.firm,
            project=project,
            actor=acting_user,
            message=f"{len(facilities)} facilit{'y' if len(facilities) == 1 else 'ies'}",
        )
    return project


def save_assumptions(project: Project, stated: dict, *, acting_user) -> Project:
    """Replace the project's assumptions with `stated` (checked: AssumptionError names a
    bad key or value); what is left out follows its default."""
    cleaned = Assumptions.from_dict(stated).to_dict()
    Project.objects.filter(pk=project.pk).update(assumptions=cleaned, updated_at=timezone.now())
    project.assumptions = cleaned
    audit.record(
        audit.ASSUMPTIONS_SAVED,
        firm=project.firm,
        project=project,
        actor=acting_user,
        message=", ".join(sorted(cleaned)) or "every assumption from its default",
    )
    return project


LOAN_FIELDS = ("lender", "sanction", "rate_pct", "emi", "moratorium_months")
CORRECTED = ", corrected by the CA"


def save_term_loans(project: Project, loans: list[dict], *, acting_user) -> Project:
    """Replace the project's term loans with `loans`, in order: each with LOAN_FIELDS and
    `years` ({"FY2026": {"interest", "principal", "outstanding"}}), and the `id` of the
    stored loan it corrects, if any (a loan read from a file and changed says so in its
    source). A loan left out is removed. ServiceError names a loan that cannot be used."""
    existing = {row.pk: row for row in project.term_loan_schedules.all()}
    rows = []
    for position, loan in enumerate(loans):
        name = loan.get("lender") or f"loan {position + 1}"
        if not str(loan.get("lender") or "").strip():
            raise ServiceError(f"Loan {position + 1}: name its lender.")
        try:
            years = loan_years(loan.get("years"))
        except ValueError as error:
            raise ServiceError(f"{name}: {error}") from None
        row = TermLoanSchedule(
            project=project,
            position=position,
            years={y: {p: str(getattr(v, p)) for p in PARTS} for y, v in years.items()},
            **{field: loan.get(field) for field in LOAN_FIELDS if field != "moratorium_months"},
            moratorium_months=loan.get("moratorium_months") or 0,
        )
        row.source = _source(existing.get(loan.get("id")), row)
        rows.append(row)
    with transaction.atomic():
        project.term_loan_schedules.all().delete()
        TermLoanSchedule.objects.bulk_create(rows)
        audit.record(
            audit.TERM_LOANS_SAVED,
            firm=project.firm,
            project=project,
            actor=acting_user,
            message=", ".join(row.lender for row in rows) or "no term loan",
        )
    return project


def _source(before: TermLoanSchedule | None, after: TermLoanSchedule) -> str:
    if before is None:
        return "entered by the CA"
    same = all(_same(getattr(before, f), getattr(after, f)) for f in LOAN_FIELDS)
    if same and loan_years(before.years) == loan_years(after.years):
        return before.source
    return before.source if before.source.endswith(CORRECTED) else before.source + CORRECTED


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return str(a).strip() == str(b).strip() if isinstance(a, str) else Decimal(a) == Decimal(b)


def read_term_loan(project: Project, upload, *, acting_user) -> TermLoanSchedule:
    """Read a lender's EMI schedule (Excel or PDF) into a new term loan of the project,
    which the CA may then correct. ServiceError says why a file cannot be read."""
    name = display_name(upload.name)
    try:
        admitted = admit(upload, name)
        schedule = read_emi_schedule(admitted.data, f"{name}.{admitted.kind}")
    except Refused as refused:
        raise ServiceError(refused.message) from None
    except ReaderError as error:
        raise ServiceError(f"{error.message} {error.hint}") from None
    row = loan_row(project, schedule, f"read from {name}")
    row.save()
    audit.record(
        audit.TERM_LOAN_READ, firm=project.firm, project=project, actor=acting_user, message=name
    )
    return row


STOCK_FIELDS = (
    "period",
    "stock",
    "creditors_for_goods",
    "receivables_under_90",
    "receivables_over_90",
)


def save_stock_statement(project: Project, figures: dict, *, acting_user) -> StockStatement:
    """The CA's stock statement (STOCK_FIELDS, amounts in rupees): entered, or a correction
    of the one read from a file (whose source then says so)."""
    before = StockStatement.objects.filter(project=project).first()
    row = before or StockStatement(project=project)
    changed = before is None or any(
        not _same(getattr(before, f), figures.get(f) or ("" if f == "period" else 0))
        for f in STOCK_FIELDS
    )
    for name in STOCK_FIELDS:
        setattr(row, name, figures.get(name) or ("" if name == "period" else Decimal(0)))
    if before is None:
        row.source = "entered by the CA"
    elif changed and not before.source.endswith(CORRECTED) and before.source.startswith("read"):
        row.source = before.source + CORRECTED
    row.save()
    audit.record(
        audit.STOCK_STATEMENT_SAVED,
        firm=project.firm,
        project=project,
        actor=acting_user,
        message=row.period or "period not stated",
    )
    return row


def read_stock_statement_file(project: Project, upload, *, acting_user) -> StockStatement:
    """Read the borrower's stock and book-debts statement (Excel) as the project's
    statement, replacing the one before. ServiceError says why a file cannot be read."""
    name = display_name(upload.name)
    try:
        admitted = admit(upload, name)
        statement = read_stock_statement(admitted.data, f"{name}.{admitted.kind}")
    except Refused as refused:
        raise ServiceError(refused.message) from None
    except ReaderError as error:
        raise ServiceError(f"{error.message} {error.hint}") from None
    row = store_statement(project, statement, f"read from {name}")
    audit.record(
        audit.STOCK_STATEMENT_READ, firm=project.firm, project=project, actor=acting_user,
        message=name,
    )  # fmt: skip
    return row
