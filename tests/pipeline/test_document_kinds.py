"""The extract step gives every upload its document kind; only statements become line items.

A CA's pack carries a tax audit report, a sanction letter, an ageing and the like
beside the statements: each is kept with the project, reported with its kind and
an info message, and never read as line items or refused as a broken statement.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from pipeline.errors import PERMANENT, StepError
from pipeline.models import LineItem
from pipeline.options import PipelineOptions
from pipeline.steps import extract
from projects.services import upload_files
from tests.cast import upload
from tests.readers.document_kind_fixtures import VARIANTS, pdf_of, xlsx_of
from tests.readers.emi_fixtures import xlsx_schedule
from tests.readers.statement_fixtures import workbook_bytes

pytestmark = pytest.mark.django_db
REFUSAL = "No balance sheet, profit and loss account"


def test_each_document_of_the_pack_is_kept_with_its_kind_and_never_read_as_items(
    project, ca, client, api
):
    uploads = [
        upload("Narmada FS.xlsx", workbook_bytes("note_break")),
        upload("3CD.xlsx", xlsx_of(VARIANTS["tax_audit_report"][1])),
        upload("SBI letter.pdf", pdf_of(VARIANTS["sanction_letter"][0])),
        upload("debtors.xlsx", xlsx_of(VARIANTS["ageing"][0])),
        upload("ITR.pdf", pdf_of(VARIANTS["itr"][1])),
        upload("orders.xlsx", xlsx_of(VARIANTS["other"][0])),
        upload("loan.xlsx", xlsx_schedule()),
    ]
    upload_files(project, uploads, acting_user=ca)
    result = extract.run(project, PipelineOptions())

    kinds = dict(project.files.values_list("original_name", "document_kind"))
    assert kinds == {
        "Narmada FS.xlsx": "statement",
        "3CD.xlsx": "tax_audit_report",
        "SBI letter.pdf": "sanction_letter",
        "debtors.xlsx": "ageing",
        "ITR.pdf": "itr",
        "orders.xlsx": "other",
        "loan.xlsx": "emi_schedule",
    }
    assert result.problems == []
    assert set(project.files.values_list("status", flat=True)) == {"extracted"}
    items = LineItem.objects.filter(project=project)
    assert set(items.values_list("source_file__original_name", flat=True)) == {"Narmada FS.xlsx"}
    ageing = project.files.get(original_name="debtors.xlsx")
    (message,) = ageing.warnings
    assert message.startswith("Recognised as an ageing of debtors or creditors (")
    assert "not read as statement line items" in message and REFUSAL not in ageing.error
    loan = project.files.get(original_name="loan.xlsx")
    assert loan.warnings[0].startswith("Read as a lender's EMI schedule")
    assert project.term_loan_schedules.count() == 1

    listed = api.get(f"/api/v1/projects/{project.pk}/files/").json()
    files = listed["results"] if isinstance(listed, dict) else listed
    assert {f["original_name"]: f["document_kind"] for f in files} == kinds
    client.force_login(ca)
    page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert 'data-document-kind="tax_audit_report"' in page
    assert "tax audit report (Form 3CA/3CB/3CD)" in page


def test_a_pack_without_statements_says_so_and_no_file_is_refused(project, ca):
    uploads = [
        upload("bank.pdf", pdf_of(VARIANTS["bank_statement"][0])),
        upload("stock.xlsx", xlsx_of(VARIANTS["stock_statement"][2])),
    ]
    upload_files(project, uploads, acting_user=ca)
    with pytest.raises(StepError) as raised:
        extract.run(project, PipelineOptions())
    assert raised.value.category == PERMANENT
    assert "(2 are other documents of the pack)" in raised.value.message
    assert dict(project.files.values_list("original_name", "document_kind")) == {
        "bank.pdf": "bank_statement",
        "stock.xlsx": "stock_statement",
    }
    assert set(project.files.values_list("status", flat=True)) == {"extracted"}
