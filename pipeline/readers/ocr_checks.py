"""Every figure read by OCR, checked by the statement's own arithmetic.

OCR misreads digits ("8" for "3", a dropped digit) without saying so, and a
misread figure must never reach a bank unseen. A statement checks itself:
the items of a block add up to its total, a note's total is the face line
that points to it, and the two sides of the balance sheet agree. So:

1. Find, for each OCRed figure, the word it was read from and tesseract's
   confidence in it.
2. Write the statement's equations (ocr_sums) and see which hold: every
   figure of an equation that holds is confirmed.
3. A figure that is not confirmed becomes an amount to confirm when an
   equation it is in fails ("Note 9 adds to ₹x, the face shows ₹y"), or when
   no equation holds it and tesseract was unsure of it.
4. Where an equation fails and one figure alone can be wrong (the others are
   confirmed elsewhere, or only one correction changes few digits), the
   value that makes it hold is proposed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.readers.amounts import NIL_MARKS, parse_amount, to_rupees
from pipeline.readers.document import ReadLimits
from pipeline.readers.ocr import OcrPage, Scanned
from pipeline.readers.ocr_sums import Equation, equations
from pipeline.readers.pdf_pages import Word
from pipeline.readers.pdf_state import Draft

MAX_CHANGED_DIGITS = 2
# A page whose checks mostly fail was read too badly to confirm figure by figure.
MIN_CHECKS_TO_REFUSE, MAX_FAILING_SHARE = (
    4,
    0.5,
)  # a misread changes a digit or two, never the whole figure
Place = tuple[int, str]  # (item position, year)


@dataclass
class Figure:
    place: Place
    value: Decimal
    confidence: float
    page: int
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in points


@dataclass
class ToConfirm:
    figure: Figure
    reason: str
    proposed: Decimal | None = None


@dataclass
class OcrChecks:
    pages: list[OcrPage]
    refused: dict[int, str]
    figures: dict[Place, Figure]
    confirmed: set[Place] = field(default_factory=set)
    to_confirm: list[ToConfirm] = field(default_factory=list)
    equations: list[tuple[int, bool]] = field(default_factory=list)  # (page, holds) per check

    def failing_pages(self) -> dict[int, str]:
        """Scanned pages most of whose checks fail, with the reason a CA reads."""
        scanned = {page.text.number for page in self.pages}
        failing = {}
        for page in sorted(scanned):
            results = [holds for number, holds in self.equations if number == page]
            failed = results.count(False)
            if len(results) >= MIN_CHECKS_TO_REFUSE and failed > MAX_FAILING_SHARE * len(results):
                failing[page] = (
                    f"read by OCR, but {failed} of the {len(results)} totals printed on it "
                    "do not add up as read (the statement's arithmetic fails)"
                )
        return failing

    def report(self) -> dict:
        """The extract report's OCR part (JSON): pages, confidence, what was confirmed."""
        confidences = [page.mean_confidence for page in self.pages]
        return {
            "pages": [
                {
                    "page": page.text.number,
                    "mean_confidence": round(page.mean_confidence, 1),
                    "skew_degrees": page.skew,
                    "dpi": page.dpi,
                }
                for page in self.pages
            ],
            "refused_pages": [
                {"page": page, "reason": why} for page, why in sorted(self.refused.items())
            ],
            "mean_confidence": round(sum(confidences) / len(confidences), 1) if confidences else 0,
            "figures_read": len(self.figures),
            "figures_confirmed": len(self.confirmed & set(self.figures)),
            "amounts_to_confirm": [_entry(item) for item in self.to_confirm],
        }


def _entry(item: ToConfirm) -> dict:
    figure = item.figure
    return {
        "item": figure.place[0],
        "year": figure.place[1],
        "read": str(figure.value),
        "confidence": round(figure.confidence, 1),
        "reason": item.reason,
        "proposed": None if item.proposed is None else str(item.proposed),
        "page": figure.page,
        "box": [round(edge, 1) for edge in figure.box],
    }


def check_scanned(
    drafts: Sequence[Draft],
    scanned: Scanned,
    units: dict[str, Decimal],
    tolerance: Decimal,
    limits: ReadLimits,
) -> OcrChecks:
    """Steps 1-4 over the finished drafts of a file with scanned pages."""
    pages = {page.text.number: page for page in scanned.read}
    figures = figures_of(drafts, pages, units)
    checks = OcrChecks(scanned.read, dict(scanned.refused), figures)
    found = equations(drafts, tolerance)
    checks.equations = [(drafts[e.total[0]].item.page or 0, e.holds) for e in found]
    for equation in found:
        if equation.holds:
            checks.confirmed.update(equation.places)
    flagged: dict[Place, ToConfirm] = {}
    for equation in found:
        if not equation.holds:
            _flag_failing(equation, figures, checks.confirmed, flagged)
    for place, figure in figures.items():
        unsure = figure.confidence < limits.ocr_min_confidence
        if place not in checks.confirmed and place not in flagged and unsure:
            flagged[place] = ToConfirm(
                figure,
                f"read with an OCR confidence of {figure.confidence:.0f} % and no total of "
                "the statement checks it",
            )
    checks.to_confirm = sorted(flagged.values(), key=lambda item: item.figure.place)
    return checks


def _flag_failing(
    equation: Equation, figures: dict[Place, Figure], confirmed: set, flagged: dict
) -> None:
    doubtful = [place for place in equation.places if place in figures and place not in confirmed]
    proposals = {place: equation.solve_for(place) for place in doubtful}
    plausible = [
        place for place in doubtful if _digits_changed(figures[place].value, proposals[place])
    ]
    single = doubtful if len(doubtful) == 1 else plausible if len(plausible) == 1 else []
    for place in doubtful:
        proposed = proposals[place] if place in single else None
        if place not in flagged or (proposed is not None and flagged[place].proposed is None):
            flagged[place] = ToConfirm(figures[place], equation.text, proposed)


def _digits_changed(read: Decimal, proposed: Decimal | None) -> bool:
    """The proposal differs from what was read in a digit or two of the same length."""
    if proposed is None or proposed < 0 or read < 0:
        return False
    a, b = f"{abs(read):.2f}", f"{abs(proposed):.2f}"
    return (
        len(a) == len(b)
        and 0 < sum(x != y for x, y in zip(a, b, strict=True)) <= MAX_CHANGED_DIGITS
    )


def figures_of(
    drafts: Sequence[Draft], pages: dict[int, OcrPage], units: dict[str, Decimal]
) -> dict[Place, Figure]:
    """Each OCRed amount with the word it was read from (the least sure, when two match)."""
    figures = {}
    for index, draft in enumerate(drafts):
        item = draft.item
        page = pages.get(item.page or 0)
        if page is None or not item.row or item.row > len(page.text.lines):
            continue
        words = page.text.lines[item.row - 1].words
        unit = units.get(str(item.page), Decimal(1))
        for year, value in item.amounts.items():
            word = _word_of(words, value, unit, page)
            if word is not None:
                box = (word.x0, word.top, word.x1, word.bottom)
                figures[(index, year)] = Figure(
                    (index, year), value, page.confidences[word], page.text.number, box
                )
    return figures


def _word_of(words: Sequence[Word], value: Decimal, unit: Decimal, page: OcrPage) -> Word | None:
    matches = []
    for word in words:
        if word.text in NIL_MARKS:
            if value == 0:
                matches.append(word)
            continue
        printed = parse_amount(word.text)
        if printed is not None and abs(to_rupees(printed, unit)) == abs(value):
            matches.append(word)
    return min(matches, key=lambda word: page.confidences[word], default=None)
