"""PDF pages into printed lines of positioned words, the only pdfplumber work.

pdfminer's content-stream interpreter is nearly all the cost of reading a PDF,
so this module does nothing else: open, read each page's words, group them
into lines, close the page (pdfplumber otherwise keeps every page's caches).
A large file is read by several processes over page ranges, each opening the
PDF itself; everything returned is plain tuples, cheap to send back.
"""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from typing import NamedTuple

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSEOF
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.readers.document import ReaderError

# Below this many pages a second process costs more (start-up, a second parse
# of the cross-reference table) than it saves.
PARALLEL_FROM_PAGES = 12
CHUNK_PAGES = 8
LINE_TOLERANCE = 2.5  # points: words whose tops differ less sit on one printed line
MIN_TEXT_CHARS = 10  # a scanner's stamped page number is not a text layer


class Word(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


class Line(NamedTuple):
    number: int  # 1-based printed line on the page
    top: float
    bottom: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


class PageText(NamedTuple):
    number: int  # 1-based
    width: float
    lines: tuple[Line, ...]
    has_text: bool
    scanned: bool  # an image and no text; a blank page is neither

    @property
    def chars(self) -> int:
        """Printed characters, not spaces."""
        return sum(len(word.text) for line in self.lines for word in line.words)


def open_pdf(data: bytes, password: str | None) -> pdfplumber.PDF:
    """Open `data`, translating pdfminer's failures into errors a CA can act on."""
    try:
        return pdfplumber.open(io.BytesIO(data), password=password or "")
    except PdfminerException as error:
        raise _reader_error(error.args[0] if error.args else error, password) from error
    except (PDFPasswordIncorrect, PDFEncryptionError, PSEOF) as error:
        raise _reader_error(error, password) from error
    except Exception as error:  # pdfminer raises bare exceptions on garbage
        raise damaged_pdf() from error


@contextmanager
def opened(data: bytes, password: str | None) -> Iterator[pdfplumber.PDF]:
    """An open PDF; closing a damaged one must not hide why reading it failed."""
    pdf = open_pdf(data, password)
    try:
        yield pdf
    finally:
        with suppress(Exception):  # pdfplumber walks every page object to close it
            pdf.close()


def count_pages(data: bytes, password: str | None) -> int:
    """How many pages the PDF has, without reading any of them.

    Every object of the file is parsed first (a fraction of a second even for
    200 pages): a file damaged in the middle, whose pages would read partly,
    is refused here rather than yielding some of its items.
    """
    with opened(data, password) as pdf:
        try:
            for xref in pdf.doc.xrefs:
                for objid in xref.get_objids():
                    pdf.doc.getobj(objid)
            count = len(pdf.pages)
        except Exception as error:  # a broken object or page tree
            raise damaged_pdf() from error
    if not count:
        raise damaged_pdf(": it has no pages")
    return count


def _reader_error(cause: object, password: str | None) -> ReaderError:
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return encrypted_pdf(bool(password))
    if isinstance(cause, PSEOF):
        return truncated_pdf()
    return damaged_pdf()


def encrypted_pdf(password_given: bool) -> ReaderError:
    if password_given:
        return ReaderError(
            "encrypted_pdf",
            "The PDF is password-protected and the password given did not open it.",
            "Check the password with the client, or upload an unprotected copy of the PDF.",
        )
    return ReaderError(
        "encrypted_pdf",
        "The PDF is password-protected, so its figures cannot be read.",
        "Upload an unprotected copy (print it to PDF without a password), or give the password.",
    )


def truncated_pdf() -> ReaderError:
    return ReaderError(
        "truncated_pdf",
        "The PDF is incomplete: its end is missing, as after an interrupted upload or download.",
        "Upload the file again from the original copy.",
    )


def damaged_pdf(detail: str = "") -> ReaderError:
    return ReaderError(
        "corrupt_pdf",
        f"The PDF is damaged and cannot be read{detail}.",
        "Open it on your computer to check it, then upload a fresh copy or an Excel export.",
    )


def read_pages(
    data: bytes, password: str | None, numbers: list[int], workers: int
) -> list[PageText]:
    """The lines of pages `numbers` (1-based), in order; in `workers` processes when it pays."""
    if workers < 2 or len(numbers) < PARALLEL_FROM_PAGES or not _may_fork():
        return _read_all(data, password, numbers)
    chunks = [numbers[i : i + CHUNK_PAGES] for i in range(0, len(numbers), CHUNK_PAGES)]
    with ProcessPoolExecutor(
        max_workers=min(workers, len(chunks)),
        initializer=_init_worker,
        initargs=(data, password),
    ) as pool:
        return [page for pages in pool.map(_read_chunk, chunks) for page in pages]


def _may_fork() -> bool:
    # A daemonic process (django-q2's workers by default) may not have children.
    return not multiprocessing.current_process().daemon


_worker_pdf: pdfplumber.PDF | None = None


def _init_worker(data: bytes, password: str | None) -> None:
    global _worker_pdf
    _worker_pdf = open_pdf(data, password)


def _read_chunk(numbers: list[int]) -> list[PageText]:
    assert _worker_pdf is not None
    return [_read_page(_worker_pdf, number) for number in numbers]


def _read_all(data: bytes, password: str | None, numbers: Iterable[int]) -> list[PageText]:
    with opened(data, password) as pdf:
        return [_read_page(pdf, number) for number in numbers]


def _read_page(pdf: pdfplumber.PDF, number: int) -> PageText:
    page = None
    try:
        page = pdf.pages[number - 1]
        words = page.extract_words()
        has_text = len(page.chars) >= MIN_TEXT_CHARS
        scanned = not has_text and bool(page.images)
        width = float(page.width)
    except Exception as error:  # a broken page object or content stream
        raise damaged_pdf(f" (page {number} could not be read)") from error
    finally:
        if page is not None:
            page.close()
    return PageText(number, width, group_lines(words), has_text, scanned)


def group_lines(words: list[dict]) -> tuple[Line, ...]:
    """Words into printed lines, top to bottom, each line's words left to right."""
    rows: list[list[Word]] = []
    for raw in sorted(words, key=lambda w: (w["top"], w["x0"])):
        word = Word(raw["text"], raw["x0"], raw["x1"], raw["top"], raw["bottom"])
        if rows and word.top - rows[-1][0].top <= LINE_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for number, row in enumerate(rows, start=1):
        row.sort(key=lambda w: w.x0)
        lines.append(Line(number, row[0].top, max(w.bottom for w in row), tuple(row)))
    return tuple(lines)
