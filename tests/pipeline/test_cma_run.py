"""manage.py cma_run: the orchestrator in-process; its exit status says where it stopped."""

from __future__ import annotations

import json

import openpyxl
import pytest
from django.core.management import call_command

from tests.groundtruth import SAMPLES

COMPANY = SAMPLES / "sri-balaji-roadlines"


def cma_run(*args: str) -> int:
    with pytest.raises(SystemExit) as stopped:
        call_command("cma_run", *args)
    return stopped.value.code


def test_a_completed_run_writes_the_json_and_the_workbook(db, tmp_path, capsys):
    files = [str(p) for p in sorted(COMPANY.glob("*.pdf"))]
    code = cma_run(
        *files,
        "--company",
        "Sri Balaji Roadlines",
        "--constitution",
        "proprietorship",
        "--industry",
        "services",
        "--out",
        str(tmp_path),
        "--skip-review",
    )

    assert code == 0
    document = json.loads((tmp_path / "cma.json").read_text())
    expected = json.loads((COMPANY / "ground_truth.json").read_text())["expected"]
    assert document["rows"]["net_sales"]["FY2025"] == float(expected["net_sales"]["FY2025"])
    assert openpyxl.load_workbook(tmp_path / "cma.xlsx").sheetnames
    assert "completed" in capsys.readouterr().out


def test_a_run_that_needs_review_exits_3(db, tmp_path, capsys):
    code = cma_run(
        str(sorted(COMPANY.glob("*.pdf"))[-1]),
        "--company",
        "Sri Balaji",
        "--constitution",
        "proprietorship",
        "--out",
        str(tmp_path),
        "--auto-approve-above",
        "0.99",
    )
    assert code == 3
    assert "awaiting review" in capsys.readouterr().out
    assert not (tmp_path / "cma.json").exists()


def test_a_run_with_nothing_readable_exits_1_with_the_reason(db, tmp_path, capsys):
    code = cma_run(
        str(SAMPLES / "_bad" / "empty-workbook.xlsx"), "--company", "Empty", "--out", str(tmp_path)
    )
    captured = capsys.readouterr()
    assert code == 1
    assert "error in the extract step: None of the 1 uploaded files could be read" in captured.out
    assert "has no data" in captured.err.lower() or "no data" in captured.err.lower()
