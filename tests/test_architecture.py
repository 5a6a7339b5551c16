"""The package's shape: imports flow downward, and no module grows past a screenful of screens.

Every module under biv_desktop is parsed with ``ast`` (nothing is imported) and each import it makes,
anywhere in the file, is checked against these rules. "Layer" is the first name after ``biv_desktop``.

1. ``domain`` imports nothing of ours outside ``biv_desktop.domain``.
2. Only ``ui`` imports Qt (PySide6, shiboken6): not even lazily inside a function elsewhere.
3. ``store`` and ``domain`` never import ``services``, ``reports``, ``ui`` or ``cli``.
4. ``services`` and ``reports`` never import ``ui`` or ``cli``.
5. ``ui`` never imports SQLAlchemy, Alembic or sqlite3, and from ``biv_desktop.store`` only the three
   modules it needs to open a file and show why it cannot: ``store.errors``, ``store.register`` and
   ``store.database`` (for the ``Database`` handle it passes to services). Never ``store.models``.
6. ``cli`` reaches ``ui`` only inside a function, so headless commands never load Qt.
7. ``ui`` and ``cli`` reach ``services`` only through an area's face, ``biv_desktop.services.<area>``
   (its ``__init__``), never a module inside the area. ``services.validation`` is shared by the areas only.

Imports under ``if TYPE_CHECKING:`` count like any other: they state a dependency just the same; so do
a lazy face's, which stand in its stub ``__init__.pyi`` (services/faces.py).
Every module stays under 450 lines; Alembic's generated ``store/migrations/versions`` are excepted.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import biv_desktop

PACKAGE = Path(biv_desktop.__file__).resolve().parent
MAX_LINES = 450
QT = ("PySide6", "shiboken6")
UI_MAY_USE_FROM_STORE = (
    "biv_desktop.store.errors",
    "biv_desktop.store.register",
    "biv_desktop.store.database",
)


@dataclass(frozen=True)
class Import:
    """One module a module imports: the full dotted name, where, and whether at module level."""

    name: str
    line: int
    top_level: bool


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def all_sources() -> list[tuple[str, Path]]:
    """Each module's file with its name, and a lazy face's stub (``__init__.pyi``) under the face's name."""
    return [(module_name(path), path) for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.pyi")])]


def imports_of(source: str, module: str, is_package: bool, known: set[str]) -> list[Import]:
    """Every import in ``source``, relative ones resolved; ``from a import b`` is ``a.b`` when that is a module."""
    found: list[Import] = []

    def visit(node: ast.AST, top_level: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = top_level and not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.Import):
                found.extend(Import(alias.name, child.lineno, top_level) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = module.split(".")
                    anchor = anchor if is_package else anchor[:-1]
                    anchor = anchor[: len(anchor) - (child.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in child.names:
                    candidate = f"{base}.{alias.name}"
                    found.append(Import(candidate if candidate in known else base, child.lineno, top_level))
            visit(child, inner)

    visit(ast.parse(source), True)
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def within(name: str, *prefixes: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def broken_rules(module: str, imports: list[Import]) -> list[str]:
    """The import rules ``module`` breaks, one line each."""
    own = layer(module)
    problems = []
    for imported in imports:
        where = f"{module}:{imported.line} imports {imported.name}"
        ours = within(imported.name, "biv_desktop")
        target = layer(imported.name) if ours else ""
        if own == "domain" and ours and target != "domain":
            problems.append(f"{where}: domain imports nothing of ours")
        if own != "ui" and within(imported.name, *QT):
            problems.append(f"{where}: only ui imports Qt")
        if own in ("store", "domain") and target in ("services", "reports", "ui", "cli"):
            problems.append(f"{where}: {own} sits below {target}")
        if own in ("services", "reports") and target in ("ui", "cli"):
            problems.append(f"{where}: {own} sits below {target}")
        if own == "ui" and within(imported.name, "sqlalchemy", "alembic", "sqlite3"):
            problems.append(f"{where}: ui talks to services, never to the database")
        if own == "ui" and target == "store" and not within(imported.name, *UI_MAY_USE_FROM_STORE):
            problems.append(f"{where}: ui may use only {', '.join(UI_MAY_USE_FROM_STORE)} from store")
        if own in ("ui", "cli") and target == "services" and len(imported.name.split(".")) != 3:
            problems.append(f"{where}: {own} imports an area's face, biv_desktop.services.<area>, only")
        if own == "cli" and target == "ui" and imported.top_level:
            problems.append(f"{where}: cli imports ui only inside a function")
    return problems


def test_imports_flow_downward() -> None:
    modules = all_modules()
    assert {"biv_desktop.domain.enums", "biv_desktop.store.database"} <= set(modules)
    problems = []
    for module, path in all_sources():
        imports = imports_of(path.read_text(encoding="utf-8"), module, path.stem == "__init__", set(modules))
        problems.extend(broken_rules(module, imports))
    assert problems == []


def test_the_import_check_catches_what_it_should() -> None:
    """The rules above find real breaches, including relative, lazy and TYPE_CHECKING imports."""
    known = {"biv_desktop.store", "biv_desktop.store.models", "biv_desktop.ui.app"}
    source = (
        "from typing import TYPE_CHECKING\n"
        "from .. import store\n"
        "from ..store import models\n"
        "if TYPE_CHECKING:\n"
        "    from sqlalchemy.orm import Session\n"
        "def show():\n"
        "    import PySide6.QtWidgets\n"
        "    from biv_desktop.ui import app\n"
    )
    found = imports_of(source, "biv_desktop.services.demo_case", False, known)
    assert [(i.name, i.top_level) for i in found] == [
        ("typing", True),
        ("biv_desktop.store", True),
        ("biv_desktop.store.models", True),
        ("sqlalchemy.orm", True),
        ("PySide6.QtWidgets", False),
        ("biv_desktop.ui.app", False),
    ]
    assert len(broken_rules("biv_desktop.services.demo_case", found)) == 2  # Qt, and ui from services
    assert len(broken_rules("biv_desktop.ui.some_page", found)) == 3  # store.models, store, sqlalchemy
    assert len(broken_rules("biv_desktop.domain.rules", found)) == 5
    cli = imports_of("from biv_desktop.ui import app\n", "biv_desktop.cli", False, known)
    assert broken_rules("biv_desktop.cli", cli) == [
        "biv_desktop.cli:1 imports biv_desktop.ui.app: cli imports ui only inside a function"
    ]
    inner = imports_of(
        "from biv_desktop.services.groups.detail import group_detail\nfrom biv_desktop.services.groups import x\n",
        "biv_desktop.ui.page",
        False,
        {"biv_desktop.services.groups", "biv_desktop.services.groups.detail"},
    )
    assert broken_rules("biv_desktop.ui.page", inner) == [
        "biv_desktop.ui.page:1 imports biv_desktop.services.groups.detail: "
        "ui imports an area's face, biv_desktop.services.<area>, only"
    ]
    lazy = imports_of("def main():\n    from biv_desktop.ui import app\n", "biv_desktop.cli", False, known)
    assert broken_rules("biv_desktop.cli", lazy) == []


def test_every_module_is_under_450_lines() -> None:
    generated = PACKAGE / "store" / "migrations" / "versions"
    too_long = {
        str(path.relative_to(PACKAGE.parent)): lines
        for path in PACKAGE.rglob("*.py")
        if generated not in path.parents
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) >= MAX_LINES
    }
    assert too_long == {}


def area_dependencies() -> dict[str, set[str]]:
    """Which service areas each area's modules import (the shared ``services.validation`` aside)."""
    modules = all_modules()
    found: dict[str, set[str]] = {}
    for module, path in all_sources():
        parts = module.split(".")
        if len(parts) < 3 or parts[1] != "services" or parts[2] == "validation":
            continue
        imports = imports_of(path.read_text(encoding="utf-8"), module, path.stem == "__init__", set(modules))
        found.setdefault(parts[2], set()).update(
            name.split(".")[2]
            for name in (imported.name for imported in imports)
            if name.startswith("biv_desktop.services.") and name.split(".")[2] not in (parts[2], "validation")
        )
    return found


def test_service_areas_depend_on_each_other_without_a_cycle() -> None:
    """A module imports the other areas' modules it uses as it is imported: a cycle breaks on import order."""
    graph = area_dependencies()
    assert {"groups", "schedule", "register"} <= graph.keys()
    assert "followup" in graph["staff"]  # only the staff face's stub imports from follow-up: stubs are read
    finished: set[str] = set()

    def visit(area: str, path: tuple[str, ...]) -> None:
        assert area not in path, f"service areas import each other in a cycle: {' -> '.join((*path, area))}"
        if area in finished:
            return
        for other in sorted(graph.get(area, ())):
            visit(other, (*path, area))
        finished.add(area)

    for area in sorted(graph):
        visit(area, ())
