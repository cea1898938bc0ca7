"""A digital PDF as an office scanner returns it: pages rasterised, skewed, speckled, JPEG.

The OCR tests read what this makes and compare it with what the digital PDF
(or its ground truth) says, so any statement the readers understand becomes
a scan fixture. Deterministic for a seed: the same bytes on every run.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

POINTS_PER_INCH = 72


@dataclass(frozen=True)
class ScanStyle:
    dpi: int = 180
    skew: float = 0.8  # degrees, alternating in sign from page to page
    speckles: float = 0.0004  # dark specks per pixel
    quality: int = 45  # JPEG
    seed: int = 7


def scan_pdf(data: bytes, style: ScanStyle = ScanStyle()) -> bytes:
    """Every page of the PDF `data` as a grey JPEG image, with no text layer."""
    rng = random.Random(style.seed)
    document = pdfium.PdfDocument(data)
    try:
        pages = [_scan_page(document[i], i, style, rng) for i in range(len(document))]
    finally:
        document.close()
    out = io.BytesIO()
    pages[0].save(
        out,
        "PDF",
        resolution=style.dpi,
        save_all=True,
        append_images=pages[1:],
        quality=style.quality,
    )
    return out.getvalue()


def _scan_page(page: pdfium.PdfPage, index: int, style: ScanStyle, rng) -> Image.Image:
    bitmap = page.render(scale=style.dpi / POINTS_PER_INCH, grayscale=True)
    image = bitmap.to_pil().convert("L")
    bitmap.close()
    page.close()
    angle = style.skew if index % 2 == 0 else -style.skew
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    draw = ImageDraw.Draw(image)
    for _ in range(int(style.speckles * image.width * image.height)):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        size = rng.choice((0, 0, 1))
        draw.rectangle((x, y, x + size, y + size), fill=rng.randrange(40, 160))
    return image
