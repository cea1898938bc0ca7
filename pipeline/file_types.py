"""The names of what an upload is: its file type (named as its extension) and its
kind of document (pipeline.readers.document_kind recognises it).

A module of its own so that the project's model can name them without importing a
reader (the readers decide what a file is; the model only stores the name).
"""

PDF, XLSX, XLS, CSV, XML = "pdf", "xlsx", "xls", "csv", "xml"

STATEMENT, TAX_AUDIT, ITR, EMI_SCHEDULE = "statement", "tax_audit_report", "itr", "emi_schedule"
SANCTION_LETTER, STOCK_STATEMENT, AGEING = "sanction_letter", "stock_statement", "ageing"
BANK_STATEMENT, OTHER = "bank_statement", "other"
LABELS = {
    STATEMENT: "financial statement",
    TAX_AUDIT: "tax audit report (Form 3CA/3CB/3CD)",
    ITR: "income tax return",
    EMI_SCHEDULE: "EMI (repayment) schedule",
    SANCTION_LETTER: "sanction letter",
    STOCK_STATEMENT: "stock statement",
    AGEING: "ageing of debtors or creditors",
    BANK_STATEMENT: "bank statement",
    OTHER: "other document",
}
DOCUMENT_KIND_CHOICES = list(LABELS.items())
