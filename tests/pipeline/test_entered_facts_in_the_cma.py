"""What the CA enters on the project (Form I, assumptions, a lender's schedule read and
corrected, a stock statement) reaches the generated CMA: its JSON and its workbook."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from pipeline.options import PipelineOptions
from pipeline.orchestrator import run_pipeline
from projects import entry_services
from projects.models import Project
from projects.services import upload_files
from tests.groundtruth import SAMPLES
from tests.readers.emi_fixtures import xlsx_schedule
from tests.readers.stock_fixtures import simple_list

COMPANY = SAMPLES / "shree-ganesh-polymers"


def test_form_one_assumptions_loans_and_stock_statement_reach_the_cma(firm, ca):
    project = Project.objects.create(
        firm=firm, company_name="Shree Ganesh Polymers Pvt Ltd", constitution="private_limited"
    )
    statements = [SimpleUploadedFile(p.name, p.read_bytes()) for p in COMPANY.glob("*.pdf")]
    upload_files(project, statements, acting_user=ca)
    entry_services.save_form_one(
        project,
        {"pan": "AAACS1234K"},
        [{"kind": "cash_credit", "existing_limit": 5_000_000, "proposed_limit": 6_000_000}],
        acting_user=ca,
    )
    entry_services.save_assumptions(project, {"sales_growth_pct": 9}, acting_user=ca)
    loan = entry_services.read_term_loan(
        project, SimpleUploadedFile("BoB.xlsx", xlsx_schedule()), acting_user=ca
    )
    entry_services.read_stock_statement_file(
        project, SimpleUploadedFile("March.xlsx", simple_list()), acting_user=ca
    )

    result = run_pipeline(project.pk, firm.pk, PipelineOptions(skip_review=True))

    assert result.completed, result
    document = Project.objects.get(pk=project.pk).cma.document
    assert document["form_i"]["particulars"] == {"pan": "AAACS1234K"}
    assert document["drawing_power"]["drawing_power"] == 3_795_000
    assert document["drawing_power"]["limit"] == 5_000_000
    growth = next(a for a in document["assumptions"] if a["name"] == "sales_growth_pct")
    assert (growth["value"], growth["entered_by"]) == ("9.00", "CA")
    limit = next(a for a in document["assumptions"] if a["name"] == "limit_requested")
    assert limit["entered_by"] == "Form I"
    interest = document["assessment"]["term_loan_interest"]["FY2025"]
    assert interest == float(loan.years["FY2025"]["interest"])
    with project.cma.workbook.open("rb") as handle:
        sheets = openpyxl.load_workbook(io.BytesIO(handle.read())).sheetnames
    assert sheets[:3] == ["Form I", "Cover", "Assumptions"]
    assert {"Term loans", "Drawing power"} <= set(sheets)
