"""Tesseract, the OCR engine: whether this server has it, and one page image into words.

Tesseract is a system package (Debian `tesseract-ocr` with `tesseract-ocr-eng`),
run as a program: its TSV output gives every word with its box and its
confidence. It is asked for one thread (OMP_THREAD_LIMIT=1): pages are read in
parallel processes instead, and tesseract's own threads make a page five times
slower on a busy machine. A server without it still serves and reads digital
PDFs; only a scan gets an error, saying what the firm's admin installs.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from functools import cache
from typing import NamedTuple

from PIL import Image

from pipeline.readers.document import ReaderError

LANGUAGE = "eng"
PAGE_SECONDS = 120  # a page tesseract has not read in this long will not be read
_PSM_UNIFORM_BLOCK = "6"  # a statement page is one block of rows, whatever its columns


class OcrWord(NamedTuple):
    """A word as tesseract boxed it, in the image's pixels, with its confidence (0-100)."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float
    line: tuple[int, int, int]  # (block, paragraph, line): tesseract's own line


def tesseract_command() -> str:
    return os.environ.get("TESSERACT_CMD", "tesseract")


@cache
def _installed(command: str, path: str) -> str | None:
    """What is missing ('' when nothing): the program, or its English language data."""
    program = shutil.which(command, path=path)
    if program is None:
        return "the tesseract-ocr program"
    try:
        listed = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return "a working tesseract-ocr program"
    if LANGUAGE not in listed.stdout.split():
        return "tesseract's English language data (tesseract-ocr-eng)"
    return ""


def require_ocr() -> None:
    """Raise the CA's error when this server cannot OCR; nothing otherwise."""
    missing = _installed(tesseract_command(), os.environ.get("PATH", os.defpath))
    if missing:
        raise ocr_not_installed(missing)


def ocr_not_installed(missing: str) -> ReaderError:
    return ReaderError(
        "ocr_not_installed",
        f"This PDF is a scan, and OCR is not installed on this server ({missing} is missing), "
        "so its figures cannot be read.",
        "The firm's admin installs tesseract-ocr and tesseract-ocr-eng on the server "
        "(apt-get install tesseract-ocr tesseract-ocr-eng), then retries; or upload the "
        "original PDF or an Excel export.",
    )


def read_words(image: Image.Image, dpi: int) -> list[OcrWord]:
    """Every word tesseract reads on `image` (a page rendered at `dpi`)."""
    png = io.BytesIO()
    image.save(png, "PNG", compress_level=1)
    command = [tesseract_command(), "stdin", "stdout", "--psm", _PSM_UNIFORM_BLOCK]
    command += ["--dpi", str(dpi), "-l", LANGUAGE, "tsv"]
    try:
        done = subprocess.run(
            command,
            input=png.getvalue(),
            capture_output=True,
            timeout=PAGE_SECONDS,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            check=False,
        )
    except FileNotFoundError:
        raise ocr_not_installed("the tesseract-ocr program") from None
    except subprocess.TimeoutExpired:
        raise _ocr_failed(f"a page took longer than {PAGE_SECONDS} seconds to read") from None
    if done.returncode != 0:
        raise _ocr_failed(done.stderr.decode(errors="replace").strip()[-300:] or "no reason given")
    return parse_tsv(done.stdout.decode("utf-8", errors="replace"))


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Tesseract's TSV (a header, then one row per page, block, line and word) into words."""
    words = []
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        block, par, line, _, left, top, width, height = map(int, fields[2:10])
        words.append(
            OcrWord(
                fields[11].strip(),
                left,
                top,
                left + width,
                top + height,
                max(0.0, float(fields[10])),
                (block, par, line),
            )
        )
    return words


def _ocr_failed(reason: str) -> ReaderError:
    return ReaderError(
        "ocr_failed",
        f"The scanned pages could not be read by OCR ({reason}).",
        "Upload the original PDF or an Excel export; if the scan is the only copy, "
        "scan the pages again at 300 dpi.",
    )
