"""The handbook: F1 on every page opens its section, Hjälp → Handbok the contents, and every file it shows is there."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from biv_desktop.ui.handbook.sections import CHAPTERS, CONTENTS, PAGE_SECTIONS, handbook_dir
from biv_desktop.ui.handbook.window import HandbookWindow
from biv_desktop.ui.main_window import MainWindow

CHECKOUT = Path(__file__).resolve().parents[2]


class Links(HTMLParser):
    """The pictures, links and anchors of one handbook page."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.links: list[str] = []
        self.anchors: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img":
            self.images.append(values["src"] or "")
            assert values.get("alt"), f"a picture without a description: {values['src']}"
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "a" and values.get("name"):
            self.anchors.add(values["name"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(name: str) -> Links:
    links = Links()
    links.feed((handbook_dir() / name).read_text(encoding="utf-8"))
    return links


def pages() -> list[str]:
    return sorted(path.name for path in handbook_dir().glob("*.html"))


def test_every_chapter_is_a_page_of_the_handbook() -> None:
    assert sorted(section.file for section in (CONTENTS, *CHAPTERS)) == pages()
    contents = parsed(CONTENTS.file)
    assert [link for link in contents.links if not link.startswith("http")] == [
        section.file for section in CHAPTERS
    ]


@pytest.mark.parametrize("name", pages())
def test_every_picture_and_link_of_a_page_is_there(name: str) -> None:
    page = parsed(name)
    for image in page.images:
        assert (handbook_dir() / image).is_file(), f"{name}: {image}"
    for link in page.links:
        if link.startswith("http"):
            continue
        target, _, anchor = link.partition("#")
        target = target or name
        assert (handbook_dir() / target).is_file(), f"{name}: {link}"
        if anchor:
            assert anchor in parsed(target).anchors, f"{name}: {link}"


def test_every_picture_in_the_folder_is_used_and_small() -> None:
    used = {image for name in pages() for image in parsed(name).images}
    pictures = {f"bilder/{path.name}" for path in (handbook_dir() / "bilder").iterdir()}
    assert pictures == used
    for picture in pictures:
        assert (handbook_dir() / picture).stat().st_size < 250_000, picture


def test_the_handbook_ships_in_the_wheel_and_the_frozen_program() -> None:
    pyproject = (CHECKOUT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"resources/handbook" = "biv_desktop/resources/handbook"' in pyproject
    spec = (CHECKOUT / "packaging" / "biv-desktop.spec").read_text(encoding="utf-8")
    assert re.search(r'"resources" / "handbook"\), "biv_desktop/resources/handbook"', spec)


def test_f1_on_every_page_opens_the_handbook_at_its_section(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        page = window.current_page()
        section = PAGE_SECTIONS[type(page).__name__]
        qtbot.keyClick(window.navigation, Qt.Key.Key_F1)
        handbook = window.handbook.window
        assert handbook is not None and handbook.isVisible(), page
        source = handbook.browser.source()
        assert (source.fileName(), source.fragment()) == (section.file, section.anchor), page
        if section.anchor:
            assert section.anchor in parsed(section.file).anchors
        # The chapter list follows, and the page is really shown (not the sentence saying it is missing).
        assert handbook.chapters.currentItem().data(Qt.ItemDataRole.UserRole) == section.file
        assert "Handboken saknas" not in handbook.browser.toPlainText()
        handbook.close()
        window.activateWindow()
        qtbot.waitActive(window)


def test_the_menu_opens_the_contents_and_the_chapters_are_reached_from_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    menu = window.menuBar().actions()[-1].menu()
    assert isinstance(menu, QMenu)
    texts = [action.text().replace("&", "") for action in menu.actions() if not action.isSeparator()]
    assert texts == ["Handbok", "Hjälp om den här sidan", "Om BIV Desktop"]
    window.handbook.handbook_action.trigger()
    handbook = window.handbook.window
    assert handbook is not None
    assert handbook.browser.source().fileName() == "index.html"
    assert "Innehåll" in handbook.browser.toPlainText()
    handbook.chapters.setCurrentRow(4)
    assert handbook.browser.source().fileName() == CHAPTERS[3].file
    handbook.back_button.click()
    assert handbook.browser.source().fileName() == "index.html"
    assert handbook.chapters.currentRow() == 0


def test_a_missing_handbook_is_said_in_swedish(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("biv_desktop.ui.handbook.window.handbook_dir", lambda: tmp_path)
    handbook = HandbookWindow()
    qtbot.addWidget(handbook)
    handbook.show_section(CONTENTS)
    assert handbook.browser.toPlainText().startswith("Handboken saknas")
