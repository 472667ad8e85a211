"""The arrow points one way: the core never imports Qt, the UI never touches SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module.split(".")[0])
    return modules


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("fest_desktop", {"PySide6", "ui", "shiboken6"}), ("ui", {"sqlalchemy", "alembic"})],
)
def test_layers_do_not_import_across(package: str, forbidden: set[str]) -> None:
    offenders = {
        str(path.relative_to(PROJECT_ROOT)): sorted(imported_modules(path) & forbidden)
        for path in (PROJECT_ROOT / package).rglob("*.py")
        if imported_modules(path) & forbidden
    }
    assert offenders == {}
