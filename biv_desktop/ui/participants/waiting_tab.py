"""The waiting list: who wants a place, longest waiting first, narrowed by language and age band, so the
coordinator sees whom the next group should take."""

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.participants import (
    Demand,
    WaitingRow,
    WaitingWish,
    add_to_waiting_list,
    change_waiting_wish,
    remove_from_waiting_list,
    waiting_age_bands,
    waiting_demand,
    waiting_list,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask_to_delete
from biv_desktop.ui.common.count_line import show_count
from biv_desktop.ui.common.row_model import ROW_ROLE, RowTableModel
from biv_desktop.ui.common.service_call import service_call
from biv_desktop.ui.common.table import connect_search, make_table, on_rows_changed, selected_row
from biv_desktop.ui.common.table_columns import fit_columns
from biv_desktop.ui.participants import columns as cols
from biv_desktop.ui.participants.enrol_dialogs import EnrolInGroupDialog
from biv_desktop.ui.participants.family_panel import ChooseParticipantDialog
from biv_desktop.ui.participants.waiting_dialog import WaitingWishDialog
from biv_desktop.ui.participants.widgets import QueryProxy, choice_combo, search_edit, show_native_names, tr

# The age-group filter's entry for those who wait for a parents' group.
PARENTS = "parents"


class WaitingTab(QWidget):
    """The waiting list with the actions that move people on or off it."""

    changed = Signal()

    def __init__(
        self, database: Callable[[], Database], today: dt.date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._today = today
        self.model: RowTableModel[WaitingRow] = RowTableModel(cols.waiting_columns(), self)
        self.proxy = QueryProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = search_edit(
            tr("Sök på namn, familj, språk, grupp, område eller ålder"), tr("Sök i väntelistan"), self.proxy
        )
        self.language_filter = choice_combo([], tr("Alla"))
        self.band_filter = choice_combo([], tr("Alla"))
        for combo in (self.language_filter, self.band_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.table = make_table(self.proxy, tr("Väntelista"), self.enrol_selected)
        connect_search(self.search, self.table)
        self.table.sortByColumn(cols.W_SINCE, Qt.SortOrder.AscendingOrder)
        show_native_names(self.table, cols.W_NATIVE)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.count_label = QLabel()
        on_rows_changed(self.proxy, self._update_count)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for text, combo in ((tr("Spr&åk:"), self.language_filter), (tr("Å&ldersgrupp:"), self.band_filter)):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addSpacing(6)
            filters.addWidget(label)
            filters.addWidget(combo)
        actions = QHBoxLayout()
        buttons = []
        for text, slot in (
            (tr("Sätt &upp en deltagare…"), self.add_participant),
            (tr("&Ändra vad deltagaren väntar på…"), self.change_wish),
            (tr("Anmäl till &grupp…"), self.enrol_selected),
            (tr("Ta &bort från väntelistan"), self.remove_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            actions.addWidget(button)
            buttons.append(button)
        self.add_button, self.wish_button, self.enrol_button, self.remove_button = buttons
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(actions)
        # Which groups to start next: how many wait per language and age band.
        self.demand_label = QLabel()
        self.demand_label.setWordWrap(True)
        self.demand_label.setAccessibleName(tr("Efterfrågan per språk och ålder"))
        layout.addWidget(self.demand_label)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    @property
    def database(self) -> Database:
        return self._database()

    def refresh(self) -> None:
        current = self.current()
        rows = waiting_list(self.database, today=self._today)
        self.model.set_rows(rows)
        languages = sorted({r.wanted.language for r in rows if r.wanted.language}, key=swedish_sort_key)
        self._refill(self.language_filter, [(language, language) for language in languages])
        bands = waiting_age_bands(self.database)
        self._refill(
            self.band_filter, [*((band.label, band) for band in bands), (tr("föräldragrupp"), PARENTS)]
        )
        self.demand_label.setText(demand_text(waiting_demand(rows)))
        self._apply_filters()
        fit_columns(
            self.table, {cols.W_NAME: 200, cols.W_NATIVE: 180, cols.W_GROUP: 220}, stretch=cols.W_FAMILY
        )
        if current is not None:
            for position in range(self.proxy.rowCount()):
                if self.proxy.index(position, 0).data(ROW_ROLE).participant_id == current.participant_id:
                    self.table.selectRow(position)
        self._update_buttons()

    @staticmethod
    def _refill(combo: QComboBox, choices: list[tuple[str, object]]) -> None:
        chosen = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("Alla"), None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findText(chosen)))
        combo.blockSignals(False)

    def _apply_filters(self) -> None:
        language = self.language_filter.currentData()
        band = self.band_filter.currentData()

        def accept(row: WaitingRow) -> bool:
            # What they wait for, as the demand above counts it (services.participants: WaitingRow.wanted).
            wanted = row.wanted
            if band == PARENTS and not wanted.parents:
                return False
            if isinstance(band, AgeBand) and (wanted.parents or wanted.band != band):
                return False
            return language is None or wanted.language == language

        self.proxy.set_row_filter(None if language is None and band is None else accept)

    def current(self) -> WaitingRow | None:
        row = selected_row(self.table)
        return row if isinstance(row, WaitingRow) else None

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            empty = tr("Ingen står på väntelistan.")
            show_count(self.count_label, empty, empty)
        else:
            line = tr("Visar {shown} av {total} som väntar")
            show_count(
                self.count_label, line.format(shown=shown, total=total), line.format(shown=total, total=total)
            )

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.wish_button.setEnabled(chosen)
        self.enrol_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def add_participant(self) -> None:
        title = tr("Sätt upp en deltagare på väntelistan")
        dialog = ChooseParticipantDialog(self.database, title, self._today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        person = dialog.chosen
        wishes = WaitingWishDialog(
            self.database,
            title,
            person.name,
            person.role,
            person.language,
            WaitingWish(),
            lambda wish, override: add_to_waiting_list(
                self.database, person.id, today=self._today, wish=wish, override=override
            ),
            self,
        )
        if wishes.exec() != QDialog.DialogCode.Accepted:
            return
        self.refresh()
        self.changed.emit()

    def change_wish(self) -> None:
        """Change which group, or which language and age band, the chosen person waits for."""
        row = self.current()
        if row is None:
            return
        dialog = WaitingWishDialog(
            self.database,
            tr("Vad {name} väntar på").format(name=row.name),
            row.name,
            row.role,
            row.language,
            row.wish,
            lambda wish, override: change_waiting_wish(
                self.database, row.participant_id, wish, today=self._today, override=override
            ),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()

    def enrol_selected(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = EnrolInGroupDialog(self.database, row.participant_id, today=self._today, parent=self)
        if row.wish.group_id is not None:  # the group they wait for comes chosen
            dialog.choose(lambda group: group.id == row.wish.group_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()

    def remove_selected(self) -> None:
        row = self.current()
        if row is None:
            return
        title = tr("Ta bort från väntelistan")
        if not ask_to_delete(self, title, tr("Ta bort {name} från väntelistan?").format(name=row.name)):
            return
        service_call(
            self,
            tr("Ta bort från väntelistan"),
            lambda _: remove_from_waiting_list(self.database, row.participant_id),
        )
        self.refresh()
        self.changed.emit()


def demand_text(demand: Sequence[Demand]) -> str:
    """'Väntar per språk och ålder: arabiska 7–9 år 4 · dari föräldragrupp 2 …'."""
    if not demand:
        return ""
    parts = [
        tr("{language} {kind}: {count}").format(language=d.language, kind=d.group_kind, count=d.waiting)
        for d in demand
    ]
    return tr("Väntar per språk och ålder: {parts}").format(parts=" · ".join(parts))
