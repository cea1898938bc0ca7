"""What an uploaded file must pass before it is stored: its size, its real type, its zip.

The client's file name and content type are never trusted. The size is
counted while the request streams in (`SizeLimitHandler`), before any byte is
kept; the type comes from the bytes (`pipeline.readers.sniff`); an .xlsx (a
zip: its declared sizes, shared strings and rows) and a CSV (its lines) are
checked as the extract step checks them (`pipeline.readers.loaders.check_limits`),
so a decompression bomb or a file too heavy to read is refused at the door
instead of holding a worker later.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from pipeline.readers.document import ReaderError
from pipeline.readers.loaders import check_limits
from pipeline.readers.sniff import CSV, sniff
from pipeline.steps.extract import limits


class Refused(Exception):
    """The file cannot be stored; `message` names it, says why and what to upload instead."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Admitted:
    data: bytes
    kind: str  # pipeline.readers.sniff: PDF, XLSX, XLS or CSV
    sha256: str  # of `data`, to refuse a second copy before anything is stored


def admit(upload: UploadedFile, name: str) -> Admitted:
    """The upload's bytes, real type and digest, or Refused.

    1. The size: known before reading; the bytes are read (and hashed) chunk by
       chunk, and reading stops past the limit, whatever the size claims.
    2. The type from the content: PDF, Excel (.xlsx, .xls) or CSV text.
    3. An .xlsx: its declared unzipped size and compression ratios, then its shared
       strings and rows; a CSV: its lines (the extract step's limits, pipeline.readers).
    """
    limit = settings.EXTRACT_MAX_FILE_BYTES
    data, digest = _read(upload, limit) if upload.size <= limit else (b"", "")
    if upload.size > limit or len(data) > limit:
        raise Refused(
            f"{name} is larger than {_size(limit)}; split it or "
            "upload the statements without scanned annexures."
        )
    try:
        kind = sniff(name, data).kind
        check_limits(kind, data, limits())
    except ReaderError as error:
        raise Refused(f"{name} was refused. {error.message} {error.hint}") from error
    if kind == CSV and PurePath(name).suffix.lower() == ".pdf":
        raise Refused(_text_named_pdf(name, data))
    return Admitted(data, kind, digest)


def _text_named_pdf(name: str, data: bytes) -> str:
    """A .pdf holding text: a CA meant the statement's PDF, so it is refused, never read
    as the CSV it happens to parse as; the sentence quotes how the text begins."""
    first = next(
        (line for line in data.decode("utf-8", "replace").splitlines() if line.strip()), ""
    )
    first = first.strip()
    excerpt = first if len(first) <= 60 else first[:57] + "…"
    return (
        f"{name}: this file is plain text, not a PDF: it begins “{excerpt}”. Upload the "
        "statements' PDF, or name a text export from Tally .csv to have it read as one."
    )


def _read(upload: UploadedFile, limit: int) -> tuple[bytes, str]:
    """At most `limit` + 1 bytes of the upload, and their SHA-256."""
    chunks, digest, received = [], hashlib.sha256(), 0
    for chunk in upload.chunks():
        chunk = chunk[: limit + 1 - received]
        chunks.append(chunk)
        digest.update(chunk)
        received += len(chunk)
        if received > limit:
            break
    return b"".join(chunks), digest.hexdigest()


def _size(limit: int) -> str:
    megabytes = limit / (1024 * 1024)
    return f"{megabytes:.0f} MB" if megabytes >= 1 else f"{limit // 1024} KB"


def display_name(raw: str | None) -> str:
    """The client's file name as data: printable characters only, at most 255 of them."""
    name = "".join(char for char in raw or "" if char.isprintable()).strip()
    return name[:255] or "upload"


class SizeLimitHandler(FileUploadHandler):
    """First of FILE_UPLOAD_HANDLERS: past EXTRACT_MAX_FILE_BYTES, a file's bytes go nowhere.

    The later handlers (memory, then a temporary file) stop receiving the
    file's chunks, so an oversized file costs neither memory nor disk; the
    view gets an empty `Oversized` with the size that was sent, which the
    service refuses by name.
    """

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        return raw_data if self.received <= settings.EXTRACT_MAX_FILE_BYTES else None

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if self.received <= settings.EXTRACT_MAX_FILE_BYTES:
            return None  # the next handler has the whole file
        return Oversized(io.BytesIO(), self.file_name, self.content_type, self.received)


class Oversized(UploadedFile):
    """A file that was too large: its name and size, none of its bytes."""
