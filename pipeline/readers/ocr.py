"""Scanned PDF pages into the same positioned lines the digital pages give.

The readers of a digital PDF work from words with their boxes in points
(pdf_pages.PageText); a scanned page gets exactly that, so layouts, notes,
T-format, units and years are read the same way whatever made the page.

1. Render each page with pdfium at a resolution tesseract reads well (a
   97 dpi photocopy is rendered larger; a 200 dpi scan at its own pixels).
2. Despeckle and straighten it (ocr_image), then read its words (ocr_engine).
3. Give every word of one of tesseract's lines that line's top and bottom: a
   printed row then groups as one line, as pdfplumber's words of a row do,
   although the ink of "as" starts lower than the ink of "TOTAL".
4. Convert pixels to points.

Pages are read `workers` at a time: each tesseract is a process of its own,
so threads suffice to keep them busy (pdfium, which is not thread-safe, only
renders under a lock). Every word keeps its confidence, which the checks of
the figures read (ocr_checks) weigh.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from statistics import fmean, median
from typing import NamedTuple

import pypdfium2 as pdfium
from PIL import Image

from pipeline.readers.document import ReadLimits
from pipeline.readers.ocr_engine import OcrWord, read_words, require_ocr
from pipeline.readers.ocr_image import prepare
from pipeline.readers.ocr_reread import reread_doubtful
from pipeline.readers.ocr_text import (
    DASHES,
    clean_line,
    clean_word,
    figure_char_width,
    is_lone_mark,
    joined_figure,
    number_headings,
    settle_marks,
    unglued_minus,
)
from pipeline.readers.pdf_layout import COLUMN_SLACK
from pipeline.readers.pdf_pages import PageText, Word, group_lines

POINTS_PER_INCH = 72
SPECK_ROW_CONFIDENCE = 50
SPECK_WORD_CONFIDENCE = 40
SPLIT_GAP = 0.3  # of the print's height: a gap this narrow inside a figure is no space
TINY = 0.25  # of the print's height: a box narrower than this is no character
STRETCH = 2.5  # a character of print is at most about as wide as it is tall
MIN_DPI, MAX_DPI = 200, 400  # tesseract's accuracy falls away below ~200 dpi on small print


class OcrPage(NamedTuple):
    text: PageText
    confidences: dict[Word, float]  # 0-100 per word, as tesseract scored it
    mean_confidence: float  # over the page's words; 0 for a page with none
    skew: float  # degrees undone
    dpi: int


class Rendered(NamedTuple):
    image: Image.Image
    dpi: int
    width: float  # points
    height: float


def ocr_pages(
    data: bytes, password: str | None, numbers: Sequence[int], workers: int, min_dpi: int = MIN_DPI
) -> list[OcrPage]:
    """OCR pages `numbers` (1-based) of the PDF `data`, in order.

    Raises ReaderError (ocr_not_installed, ocr_failed) when they cannot be read.
    """
    require_ocr()
    document = pdfium.PdfDocument(data, password=password)
    lock = threading.Lock()

    def read(number: int) -> OcrPage:
        with lock:
            rendered = render(document, number, min_dpi)
        return page_from_image(number, rendered)

    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            return list(pool.map(read, numbers))
    finally:
        with lock:
            document.close()


def render(document: pdfium.PdfDocument, number: int, min_dpi: int = MIN_DPI) -> Rendered:
    """Page `number` in grey at its scan's own resolution, or at least `min_dpi`."""
    page = document[number - 1]
    try:
        width, height = page.get_size()
        dpi = min(MAX_DPI, max(min_dpi, _scan_dpi(page, width)))
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, grayscale=True)
        image = bitmap.to_pil().convert("L")
        bitmap.close()
    finally:
        page.close()
    return Rendered(image, dpi, width, height)


def _scan_dpi(page: pdfium.PdfPage, width: float) -> int:
    """The resolution of the page's widest image, as the scanner made it (0 when none)."""
    best = 0.0
    for image in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, _, right, _ = image.get_bounds()
        if right - left > 0.5 * width:
            best = max(best, image.get_px_size()[0] * POINTS_PER_INCH / (right - left))
    return round(best)


def page_from_image(number: int, rendered: Rendered) -> OcrPage:
    """Steps 2-4 for one rendered page."""
    image, skew = prepare(rendered.image)
    words = reread_doubtful(image, read_words(image, rendered.dpi), rendered.dpi)
    scale = POINTS_PER_INCH / rendered.dpi
    placed = _placed(words, scale)
    lines = group_lines([word._asdict() for word in placed])
    confidences = {word: confidence for word, confidence in placed.items()}
    readable = [confidence for word, confidence in placed.items() if _is_print(word.text)]
    return OcrPage(
        PageText(number, rendered.width, lines, has_text=bool(lines), scanned=True),
        confidences,
        fmean(readable) if readable else 0.0,
        skew,
        rendered.dpi,
    )


def _placed(words: list[OcrWord], scale: float) -> dict[Word, float]:
    """Words in points, each with its printed row's top and bottom, and their confidences.

    A row is a run of words whose vertical centres, in order, are each within
    half a word's height of the one before (the page is level by now; a speck
    that makes a word's box taller does not split its row); tesseract's own lines
    are not used, as it joins a total with the heading under its double rule.
    """
    kept = [word for word in words if clean_word(word.text)]
    if not kept:
        return {}
    height = median(word.bottom - word.top for word in kept)
    kept = [word for word in kept if not _stretched(word, height) and not _speck(word, height)]
    rows: list[list[OcrWord]] = []
    for word in sorted(kept, key=_centre):
        if rows and _centre(word) - _centre(rows[-1][-1]) <= height / 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    rows = [row for row in rows if not _speck_row(row)]
    for row in rows:
        row.sort(key=lambda word: word.left)
    rows = [_joined_figures(row, height) for row in rows]
    char_width = figure_char_width(
        [(clean_word(w.text), w.right - w.left, w.confidence) for row in rows for w in row]
    )
    texts = settle_marks(
        [
            [
                (
                    unglued_minus(clean_word(word.text), word.right - word.left, char_width),
                    word.right * scale,
                    word.confidence,
                )
                for word in row
            ]
            for row in rows
        ],
        COLUMN_SLACK,
    )
    printed = [
        [(word, text) for word, text in zip(row, row_texts, strict=True) if text]
        for row, row_texts in zip(rows, texts, strict=True)
    ]
    cleaned = number_headings([clean_line([text for _, text in row]) for row in printed])
    placed = {}
    for row, row_texts in zip(printed, cleaned, strict=True):
        if not row:
            continue
        top = median(word.top for word, _ in row) * scale
        bottom = median(word.bottom for word, _ in row) * scale
        for (word, _), text in zip(row, row_texts, strict=True):
            placed[Word(text, word.left * scale, word.right * scale, top, bottom)] = word.confidence
    return placed


def _joined_figures(row: list[OcrWord], height: float) -> list[OcrWord]:
    """A figure tesseract split in two ('64,47' '345.92'), joined where the gap is no space."""
    joined: list[OcrWord] = []
    for word in row:
        last = joined[-1] if joined else None
        close = last is not None and word.left - last.right < SPLIT_GAP * height
        figure = joined_figure(clean_word(last.text), clean_word(word.text)) if close else None
        if figure is not None:
            joined[-1] = last._replace(
                text=figure,
                right=word.right,
                top=min(last.top, word.top),
                bottom=max(last.bottom, word.bottom),
                confidence=min(last.confidence, word.confidence),
            )
        else:
            joined.append(word)
    return joined


def _stretched(word: OcrWord, height: float) -> bool:
    """A box far wider than its characters: a rule the page kept, read as a glyph or two,
    or a flat speck. A dash is flat by nature: a nil dash is measured against the print's
    `height`, so only a dash as long as a rule is one."""
    own = height if clean_word(word.text) in DASHES else max(1, word.bottom - word.top)
    return word.right - word.left > STRETCH * own * len(word.text)


def _speck(word: OcrWord, height: float) -> bool:
    """A speck of the paper read as a character: a box far smaller than print, or a
    character or two tesseract doubts (a lone mark is judged later, by its column)."""
    if is_lone_mark(clean_word(word.text)):
        return False
    tiny = word.right - word.left < TINY * height and word.bottom - word.top < 2 * TINY * height
    doubted = len(word.text) <= 2 and word.confidence < SPECK_WORD_CONFIDENCE
    return tiny or doubted


def _speck_row(row: list[OcrWord]) -> bool:
    """A row of a character or two that tesseract doubts: specks between printed rows."""
    return sum(len(word.text) for word in row) <= 2 and all(
        word.confidence < SPECK_ROW_CONFIDENCE for word in row
    )


def _centre(word: OcrWord) -> float:
    return (word.top + word.bottom) / 2


def _is_print(text: str) -> bool:
    """A word with a letter or digit: tesseract's reading of a rule or a speck is no word."""
    return any(ch.isalnum() for ch in text)


class Scanned(NamedTuple):
    read: list[OcrPage]  # pages whose words the readers take
    refused: dict[int, str]  # page -> why its words are not taken
    blank: list[int]  # scanned pages in which OCR found no print


def read_scanned(
    data: bytes, password: str | None, numbers: Sequence[int], limits: ReadLimits
) -> Scanned:
    """OCR the scanned pages `numbers`; refuse those read too unsurely to be worth checking."""
    pages = ocr_pages(data, password, numbers, limits.ocr_workers)
    read, refused, blank = [], {}, []
    for page in pages:
        if not page.text.lines:
            blank.append(page.text.number)
        elif page.mean_confidence < limits.ocr_page_min_confidence:
            refused[page.text.number] = (
                f"read with a mean OCR confidence of {page.mean_confidence:.0f} %, "
                f"below the {limits.ocr_page_min_confidence:.0f} % a page needs"
            )
        else:
            read.append(page)
    return Scanned(read, refused, blank)


def refuse_pages(scanned: Scanned, failing: dict[int, str]) -> Scanned:
    """`scanned` with the pages of `failing` (page -> why) refused rather than read."""
    read = [page for page in scanned.read if page.text.number not in failing]
    return Scanned(read, {**scanned.refused, **failing}, scanned.blank)
