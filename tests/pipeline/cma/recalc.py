"""Recalculate a workbook with LibreOffice (headless), an engine independent of ours.

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
            "xlsx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return out / "cma.xlsx"
