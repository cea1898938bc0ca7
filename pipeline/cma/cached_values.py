"""Store each formula's computed value beside the formula in a saved workbook.

openpyxl writes a formula with an empty value, so a mail preview, a phone
viewer or any reader that does not recalculate shows a blank cell. The values
are ours already (the JSON's figures, in the display unit): this fills them
into the sheets' XML, and the formulas stay live (Excel still recalculates
on load, as openpyxl's `fullCalcOnLoad` asks).
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from io import BytesIO

Cached = dict[str, dict[str, Decimal | str | None]]  # sheet → {"D9": value}; None: ""

_SHEET = re.compile(r'<sheet [^>]*name="(?P<name>[^"]*)"[^>]*r:id="(?P<rid>[^"]*)"')
_RELATION = re.compile(r"<Relationship [^>]*>")
_FORMULA_CELL = re.compile(
    r'<c r="(?P<ref>[A-Z]+[0-9]+)"(?P<attrs>[^>]*)><f>(?P<formula>[^<]*)</f><v\s*/></c>'
)


def store_values(xlsx: bytes, cached: Mapping[str, Mapping[str, Decimal | str | None]]) -> bytes:
    """`xlsx` with the value of every formula cell named in `cached` stored.

    Raises ValueError when a named cell holds no formula: the writer and this
    map disagree, and a wrong value is worse than none.
    """
    source = zipfile.ZipFile(BytesIO(xlsx))
    paths = _sheet_paths(source)
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            title = paths.get(info.filename)
            if title in cached:
                data = _fill(data.decode("utf-8"), title, cached[title]).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _sheet_paths(source: zipfile.ZipFile) -> dict[str, str]:
    """Zip path of each worksheet → its title, as the workbook's relationships say."""
    targets = {}
    for tag in _RELATION.findall(source.read("xl/_rels/workbook.xml.rels").decode()):
        rid, target = _attribute(tag, "Id"), _attribute(tag, "Target")
        targets[rid] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    workbook = source.read("xl/workbook.xml").decode()
    return {
        targets[match["rid"]]: html.unescape(match["name"]) for match in _SHEET.finditer(workbook)
    }


def _attribute(tag: str, name: str) -> str:
    return re.search(rf'\b{name}="([^"]*)"', tag).group(1)


def _fill(xml: str, title: str, values: Mapping[str, Decimal | str | None]) -> str:
    pending = dict(values)

    def cell(match: re.Match) -> str:
        ref = match["ref"]
        if ref not in pending:
            return match[0]
        value = pending.pop(ref)
        start = f'<c r="{ref}"{match["attrs"]}'
        if value is None or isinstance(value, str):  # IFERROR(…, "n/a"): text, as Excel caches it
            text = html.escape(value or "", quote=False)
            return f'{start} t="str"><f>{match["formula"]}</f><v>{text}</v></c>'
        return f"{start}><f>{match['formula']}</f><v>{_number(value)}</v></c>"

    filled = _FORMULA_CELL.sub(cell, xml)
    if pending:
        raise ValueError(f"{title}: no formula in {', '.join(sorted(pending))} to store a value in")
    return filled


def _number(value: Decimal) -> str:
    """The shortest text of the double nearest `value` (what Excel would store)."""
    return repr(float(value))
