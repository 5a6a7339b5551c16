"""The participant register: every child and guardian in a table, searched and filtered, with the actions
for one person (edit, place in a group, leave a group, the family, the waiting list).

The dialogs are imported when they are opened: the page's first showing loads only the register."""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.enums import Programme, Role
from biv_desktop.services.participants import ParticipantRow, get_participant, list_participants
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask_to_delete, warn
from biv_desktop.ui.common.count_line import show_count
from biv_desktop.ui.common.flow_layout import FlowLayout
from biv_desktop.ui.common.row_model import ROW_ROLE, RowTableModel
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.shown_rows import ShownRows
from biv_desktop.ui.common.table import connect_search, make_table, on_rows_changed, selected_row
from biv_desktop.ui.common.table_columns import fit_columns
from biv_desktop.ui.participants import columns as cols
from biv_desktop.ui.participants.widgets import (
    choice_combo,
    person_matches,
    search_edit,
    show_native_names,
    tr,
)

COLUMN_LIMITS = {
    cols.NAME: 150,
    cols.NATIVE: 130,
    cols.FAMILY: 100,
    cols.LANGUAGE: 85,
    cols.PROGRAMME: 70,
    cols.DISTRICT: 80,
    cols.CONSENT: 80,
}
HAS_CONSENT, LACKS_CONSENT = "yes", "no"


class RegisterTab(QWidget):
    """Lists the participants; typing searches names in either script, family, language, programme,
    district and, for a number, the age or birth year."""

    family_requested = Signal(int)
    changed = Signal()

    def __init__(
        self, database: Callable[[], Database], today: dt.date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._today = today
        self.model: RowTableModel[ParticipantRow] = RowTableModel(cols.participant_columns(), self)
        self._lacking_consent = 0
        # Searched, filtered and sorted in one pass in Python: 2,340 rows, filtered again at every keystroke.
        self.proxy = ShownRows(self.model, matches=person_matches, parent=self)
        self.search = search_edit(
            tr("Sök namn (i båda skrifterna), familj, språk, område, ålder…"),
            tr("Sök deltagare"),
            self.proxy,
        )
        self.search.setToolTip(
            tr(
                "Sök på namn med latinska bokstäver eller i egen skrift, familj, språk, program (BIV/BIS), "
                "område eller grupp. Ett tal söker ålder eller födelseår, 13-15 ett åldersspann."
            )
        )
        self.role_filter = choice_combo([(cols.short_role(role), role) for role in Role], tr("Alla"))
        self.programme_filter = choice_combo([(p.label, p) for p in Programme], tr("Alla"))
        self.programme_filter.setToolTip(
            tr("BIV: asylsökande familjer. BIS: familjer med uppehållstillstånd.")
        )
        self.language_filter = choice_combo([], tr("Alla"))
        self.consent_filter = choice_combo(
            [(tr("Har samtycke"), HAS_CONSENT), (tr("Saknar samtycke"), LACKS_CONSENT)], tr("Alla")
        )
        for combo in (self.role_filter, self.programme_filter, self.language_filter, self.consent_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.table = make_table(self.proxy, tr("Deltagare"), self.edit_selected)
        connect_search(self.search, self.table)
        self.table.sortByColumn(cols.NAME, Qt.SortOrder.AscendingOrder)
        show_native_names(self.table, cols.NATIVE)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # A search that hides the chosen row unchooses it without a selectionChanged (a layout change).
        self.proxy.layoutChanged.connect(self._update_buttons)
        self.count_label = QLabel()
        on_rows_changed(self.proxy, self._update_count)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for text, combo in (
            (tr("R&oll:"), self.role_filter),
            (tr("&Program:"), self.programme_filter),
            (tr("Spr&åk:"), self.language_filter),
            (tr("Sa&mtycke:"), self.consent_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addSpacing(6)
            filters.addWidget(label)
            filters.addWidget(combo)

        self.new_button = self._button(tr("&Ny deltagare…"), self.new_participant, "Ctrl+N")
        self.edit_button = self._button(tr("&Redigera…"), self.edit_selected)
        self.enrol_button = self._button(tr("Anmäl till &grupp…"), self.enrol_selected, "Ctrl+G")
        self.leave_button = self._button(tr("&Lämna grupp…"), self.leave_selected)
        self.family_button = self._button(tr("Visa &familj"), self.show_family)
        self.waiting_button = self._button(tr("Sätt på &väntelistan"), self.toggle_waiting)
        # The person's own data and deletion on request (privacy): on this page, where the person is found.
        self.extract_button = self._button(tr("Registerut&drag…"), self.extract_selected)
        self.delete_button = self._button(tr("Ta bort på &begäran…"), self.delete_selected)
        # Eight actions and the count: on a laptop they wrap onto two lines rather than widen the window.
        actions = FlowLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.enrol_button,
            self.leave_button,
            self.family_button,
            self.waiting_button,
            self.extract_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        # As tall as a button, so the count stands on the buttons' line rather than above it.
        self.count_label.setMinimumHeight(self.new_button.sizeHint().height())
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        actions.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def _button(self, text: str, action: Callable[[], None], shortcut: str | None = None) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(action)
        if shortcut is not None:
            QShortcut(
                QKeySequence(shortcut), self, action, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            button.setToolTip(f"{button.text().replace('&', '')} ({shortcut})")
        return button

    @property
    def database(self) -> Database:
        return self._database()

    def _day(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self, select_id: int | None = None) -> None:
        """Read the register again, keeping (or moving to) the chosen participant."""
        current = self.current()
        rows = list_participants(self.database, self._day())
        # Counted once here: the count line is redrawn for every range of rows a keystroke's filter moves.
        self._lacking_consent = sum(1 for row in rows if not row.has_consent)
        self.model.set_rows(rows)
        chosen = self.language_filter.currentText()
        self.language_filter.blockSignals(True)
        self.language_filter.clear()
        self.language_filter.addItem(tr("Alla"), None)
        for language in sorted({row.language for row in rows if row.language}):
            self.language_filter.addItem(language, language)
        self.language_filter.setCurrentIndex(max(0, self.language_filter.findText(chosen)))
        self.language_filter.blockSignals(False)
        self._apply_filters()
        fit_columns(self.table, COLUMN_LIMITS, stretch=cols.GROUPS)
        wanted = select_id if select_id is not None else (current.id if current else None)
        if wanted is not None:
            self.select(wanted)
        self._update_buttons()

    def select(self, participant_id: int) -> bool:
        """Choose a participant in the table, clearing a search that hides them (as after registering)."""
        for attempt in range(2):
            for position in range(self.proxy.rowCount()):
                if self.proxy.index(position, 0).data(ROW_ROLE).id == participant_id:
                    self.table.selectRow(position)
                    self.table.scrollTo(self.proxy.index(position, 0))
                    return True
            if attempt == 0 and self.search.text():
                self.search.clear()
        return False

    def current(self) -> ParticipantRow | None:
        row = selected_row(self.table)
        return row if isinstance(row, ParticipantRow) else None

    def _apply_filters(self) -> None:
        role = self.role_filter.currentData()
        programme = self.programme_filter.currentData()
        language = self.language_filter.currentData()
        consent = self.consent_filter.currentData()

        def accept(row: ParticipantRow) -> bool:
            return (
                (role is None or row.role == role)
                and (programme is None or row.programme == programme)
                and (language is None or row.language == language)
                and (consent is None or row.has_consent == (consent == HAS_CONSENT))
            )

        no_filter = role is None and programme is None and language is None and consent is None
        self.proxy.set_row_filter(None if no_filter else accept)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        lacking = self._lacking_consent
        if total == 0:
            empty = tr("Inga deltagare registrerade ännu.")
            show_count(self.count_label, empty, empty)
            return

        def line(shown: int) -> str:
            text = tr("Visar {shown} av {total} deltagare").format(shown=shown, total=total)
            if lacking:
                text += tr(" · {count} saknar samtycke").format(count=lacking)
            return text

        show_count(self.count_label, line(shown), line(total))

    def _update_buttons(self) -> None:
        row = self.current()
        for button in (
            self.edit_button,
            self.enrol_button,
            self.family_button,
            self.waiting_button,
            self.extract_button,
            self.delete_button,
        ):
            button.setEnabled(row is not None)
        self.leave_button.setEnabled(row is not None and bool(row.current_groups))
        self.family_button.setEnabled(row is not None and row.family_id is not None)
        on_list = row is not None and row.on_waiting_list
        self.waiting_button.setText(
            tr("Ta bort från &väntelistan") if on_list else tr("Sätt på &väntelistan")
        )

    def _districts(self) -> list[str]:
        return sorted({row.district for row in self.model.rows() if row.district})

    def new_participant(self, family_id: int | None = None) -> None:
        from biv_desktop.ui.participants.participant_dialog import ParticipantDialog

        dialog = ParticipantDialog(
            self.database, today=self._today, family_id=family_id, districts=self._districts(), parent=self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.refresh(dialog.saved.id)
            self.changed.emit()

    def edit_selected(self) -> None:
        from biv_desktop.ui.participants.participant_dialog import ParticipantDialog

        row = self.current()
        if row is None:
            return
        dialog = service_call(
            self,
            tr("Deltagaren kunde inte öppnas"),
            lambda _: ParticipantDialog(
                self.database, row.id, today=self._today, districts=self._districts(), parent=self
            ),
        )
        if dialog is REFUSED:
            self.refresh()
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(row.id)
            self.changed.emit()

    def enrol_selected(self) -> None:
        from biv_desktop.ui.participants.enrol_dialogs import EnrolInGroupDialog

        row = self.current()
        if row is None:
            return
        dialog = EnrolInGroupDialog(self.database, row.id, today=self._today, parent=self)
        # Placed in a group, or (the group being full) on the waiting list instead.
        if dialog.exec() == QDialog.DialogCode.Accepted or dialog.placed_on_waiting_list:
            self.refresh(row.id)
            self.changed.emit()

    def leave_selected(self) -> None:
        from biv_desktop.ui.participants.leave_dialog import LeaveGroupDialog, Place

        row = self.current()
        if row is None:
            return
        detail = get_participant(self.database, row.id, self._day())
        places = [Place(e.id, e.group_name, e.joined_on) for e in detail.active_enrollments]
        if not places:
            warn(self, tr("Lämna grupp"), tr("{name} är inte med i någon grupp.").format(name=row.name))
            return
        dialog = LeaveGroupDialog(self.database, row.name, places, today=self._today, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(row.id)
            self.changed.emit()

    def extract_selected(self) -> None:
        """Registerutdrag…: everything stored about the chosen participant, as a PDF she saves."""
        row = self.current()
        if row is not None:
            export_register_extract(self, self.database, participant_id=row.id, today=self._day())

    def delete_selected(self) -> None:
        """Ta bort på begäran…: remove the chosen participant entirely, after a confirmation."""
        row = self.current()
        if row is not None and delete_participant_on_request(self, self.database, row.id):
            self.refresh()

    def show_family(self) -> None:
        row = self.current()
        if row is not None and row.family_id is not None:
            self.family_requested.emit(row.family_id)

    def toggle_waiting(self) -> None:
        from biv_desktop.services.participants import add_to_waiting_list, remove_from_waiting_list

        row = self.current()
        if row is None:
            return
        if row.on_waiting_list:
            title = tr("Ta bort från väntelistan")
            if not ask_to_delete(self, title, tr("Ta bort {name} från väntelistan?").format(name=row.name)):
                return
            service_call(self, tr("Väntelistan"), lambda _: remove_from_waiting_list(self.database, row.id))
        else:
            service_call(
                self,
                tr("Väntelistan"),
                lambda _: add_to_waiting_list(self.database, row.id, today=self._today),
            )
        self.refresh(row.id)
        self.changed.emit()


# The privacy actions' module (and the PDF extract behind it) is loaded when one of them is first used.
def export_register_extract(
    parent: QWidget, database: Database, *, participant_id: int, today: dt.date
) -> None:
    from biv_desktop.ui.privacy.requests import export_register_extract as export

    export(parent, database, participant_id=participant_id, today=today)


def delete_participant_on_request(parent: QWidget, database: Database, participant_id: int) -> bool:
    from biv_desktop.ui.privacy.requests import delete_participant_on_request as delete

    return delete(parent, database, participant_id)
