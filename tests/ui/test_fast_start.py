"""The window opens fast: it builds only the page it shows, and its start loads no printing, spreadsheet
or migration library (they are imported where they are used). Timings are the benchmark's business
(tests/benchmark/run.py); these tests hold the means that make the start fast."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from biv_desktop.store.register import open_register
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.overview.page import OverviewPage
from biv_desktop.ui.page import Page
from biv_desktop.ui.participants.page import ParticipantsPage
from biv_desktop.ui.schedule.page import SchedulePage

# Loaded only when the user prints, exports, imports a list, plans dates or the register needs an upgrade.
NOT_AT_START = ("reportlab", "uharfbuzz", "openpyxl", "pypdf", "pypdfium2", "alembic", "holidays")

START = """
import json, sys
from pathlib import Path
from biv_desktop.ui.app import run
status = run(Path(sys.argv[1]))
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""

# Loaded only when the user prints or saves a file: showing a page, any page, does not need them.
NOT_FOR_A_PAGE = ("reportlab", "openpyxl", "pypdf", "pypdfium2", "icalendar")

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
    env = dict(os.environ, BIV_DESKTOP_QUIT_AFTER_START="1", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", START, str(path)], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("first frame ")  # the window painted its first frame, then ended
    float(lines[0].removeprefix("first frame "))
    started = json.loads(lines[-1])
    assert started["status"] == 0
    loaded = {name.split(".")[0] for name in started["modules"]}
    assert "biv_desktop" in loaded and "PySide6" in loaded
    assert [library for library in NOT_AT_START if library in loaded] == []


def test_showing_every_page_loads_no_printing_or_file_library(tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "register.sqlite"
    open_register(path, tmp_path / "backups").close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", EVERY_PAGE, str(path)], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.splitlines()[-1])
    assert "Grupper" in shown["titles"] and "Inställningar" in shown["titles"]
    loaded = {name.split(".")[0] for name in shown["modules"]}
    assert [library for library in NOT_FOR_A_PAGE if library in loaded] == []
