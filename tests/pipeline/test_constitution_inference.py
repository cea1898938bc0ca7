"""The constitution and industry the statements show (issue 11, pattern 12)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from pipeline.constitution_inference import infer, printed
from pipeline.constitution_signs import Printed
from pipeline.options import PipelineOptions
from pipeline.steps import extract
from projects.models import Project
from projects.services import upload_files
from tests.cast import upload
from tests.readers.statement_fixtures import workbook_bytes


def lines(*texts: str) -> list[Printed]:
    return printed("FS.pdf", [[text] for text in texts])


@pytest.mark.parametrize(
    ("texts", "constitution", "industry"),
    [
        (["Partners' Capital Account", "Trading Account for the year"], "partnership", "trading"),
        (["Proprietor's capital", "Manufacturing Account"], "proprietorship", "manufacturing"),
        (["CIN: U24100GJ2012PTC071234", "Share capital", "Cost of materials consumed"],
         "private_limited", "manufacturing"),
        (["CIN L27100MH1995PLC091234", "Share capital"], "public_limited", None),
        (["LLPIN: AAB-1234", "Partners' capital", "Purchases of stock-in-trade"], "llp", "trading"),
        (["Revenue from operations"], None, None),
    ],
)  # fmt: skip
def test_the_statements_say_what_the_entity_is(texts, constitution, industry):
    found = infer(lines(*texts))
    assert (found.constitution, found.industry) == (constitution, industry)
    if constitution:
        assert '"' in found.why and "FS.pdf" in found.why


@pytest.mark.django_db
def test_a_choice_the_statements_contradict_is_a_warning_on_the_file(project, ca):
    assert project.constitution == "proprietorship"
    upload_files(project, [upload("Narmada FS.xlsx", workbook_bytes())], acting_user=ca)
    extract.run(project, PipelineOptions())
    warnings = project.files.get().warnings
    assert any(
        w.startswith("The project is set up as a proprietorship, but its statements show share")
        for w in warnings
    )


@pytest.mark.django_db
def test_cma_run_without_a_constitution_takes_the_statements_one(tmp_path, capsys):
    path = tmp_path / "Narmada FS.xlsx"
    path.write_bytes(workbook_bytes())
    with pytest.raises(SystemExit):
        call_command("cma_run", str(path), "--company", "Narmada", "--out", str(tmp_path / "o"))
    assert "constitution private_limited" in capsys.readouterr().out
    project = Project.objects.get(company_name="Narmada")
    assert project.constitution == "private_limited"
