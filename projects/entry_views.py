"""Portal pages where the CA enters what no statement prints: Form I (the borrower's
particulars and its limits per facility), the projections' assumptions, the term
loans' schedules (a lender's EMI schedule read, then corrected, or entered) and the
stock statement behind the drawing power (read from Excel, corrected, or entered).

Adapters like projects.views: scope to the member's firm, validate a form, call
one service, redirect with a message. Any member may read the page; only a CA
or the owner may save, since what is saved goes into the bank's CMA.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from pipeline.cma.drawing_power import drawing_power
from pipeline.cma_inputs import form_one_of, stock_position_of
from projects import entry_services
from projects.access import get_project_for_user, membership_of, require_processing_role
from projects.entry_services import FACILITY_FIELDS, STOCK_FIELDS
from projects.forms import (
    AssumptionsForm,
    FacilityFormSet,
    ParticularsForm,
    StockStatementForm,
    TermLoanForm,
    TermLoanFormSet,
    UploadForm,
    facilities_of,
)
from projects.models import StockStatement
from projects.services import ServiceError
from projects.throttles import UploadThrottle, limit

FUTURE_KINDS = ("estimated", "projected")
AFTER_SAVING = (
    "The next CMA generated prints it; a completed project shows it once processed again "
    "(Process again, from the generate step)."
)


@login_required
@require_http_methods(["GET", "POST"])
def form_one(request, pk):
    project = get_project_for_user(request.user, pk)
    membership = membership_of(request.user)
    particulars = entry_services.particulars_of(project)
    saved = [{k: getattr(f, k) for k in FACILITY_FIELDS} for f in project.facilities.all()]
    if request.method == "POST":
        require_processing_role(request.user)
        form = ParticularsForm(request.POST, instance=particulars)
        formset = FacilityFormSet(request.POST, prefix="facility")
        if form.is_valid() and formset.is_valid():
            entry_services.save_form_one(
                project, form.cleaned_data, facilities_of(formset), acting_user=request.user
            )
            messages.success(request, f"Form I is saved. {AFTER_SAVING}")
            return redirect("projects:form-one", pk=project.pk)
        status = 400
    else:
        form = ParticularsForm(instance=particulars)
        formset = FacilityFormSet(initial=saved, prefix="facility")
        status = 200
    context = {"project": project, "membership": membership, "form": form, "formset": formset}
    return render(request, "projects/form_one.html", context, status=status)


def future_years(project) -> list[str]:
    """The estimated and projected years of the project's last CMA; none before one."""
    cma = getattr(project, "cma", None)
    if cma is None:
        return []
    return [y["key"] for y in cma.document.get("years", []) if y["kind"] in FUTURE_KINDS]


@login_required
@require_http_methods(["GET", "POST"])
def assumptions(request, pk):
    project = get_project_for_user(request.user, pk)
    membership = membership_of(request.user)
    years = future_years(project)
    status = 200
    if request.method == "POST":
        require_processing_role(request.user)
        form = AssumptionsForm(request.POST, years=years)
        if form.is_valid():  # the form checks them as the service does
            entry_services.save_assumptions(
                project, form.cleaned_data["assumptions"], acting_user=request.user
            )
            messages.success(request, f"The assumptions are saved. {AFTER_SAVING}")
            return redirect("projects:assumptions", pk=project.pk)
        status = 400
    else:
        form = AssumptionsForm.for_stated(project.assumptions, years)
    context = {"project": project, "membership": membership, "form": form}
    return render(request, "projects/assumptions.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def term_loans(request, pk):
    project = get_project_for_user(request.user, pk)
    membership = membership_of(request.user)
    status = 200
    if request.method == "POST":
        require_processing_role(request.user)
        formset = TermLoanFormSet(request.POST, prefix="loan")
        if formset.is_valid():
            kept = [
                form.loan()
                for form in formset.forms
                if not form.cleaned_data.get("DELETE") and not form.is_blank
            ]
            try:
                entry_services.save_term_loans(project, kept, acting_user=request.user)
            except ServiceError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, f"The term loans are saved. {AFTER_SAVING}")
                return redirect("projects:term-loans", pk=project.pk)
        status = 400
    else:
        rows = project.term_loan_schedules.all()
        formset = TermLoanFormSet(initial=[TermLoanForm.initial_of(r) for r in rows], prefix="loan")
    sources = {row.pk: row.source for row in project.term_loan_schedules.all()}
    context = {
        "project": project,
        "membership": membership,
        "formset": formset,
        "loans": [(form, sources.get(form.initial.get("id"), "")) for form in formset.forms],
    }
    return render(request, "projects/term_loans.html", context, status=status)


@login_required
@require_POST
@limit(UploadThrottle)
def term_loan_read(request, pk):
    """A lender's EMI schedule uploaded: read into a new loan the CA can then correct."""
    project = get_project_for_user(request.user, pk)
    require_processing_role(request.user)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("file", ["The upload failed."])))
        return redirect("projects:term-loans", pk=project.pk)
    for upload in form.cleaned_data["file"]:
        try:
            row = entry_services.read_term_loan(project, upload, acting_user=request.user)
        except ServiceError as error:
            messages.error(request, f"{upload.name}: {error.message}")
        else:
            messages.success(
                request, f"{upload.name}: read as {row.lender}'s loan. Check it below."
            )
    return redirect("projects:term-loans", pk=project.pk)


@login_required
@require_http_methods(["GET", "POST"])
def stock_statement(request, pk):
    project = get_project_for_user(request.user, pk)
    membership = membership_of(request.user)
    stored = StockStatement.objects.filter(project=project).first()
    status = 200
    if request.method == "POST":
        require_processing_role(request.user)
        form = StockStatementForm(request.POST)
        if form.is_valid():
            entry_services.save_stock_statement(
                project, form.cleaned_data, acting_user=request.user
            )
            messages.success(request, f"The stock statement is saved. {AFTER_SAVING}")
            return redirect("projects:stock-statement", pk=project.pk)
        status = 400
    else:
        form = StockStatementForm(
            initial={f: getattr(stored, f) for f in STOCK_FIELDS} if stored else None
        )
    position = stock_position_of(project)
    context = {
        "project": project,
        "membership": membership,
        "form": form,
        "statement": stored,
        "dp": drawing_power(position, form_one_of(project)) if position else None,
    }
    return render(request, "projects/stock_statement.html", context, status=status)


@login_required
@require_POST
@limit(UploadThrottle)
def stock_statement_read(request, pk):
    """The borrower's stock statement uploaded: read as the project's statement."""
    project = get_project_for_user(request.user, pk)
    require_processing_role(request.user)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("file", ["The upload failed."])))
        return redirect("projects:stock-statement", pk=project.pk)
    upload = form.cleaned_data["file"][0]
    try:
        entry_services.read_stock_statement_file(project, upload, acting_user=request.user)
    except ServiceError as error:
        messages.error(request, f"{upload.name}: {error.message}")
    else:
        messages.success(request, f"{upload.name}: read. Check the figures below.")
    return redirect("projects:stock-statement", pk=project.pk)
