"""The statement's own arithmetic on every sample: how many checks each file gets, and
which break, as extraction will warn the CA. Run from the repository root:

    .venv/bin/python bench/statement_checks.py [files ...]

Without arguments it reads tests/data/samples (statements that tie: every break
there is a misreading, or an OCR misread of a scan). Prints one line per file
(checks by kind, as holding/breaking) and each break's sentence.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.readers import read_document  # noqa: E402
from pipeline.readers.document import ReaderError, ReadLimits  # noqa: E402
from pipeline.statement_arithmetic import breaks, check_rows  # noqa: E402

SAMPLES = ROOT / "tests" / "data" / "samples"
SUFFIXES = {".pdf", ".xlsx", ".xls", ".csv"}


def main(paths: list[Path]) -> int:
    total, broken = Counter(), 0
    for path in paths:
        try:
            document = read_document(path.name, path.read_bytes(), ReadLimits())
        except ReaderError as error:
            print(f"{path.relative_to(ROOT)}: not read ({error.code})")
            continue
        checks = check_rows(document.items, document.units)
        kinds = Counter((c.kind, c.holds) for c in checks)
        shown = ", ".join(
            f"{kind} {kinds[(kind, True)]}/{kinds[(kind, True)] + kinds[(kind, False)]}"
            for kind in sorted({c.kind for c in checks})
        )
        print(f"{path.relative_to(ROOT)}: {shown or 'no checks'}")
        for sentence in breaks(checks):
            print(f"    {sentence}")
        total.update(c.holds for c in checks)
        broken += bool(breaks(checks))
    print(f"{total[True]} of {total[True] + total[False]} checks hold; {broken} files break")
    return 0


if __name__ == "__main__":
    given = [Path(arg).resolve() for arg in sys.argv[1:]]
    found = sorted(p for p in SAMPLES.rglob("*") if p.suffix.lower() in SUFFIXES)
    sys.exit(main(given or found))
