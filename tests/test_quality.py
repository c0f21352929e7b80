"""The house rules that a test can check: lint, types, layering, import cost."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CORE = ("calc", "notes", "bank", "question", "sched", "exam", "study")
FORBIDDEN_IN_CORE = ("typer", "rich", "sqlalchemy", "awsprep.store", "awsprep.ui", "awsprep.cli")


def test_ruff_clean() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "awsprep", "tests", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy_clean(mypy_result: tuple[int, str]) -> None:
    code, output = mypy_result
    assert code == 0, output


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", CORE)
def test_core_does_not_import_ui_store_or_frameworks(package: str) -> None:
    for path in sorted((ROOT / "awsprep" / package).rglob("*.py")):
        bad = {n for n in _imports(path) for f in FORBIDDEN_IN_CORE if n == f or n.startswith(f + ".")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


CLOCK_AND_CHANCE = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("time", "monotonic"),
    ("time", "sleep"),
    ("random", "random"),
    ("random", "choice"),
    ("random", "shuffle"),
    ("random", "randint"),
    ("random", "sample"),
}


@pytest.mark.parametrize("package", CORE)
def test_core_never_reads_the_clock_or_global_randomness(package: str) -> None:
    for path in sorted((ROOT / "awsprep" / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                assert (node.value.id, node.attr) not in CLOCK_AND_CHANCE, (
                    f"{path.relative_to(ROOT)}:{node.lineno} uses {node.value.id}.{node.attr}"
                )


def test_tests_never_sleep() -> None:
    """Tests move fake clocks (tests/fake_clock.py, AWSPREP_NOW) instead of sleeping; a test of a real
    process waits for its output, never for time to pass."""
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
            assert name != "sleep", f"{path.relative_to(ROOT)}:{node.lineno} sleeps"


def test_only_store_imports_sqlalchemy() -> None:
    for path in sorted((ROOT / "awsprep").rglob("*.py")):
        if "store" in path.relative_to(ROOT).parts:
            continue
        assert not any(n.split(".")[0] == "sqlalchemy" for n in _imports(path)), path


def test_help_does_not_import_sqlalchemy() -> None:
    code = (
        "import sys\nfrom awsprep.cli.main import app\n"
        "from typer.testing import CliRunner\nCliRunner().invoke(app, ['--help'])\n"
        "print('sqlalchemy' in sys.modules)"
    )
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "False"
