"""Year kinds reach the file, and a year read from two files merges (issue 11, pattern 7)."""

from __future__ import annotations

import pytest

from pipeline.models import LineItem
from pipeline.options import PipelineOptions
from pipeline.steps import extract
from projects.services import upload_files
from tests.cast import upload
from tests.readers.year_kind_fixtures import balance_sheet_file, profit_and_loss_file

pytestmark = pytest.mark.django_db


def test_a_years_balance_sheet_and_profit_and_loss_in_two_files_both_count(project, ca, api):
    uploads = [
        upload("BS 2024-25.xlsx", balance_sheet_file()),
        upload(
            "PL 2024-25.xlsx",
            profit_and_loss_file(
                "Provisional Profit and Loss Account for the year ended 31st March 2025"
            ),
        ),
    ]
    upload_files(project, uploads, acting_user=ca)
    result = extract.run(project, PipelineOptions())

    assert result.problems == []
    counted = LineItem.objects.filter(project=project, counts_for__contains=["FY2025"])
    by_file = set(counted.values_list("source_file__original_name", flat=True))
    assert by_file == {"BS 2024-25.xlsx", "PL 2024-25.xlsx"}
    revenue = counted.get(label="Revenue from operations")
    assert revenue.counts_for == ["FY2024", "FY2025"]
    assert counted.filter(label="Inventories").count() == 1
    pnl = project.files.get(original_name="PL 2024-25.xlsx")
    assert pnl.year_kinds == {"FY2025": "provisional"}
    assert project.files.get(original_name="BS 2024-25.xlsx").year_kinds == {}
    listed = api.get(f"/api/v1/projects/{project.pk}/files/").json()
    files = listed["results"] if isinstance(listed, dict) else listed
    assert {f["original_name"]: f["year_kinds"] for f in files}["PL 2024-25.xlsx"] == {
        "FY2025": "provisional"
    }
