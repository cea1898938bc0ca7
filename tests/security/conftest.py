"""The security tests' cast: one firm's objects (the target) and the other firm's members."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from pipeline.models import CmaResult
from projects.models import Role
from projects.services import upload_files
from tests.cast import make_member, upload
from tests.reviews.builders import review_item_of
from tests.security.routes import Target


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Dozens of members per module: hash their passwords cheaply (nothing here signs in
    with one)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def printed_row_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (120, 16), 255).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def target(project, ca, second_ca) -> Target:
    """A project with a file, a pending review item (with the picture of its printed row,
    as an amount to confirm has), a generated CMA, and a second member."""
    upload_files(project, [upload()], acting_user=ca)
    item = review_item_of(project, "Sundry debtors of Sri Balaji")
    item.crop = printed_row_png()
    item.save(update_fields=["crop"])
    CmaResult.objects.create(
        project=project,
        document={"schema": "cma/1", "rows": {}},
        workbook=ContentFile(b"PK workbook of Sri Balaji", name="cma.xlsx"),
    )
    return Target(project=project, review_item=item, member=second_ca.membership)


@pytest.fixture
def outsiders(other_firm, other_ca) -> list:
    """The other firm's CA, owner and staff: every role, so that no role check hides a leak."""
    return [
        other_ca,
        make_member(other_firm, "owner@mehta-jain.in", Role.OWNER),
        make_member(other_firm, "clerk@mehta-jain.in", Role.STAFF),
    ]
