"""The booking form of one session's interpreter: the state (att boka, förfrågad, bekräftad, avbokad) and
the agency, or freelance. Saving records the moment of the change."""

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from biv_desktop.domain.calendar import long_date, time_range
from biv_desktop.services.bookings import BookingState, SessionBooking, get_booking, set_booking
from biv_desktop.store.database import Database
from biv_desktop.ui.common.editor import EditorDialog
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.common.text import translator

tr = translator("Bookings")


class BookingDialog(EditorDialog[SessionBooking]):
    """Where the booking of a session's interpreter stands, and with whom."""

    def __init__(
        self,
        database: Database,
        booking: SessionBooking,
        now: dt.datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Tolkbokning"), database, parent)
        self._booking = booking
        self._now = now
        reading = booking.session
        about = QLabel(
            f"{reading.group_name}, {reading.label.lower()}\n"
            f"{long_date(reading.date)} {time_range(reading.start_time, reading.end_time)} · {reading.premises}"
        )
        about.setWordWrap(True)
        self.body.insertWidget(0, about)
        self.interpreter = QLabel(
            reading.interpreter_name or tr("Ingen tolk vald – välj tolk i schemat först.")
        )
        self.state = QComboBox()
        for state in BookingState:
            self.state.addItem(state.label, state)
        self.state.setCurrentIndex(list(BookingState).index(booking.state))
        self.agency = QLineEdit(booking.agency)
        self.agency.setMaxLength(120)
        self.freelance = QCheckBox(tr("Frilanstolk (ingen förmedling)"))
        self.freelance.setChecked(booking.freelance)
        self.freelance.toggled.connect(lambda on: self.agency.setEnabled(not on))
        self.agency.setEnabled(not booking.freelance)
        changed = (
            tr("Ändrad {day}").format(day=booking.changed_on.isoformat())
            if booking.changed_on
            else tr("Inte bokad än")
        )
        self.errors.add_row("interpreter", tr("Tolk:"), self.interpreter)
        self.errors.add_row("state", tr("&Status:"), self.state)
        self.errors.add_row("agency", tr("&Förmedling:"), self.agency)
        self.errors.add_row("freelance", "", self.freelance)
        self.errors.add_row("changed", tr("Senast:"), QLabel(changed))

    def chosen_state(self) -> BookingState:
        return BookingState(self.state.currentData())

    def save(self, override: bool) -> SessionBooking:
        return set_booking(
            self.database,
            self._booking.session.id,
            self.chosen_state(),
            agency=self.agency.text(),
            freelance=self.freelance.isChecked(),
            now=self._now,
        )


def edit_booking(
    parent: QWidget | None, database: Database, session_id: int, now: dt.datetime | None = None
) -> SessionBooking | None:
    """Open the session's booking form; the saved booking, or None if cancelled or the session is gone."""
    booking = service_result(parent, tr("Tolkbokning"), lambda: get_booking(database, session_id))
    if booking is None:
        return None
    dialog = BookingDialog(database, booking, now, parent)
    if dialog.exec() != BookingDialog.DialogCode.Accepted:
        return None
    return dialog.saved


def booking_button(parent: QWidget, database: Database, session_id: int) -> QPushButton:
    """'Tolkbokning…' for a session's form: the booking of the interpreter saved for the session."""
    button = QPushButton(tr("Tolk&bokning…"))
    button.setAutoDefault(False)
    button.setToolTip(tr("Bokningen gäller den tolk som är sparad för träffen."))
    button.clicked.connect(lambda _checked=False: edit_booking(parent, database, session_id))
    return button
