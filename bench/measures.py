"""The four measures of bench/run.py, each against a web server and a running qcluster."""

from __future__ import annotations

import os
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import requests

from bench import client, procfs
from pipeline.options import STEPS

RUN_TIMEOUT = 300  # seconds any one run may take before the bench gives up


@dataclass
class CompanyRun:
    company: str
    seconds: float
    status: str
    step_ms: dict[str, int]
    options: dict
    upload_seconds: float  # the upload request
    queued_seconds: float  # from the process request to the first step's start


def end_to_end(http: requests.Session, folder: Path) -> CompanyRun:
    """Upload to completed, one project, without skip_review unless the run pauses for review."""
    for options in ({}, {"skip_review": True}):
        project_id = client.create(http, folder)
        began = time.perf_counter()
        client.upload(http, project_id, folder)
        uploaded_at, asked_at = time.perf_counter(), time.time()
        client.process(http, project_id, options)
        state = client.stopped(http, project_id, RUN_TIMEOUT)
        seconds = time.perf_counter() - began
        if state["status"] != "reviewing":
            break
    steps = {s: state["steps"][s]["duration_ms"] or 0 for s in STEPS}
    first = datetime.fromisoformat(state["steps"]["extract"]["started_at"]).timestamp()
    return CompanyRun(
        folder.name,
        seconds,
        state["status"],
        steps,
        options,
        uploaded_at - began,
        first - asked_at,
    )


@dataclass
class Batch:
    workers: int
    projects: int
    seconds: float
    statuses: list[str]
    busy: float  # share of the machine's CPU in use over the batch, 0..1
    cpu: dict[str, float]  # CPU seconds per project: workers, web, bench, postgres, others

    @property
    def per_minute(self) -> float:
        return self.projects / self.seconds * 60


def batch(
    http, folders: list[Path], options: dict[str, dict], workers: int, roots: dict[str, list[int]]
) -> Batch:
    """Projects completed per minute by the running workers (`workers` of them).

    The projects are created and uploaded first; the clock runs from the first
    process request to the last run's end (its last step's completed_at, the
    server's clock on this same machine). CPU is counted over the same span
    for the process trees in `roots` ({"workers": [pid], "web": [pid], …}).
    """
    ids = uploaded(http, folders)
    watch = CpuWatch(roots)
    began = time.time()
    for project_id, folder in zip(ids, folders, strict=True):
        client.process(http, project_id, options[folder.name])
    states = [client.stopped(http, p, RUN_TIMEOUT * len(ids), interval=0.5) for p in ids]
    used, busy = watch.stop()
    cpu = {k: seconds / len(ids) for k, seconds in used.items()}
    ended = max(_ended(s) for s in states)
    return Batch(workers, len(ids), ended - began, [s["status"] for s in states], busy, cpu)


class CpuWatch:
    """CPU seconds used from its start to `stop()` by the trees in `roots` ({"workers":
    [pid], …}), PostgreSQL, this process alone, and "others": the rest of the machine
    (other test runs on a shared machine), with the machine's busy share."""

    def __init__(self, roots: dict[str, list[int]]) -> None:
        self.roots = roots
        self.began, self.machine = self._used(), procfs.busy_seconds()

    def _used(self) -> dict[str, float]:
        own = os.times()
        return procfs.cpu_seconds(self.roots) | {"bench": own.user + own.system}

    def stop(self) -> tuple[dict[str, float], float]:
        now, machine = self._used(), procfs.busy_seconds()
        used = {k: now[k] - self.began[k] for k in now}
        busy = machine[0] - self.machine[0]
        used["others"] = busy - sum(used.values())
        return used, busy / (machine[1] - self.machine[1])


def uploaded(http, folders: list[Path]) -> list[str]:
    """A project per folder with its files uploaded; their ids."""
    ids = [client.create(http, f) for f in folders]
    for project_id, folder in zip(ids, folders, strict=True):
        client.upload(http, project_id, folder)
    return ids


def _ended(state: dict) -> float:
    stamps = [r["completed_at"] for r in state["steps"].values() if r["completed_at"]]
    return max(datetime.fromisoformat(s).timestamp() for s in stamps)


@dataclass
class Polls:
    latencies: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    others: float = 0.0  # cores the rest of the machine used meanwhile


def pollers(
    url: str,
    token: str,
    http,
    folders: list[Path],
    options: dict[str, dict],
    *,
    running: int,
    count: int,
    interval: float,
    limit: float,
    roots: dict[str, list[int]],
) -> Polls:
    """`count` threads, each with its own session, GET /progress of the running projects
    every `interval` seconds (0: back to back) while `running` projects process.

    The projects of `folders` are uploaded first and started `running` at a time,
    the next as soon as one stops; polling ends when fewer than `running` are
    left to process, or after `limit` seconds.
    """
    waiting = list(zip(uploaded(http, folders), folders, strict=True))
    flying: list[str] = []
    polls, lock, stop = Polls(), threading.Lock(), threading.Event()

    def launch() -> str:
        project_id, folder = waiting.pop(0)
        client.process(http, project_id, options[folder.name])
        return project_id

    def replace_stopped() -> bool:
        """Start the next project in the place of each that stopped; False when none is left."""
        for index, project_id in enumerate(flying):
            if not client.progress(http, project_id)["is_processing"]:
                if not waiting:
                    return False  # fewer than `running` from now on: the window closes
                flying[index] = launch()
        return True

    def poll(number: int) -> None:
        own = client.session(url, token, pool_size=1)
        time.sleep(random.uniform(0, interval))  # open pages do not poll in step
        turn = number
        while not stop.is_set():
            project_id = flying[turn % running]
            turn += 1
            began = time.perf_counter()
            try:
                answer = own.get(f"{own.base}/projects/{project_id}/progress", timeout=10)
                problem = "" if answer.status_code == 200 else f"HTTP {answer.status_code}"
            except requests.RequestException as error:
                problem = type(error).__name__
            with lock:
                polls.latencies.append(time.perf_counter() - began)
                if problem:
                    polls.problems.append(problem)
            stop.wait(interval)

    flying.extend(launch() for _ in range(running))
    began, watch = time.perf_counter(), CpuWatch(roots)
    with ThreadPoolExecutor(max_workers=count) as pool:
        try:
            for number in range(count):
                pool.submit(poll, number)
            while time.perf_counter() < began + limit and replace_stopped():
                time.sleep(0.2)
        finally:
            stop.set()  # on Ctrl-C too, or the pool waits for pollers that never end
    polls.seconds = time.perf_counter() - began
    polls.others = watch.stop()[0]["others"] / polls.seconds
    return polls


@dataclass
class Memory:
    worker_bytes: int
    cluster_bytes: int
    seconds: float
    status: str
    options: dict


def large_statement(http, cluster_pid: int) -> Memory:
    """Peak resident memory of the worker (with its children) processing the 200-page PDF.

    Without skip_review first, as a CA would; again with it if that run pauses for
    review, so that every step is measured. The peak is the larger of the two.
    """
    worker_peak = cluster_peak = 0
    for options in ({}, {"skip_review": True}):
        project_id = uploaded(http, [client.LARGE])[0]
        began = time.perf_counter()
        client.process(http, project_id, options)
        state = client.progress(http, project_id)
        while state["is_processing"] and time.perf_counter() < began + RUN_TIMEOUT:
            for _ in range(10):  # sample every 20 ms, ask the API every 200 ms
                worker, whole = procfs.worker_peak_sample(cluster_pid)
                worker_peak, cluster_peak = max(worker_peak, worker), max(cluster_peak, whole)
                time.sleep(0.02)
            state = client.progress(http, project_id)
        seconds = time.perf_counter() - began
        if state["status"] != "reviewing":
            break
    return Memory(worker_peak, cluster_peak, seconds, state["status"], options)
