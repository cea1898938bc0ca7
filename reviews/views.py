"""The review screen and the plain form posts behind it.

Adapters: scope to the member's firm (404 across firms), validate a form, call
one service (which refuses staff with a 403), redirect with a message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from projects import services as project_services
from projects.access import get_project_for_user, membership_of, require_processing_role
from projects.services import ServiceError
from projects.throttles import ProcessThrottle, limit
from reviews import services
from reviews.forms import ApproveAllForm, ContinueForm, DecisionForm
from reviews.screen import build_screen, decision_text


@login_required
@require_GET
def review_screen(request, pk):
    project = get_project_for_user(request.user, pk)
    screen = build_screen(project, membership_of(request.user))
    return render(request, "reviews/screen.html", {"project": project, "screen": screen})


@login_required
@require_POST
def decide(request, pk, item_id):
    project = get_project_for_user(request.user, pk)
    item = get_object_or_404(
        project.review_items.linked().select_related(
            "project__firm", "line_item__source_file", "amount_line__source_file"
        ),
        pk=item_id,
    )
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_screen_at(project, item.pk))
    try:
        item = services.decide_item(item, acting_user=request.user, **form.decision_kwargs())
    except services.InvalidDecision as error:
        messages.error(request, " ".join(error.errors))
        return redirect(_screen_at(project, item.pk))
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_screen_at(project, item.pk))
    messages.success(request, f"“{item.row.label}”: {decision_text(item)}")
    return redirect(_screen_at(project, form.cleaned_data["next"]))


@login_required
@require_POST
def approve_section(request, pk):
    project = get_project_for_user(request.user, pk)
    form = ApproveAllForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_screen_at(project))
    try:
        result = services.approve_all(
            project, acting_user=request.user, section=form.section_or_none()
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_screen_at(project))
    messages.success(
        request, f"Approved {result.approved} item(s) as proposed; {result.left} left."
    )
    return redirect(_screen_at(project, form.cleaned_data["next"]))


@login_required
@require_POST
@limit(ProcessThrottle)
def continue_processing(request, pk):
    """Resume the pipeline; with items still pending, only once the CA has confirmed it."""
    project = get_project_for_user(request.user, pk)
    require_processing_role(request.user)
    form = ContinueForm(request.POST)
    pending = project.review_items.pending().count()
    if pending and not (form.is_valid() and form.cleaned_data["confirm_pending"]):
        messages.error(
            request,
            f"{pending} item(s) are still pending. Tick the confirmation to continue anyway: "
            "validation will flag them as errors.",
        )
        return redirect(_screen_at(project))
    try:
        project_services.resume_processing(project, acting_user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_screen_at(project))
    messages.success(request, "Processing continues: validation and generation follow.")
    return redirect("projects:detail", pk=project.pk)


def _screen_at(project, item_id: int | None = None) -> str:
    url = reverse("reviews:screen", args=[project.pk])
    return f"{url}#item-{item_id}" if item_id else url


def _form_errors(form) -> str:
    return " ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
