"""Portal pages where the CA enters what no statement prints: Form I (the borrower's
particulars and its limits per facility) and the projections' assumptions.

Adapters like projects.views: scope to the member's firm, validate a form, call
one service, redirect with a message. Any member may read the page; only a CA
or the owner may save, since what is saved goes into the bank's CMA.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from projects import entry_services
from projects.access import get_project_for_user, membership_of, require_processing_role
from projects.entry_services import FACILITY_FIELDS
from projects.forms import AssumptionsForm, FacilityFormSet, ParticularsForm, facilities_of

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


@login_required
@require_http_methods(["GET", "POST"])
def assumptions(request, pk):
    project = get_project_for_user(request.user, pk)
    membership = membership_of(request.user)
    status = 200
    if request.method == "POST":
        require_processing_role(request.user)
        form = AssumptionsForm(request.POST)
        if form.is_valid():  # the form checks them as the service does
            entry_services.save_assumptions(
                project, form.cleaned_data["assumptions"], acting_user=request.user
            )
            messages.success(request, f"The assumptions are saved. {AFTER_SAVING}")
            return redirect("projects:assumptions", pk=project.pk)
        status = 400
    else:
        form = AssumptionsForm.for_stated(project.assumptions)
    context = {"project": project, "membership": membership, "form": form}
    return render(request, "projects/assumptions.html", context, status=status)
