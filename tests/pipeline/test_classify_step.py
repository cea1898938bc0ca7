"""The classify step, learning from a CA's reclassification, and classification on its own."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from pipeline.models import Classification
from pipeline.options import PipelineOptions
from pipeline.steps import classify, extract, review
from projects.models import Project
from projects.services import upload_files
from reviews.models import ReviewItem
from reviews.services import reclassify_item
from tests.groundtruth import SAMPLES

STATEMENT = SAMPLES / "sri-balaji-roadlines" / "Sri Balaji Roadlines - BS PL 31.03.2025.pdf"
LABEL = "To Tyres and tubes"


def classified_project(firm, user, name="Sri Balaji Roadlines") -> Project:
    project = Project.objects.create(
        firm=firm, company_name=name, constitution="proprietorship", industry="services"
    )
    upload_files(
        project, [SimpleUploadedFile(STATEMENT.name, STATEMENT.read_bytes())], acting_user=user
    )
    extract.run(project, PipelineOptions())
    classify.run(project, PipelineOptions())
    return project


def proposal(project, label=LABEL) -> Classification:
    return Classification.objects.get(line_item__project=project, line_item__label=label)


def test_every_line_item_gets_one_classification(firm, ca):
    project = classified_project(firm, ca)
    assert (
        Classification.objects.filter(line_item__project=project).count()
        == project.line_items.count()
    )
    tyres = proposal(project)
    assert tyres.cma_key == "other_mfg_expenses"
    assert tyres.decision == "auto" and tyres.confidence >= 0.70
    assert tyres.evidence


def test_classifying_again_replaces_the_classifications(firm, ca):
    project = classified_project(firm, ca)
    count = Classification.objects.filter(line_item__project=project).count()
    classify.run(project, PipelineOptions())
    assert Classification.objects.filter(line_item__project=project).count() == count


def test_a_threshold_of_one_sends_everything_uncertain_to_review(firm, ca):
    project = classified_project(firm, ca)
    classify.run(project, PipelineOptions(auto_approve_above=1.0))
    decisions = set(
        Classification.objects.filter(line_item__project=project).values_list("decision", flat=True)
    )
    assert "pending" in decisions


def test_a_reclassification_teaches_the_firm_and_only_that_firm(firm, ca, other_firm, other_ca):
    first = classified_project(firm, ca)
    classify.run(first, PipelineOptions(auto_approve_above=1.0))  # everything to review
    review.run(first, PipelineOptions(auto_approve_above=1.0))
    item = ReviewItem.objects.get(project=first, line_item__label=LABEL)
    reclassify_item(item, cma_key="sga_expenses", sign=1, acting_user=ca)

    same_firm = classified_project(firm, ca, name="Another transporter")
    assert proposal(same_firm).cma_key == "sga_expenses"
    assert proposal(same_firm).layer == "memory"
    other = classified_project(other_firm, other_ca)
    assert proposal(other).cma_key == "other_mfg_expenses"


# Classification on its own ------------------------------------------------------------------

ITEMS = [
    {
        "id": "1",
        "label": "Salary payable",
        "section": "Other current liabilities",
        "statement": "balance_sheet",
        "amounts": {"FY2024": 125000.0},
        "constitution": "private_limited",
    },
    {"id": "2", "label": "Others", "section": "Other current assets", "statement": "balance_sheet"},
    {"id": "3", "label": "Total", "section": "Trade payables", "statement": "balance_sheet"},
]


def test_the_classify_api_answers_every_item_in_order(api):
    response = api.post("/api/v1/classify", ITEMS, format="json")
    assert response.status_code == 200
    answers = response.data
    assert [a["id"] for a in answers] == ["1", "2", "3"]
    assert answers[0]["cma_key"] == "other_current_liabilities"
    assert answers[1]["cma_key"] == "other_current_assets"
    assert answers[2]["cma_key"] is None
    assert all(0 <= a["confidence"] <= 1 and a["evidence"] for a in answers)
    assert answers[0]["amounts"] == {"FY2024": 125000.0}


def test_the_classify_api_takes_a_wrapped_list_too(api):
    response = api.post("/api/v1/classify", {"items": ITEMS[:1]}, format="json")
    assert response.status_code == 200
    assert response.data["items"][0]["cma_key"] == "other_current_liabilities"


def test_the_classify_api_says_what_is_wrong_with_an_item(api):
    response = api.post(
        "/api/v1/classify", [{"id": "9", "label": "Rent", "statement": "bs"}], format="json"
    )
    assert response.status_code == 400
    assert "item 1: 'statement' must be one of" in response.data["detail"]
    assert api.post("/api/v1/classify", [{"label": "x"}], format="json").status_code == 400


def test_the_classify_api_needs_a_member(client):
    assert client.post("/api/v1/classify", ITEMS, content_type="application/json").status_code in (
        401,
        403,
    )


def test_the_command_classifies_a_jsonl_file(tmp_path, firm):
    source, answers = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join(json.dumps(item) for item in ITEMS) + "\n")
    call_command("cma_classify", str(source), str(answers), firm=firm.name)
    lines = [json.loads(line) for line in answers.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["1", "2", "3"]
    assert lines[0]["cma_key"] == "other_current_liabilities"


def test_the_command_names_a_bad_line(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(ITEMS[0]) + "\n{not json\n")
    with pytest.raises(CommandError, match=r"in\.jsonl:2: not JSON"):
        call_command("cma_classify", str(source), str(tmp_path / "out.jsonl"))
