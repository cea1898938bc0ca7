"""A refused copy leaves no bytes behind; `cleanup_storage` finds what no row refers to,
on the local disk and in an S3 bucket alike, and leaves young and referenced files alone."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import QuerySet
from django.test import override_settings
from django.utils import timezone

from projects import orphans
from projects.services import upload_files
from tests.cast import upload
from tests.scale.test_object_storage import BUCKET, bucket_objects, s3, settings_with  # noqa: F401

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 the statement"


def stored_files(media_root) -> list[str]:
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


def test_a_refused_copy_leaves_no_bytes_on_disk(project, ca, media_root):
    (first,) = upload_files(project, [upload("a.pdf", PDF)], acting_user=ca)
    copies = [upload(f"copy-{n}.pdf", PDF) for n in range(15)]
    refused = upload_files(project, copies, acting_user=ca)
    assert [outcome.error for outcome in refused] == [
        f"copy-{n}.pdf is the same file as a.pdf, which is already uploaded." for n in range(15)
    ]
    assert stored_files(media_root) == [first.file.file.name]


def test_a_copy_that_loses_the_race_for_the_row_removes_its_bytes(
    project, ca, media_root, monkeypatch
):
    """Two requests with one file at the same instant: both pass the check, one row wins."""
    (first,) = upload_files(project, [upload("a.pdf", PDF)], acting_user=ca)
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)
    (late,) = upload_files(project, [upload("b.pdf", PDF)], acting_user=ca)
    assert late.error == "b.pdf is the same file as a.pdf, which is already uploaded."
    assert stored_files(media_root) == [first.file.file.name]


def age(path, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_cleanup_lists_then_removes_old_files_no_row_refers_to(project, ca, media_root):
    (kept,) = upload_files(project, [upload("a.pdf", PDF)], acting_user=ca)
    lost = default_storage.save(f"projects/{project.pk}/uploads/lost.pdf", ContentFile(PDF))
    young = default_storage.save(f"projects/{project.pk}/cma/young.xlsx", ContentFile(b"PK"))
    for name in (kept.file.file.name, lost):
        age(media_root / name, 2)

    listing = StringIO()
    call_command("cleanup_storage", "--dry-run", stdout=listing)
    assert listing.getvalue().splitlines()[0].startswith(f"{lost}  {len(PDF):,} bytes  ")
    assert "1 files no row refers to, 22 bytes: would be removed (dry run)." in listing.getvalue()
    assert default_storage.exists(lost)

    call_command("cleanup_storage", stdout=StringIO())
    assert stored_files(media_root) == sorted([kept.file.file.name, young])


def test_cleanup_on_a_disk_that_never_stored_anything_finds_nothing(media_root):
    assert orphans.find_orphans() == []


def test_cleanup_works_on_the_bucket_too(project, ca, s3, monkeypatch):  # noqa: F811
    client, env = s3
    with override_settings(STORAGES=settings_with(env)["STORAGES"]):
        (kept,) = upload_files(project, [upload("a.pdf", PDF)], acting_user=ca)
        copy = upload_files(project, [upload("copy.pdf", PDF)], acting_user=ca)
        assert copy[0].error
        lost = f"projects/{project.pk}/uploads/lost.pdf"
        client.put_object(Bucket=BUCKET, Key=lost, Body=PDF)
        assert set(bucket_objects(client)) == {kept.file.file.name, lost}

        assert orphans.find_orphans() == []  # both are younger than an hour
        later = timezone.now() + timedelta(hours=2)
        monkeypatch.setattr(timezone, "now", lambda: later)
        call_command("cleanup_storage", stdout=StringIO())
        assert set(bucket_objects(client)) == {kept.file.file.name}
