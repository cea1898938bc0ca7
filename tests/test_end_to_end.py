"""Every sample company through the HTTP API and a real qcluster, compared to the rupee.

Each company runs twice: with skip_review (the classification as it stands),
and with a review in which a CA decides each pending item as the ground truth
says (approve, reclassify, or exclude) before resuming.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.groundtruth import CONSTITUTIONS, SAMPLES, companies, load, normalise_label
from tests.pipeline.worker import wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def start(http, company: str, truth: dict) -> str:
    info = truth["company"]
    created = http.post(
        f"{http.base}/projects/",
        json={
            "company_name": info["name"],
            "constitution": CONSTITUTIONS[info["constitution"]],
            "industry": info["industry"],
        },
    )
    assert created.status_code == 201, created.text
    project_id = created.json()["id"]
    paths = sorted(p for p in (SAMPLES / company).iterdir() if p.name != "ground_truth.json")
    files = [("file", (p.name, p.read_bytes())) for p in paths]
    assert http.post(f"{http.base}/projects/{project_id}/files/", files=files).status_code == 201
    return project_id


def stopped(http, project_id: str, seconds: float = 240) -> dict:
    url = f"{http.base}/projects/{project_id}/progress"
    return wait_for(
        lambda: (p := http.get(url).json())["is_processing"] is False and p,
        seconds,
        "the pipeline to stop",
    )


def assert_matches_expected(http, project_id: str, truth: dict) -> None:
    document = http.get(f"{http.base}/projects/{project_id}/cma").json()
    assert document["schema"] == "cma/1"
    wrong = []
    for key, years in truth["expected"].items():
        values = document["rows"].get(key) or document["assessment"].get(key)
        for year, expected in years.items():
            got = values.get(year)
            if got is None or abs(Decimal(str(got)) - Decimal(expected)) >= Decimal("0.005"):
                wrong.append(f"{key} {year}: expected {expected}, got {got}")
    assert wrong == []


def decide_as_ground_truth(http, project_id: str, truth: dict) -> int:
    """PATCH every pending review item with the ground truth's row for that printed line."""
    items = http.get(
        f"{http.base}/projects/{project_id}/review-items/",
        params={"status": "pending", "limit": 10000},
    ).json()["results"]
    for item in items:
        expected = ground_truth_item(truth, item)
        proposed = item["proposed"]
        if expected["cma_key"] is None:
            body = {"decision": "exclude", "reason": expected["exclude_reason"]}
        elif proposed and (proposed["cma_key"], proposed["sign"]) == (
            expected["cma_key"],
            expected["sign"],
        ):
            body = {"decision": "approve"}
        else:
            body = {
                "decision": "reclassify",
                "cma_key": expected["cma_key"],
                "sign": expected["sign"],
            }
        answer = http.patch(f"{http.base}/review-items/{item['id']}/", json=body)
        assert answer.status_code == 200, answer.text
    return len(items)


def ground_truth_item(truth: dict, item: dict) -> dict:
    where = item["provenance"]
    amounts = {year: Decimal(str(v)) for year, v in item["amounts"].items()}
    for candidate in truth["line_items"]:
        if (
            candidate["file"] == where["file"]
            and candidate.get("page") == where["page"]
            and (candidate.get("sheet") or None) == where["sheet"]
            and normalise_label(candidate["label"]) == normalise_label(item["label"])
            and {y: Decimal(v) for y, v in candidate["amounts"].items()} == amounts
        ):
            return candidate
    raise AssertionError(f"no ground-truth line for review item {item['label']!r} at {where}")


@pytest.mark.parametrize("company", companies())
def test_every_sample_company_matches_its_expected_cma(http, worker, company):
    truth = load(company)

    skipping = start(http, company, truth)
    accepted = http.post(
        f"{http.base}/projects/{skipping}/process", json={"options": {"skip_review": True}}
    )
    assert accepted.status_code == 202, accepted.text
    assert stopped(http, skipping)["status"] == "completed"
    assert_matches_expected(http, skipping, truth)

    reviewed = start(http, company, truth)
    assert http.post(f"{http.base}/projects/{reviewed}/process", json={}).status_code == 202
    state = stopped(http, reviewed)
    if state["status"] == "reviewing":
        assert decide_as_ground_truth(http, reviewed, truth) > 0
        assert http.post(f"{http.base}/projects/{reviewed}/resume").status_code == 202
        state = stopped(http, reviewed)
    assert state["status"] == "completed", state
    assert_matches_expected(http, reviewed, truth)
    workbook = http.get(f"{http.base}/projects/{reviewed}/cma.xlsx")
    assert workbook.status_code == 200
    assert workbook.content[:2] == b"PK"
