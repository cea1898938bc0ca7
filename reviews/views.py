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
from reviews.forms import ApproveAllForm, ContinueForm, DecisionForm, MoveForm, ReopenForm
from reviews.rows import crosses_statements, row_title, statement_title
from reviews.screen import build_screen, bulk_message, decision_text, items


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
    if form.cleaned_data["decision"] == "reclassify" and (
        refused := _unconfirmed_move([item], form)
    ):
        messages.error(request, refused)
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
def move_selected(request, pk):
    """The ticked items to one row (the row picker's "Move selected")."""
    project = get_project_for_user(request.user, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_screen_at(project))
    data = form.cleaned_data
    chosen = list(project.review_items.pending().linked().filter(pk__in=data["items"]))
    if refused := _unconfirmed_move(chosen, form):
        messages.error(request, refused)
        return redirect(_screen_at(project))
    try:
        moved = services.move_items(
            project,
            data["items"],
            cma_key=data["cma_key"],
            sign=data["sign"],
            acting_user=request.user,
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_screen_at(project))
    messages.success(request, f"Moved {items(moved)} to {row_title(data['cma_key'])}.")
    return redirect(_screen_at(project))


@login_required
@require_POST
def reopen(request, pk):
    """Ask about an item the classifier was sure of, from a failed validation's suspects."""
    project = get_project_for_user(request.user, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_screen_at(project))
    try:
        item = services.reopen_for_review(
            project, form.cleaned_data["line_item"], acting_user=request.user
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_screen_at(project))
    messages.success(request, f"“{item.row.label}” is open for your decision.")
    return redirect(_screen_at(project, item.pk))


def _unconfirmed_move(chosen, form) -> str:
    """Why a move to another statement's row waits for the CA's confirmation ("" if none)."""
    key = form.cleaned_data["cma_key"]
    crossing = [item for item in chosen if crosses_statements(item.row.statement, key)]
    if not crossing or form.cleaned_data["confirm_other_statement"]:
        return ""
    first = crossing[0].row
    return (
        f"“{first.label}” is printed in the {statement_title(first.statement).lower()}, and "
        f"{row_title(key)} is a row of another statement. Confirm the move to put "
        f"{'it' if len(crossing) == 1 else f'these {len(crossing)} items'} there."
    )


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
    messages.success(request, bulk_message(result))
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
            f"{items(pending)} {'is' if pending == 1 else 'are'} still pending. Tick the "
            "confirmation to continue anyway: validation will flag them as errors.",
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
