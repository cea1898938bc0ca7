"""Documents of a CA's pack that are no statement, written here as xlsx and PDF.

Each kind comes in several variants (different firms, banks and software print
the same document their own way); each variant is a list of rows of cells, the
same rows written as a workbook or printed as a PDF, so both readers are judged.
"""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook

from tests.readers.emi_fixtures import pdf_schedule, xlsx_schedule
from tests.readers.test_pdf_layouts import Page, make_pdf

VARIANTS: dict[str, list[list[list[str]]]] = {
    "tax_audit_report": [
        [
            ["FORM NO. 3CA"],
            ["[See rule 6G(1)(a)]"],
            ["Audit report under section 44AB of the Income-tax Act, 1961, in a case where the"],
            ["accounts of the business or profession of a person have been audited"],
            ["We report that the statutory audit of M/s Shreeji Polymers Pvt Ltd was conducted"],
            ["The statement of particulars required to be furnished under section 44AB is"],
            ["annexed herewith in Form No. 3CD."],
        ],
        [
            ["FORM NO. 3CD", ""],
            ["Statement of particulars required to be furnished under section 44AB", ""],
            ["PART - A", ""],
            ["1", "Name of the assessee", "Kaveri Traders"],
            ["2", "Address", "12, Market Yard, Rajkot"],
            ["3", "Permanent Account Number (PAN)", "AAAFK1234L"],
            ["8", "Previous year", "01-04-2024 to 31-03-2025"],
            ["PART - B", ""],
            ["12", "Whether the profit and loss account includes any profits", "No"],
        ],
        [
            ["Form No. 3CB"],
            ["Audit report under section 44AB of the Income-tax Act, 1961, in the case of a"],
            ["person referred to in clause (b) of sub-rule (1) of rule 6G"],
            ["I have examined the balance sheet as at 31st March 2025 and the profit and loss"],
            ["account for the year ended on that date, of Om Sai Enterprises"],
            ["The tax audit report in Form No. 3CD is annexed"],
        ],
    ],
    "itr": [
        [
            ["INDIAN INCOME TAX RETURN ACKNOWLEDGEMENT"],
            ["[Where the data of the Return of Income in Form ITR-5 has been transmitted]"],
            ["Assessment Year", "2025-26"],
            ["Acknowledgement Number", "456789123451225"],
            ["Name", "KAVERI TRADERS", "PAN", "AAAFK1234L"],
            ["Current Year business loss, if any", "0"],
            ["Total Income", "18,45,670"],
        ],
        [
            ["ITR-6", "", "Assessment Year 2024-25"],
            ["Part A-BS", "Balance Sheet as on 31st day of March, 2024"],
            ["Sources of funds", ""],
            ["Shareholder's fund", "Share capital", "10,00,000"],
            ["Reserves and Surplus", "", "45,12,300"],
            ["Part A-P&L", "Profit and Loss Account for the financial year 2023-24"],
            ["Revenue from operations", "", "3,12,45,000"],
        ],
        [
            ["Income Tax Return e-Filing"],
            ["Form ITR-3", "Assessment Year 2025-26"],
            ["Schedule BP", "Computation of income from business or profession"],
            ["Profit before tax as per profit and loss account", "6,45,210"],
            ["Depreciation allowable under section 32", "1,12,000"],
        ],
    ],
    "sanction_letter": [
        [
            ["STATE BANK OF INDIA, SME Branch, Vadodara"],
            ["SANCTION LETTER"],
            ["To: M/s Shreeji Polymers Pvt Ltd"],
            ["We are pleased to inform you that we have sanctioned the following facilities"],
            ["Facility", "Limit", "Rate of interest"],
            ["Cash Credit (Hypothecation)", "Rs. 150.00 lakh", "EBLR + 2.25%"],
            ["Term Loan", "Rs. 80.00 lakh", "EBLR + 2.75%"],
            ["Security: Hypothecation of stocks and book debts"],
            ["Margin: 25% on stocks, 40% on book debts"],
            ["Terms and conditions as per annexure"],
        ],
        [
            ["HDFC Bank Limited"],
            ["Letter of Sanction - Working Capital Facilities"],
            ["Dear Sir, with reference to your application we have sanctioned the credit"],
            ["Nature of facility: Cash Credit"],
            ["Limit: Rs. 2,00,00,000"],
            ["Validity of sanction: 12 months"],
            ["Terms and Conditions"],
        ],
        [
            ["Bank of Baroda"],
            ["Ref: BOB/GAN/2025/118  Sanction letter for term loan"],
            ["We are pleased to sanction a term loan of Rs 45 lakh for purchase of machinery"],
            ["Rate of interest: 9.85% p.a. floating"],
            ["Repayment: 60 monthly instalments after a moratorium of 6 months"],
        ],
    ],
    "stock_statement": [
        [
            ["STOCK STATEMENT FOR THE MONTH OF MARCH 2025"],
            ["Name of borrower: Kaveri Traders"],
            ["Particulars", "Quantity", "Value (Rs.)"],
            ["Raw materials", "1200 kg", "8,40,000"],
            ["Work-in-progress", "", "2,10,000"],
            ["Finished goods", "320 units", "12,45,000"],
            ["Total stock", "", "22,95,000"],
            ["Less: Sundry creditors for goods", "", "4,10,000"],
            ["Paid stock", "", "18,85,000"],
        ],
        [
            ["Statement of stock and book debts as on 31.01.2025"],
            ["Stock-in-process", "3,45,000"],
            ["Finished goods", "9,12,000"],
            ["Book debts up to 90 days", "14,20,000"],
            ["Book debts above 90 days", "2,10,000"],
            ["Drawing power", "17,90,000"],
        ],
        [
            ["Monthly stock statement submitted to Punjab National Bank"],
            ["Item", "Opening", "Purchases", "Sales", "Closing"],
            ["Raw material - PVC resin", "4,00,000", "6,00,000", "5,10,000", "4,90,000"],
            ["Finished goods - pipes", "7,20,000", "", "1,20,000", "6,00,000"],
        ],
    ],
    "ageing": [
        [
            ["Debtors ageing as on 31-03-2025"],
            ["Party name", "0-30 days", "31-60 days", "61-90 days", "More than 90 days", "Total"],
            ["Ajanta Distributors", "1,20,000", "45,000", "", "12,000", "1,77,000"],
            ["Bharat Pipes", "80,000", "", "30,000", "", "1,10,000"],
            ["Total", "2,00,000", "45,000", "30,000", "12,000", "2,87,000"],
        ],
        [
            ["Creditors - age wise outstanding"],
            ["Name of the supplier", "Up to 180 days", "Above 180 days"],
            ["Reliance Polymers", "6,40,000", "0"],
            ["Gujarat Chemicals", "1,10,000", "25,000"],
        ],
        [
            ["Aging of trade receivables"],
            ["Name of customer", "Invoice date", "Amount", "Days"],
            ["Om Sai Traders", "12-01-2025", "45,000", "78"],
            ["Shiv Agencies", "05-10-2024", "1,20,000", "177"],
        ],
    ],
    "bank_statement": [
        [
            ["Statement of Account"],
            ["Account No: 50200012345678", "IFSC: HDFC0001234"],
            ["Txn Date", "Value Date", "Narration", "Chq No", "Withdrawals", "Deposits", "Balance"],
            [
                "01-04-2024",
                "01-04-2024",
                "NEFT-Ajanta Distributors",
                "",
                "",
                "1,20,000",
                "3,40,000",
            ],
            ["03-04-2024", "03-04-2024", "CHQ PAID-Reliance", "000123", "2,10,000", "", "1,30,000"],
        ],
        [
            ["Bank statement for the period 01/04/2024 to 30/06/2024"],
            ["Date", "Particulars", "Cheque", "Debit", "Credit", "Balance"],
            ["02/04/2024", "By transfer", "", "", "50,000", "2,50,000"],
            ["09/04/2024", "To cheque 4521", "4521", "80,000", "", "1,70,000"],
        ],
        [
            ["Account statement - Cash Credit A/c 0123456789"],
            ["Transaction date", "Description", "Debit", "Credit", "Balance"],
            ["05/05/2024", "Interest debited", "14,210", "", "-45,12,300"],
            ["06/05/2024", "RTGS received", "", "8,00,000", "-37,12,300"],
        ],
    ],
    "other": [
        [
            ["Orders in hand as on 31 March 2025"],
            ["Customer", "Order no.", "Value"],
            ["Larsen & Toubro", "PO-4512", "45,00,000"],
        ],
        [["Minutes of the board meeting held on 12 May 2025"], ["Present: all the directors"]],
    ],
}


def xlsx_of(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf_of(rows: list[list[str]]) -> bytes:
    page, top = Page(), 40
    for row in rows:
        x = 40
        for text in row:
            page.left(x, top, text)
            x += max(90, 5 * len(text) + 10)
        top += 14
    return make_pdf([page])


def documents() -> list[tuple[str, str, bytes]]:
    """(kind, file name, bytes) of every variant of every kind, as xlsx and as PDF."""
    found = []
    for kind, variants in VARIANTS.items():
        for number, rows in enumerate(variants, start=1):
            found.append((kind, f"{kind}-{number}.xlsx", xlsx_of(rows)))
            found.append((kind, f"{kind}-{number}.pdf", pdf_of(rows)))
    found.append(("emi_schedule", "emi-1.xlsx", xlsx_schedule()))
    found.append(("emi_schedule", "emi-2.pdf", pdf_schedule()))
    return found
