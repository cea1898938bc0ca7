"""A scanned page as an image tesseract reads well: rendered, despeckled, straightened.

Office scanners leave three things that cost OCR accuracy: the page is a
little rotated (a printed row drifts by several points across the page, so
its label and its figures no longer share a line), the paper's grain and the
JPEG's blocks leave specks that read as commas and dots, and a cheap scan has
too few pixels for small print. A median filter removes the specks, the skew
is measured from the rows of text (they are sharpest when level) and undone,
and a low-resolution page is rendered larger.
"""

from __future__ import annotations

from PIL import Image, ImageFilter, ImageOps

MAX_SKEW = 2.0  # degrees: a scan more crooked than this is re-scanned, not read
_COARSE_STEP, _FINE_STEP = 0.25, 0.05
_PROFILE_WIDTH = 900  # pixels: the skew is measured on a reduced copy
_INK = 160  # grey level below which a pixel is print


def despeckle(image: Image.Image) -> Image.Image:
    """Remove isolated dark specks and light holes; strokes of print survive a 3x3 median."""
    return image.filter(ImageFilter.MedianFilter(3))


def skew_angle(image: Image.Image) -> float:
    """Degrees to rotate `image` counter-clockwise so that its rows of text are level.

    1. Reduce and binarise the page (print white on black).
    2. For each candidate angle, rotate and sum the print of every pixel row:
       level rows of text give tall peaks and empty gaps, so the sum of squared
       row totals is largest at the right angle.
    3. Search coarsely, then finely around the best coarse angle.
    """
    scale = min(1.0, _PROFILE_WIDTH / image.width)
    small = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
    ink = small.point(lambda level: 255 if level < _INK else 0)
    coarse = _steps(-MAX_SKEW, MAX_SKEW, _COARSE_STEP)
    best = max(coarse, key=lambda angle: _sharpness(ink, angle))
    fine = _steps(best - _COARSE_STEP, best + _COARSE_STEP, _FINE_STEP)
    return max(fine, key=lambda angle: _sharpness(ink, angle))


def _steps(start: float, stop: float, step: float) -> list[float]:
    count = round((stop - start) / step)
    return [round(start + i * step, 3) for i in range(count + 1)]


def _sharpness(ink: Image.Image, angle: float) -> float:
    rotated = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
    rows = rotated.resize((1, rotated.height), Image.Resampling.BOX).get_flattened_data()
    return float(sum(level * level for level in rows))


def straighten(image: Image.Image) -> tuple[Image.Image, float]:
    """(the page rotated level on a white ground, the angle undone in degrees)."""
    angle = skew_angle(image)
    if abs(angle) < _FINE_STEP / 2:
        return image, 0.0
    level = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return level, angle


def prepare(image: Image.Image) -> tuple[Image.Image, float]:
    """A grey page ready for tesseract, and the skew that was undone."""
    grey = ImageOps.grayscale(image) if image.mode != "L" else image
    level, angle = straighten(despeckle(grey))
    return level, angle
