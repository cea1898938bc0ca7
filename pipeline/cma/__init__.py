"""The CMA: rows, formulas, projections, validation, the workbook and the JSON.

Pure Python (no ORM, no Django): the validate and generate steps build the
inputs of `model.py` from their rows and call

    cma = build_cma(project, documents, contributions, line_items)   # build.py
    findings = check_cma(cma, pending)                               # checks.py
    xlsx_bytes = build_workbook(cma, findings)                       # workbook.py
    document = cma_document(cma, findings)                           # export.py

Every computed figure is defined once, as an expression (`formula.py`) in
`rows.py` (Forms II and III) or `assessment.py` (Forms IV to VI, ratios), and
both evaluated in `Decimal` and written as a live Excel formula.
"""
