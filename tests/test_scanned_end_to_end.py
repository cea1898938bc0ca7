"""The scanned copies of two sample companies through the API and a real qcluster.

OCR reads every page; the figures its arithmetic does not confirm come back as
amounts to confirm. A CA confirms each as the printed statement shows it and
decides the classifications as the ground truth says; both runs then complete
and the CMA equals the one made from the digital statements, to the rupee.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.groundtruth import load, normalise_label
from tests.test_end_to_end import assert_matches_expected, start, stopped

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def printed_line(truth: dict, item: dict) -> dict:
    """The ground truth's line for a review item: same file, page and label, of the same
    note if one is, with the amounts that agree most (a misread figure disagrees in one
    year)."""
    where = item["provenance"]
    read = {year: Decimal(str(v)) for year, v in item["amounts"].items()}
    candidates = [
        c
        for c in truth["line_items"]
        if c["file"] == where["file"]
        and c.get("page") == where["page"]
        and normalise_label(c["label"]) == normalise_label(item["label"])
    ]
    assert candidates, f"no ground-truth line for {item['label']!r} at {where}"
    return max(
        candidates,
        key=lambda c: (
            (c.get("note") or None) == where["note"],
            sum(Decimal(v) == read.get(year) for year, v in c["amounts"].items()),
        ),
    )


def decision_for(truth: dict, item: dict) -> dict:
    expected = printed_line(truth, item)
    if item["kind"] == "amount":
        asked = item["amount_check"]["read"]
        return {"decision": "confirm", "amounts": {y: expected["amounts"][y] for y in asked}}
    if expected["cma_key"] is None:
        return {"decision": "exclude", "reason": expected["exclude_reason"]}
    return {"decision": "reclassify", "cma_key": expected["cma_key"], "sign": expected["sign"]}


def decide_all(http, project_id: str, truth: dict) -> dict[str, int]:
    """Confirm the amounts first (a classification's amounts are then the right ones)."""
    decided = {"amount": 0, "classification": 0}
    for kind in ("amount", "classification"):
        items = http.get(
            f"{http.base}/projects/{project_id}/review-items/",
            params={"status": "pending", "limit": 10000},
        ).json()["results"]
        for item in (i for i in items if i["kind"] == kind):
            answer = http.patch(
                f"{http.base}/review-items/{item['id']}/", json=decision_for(truth, item)
            )
            assert answer.status_code == 200, answer.text
            decided[kind] += 1
    return decided


@pytest.mark.parametrize("company", ["shree-ganesh-polymers", "bharat-engineering-works"])
def test_a_scanned_company_completes_with_the_digital_cma_after_review(http, worker, company):
    folder = f"_scanned/{company}"
    truth = load(folder)
    project_id = start(http, folder, truth)
    assert http.post(f"{http.base}/projects/{project_id}/process", json={}).status_code == 202
    state = stopped(http, project_id, seconds=600)
    assert state["status"] == "reviewing", state.get("error") or state
    decided = decide_all(http, project_id, truth)
    assert decided["amount"] > 0
    assert http.post(f"{http.base}/projects/{project_id}/resume").status_code == 202
    state = stopped(http, project_id, seconds=600)
    assert state["status"] == "completed", state.get("error") or state
    assert_matches_expected(http, project_id, truth)
