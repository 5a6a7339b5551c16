"""A page's first showing builds what is in view and loads no more: the schedule, people, training and
settings pages load their editors', dialogs' and printing's modules when the user opens them, and the
settings tabs not in view when she goes to them. Timings are the benchmark's business (tests/benchmark/run.py); this test holds the means."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from biv_desktop.store.register import open_register
from support.process import run_fresh

SHOW = """
import json, sys
from pathlib import Path
from biv_desktop.store.register import open_register
from biv_desktop.ui.app import application
from biv_desktop.ui.main_window import MainWindow
app = application()
database = open_register(Path(sys.argv[1]))
window = MainWindow(database)
window.show()
titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
for title in sys.argv[2:]:
    window.navigation.setCurrentRow(titles.index(title))
    app.processEvents()
shown = window.current_page().title
window.close()
database.close()
print(json.dumps({"shown": shown, "modules": sorted(sys.modules)}))
"""

PAGES = ["Schema", "Gruppledare", "Tolkar", "Utbildning", "Inställningar"]

# Loaded when the user opens an editor or a dialog, or goes to a tab: not for showing the pages.
WHEN_OPENED = (
    "biv_desktop.ui.people.leader_dialog",
    "biv_desktop.ui.people.interpreter_dialog",
    "biv_desktop.ui.people.person_dialog",
    "biv_desktop.ui.bookings.hours_dialog",
    "biv_desktop.ui.schedules.export_dialog",
    "biv_desktop.ui.training.dialogs",
    "biv_desktop.ui.settings.break_weeks_tab",
    "biv_desktop.ui.settings.report_settings_tab",
    "biv_desktop.ui.followup.questionnaire_editor",
    "biv_desktop.ui.encryption.settings_tab",
    # Printing (the preview, Qt's print support) loads when something is first printed.
    "biv_desktop.ui.printing.preview",
    "biv_desktop.ui.printing.sheet_printing",
    "PySide6.QtPrintSupport",
)


def test_showing_the_schedule_people_training_and_settings_pages_loads_no_editor_or_hidden_tab(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "register.sqlite"
    open_register(path, tmp_path / "backups").close()
    _lines, shown = run_fresh(SHOW, str(path), *PAGES)
    assert shown["shown"] == "Inställningar"
    modules = set(shown["modules"])
    assert {
        "biv_desktop.ui.schedule.page",
        "biv_desktop.ui.people.leaders_page",
        "biv_desktop.ui.settings.general_tab",
    } <= modules
    assert [module for module in WHEN_OPENED if module in modules] == []
