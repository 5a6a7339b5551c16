"""The premises page: listed by district, added and edited in the dialog, a taken name refused in Swedish."""

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from biv_desktop.services.register.premises import list_premises
from biv_desktop.ui.premises.dialog import PremisesDialog
from biv_desktop.ui.premises.page import PremisesPage
from support import FixtureRegister
from support.qt import shown


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> PremisesPage:
    return shown(qtbot, PremisesPage(register.database, register.today), None)


def cells(page: PremisesPage, row: int) -> list[str]:
    return [page.proxy.index(row, column).data() for column in range(page.proxy.columnCount())]


def test_premises_are_listed_with_how_much_they_are_used(page: PremisesPage, qtmodeltester: Any) -> None:
    qtmodeltester.check(page.model)
    assert [cells(page, row)[:2] for row in range(page.proxy.rowCount())] == [
        ["Berga kyrka", "Berga"],
        ["Ryds kyrka", "Ryd"],
        ["Skäggetorps kyrkcenter", "Skäggetorp"],
    ]
    # Berga hosts the two running Somali groups, 9 + 9 sessions ahead.
    assert cells(page, 0)[4:6] == ["2", "18"]
    assert page.count_label.text() == "Visar 3 av 3 lokaler"


def test_a_taken_name_is_refused_beside_the_field_and_the_form_keeps_what_was_typed(
    qtbot: QtBot, page: PremisesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str, str]] = []

    def fill_in(dialog: PremisesDialog) -> int:
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        dialog.name.setText("ryds kyrka")
        dialog.district.setCurrentText("Ryd")
        dialog.capacity.setValue(18)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        seen.append((dialog.errors.message_for("name"), dialog.name.text(), dialog.district.currentText()))
        dialog.name.setText("Ryds bibliotek")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PremisesDialog, "exec", fill_in)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert seen == [
        ("Det finns redan en lokal som heter ”ryds kyrka”. Välj ett annat namn.", "ryds kyrka", "Ryd")
    ]
    library = next(row for row in list_premises(page.database, page.today) if row.name == "Ryds bibliotek")
    assert (library.district, library.capacity) == ("Ryd", 18)
    assert page.current_row() == library


def test_unknown_places_are_stored_as_unknown(
    qtbot: QtBot, page: PremisesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_in(dialog: PremisesDialog) -> int:
        assert dialog.capacity.text() == "Okänt"
        dialog.notes.setPlainText("Nyckel hos vaktmästaren")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PremisesDialog, "exec", fill_in)
    page.select_where(lambda row: row.name == "Berga kyrka")
    page.open_current()

    berga = page.current_row()
    assert berga is not None and (berga.capacity, berga.notes) == (None, "Nyckel hos vaktmästaren")
