"""An area's public face that loads each of the area's modules when one of its names is first used.

A face re-exports its area's names; importing every module of the area with it cost the window's start
and each command the imports (and dataclass building) of modules they never call: the session sheet
command loaded the whole attendance, staff and follow-up areas through one type. A face lists its names
under ``if TYPE_CHECKING:`` (for the type checker and PyInstaller, which read those imports) and hands
the same names, by module, to ``lazy_face``::

    __getattr__ = lazy_face(__name__, {"biv_desktop.services.area.module": ("name", ...)})
"""

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def lazy_face(package: str, names_by_module: Mapping[str, Iterable[str]]) -> Callable[[str], Any]:
    """The face's module ``__getattr__``: a listed name is imported from its module on first use and kept."""
    modules = {name: module for module, names in names_by_module.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)  # found directly from now on
        return value

    return __getattr__
