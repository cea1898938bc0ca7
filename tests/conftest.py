"""The cast every test can use, and paths to the shared samples."""

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "samples"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES
