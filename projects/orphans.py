"""Stored files that no row refers to: found and removed by `manage.py cleanup_storage`.

Uploads and workbooks are written to storage before their row is committed
(Django's FileField saves the file first); a request or worker that dies in
between leaves bytes nobody can reach. Only files older than an hour are
orphans: a younger one may belong to a row still being committed. The
storage API is the only one used, so the local disk and an S3 bucket are
cleaned alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

ROOT = "projects"  # every upload_to of ours stores under projects/<id>/
MIN_AGE = timedelta(hours=1)


@dataclass(frozen=True)
class Orphan:
    name: str
    size: int
    modified: datetime


def find_orphans() -> list[Orphan]:
    """Files under ROOT that no FileField of any model names, older than MIN_AGE."""
    referenced = referenced_names()
    cutoff = timezone.now() - MIN_AGE
    found = []
    for name in stored_names(ROOT):
        if name in referenced:
            continue
        modified = default_storage.get_modified_time(name)
        if modified < cutoff:
            found.append(Orphan(name, default_storage.size(name), modified))
    return found


def remove(orphans: list[Orphan]) -> None:
    for orphan in orphans:
        default_storage.delete(orphan.name)


def stored_names(folder: str) -> Iterator[str]:
    try:
        directories, files = default_storage.listdir(folder)
    except FileNotFoundError:  # nothing was ever stored on this disk
        return
    for file_name in files:
        yield f"{folder}/{file_name}"
    for directory in directories:
        yield from stored_names(f"{folder}/{directory}")


def referenced_names() -> set[str]:
    """The stored name held by every file field of every row."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                rows = model._default_manager.exclude(**{field.name: ""})
                names.update(rows.values_list(field.name, flat=True))
    return names
