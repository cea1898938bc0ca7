"""Signed-in clients of the cast and projects in the states the project page shows."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from pipeline.models import CmaResult
from projects.models import Project

KEY_FIGURES_DOCUMENT = {
    "schema": "cma/1",
    "project": {"id": "p-1", "company": "Test Co", "firm": "Test firm", "unit": "lakhs"},
    "years": [
        {"key": "FY2024", "ends": "2024-03-31", "kind": "audited"},
        {"key": "FY2025", "ends": "2025-03-31", "kind": "audited"},
        {"key": "FY2026", "ends": "2026-03-31", "kind": "projected"},
    ],
    "rows": {
        "net_sales": {"FY2024": 84512345.0, "FY2025": 91234567.5, "FY2026": 100358024.25},
        "pat": {"FY2024": 2345678.0, "FY2025": -123456.0, "FY2026": 3456789.0},
        "current_ratio": {"FY2024": 1.21, "FY2025": 1.33, "FY2026": 1.4},
    },
    "assessment": {"mpbf_method2": {"FY2026": 12345678.0}},
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ca_client(ca) -> Client:
    return signed_in(ca)


@pytest.fixture
def staff_client(staff) -> Client:
    return signed_in(staff)


@pytest.fixture
def owner_client(owner) -> Client:
    return signed_in(owner)


@pytest.fixture
def other_client(other_ca) -> Client:
    return signed_in(other_ca)


def put_in_state(project: Project, status: str, **fields) -> Project:
    """Test set-up only: a project as the orchestrator would have left it."""
    Project.objects.filter(pk=project.pk).update(status=status, **fields)
    return Project.objects.select_related("firm").get(pk=project.pk)


@pytest.fixture
def completed_project(project_with_file) -> Project:
    project = put_in_state(project_with_file, "completed", pipeline_progress=100)
    CmaResult.objects.create(
        project=project,
        document=KEY_FIGURES_DOCUMENT,
        workbook=ContentFile(b"PK workbook bytes", name="cma.xlsx"),
    )
    return project
