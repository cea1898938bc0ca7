"""Firms, their members, their projects and the files uploaded to them, and the audit log."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django_fsm import FSMField, FSMModelMixin, transition

from pipeline.cma.checklist import Thresholds
from pipeline.cma.form_one import FACILITY_KINDS, RECEIVABLES_MARGIN_PCT, STOCK_MARGIN_PCT
from pipeline.file_types import CSV, DOCUMENT_KIND_CHOICES, PDF, XLS, XLSX, XML
from projects.status import (
    ERROR,
    FAILABLE_STATES,
    STATUS_CHOICES,
    STEP_STARTS,
    Status,
)


class Firm(models.Model):
    """A CA firm: the boundary nobody crosses. Every project, file and audit row has one."""

    name = models.CharField(max_length=200, unique=True)
    time_zone = models.CharField(max_length=64, default="Asia/Kolkata")
    # Treatments CAs disagree on (pipeline.classifier.policy documents keys and defaults).
    classification_policy = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    CA = "ca", "Chartered Accountant"
    STAFF = "staff", "Staff"


class Membership(models.Model):
    """A user's place in exactly one firm, with the role that decides what they may do."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["firm", "user__email"]

    def __str__(self) -> str:
        return f"{self.user.email} ({self.get_role_display()}, {self.firm})"

    @property
    def can_process(self) -> bool:
        return self.role in (Role.OWNER, Role.CA)

    @property
    def can_review(self) -> bool:
        return self.role in (Role.OWNER, Role.CA)

    @property
    def can_manage_members(self) -> bool:
        return self.role == Role.OWNER


class Constitution(models.TextChoices):
    PRIVATE_LIMITED = "private_limited", "Private limited company"
    PUBLIC_LIMITED = "public_limited", "Public limited company"
    LLP = "llp", "Limited liability partnership"
    PARTNERSHIP = "partnership", "Partnership firm"
    PROPRIETORSHIP = "proprietorship", "Proprietorship"


class Industry(models.TextChoices):
    MANUFACTURING = "manufacturing", "Manufacturing"
    TRADING = "trading", "Trading"
    SERVICES = "services", "Services"


class DisplayUnit(models.TextChoices):
    AUTO = "auto", "Automatic: ₹ crores from ₹100 crore of net sales, else ₹ lakhs"
    RUPEES = "rupees", "₹ (rupees)"
    LAKHS = "lakhs", "₹ lakhs"
    CRORES = "crores", "₹ crores"


class ProjectQuerySet(models.QuerySet):
    def for_firm(self, firm: Firm) -> ProjectQuerySet:
        return self.filter(firm=firm)


class Project(FSMModelMixin, models.Model):
    """One client's CMA: its files, its pipeline run, its result.

    `status` moves only through the transitions below, called by the services in
    `projects.services` and by the orchestrator; `protected=True` stops any
    other code from assigning it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    firm = models.ForeignKey(Firm, on_delete=models.PROTECT, related_name="projects")
    company_name = models.CharField(max_length=200)
    constitution = models.CharField(max_length=20, choices=Constitution.choices)
    industry = models.CharField(
        max_length=20, choices=Industry.choices, default=Industry.MANUFACTURING
    )
    # Financial-year keys ("FY2025") the CA wants; empty means "every audited year found".
    years_wanted = models.JSONField(default=list, blank=True)
    projected_years = models.PositiveSmallIntegerField(default=3)
    display_unit = models.CharField(
        max_length=10, choices=DisplayUnit.choices, default=DisplayUnit.AUTO
    )
    # Projection assumptions (pipeline.cma.projection documents keys and defaults).
    assumptions = models.JSONField(default=dict, blank=True)
    # Overrides of the firm's classification policy for this client only.
    classification_policy = models.JSONField(default=dict, blank=True)
    options = models.JSONField(default=dict, blank=True)  # the PipelineOptions of the last run

    status = FSMField(default=Status.DRAFT, choices=STATUS_CHOICES, protected=True)
    pipeline_steps = models.JSONField(default=dict, blank=True)
    pipeline_progress = models.PositiveSmallIntegerField(default=0)
    current_step = models.CharField(max_length=20, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveBigIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    error_step = models.CharField(max_length=20, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    cost = models.DecimalField(max_digits=12, decimal_places=4, default=Decimal("0"))

    # The claim (pipeline.claims): who may run this project's pipeline, and until when.
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    claim_started = models.BooleanField(default=False, editable=False)
    lease_expires_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["firm", "status"]),
            models.Index(fields=["lease_expires_at"]),
        ]

    def __str__(self) -> str:
        return self.company_name

    @property
    def is_processing(self) -> bool:
        """True from the moment a run is accepted (queued or running) until it stops."""
        return self.claim_token is not None

    # Transitions: empty on purpose; the services that call them do the work and the audit.
    @transition(field=status, source=STEP_STARTS["start_extracting"], target=Status.EXTRACTING)
    def start_extracting(self) -> None:
        pass

    @transition(field=status, source=Status.EXTRACTING, target=Status.EXTRACTED)
    def finish_extracting(self) -> None:
        pass

    @transition(field=status, source=STEP_STARTS["start_classifying"], target=Status.CLASSIFYING)
    def start_classifying(self) -> None:
        pass

    @transition(field=status, source=Status.CLASSIFYING, target=Status.CLASSIFIED)
    def finish_classifying(self) -> None:
        pass

    @transition(field=status, source=STEP_STARTS["await_review"], target=Status.REVIEWING)
    def await_review(self) -> None:
        pass

    @transition(field=status, source=STEP_STARTS["start_validating"], target=Status.VALIDATING)
    def start_validating(self) -> None:
        pass

    @transition(field=status, source=Status.VALIDATING, target=Status.VALIDATED)
    def finish_validating(self) -> None:
        pass

    @transition(field=status, source=STEP_STARTS["start_generating"], target=Status.GENERATING)
    def start_generating(self) -> None:
        pass

    @transition(field=status, source=Status.GENERATING, target=Status.COMPLETED)
    def complete(self) -> None:
        pass

    @transition(field=status, source=FAILABLE_STATES, target=ERROR)
    def fail(self) -> None:
        pass

    @transition(field=status, source=[Status.ERROR, Status.COMPLETED], target=Status.DRAFT)
    def reopen(self) -> None:
        pass


# The statement types uploads are admitted as, each named as its file extension.
STORED_TYPES = (PDF, XLSX, XLS, CSV, XML)


def upload_path(instance: SourceFile, filename: str) -> str:
    """A name of ours: the client's file name is data (`original_name`), never a path.

    The extension is the type read from the content (projects.uploads).
    """
    extension = instance.detected_type if instance.detected_type in STORED_TYPES else "bin"
    return f"projects/{instance.project_id}/uploads/{uuid.uuid4().hex}.{extension}"


class FileStatus(models.TextChoices):
    UPLOADED = "uploaded", "Uploaded"
    EXTRACTED = "extracted", "Extracted"
    FAILED = "failed", "Could not be read"


class SourceFile(models.Model):
    """An uploaded statement, kept as uploaded whatever its outcome (nothing is lost)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="files")
    original_name = models.CharField(max_length=255)
    file = models.FileField(upload_to=upload_path, max_length=500)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    detected_type = models.CharField(max_length=40, blank=True)
    status = models.CharField(
        max_length=12, choices=FileStatus.choices, default=FileStatus.UPLOADED
    )
    error_code = models.CharField(max_length=40, blank=True)
    error = models.TextField(blank=True)
    hint = models.TextField(blank=True)
    # What the reader noticed about a file it could read, in sentences for the CA: cells
    # that read another workbook, a name that belies the content, pages left out.
    warnings = models.JSONField(default=list, blank=True)
    items_found = models.PositiveIntegerField(default=0)
    # What extraction found: the year the statement is for, and its largest printed
    # unit (1 for rupees, 100000 for lakhs): one unit of it is the rounding margin.
    statement_year = models.CharField(max_length=10, blank=True)
    rupees_per_unit = models.DecimalField(max_digits=12, decimal_places=0, default=1)
    # A scan's OCR: pages read, their confidence, figures confirmed (ExtractedDocument.ocr).
    ocr_report = models.JSONField(default=dict, blank=True)
    # Each sheet or page: the role it was read as and why, its unit, years and items, and
    # every check of the statement's arithmetic on it (pipeline.extract_report).
    extract_report = models.JSONField(default=list, blank=True)
    # What the upload is (pipeline.readers.document_kind): a statement, or a tax audit report,
    # ITR, EMI schedule, sanction letter, stock statement, ageing, bank statement, other.
    # Only a statement is read into line items; "" until the extract step has looked.
    document_kind = models.CharField(max_length=20, choices=DOCUMENT_KIND_CHOICES, blank=True)
    # {year: audited, provisional, unaudited or estimated} as the file's titles say
    # (pipeline.readers.year_kind); a year no title speaks of is not in it.
    year_kinds = models.JSONField(default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "sha256"], name="one_copy_of_a_file"),
        ]

    def __str__(self) -> str:
        return self.original_name


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("audit entries are append-only")

    def delete(self):
        raise PermissionError("audit entries are append-only")


class AuditEntry(models.Model):
    """One thing that happened, who did it and when. Rows are written once, never changed."""

    firm = models.ForeignKey(Firm, on_delete=models.PROTECT, related_name="audit_entries")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=60)
    message = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise PermissionError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("audit entries are append-only")


class BorrowerParticulars(models.Model):
    """Form I's particulars of the borrower, as the CA enters them (pipeline.cma.form_one)."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="borrower")
    registered_office = models.TextField(blank=True)
    works_address = models.TextField(blank=True)
    incorporated_on = models.DateField(null=True, blank=True)
    pan = models.CharField(max_length=10, blank=True)
    gstin = models.CharField(max_length=15, blank=True)
    cin = models.CharField(max_length=21, blank=True)
    activity = models.CharField(max_length=200, blank=True)
    promoters = models.TextField(blank=True)
    banker = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Form I of {self.project}"


class Facility(models.Model):
    """One limit on Form I: existing and proposed, in rupees, and its drawing-power margins."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="facilities")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=list(FACILITY_KINDS.items()))
    name = models.CharField(max_length=120, blank=True)
    bank = models.CharField(max_length=120, blank=True)
    existing_limit = models.DecimalField(max_digits=16, decimal_places=2, default=Decimal(0))
    proposed_limit = models.DecimalField(max_digits=16, decimal_places=2, default=Decimal(0))
    security = models.CharField(max_length=300, blank=True)
    stock_margin_pct = models.DecimalField(max_digits=5, decimal_places=2, default=STOCK_MARGIN_PCT)
    receivables_margin_pct = models.DecimalField(
        max_digits=5, decimal_places=2, default=RECEIVABLES_MARGIN_PCT
    )

    class Meta:
        ordering = ["project", "position", "id"]
        verbose_name_plural = "facilities"

    def __str__(self) -> str:
        return self.name or self.get_kind_display()


class TermLoanSchedule(models.Model):
    """A term loan's repayment schedule: read from the lender's EMI schedule, or entered
    by the CA, who may correct what was read (pipeline.term_loans makes it the CMA's).

    `years` holds each financial year's interest and principal paid and the balance
    outstanding at its end, in rupees as text: {"FY2026": {"interest": "…", ...}}.
    """

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="term_loan_schedules"
    )
    position = models.PositiveSmallIntegerField(default=0)
    lender = models.CharField(max_length=200)
    sanction = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    rate_pct = models.DecimalField(max_digits=6, decimal_places=3, null=True, blank=True)
    emi = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    moratorium_months = models.PositiveSmallIntegerField(default=0)
    years = models.JSONField(default=dict)
    source = models.CharField(max_length=300, default="entered by the CA")

    class Meta:
        ordering = ["project", "position", "id"]

    def __str__(self) -> str:
        return self.lender


class StockStatement(models.Model):
    """The borrower's latest stock and book-debts statement, for the drawing power: read
    from its Excel file or entered by the CA, who may correct what was read. Rupees."""

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, related_name="stock_statement"
    )
    period = models.CharField(max_length=200, blank=True)
    stock = models.DecimalField(max_digits=16, decimal_places=2)
    creditors_for_goods = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    receivables_under_90 = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    receivables_over_90 = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    # What the reader found per part of the stock and noticed, when it was read from a file.
    stock_parts = models.JSONField(default=dict, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    source = models.CharField(max_length=300, default="entered by the CA")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Stock statement of {self.project}"


class BankChecklist(models.Model):
    """A bank's checklist the credit officer's check runs on a firm's CMAs
    (pipeline.cma.bank_checks). A firm keeps the default set or a bank's own;
    the one marked in use applies to its projects, else the defaults of
    pipeline.cma.checklist.Thresholds."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="bank_checklists")
    name = models.CharField(max_length=200)
    in_use = models.BooleanField(
        default=False, help_text="The set the firm's CMAs are checked against."
    )
    current_ratio_min = models.DecimalField(
        max_digits=6, decimal_places=2, default=Thresholds.current_ratio_min
    )
    tol_tnw_max = models.DecimalField(
        max_digits=6, decimal_places=2, default=Thresholds.tol_tnw_max
    )
    dscr_average_min = models.DecimalField(
        max_digits=6, decimal_places=2, default=Thresholds.dscr_average_min
    )
    dscr_minimum_min = models.DecimalField(
        max_digits=6, decimal_places=2, default=Thresholds.dscr_minimum_min
    )
    interest_cover_min = models.DecimalField(
        max_digits=6, decimal_places=2, default=Thresholds.interest_cover_min
    )
    sales_growth_margin_points = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        default=Thresholds.sales_growth_margin_points,
        help_text="Projected growth above the best of the last three years by more than this.",
    )
    holding_excess_pct = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        default=Thresholds.holding_excess_pct,
        help_text="A holding level more than this % above the company's three-year average.",
    )

    class Meta:
        ordering = ["firm", "name"]
        constraints = [
            models.UniqueConstraint(fields=["firm", "name"], name="one_checklist_name_per_firm"),
            models.UniqueConstraint(
                fields=["firm"], condition=models.Q(in_use=True), name="one_checklist_in_use"
            ),
        ]

    def __str__(self) -> str:
        return self.name
