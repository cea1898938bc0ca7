"""A second reading of the lines tesseract was unsure of, without the rules that spoiled them.

A heading underlined by a table's rule ("31 March 2025" over a line touching
its descenders) is read as "Sah 2028" with a confidence near zero; lose it and
a whole table loses its years. Such lines are cut out, the pixel rows that are
a rule across the line (mostly ink, edge to edge) are whitened, and the lines
are read again together, in one more tesseract call. A line's second reading
replaces its first only when tesseract is clearly surer of it.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean

from PIL import Image

from pipeline.readers.ocr_engine import OcrWord, read_words

REREAD_BELOW = 60.0  # mean confidence of a line worth a second reading
BETTER_BY = 10.0  # points of mean confidence a second reading must gain to be taken
RULE_SHARE = 0.35  # a pixel row this much ink across the page is a rule, not letters
_INK = 160
_GAP = 24  # white pixels between the lines stacked for the second reading


def reread_doubtful(image: Image.Image, words: list[OcrWord], dpi: int) -> list[OcrWord]:
    """`words` with the doubtful lines read again where the second reading is surer."""
    lines: dict[tuple, list[OcrWord]] = defaultdict(list)
    for word in words:
        lines[word.line].append(word)
    doubtful = [
        line
        for line, members in lines.items()
        if len(members) >= 2 and fmean(w.confidence for w in members) < REREAD_BELOW
    ]
    if not doubtful:
        return words
    bands = [_band(lines[line], image.height) for line in doubtful]
    stacked, offsets = _stack(image, bands)
    again = read_words(stacked, dpi)
    result = [w for w in words if w.line not in set(doubtful)]
    for line, (top, _), offset in zip(doubtful, bands, offsets, strict=True):
        first = min(w.top for w in lines[line]) - top + offset
        last = max(w.bottom for w in lines[line]) - top + offset
        # only the line itself: its band also holds the edges of the lines beside it
        mine = [_moved(w, top - offset, line) for w in again if first <= _centre(w) <= last]
        before = fmean(w.confidence for w in lines[line])
        surer = mine and fmean(w.confidence for w in mine) >= before + BETTER_BY
        result.extend(mine if surer else lines[line])
    return result


def _band(members: list[OcrWord], page_height: int) -> tuple[int, int]:
    top, bottom = min(w.top for w in members), max(w.bottom for w in members)
    pad = max(2, (bottom - top) // 3)
    return max(0, top - pad), min(page_height, bottom + pad)


def _stack(image: Image.Image, bands: list[tuple[int, int]]) -> tuple[Image.Image, list[int]]:
    """The bands, rules whitened, one under another; where each starts in the stack."""
    height = sum(bottom - top + _GAP for top, bottom in bands) + _GAP
    stacked = Image.new("L", (image.width, height), 255)
    offsets, y = [], _GAP
    for top, bottom in bands:
        stacked.paste(_without_rules(image.crop((0, top, image.width, bottom))), (0, y))
        offsets.append(y)
        y += bottom - top + _GAP
    return stacked, offsets


def _without_rules(band: Image.Image) -> Image.Image:
    ink = band.point(lambda level: 255 if level < _INK else 0)
    shares = ink.resize((1, band.height), Image.Resampling.BOX).get_flattened_data()
    clean = band.copy()
    for y, share in enumerate(shares):
        if share > RULE_SHARE * 255:
            clean.paste(255, (0, y, band.width, y + 1))
    return clean


def _centre(word: OcrWord) -> float:
    return (word.top + word.bottom) / 2


def _moved(word: OcrWord, shift: int, line: tuple) -> OcrWord:
    return word._replace(top=word.top + shift, bottom=word.bottom + shift, line=(*line, "again"))
