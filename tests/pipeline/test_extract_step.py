"""The extract step over the shared samples: per-file outcomes, partial results, idempotence."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pipeline.errors import PERMANENT, StepError
from pipeline.models import LineItem
from pipeline.options import PipelineOptions
from pipeline.steps import extract
from projects.services import upload_files
from tests.groundtruth import SAMPLES, companies

BAD = SAMPLES / "_bad"
# A draft that does not tie extracts normally (validation reports it), so does a poor scan
# (read by OCR, tests/readers/test_ocr.py), and a file whose content belies its extension
# is refused at upload (tests/security/test_uploads.py).
NOT_FOR_EXTRACT = {
    "balance_sheet_does_not_tie",
    "low_quality_scan",
    "content_does_not_match_extension",
}
UNREADABLE = [
    entry
    for entry in json.loads((BAD / "manifest.json").read_text())
    if entry["problem"] not in NOT_FOR_EXTRACT
]


def add_files(project, user, *paths):
    uploads = [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths]
    outcomes = upload_files(project, uploads, acting_user=user)
    assert all(not o.error for o in outcomes), [o.error for o in outcomes]


def company_files(company: str):
    return sorted(p for p in (SAMPLES / company).iterdir() if p.name != "ground_truth.json")


@pytest.mark.parametrize("company", companies())
def test_every_sample_file_extracts_with_its_years(project, ca, company):
    add_files(project, ca, *company_files(company))
    result = extract.run(project, PipelineOptions())

    truth = json.loads((SAMPLES / company / "ground_truth.json").read_text())
    assert result.problems == []
    assert all(f.status == "extracted" and f.items_found for f in project.files.all())
    counted_years = set()
    for years in LineItem.objects.filter(project=project).values_list("counts_for", flat=True):
        counted_years.update(years)
    assert counted_years == {year["key"] for year in truth["years"]}
    for year, source in truth["year_sources"].items():
        file = project.files.get(original_name=source["file"])
        assert any(year in y for y in file.line_items.values_list("counts_for", flat=True))


@pytest.mark.parametrize("bad", UNREADABLE, ids=[entry["problem"] for entry in UNREADABLE])
def test_a_bad_file_gets_its_error_and_the_good_files_still_extract(project, ca, bad):
    good = company_files("sri-balaji-roadlines")[-1]
    add_files(project, ca, good, BAD / bad["file"])
    result = extract.run(project, PipelineOptions())

    failed = project.files.get(original_name=bad["file"])
    extracted = project.files.get(original_name=good.name)
    assert failed.status == "failed" and failed.error and failed.hint
    assert failed.line_items.count() == 0
    assert extracted.status == "extracted" and extracted.line_items.exists()
    assert len(result.problems) == 1 and bad["file"] in result.problems[0]


def test_no_readable_file_is_a_permanent_error(project, ca):
    add_files(project, ca, BAD / "empty-workbook.xlsx", BAD / "truncated-upload.pdf")
    with pytest.raises(StepError) as raised:
        extract.run(project, PipelineOptions())
    assert raised.value.category == PERMANENT
    assert "None of the 2 uploaded files could be read" in raised.value.message
    assert set(project.files.values_list("status", flat=True)) == {"failed"}


def test_extracting_again_replaces_the_line_items(project, ca):
    add_files(project, ca, *company_files("gupta-electricals"))
    extract.run(project, PipelineOptions())
    first = LineItem.objects.filter(project=project).count()
    extract.run(project, PipelineOptions())
    assert LineItem.objects.filter(project=project).count() == first > 0
