"""The overview's 'Tolk ej bekräftad' tab: the coming three weeks' sessions whose interpreter is not confirmed,
counted in the tab's title, and gone from it once the booking form confirms them."""

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from biv_desktop.domain.bookings import BookingState
from biv_desktop.store.database import Database
from biv_desktop.ui.bookings import booking_dialog
from biv_desktop.ui.bookings.booking_dialog import BookingDialog
from biv_desktop.ui.overview.attention import AttentionPanel
from support import factories

TODAY = dt.date(2026, 2, 2)


@pytest.fixture
def panel(qtbot: QtBot, database: Database) -> AttentionPanel:
    ryd = factories.premises(database)
    amal = factories.interpreter(database, "Amal", "Haddad", languages=("ar",), agency="Östgöta Tolk")
    factories.group(database, premises_id=ryd, interpreter_id=amal, name="Arabiska 10–12")
    widget = AttentionPanel(database)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh(TODAY)
    return widget


def test_the_tab_counts_the_unconfirmed_sessions(panel: AttentionPanel, qtmodeltester: Any) -> None:
    qtmodeltester.check(panel.interpreters.model)
    assert panel.tabText(0) == "Tolk ej bekräftad (3)"  # 3, 10 and 17 February
    first = [panel.interpreters.model.index(0, column).data() for column in range(8)]
    assert first == [
        "2026-02-03",
        "17:00",
        "Arabiska 10–12, träff 1",
        "arabiska",
        "Amal Haddad",
        "Att boka",
        "Östgöta Tolk",
        "",
    ]


def test_confirming_in_the_booking_form_takes_the_session_off(
    panel: AttentionPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    def confirm(dialog: BookingDialog) -> int:
        dialog.state.setCurrentIndex(list(BookingState).index(BookingState.CONFIRMED))
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(booking_dialog.BookingDialog, "exec", confirm)
    panel.interpreters.table.selectRow(0)
    panel.interpreters.open_current()

    assert panel.tabText(0) == "Tolk ej bekräftad (2)"
    assert panel.interpreters.model.index(0, 0).data() == "2026-02-10"
