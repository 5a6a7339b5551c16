"""PySide6's look at every module imported after it, made without keeping the module's source in memory.

Importing PySide6 replaces Python's import with one that, after each new module, asks whether the module
uses PySide6 (for PySide's optional ``from __feature__ import snake_case``, which this program never uses).
PySide6 answers by reading the module's whole source through ``inspect.getsource``, which tokenizes the file
and keeps every line of it in ``linecache`` for the rest of the process. Over the window's start (SQLAlchemy,
reportlab and our own modules) that was 22 MiB of source text held for nothing.

``answer_without_keeping_source`` puts in its place a look that gives the same answer (does the file's text
name "PySide6"?) from the file's bytes, and keeps nothing. It does so only where PySide6 has the function it
replaces; another PySide6 release keeps its own way.
"""

import sys
from collections.abc import Callable
from types import ModuleType

# Where PySide6 (6.4 and later) keeps the function that looks at each imported module.
_FEATURE_MODULE = "shibokensupport.feature"
_LOOK = "_mod_uses_pyside"
_NAME = b"PySide6"


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source file names PySide6: False for a module without one (built in, compiled,
    or frozen into the program), as PySide6's own look says."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return _NAME in source.read()
    except OSError:
        return False


def answer_without_keeping_source() -> bool:
    """Once PySide6 is imported: look at later modules with ``uses_pyside``. True if it now does."""
    import PySide6.QtCore  # noqa: F401  (loads PySide6's support modules, the feature module among them)

    feature = sys.modules.get(_FEATURE_MODULE)
    current: Callable[[ModuleType], bool] | None = getattr(feature, _LOOK, None)
    if feature is None or current is None:
        return False
    setattr(feature, _LOOK, uses_pyside)
    return True
