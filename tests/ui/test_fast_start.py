"""The window opens fast: it is on screen before the database layer loads, it builds only the page it
shows, and its start loads no printing, spreadsheet or migration library (they are imported where they are
used). Timings are the benchmark's business (tests/benchmark/run.py); these tests hold the means that make
the start fast."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from biv_desktop.store.register import open_register
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.overview.page import OverviewPage
from biv_desktop.ui.page import Page
from biv_desktop.ui.participants.page import ParticipantsPage
from biv_desktop.ui.schedule.page import SchedulePage
from support.process import run_fresh

# Loaded only when the user prints, exports, imports a list, plans dates or the register needs an upgrade;
# SQLCipher's driver only for an encrypted register, age's (pyrage) only to seal or open a sealed file.
NOT_AT_START = (
    "reportlab",
    "uharfbuzz",
    "openpyxl",
    "pypdf",
    "pypdfium2",
    "alembic",
    "holidays",
    "sqlcipher3",
    "pyrage",
)

# Our own views that the start shows only a way into: loaded when the user opens them.
VIEWS_NOT_AT_START = ("biv_desktop.ui.privacy.clean_up_dialog",)

START = """
import json, sys
from pathlib import Path
from biv_desktop.ui.app import run
status = run(Path(sys.argv[1]))
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""

# What the window has loaded when its first frame is on screen, and what it shows then and once started.
FIRST_FRAME_FIRST = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLabel
from biv_desktop.ui import app
from biv_desktop.ui.main_window import MainWindow

seen = {}
opening = app.RegisterOpening.open

def open_and_look(self):
    [label] = [l for l in self.window.stack.findChildren(QLabel) if l.isVisible()]
    seen["at first frame"] = {
        "painted": not self.window.stack.visibleRegion().isEmpty(),
        "loaded": sorted(name for name in ("sqlalchemy", "biv_desktop.store.database") if name in sys.modules),
        "shown": label.text(),
        "navigation": [self.window.navigation.item(row).text() for row in range(self.window.navigation.count())],
        "navigation enabled": self.window.navigation.isEnabled(),
        "menus": [action.text() for action in self.window.menuBar().actions()],
    }
    opening(self)
    seen["started"] = {
        "page": type(self.window.current_page()).__name__,
        "navigation enabled": self.window.navigation.isEnabled(),
        "status bar": self.window.database_label.text(),
        "file menu": [action.text() for action in self.window.file_menu.actions() if action.text()],
    }

app.RegisterOpening.open = open_and_look
status = app.run(Path(sys.argv[1]))
print(json.dumps({"status": status, "seen": seen}))
"""

# Loaded only when the user prints or saves a file: showing a page, any page, does not need them.
NOT_FOR_A_PAGE = ("reportlab", "openpyxl", "pypdf", "pypdfium2", "icalendar")
# Loaded only when a session is opened: the schedule page lists sessions without the session form's types.
FORMS_NOT_FOR_A_PAGE = (
    "biv_desktop.services.schedule.editing",
    "biv_desktop.services.schedule.editing_models",
    "biv_desktop.ui.schedule.session_dialog",
)

EVERY_PAGE = """
import json, sys
from pathlib import Path
from biv_desktop.store.register import open_register
from biv_desktop.ui.app import application
from biv_desktop.ui.main_window import MainWindow
app = application()
database = open_register(Path(sys.argv[1]))
window = MainWindow(database)
window.show()
titles = []
for row in range(window.navigation.count()):
    window.navigation.setCurrentRow(row)
    app.processEvents()
    titles.append(window.current_page().title)
window.close()
database.close()
print(json.dumps({"titles": titles, "modules": sorted(sys.modules)}))
"""


def test_the_window_opens_on_the_overview_and_builds_no_other_page(window: MainWindow) -> None:
    assert [type(page) for page in window.stack.built_pages()] == [OverviewPage]
    assert window.stack.currentWidget() is window.current_page()


def test_a_page_is_built_when_first_shown_and_kept_afterwards(window: MainWindow) -> None:
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    window.navigation.setCurrentRow(titles.index("Deltagare"))
    participants = window.current_page()
    assert isinstance(participants, ParticipantsPage)
    assert window.stack.currentWidget() is participants
    window.navigation.setCurrentRow(titles.index("Schema"))
    assert isinstance(window.current_page(), SchedulePage)
    window.navigation.setCurrentRow(titles.index("Deltagare"))
    assert window.current_page() is participants
    assert [type(page) for page in window.stack.built_pages()] == [
        OverviewPage,
        SchedulePage,
        ParticipantsPage,
    ]


def test_every_page_gives_itself_the_title_the_navigation_shows(window: MainWindow) -> None:
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        page = window.current_page()
        assert isinstance(page, Page)
        assert page.title == window.navigation.item(row).text()
    assert len(window.stack.built_pages()) == window.navigation.count()


def test_starting_the_window_loads_no_printing_spreadsheet_or_migration_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    path = tmp_path / "register.sqlite"
    open_register(path, tmp_path / "backups").close()  # at the current schema: no upgrade is due
    lines, started = run_fresh(START, str(path), BIV_DESKTOP_QUIT_AFTER_START="1")
    assert lines[0].startswith("first frame ")  # the window painted its first frame, then ended
    float(lines[0].removeprefix("first frame "))
    assert started["status"] == 0
    loaded = {name.split(".")[0] for name in started["modules"]}
    assert "biv_desktop" in loaded and "PySide6" in loaded
    assert [library for library in NOT_AT_START if library in loaded] == []
    assert [view for view in VIEWS_NOT_AT_START if view in started["modules"]] == []


def test_showing_every_page_loads_no_printing_or_file_library_and_no_session_form(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "register.sqlite"
    open_register(path, tmp_path / "backups").close()
    _lines, shown = run_fresh(EVERY_PAGE, str(path))
    assert "Grupper" in shown["titles"] and "Inställningar" in shown["titles"]
    loaded = {name.split(".")[0] for name in shown["modules"]}
    assert [library for library in NOT_FOR_A_PAGE if library in loaded] == []
    assert [form for form in FORMS_NOT_FOR_A_PAGE if form in shown["modules"]] == []


def test_the_window_is_on_screen_before_the_database_layer_loads_then_opens_its_register(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "register.sqlite"
    open_register(path, tmp_path / "backups").close()
    lines, started = run_fresh(FIRST_FRAME_FIRST, str(path), BIV_DESKTOP_QUIT_AFTER_START="1")
    assert [line.split()[0:2] for line in lines[:2]] == [["first", "frame"], ["register", "shown"]]
    assert started["status"] == 0
    first = started["seen"]["at first frame"]
    assert first["painted"]
    assert first["loaded"] == []  # SQLAlchemy and the register come after the first frame
    assert first["shown"] == "Öppnar databasen…"
    assert first["navigation"][:3] == ["Översikt", "Grupper", "Schema"]
    assert not first["navigation enabled"]  # no page to go to before the register is open
    assert first["menus"] == ["&Arkiv", "&Hjälp"]
    assert started["seen"]["started"] == {
        "page": "OverviewPage",
        "navigation enabled": True,
        "status bar": "Databas: register.sqlite",
        "file menu": [
            "&Öppna databas…",
            "Säkerhets&kopiera till…",
            "Åter&ställ från säkerhetskopia…",
            "&Exportera hela registret…",
            "&Gallring av personuppgifter…",
            "&Avsluta",
        ],
    }


def test_a_window_shown_before_its_register_says_so_and_shows_the_overview_once_attached(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.attached
    assert [label.text() for label in window.stack.findChildren(QLabel) if label.isVisible()] == [
        "Öppnar databasen…"
    ]
    window.close()  # closing before the register is open asks nothing
    database = open_register(tmp_path / "register.sqlite", tmp_path / "backups")
    try:
        later = MainWindow()
        qtbot.addWidget(later)
        later.show()
        later.attach(database)
        assert later.attached
        assert isinstance(later.current_page(), OverviewPage)
        assert later.stack.currentWidget() is later.current_page()
        assert later.navigation.isEnabled() and later.navigation.currentRow() == 0
        shown = [label.text() for label in later.stack.findChildren(QLabel) if label.isVisible()]
        assert "Översikt" in shown and "Öppnar databasen…" not in shown
        later.close()
    finally:
        database.close()
