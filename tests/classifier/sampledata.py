"""The sample companies' ground-truth line items as the classifier will see them.

Each item becomes an ItemContext with what a reader gives: label, section,
sub-section, note, side, Tally group, column, table, sheet, file, amounts,
the company's constitution and industry, the statement the reader infers
from the page, sheet or account it read, and `exclude_reason` only where the
ground truth's reason is structural (the reader's job).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext, Verdict
from tests.groundtruth import SAMPLES, companies, is_structural, load

# Held out: a company with its own ground truth that no rule or calibration was
# built from (a draft statement among the bad inputs).
HELD_OUT = SAMPLES / "_bad" / "Draft financial statements FY 2024-25.ground_truth.json"

CONSTITUTIONS = (
    ("private limited", "private_limited"),
    ("public limited", "public_limited"),
    ("llp", "llp"),
    ("partnership", "partnership"),
    ("proprietor", "proprietorship"),
)
TALLY_TRADING_GROUPS = {
    "Opening Stock",
    "Purchase Accounts",
    "Direct Expenses",
    "Direct Incomes",
    "Sales Accounts",
    "Closing Stock",
}


@dataclass
class Sample:
    """One ground-truth line item: what the classifier sees and the right answer."""

    company: str
    item: ItemContext
    cma_key: str | None
    sign: int
    structural: bool

    def is_right(self, verdict: Verdict) -> bool:
        if self.cma_key is None:
            return verdict.cma_key is None
        return (verdict.cma_key, verdict.sign) == (self.cma_key, self.sign)


def samples(company: str) -> list[Sample]:
    return samples_of(company, load(company))


def held_out_samples() -> list[Sample]:
    return samples_of("held-out", json.loads(HELD_OUT.read_text()))


def samples_of(company: str, truth: dict) -> list[Sample]:
    about = truth["company"]
    constitution = _constitution(about.get("constitution") or about["name"])
    industry = about.get("industry")
    kinds = {doc["file"]: _kind(doc) for doc in truth["documents"]}
    result = []
    for file, rows in _by_file(truth["line_items"]):
        statements = _statements(kinds[file], rows)
        for row, statement in zip(rows, statements, strict=True):
            item = _item(row, statement, constitution, industry)
            structural = is_structural(row.get("exclude_reason"))
            sign = row["sign"] or 1
            result.append(Sample(company, item, row["cma_key"], sign, structural))
    return result


def all_samples() -> dict[str, list[Sample]]:
    return {company: samples(company) for company in companies()}


def classify(classifier: Classifier, company_samples: list[Sample]) -> list[Verdict]:
    return classifier.classify([s.item for s in company_samples])


def _by_file(rows: list[dict]) -> Iterable[tuple[str, list[dict]]]:
    files: dict[str, list[dict]] = {}
    for row in rows:
        files.setdefault(row["file"], []).append(row)
    return files.items()


def _kind(document: dict) -> str:
    if "kind" in document:
        return document["kind"]
    return "s3" if "Schedule III" in document.get("format", "") else "unknown"


def _constitution(text: str) -> str | None:
    text = text.casefold()
    return next((code for words, code in CONSTITUTIONS if words in text), None)


def _statements(kind: str, rows: list[dict]) -> list[str | None]:
    if kind == "s3":
        return _schedule_iii_statements(rows)
    return [_statement(kind, row) for row in rows]


def _statement(kind: str, row: dict) -> str | None:
    """What the reader of this layout knows: the account, sheet or Tally group it read."""
    section, sheet = row["section"], row.get("sheet") or ""
    if kind == "tformat":
        if section.startswith(("Trading", "Manufacturing")):
            return "trading"
        if section.startswith("Profit and Loss"):
            return "profit_and_loss"
        return "balance_sheet"
    if kind == "tally_h":
        if sheet.startswith("Balance"):
            return "balance_sheet"
        trading = row.get("tally_group") in TALLY_TRADING_GROUPS or section == "Trading"
        return "trading" if trading else "profit_and_loss"
    if kind == "final_xls":
        if "P&L" in sheet:
            return "profit_and_loss"
        if "BS" in sheet or "Deprn" in sheet:
            return "balance_sheet"
        return None
    if kind == "tb_csv":
        return _trial_balance_statement(row.get("tally_group"), row["label"])
    return None


def _trial_balance_statement(group: str | None, label: str) -> str | None:
    """As the trial-balance reader closes Tally primary groups into statements."""
    if not group:
        return None
    if group in ("Indirect Expenses", "Indirect Incomes"):
        return "profit_and_loss"
    if group in TALLY_TRADING_GROUPS or group == "Trading Account":
        return "trading"
    if "stock" in group.lower():
        return "trading" if "opening" in label.lower() else "balance_sheet"
    return "balance_sheet"


def _schedule_iii_statements(rows: list[dict]) -> list[str | None]:
    """The faces by page (balance sheet, then profit and loss); notes carry none, as the
    Schedule III reader leaves them; the fixed-asset schedule is the balance sheet's."""
    first_page = min(row["page"] for row in rows)
    pl_page = next(
        (row["page"] for row in rows if re.match(r"statement of profit", row["section"], re.I)),
        first_page + 1,
    )
    result = []
    for row in rows:
        if row["page"] == first_page:
            result.append("balance_sheet")
        elif row["page"] == pl_page:
            result.append("profit_and_loss")
        elif row.get("table") == "fixed asset schedule":
            result.append("balance_sheet")
        else:
            result.append(None)
    return result


def _item(row: dict, statement: str | None, constitution: str | None, industry: str) -> ItemContext:
    reason = row.get("exclude_reason")
    return ItemContext(
        label=row["label"],
        section=row.get("section") or "",
        subsection=row.get("subsection") or "",
        note=row.get("note"),
        statement=statement,
        side=row.get("side"),
        tally_group=row.get("tally_group"),
        column=row.get("column"),
        table=row.get("table"),
        sheet=row.get("sheet") or (f"page {row['page']}" if row.get("page") else None),
        file=row["file"],
        amounts={year: Decimal(value) for year, value in row["amounts"].items()},
        constitution=constitution,
        industry=industry,
        exclude_reason=reason if is_structural(reason) else None,
    )
