"""The cast's building blocks, importable by any test module (fixtures are in conftest.py)."""

from __future__ import annotations

import io

import openpyxl
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from projects.models import Firm, Membership

PASSWORD = "a-long-test-password"


def make_member(firm: Firm, email: str, role: str):
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    Membership.objects.create(user=user, firm=firm, role=role)
    return user


def api_client_for(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def upload(name: str = "statement.pdf", content: bytes = b"%PDF-1.4 test") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def workbook_bytes(*rows: tuple) -> bytes:
    """A real .xlsx (uploads are admitted by their content, not their name)."""
    book = openpyxl.Workbook()
    for row in rows or [("Particulars", "FY2025"), ("Sundry debtors", 125000)]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
