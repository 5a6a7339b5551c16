"""An area's public face that loads each of the area's modules when one of its names is first used.

A face re-exports its area's names; importing every module of the area with it cost the window's start
and each command the imports (and dataclass building) of modules they never call: the session sheet
command loaded the whole attendance, staff and follow-up areas through one type.

Such a face lists its names once, in a stub ``__init__.pyi`` beside its ``__init__.py`` (Scientific
Python's SPEC 1 lazy loading), one re-export per name::

    from biv_desktop.services.area.module import Name as Name

The type checker reads the stub instead of the ``__init__.py`` (the ``as`` form is what exports a name
from a stub), and the ``__init__.py`` builds its ``__getattr__`` and ``__all__`` from the same stub::

    __getattr__, __all__ = lazy_face(__name__, __file__)

The frozen program ships the stubs as data and the areas' modules as hidden imports
(packaging/biv-desktop.spec), since nothing imports those modules where PyInstaller could see it.
(The ``lazy_loader`` package reads the same stubs, but only imports from within the package itself:
three faces also pass on a name from the domain or another area.)
"""

import ast
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def stub_names(stub: Path) -> dict[str, str]:
    """The names a face's stub re-exports, each with the module it comes from."""
    modules: dict[str, str] = {}
    for node in ast.parse(stub.read_text(encoding="utf-8"), str(stub)).body:
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level or node.module is None:
            raise ValueError(f"{stub}:{node.lineno}: a face's stub imports by the module's full name")
        for alias in node.names:
            if alias.asname != alias.name:
                raise ValueError(f"{stub}:{node.lineno}: write {alias.name} as {alias.name} to pass it on")
            modules[alias.name] = node.module
    return modules


def lazy_face(package: str, file: str) -> tuple[Callable[[str], Any], list[str]]:
    """The face's module ``__getattr__`` and ``__all__``: a name its stub lists is imported on first use and kept."""
    modules = stub_names(Path(file).with_suffix(".pyi"))

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)  # found directly from now on
        return value

    return __getattr__, sorted(modules)
