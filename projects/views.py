"""Portal pages: adapters that scope to the member's firm, call a service, render."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render

from projects.access import get_project_for_user, projects_for_user


@login_required
def project_list(request):
    return render(request, "projects/list.html", {"projects": projects_for_user(request.user)})


@login_required
def project_new(request):
    return render(request, "projects/new.html", {})


@login_required
def project_detail(request, pk):
    return render(
        request, "projects/detail.html", {"project": get_project_for_user(request.user, pk)}
    )


@login_required
def project_download(request, pk):
    project = get_project_for_user(request.user, pk)
    cma = getattr(project, "cma", None)
    if cma is None or not cma.workbook:
        raise Http404("No CMA workbook yet.")
    return FileResponse(
        cma.workbook.open("rb"), as_attachment=True, filename=f"CMA - {project.company_name}.xlsx"
    )
