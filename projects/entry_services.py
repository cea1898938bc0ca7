"""What the CA enters that no statement prints: Form I (the borrower's particulars and
the limits per facility) and the projections' assumptions.

One function per write, with the acting user and an audit row. The portal's
pages and the API both call them; the generate step reads what they store
(pipeline.cma_inputs).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from pipeline.cma.assumptions import Assumptions
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


def save_assumptions(project: Project, stated: dict, *, acting_user) -> Project:
    """Replace the project's assumptions with `stated` (checked: AssumptionError names a
    bad key or value); what is left out follows its default."""
    cleaned = Assumptions.from_dict(stated).to_dict()
    Project.objects.filter(pk=project.pk).update(assumptions=cleaned, updated_at=timezone.now())
    project.assumptions = cleaned
    audit.record(
        audit.ASSUMPTIONS_SAVED,
        firm=project.firm,
        project=project,
        actor=acting_user,
        message=", ".join(sorted(cleaned)) or "every assumption from its default",
    )
    return project
