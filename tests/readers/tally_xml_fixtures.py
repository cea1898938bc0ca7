"""Tally XML exports of our own making, after the format's public description.

Two shapes: a report export (DSPACCNAME/DSPDISPNAME followed by BSAMT, PLAMT or a
trial balance's DSPACCINFO) and masters (ENVELOPE/BODY/DATA/TALLYMESSAGE with
GROUP and LEDGER, each NAME'd with its PARENT and CLOSINGBALANCE; debits negative).
"""

from __future__ import annotations

STATIC = (
    "<STATICVARIABLES><SVFROMDATE>20240401</SVFROMDATE><SVTODATE>20250331</SVTODATE>"
    "</STATICVARIABLES>"
)


def _line(name: str, tag: str, sub: str = "", main: str = "") -> str:
    prefix = "BS" if tag == "BSAMT" else "PL"
    return (
        f"<DSPACCNAME><DSPDISPNAME>{name}</DSPDISPNAME></DSPACCNAME>"
        f"<{tag}><{prefix}SUBAMT>{sub}</{prefix}SUBAMT><{prefix}MAINAMT>{main}</{prefix}MAINAMT></{tag}>"
    )


BALANCE_SHEET = [  # (name, sub, main): a group's MAINAMT, its ledgers' SUBAMT
    ("Capital Account", "", "500000.00"),
    ("Loans (Liability)", "", "1250000.00"),
    ("HDFC Bank Term Loan", "1250000.00", ""),
    ("Current Liabilities", "", "375000.00"),
    ("Sundry Creditors", "300000.00", ""),
    ("Duties &amp; Taxes", "75000.00", ""),
    ("Fixed Assets", "", "-1100000.00"),
    ("Current Assets", "", "-1025000.00"),
    ("Closing Stock", "-600000.00", ""),
    ("Sundry Debtors", "-400000.00", ""),
    ("Cash-in-Hand", "-25000.00", ""),
]
PROFIT_AND_LOSS = [
    ("Sales Accounts", "", "4500000.00"),
    ("Purchase Accounts", "", "-3200000.00"),
    ("Direct Expenses", "", "-400000.00"),
    ("Wages", "-300000.00", ""),
    ("Power &amp; Fuel", "-100000.00", ""),
    ("Indirect Expenses", "", "-250000.00"),
    ("Salary", "-180000.00", ""),
    ("Rent", "-70000.00", ""),
]


def report(rows, tag: str, static: str = STATIC) -> str:
    body = "".join(_line(name, tag, sub, main) for name, sub, main in rows)
    return f'<?xml version="1.0"?>\n<ENVELOPE>{static}{body}</ENVELOPE>'


def trial_balance() -> str:
    rows = [
        ("Capital Account", "", "500000.00"),
        ("Sundry Debtors", "-400000.00", ""),
        ("Sales Accounts", "", "4500000.00"),
        ("Purchase Accounts", "-3200000.00", ""),
    ]
    body = "".join(
        f"<DSPACCNAME><DSPDISPNAME>{name}</DSPDISPNAME></DSPACCNAME><DSPACCINFO>"
        f"<DSPCLDRAMT><DSPCLDRAMTA>{dr}</DSPCLDRAMTA></DSPCLDRAMT>"
        f"<DSPCLCRAMT><DSPCLCRAMTA>{cr}</DSPCLCRAMTA></DSPCLCRAMT></DSPACCINFO>"
        for name, dr, cr in rows
    )
    return f"<ENVELOPE>{STATIC}{body}</ENVELOPE>"


GROUPS = [("Secured Loans", "Loans (Liability)"), ("Bank OD A/c", "Loans (Liability)"),
          ("Sundry Debtors", "Current Assets"), ("Export Debtors", "Sundry Debtors")]  # fmt: skip
LEDGERS = [
    ("SBI Term Loan", "Secured Loans", "1000000.00"),
    ("SBI Cash Credit", "Bank OD A/c", "750000.00"),
    ("Ajanta Distributors", "Sundry Debtors", "-120000.00"),
    ("Acme GmbH", "Export Debtors", "-80000.00"),
    ("Sales - Local", "Sales Accounts", "2500000.00"),
    ("Freight Inward", "Direct Expenses", "-45000.00"),
]


def masters(wrapper: str = "BODY/DATA") -> str:
    groups = "".join(
        f'<TALLYMESSAGE><GROUP NAME="{name}" ACTION="Create"><PARENT>{parent}</PARENT>'
        "</GROUP></TALLYMESSAGE>"
        for name, parent in GROUPS
    )
    ledgers = "".join(
        f'<TALLYMESSAGE><LEDGER NAME="{name}" ACTION="Create"><PARENT>{parent}</PARENT>'
        f"<OPENINGBALANCE>0</OPENINGBALANCE><CLOSINGBALANCE>{amount}</CLOSINGBALANCE>"
        "</LEDGER></TALLYMESSAGE>"
        for name, parent, amount in LEDGERS
    )
    outer, inner = wrapper.split("/")
    return (
        "<ENVELOPE><HEADER><TALLYREQUEST>Import Data</TALLYREQUEST></HEADER>"
        f"<{outer}><{inner}>{STATIC}{groups}{ledgers}</{inner}></{outer}></ENVELOPE>"
    )
