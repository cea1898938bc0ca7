"""The bench's percentile and table helpers (no server, no timing)."""

from __future__ import annotations

import pytest

from bench.report import Row, percentile, summary, table


def test_percentile_is_a_measured_value_by_nearest_rank():
    values = list(range(1, 101))  # 1..100
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.99) == 99
    assert percentile(values, 1.0) == 100
    assert percentile([7.0], 0.99) == 7.0


def test_p99_of_few_values_is_the_slowest():
    assert percentile([3, 1, 2], 0.99) == 3


def test_percentile_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_table_aligns_columns_and_right_aligns_numbers():
    lines = table(["name", "seconds"], [["a", "1.5"], ["longer", "12.25"]]).splitlines()
    assert lines[0] == "name    seconds"
    assert lines[1] == "------  -------"
    assert lines[2] == "a           1.5"
    assert lines[3] == "longer    12.25"


def test_summary_says_pass_fail_or_nothing_without_a_goal():
    text = summary(
        [
            Row("fast", "1 s", "< 5 s", True),
            Row("slow", "9 s", "< 5 s", False),
            Row("memory", "100 MB"),
        ]
    )
    verdicts = [line.split()[-1] for line in text.splitlines()[2:]]
    assert verdicts == ["PASS", "FAIL", "-"]
