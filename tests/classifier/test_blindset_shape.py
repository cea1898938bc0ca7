"""The blind test sets' shape (tests/data/blindset/, tests/data/blindset-holdout/): checks
the data, never the classifier.

The set was written before any vocabulary change and is frozen; these tests
guard its contract so that nobody trims it or lets the halves share a source.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
# The development and test halves, and a second author's held-out set (never tuned on).
HALVES = {
    "dev": DATA / "blindset" / "dev.jsonl",
    "test": DATA / "blindset" / "test.jsonl",
    "holdout": DATA / "blindset-holdout" / "holdout.jsonl",
}
STATEMENTS = {"balance_sheet", "profit_and_loss", "trading", None}
CONSTITUTIONS = {"private_limited", "public_limited", "llp", "partnership", "proprietorship", None}
FIELDS = {
    "id", "label", "section", "note", "sheet", "file", "statement", "amounts",
    "constitution", "industry", "side", "tally_group", "expected_cma_key", "source",
}  # fmt: skip
MIN_ITEMS, MIN_PER_ROW = 1000, 5


def input_rows() -> set[str]:
    """The input keys of docs/spec/cma-rows.md, read from its tables."""
    spec = (ROOT / "docs" / "spec" / "cma-rows.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| (\w+) \|.*\| input \|\s*$", spec, flags=re.MULTILINE))


def load(half: str) -> list[dict]:
    path = HALVES[half]
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as error:
            pytest.fail(f"{path.name} line {number} is not JSON: {error}")
    return items


@pytest.fixture(scope="module")
def halves() -> dict[str, list[dict]]:
    return {half: load(half) for half in HALVES}


def test_every_item_has_the_classify_input_shape(halves):
    ids = Counter(item["id"] for items in halves.values() for item in items)
    assert not [i for i, n in ids.items() if n > 1], "ids must be unique across both halves"
    for half, items in halves.items():
        for item in items:
            where = f"{half} {item.get('id')}"
            assert set(item) <= FIELDS, f"{where}: unknown fields {set(item) - FIELDS}"
            assert item["label"].strip(), where
            assert item["source"].strip(), where
            assert item.get("statement") in STATEMENTS, where
            assert item.get("constitution") in CONSTITUTIONS, where
            amounts = item.get("amounts") or {}
            assert amounts and all(re.fullmatch(r"FY\d{4}", y) for y in amounts), where
            assert all(isinstance(v, int | float) for v in amounts.values()), where


def test_every_expected_key_is_an_input_row(halves):
    rows = input_rows()
    assert len(rows) > 50, "cma-rows.md input rows could not be read"
    for half, items in halves.items():
        wrong = {
            item["id"]: item["expected_cma_key"]
            for item in items
            if item["expected_cma_key"] not in rows
        }
        assert not wrong, f"{half}: expected keys that are not input rows: {wrong}"


def test_size_and_coverage_of_every_input_row(halves):
    everything = [item for items in halves.values() for item in items]
    assert len(everything) >= MIN_ITEMS
    counts = Counter(item["expected_cma_key"] for item in everything)
    thin = {row: counts[row] for row in input_rows() if counts[row] < MIN_PER_ROW}
    assert not thin, f"input rows with fewer than {MIN_PER_ROW} items: {thin}"
    for half, items in halves.items():
        missing = input_rows() - {item["expected_cma_key"] for item in items}
        assert not missing, f"the {half} half has no item for {sorted(missing)}"


def test_halves_are_disjoint_by_source(halves):
    sources = {half: {item["source"] for item in items} for half, items in halves.items()}
    for one, other in [("dev", "test"), ("dev", "holdout"), ("test", "holdout")]:
        shared = sources[one] & sources[other]
        assert not shared, f"sources in both {one} and {other}: {shared}"
