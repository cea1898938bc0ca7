"""Tally's XML exports (Tally Prime, ERP 9) into line items with their group tree.

Tally exports in two XML shapes, both an ENVELOPE:

- a report (Balance Sheet, Profit & Loss, Trial Balance): a flat run of
  DSPACCNAME/DSPDISPNAME names, each followed by its amounts: BSAMT (balance
  sheet) or PLAMT (profit and loss) with a SUBAMT for a ledger or sub-group
  and a MAINAMT for a primary group's total, or DSPACCINFO's closing debit and
  credit (DSPCLDRAMTA, DSPCLCRAMTA) in a trial balance;
- masters (BODY/DATA/TALLYMESSAGE or IMPORTDATA/REQUESTDATA): GROUP and LEDGER
  elements, each NAME'd with its PARENT and, for a ledger, its CLOSINGBALANCE.

Tally signs debits negative. Figures are exact (no printed rounding), which makes
these the CA's most reliable source. Parsed with defusedxml: an uploaded file's
entities and DTDs are never expanded. The year is the export's SVTODATE (or the
file name's); without one the file cannot be placed and says so.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException, ElementTree

from pipeline.readers.amounts import year_of_heading
from pipeline.readers.document import ExtractedDocument, ExtractedItem, ReaderError

BALANCE_SHEET, PROFIT_AND_LOSS = "balance_sheet", "profit_and_loss"
# Tally's reserved primary groups, and the statement each belongs to.
PRIMARY = {
    "capital account": BALANCE_SHEET,
    "reserves & surplus": BALANCE_SHEET,
    "loans (liability)": BALANCE_SHEET,
    "current liabilities": BALANCE_SHEET,
    "fixed assets": BALANCE_SHEET,
    "investments": BALANCE_SHEET,
    "current assets": BALANCE_SHEET,
    "branch / divisions": BALANCE_SHEET,
    "misc. expenses (asset)": BALANCE_SHEET,
    "suspense a/c": BALANCE_SHEET,
    "sales accounts": PROFIT_AND_LOSS,
    "purchase accounts": PROFIT_AND_LOSS,
    "direct incomes": PROFIT_AND_LOSS,
    "direct expenses": PROFIT_AND_LOSS,
    "indirect incomes": PROFIT_AND_LOSS,
    "indirect expenses": PROFIT_AND_LOSS,
    "profit & loss a/c": BALANCE_SHEET,
}
GROUP_TOTAL = "Tally group total: its ledgers are read one by one"
_CONTROL = re.compile(r"&#(?:[0-8]|1[124-9]|2\d|3[01]);|[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def is_tally_xml(data: bytes) -> bool:
    """Whether the bytes are an XML ENVELOPE (UTF-8 or UTF-16, with or without a BOM)."""
    try:
        head = _text(data[:4096])
    except ReaderError:
        return False
    return bool(re.match(r"\s*(?:<\?xml[^>]*\?>\s*)?<ENVELOPE\b", head, re.I))


def read_tally_xml(file_name: str, data: bytes) -> ExtractedDocument:
    """The export's ledgers (and groups, kept as excluded totals) with their group tree."""
    root = _parse(data)
    year = _year(root, file_name)
    items = _masters(root, year) if _has(root, "LEDGER") else []
    items = items or _report(root, year)
    if not items:
        raise ReaderError(
            "unrecognised_layout",
            f"{file_name} is a Tally XML file without groups, ledgers or report lines.",
            "Export the Balance Sheet, Profit & Loss or Trial Balance from Tally as XML "
            "(Alt+E, format XML), or the masters with their closing balances.",
        )
    return ExtractedDocument(file_name, "tally", year, [year], items)


def _text(data: bytes) -> str:
    """The bytes as text: a BOM says the encoding; else UTF-16 by its zero bytes, or UTF-8."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                          (b"\xfe\xff", "utf-16-be")):  # fmt: skip
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding)
    if len(data) > 1 and data[1] == 0:
        return _decode(data, "utf-16-le")
    if data[:1] == b"\x00":
        return _decode(data, "utf-16-be")
    return _decode(data, "utf-8")


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if encoding == "utf-8":
            return data.decode("cp1252", errors="replace")  # ERP 9 writes the ANSI page
        raise ReaderError(
            "corrupt_file", "The Tally XML file is not valid UTF-16 text.", "Export it again."
        ) from None


def _parse(data: bytes) -> Element:
    text = _CONTROL.sub("", _DECLARATION.sub("", _text(data)))  # Tally writes &#4; and the like
    try:
        return ElementTree.fromstring(text)
    except DefusedXmlException:
        raise ReaderError(
            "corrupt_file",
            "The Tally XML file declares entities or a DTD, which Tally never writes.",
            "Export the report from Tally again as XML and upload the file as exported.",
        ) from None
    except ElementTree.ParseError as error:
        raise ReaderError(
            "corrupt_file",
            f"The Tally XML file cannot be read ({error}).",
            "Export the report from Tally again as XML and upload the file as exported.",
        ) from None


def _has(root: Element, tag: str) -> bool:
    return next(root.iter(tag), None) is not None


def _year(root: Element, file_name: str) -> str:
    for tag in ("SVTODATE", "SVCURRENTDATE", "TODATE"):
        for element in root.iter(tag):
            found = _DATE.match((element.text or "").strip())
            if found:
                year, month = int(found[1]), int(found[2])
                return f"FY{year + 1 if month > 3 else year}"
    year = year_of_heading(file_name)
    if year:
        return year
    raise ReaderError(
        "no_year",
        f"{file_name}: the Tally XML export names no period (SVTODATE) and neither does its name.",
        "Export it again with the period set, or name the file with its year (e.g. BS 2024-25).",
    )


def _amount(text: str | None) -> Decimal | None:
    cleaned = (text or "").replace(",", "").strip()
    if not cleaned:
        return None
    try:
        return Decimal(cleaned.split()[0])
    except InvalidOperation:
        return None


def _name(element: Element) -> str:
    return (element.get("NAME") or element.findtext("NAME") or "").strip()


def _masters(root: Element, year: str) -> list[ExtractedItem]:
    """GROUP and LEDGER masters: each ledger under its group path, with its closing balance."""
    parents = {_name(g): (g.findtext("PARENT") or "").strip() for g in root.iter("GROUP")}
    items = []
    for ledger in root.iter("LEDGER"):
        amount = _amount(ledger.findtext("CLOSINGBALANCE"))
        if amount is None or not _name(ledger):
            continue
        path = _path((ledger.findtext("PARENT") or "").strip(), parents)
        items.append(_item(_name(ledger), amount, path, year))
    return items


def _path(group: str, parents: dict[str, str]) -> list[str]:
    """The group and its ancestors, the primary group first (a cycle stops the walk)."""
    path: list[str] = []
    while group and group not in path:
        path.insert(0, group)
        group = parents.get(group, "")
    return path


def _item(label: str, amount: Decimal, path: list[str], year: str, **extra) -> ExtractedItem:
    primary = path[0] if path else ""
    return ExtractedItem(
        label=label,
        amounts={year: abs(amount)},
        statement=PRIMARY.get(primary.casefold()),
        section=primary,
        subsection=" > ".join(path[1:]),
        side="Dr" if amount < 0 else "Cr",
        tally_group=path[-1] if path else None,
        **extra,
    )


def _report(root: Element, year: str) -> list[ExtractedItem]:
    """A report export: each DSPACCNAME with the amounts that follow it, in order."""
    items: list[ExtractedItem] = []
    primary, primary_item, children = "", None, 0
    children_of: list[tuple[ExtractedItem, int]] = []
    siblings = list(root)
    for index, element in enumerate(siblings):
        if element.tag not in ("DSPACCNAME", "BSNAME", "PLNAME"):
            continue
        name = (element.findtext(".//DSPDISPNAME") or "").strip()
        after = siblings[index + 1] if index + 1 < len(siblings) else None
        if not name or after is None:
            continue
        main, sub = _report_amounts(after)
        if main is not None:  # a primary group's line: its total, or a ledger of its own
            if primary_item is not None:
                children_of.append((primary_item, children))
            primary, children = name, 0
            primary_item = _item(name, main, [name], year)
            items.append(primary_item)
        elif sub is not None:
            children += 1
            items.append(_item(name, sub, [primary] if primary else [], year))
    if primary_item is not None:
        children_of.append((primary_item, children))
    for group, count in children_of:
        if count:
            group.exclude_reason = GROUP_TOTAL
    return items


def _report_amounts(element: Element) -> tuple[Decimal | None, Decimal | None]:
    """(a group's total, a line's amount) from BSAMT, PLAMT or a trial balance's DSPACCINFO."""
    if element.tag in ("BSAMT", "PLAMT"):
        sub = _amount(element.findtext("BSSUBAMT") or element.findtext("PLSUBAMT"))
        main = _amount(element.findtext("BSMAINAMT") or element.findtext("PLMAINAMT"))
        return (None, sub) if sub is not None else (main, None)
    if element.tag == "DSPACCINFO":
        debit = _amount(element.findtext(".//DSPCLDRAMTA"))
        credit = _amount(element.findtext(".//DSPCLCRAMTA"))
        if debit:
            return None, -abs(debit)
        if credit:
            return None, abs(credit)
    return None, None
