"""What OCR gets wrong in the print of a statement, put right before the layout reads it.

Tesseract's English model misreads a few things that every Indian statement
prints: the rupee sign (it has no such glyph: "₹10" comes back "710", "(₹)"
as "(%)"), Roman numerals of the Schedule III headings ("II." as "Il." or
"ll.", "I." as "|."), rules printed under a total glued to the figure
("___4,89,038"), and specks beside a figure read as a stray comma or quote.
A figure whose group separators are half commas, half dots ("1,07.93,774")
is Indian grouping misread. Only words the layout reads are touched, and a
fix never invents a digit: a doubtful figure is left to the arithmetic checks.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.readers.pdf_layout import is_figure

_RULE = re.compile(r"^[_|=~—–-]{2,}$|^[_|]$")  # a printed rule or a table's border
_GLUED_RULE = re.compile(r"^[_=~]+|[_=~]+$")
_EDGE_SPECKS = re.compile(
    r"^[.,'`‘’“”\"]+(?=[\d(])|(?<=[\d)])[.,'`‘’“”\"]+$|(?<=[a-z])[.,]?[”“\"`]+$"
)
SURE = 90  # confidence of words trusted to measure the print by
GLUED_MARGIN = 1.5  # characters of width beyond a figure's own that only a speck explains
MARK_CONFIDENCE = 50  # a lone mark between figures read less surely is a speck
EXACT = 1.5  # points: right-aligned print ends on its column's edge to within this
DASHES = {"-", "–", "—"}
_LONE_MARKS = {"-", "–", "—", ":", ";", ".", ",", "~", "=", "»", "«", "'", "`", "‘", "’"}
_FIGURE = re.compile(r"^\(?-?\d[\d,.]*\)?$")
# Inside a figure: letters tesseract takes a digit for, and a group separator it takes
# for a colon or semicolon.
_LETTER_DIGITS = str.maketrans(
    {"O": "0", "o": "0", "l": "1", "I": "1", "S": "5", "T": "7", ";": ",", ":": ","}
)
# A note number in the Note column ("1l" for 11, "2O" for 20): a digit and a letter or two.
_NOTE_NUMBER = re.compile(r"^(?=.*\d)(?=.*[lIO])[\dlIO]{2,3}$")
_GROUPED = re.compile(r"^\(?-?\d{1,3}(?:[.,]\d{2,3})+(?:\.\d{2})?\)?$")
_ROMAN_MARKER = re.compile(r"^(?=.*[lI|])[IVXlvx|i]{1,5}[.)]$")
_RUPEE_IN_BRACKETS = re.compile(r"^\([%237Zz=F&X]\)[.,]?$")
# "(₹ in lakhs)" read "(% in lakhs)", "(%-in lakhs)": the unit line's opening rupee sign.
_UNIT_WORDS = re.compile(r"\b(lakhs?|lacs?|crores?|thousands?|millions?)\b", re.I)
_RUPEE_OPENING = re.compile(r"^\([%237Zz=F&X](?=$|[-—\s]|in\b)")
MAX_UNIT_WORDS = 5
_FACE_VALUE = re.compile(r"^[%237Zz=F&X]\s?(1|2|5|10|100|1000)$")  # "₹10" in "shares of ₹10 each"


def clean_word(text: str) -> str:
    """One word with rules and specks removed ('' when nothing of it is print)."""
    if _RULE.match(text):
        return ""
    text = text.replace("’", "'").replace("‘", "'")
    text = _GLUED_RULE.sub("", text)
    text = _EDGE_SPECKS.sub("", text)
    if _looks_like_figure(text):
        return _regroup(re.sub(r"[.,]{2,}", ",", text.translate(_LETTER_DIGITS)))
    if _NOTE_NUMBER.match(text):
        return text.translate(_LETTER_DIGITS)
    return text


def is_lone_mark(text: str) -> bool:
    """A dash, colon or dot on its own: a nil mark in a figure column, or a speck elsewhere."""
    return text in _LONE_MARKS


def settle_marks(rows: list[list[tuple[str, float, float]]], slack: float) -> list[list[str]]:
    """Each row's words (text, right edge, confidence) with lone marks settled.

    A statement prints '-' for nil, right-aligned in its column; a scan's dash
    often reads as ':' or ';'. A lone mark ending where figures of other rows
    end, or where lone marks of other rows end (a column of nils), or that
    tesseract is fairly sure of between the row's figures, is that nil mark; a
    dash in a label stays; any other lone mark is a speck.
    """
    edges = sorted(x1 for row in rows for text, x1, _ in row if _is_amount_text(text))
    marks = [(n, x1) for n, row in enumerate(rows) for text, x1, _ in row if is_lone_mark(text)]
    headings = [
        x1
        for row in rows
        if not any(is_figure(text) for text, _, _ in row)
        for text, x1, _ in row
        if not is_lone_mark(text)
    ]
    settled = []
    for number, row in enumerate(rows):
        figures = [i for i, (text, _, _) in enumerate(row) if _is_amount_text(text)]
        words = []
        for index, (text, x1, confidence) in enumerate(row):
            column = _nil_column(number, x1, marks, headings)
            among = bool(figures) and figures[0] < index < figures[-1]
            if not is_lone_mark(text):
                words.append(text)
            elif _near(edges, x1, slack) or column or (among and confidence >= MARK_CONFIDENCE):
                words.append("-")
            elif text in DASHES and _between_words(row, index, figures):  # in a label
                words.append(text)
            else:
                words.append("")
        settled.append(words)
    return settled


def _between_words(row: list[tuple[str, float, float]], index: int, figures: list[int]) -> bool:
    """A dash with words of the label on both sides ('Repairs - others'), not a speck after it."""
    end = figures[0] if figures else len(row)
    return 0 < index < end - 1 and not is_lone_mark(row[index + 1][0])


def _nil_column(number: int, x1: float, marks: list[tuple[int, float]], headings) -> bool:
    """The mark ends exactly where marks of two other rows and a column heading end: a
    column printed all nil ('Deductions: -'), which no figure of the page aligns."""
    others = {n for n, x in marks if n != number and abs(x - x1) <= EXACT}
    return len(others) >= 2 and any(abs(x - x1) <= EXACT for x in headings)


def _is_amount_text(text: str) -> bool:
    return bool(_FIGURE.match(text)) and sum(ch.isdigit() for ch in text) >= 3


def _near(edges: list[float], x: float, slack: float) -> bool:
    index = bisect_left(edges, x - slack)
    return index < len(edges) and edges[index] <= x + slack


def _looks_like_figure(text: str) -> bool:
    """Digits with at most one letter OCR confuses with a digit ('1,O7,93,774')."""
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 3 and bool(_FIGURE.match(text.translate(_LETTER_DIGITS)))


def _regroup(text: str) -> str:
    """'1,07.93,774' -> '1,07,93,774': every separator but a final '.dd' is a comma."""
    if "," not in text or not _GROUPED.match(text):  # a date '01.04.24' has no comma
        return text
    body, fraction = (text[:-3], text[-3:]) if re.search(r"\.\d{2}\)?$", text) else (text, "")
    if fraction.endswith(")"):
        body, fraction = text[:-4], text[-4:]
    return body.replace(".", ",") + fraction


def clean_line(texts: list[str]) -> list[str]:
    """A printed line's words (left to right) with the rupee sign and Roman numerals restored."""
    fixed = list(texts)
    if fixed and _ROMAN_MARKER.match(fixed[0]):
        fixed[0] = fixed[0].translate(str.maketrans("l|i", "III")).upper()
    if _UNIT_WORDS.search(" ".join(fixed)) and len(fixed) <= MAX_UNIT_WORDS:
        fixed[0] = _RUPEE_OPENING.sub("(₹", fixed[0])
    for index, text in enumerate(fixed):
        if _RUPEE_IN_BRACKETS.match(text) and index > 0 and fixed[index - 1][-1:].isalpha():
            fixed[index] = "(₹)"
        elif _is_face_value(fixed, index):
            fixed[index] = "₹" + _FACE_VALUE.match(text).group(1)
    return fixed


def _is_face_value(texts: list[str], index: int) -> bool:
    """'of 710 each': the share's face value, printed with a rupee sign OCR cannot read."""
    return (
        0 < index < len(texts) - 1
        and texts[index - 1].lower() == "of"
        and texts[index + 1].lower().startswith("each")
        and bool(_FACE_VALUE.match(texts[index]))
    )


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_HEADING_NUMERAL = re.compile(r"^([IVX]{1,5})\.$")
_FORMULA_REF = re.compile(r"^\(?([IVXl1|]{1,5})\)?$")


def roman_value(numeral: str) -> int | None:
    """'IV' -> 4; None for what is not a well-formed numeral up to 39."""
    values = [_ROMAN.get(ch) for ch in numeral]
    if not numeral or None in values:
        return None
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    return total if 0 < total < 40 and to_roman(total) == numeral else None


def to_roman(value: int) -> str:
    tens, units = divmod(value, 10)
    ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    return "X" * tens + ones[units]


def number_headings(rows: list[list[str]]) -> list[list[str]]:
    """The Roman numerals of a statement's headings, in sequence ('II.' between 'II.' and 'IV.').

    Schedule III numbers the lines of the profit and loss statement I, II,
    III...; a bold 'III' often reads 'II'. A numeral that breaks the sequence
    where its neighbours agree on what it must be is that number; a total's
    formula ('(I + II)' read '(I + I)') names the two lines before it.
    """
    marked = [
        (i, roman_value(m[1]))
        for i, row in enumerate(rows)
        if row and (m := _HEADING_NUMERAL.match(row[0]))
    ]
    fixed = [list(row) for row in rows]
    for k in range(1, len(marked) - 1):
        (_, before), (index, value), (_, after) = marked[k - 1], marked[k], marked[k + 1]
        if before and after == before + 2 and value != before + 1:
            fixed[index][0] = f"{to_roman(before + 1)}."
            marked[k] = (index, before + 1)
    for index, value in marked:
        if value and value > 2:
            fixed[index] = _formula(fixed[index], value)
    return fixed


def _formula(row: list[str], number: int) -> list[str]:
    """'(I + I)' on line III -> '(I + II)': a two-line formula names the two lines above."""
    for start in range(1, len(row) - 2):
        first, sign, last = row[start : start + 3]
        if not (first.startswith("(") and last.endswith(")") and sign in ("+", "-", "–")):
            continue
        a, b = _FORMULA_REF.match(first), _FORMULA_REF.match(last)
        if not (a and b):
            continue
        refs = (roman_value(a.group(1)), roman_value(b.group(1)))
        if refs != (number - 2, number - 1) and (
            None in refs or refs[0] >= refs[1] or refs[1] >= number
        ):
            row = [
                *row[:start],
                f"({to_roman(number - 2)}",
                sign,
                f"{to_roman(number - 1)})",
                *row[start + 3 :],
            ]
        break
    return row


def figure_char_width(words: list[tuple[str, float, float]]) -> float | None:
    """The page's width of one character of a figure (points), from (text, width, confidence)."""
    widths = sorted(
        width / len(text)
        for text, width, confidence in words
        if confidence >= SURE and _is_amount_text(text) and text[0].isdigit()
    )
    return widths[len(widths) // 2] if widths else None


def unglued_minus(text: str, width: float, char_width: float | None) -> str:
    """'-1,38,31,568' without its minus when the box is far wider than the figure's print.

    A speck left of a figure is read as a minus glued to it; a printed minus
    sits against the digits, so the box is wider only by the minus itself.
    """
    if char_width is None or not text.startswith("-") or not _is_amount_text(text[1:]):
        return text
    return text[1:] if width > (len(text) - 1 + GLUED_MARGIN) * char_width else text


_INDIAN = re.compile(
    r"^\(?-?\d{1,2}(?:,\d{2})*,\d{3}(?:\.\d{2})?\)?$|^\(?-?\d{1,3}(?:\.\d{2})?\)?$"
)


def joined_figure(first: str, second: str) -> str | None:
    """One figure in Indian grouping that tesseract split in two ('64,47' + '345.92' ->
    '64,47,345.92'), or None when the two words are not one figure."""
    if "," not in first or _INDIAN.match(first) or (not second[:1].isdigit() and second[:1] != ","):
        return None
    glue = "" if first.endswith(",") or second.startswith(",") else ","
    joined = first + glue + second
    return joined if _INDIAN.match(joined) else None
