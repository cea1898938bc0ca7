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
from tests.readers.emi_fixtures import pdf_schedule, xlsx_schedule
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


def test_schedules_and_stock_statements_uploaded_with_the_statements_are_read(firm, ca):
    project = Project.objects.create(
        firm=firm, company_name="Shree Ganesh Polymers Pvt Ltd", constitution="private_limited"
    )
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in COMPANY.glob("*.pdf")]
    files += [
        SimpleUploadedFile("BoB term loan.xlsx", xlsx_schedule()),
        SimpleUploadedFile("Tata Capital.pdf", pdf_schedule()),
        SimpleUploadedFile("Stock statement March 2026.xlsx", simple_list()),
    ]
    upload_files(project, files, acting_user=ca)

    assert run_pipeline(project.pk, firm.pk, PipelineOptions(skip_review=True)).completed
    sources = sorted(project.term_loan_schedules.values_list("source", flat=True))
    assert sources == ["read from BoB term loan.xlsx", "read from Tata Capital.pdf"]
    statement = project.files.get(original_name="BoB term loan.xlsx")
    assert (statement.status, statement.detected_type) == ("extracted", "emi_schedule")
    assert "Term loans page" in statement.warnings[0]
    document = Project.objects.get(pk=project.pk).cma.document
    assert document["drawing_power"]["source"] == "read from Stock statement March 2026.xlsx"
    assert document["drawing_power"]["drawing_power"] == 3_795_000

    # The CA corrects one loan and the stock; processing again keeps their word.
    loan = project.term_loan_schedules.get(source="read from BoB term loan.xlsx")
    loans = [
        {**{f: getattr(row, f) for f in entry_services.LOAN_FIELDS}, "years": row.years,
         "id": row.pk}
        for row in project.term_loan_schedules.all()
    ]  # fmt: skip
    loans[[r["id"] for r in loans].index(loan.pk)]["lender"] = "Bank of Baroda, Gandhinagar"
    entry_services.save_term_loans(project, loans, acting_user=ca)
    entry_services.save_stock_statement(
        project, {"stock": 5_000_000, "creditors_for_goods": 950_000,
                  "receivables_under_90": 2_200_000}, acting_user=ca,
    )  # fmt: skip
    again = PipelineOptions(skip_review=True, force_reprocess=True)
    assert run_pipeline(project.pk, firm.pk, again).completed
    sources = sorted(project.term_loan_schedules.values_list("source", flat=True))
    assert sources == [
        "read from BoB term loan.xlsx, corrected by the CA", "read from Tata Capital.pdf"
    ]  # fmt: skip
    document = Project.objects.get(pk=project.pk).cma.document
    assert document["drawing_power"]["stock"] == 5_000_000
