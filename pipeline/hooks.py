"""What the pipeline tells the world besides its moves: emails, and the audit of retries.

The audit entries of the run's moves are written with the moves themselves
(pipeline.lifecycle). Hooks are fire-and-forget: a hook that fails is logged (and leaves an audit
entry when the database still answers) but never fails the pipeline. Nor does one
stall it: an email is handed to a daemon thread and waited for at most
HOOK_TIMEOUT_SECONDS, so that a mail server or API that never answers costs a run
that long and no longer.
"""

from __future__ import annotations

import functools
import logging
import threading

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from projects import audit
from projects.models import Membership, Project, Role

log = logging.getLogger(__name__)


def fire_and_forget(hook):
    @functools.wraps(hook)
    def safe(project: Project, *args, **kwargs) -> None:
        try:
            hook(project, *args, **kwargs)
        except Exception as error:
            log.exception("hook %s failed for project %s", hook.__name__, project.pk)
            try:
                audit.record(
                    audit.HOOK_FAILED,
                    firm=project.firm,
                    project=project,
                    message=f"{type(error).__name__}: {error}",
                    hook=hook.__name__,
                )
            except Exception:
                log.exception("could not record the failure of hook %s", hook.__name__)

    return safe


@fire_and_forget
def step_retried(project: Project, step: str, retry: int, error: str, delay: float) -> None:
    audit.record(
        audit.PIPELINE_STEP_RETRY,
        firm=project.firm,
        project=project,
        message=error,
        step=step,
        retry=retry,
        delay_seconds=round(delay, 2),
    )


@fire_and_forget
def review_needed(project: Project, pending: int) -> None:
    send_review_notification(project, pending)


@fire_and_forget
def pipeline_completed(project: Project) -> None:
    send_ready_notification(project)


def _recipients(project: Project) -> list[str]:
    members = Membership.objects.filter(
        firm=project.firm, role__in=[Role.OWNER, Role.CA], user__is_active=True
    ).select_related("user")
    return sorted({m.user.email for m in members if m.user.email})


def _send(project: Project, template: str, context: dict) -> None:
    recipients = _recipients(project)
    if not recipients:
        return
    context = {"project": project, "site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{template}-subject.txt", context).strip()
    body = render_to_string(f"emails/{template}-body.txt", context)
    html = render_to_string(f"emails/{template}-body.html", context)
    message = EmailMultiAlternatives(subject, body, to=recipients)
    message.attach_alternative(html, "text/html")
    _send_within_time_out(message)


class HookTimeout(Exception):
    """The email backend did not answer in time; the message is left to its thread."""


def _send_within_time_out(message: EmailMultiAlternatives) -> None:
    failure: list[Exception] = []

    def send() -> None:
        try:
            message.send()
        except Exception as error:
            failure.append(error)

    sender = threading.Thread(target=send, name="hook-email", daemon=True)
    sender.start()
    sender.join(settings.HOOK_TIMEOUT_SECONDS)
    if sender.is_alive():
        raise HookTimeout(
            f"the email backend did not answer within {settings.HOOK_TIMEOUT_SECONDS} seconds"
        )
    if failure:
        raise failure[0]


def send_review_notification(project: Project, pending: int) -> None:
    """Tell the firm's CAs and owners that items await their review."""
    url = settings.SITE_URL + reverse("reviews:screen", args=[project.pk])
    _send(project, "review-needed", {"pending": pending, "url": url})


def send_ready_notification(project: Project) -> None:
    """Tell the firm's CAs and owners that the CMA is ready, with a download link."""
    url = settings.SITE_URL + reverse("projects:download", args=[project.pk])
    page = settings.SITE_URL + reverse("projects:detail", args=[project.pk])
    _send(project, "cma-ready", {"url": url, "page": page})
