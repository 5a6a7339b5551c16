"""Showing a screen the way the window's tests look at it."""

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

# The main window's page area in the 1280×800 window the screenshots use.
PAGE_SIZE = (1130, 760)


class Page(Protocol):
    """A screen of the window: a widget that loads its data in refresh()."""

    def resize(self, w: int, h: int, /) -> None: ...
    def show(self) -> None: ...
    def refresh(self) -> None: ...


PageT = TypeVar("PageT", bound=Page)


def shown(qtbot: QtBot, page: PageT, size: tuple[int, int] | None = PAGE_SIZE) -> PageT:
    """Hand the page to qtbot (closed after the test), give it ``size`` (None: its own), show it and let it
    load its data; returns it, for a fixture to return."""
    qtbot.addWidget(page)
    if size is not None:
        page.resize(*size)
    page.show()
    page.refresh()
    return page


class FileDialogs:
    """Stands in for QFileDialog's static functions: answers in turn and records where each one started."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: list[str] = []
        self.asked: list[dict[str, str]] = []
        for name in ("getSaveFileName", "getOpenFileName"):
            monkeypatch.setattr(QFileDialog, name, self._answer(name))

    def _answer(self, kind: str) -> Callable[[Any, str, str, str], tuple[str, str]]:
        def answer(_parent: Any, caption: str, directory: str, filters: str) -> tuple[str, str]:
            self.asked.append({"kind": kind, "caption": caption, "directory": directory, "filter": filters})
            return self.answers.pop(0), ""

        return answer


def every_page(window: Any) -> list[Any]:
    """The main window's pages in navigation order, each built now (the window builds a page when first
    shown)."""
    return [window.stack.page(row) for row in range(len(window.stack.specs))]
