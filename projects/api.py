"""REST API for projects: create, upload, process, progress, retry, resume, download.

Adapters only: scope to the user's firm, validate with an input serializer,
call one service, answer with an output serializer.
"""

from __future__ import annotations

from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.utils import extend_schema
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


class ProjectListCreate(ListCreateAPIView):
    serializer_class = ProjectOutput

    def get_queryset(self):
        queryset = projects_for_user(self.request.user).prefetch_related("files")
        wanted = self.request.query_params.get("status")
        return queryset.filter(status=wanted) if wanted else queryset

    @extend_schema(request=ProjectInput, responses={201: ProjectOutput})
    def post(self, request):
        membership = membership_of(request.user)
        data = ProjectInput(data=request.data)
        data.is_valid(raise_exception=True)
        project = services.create_project(
            firm=membership.firm, acting_user=request.user, **data.validated_data
        )
        return Response(ProjectOutput(project).data, status=status.HTTP_201_CREATED)


class ProjectDetail(RetrieveAPIView):
    serializer_class = ProjectOutput

    def get_object(self):
        return get_project_for_user(self.request.user, self.kwargs["pk"])


class ProjectFiles(ThrottledView, APIView):
    parser_classes = [MultiPartParser, FormParser]
    throttle_classes = [UploadThrottle]

    @extend_schema(responses={200: SourceFileOutput(many=True)})
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
        responses={201: SourceFileOutput(many=True)},
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


def _accepted(request, project) -> Response:
    body = progress_of(project)
    body["estimated_duration_seconds"] = body["estimated_remaining_seconds"]
    body["progress_url"] = request.build_absolute_uri(
        reverse("api:project-progress", args=[project.pk])
    )
    return Response(body, status=status.HTTP_202_ACCEPTED)


class ProjectProcess(ThrottledView, APIView):
    throttle_classes = [ProcessThrottle]

    @extend_schema(request=ProcessInput, responses={202: dict})
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


class ProjectRetry(ThrottledView, APIView):
    throttle_classes = [ProcessThrottle]

    @extend_schema(request=None, responses={202: dict})
    def post(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        try:
            project = services.retry_processing(project, acting_user=request.user)
        except services.ServiceError as error:
            return _answer_error(error)
        return _accepted(request, project)


class ProjectResume(ThrottledView, APIView):
    throttle_classes = [ProcessThrottle]

    @extend_schema(request=None, responses={202: dict})
    def post(self, request, pk):
        project = get_project_for_user(request.user, pk)
        require_processing_role(request.user)
        try:
            project = services.resume_processing(project, acting_user=request.user)
        except services.ServiceError as error:
            return _answer_error(error)
        return _accepted(request, project)


class ProjectProgress(APIView):
    @extend_schema(responses={200: dict})
    def get(self, request, pk):
        return Response(progress_of(get_project_for_user(request.user, pk)))


class ProjectCma(APIView):
    @extend_schema(responses={200: dict})
    def get(self, request, pk):
        project = get_project_for_user(request.user, pk)
        cma = getattr(project, "cma", None)
        if cma is None:
            raise NotFound("No CMA yet: process the project until it completes.")
        return Response(cma.document)


class ProjectWorkbook(APIView):
    @extend_schema(
        responses={
            (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): bytes
        }
    )
    def get(self, request, pk):
        project = get_project_for_user(request.user, pk)
        cma = getattr(project, "cma", None)
        if cma is None or not cma.workbook:
            raise NotFound("No CMA workbook yet: process the project until it completes.")
        return FileResponse(
            cma.workbook.open("rb"),
            as_attachment=True,
            filename=f"CMA - {project.company_name}.xlsx",
        )
