"""Amounts, units and financial years as Indian statements print them.

Everything is `Decimal`: "12,34,567.00" in a statement "(₹ in lakhs)" is
exactly 1234567 × 1,00,000 rupees, never a float's approximation.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

NIL_MARKS = {"", "-", "–", "—", "--", "nil", "Nil", "NIL"}

_AMOUNT = re.compile(
    r"""^(?P<open>\()?\s*(?P<minus>-)?\s*(?:₹|rs\.?|inr)?\s*(?P<minus2>-)?\s*
        (?P<digits>\d{1,3}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+|\d+)  # Indian, western, plain
        (?P<fraction>\.\d+)?\s*(?P<close>\))?\s*(?:dr|cr)?\.?$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_amount(text: str | None) -> Decimal | None:
    """Read one printed amount; None when the text is not an amount at all.

    "12,34,567.00" and "1,234,567.00" are 1234567.00; "(5,000)", "-5,000" and
    "5,000 Dr"/"Cr" carry their sign (a trailing "Cr" is negative only where the
    caller treats debit as positive: `signed_by_dr_cr`); "-" and blank are nil
    (Decimal 0).
    """
    if text is None:
        return None
    raw = str(text).strip().replace("\u00a0", " ").replace("\u2212", "-")  # U+2212 minus sign
    if raw in NIL_MARKS:
        return Decimal("0")
    match = _AMOUNT.match(raw)
    if not match or bool(match["open"]) != bool(match["close"]):
        return None
    try:
        value = Decimal(match["digits"].replace(",", "") + (match["fraction"] or ""))
    except InvalidOperation:
        return None
    negative = match["open"] or match["minus"] or match["minus2"]
    return -value if negative else value


def dr_cr_of(text: str) -> str | None:
    """'Dr' or 'Cr' when the printed amount ends with one, else None."""
    match = re.search(r"\b(dr|cr)\.?\s*$", str(text).strip(), re.IGNORECASE)
    return match.group(1).capitalize() if match else None


# Units as headers state them: "(₹ in lakhs)", "Amount in Rs.", "(Rupees in crores)".
_UNIT_PATTERNS = [
    (re.compile(r"\bcrores?\b|\bcr\.?\s*\)", re.IGNORECASE), Decimal("10000000")),
    (re.compile(r"\blakhs?\b|\blacs?\b|\blakh\b", re.IGNORECASE), Decimal("100000")),
    (re.compile(r"\bthousands?\b|'000|₹\s*000", re.IGNORECASE), Decimal("1000")),
    (re.compile(r"\bmillions?\b|\bmn\b", re.IGNORECASE), Decimal("1000000")),
]
# "[ in 100,000 ]", "(in 1,00,000)", "Rs. in 000": the unit written as its number of rupees.
_NUMERIC_UNIT = re.compile(r"\bin\s+(?:₹|rs\.?|inr)?\s*'?(1[0,]{3,}|0{3})\b", re.IGNORECASE)
_NUMERIC_UNITS = {1000, 100000, 1000000, 10000000}
_UNIT_CONTEXT = re.compile(r"₹|\brs\.?|\brupees\b|\binr\b|\bamount\b|\bfigures\b", re.IGNORECASE)


def detect_unit(header_text: str) -> Decimal | None:
    """Rupees per printed unit stated in a header line, or None when the line states none.

    Only lines that speak of rupees or amounts count, so that a label such as
    "Loans from banks (repayable in 3 crores instalments)" does not set a unit.
    """
    numeric = _NUMERIC_UNIT.search(header_text)
    if numeric:
        written = numeric.group(1)
        rupees = 1000 if written == "000" else int(written.replace(",", ""))
        if rupees in _NUMERIC_UNITS:
            return Decimal(rupees)
    if not _UNIT_CONTEXT.search(header_text):
        return None
    for pattern, rupees in _UNIT_PATTERNS:
        if pattern.search(header_text):
            return rupees
    return Decimal("1")


def to_rupees(printed: Decimal, rupees_per_unit: Decimal) -> Decimal:
    """Exact conversion, kept to the paisa (two decimals)."""
    return (printed * rupees_per_unit).quantize(Decimal("0.01"))


def fy_key(year_ending: int) -> str:
    """'FY2025' for the financial year 2024-25 (ending 31 March 2025)."""
    return f"FY{year_ending}"


def fy_ends(key: str) -> date:
    return date(int(key[2:]), 3, 31)


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DATE_DMY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?[\s./-]+([a-z]{3,9}|\d{1,2})[\s.,/-]+(\d{4}|\d{2})\b", re.I
)
# "March 31, 2025" (month first, as Ind AS statements often print it)
_DATE_MDY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
# "March 2025" (a heading that prints no day, or whose day a scan lost)
_DATE_MY = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[\s,'/-]+(\d{4})\b",
    re.I,
)
_FY_RANGE = re.compile(r"\b(?:fy|f\.y\.|year)?\s*(\d{4})\s*[-–/]\s*(\d{2,4})\b", re.IGNORECASE)


def year_of_heading(text: str) -> str | None:
    """The financial year a column heading names, as 'FY2025', or None.

    Understands "As at 31st March 2025", "31.03.2024", "31-Mar-24",
    "Year ended 31 March 2025", "As at March 31, 2025", "March 2025", "FY 2023-24",
    "2023-24".
    A date is mapped to the financial year it falls in (years end on 31 March).
    """
    for day, month, year in _DATE_DMY.findall(text):
        found = _fy_of_date(day, month, year)
        if found:
            return found
    for month, day, year in _DATE_MDY.findall(text):
        if not month.isdigit():
            found = _fy_of_date(day, month, year)
            if found:
                return found
    for month, year in _DATE_MY.findall(text):
        found = _fy_of_date("1", month, year)
        if found:
            return found
    match = _FY_RANGE.search(text)
    if match:
        start, end = int(match.group(1)), match.group(2)
        end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
        if end_year == start + 1:
            return fy_key(end_year)
    return None


def _fy_of_date(day: str, month: str, year: str) -> str | None:
    month_no = _month_number(month)
    if month_no is None or not 1 <= int(day) <= 31:
        return None
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    return fy_key(full_year + 1 if month_no > 3 else full_year)


def _month_number(token: str) -> int | None:
    if token.isdigit():
        number = int(token)
        return number if 1 <= number <= 12 else None
    prefix = token[:3].lower()
    return _MONTHS.index(prefix) + 1 if prefix in _MONTHS else None
