"""The project page lists the queries the bank will ask, from the generated CMA's JSON."""

from __future__ import annotations

from pipeline.cma.export import cma_document
from tests.pipeline.cma.synthetic import cma_from, figures


def test_the_project_page_shows_each_query_with_its_figure_threshold_and_source(
    completed_project, ca_client
):
    # a cash credit spent on the block: current ratio 0.86 in FY2025
    spent = figures(FY2025={"bank_borrowings_wc": 400_000, "gross_block": 900_000})
    answer = {"current_ratio:FY2025": "Cash credit renewed in April."}
    cma = cma_from(spent, query_answers=answer)
    completed_project.cma.document = cma_document(cma)
    completed_project.cma.save()
    page = ca_client.get(f"/projects/{completed_project.pk}/").content.decode()
    assert 'id="bank-queries"' in page
    row = page.split('data-query="current_ratio:FY2025"')[1].split("</tr>")[0]
    assert "0.86" in row and "1.33" in row
    assert "Form III row 64" in row and "fs-FY2025.pdf" in row
    assert "Cash credit renewed in April." in row


def test_a_cma_without_breaches_says_so(completed_project, ca_client):
    completed_project.cma.document = cma_document(cma_from(figures()))
    completed_project.cma.save()
    page = ca_client.get(f"/projects/{completed_project.pk}/").content.decode()
    assert "No breach of the checklist" in page
