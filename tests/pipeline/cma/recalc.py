"""Recalculate and print a workbook with LibreOffice (headless), an engine independent
of ours.

LibreOffice does not recalculate an .xlsx on load unless told to: a private
profile sets OOXMLRecalcMode to "always", then the file is converted to .xlsx
again, which stores the computed values where openpyxl can read them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(xlsx: bytes, workdir: Path) -> Path:
    """Write `xlsx`, have LibreOffice recalculate it, return the recalculated file."""
    return convert(xlsx, workdir, "xlsx")


def print_pdf(xlsx: bytes, workdir: Path) -> Path:
    """The workbook as LibreOffice prints it (every sheet, its page setup), as a PDF."""
    return convert(xlsx, workdir, "pdf")


def printed_pages(pdf: Path) -> list[str]:
    """The text of each printed page, laid out as printed (poppler's pdftotext)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode()
    return text.split("\f")


def convert(xlsx: bytes, workdir: Path, target: str) -> Path:
    profile = workdir / "profile" / "user"
    profile.mkdir(parents=True)
    (profile / "registrymodifications.xcu").write_text(PROFILE)
    source = workdir / "in" / "cma.xlsx"
    source.parent.mkdir()
    source.write_bytes(xlsx)
    out = workdir / "out"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return out / f"cma.{target}"
