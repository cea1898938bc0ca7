"""The CMA package's inputs built from a sample's ground truth, as the Django side
would build them from reviewed line items."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from pipeline.cma.assumptions import Assumptions
from pipeline.cma.model import Contribution, LineItem, ProjectInfo, YearDocument
from tests.groundtruth import SAMPLES, companies, load

BAD_DRAFT = SAMPLES / "_bad" / "Draft financial statements FY 2024-25.ground_truth.json"
LARGE = SAMPLES / "_large" / "ground_truth.json"  # the same company's FY2025, with annexures
READER_KINDS = {
    "tb_csv": "trial_balance"
}  # the ground truth's document kinds, as readers name them
RATIO_KEYS = ("current_ratio", "tol_tnw", "ttl_tnw")

__all__ = ["BAD_DRAFT", "LARGE", "RATIO_KEYS", "companies", "inputs", "load", "load_path"]


def load_path(path: Path) -> dict:
    return json.loads(path.read_text())


def inputs(truth: dict, **project_fields) -> dict:
    """Keyword arguments of `build_cma` for one ground truth."""
    company = truth["company"]
    project = ProjectInfo(
        company=company["name"],
        constitution=company.get("constitution", "private limited company"),
        industry=company.get("industry", "manufacturing"),
        years_wanted=tuple(sorted(year["key"] for year in truth["years"])),
        assumptions=project_fields.pop("assumptions", Assumptions()),
        **project_fields,
    )
    return {
        "project": project,
        "documents": _documents(truth),
        "contributions": [_contribution(item) for item in truth["line_items"] if item["cma_key"]],
        "line_items": [_line_item(item) for item in truth["line_items"]],
    }


def _documents(truth: dict) -> list[YearDocument]:
    by_file = {document["file"]: document for document in truth["documents"]}
    sources = truth.get("year_sources") or {
        year["key"]: {"file": truth["documents"][0]["file"]} for year in truth["years"]
    }
    result = []
    for year, source in sources.items():
        document = by_file[source["file"]]
        result.append(
            YearDocument(
                year=year,
                file=source["file"],
                kind=READER_KINDS.get(document.get("kind"), document.get("kind", "schedule_iii")),
                status=document.get("statement_kind", "audited"),
                rounding_tolerance=Decimal(document.get("rounding_tolerance_rupees", "0")),
            )
        )
    return result


def _amounts(item: dict) -> dict[str, Decimal]:
    return {year: Decimal(amount) for year, amount in item["amounts"].items()}


def _contribution(item: dict) -> Contribution:
    return Contribution(
        cma_key=item["cma_key"],
        sign=item["sign"],
        amounts=_amounts(item),
        counts_for=tuple(item.get("counts_for", ())),
        item_id=item["id"],
    )


def _line_item(item: dict) -> LineItem:
    return LineItem(
        id=item["id"],
        file=item["file"],
        label=item["label"],
        amounts=_amounts(item),
        page=item.get("page"),
        sheet=item.get("sheet"),
        row=item.get("row"),
        section=item.get("section") or "",
        note=item.get("note"),
        cma_key=item["cma_key"],
        sign=item.get("sign"),
        confidence=1.0,
        decision="auto" if item["cma_key"] else "excluded",
        exclude_reason=item.get("exclude_reason"),
        counts_for=tuple(item.get("counts_for", ())),
    )
