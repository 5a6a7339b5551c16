"""The preview of a long print pack draws its pages as they come into view, not all at once (a term's
hundred pages took seconds and hundreds of megabytes), and every page the user scrolls to is drawn."""

import datetime as dt
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from biv_desktop.ui.printing import preview, print_pack
from biv_desktop.ui.printing.pages import render_page

WEEK = (dt.date(2026, 3, 9), dt.date(2026, 3, 15))


def test_pages_are_drawn_as_they_are_scrolled_into_view(qtbot: QtBot, register: Any) -> None:
    dialog = print_pack(None, register.database, *WEEK)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    first, *_middle, last = dialog.page_labels
    assert not first.pixmap().isNull()
    assert first.pixmap().height() > first.pixmap().width() * 1.3, "an A4 page standing up"
    assert last.pixmap().isNull(), "a page far below the view is still a blank sheet"
    assert last.size() == first.size(), "a blank sheet holds the place of its page"
    bar = dialog.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert not last.pixmap().isNull()
    assert last.pixmap().deviceIndependentSize().toSize() == last.size()


def test_opening_the_preview_draws_its_pages_once(
    qtbot: QtBot, register: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[int] = []

    def render(*args: Any, **kwargs: Any) -> Any:
        drawn.append(args[1])
        return real_render(*args, **kwargs)

    real_render = render_page
    monkeypatch.setattr(preview, "render_page", render)
    dialog = print_pack(None, register.database, *WEEK)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    qtbot.wait(400)  # longer than the preview waits before drawing again after a resize
    assert drawn and drawn.count(0) == 1, "the first page is drawn once, not again as the window settles"
    assert len(dialog.page_labels) == len(dialog.current().document() or [])
