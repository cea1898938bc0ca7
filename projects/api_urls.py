"""Paths of the REST API under /api/v1/, exactly as the integration contract names them."""

from django.urls import path

from pipeline.api import Classify
from projects import api
from projects.entry_api import (
    ProjectAssumptions,
    ProjectFormOne,
    ProjectStockStatement,
    ProjectStockStatementRead,
    ProjectTermLoanRead,
    ProjectTermLoans,
)

app_name = "api"
urlpatterns = [
    path("projects/", api.ProjectListCreate.as_view(), name="project-list"),
    path("projects/<uuid:pk>/", api.ProjectDetail.as_view(), name="project-detail"),
    path("projects/<uuid:pk>/files/", api.ProjectFiles.as_view(), name="project-files"),
    path(
        "projects/<uuid:pk>/files/<int:file_id>",
        api.ProjectFile.as_view(),
        name="project-file",
    ),
    path("projects/<uuid:pk>/process", api.ProjectProcess.as_view(), name="project-process"),
    path("projects/<uuid:pk>/progress", api.ProjectProgress.as_view(), name="project-progress"),
    path("projects/<uuid:pk>/retry", api.ProjectRetry.as_view(), name="project-retry"),
    path("projects/<uuid:pk>/resume", api.ProjectResume.as_view(), name="project-resume"),
    path("projects/<uuid:pk>/cma", api.ProjectCma.as_view(), name="project-cma"),
    path("projects/<uuid:pk>/form-i", ProjectFormOne.as_view(), name="project-form-one"),
    path(
        "projects/<uuid:pk>/assumptions",
        ProjectAssumptions.as_view(),
        name="project-assumptions",
    ),
    path("projects/<uuid:pk>/term-loans", ProjectTermLoans.as_view(), name="project-term-loans"),
    path(
        "projects/<uuid:pk>/term-loans/read",
        ProjectTermLoanRead.as_view(),
        name="project-term-loan-read",
    ),
    path(
        "projects/<uuid:pk>/stock-statement",
        ProjectStockStatement.as_view(),
        name="project-stock-statement",
    ),
    path(
        "projects/<uuid:pk>/stock-statement/read",
        ProjectStockStatementRead.as_view(),
        name="project-stock-statement-read",
    ),
    path("classify", Classify.as_view(), name="classify"),
    path("projects/<uuid:pk>/cma.xlsx", api.ProjectWorkbook.as_view(), name="project-workbook"),
]
