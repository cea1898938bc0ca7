"""Every benchmark of the running product in one command, printed as one table.

    .venv/bin/python bench/run.py [--quick] [--json PATH]

Builds the production shape on this machine (a fresh PostgreSQL database,
a Redis db, gunicorn, `manage.py qcluster` processes configured by
environment only), drives the REST API like a CA's tool, and measures:

1. end to end, upload to completed, per sample company on one worker, with
   each step's share (the progress endpoint's duration_ms);
2. projects completed per minute by one qcluster with Q_WORKERS=1, 2, 4
   over a fixed batch of the sample companies;
3. progress endpoint latency under 50 concurrent pollers while 4 projects
   process, at the portal's pace (one poll each per 1.5 s) and back to back,
   with the workers at a lower CPU priority than the web server (as
   docs/deploy.md runs them on a shared host), and at the portal's pace at
   equal priority;
4. peak resident memory of a worker processing the 200-page statement.

Every process it starts is stopped at the end, on an error or Ctrl-C too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import client, measures  # noqa: E402
from bench.report import Row, percentile, summary, table  # noqa: E402
from bench.stack import Stack  # noqa: E402
from tests.groundtruth import SAMPLES, companies  # noqa: E402

PORTAL_POLL_SECONDS = 1.5  # static/project.js POLL_MS


def main() -> None:
    args = arguments()
    # Ctrl-C and `kill` alike stop the children; SIGINT too, which a shell running the
    # bench in the background would otherwise have it ignore.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, _interrupt)
    workdir = Path(tempfile.mkdtemp(prefix="cma-bench-"))
    stack = Stack(args.database_url, args.redis_url, workdir)
    try:
        results = measure(stack, args)
    except KeyboardInterrupt:
        raise SystemExit("bench: interrupted; every process it started is stopped") from None
    finally:
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, signal.SIG_IGN)  # a second Ctrl-C must not cut this short
        stack.close()
        if args.keep:
            print(f"logs and media kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    rows = print_results(results, args)
    if args.json:
        document = {"rows": [asdict(r) | {"verdict": r.verdict} for r in rows], **results}
        args.json.write_text(json.dumps(document, indent=2, default=_plain))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cma_bench"
        ),
        help="dropped and created afresh (default BENCH_DATABASE_URL or cma_bench)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        help="a Redis db the bench flushes (default BENCH_REDIS_URL or db 14)",
    )
    # Four rounds: a batch's last projects leave workers idle while one finishes; the
    # longer the batch, the less that tail weighs against the throughput it measures.
    parser.add_argument("--rounds", type=int, default=4, help="rounds of the companies per batch")
    parser.add_argument("--pollers", type=int, default=50)
    parser.add_argument(
        "--poll-projects", type=int, default=24, help="projects processed while polling"
    )
    parser.add_argument("--web-workers", type=int, default=2 * os.cpu_count() + 1)
    parser.add_argument(
        "--quick", action="store_true", help="one round per batch, no 4-worker batch"
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=10,
        help="CPU priority of the qclusters below the web server's (docs/deploy.md); 0: equal",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--keep", action="store_true", help="keep the logs and media folder")
    args = parser.parse_args()
    args.worker_counts = (1, 2) if args.quick else (1, 2, 4)
    args.rounds = 1 if args.quick else args.rounds
    args.poll_projects = 8 if args.quick else args.poll_projects
    return args


def measure(stack: Stack, args) -> dict:
    """Run the four measures in turn; each result as plain data."""
    say("fresh database, Redis db and a CA; gunicorn")
    token = stack.prepare()
    url = stack.web(args.web_workers)
    http = client.session(url, token, pool_size=4)
    folders = [SAMPLES / c for c in companies()]

    say("end to end, one company at a time, one worker")
    with stack.serving("qcluster-end-to-end", 1):
        runs = [measures.end_to_end(http, folder) for folder in folders]
    options = {r.company: r.options for r in runs}

    batches = []
    for workers in args.worker_counts:
        say(f"batch of {len(folders) * args.rounds} projects, Q_WORKERS={workers}")
        with stack.serving(f"qcluster-batch-{workers}", workers) as cluster:
            roots = {"workers": [cluster.pid], "web": [stack.web_process.pid]}
            batches.append(measures.batch(http, folders * args.rounds, options, workers, roots))

    # Four always running: the next starts as soon as one stops, for `poll_projects` in all.
    queue = [folders[n % len(folders)] for n in range(args.poll_projects)]
    polls = []
    # At the portal's pace and back to back with the workers below the web server, as
    # docs/deploy.md runs them on a shared host; at the portal's pace at equal priority too.
    windows = [(PORTAL_POLL_SECONDS, args.worker_nice), (0.0, args.worker_nice)]
    if args.worker_nice:
        windows.append((PORTAL_POLL_SECONDS, 0))
    for pace, nice in windows:
        say(f"{args.pollers} progress pollers while 4 projects process, Q_WORKERS=4, nice {nice}")
        with stack.serving(f"qcluster-pollers-{pace:g}-{nice}", 4, nice) as cluster:
            roots = {"workers": [cluster.pid], "web": [stack.web_process.pid]}
            result = measures.pollers(
                url,
                token,
                http,
                queue,
                options,
                running=4,
                count=args.pollers,
                interval=pace,
                limit=120,
                roots=roots,
            )
            polls.append((pace, nice, result))

    say("peak memory of a worker on the 200-page statement")
    with stack.serving("qcluster-memory", 1) as cluster:
        peak = measures.large_statement(http, cluster.pid)
    return {"runs": runs, "batches": batches, "polls": polls, "memory": peak}


def print_results(results: dict, args) -> list[Row]:
    runs, batches = results["runs"], results["batches"]
    print(f"\nEnd to end on one worker (upload to completed), {os.cpu_count()} cores:")
    print(
        table(
            [
                "company",
                "seconds",
                "upload",
                "queued",
                *measures.STEPS,
                "other",
                "options",
                "status",
            ],
            [_run_cells(r) for r in runs],
        )
    )
    print("\nBatches (one qcluster, Q_WORKERS=N, web server and PostgreSQL on the same cores):")
    print(
        table(
            [
                "workers",
                "projects",
                "seconds",
                "per minute",
                "statuses",
                "CPU busy",
                "CPU s/project: workers",
                "web",
                "postgres",
                "bench",
                "others",
            ],
            [
                [
                    str(b.workers),
                    str(b.projects),
                    f"{b.seconds:.1f}",
                    f"{b.per_minute:.1f}",
                    _counts(b.statuses),
                    f"{b.busy:.0%}",
                    *(f"{b.cpu[k]:.2f}" for k in ("workers", "web", "postgres", "bench", "others")),
                ]
                for b in batches
            ],
        )
    )
    rows = summary_rows(results, args)
    print(
        f"\nSummary: {os.cpu_count()} cores shared by gunicorn ({args.web_workers} sync workers),"
        " PostgreSQL, Redis, the bench and the qclusters:"
    )
    print(summary(rows))
    return rows


def summary_rows(results: dict, args) -> list[Row]:
    runs, batches, polls, peak = (results[k] for k in ("runs", "batches", "polls", "memory"))
    seconds = [r.seconds for r in runs]
    median = statistics.median(seconds)
    rows = [
        Row(
            "end to end, median of 7 companies, 1 worker",
            f"{median:.2f} s",
            "< 5 s",
            median < 5 and all(r.status == "completed" for r in runs),
        ),
        Row("end to end, slowest company", f"{max(seconds):.2f} s"),
    ]
    one = batches[0].per_minute
    for b in batches:
        ratio = b.per_minute / one
        goal, passed = ("x1 >= 1.8", ratio >= 1.8) if b.workers == 2 else ("", None)
        rows.append(
            Row(
                f"projects/min, Q_WORKERS={b.workers} ({b.projects} projects)",
                f"{b.per_minute:.1f} (x{ratio:.2f})",
                goal,
                passed,
            )
        )
    others = max(b.cpu["others"] * b.projects / b.seconds for b in batches)
    others = max([others, *(p.others for _, _, p in polls)])
    rows.append(
        Row("CPU other processes took in a batch or poll window", f"max {others:.2f} cores")
    )
    rows += [
        _poll_row(pace, nice, p, args.pollers, goal=nice == args.worker_nice)
        for pace, nice, p in polls
    ]
    rows.append(
        Row(
            "peak RSS, worker + children, 200-page PDF",
            f"{peak.worker_bytes / 2**20:.0f} MB ({peak.seconds:.1f} s, {peak.status})",
        )
    )
    rows.append(
        Row("peak RSS, whole qcluster (Q_WORKERS=1)", f"{peak.cluster_bytes / 2**20:.0f} MB")
    )
    return rows


def _poll_row(pace: float, nice: int, polls: measures.Polls, pollers: int, goal: bool) -> Row:
    ms = [s * 1000 for s in polls.latencies]
    p50, p99 = percentile(ms, 0.5), percentile(ms, 0.99)
    errors = f", {len(polls.problems)} errors" if polls.problems else ""
    rate = len(ms) / polls.seconds
    how = f"one poll each per {pace:g} s" if pace else "back to back"
    graded = goal and pace
    return Row(
        f"progress p50/p99, {pollers} pollers {how}, 4 running at nice {nice}",
        f"{p50:.0f}/{p99:.0f} ms ({len(ms)} req, {rate:.0f}/s{errors})",
        "p99 < 50 ms" if graded else "",
        (p99 < 50 and not polls.problems) if graded else None,
    )


def _run_cells(run: measures.CompanyRun) -> list[str]:
    parts = [
        run.upload_seconds,
        run.queued_seconds,
        *(run.step_ms[s] / 1000 for s in measures.STEPS),
    ]
    shares = [part / run.seconds * 100 for part in parts]
    return [
        run.company,
        f"{run.seconds:.2f}",
        *(f"{s:.0f}%" for s in shares),
        f"{100 - sum(shares):.0f}%",
        json.dumps(run.options),
        run.status,
    ]


def _counts(statuses: list[str]) -> str:
    return ", ".join(f"{statuses.count(s)} {s}" for s in sorted(set(statuses)))


def say(what: str) -> None:
    print(f"bench: {what}", file=sys.stderr, flush=True)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _plain(value):
    return asdict(value) if hasattr(value, "__dataclass_fields__") else str(value)


if __name__ == "__main__":
    main()
