"""Portal pages: adapters that scope to the member's firm, validate a form, call one
service, and redirect with a plain-language message.

Another firm's project is a 404 (projects.access); a role that may not do
something is a 403 with the reason.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pipeline.options import STEPS
from projects import member_services, services
from projects.access import (
    get_project_for_user,
    membership_of,
    projects_for_user,
    require_processing_role,
)
from projects.downloads import workbook_response
from projects.forms import (
    MemberForm,
    ProcessForm,
    ProjectFilterForm,
    ProjectForm,
    RoleForm,
    UploadForm,
)
from projects.models import AuditEntry, Membership, Project
from projects.serializers import progress_of
from projects.status import Status
from projects.throttles import ProcessThrottle, UploadThrottle, limit
from reviews.questions import pending_questions

PAGE_SIZE = 25


@login_required
@require_GET
def project_list(request):
    membership = membership_of(request.user)
    form = ProjectFilterForm(request.GET)
    projects = projects_for_user(request.user).annotate(
        last_activity=Coalesce(Max("audit_entries__created_at"), "updated_at"),
        file_count=Count("files", distinct=True),
    )
    if form.is_valid():
        if form.cleaned_data["q"]:
            projects = projects.filter(company_name__icontains=form.cleaned_data["q"].strip())
        if form.cleaned_data["status"]:
            projects = projects.filter(status=form.cleaned_data["status"])
    page = Paginator(projects.order_by("-last_activity"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "projects/list.html",
        {"page": page, "form": form, "membership": membership, "filtered": _filtered(form)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_new(request):
    membership = membership_of(request.user)
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        project = services.create_project(
            firm=membership.firm, acting_user=request.user, **form.project_fields()
        )
        messages.success(request, f"{project} is ready. Upload the client's statements to begin.")
        return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/new.html", {"form": form})


@login_required
@require_GET
def project_detail(request, pk):
    project = get_project_for_user(request.user, pk)
    membership = membership_of(request.user)
    return render(request, "projects/detail.html", _detail_context(project, membership))


@login_required
@require_POST
@limit(UploadThrottle)
def project_upload(request, pk):
    """The form post behind the upload widget when JavaScript is off (it uses the API)."""
    project = get_project_for_user(request.user, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("file", ["The upload failed."])))
        return redirect("projects:detail", pk=project.pk)
    try:
        outcomes = services.upload_files(
            project, form.cleaned_data["file"], acting_user=request.user
        )
    except services.ServiceError as error:
        messages.error(request, error.message)
        return redirect("projects:detail", pk=project.pk)
    for outcome in outcomes:
        if outcome.file is not None:
            messages.success(request, f"{outcome.name}: stored.")
        else:
            messages.error(request, f"{outcome.name}: refused. {outcome.error}")
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_POST
def file_remove(request, pk, file_id):
    """Take a wrong or unreadable file out before processing (services.remove_file)."""
    project = get_project_for_user(request.user, pk)
    file = get_object_or_404(project.files, pk=file_id)
    try:
        services.remove_file(project, file, acting_user=request.user)
    except services.ServiceError as error:
        messages.error(request, error.message)
        return redirect("projects:detail", pk=project.pk)
    messages.success(request, f"{file.original_name} was removed.")
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_POST
@limit(ProcessThrottle)
def project_process(request, pk):
    project = get_project_for_user(request.user, pk)
    require_processing_role(request.user)
    form = ProcessForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("projects:detail", pk=project.pk)
    try:
        services.start_processing(project, form.options(), acting_user=request.user)
    except services.ServiceError as error:
        messages.error(request, error.message)
        return redirect("projects:detail", pk=project.pk)
    messages.success(
        request, "Processing has started. Follow it here, or leave and come back later."
    )
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_POST
@limit(ProcessThrottle)
def project_retry(request, pk):
    project = get_project_for_user(request.user, pk)
    require_processing_role(request.user)
    try:
        services.retry_processing(project, acting_user=request.user)
    except services.ServiceError as error:
        messages.error(request, error.message)
        return redirect("projects:detail", pk=project.pk)
    messages.success(request, f"Retrying from the {project.error_step or 'failed'} step.")
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_GET
def project_activity(request, pk):
    project = get_project_for_user(request.user, pk)
    entries = project.audit_entries.select_related("actor").order_by("-created_at", "-id")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "projects/activity.html", {"project": project, "page": page})


@login_required
@require_GET
def project_download(request, pk):
    response = workbook_response(get_project_for_user(request.user, pk))
    if response is None:
        raise Http404("No CMA workbook yet.")
    return response


@login_required
@require_GET
def members(request):
    membership = _require_owner(request.user)
    return render(request, "projects/members.html", _members_context(membership, MemberForm()))


@login_required
@require_POST
def member_add(request):
    membership = _require_owner(request.user)
    form = MemberForm(request.POST)
    if not form.is_valid():
        return render(
            request, "projects/members.html", _members_context(membership, form), status=400
        )
    try:
        added = member_services.add_member(
            firm=membership.firm, acting_user=request.user, **form.cleaned_data
        )
    except services.ServiceError as error:
        messages.error(request, error.message)
        return redirect("projects:members")
    messages.success(
        request,
        f"{added.user.email} is now a member ({added.get_role_display()}). "
        "We emailed them a link to choose a password.",
    )
    return redirect("projects:members")


@login_required
@require_POST
def member_role(request, member_id):
    # Scope first: another firm's member is a 404 to everyone, an owner or not.
    member = get_object_or_404(
        Membership.objects.select_related("user", "firm"),
        pk=member_id,
        firm=membership_of(request.user).firm,
    )
    _require_owner(request.user)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose owner, CA or staff.")
        return redirect("projects:members")
    try:
        member = member_services.change_role(
            member, form.cleaned_data["role"], acting_user=request.user
        )
    except services.ServiceError as error:
        messages.error(request, error.message)
        return redirect("projects:members")
    messages.success(request, f"{member.user.email} is now {member.get_role_display()}.")
    return redirect("projects:members")


# Page state ------------------------------------------------------------------------------


def process_blocked_because(project: Project, membership: Membership, has_files: bool) -> str:
    """Why the Process button is disabled, in the member's words; empty when it is not."""
    if not membership.can_process:
        return "Only a CA or the firm's owner can process projects."
    if project.is_processing:
        return "Processing is under way."
    if not has_files:
        return "Upload at least one statement first."
    if project.status == Status.REVIEWING:
        return "Waiting for a CA's review: finish the review to continue."
    if project.status == Status.ERROR:
        return "Processing failed: retry to continue from the failed step."
    return ""


def _detail_context(project: Project, membership: Membership) -> dict:
    files = list(project.files.all())
    document = progress_of(project)
    failed = document["steps"].get(project.error_step) or {}
    return {
        "project": project,
        "membership": membership,
        "files": files,
        "progress": document,
        "steps": [(step, document["steps"][step]) for step in STEPS],
        "extract_state": document["steps"]["extract"]["status"],
        "process_blocked": process_blocked_because(project, membership, bool(files)),
        "process_form": ProcessForm(),
        "can_retry": (
            project.status == Status.ERROR and not project.is_processing and membership.can_process
        ),
        "failed_hint": failed.get("hint", ""),
        "failed_problems": failed.get("problems", []),
        "pending_reviews": _pending_reviews(project),
        "findings": list(project.findings.all()),
        "cma": getattr(project, "cma", None) if project.status == Status.COMPLETED else None,
        "recent": project.audit_entries.select_related("actor")[:5],
    }


def _pending_reviews(project: Project) -> int:
    if project.status != Status.REVIEWING:
        return 0
    return pending_questions(project)


def _members_context(membership: Membership, form: MemberForm) -> dict:
    firm = membership.firm
    return {
        "firm": firm,
        "members": firm.memberships.select_related("user").order_by("role", "user__email"),
        "form": form,
        "role_form": RoleForm(),
        "log": AuditEntry.objects.filter(firm=firm, project__isnull=True)
        .select_related("actor")
        .order_by("-created_at", "-id")[:20],
    }


def _require_owner(user) -> Membership:
    membership = membership_of(user)
    if not membership.can_manage_members:
        raise PermissionDenied("Only the firm's owner can manage members.")
    return membership


def _filtered(form: ProjectFilterForm) -> bool:
    return form.is_valid() and any(form.cleaned_data.values())
