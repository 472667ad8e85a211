"""The arrows point one way: the core never imports Qt, the UI never touches SQL, and inside the core
each capability imports only the ones below it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

CORE = PROJECT_ROOT / "fest_desktop"
# The core's packages and what each may import, besides the shared modules at the top of the core
# and any package's vocabulary (its kinds module, which imports nothing else of the core). Order from
# the bottom: files and storage, the school, then what a festival does with it, the command line last.
BELOW = {
    "files": set(),
    "storage": {"files"},
    "school": {"storage", "files"},
    "calendar": {"storage", "files", "school"},
    "registration": {"storage", "files", "school"},
    "practice": {"storage", "files", "school", "registration"},
    "scoring": {"storage", "files", "school", "registration"},
    "awards": {"storage", "files", "school", "registration", "scoring", "practice"},
    "phones": {"storage", "files", "school", "registration", "scoring"},
    "certificates": {"storage", "files", "school", "registration", "scoring", "awards"},
    "new_festival": {"storage", "files", "school", "registration", "practice", "awards", "certificates"},
    "demo": {
        "storage",
        "files",
        "school",
        "calendar",
        "registration",
        "practice",
        "scoring",
        "awards",
        "new_festival",
    },
    "summary": {"storage", "files", "school", "registration", "practice", "scoring", "awards"},
    "cli": {
        "storage",
        "files",
        "school",
        "calendar",
        "registration",
        "practice",
        "scoring",
        "awards",
        "certificates",
        "new_festival",
        "demo",
        "phones",
        "summary",
    },
}


def imports(path: Path) -> set[str]:
    """Every module path imported (anywhere in the file), as written."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def top_levels(path: Path) -> set[str]:
    return {module.split(".")[0] for module in imports(path)}


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("fest_desktop", {"PySide6", "ui", "shiboken6"}), ("ui", {"sqlalchemy", "alembic"})],
)
def test_layers_do_not_import_across(package: str, forbidden: set[str]) -> None:
    offenders = {
        str(path.relative_to(PROJECT_ROOT)): sorted(top_levels(path) & forbidden)
        for path in (PROJECT_ROOT / package).rglob("*.py")
        if top_levels(path) & forbidden
    }
    assert offenders == {}


def test_every_core_package_has_its_place() -> None:
    packages = {path.parent.name for path in CORE.glob("*/__init__.py")}
    assert packages == set(BELOW)


def test_core_packages_import_only_those_below_them() -> None:
    offenders: dict[str, list[str]] = {}
    for package, allowed in BELOW.items():
        for path in (CORE / package).rglob("*.py"):
            wrong = sorted(
                {
                    module.split(".")[1]
                    for module in imports(path)
                    if module.startswith("fest_desktop.")
                    and (CORE / module.split(".")[1] / "__init__.py").exists()
                    and module.split(".")[1] not in allowed | {package}
                    and not module.startswith(f"fest_desktop.{module.split('.')[1]}.kinds")
                }
            )
            if wrong:
                offenders[str(path.relative_to(PROJECT_ROOT))] = wrong
    assert offenders == {}


def test_a_vocabulary_imports_nothing_of_the_core_but_errors() -> None:
    offenders = {
        str(path.relative_to(PROJECT_ROOT)): sorted(found)
        for path in CORE.glob("*/kinds.py")
        if (
            found := {
                module
                for module in imports(path)
                if module.startswith("fest_desktop")
                and module not in ("fest_desktop.errors",)
                and not module.startswith("fest_desktop.errors.")
            }
        )
    }
    assert offenders == {}
