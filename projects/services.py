"""What members do to projects: create, upload, remove a file, process, retry, resume.

One function per write, with the acting user, leaving an audit row. Views, the
API, the admin and the management commands all call these.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django_q.tasks import async_task

from pipeline import claims
from pipeline.options import PipelineOptions
from pipeline.orchestrator import runnable_states
from projects import audit
from projects.models import FileStatus, Firm, Project, SourceFile
from projects.status import Status
from projects.uploads import Refused, admit, display_name


class ServiceError(Exception):
    """A request that cannot be done now; `status` is the HTTP status that says why."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Conflict(ServiceError):
    status = 409


def create_project(*, firm: Firm, acting_user, **fields) -> Project:
    project = Project.objects.create(firm=firm, created_by=acting_user, **fields)
    audit.record(
        audit.PROJECT_CREATED,
        firm=firm,
        project=project,
        actor=acting_user,
        message=project.company_name,
    )
    return project


@dataclass
class UploadOutcome:
    name: str
    file: SourceFile | None = None
    error: str = ""


def upload_files(
    project: Project, files: list[UploadedFile], *, acting_user
) -> list[UploadOutcome]:
    """Store each file on its own: one refused file never stops the others."""
    if project.is_processing:
        raise Conflict("The project is being processed; upload more files when it stops.")
    return [_store_file(project, upload, acting_user) for upload in files]


def _store_file(project: Project, upload: UploadedFile, acting_user) -> UploadOutcome:
    name = display_name(upload.name)
    try:
        admitted = admit(upload, name)
    except Refused as refused:
        return _refuse(project, name, refused.message, acting_user)
    if project.files.filter(sha256=admitted.sha256).exists():  # decided before storing
        return _refuse_copy(project, name, admitted.sha256, acting_user)
    stored = SourceFile(
        project=project,
        original_name=name,
        # The bytes that were checked; the stored name is ours (upload_path).
        file=ContentFile(admitted.data, name=admitted.kind),
        size=len(admitted.data),
        sha256=admitted.sha256,
        detected_type=admitted.kind,
        uploaded_by=acting_user,
    )
    try:
        with transaction.atomic():
            stored.save()
    except IntegrityError:  # the same file in a simultaneous request won the row
        stored.file.delete(save=False)
        return _refuse_copy(project, name, admitted.sha256, acting_user)
    audit.record(
        audit.FILE_UPLOADED,
        firm=project.firm,
        project=project,
        actor=acting_user,
        message=name,
        size=stored.size,
        detected_type=admitted.kind,
    )
    return UploadOutcome(name, file=stored)


def removable_because_not(project: Project, file: SourceFile) -> str:
    """Why `file` cannot be removed now, in the member's words; empty when it can."""
    if project.is_processing:
        return "The project is being processed; remove files when it stops."
    if file.status == FileStatus.EXTRACTED:
        return (
            f"{file.original_name} has been read into the project's figures; "
            "upload the right file and process again instead."
        )
    return ""


def remove_file(project: Project, file: SourceFile, *, acting_user) -> None:
    """Take a wrong or unreadable file out of the project before it is read.

    Only while no run holds the project and the file's items are not part of
    its figures (a stored or failed file): removing a read file would leave a
    classification and a CMA that no file backs. The bytes go with the row; the
    audit row keeps the name, size and digest.
    """
    reason = removable_because_not(project, file)
    if reason:
        raise Conflict(reason)
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        if locked.is_processing:
            raise Conflict(removable_because_not(locked, file))
        audit.record(
            audit.FILE_REMOVED,
            firm=project.firm,
            project=project,
            actor=acting_user,
            message=file.original_name,
            size=file.size,
            sha256=file.sha256,
            status=file.status,
        )
        stored = file.file
        file.delete()
        transaction.on_commit(lambda: stored.delete(save=False))


def _refuse_copy(project: Project, name: str, digest: str, acting_user) -> UploadOutcome:
    twin = project.files.get(sha256=digest)
    message = f"{name} is the same file as {twin.original_name}, which is already uploaded."
    return _refuse(project, name, message, acting_user)


def _refuse(project: Project, name: str, error: str, acting_user) -> UploadOutcome:
    audit.record(
        audit.FILE_REJECTED, firm=project.firm, project=project, actor=acting_user, message=error
    )
    return UploadOutcome(name, error=error)


def start_processing(project: Project, options: PipelineOptions, *, acting_user) -> Project:
    """Accept a run: take the claim, then enqueue one task for it after the commit."""
    if not project.files.exists():
        raise ServiceError("Upload at least one statement before processing.")
    allowed = [
        s for s in runnable_states(options) if s != Status.COMPLETED or options.force_reprocess
    ]
    token = claims.take(project.pk, project.firm_id, allowed)
    if token is None:
        raise Conflict(_why_not_runnable(project, "process"))
    audit.record(
        audit.PIPELINE_QUEUED,
        firm=project.firm,
        project=project,
        actor=acting_user,
        options=options.to_dict(),
    )
    _enqueue("pipeline.tasks.run_pipeline_task", project, token, options.to_dict())
    return _reloaded(project)


def retry_processing(project: Project, *, acting_user) -> Project:
    """Resume a failed run at the step that failed, keeping what earlier steps produced."""
    token = claims.take(project.pk, project.firm_id, [Status.ERROR])
    if token is None:
        raise Conflict(_why_not_runnable(project, "retry"))
    options = PipelineOptions.from_dict(project.options)
    options = PipelineOptions(**{**options.to_dict(), "force_reprocess": False})
    audit.record(
        audit.PIPELINE_RETRY_QUEUED,
        firm=project.firm,
        project=project,
        actor=acting_user,
        step=project.error_step,
    )
    _enqueue("pipeline.tasks.run_pipeline_task", project, token, options.to_dict())
    return _reloaded(project)


def resume_processing(project: Project, *, acting_user) -> Project:
    """After review: the review step is done; validate and generate follow."""
    token = claims.take(project.pk, project.firm_id, [Status.REVIEWING])
    if token is None:
        raise Conflict(_why_not_runnable(project, "resume"))
    audit.record(
        audit.PIPELINE_RESUME_QUEUED, firm=project.firm, project=project, actor=acting_user
    )
    _enqueue("pipeline.tasks.resume_pipeline_task", project, token)
    return _reloaded(project)


def _enqueue(task: str, project: Project, token, *args) -> None:
    transaction.on_commit(
        lambda: async_task(
            task,
            str(project.pk),
            project.firm_id,
            str(token),
            *args,
            task_name=f"{task.rsplit('.', 1)[1]}:{project.pk}",
        )
    )


def _reloaded(project: Project) -> Project:
    """A fresh copy. Not refresh_from_db(): django-fsm lifts a protected field's guard for
    it on the shared field object, which races with other threads of the process."""
    return Project.objects.select_related("firm").get(pk=project.pk)


def _why_not_runnable(project: Project, verb: str) -> str:
    project = _reloaded(project)
    if project.is_processing:
        return "The project is already being processed; wait for it to stop."
    if verb == "process" and project.status == Status.COMPLETED:
        return (
            "The CMA is already generated. To process it again, set force_reprocess in the options."
        )
    if project.status == Status.DRAFT and verb == "process":
        return "A draft project runs from the extract step; leave start_from out."
    if project.status == Status.REVIEWING:
        return "The project is waiting for review; resume it once the review is done."
    if verb == "retry":
        return "Nothing failed: only a project whose processing failed can be retried."
    if verb == "resume":
        return "The project is not waiting for review, so there is nothing to resume."
    return f"The project cannot be processed while it is {project.get_status_display().lower()}."
