"""Audit action codes (the seed's names), their readable text, and the one writer."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from projects.models import AuditEntry, Firm, Project

PROJECT_CREATED = "project_created"
FILE_UPLOADED = "file_uploaded"
FILE_REJECTED = "file_rejected"
FILE_REMOVED = "file_removed"
PIPELINE_QUEUED = "pipeline_queued"
PIPELINE_RETRY_QUEUED = "pipeline_retry_queued"
PIPELINE_RESUME_QUEUED = "pipeline_resume_queued"
PIPELINE_REVIEW_NEEDED = "pipeline_review_needed"
PIPELINE_COMPLETE = "pipeline_complete"
PIPELINE_FAILED = "pipeline_failed"
PIPELINE_WORKER_LOST = "pipeline_worker_lost"
PIPELINE_STEP_RETRY = "pipeline_step_retry"
PROJECT_TRANSITION = "project_transition"
REVIEW_DECIDED = "review_decided"
REVIEW_BULK_APPROVED = "review_bulk_approved"
REVIEW_REOPENED = "review_reopened"
MEMBER_ADDED = "member_added"
MEMBER_ROLE_CHANGED = "member_role_changed"
REVIEW_MEMORY_FORGOTTEN = "review_memory_forgotten"
HOOK_FAILED = "hook_failed"
FORM_ONE_SAVED = "form_one_saved"
ASSUMPTIONS_SAVED = "assumptions_saved"
TERM_LOANS_SAVED = "term_loans_saved"
TERM_LOAN_READ = "term_loan_read"
STOCK_STATEMENT_SAVED = "stock_statement_saved"
STOCK_STATEMENT_READ = "stock_statement_read"


def step_start(step: str) -> str:
    return f"pipeline_{step}_start"


def step_complete(step: str) -> str:
    return f"pipeline_{step}_complete"


def step_failed(step: str) -> str:
    return f"pipeline_{step}_failed"


_TEXT = {
    PROJECT_CREATED: "Project created",
    FILE_UPLOADED: "File uploaded",
    FILE_REJECTED: "File rejected",
    FILE_REMOVED: "File removed",
    PIPELINE_QUEUED: "Processing queued",
    PIPELINE_RETRY_QUEUED: "Retry queued",
    PIPELINE_RESUME_QUEUED: "Processing resumed after review",
    PIPELINE_REVIEW_NEEDED: "Items need a CA's review",
    PIPELINE_COMPLETE: "CMA generated",
    PIPELINE_FAILED: "Processing failed",
    PIPELINE_WORKER_LOST: "Worker lost; processing stopped",
    PIPELINE_STEP_RETRY: "Step retried after a temporary error",
    PROJECT_TRANSITION: "Status changed by an administrator",
    REVIEW_DECIDED: "Review decision",
    REVIEW_BULK_APPROVED: "Review items approved in bulk",
    REVIEW_REOPENED: "Item reopened for review",
    MEMBER_ADDED: "Member added",
    MEMBER_ROLE_CHANGED: "Member role changed",
    REVIEW_MEMORY_FORGOTTEN: "Remembered classification removed",
    HOOK_FAILED: "Notification failed",
    FORM_ONE_SAVED: "Form I (particulars and limits) saved",
    ASSUMPTIONS_SAVED: "Projection assumptions saved",
    TERM_LOANS_SAVED: "Term loans' schedules saved",
    TERM_LOAN_READ: "Term loan read from the lender's schedule",
    STOCK_STATEMENT_SAVED: "Stock statement saved",
    STOCK_STATEMENT_READ: "Stock statement read from the borrower's file",
}
_STEP_VERBS = {"start": "started", "complete": "completed", "failed": "failed"}


def describe(action: str) -> str:
    """Readable text for an action code, including the per-step codes."""
    if action in _TEXT:
        return _TEXT[action]
    parts = action.split("_")
    if len(parts) == 3 and parts[0] == "pipeline" and parts[2] in _STEP_VERBS:
        return f"{parts[1].capitalize()} step {_STEP_VERBS[parts[2]]}"
    return action.replace("_", " ").capitalize()


def record(
    action: str,
    *,
    firm: Firm,
    project: Project | None = None,
    actor: AbstractBaseUser | None = None,
    message: str = "",
    **details: Any,
) -> AuditEntry:
    """Append one entry to the audit log."""
    return AuditEntry.objects.create(
        firm=firm,
        project=project,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        message=message,
        details=details,
    )
