"""Uploads: the size limit before any byte is kept, the type from the content, names of
ours, archives that would inflate past the limit, each refusal on its own file."""

from __future__ import annotations

import importlib
import io
import re
import zipfile

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import reverse

from projects import audit
from projects.models import AuditEntry, SourceFile
from projects.services import upload_files
from projects.uploads import Oversized
from tests.cast import upload, workbook_bytes
from tests.groundtruth import SAMPLES

pytestmark = pytest.mark.django_db

PDF = (
    SAMPLES / "sri-balaji-roadlines" / "Sri Balaji Roadlines - BS PL 31.03.2025.pdf"
).read_bytes()
WORD_AS_XLSX = (SAMPLES / "_bad" / "balance-sheet-FY2024-25.xlsx").read_bytes()
BOUNDARY = "----cma-test-boundary"


def files_url(project) -> str:
    return f"/api/v1/projects/{project.pk}/files/"


def post_files(api, project, *files):
    response = api.post(files_url(project), {"file": list(files)}, format="multipart")
    assert response.status_code in (201, 400), response.content
    return response


def multipart(*files: tuple[str, bytes]) -> bytes:
    """A multipart body with file names exactly as given: test clients clean them first."""
    parts = [
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + content
        + b"\r\n"
        for name, content in files
    ]
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def xlsx_bomb(inflated_bytes: int) -> bytes:
    """A workbook-shaped zip whose one sheet inflates to `inflated_bytes` of spaces."""
    return zip_of(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b" " * inflated_bytes,
        }
    )


# Size ------------------------------------------------------------------------------------


def test_an_oversized_file_reaches_the_view_without_its_bytes(settings):
    """The limit is kept while the request streams in: no memory, no temporary file."""
    settings.EXTRACT_MAX_FILE_BYTES = 4096
    body = multipart(("big.pdf", b"%PDF-1.4 " + b"0" * 200_000), ("small.pdf", b"%PDF-1.4 ok"))
    request = RequestFactory().post(
        "/", data=body, content_type=f"multipart/form-data; boundary={BOUNDARY}"
    )
    big, small = request.FILES.getlist("file")
    assert isinstance(big, Oversized)
    assert big.size == len(b"%PDF-1.4 ") + 200_000
    assert big.read() == b""
    assert small.read() == b"%PDF-1.4 ok"


def test_the_api_refuses_a_file_over_the_limit_and_keeps_the_others(api, project, settings):
    settings.EXTRACT_MAX_FILE_BYTES = 4096
    response = post_files(
        api, project, upload("big.pdf", b"%PDF-1.4 " + b"0" * 5000), upload("ok.pdf")
    )
    assert response.status_code == 201
    assert response.data["rejected"] == [
        {
            "name": "big.pdf",
            "error": "big.pdf is larger than 4 KB; split it or upload the statements "
            "without scanned annexures.",
        }
    ]
    assert list(project.files.values_list("original_name", flat=True)) == ["ok.pdf"]


def test_the_portal_refuses_a_file_over_the_limit_by_name(ca, project, settings):
    settings.EXTRACT_MAX_FILE_BYTES = 4096
    client = Client()
    client.force_login(ca)
    response = client.post(
        reverse("projects:upload", args=[project.pk]),
        {"file": [upload("big.pdf", b"%PDF-1.4 " + b"0" * 5000)]},
        follow=True,
    )
    said = [str(m) for m in response.context["messages"]]
    assert said == ["big.pdf: refused. big.pdf is larger than 4 KB; split it or upload the "
                    "statements without scanned annexures."]  # fmt: skip
    assert not project.files.exists()


# Type from the content ------------------------------------------------------------------

REFUSED = [
    ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "This file is a picture (PNG)"),
    ("ledger.xlsx", zip_of({"ledger.txt": b"not a workbook"}), "This file is a zip archive"),
    ("balance-sheet-FY2024-25.xlsx", WORD_AS_XLSX, "This file is a Word document"),
    (
        "tb.csv",
        b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8,
        "This file is not a document the product knows (binary data)",
    ),
    (
        "export.xls",
        b"<html><table><tr><td>1</td></tr></table></html>",
        "This file is a web page (HTML)",
    ),
    ("blank.pdf", b"", "The file is empty"),
]


@pytest.mark.parametrize(("name", "content", "why"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_file_that_is_no_statement_is_refused_by_its_content(api, project, name, content, why):
    response = post_files(api, project, upload(name, content), upload("good.pdf"))
    assert response.status_code == 201
    [rejected] = response.data["rejected"]
    assert rejected["name"] == name
    assert rejected["error"].startswith(f"{name} was refused. {why}")
    assert "Upload" in rejected["error"] or "upload" in rejected["error"]  # what to do
    assert [f["original_name"] for f in response.data["files"]] == ["good.pdf"]
    entry = AuditEntry.objects.get(action=audit.FILE_REJECTED, project=project)
    assert entry.message == rejected["error"]


def test_only_refused_files_is_a_400_that_names_each(api, project):
    response = post_files(
        api, project, upload("a.pdf", b"GIF89a...."), upload("b.xlsx", b"PK\x03\x04 cut short")
    )
    assert response.status_code == 400
    assert [r["name"] for r in response.data["rejected"]] == ["a.pdf", "b.xlsx"]
    assert not project.files.exists()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("statement.pdf", workbook_bytes(), "xlsx"),  # misnamed, still a workbook
        ("Balance Sheet.xlsx", PDF, "pdf"),
        ("tb.txt", b"Particulars,Debit,Credit\nCash,100,\nCapital,,100\n", "csv"),
    ],
)
def test_the_type_is_read_from_the_content_and_recorded(api, project, name, content, kind):
    response = post_files(api, project, upload(name, content))
    assert response.status_code == 201
    stored = project.files.get()
    assert stored.detected_type == kind
    assert stored.file.name.endswith(f".{kind}")
    assert stored.file.read() == content


# Stored names ----------------------------------------------------------------------------

HOSTILE_NAMES = [
    "../../etc/passwd",
    "..\\..\\windows\\win.ini.pdf",
    "<script>alert(1)</script>.pdf",
    "statement\x00.pdf.exe",
    "C:statement.pdf",
    "a" * 400 + ".pdf",
    "%2e%2e%2fsecret.pdf",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_file_name_is_data_never_a_path(api, project, media_root, name):
    response = api.generic(
        "POST",
        files_url(project),
        multipart((name, b"%PDF-1.4 " + name.encode(errors="replace"))),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )
    assert response.status_code == 201, response.content
    stored = project.files.get()
    assert re.fullmatch(rf"projects/{project.pk}/uploads/[0-9a-f]{{32}}\.pdf", stored.file.name)
    everything = [p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file()]
    assert [str(p) for p in everything] == [stored.file.name]
    assert stored.original_name and len(stored.original_name) <= 255
    assert not set(stored.original_name) & {"/", "\\", "\x00"}


def test_a_file_name_with_control_characters_is_stored_printable(project, ca):
    """Services take files from commands and tests too, without the multipart cleaning."""
    [outcome] = upload_files(project, [upload("bank\x00 statement\x1b.pdf")], acting_user=ca)
    assert outcome.file.original_name == "bank statement.pdf"
    assert outcome.file.file.name.endswith(".pdf")


def test_existing_uploads_move_to_names_of_ours(project):
    """The migration that moves files stored under the client's name."""
    old = default_storage.save(
        f"projects/{project.pk}/uploads/{'a' * 32}/Balance Sheet FY25.pdf",
        ContentFile(b"%PDF-1.4 old upload"),
    )
    source = SourceFile.objects.create(
        project=project,
        original_name="Balance Sheet FY25.pdf",
        file=old,
        size=19,
        sha256="c" * 64,
        detected_type="pdf",
    )
    migration = importlib.import_module("projects.migrations.0002_generated_upload_names")
    migration.rename_uploads(apps, None)
    source.refresh_from_db()
    assert re.fullmatch(rf"projects/{project.pk}/uploads/[0-9a-f]{{32}}\.pdf", source.file.name)
    assert source.file.read() == b"%PDF-1.4 old upload"
    assert not default_storage.exists(old)


# Archives --------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_at_upload(api, project):
    bomb = xlsx_bomb(40 * 1024 * 1024)
    assert len(bomb) < 100 * 1024  # 40 MB of sheet in under 100 KB
    response = post_files(api, project, upload("Tally export.xlsx", bomb), upload("ok.pdf"))
    [rejected] = response.data["rejected"]
    assert rejected["error"].startswith(
        "Tally export.xlsx was refused. The file is too large to read safely: one part is "
        "compressed"
    )
    assert "(a zip bomb)" in rejected["error"]
    assert [f["original_name"] for f in response.data["files"]] == ["ok.pdf"]


def test_a_workbook_that_unpacks_past_the_limit_is_refused(api, project, settings):
    settings.EXTRACT_MAX_UNZIPPED_BYTES = 1024 * 1024
    response = post_files(api, project, upload("big.xlsx", xlsx_bomb(3 * 1024 * 1024)))
    assert response.status_code == 400
    assert response.data["rejected"][0]["error"].startswith(
        "big.xlsx was refused. The file is too large to read safely: it unpacks to 3 MB."
    )


def test_a_real_workbook_passes_the_archive_checks(api, project):
    response = post_files(api, project, upload("tb.xlsx", workbook_bytes()))
    assert response.status_code == 201
    assert project.files.get().detected_type == "xlsx"


def test_upload_files_of_a_service_caller_are_checked_too(project, ca):
    outcomes = upload_files(
        project, [SimpleUploadedFile("x.pdf", b"\xff\xd8\xff\xe0 jpeg")], acting_user=ca
    )
    assert outcomes[0].error.startswith("x.pdf was refused. This file is a picture (JPEG)")
