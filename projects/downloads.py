"""The CMA workbook as a download, for the project page and the API alike."""

from __future__ import annotations

from django.http import FileResponse

from projects.models import Project


def workbook_response(project: Project) -> FileResponse | None:
    """The generated workbook as an attachment named for the client; None before there is one."""
    cma = getattr(project, "cma", None)
    if cma is None or not cma.workbook:
        return None
    return FileResponse(
        cma.workbook.open("rb"), as_attachment=True, filename=f"CMA - {project.company_name}.xlsx"
    )
