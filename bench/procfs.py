"""Memory and CPU of process trees, read from /proc (Linux; psutil is not a dependency)."""

from __future__ import annotations

import os
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def stats() -> dict[int, tuple[str, list[str]]]:
    """pid → (command name, the fields after it in /proc/pid/stat) of every process now."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # it ended while we looked
            # The command name may hold spaces and parentheses: split at the last ")".
            name, rest = stat.split("(", 1)[1].rsplit(")", 1)
            found[int(entry.name)] = (name, rest.split())
    return found


def parents() -> dict[int, int]:
    """pid → parent pid of every process visible now."""
    return {pid: int(fields[1]) for pid, (_, fields) in stats().items()}


def cpu_seconds(roots: dict[str, list[int]]) -> dict[str, float]:
    """CPU seconds (user + system) so far of each named group of process trees, and of
    every `postgres` process; a process's finished children count with it."""
    now = stats()
    parent_of = {pid: int(fields[1]) for pid, (_, fields) in now.items()}

    def used(pid: int) -> float:
        fields = now[pid][1]  # utime stime cutime cstime are fields 14-17 of stat
        return sum(int(f) for f in fields[11:15]) / TICKS

    totals = {
        group: sum(used(p) for root in pids for p in descendants(root, parent_of) if p in now)
        for group, pids in roots.items()
    }
    totals["postgres"] = sum(used(p) for p, (name, _) in now.items() if name == "postgres")
    return totals


def busy_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, summed over its cores."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields) - idle) / TICKS, sum(fields) / TICKS


def descendants(root: int, parent_of: dict[int, int]) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, parent in parent_of.items():
        children.setdefault(parent, []).append(pid)
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def rss(pid: int) -> int:
    """Bytes resident of one process; 0 once it has ended."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError):
        return 0


def worker_peak_sample(cluster_pid: int) -> tuple[int, int]:
    """(the largest worker subtree, the whole cluster tree), bytes resident right now.

    A qcluster is main → sentinel → {pusher, monitor, workers}; a worker's own
    children (the processes reading a long PDF) count with it. Shared pages of
    forked processes are counted once per process, as RSS does.
    """
    parent_of = parents()
    tree = descendants(cluster_pid, parent_of)
    sizes = {pid: rss(pid) for pid in tree}
    subtrees = [
        sum(sizes.get(d, 0) for d in descendants(child, parent_of))
        for sentinel in (p for p in tree if parent_of.get(p) == cluster_pid)
        for child in (p for p in tree if parent_of.get(p) == sentinel)
    ]
    return max(subtrees, default=0), sum(sizes.values())
