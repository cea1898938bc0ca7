"""The project's rows as the CMA package's inputs (pipeline.cma is pure; this is the bridge).

Shared by the validate and generate steps so that both compute the same CMA:
the effective row of every line item after review (pipeline.mapping), the
document that counts for each year, the project's settings and assumptions.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

from pipeline.classifier.policy import Policy
from pipeline.cma.assumptions import Assumptions
from pipeline.cma.build import build_cma
from pipeline.cma.checklist import Thresholds
from pipeline.cma.drawing_power import StockPosition
from pipeline.cma.form_one import PARTICULARS, Facility, FormOne
from pipeline.cma.loans import TermLoan
from pipeline.cma.model import (
    Cma,
    Contribution,
    LineItem,
    PendingItem,
    ProjectInfo,
    YearDocument,
)
from pipeline.mapping import PENDING, EffectiveItem, effective_items
from pipeline.options import PipelineOptions
from pipeline.term_loans import loan_years
from projects.models import (
    BankChecklist,
    BorrowerParticulars,
    FileStatus,
    Project,
    SourceFile,
    StockStatement,
)

# A statement printed in lakhs or crores shows two decimals: one printed unit of the
# last decimal is the rounding margin its own totals carry.
PRINTED_DECIMALS = Decimal("0.01")


@dataclass
class CmaInputs:
    cma: Cma
    pending: list[PendingItem]


def policy_of(project: Project, options: PipelineOptions | None = None) -> Policy:
    """The firm's classification policy with the project's overrides and this run's threshold."""
    settings = {**project.firm.classification_policy, **project.classification_policy}
    if options is not None:
        settings["auto_approve_above"] = options.auto_approve_above
    return Policy.from_dict(settings)


def build_project_cma(project: Project, options: PipelineOptions) -> CmaInputs:
    """Compute the project's CMA from its line items as they stand after review.

    Raises pipeline.cma.model.CmaInputError (or the policy's or assumptions'
    error) when the inputs cannot make a CMA; the steps turn it into a StepError.
    """
    items = effective_items(project)
    policy = policy_of(project, options)
    info = ProjectInfo(
        company=project.company_name,
        constitution=project.constitution,
        industry=project.industry,
        firm=project.firm.name,
        id=str(project.pk),
        years_wanted=tuple(project.years_wanted),
        display_unit=project.display_unit,
        projected_years=project.projected_years,
        assumptions=Assumptions.from_dict(project.assumptions),
        policy=tuple(policy.describe()),
        quasi_equity=policy.promoter_loans == "quasi_equity",
        form_one=form_one_of(project),
        term_loans=term_loans_of(project),
        stock_position=stock_position_of(project),
        checklist=checklist_of(project),
    )
    cma = build_cma(info, year_documents(project), contributions(items), trace_items(items))
    return CmaInputs(cma, pending_items(items))


def checklist_of(project: Project) -> Thresholds:
    """The bank's checklist the firm has in use (Django admin), else the default set."""
    row = BankChecklist.objects.filter(firm_id=project.firm_id, in_use=True).first()
    if row is None:
        return Thresholds()
    return Thresholds(**{f.name: getattr(row, f.name) for f in fields(Thresholds)})


def form_one_of(project: Project) -> FormOne:
    """Form I as the CA entered it on the project (blank when nothing was entered)."""
    row = BorrowerParticulars.objects.filter(project=project).first()
    particulars = {key: getattr(row, key) for key, _ in PARTICULARS} if row else {}
    if particulars.get("incorporated_on"):
        particulars["incorporated_on"] = f"{particulars['incorporated_on']:%d-%m-%Y}"
    facilities = [
        Facility(
            kind=f.kind,
            existing=f.existing_limit,
            proposed=f.proposed_limit,
            bank=f.bank,
            name=f.name,
            security=f.security,
            stock_margin_pct=f.stock_margin_pct,
            receivables_margin_pct=f.receivables_margin_pct,
        )
        for f in project.facilities.all()
    ]
    return FormOne.of(particulars, facilities)


def term_loans_of(project: Project) -> tuple[TermLoan, ...]:
    """The term loans' schedules as read from the lenders' files or entered by the CA."""
    return tuple(
        TermLoan(
            lender=row.lender,
            years=loan_years(row.years),
            sanction=row.sanction,
            rate_pct=row.rate_pct,
            emi=row.emi,
            moratorium_months=row.moratorium_months,
            source=row.source,
        )
        for row in project.term_loan_schedules.all()
    )


def stock_position_of(project: Project) -> StockPosition | None:
    """The latest stock statement's figures, for the drawing power; None without one."""
    row = StockStatement.objects.filter(project=project).first()
    if row is None:
        return None
    return StockPosition(
        stock=row.stock,
        creditors_for_goods=row.creditors_for_goods,
        receivables_under_90=row.receivables_under_90,
        receivables_over_90=row.receivables_over_90,
        period=row.period,
        source=row.source,
    )


def year_documents(project: Project) -> list[YearDocument]:
    """For each year, the extracted file whose items count for it (the later statement)."""
    counting: dict[str, SourceFile] = {}
    for source in project.files.filter(status=FileStatus.EXTRACTED):
        for years in source.line_items.values_list("counts_for", flat=True).distinct():
            for year in years or ():
                counting[year] = source
    return [
        YearDocument(
            year=year,
            file=source.original_name,
            kind=source.detected_type,
            rounding_tolerance=_tolerance(source),
        )
        for year, source in sorted(counting.items())
    ]


def _tolerance(source: SourceFile) -> Decimal:
    return source.rupees_per_unit * PRINTED_DECIMALS if source.rupees_per_unit > 1 else Decimal(0)


def contributions(items: list[EffectiveItem]) -> list[Contribution]:
    """What each counted item (or each part of a split) adds to its row, sign applied."""
    return [
        Contribution(key, 1, signed, item.counts_for, item_id=str(item.id))
        for item in items
        for key, signed in item.contributions().items()
    ]


def trace_items(items: list[EffectiveItem]) -> list[LineItem]:
    """Every line item for the trace sheet and the JSON; a split item once per part."""
    traced = []
    for item in items:
        base = {
            "file": item.file,
            "page": item.page,
            "sheet": item.sheet or None,
            "row": item.row,
            "section": item.section,
            "note": item.note or None,
            "confidence": item.confidence,
            "counts_for": item.counts_for,
        }
        if item.parts:
            traced += [
                LineItem(
                    id=f"{item.id}-{n}",
                    label=f"{item.label} (part {n} of {len(item.parts)})",
                    amounts=part.amounts,
                    cma_key=part.cma_key,
                    sign=part.sign,
                    decision="reclassified",
                    **base,
                )
                for n, part in enumerate(item.parts, start=1)
            ]
            continue
        traced.append(
            LineItem(
                id=str(item.id),
                label=item.label,
                amounts=item.amounts,
                cma_key=item.cma_key,
                sign=item.sign if item.cma_key else None,
                decision=item.decision,
                exclude_reason=item.reason or None,
                **base,
            )
        )
    return traced


def pending_items(items: list[EffectiveItem]) -> list[PendingItem]:
    return [
        PendingItem(
            id=str(item.id),
            label=item.label,
            file=item.file,
            years=item.counts_for,
            page=item.page,
            sheet=item.sheet or None,
            row=item.row,
        )
        for item in items
        if item.decision == PENDING and item.counts_for
    ]
