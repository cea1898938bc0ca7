"""Extraction speed of the PDF reader against pdfplumber's own floor, in one run.

    .venv/bin/python bench/extract_bench.py [--file PDF] [--workers N]
                                            [--scan PDF] [--ocr-workers N]

Prints pages per second of `read_pdf` on the 200-page sample (statement and
annexures) beside the time pdfplumber needs just to open the same file and
read the words of every page in one process, the ratio of the two (our
overhead), and peak memory (resident set of this process and of the largest
worker process). `read_pdf` leaves out the pages that are wholly annexures,
so the bench also times the reader with every page read, in worker
processes: the case of a long statement with nothing to leave out. Our
extractions run first so that their peak memory is not the floor's.

The OCR row reads an image-only scan (the sample company's statements at
200 dpi) last, with `--ocr-workers` tesseract processes: seconds per page
(goal: at most 2 on two cores), and the peak memory of this process after
it and of the largest tesseract.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.readers.document import ReadLimits  # noqa: E402
from pipeline.readers.pdf import read_pdf  # noqa: E402
from pipeline.readers.pdf_pages import read_pages  # noqa: E402
from pipeline.readers.pdf_parse import parse_pages  # noqa: E402
from pipeline.readers.pdf_structure import finish  # noqa: E402
from tests.groundtruth import SAMPLES  # noqa: E402

LARGE = SAMPLES / "_large" / "Shree Ganesh Polymers - FS FY2024-25 with annexures.pdf"
SCAN = (
    SAMPLES / "_scanned" / "shree-ganesh-polymers" / "Audited Financial Statements FY 2024-25.pdf"
)


def ours(data: bytes, workers: int) -> tuple[float, int, int]:
    """(seconds, pages, items) of the product's extraction."""
    started = time.perf_counter()
    document = read_pdf(LARGE.name, data, ReadLimits(workers=workers))
    return time.perf_counter() - started, document.pages or 0, len(document.items)


def scanned(data: bytes, workers: int) -> tuple[float, int, int]:
    """(seconds, pages, items) of reading an image-only PDF by OCR."""
    started = time.perf_counter()
    document = read_pdf(SCAN.name, data, ReadLimits(ocr_workers=workers))
    return time.perf_counter() - started, document.pages or 0, len(document.items)


def every_page(data: bytes, workers: int, pages: int) -> tuple[float, int]:
    """(seconds, items) of the reader's own steps with no page left out."""
    started = time.perf_counter()
    items = finish(parse_pages(read_pages(data, None, list(range(1, pages + 1)), workers)).drafts)
    return time.perf_counter() - started, len(items)


def floor(data: bytes) -> tuple[float, int]:
    """(seconds, pages) for pdfplumber to open the file and read every page's words."""
    started = time.perf_counter()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()
        pages = len(pdf.pages)
    return time.perf_counter() - started, pages


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=LARGE)
    parser.add_argument("--workers", type=int, default=ReadLimits().workers)
    parser.add_argument("--scan", type=Path, default=SCAN)
    parser.add_argument("--ocr-workers", type=int, default=2)
    args = parser.parse_args()
    data = args.file.read_bytes()

    our_seconds, pages, items = ours(data, args.workers)
    all_seconds, all_items = every_page(data, args.workers, pages)
    own_peak, worker_peak = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)
    floor_seconds, floor_pages = floor(data)

    print(f"file: {args.file.name} ({pages} pages, {len(data) / 1024:.0f} KB)")
    rows = [
        (f"ours: read_pdf, {args.workers} workers", our_seconds, f"{items} items"),
        (f"ours: every page read, {args.workers} workers", all_seconds, f"{all_items} items"),
        ("pdfplumber floor: open + extract_words", floor_seconds, "1 process"),
    ]
    for name, seconds, note in rows:
        print(f"{name:44} {seconds:7.2f} s {floor_pages / seconds:7.1f} pages/s  {note}")
    print(f"ratio read_pdf / floor:         {our_seconds / floor_seconds:.2f} (goal: at most 1.5)")
    print(f"ratio every page read / floor:  {all_seconds / floor_seconds:.2f}")
    print(
        f"peak memory of ours: {own_peak:.0f} MB this process, {worker_peak:.0f} MB largest worker"
    )
    ocr_seconds, ocr_pages, ocr_items = scanned(args.scan.read_bytes(), args.ocr_workers)
    name = f"ours: OCR of a scan, {args.ocr_workers} tesseracts"
    print(
        f"{name:44} {ocr_seconds:7.2f} s "
        f"{ocr_seconds / ocr_pages:7.2f} s/page   {ocr_items} items, {ocr_pages} pages "
        "(goal: at most 2 s/page)"
    )
    print(
        f"peak memory after OCR: {peak_mb(resource.RUSAGE_SELF):.0f} MB this process, "
        f"{peak_mb(resource.RUSAGE_CHILDREN):.0f} MB largest child (a tesseract or worker)"
    )


if __name__ == "__main__":
    main()
