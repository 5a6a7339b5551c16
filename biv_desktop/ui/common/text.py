"""The one ``tr``: Qt's translation with a context named once per module or area."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


def translator(context: str) -> Callable[[str], str]:
    """A ``tr(text)`` for module-level code, translating in ``context`` (e.g. "People")."""

    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)

    tr.__doc__ = f"Translate text in the {context!r} context."
    return tr
