"""The printed row of a scanned page as a small picture, for the CA to read the digits from.

An amount to confirm is shown beside the page's own print of its row: the
CA reads the digits there and types them if OCR misread them. The page is
straightened as it was for OCR, so the row's box (in points, from ocr) cuts
out the row itself; the figure asked about is framed.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import ImageDraw

from pipeline.readers.ocr import POINTS_PER_INCH
from pipeline.readers.ocr_image import straighten

CROP_DPI = 150
MARGIN = 6.0  # points above and below the row


def row_crops(
    data: bytes, password: str | None, page: int, boxes: list[tuple[float, float, float, float]]
) -> list[bytes]:
    """One PNG per box (x0, top, x1, bottom in points) of page `page`: the whole row, framed."""
    document = pdfium.PdfDocument(data, password=password)
    try:
        pdf_page = document[page - 1]
        bitmap = pdf_page.render(scale=CROP_DPI / POINTS_PER_INCH, grayscale=True)
        image, _ = straighten(bitmap.to_pil().convert("L"))
        bitmap.close()
        pdf_page.close()
    finally:
        document.close()
    scale = CROP_DPI / POINTS_PER_INCH
    crops = []
    for x0, top, x1, bottom in boxes:
        upper = max(0, int((top - MARGIN) * scale))
        lower = min(image.height, int((bottom + MARGIN) * scale))
        band = image.crop((0, upper, image.width, lower)).convert("RGB")
        frame = [
            x0 * scale - 3,
            top * scale - upper - 3,
            x1 * scale + 3,
            bottom * scale - upper + 3,
        ]
        ImageDraw.Draw(band).rectangle(frame, outline=(200, 30, 30), width=2)
        png = io.BytesIO()
        band.save(png, "PNG", optimize=True)
        crops.append(png.getvalue())
    return crops
