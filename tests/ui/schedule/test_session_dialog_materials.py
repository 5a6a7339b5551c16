"""The session form edits the session's materials, which the leaders' sheet prints."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from biv_desktop.services.schedule import get_session
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.schedule.page import SchedulePage
from biv_desktop.ui.schedule.session_dialog import SessionDialog

SOMALI_CHILDREN = "BIV Somaliska 10–12 år, Berga, vt 2026"


def test_materials_typed_in_the_form_are_saved_for_that_session(
    qtbot: QtBot, page: SchedulePage, index_of: Callable[..., QModelIndex]
) -> None:
    session_id = int(index_of(SOMALI_CHILDREN, 7).data(ROW_ROLE).id)
    dialog = SessionDialog(page.database, session_id, page)
    qtbot.addWidget(dialog)
    assert dialog.materials.toPlainText() == ""

    dialog.materials.setFocus()
    qtbot.keyClicks(dialog.materials, "Lera och vattenfarg")
    assert dialog.is_changed()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert get_session(page.database, session_id).materials == "Lera och vattenfarg"
