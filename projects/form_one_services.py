"""What the CA enters on Form I: the borrower's particulars and the limits per facility.

One write, with the acting user and an audit row. The portal's Form I page and
the API both call it; the generate step reads the rows (pipeline.cma_inputs).
"""

from __future__ import annotations

from django.db import transaction

from pipeline.cma.form_one import PARTICULARS
from projects import audit
from projects.models import BorrowerParticulars, Facility, Project

FACILITY_FIELDS = (
    "kind",
    "name",
    "bank",
    "existing_limit",
    "proposed_limit",
    "security",
    "stock_margin_pct",
    "receivables_margin_pct",
)


def particulars_of(project: Project) -> BorrowerParticulars:
    """The project's particulars, unsaved and blank when none were entered yet."""
    found = BorrowerParticulars.objects.filter(project=project).first()
    return found or BorrowerParticulars(project=project)


def save_form_one(
    project: Project, particulars: dict, facilities: list[dict], *, acting_user
) -> Project:
    """Replace the project's Form I: `particulars` by field name, `facilities` in order.

    The facilities given are the whole list: one left out is removed.
    """
    with transaction.atomic():
        row = particulars_of(project)
        for key, _ in PARTICULARS:
            setattr(row, key, particulars.get(key) or (None if key == "incorporated_on" else ""))
        row.save()
        project.facilities.all().delete()
        Facility.objects.bulk_create(
            Facility(project=project, position=n, **{k: f[k] for k in FACILITY_FIELDS if k in f})
            for n, f in enumerate(facilities)
        )
        audit.record(
            audit.FORM_ONE_SAVED,
            firm=project.firm,
            project=project,
            actor=acting_user,
            message=f"{len(facilities)} facilit{'y' if len(facilities) == 1 else 'ies'}",
        )
    return project
