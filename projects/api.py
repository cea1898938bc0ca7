"""REST API for projects: create, upload, process, progress, retry, resume, download.

Adapters only: scope to the user's firm, validate with an input serializer,
call one service, answer with an output serializer.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListCreateAPIView, RetrieveAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from projects import services
from projects.access import (
    get_project_for_user,
    membership_of,
    projects_for_user,
    require_processing_role,
)
from projects.api_responses import refusals
from projects.downloads import workbook_response
from projects.serializers import (
    ProcessInput,
    ProjectInput,
    ProjectOutput,
    SourceFileOutput,
    progress_of,
)
from projects.throttles import ProcessThrottle, ThrottledView, UploadThrottle


def _answer_error(error: services.ServiceError) -> Response:
    return Response({"detail": error.message}, status=error.status)


@extend_schema_view(
    get=extend_schema(
        summary="List the firm's projects",
        description="Newest first, paginated (`limit`, `offset`); `?status=` filters by state.",
        responses={200: ProjectOutput(many=True), **refusals(403)},
    )
)
class ProjectListCreate(ListCreateAPIView):
    """The firm's projects: one per client company and CMA."""

    serializer_class = ProjectOutput

    def get_queryset(self):
        queryset = projects_for_user(self.request.user).prefetch_related("files")
        wanted = self.request.query_params.get("status")
        return queryset.filter(status=wanted) if wanted else queryset

    @extend_schema(
        summary="Create a project",
        description="A client company, its constitution and industry; files are uploaded next.",
        request=ProjectInput,
        responses={201: ProjectOutput, **refusals(400, 403)},
    )
    def post(self, request):
        membership = membership_of(request.user)
        data = ProjectInput(data=request.data)
        data.is_valid(raise_exception=True)
        project = services.create_project(
            firm=membership.firm, acting_user=request.user, **data.validated_data
        )
        return Response(ProjectOutput(project).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="A project",
        description="Its state, its files and the link to its progress.",
        responses={200: ProjectOutput, **refusals(404)},
    )
)
class ProjectDetail(RetrieveAPIView):
    serializer_class = ProjectOutput

    def get_object(self):
        return get_project_for_user(self.request.user, self.kwargs["pk"])


class ProjectFiles(ThrottledView, APIView):
    """A project's uploaded statements."""

    parser_classes = [MultiPartParser, FormParser]
    throttle_classes = [UploadThrottle]

    @extend_schema(
        summary="List a project's files",
        description="Each file with its format, state, warnings and any error.",
        responses={200: SourceFileOutput(many=True), **refusals(404)},
    )
    def get(self, request, pk):
        project = get_project_for_user(request.user, pk)
        return Response(SourceFileOutput(project.files.all(), many=True).data)

    @extend_schema(
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {
                    "file": {"type": "array", "items": {"type": "string", "format": "binary"}}
                },
            }
        },
        summary="Upload statements",
        description=(
            "One or more files in the multipart field `file` (PDF, Excel, CSV). Each file is "
            "checked on its own: the answer lists the stored ones and, for each refused one, "
            "why. 201 when at least one was stored, 400 when none was."
        ),
        responses={201: SourceFileOutput(many=True), **refusals(400, 404, 409, 429)},
    )
    def post(self, request, pk):
        project = get_project_for_user(request.user, pk)
        uploads = request.FILES.getlist("file")
        if not uploads:
            return Response(
                {"detail": "Send one or more files in the multipart field 'file'."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            outcomes = services.upload_files(project, uploads, acting_user=request.user)
        except services.ServiceError as error:
            return _answer_error(error)
        stored = [o.file for o in outcomes if o.file is not None]
        rejected = [{"name": o.name, "error": o.error} for o in outcomes if o.error]
        code = status.HTTP_201_CREATED if stored else status.HTTP_400_BAD_REQUEST
        return Response(
            {"files": SourceFileOutput(stored, many=True).data, "rejected": rejected}, status=code
        )


class ProjectFile(APIView):
    """One uploaded statement of a project."""

    @extend_schema(
        summary="Remove a file before it is read",
        description=(
            "Takes a wrong or unreadable file out of the project: allowed while the project "
            "is not being processed and the file has not been read into its figures (state "
            "`uploaded` or `failed`); 409 otherwise, saying why. Leaves a `file_removed` "
            "audit entry."
        ),
        responses={204: None, **refusals(404, 409)},
    )
    def delete(self, request, pk, file_id):
        project = get_project_for_user(request.user, pk)
        file = project.files.filter(pk=file_id).first()
        if file is None:
            raise NotFound("No such file in this project.")
        try:
            services.remove_file(project, file, acting_user=request.user)
        except services.ServiceError as error:
            return _answer_error(error)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _accepted(request, project) -> Response:
    body = progress_of(project)
    body["estimated_duration_seconds"] = body["estimated_remaining_seconds"]
    body["progress_url"] = request.build_absolute_uri(
        reverse("api:project-progress", args=[project.pk])
    )
    return Response(body, status=status.HTTP_202_ACCEPTED)


class ProjectProcess(ThrottledView, APIView):
    throttle_classes = [ProcessThrottle]

    @extend_schema(
        summary="Process a project",
        description=(
            "Queues the pipeline (extract, classify, review, validate, generate) with the "
            "options given; answers at once with the progress and its URL."
        ),
        request=ProcessInput,
        responses={202: dict, **refusals(400, 403, 404, 409, 429)},
    )
    def post(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        data = ProcessInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            project = services.start_processing(
                project, data.validated_data["options"], acting_user=request.user
            )
        except services.ServiceError as error:
            return _answer_error(error)
        return _accepted(request, project)


class _RunMove(ThrottledView, APIView):
    """A POST that moves a stopped run on (retry, resume); `move` is the service doing it."""

    throttle_classes = [ProcessThrottle]
    move = None

    def post(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        try:
            project = type(self).move(project, acting_user=request.user)
        except services.ServiceError as error:
            return _answer_error(error)
        return _accepted(request, project)


@extend_schema_view(
    post=extend_schema(
        summary="Retry a failed run",
        description="Runs again from the step that failed, keeping what the earlier steps made.",
        request=None,
        responses={202: dict, **refusals(403, 404, 409, 429)},
    )
)
class ProjectRetry(_RunMove):
    move = services.retry_processing


@extend_schema_view(
    post=extend_schema(
        summary="Resume after review",
        description="Goes on to validation once every review item is decided.",
        request=None,
        responses={202: dict, **refusals(403, 404, 409, 429)},
    )
)
class ProjectResume(_RunMove):
    move = services.resume_processing


class ProjectProgress(APIView):
    @extend_schema(
        summary="A run's progress",
        description="The state, each step's status and timing, and the estimated time left.",
        responses={200: dict, **refusals(404)},
    )
    def get(self, request, pk):
        return Response(progress_of(get_project_for_user(request.user, pk)))


class ProjectCma(APIView):
    @extend_schema(
        summary="The CMA as JSON",
        description="The document of the CMA JSON contract (schema `cma/1`), once generated.",
        responses={200: dict, **refusals(404)},
    )
    def get(self, request, pk):
        project = get_project_for_user(request.user, pk)
        cma = getattr(project, "cma", None)
        if cma is None:
            raise NotFound("No CMA yet: process the project until it completes.")
        return Response(cma.document)


class ProjectWorkbook(APIView):
    @extend_schema(
        responses={
            (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): bytes,
            **refusals(404),
        },
        summary="Download the CMA workbook",
        description="The Excel workbook (forms, notes, trace), once generated.",
    )
    def get(self, request, pk):
        response = workbook_response(get_project_for_user(request.user, pk))
        if response is None:
            raise NotFound("No CMA workbook yet: process the project until it completes.")
        return response
