"""The review screen (being built: see the reviews issue)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from projects.access import get_project_for_user


@login_required
def review_screen(request, pk):
    project = get_project_for_user(request.user, pk)
    return render(request, "reviews/screen.html", {"project": project})
