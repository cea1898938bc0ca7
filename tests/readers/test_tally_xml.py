"""Tally XML exports into line items with their group tree (issue 11)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.readers.document import ReaderError
from pipeline.readers.tally_xml import GROUP_TOTAL, is_tally_xml, read_tally_xml
from tests.readers.tally_xml_fixtures import (
    BALANCE_SHEET,
    PROFIT_AND_LOSS,
    masters,
    report,
    trial_balance,
)

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16 with BOM": lambda text: text.encode("utf-16"),  # Python writes the BOM
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
}


def counted(document):
    return {i.label: i.amounts["FY2025"] for i in document.items if not i.exclude_reason}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_balance_sheet_report_reads_each_ledger_under_its_group(encoding):
    data = ENCODINGS[encoding](report(BALANCE_SHEET, "BSAMT"))
    assert is_tally_xml(data)
    document = read_tally_xml("BS.xml", data)
    assert document.statement_year == "FY2025" and document.kind == "tally"
    assert counted(document) == {
        "Capital Account": Decimal("500000.00"),
        "HDFC Bank Term Loan": Decimal("1250000.00"),
        "Sundry Creditors": Decimal("300000.00"),
        "Duties & Taxes": Decimal("75000.00"),
        "Fixed Assets": Decimal("1100000.00"),
        "Closing Stock": Decimal("600000.00"),
        "Sundry Debtors": Decimal("400000.00"),
        "Cash-in-Hand": Decimal("25000.00"),
    }
    stock = next(i for i in document.items if i.label == "Closing Stock")
    assert (stock.section, stock.side, stock.statement) == ("Current Assets", "Dr", "balance_sheet")
    groups = {i.label for i in document.items if i.exclude_reason == GROUP_TOTAL}
    assert groups == {"Loans (Liability)", "Current Liabilities", "Current Assets"}


def test_a_profit_and_loss_report_reads_its_expenses_as_profit_and_loss():
    document = read_tally_xml("PL.xml", report(PROFIT_AND_LOSS, "PLAMT").encode("utf-16"))
    assert counted(document) == {
        "Sales Accounts": Decimal("4500000.00"),
        "Purchase Accounts": Decimal("3200000.00"),
        "Wages": Decimal("300000.00"),
        "Power & Fuel": Decimal("100000.00"),
        "Salary": Decimal("180000.00"),
        "Rent": Decimal("70000.00"),
    }
    assert {i.statement for i in document.items} == {"profit_and_loss"}


def test_a_trial_balance_report_reads_debits_and_credits():
    document = read_tally_xml("TB.xml", trial_balance().encode())
    sides = {i.label: (i.side, i.amounts["FY2025"]) for i in document.items}
    assert sides["Sundry Debtors"] == ("Dr", Decimal("400000.00"))
    assert sides["Sales Accounts"] == ("Cr", Decimal("4500000.00"))


@pytest.mark.parametrize("wrapper", ["BODY/DATA", "BODY/IMPORTDATA"])
def test_masters_give_each_ledger_its_group_path(wrapper):
    document = read_tally_xml("masters.xml", masters(wrapper).encode("utf-16"))
    by_label = {i.label: i for i in document.items}
    acme = by_label["Acme GmbH"]
    assert acme.amounts == {"FY2025": Decimal("80000.00")} and acme.side == "Dr"
    assert (acme.section, acme.subsection) == ("Current Assets", "Sundry Debtors > Export Debtors")
    assert by_label["SBI Term Loan"].statement == "balance_sheet"
    assert by_label["Freight Inward"].statement == "profit_and_loss"
    assert len(document.items) == 6


def test_an_export_without_a_period_takes_the_file_names_year():
    text = report(BALANCE_SHEET, "BSAMT", static="")
    assert read_tally_xml("BS 2023-24.xml", text.encode()).statement_year == "FY2024"
    with pytest.raises(ReaderError) as raised:
        read_tally_xml("BS.xml", text.encode())
    assert raised.value.code == "no_year"


def test_entities_are_never_expanded():
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ENVELOPE>&a;</ENVELOPE>'
    with pytest.raises(ReaderError):
        read_tally_xml("bomb.xml", bomb.encode())
    assert not is_tally_xml(b"%PDF-1.7")


def test_a_tally_xml_upload_is_read_through_the_extract_step(project, ca, db):
    from pipeline.models import LineItem
    from pipeline.options import PipelineOptions
    from pipeline.steps import extract
    from projects.services import upload_files
    from tests.cast import upload

    data = report(BALANCE_SHEET, "BSAMT").encode("utf-16")
    upload_files(project, [upload("Balance Sheet.xml", data)], acting_user=ca)
    extract.run(project, PipelineOptions())
    source = project.files.get()
    assert (source.status, source.document_kind) == ("extracted", "statement")
    counted = LineItem.objects.filter(project=project, exclude_reason="")
    assert counted.get(label="Closing Stock").section == "Current Assets"
    assert counted.count() == 8
