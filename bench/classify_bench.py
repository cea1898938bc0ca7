"""How right the classifier is, and how far its confidence can be trusted.

Prints, for the samples and for each half of the blind set (and the held-out
set), per section of docs/spec/cma-rows.md: accuracy, the share auto-approved
and the precision of the auto-approved, then a reliability table (confidence
band against share right). Run from the repository root:

    .venv/bin/python bench/classify_bench.py [--set dev|test|holdout|samples ...]

`--reliability bench/reliability.md` writes the reliability tables instead:
the development half cross-validated by source (each source confidence-scored
by a calibration fitted on the other sources), and the test half and the
held-out set scored by the shipped calibration, which is fitted on the whole
development half only (pipeline/classifier/fitting.py).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.classifier.classifier import Classifier  # noqa: E402
from pipeline.classifier.context import ItemContext  # noqa: E402
from pipeline.classifier.fitting import cross_validated, records  # noqa: E402
from pipeline.classifier.jsonl import SETS, load  # noqa: E402
from pipeline.classifier.sections import SECTIONS, section_of  # noqa: E402

BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01)


def samples() -> list[tuple[ItemContext, str | None]]:
    """The samples' items the classifier decides (the reader's exclusions left out)."""
    from tests.classifier.sampledata import all_samples

    every = [s for company in all_samples().values() for s in company]
    return [(s.item, s.cma_key) for s in every if not s.structural]


def measure(name: str, pairs: list[tuple[ItemContext, str | None]], threshold: float) -> dict:
    """Print the per-section table and the reliability table; return the totals."""
    verdicts = Classifier().classify([item for item, _ in pairs])
    rows: dict[str, list[tuple[bool, bool]]] = {section: [] for section in SECTIONS}
    scored = []
    for (_, expected), verdict in zip(pairs, verdicts, strict=True):
        right = verdict.cma_key == expected
        auto = verdict.confidence >= threshold
        rows[section_of(expected)].append((right, auto))
        scored.append((verdict.confidence, right))
    print(f"\n== {name}: {len(pairs)} items")
    print(f"{'section':<28}{'items':>6}{'right':>8}{'auto':>8}{'auto right':>12}")
    every = [cell for cells in rows.values() for cell in cells]
    for section, cells in [*rows.items(), ("all", every)]:
        if cells:
            print(_line(section, cells))
    print(f"{'confidence':<14}{'items':>6}{'right':>8}")
    for low, high in itertools.pairwise(BANDS):
        band = [right for confidence, right in scored if low <= confidence < high]
        if band:
            print(f"{low:.2f}-{min(high, 1):.2f}    {len(band):>6}{_pct(sum(band), len(band)):>8}")
    auto = [right for right, is_auto in every if is_auto]
    return {
        "right": sum(right for right, _ in every) / len(every),
        "auto_share": len(auto) / len(every),
        "auto_precision": sum(auto) / len(auto) if auto else 1.0,
    }


def _line(section: str, cells: list[tuple[bool, bool]]) -> str:
    auto = [right for right, is_auto in cells if is_auto]
    right = sum(r for r, _ in cells)
    return (
        f"{section:<28}{len(cells):>6}{_pct(right, len(cells)):>8}"
        f"{_pct(len(auto), len(cells)):>8}{_pct(sum(auto), len(auto)):>12}"
    )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def reliability(threshold: float) -> str:
    """The reliability tables as Markdown (see the module docstring)."""
    scored = {"dev, cross-validated by source": cross_validated(records(SETS["dev"]))}
    for name in ("test", "holdout"):
        pairs = load(SETS[name])
        verdicts = Classifier().classify([item for item, _ in pairs])
        scored[name] = [
            (v.confidence, v.cma_key == expected)
            for (_, expected), v in zip(pairs, verdicts, strict=True)
        ]
    lines = [
        "# Reliability of the classifier's confidence",
        "",
        "Confidence band against the share of items right. Written by",
        "`.venv/bin/python bench/classify_bench.py --reliability bench/reliability.md`;",
        "the calibration is fitted on the blind set's development half only.",
        f"Items at or above `auto_approve_above` = {threshold:.2f} are approved without review.",
    ]
    for name, pairs in scored.items():
        auto = [right for confidence, right in pairs if confidence >= threshold]
        lines += ["", f"## {name}: {len(pairs)} items", ""]
        lines += [
            f"right {_pct(sum(r for _, r in pairs), len(pairs))}, auto-approved "
            f"{_pct(len(auto), len(pairs))}, of which right {_pct(sum(auto), len(auto))}",
            "",
            "| confidence | items | right |",
            "|---|---:|---:|",
        ]
        for low, high in itertools.pairwise(BANDS):
            band = [right for confidence, right in pairs if low <= confidence < high]
            if band:
                share = _pct(sum(band), len(band))
                lines.append(f"| {low:.2f}-{min(high, 1):.2f} | {len(band)} | {share} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=["samples", *SETS])
    parser.add_argument("--reliability", type=Path, help="write the reliability tables here")
    args = parser.parse_args()
    threshold = Classifier().policy.auto_approve_above
    if args.reliability:
        args.reliability.write_text(reliability(threshold), encoding="utf-8")
        print(f"Wrote {args.reliability}")
        return
    for name in args.set or ["samples", *SETS]:
        pairs = samples() if name == "samples" else load(SETS[name])
        measure(name, pairs, threshold)


if __name__ == "__main__":
    main()
