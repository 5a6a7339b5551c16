"""Placing someone in a group, from either side: choose a group for a participant, or a participant for a
group. The rules' warnings show as soon as a line is chosen, and saving past them asks 'Spara ändå'."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.ages import age_on
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.participants import (
    EnrolmentGroup,
    ParticipantRow,
    RosterRow,
    WaitingWish,
    add_to_waiting_list,
    check_enrolment,
    enrol,
    enrol_several,
    enrolment_group,
    get_participant,
    list_participants,
    open_groups,
    roster,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, from_qdate, to_qdate
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.row_model import ROW_ROLE, Column, RowTableModel
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.styles import WARNING_STYLE
from biv_desktop.ui.common.table import connect_search, make_table, selected_row
from biv_desktop.ui.common.table_columns import stretch_column
from biv_desktop.ui.participants import columns as cols
from biv_desktop.ui.participants.widgets import QueryProxy, search_edit, show_native_names, tr

# In the group side's table: name, own-script name, age, language, programme, current group, waiting.
GROUPS_COLUMN = 5


def first_day(start: dt.date, today: dt.date) -> dt.date:
    """The joining day to suggest: the group's start if it lies ahead, otherwise today."""
    return max(start, today)


class _PlacementDialog(QDialog):
    """A searchable table to choose from, the joining day, the warnings for the line chosen, and 'Anmäl'."""

    def __init__(
        self,
        database: Database,
        today: dt.date,
        columns: list[Column[Any]],
        search_hint: str,
        placement: Callable[[Any], tuple[int, int]],
        suggested_day: Callable[[Any], dt.date],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._today = today
        self._placement = placement  # (participant id, group id) for a chosen line
        self._suggested_day = suggested_day
        self.enrolled: RosterRow | None = None
        self.resize(900, 560)
        self.model: RowTableModel[Any] = RowTableModel(columns, self)
        self.proxy = QueryProxy(self)
        self.proxy.setSourceModel(self.model)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.search = search_edit(search_hint, tr("Sök"), self.proxy)
        self.table = make_table(self.proxy, tr("Välj"), self.accept)
        connect_search(self.search, self.table)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.joined_on = date_edit(self._today, fixed_width=True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.hide()
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("joined_on", tr("&Börjar:"), self.joined_on)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.enrol_button = self.buttons.addButton(tr("&Anmäl"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.enrol_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search_row = QHBoxLayout()
        search_label = QLabel(tr("&Sök:"))
        search_label.setBuddy(self.search)
        self.search_row.addWidget(search_label)
        self.search_row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_label())
        layout.addWidget(self.buttons)
        self.search.setFocus()

    def _fit_table(self, stretch: int) -> None:
        """Columns as wide as their contents (at most 200 pixels), ``stretch`` taking the rest."""
        for column in range(self.model.columnCount()):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 200))
        stretch_column(self.table, stretch, self.table.columnWidth(stretch))

    def _chosen(self) -> None:
        row = selected_row(self.table)
        self.enrol_button.setEnabled(row is not None)
        self.errors.clear()
        if row is None:
            self.warnings.hide()
            return
        self.joined_on.setDate(to_qdate(self._suggested_day(row)))
        warnings = service_call(
            self,
            self.windowTitle(),
            lambda _: check_enrolment(self._database, *self._placement(row)),
            invalid=self._unfit,
        )
        if warnings is REFUSED:
            self.enrol_button.setEnabled(False)
            return
        self.warnings.setText("\n".join(f"• {warning}" for warning in warnings))
        self.warnings.setVisible(bool(warnings))

    def _unfit(self, error: ValidationError) -> None:
        """Why the chosen line cannot be enrolled, where the warnings go."""
        self.warnings.setText(error.message)
        self.warnings.show()

    def choose(self, predicate: Any) -> bool:
        """Select the first line whose row satisfies ``predicate`` (what a test or a caller preselects)."""
        for position in range(self.proxy.rowCount()):
            if predicate(self.proxy.index(position, 0).data(ROW_ROLE)):
                # Through the selection model: the view's own calls would heed a held Ctrl and toggle.
                index = self.proxy.index(position, 0)
                flags = QItemSelectionModel.SelectionFlag
                self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
                return True
        return False

    def accept(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        participant_id, group_id = self._placement(row)
        joined_on = from_qdate(self.joined_on.date())
        result = service_call(
            self,
            tr("Anmäl ändå?"),
            lambda override: enrol(self._database, participant_id, group_id, joined_on, override=override),
            invalid=self.errors.show,
        )
        if result is REFUSED:
            return
        self.enrolled = result
        super().accept()


class EnrolInGroupDialog(_PlacementDialog):
    """From the participant's side: choose one of the planned or running groups; those that fit first."""

    def __init__(
        self,
        database: Database,
        participant_id: int,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        today = today or dt.date.today()
        detail = get_participant(database, participant_id, today)
        current = {row.group_id for row in detail.active_enrollments}
        groups = [group for group in open_groups(database) if group.id not in current]
        self._fits: dict[int, tuple[str, ...]] = {}
        for group in groups:
            try:
                self._fits[group.id] = check_enrolment(database, participant_id, group.id)
            except ValidationError as error:
                self._fits[group.id] = (error.message,)
        super().__init__(
            database,
            today,
            self._group_columns(),
            tr("Sök på grupp, språk eller lokal"),
            lambda group: (participant_id, group.id),
            lambda group: first_day(group.start_date, today),
            parent,
        )
        self.setWindowTitle(tr("Anmäl {name} till en grupp").format(name=detail.name))
        self.intro.setText(
            tr("{name}, {age} år, {language}. Välj en planerad eller pågående grupp.").format(
                name=detail.name, age=detail.age, language=detail.language or tr("modersmål inte angivet")
            )
        )
        self.model.set_rows(groups)
        self.table.sortByColumn(self.model.columnCount() - 1, Qt.SortOrder.AscendingOrder)
        self._fit_table(stretch=0)
        # A full group offers the waiting list instead, for someone not on it yet.
        self._participant_id = participant_id
        self.on_waiting_list = detail.waiting_since is not None
        self.placed_on_waiting_list = False
        self.waiting_button = self.buttons.addButton(
            tr("Sätt på &väntelistan"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.waiting_button.setToolTip(
            tr("Gruppen är full: sätt deltagaren på väntelistan till den i stället")
        )
        self.waiting_button.clicked.connect(self.put_on_waiting_list)
        self.waiting_button.hide()
        self.table.selectionModel().selectionChanged.connect(self._offer_waiting_list)

    def _offer_waiting_list(self) -> None:
        group = selected_row(self.table)
        full = isinstance(group, EnrolmentGroup) and group.enrolled >= group.capacity
        self.waiting_button.setVisible(full and not self.on_waiting_list)

    def put_on_waiting_list(self) -> None:
        """Sätt på väntelistan: the group is full, so the participant waits for a place in it instead."""
        group = selected_row(self.table)
        wish = WaitingWish(group_id=group.id) if isinstance(group, EnrolmentGroup) else WaitingWish()
        added = service_call(
            self,
            tr("Väntelistan"),
            lambda override: add_to_waiting_list(
                self._database, self._participant_id, today=self._today, wish=wish, override=override
            ),
        )
        if added is REFUSED:
            return
        self.placed_on_waiting_list = True
        QDialog.reject(self)  # nobody was placed in a group

    def _group_columns(self) -> list[Column[EnrolmentGroup]]:
        def fits(group: EnrolmentGroup) -> str:
            count = len(self._fits.get(group.id, ()))
            if count == 0:
                return tr("Ja")
            return tr("1 varning") if count == 1 else tr("{count} varningar").format(count=count)

        return [
            *cols.group_columns(),
            Column(
                tr("Passar"),
                fits,
                # Fewest warnings first, then the soonest start (a day number stays below ten million).
                sort=lambda g: len(self._fits.get(g.id, ())) * 10_000_000 + g.start_date.toordinal(),
                tooltip=lambda g: "\n".join(self._fits.get(g.id, ())) or None,
            ),
        ]


class EnrolDialog(_PlacementDialog):
    """From the group's side: choose the participant to place in the group, with search (a name in either
    script, a family, a language, an age). Those on the waiting list come first, longest waiting at the top."""

    def __init__(
        self,
        database: Database,
        group_id: int,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        today = today or dt.date.today()
        self.group = enrolment_group(database, group_id)
        already = {row.participant_id for row in roster(database, group_id) if row.is_active}
        rows = [row for row in list_participants(database, today) if row.id not in already]
        super().__init__(
            database,
            today,
            self._participant_columns(),
            tr("Sök på namn (latinsk eller egen skrift), familj, språk, område eller ålder"),
            lambda row: (row.id, group_id),
            lambda _row: first_day(self.group.start_date, today),
            parent,
        )
        self.setWindowTitle(tr("Anmäl deltagare till {group}").format(group=self.group.name))
        self._group_id = group_id
        self.enrolled_several: list[RosterRow] = []
        # Several at once (Ctrl- or Skift-klick), or a whole family with one button.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.family_button = QPushButton(tr("Välj hela &familjen"))
        self.family_button.setToolTip(tr("Markera alla i den valda deltagarens familj som visas i listan"))
        self.family_button.clicked.connect(self.choose_family)
        self.family_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(self._update_family_button)
        self.table.selectionModel().currentRowChanged.connect(self._update_family_button)
        self.intro.setText(
            tr(
                "{group}: {language}, {ages}, {places} platser tagna. Välj deltagaren som ska börja; "
                "flera med Ctrl- eller Skift-klick."
            ).format(
                group=self.group.name,
                language=self.group.language,
                ages=self.group.age_band_label or self.group.kind.label.lower(),
                places=cols.places_text(self.group),
            )
        )
        show_native_names(self.table, 1)
        self.fitting_only = QCheckBox(tr("Visa bara de som &passar (språk och ålder)"))
        self.fitting_only.toggled.connect(self._filter_fitting)
        self.search_row.addWidget(self.fitting_only)
        self.search_row.addWidget(self.family_button)
        self.model.set_rows(rows)
        self.table.sortByColumn(self.model.columnCount() - 1, Qt.SortOrder.AscendingOrder)
        self._fit_table(stretch=GROUPS_COLUMN)

    @staticmethod
    def _participant_columns() -> list[Column[ParticipantRow]]:
        every = cols.participant_columns()
        waiting = every[cols.WAITING]
        return [
            *(every[column] for column in (cols.NAME, cols.NATIVE, cols.AGE, cols.LANGUAGE, cols.PROGRAMME)),
            every[cols.GROUPS],
            Column(
                waiting.header,
                waiting.display,
                # Waiting first, longest waiting at the top; the rest after them.
                sort=lambda r: r.waiting_since.toordinal() if r.waiting_since else dt.date.max.toordinal(),
            ),
        ]

    def _fits(self, row: ParticipantRow) -> bool:
        group = self.group
        if row.language.casefold() != group.language.casefold():
            return False
        if group.age_min is None or group.age_max is None:
            return True
        return group.age_min <= age_on(row.birth_year, group.start_date, row.birth_date) <= group.age_max

    def _filter_fitting(self, on: bool) -> None:
        self.proxy.set_row_filter(self._fits if on else None)

    def chosen_rows(self) -> list[ParticipantRow]:
        """The participants chosen, in the order the list shows them."""
        positions = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.index(position, 0).data(ROW_ROLE) for position in positions]

    def _update_family_button(self) -> None:
        row = selected_row(self.table)
        self.family_button.setEnabled(isinstance(row, ParticipantRow) and row.family_id is not None)
        count = len(self.table.selectionModel().selectedRows())
        self.enrol_button.setText(tr("&Anmäl {count}").format(count=count) if count > 1 else tr("&Anmäl"))
        if count > 1:
            self.enrol_button.setEnabled(True)  # each is weighed when saved; one alone as it is chosen

    def choose_family(self) -> None:
        """Choose everyone shown who belongs to the chosen participant's family."""
        row = selected_row(self.table)
        if not isinstance(row, ParticipantRow) or row.family_id is None:
            return
        selection = QItemSelection()
        for position in range(self.proxy.rowCount()):
            other = self.proxy.index(position, 0).data(ROW_ROLE)
            if other.family_id == row.family_id:
                selection.select(
                    self.proxy.index(position, 0), self.proxy.index(position, self.proxy.columnCount() - 1)
                )
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def accept(self) -> None:
        rows = self.chosen_rows()
        if len(rows) <= 1:
            super().accept()
            self.enrolled_several = [self.enrolled] if self.enrolled is not None else []
            return
        joined_on = from_qdate(self.joined_on.date())
        ids = [row.id for row in rows]
        result = service_call(
            self,
            tr("Anmäl ändå?"),
            lambda override: enrol_several(self._database, ids, self._group_id, joined_on, override=override),
            invalid=self.errors.show,
        )
        if result is REFUSED:
            return
        self.enrolled_several = result
        self.enrolled = result[0]
        QDialog.accept(self)
