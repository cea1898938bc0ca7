"""Issue 11's fixtures run end to end without skip_validation: statements read right tie,
so the product passes its own validation (final-accounts workbooks with generic sheet
names, Current / Previous Year columns, a trial balance beside the statements; three
years of an LLP on one sheet)."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from tests.readers.statement_fixtures import workbook_bytes
from tests.readers.test_excel_statements import workbook
from tests.readers.test_sheet_roles import WORKBOOKS
from tests.readers.test_statement_layouts import THREE_YEARS

RUNS = {
    "narmada": (workbook_bytes("ties"), "private_limited", "manufacturing"),
    "narmada-generic": (
        workbook(WORKBOOKS["generic names"][0]),
        "private_limited",
        "manufacturing",
    ),
    "narmada-relative-years": (
        workbook(WORKBOOKS["P & L Ac with current and previous year"][0]),
        "private_limited",
        "manufacturing",
    ),
    "narmada-trial-balance-beside": (
        workbook(WORKBOOKS["a BS sheet holding the trial balance"][0]),
        "private_limited",
        "manufacturing",
    ),
    "godavari": (workbook({"Sheet1": THREE_YEARS}), "llp", "trading"),
}


@pytest.mark.parametrize("name", RUNS)
def test_the_run_completes_and_its_balance_sheet_ties(name, db, tmp_path):
    data, constitution, industry = RUNS[name]
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(data)
    with pytest.raises(SystemExit) as stopped:
        call_command(
            "cma_run",
            str(path),
            "--company",
            name,
            "--constitution",
            constitution,
            "--industry",
            industry,
            "--out",
            str(tmp_path / "out"),
            "--skip-review",
        )
    assert stopped.value.code == 0
    document = json.loads((tmp_path / "out" / "cma.json").read_text())
    assert document["rows"]
