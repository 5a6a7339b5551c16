"""reports draws from read models: it may use domain (and services' read models) but never Qt or SQLAlchemy."""

import ast
from pathlib import Path

import biv_desktop.reports

FORBIDDEN = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "biv_desktop.ui")


def imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_reports_import_neither_qt_nor_the_database() -> None:
    package = Path(biv_desktop.reports.__file__).parent
    sources = sorted(package.rglob("*.py"))
    assert sources
    for source in sources:
        for module in imported_modules(source):
            assert not module.startswith(FORBIDDEN), f"{source.name} imports {module}"
