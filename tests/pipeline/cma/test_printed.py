"""The workbook as LibreOffice prints it (to PDF, then its text): every negative figure
prints as negative, no internal row key stands on a form, no figure is cut to "###",
and pictures of the printed pages are kept in test-output/printed/ for a person."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from pipeline.cma.workbook import ALL_ROWS, SHEETS, build_workbook, row_keys
from tests.pipeline.cma.recalc import print_pdf, printed_pages, soffice
from tests.pipeline.cma.sheet_figures import CASES, case_cma

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        soffice() is None,
        reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)",
    ),
]
PICTURES = Path(__file__).resolve().parents[3] / "test-output" / "printed"
FORM_TITLES = {spec.title for spec in SHEETS}
# The sheets of what the CA entered: printed for the bank like the forms.
ENTERED = {"Form I", "Assumptions"}
# The credit officer's check, printed for the CA to answer before the CMA leaves the firm.
QUERIES = "Queries the bank will ask"
# A printed figure: 1,234.56 or -1,234.56 (grouping as the locale prints it).
FIGURE = re.compile(r"(?<![\w.])(-?)(\d[\d,]*\.\d\d)(?![\d])")


@pytest.fixture(scope="module", params=CASES, ids=[case[0] for case in CASES])
def printed(request, tmp_path_factory):
    company, unit, assumptions = request.param
    cma, findings = case_cma(company, unit, assumptions)
    pdf = print_pdf(build_workbook(cma, findings), tmp_path_factory.mktemp(company))
    return company, cma, pdf, printed_pages(pdf)


def _sheet_of(page: str) -> str | None:
    """The sheet a page belongs to, from its footer ("Form II, page 1 of 2")."""
    found = re.findall(r"^\s*(.+?), page \d+ of \d+\s*$", page, re.MULTILINE)
    return found[-1].strip() if found else None


def _form_text(pages: list[str]) -> str:
    return "\n".join(page for page in pages if _sheet_of(page) in FORM_TITLES)


def _negatives_shown(cma) -> Counter:
    """Each negative figure of the forms as it should print: "-9.98", no grouping."""
    expected = Counter()
    digits = cma.project.unit_digits
    for spec in SHEETS:
        for key in row_keys(spec).values():
            for year in cma.year_keys:
                value = cma.value(key, year)
                if value is None:
                    continue
                shown = value.scaleb(-digits) if ALL_ROWS[key].kind == "amount" else value
                shown = shown.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                if shown < 0:
                    expected[f"{shown}"] += 1
    return expected


def test_every_negative_figure_prints_with_its_minus_sign(printed):
    _, cma, _, pages = printed
    expected = _negatives_shown(cma)
    shown = Counter(
        f"-{digits.replace(',', '')}" for sign, digits in FIGURE.findall(_form_text(pages)) if sign
    )
    assert expected, "a case without negatives proves nothing"
    assert expected - shown == Counter()


def test_every_page_names_its_sheet_and_no_figure_is_cut(printed):
    _, _, _, pages = printed
    named = {_sheet_of(page) for page in pages if page.strip()}
    assert FORM_TITLES | {"Line items"} <= named
    assert "###" not in "".join(pages)


def test_no_internal_key_is_printed_on_a_form(printed):
    _, _, _, pages = printed
    text = _form_text(pages) + "\n".join(p for p in pages if _sheet_of(p) in {*ENTERED, QUERIES})
    keys = [key for key in ALL_ROWS if "_" in key]  # "tax" is also a word of a label
    assert [key for key in keys if re.search(rf"\b{key}\b", text)] == []
    trace = "\n".join(page for page in pages if _sheet_of(page) == "Line items")
    assert any(re.search(rf"\({key}\)", trace) for key in keys), "the trace names the keys"


def test_pictures_of_the_printed_forms_are_kept(printed):
    company, _, pdf, pages = printed
    PICTURES.mkdir(parents=True, exist_ok=True)
    for old in PICTURES.glob(f"{company}-*.png"):
        old.unlink()
    for number, page in enumerate(pages, start=1):
        sheet = _sheet_of(page)
        if sheet in FORM_TITLES | ENTERED | {"Cover", QUERIES, "Line items"}:
            stem = PICTURES / f"{company}-{number:02d}-{sheet.replace(' ', '-')}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "70", "-f", str(number), "-l", str(number),
                 "-singlefile", str(pdf), str(stem)],
                check=True, timeout=120,
            )  # fmt: skip
    assert list(PICTURES.glob(f"{company}-*Form-V.png"))
    assert list(PICTURES.glob(f"{company}-*Form-I.png"))
    assert list(PICTURES.glob(f"{company}-*Queries-the-bank-will-ask.png"))
