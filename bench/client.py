"""The REST API as a CA's tool uses it: create a project, upload, process, poll progress."""

from __future__ import annotations

import json
import time
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter

from tests.groundtruth import CONSTITUTIONS, SAMPLES

LARGE = SAMPLES / "_large"


def session(url: str, token: str, pool_size: int = 10) -> requests.Session:
    http = requests.Session()
    http.mount("http://", HTTPAdapter(pool_maxsize=pool_size))
    http.headers["Authorization"] = f"Token {token}"
    http.base = url + "/api/v1"
    return http


def inputs(folder: Path) -> list[Path]:
    """Every file of a sample folder but its ground truth (and READMEs)."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() not in (".json", ".md"))


def company_of(folder: Path) -> dict:
    company = json.loads((folder / "ground_truth.json").read_text())["company"]
    if "constitution" not in company:  # _large names only the sample company it extends
        return company_of(SAMPLES / company["slug"])
    return company


def create(http: requests.Session, folder: Path) -> str:
    """A project for the sample company in `folder`; its id."""
    company = company_of(folder)
    answer = http.post(
        f"{http.base}/projects/",
        json={
            "company_name": company["name"],
            "constitution": CONSTITUTIONS[company["constitution"].lower()],
            "industry": company.get("industry", "manufacturing"),
        },
        timeout=30,
    )
    answer.raise_for_status()
    return answer.json()["id"]


def upload(http: requests.Session, project_id: str, folder: Path) -> None:
    files = [("file", (p.name, p.read_bytes())) for p in inputs(folder)]
    answer = http.post(f"{http.base}/projects/{project_id}/files/", files=files, timeout=120)
    if answer.status_code != 201 or answer.json()["rejected"]:
        raise SystemExit(f"upload of {folder.name} refused: {answer.text}")


def process(http: requests.Session, project_id: str, options: dict) -> None:
    body = {"options": options}
    answer = http.post(f"{http.base}/projects/{project_id}/process", json=body, timeout=30)
    if answer.status_code != 202:
        raise SystemExit(f"process refused ({answer.status_code}): {answer.text}")


def progress(http: requests.Session, project_id: str) -> dict:
    answer = http.get(f"{http.base}/projects/{project_id}/progress", timeout=30)
    answer.raise_for_status()
    return answer.json()


def stopped(http: requests.Session, project_id: str, timeout: float, interval=0.05) -> dict:
    """Poll progress until the run stops (completed, reviewing or failed); the last answer."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = progress(http, project_id)
        if not state["is_processing"] and state["status"] != "draft":
            return state
        time.sleep(interval)
    raise SystemExit(f"project {project_id} still processing after {timeout:.0f} s")
