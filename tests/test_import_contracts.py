"""The import contracts of pyproject.toml ([tool.importlinter]) hold, and they bite:
lint-imports passes on the repository and fails on a copy with an upward import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("projects", "pipeline", "reviews", "cmaproject")


def lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


def test_the_contracts_hold():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def copy_of_the_code(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    return tmp_path


def test_a_reader_that_imports_a_project_breaks_a_contract(tmp_path):
    root = copy_of_the_code(tmp_path)
    sniff = root / "pipeline" / "readers" / "sniff.py"
    sniff.write_text(sniff.read_text() + "\nfrom projects.models import Project  # noqa\n")
    result = lint(root)
    assert result.returncode != 0
    assert "The readers, the classifier and the CMA know nothing" in result.stdout


def test_a_cycle_breaks_a_contract(tmp_path):
    root = copy_of_the_code(tmp_path)
    errors = root / "pipeline" / "errors.py"
    errors.write_text(errors.read_text() + "\nimport pipeline.orchestrator  # noqa\n")
    result = lint(root)
    assert result.returncode != 0
    assert "No cycle between the pipeline's parts" in result.stdout
