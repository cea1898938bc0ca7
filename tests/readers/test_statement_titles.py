"""A page's title names its statement: a Manufacturing Account is not a trading account."""

from __future__ import annotations

import pytest

from pipeline.readers.document import BALANCE_SHEET, MANUFACTURING, PROFIT_AND_LOSS, TRADING
from pipeline.readers.pdf_context import title_kind


@pytest.mark.parametrize(
    ("title", "statement"),
    [
        ("Manufacturing Account for the year ended 31st March 2025", MANUFACTURING),
        ("MANUFACTURING A/C FOR THE YEAR ENDED 31.03.2025", MANUFACTURING),
        ("Manufacturing and Trading Account for the year ended 31 March 2025", TRADING),
        ("Trading Account for the year ended 31st March, 2025", TRADING),
        ("Profit and Loss Account for the year ended 31 March 2025", PROFIT_AND_LOSS),
        ("Balance Sheet as at 31st March 2025", BALANCE_SHEET),
    ],
)
def test_the_title_names_the_statement(title, statement):
    assert title_kind(title) == statement
