"""The Deltagare page's first showing builds and loads only the register: the families and waiting tabs,
the dialogs and the privacy actions are loaded when first used. Timings are the benchmark's business
(tests/benchmark/run.py); this test holds the means."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from biv_desktop.store.register import open_register
from support.process import run_fresh

PARTICIPANTS = "biv_desktop.ui.participants"
# Loaded when the user opens the tab, the dialog or the action, not to show the register.
NOT_FOR_THE_REGISTER = (
    f"{PARTICIPANTS}.families_tab",
    f"{PARTICIPANTS}.waiting_tab",
    f"{PARTICIPANTS}.import_dialog",
    f"{PARTICIPANTS}.participant_dialog",
    f"{PARTICIPANTS}.enrol_dialogs",
    f"{PARTICIPANTS}.leave_dialog",
    "biv_desktop.ui.privacy.requests",
    "biv_desktop.services.participants.waiting",
)

SHOW_THE_REGISTER = """
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
window.navigation.setCurrentRow(titles.index("Deltagare"))
app.processEvents()
page = window.current_page()
shown = {"count": page.register.count_label.text(), "modules": sorted(sys.modules)}
page.tabs.setCurrentIndex(1)
app.processEvents()
shown["families"] = page.families.count_label.text()
shown["after"] = sorted(sys.modules)
window.close()
database.close()
print(json.dumps(shown))
"""


def test_showing_the_register_loads_neither_the_other_tabs_nor_the_dialogs(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "register.sqlite"
    open_register(path, tmp_path / "backups").close()
    _lines, shown = run_fresh(SHOW_THE_REGISTER, str(path))
    assert shown["count"] == "Inga deltagare registrerade ännu."
    assert [name for name in NOT_FOR_THE_REGISTER if name in shown["modules"]] == []
    # The Familjer tab, once shown, is there and has read the (empty) register.
    assert f"{PARTICIPANTS}.families_tab" in shown["after"]
    assert shown["families"] == "0 familjer"
