"""The Återkoppling tab: the groups with and without their evaluation entered, and the entry form."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QDialog, QPushButton, QWidget

from biv_desktop.domain.enums import GroupStatus
from biv_desktop.services.followup import (
    FeedbackGroupRow,
    delete_feedback,
    feedback_form,
    feedback_groups,
    groups_missing_feedback,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask_to_delete
from biv_desktop.ui.common.list_screen import ListTab, ListTexts
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.followup.common import tr
from biv_desktop.ui.followup.evaluation_printing import print_evaluation_forms
from biv_desktop.ui.followup.feedback_dialog import FeedbackDialog

MISSING_COLOUR = QColor("#b00020")


def feedback_text(row: FeedbackGroupRow) -> str:
    if not row.has_feedback:
        return tr("Saknas")
    collected = row.collected_on.isoformat() if row.collected_on else ""
    return tr("{day}, {count} svarande").format(day=collected, count=row.respondents)


def feedback_columns() -> list[Column[FeedbackGroupRow]]:
    def missing(row: FeedbackGroupRow) -> QBrush | None:
        return QBrush(MISSING_COLOUR) if not row.has_feedback and row.status is GroupStatus.FINISHED else None

    return [
        Column(tr("Grupp"), lambda r: r.name),
        Column(tr("Typ"), lambda r: r.kind.label),
        Column(tr("Status"), lambda r: r.status.label),
        Column(
            tr("Sista träffen"),
            lambda r: r.ended_on.isoformat() if r.ended_on else "",
            sort=lambda r: r.ended_on.isoformat() if r.ended_on else "",
        ),
        Column(
            tr("Återkoppling"),
            feedback_text,
            sort=lambda r: f"{int(r.has_feedback)} {r.collected_on.isoformat() if r.collected_on else ''}",
            foreground=missing,
        ),
    ]


class FeedbackTab(ListTab[FeedbackGroupRow]):
    """Every group that has started; Enter opens its evaluation to enter or change the counts."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(database, today, parent)
        self.new_button.hide()
        self.open_button.setText(tr("&Fyll i återkoppling…"))
        self.open_button.setToolTip(tr("Fyll i eller ändra den valda gruppens utvärdering (Enter)"))
        self.delete_button.setText(tr("Ta &bort återkopplingen…"))
        self.show_which = QComboBox()
        self.show_which.setAccessibleName(tr("Visa"))
        self.show_which.addItem(tr("Alla grupper"), None)
        self.show_which.addItem(tr("Grupper som saknar återkoppling"), False)
        self.show_which.addItem(tr("Grupper med återkoppling"), True)
        self.show_which.currentIndexChanged.connect(self._filter)
        self.tools.insertWidget(1, self.show_which)
        self.print_button = QPushButton(tr("Skriv ut b&lanketter…"))
        self.print_button.setToolTip(
            tr("Den valda gruppens utvärdering att dela ut, på svenska och gruppens språk, en per deltagare")
        )
        self.print_button.clicked.connect(self.print_forms)
        self.tools.insertWidget(self.tools.indexOf(self.open_button), self.print_button)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)

    def columns(self) -> list[Column[FeedbackGroupRow]]:
        return feedback_columns()

    def texts(self) -> ListTexts:
        return ListTexts(
            name=tr("Gruppernas återkoppling"), new=tr("Ny"), empty=tr("Inga grupper har startat ännu.")
        )

    def search_text(self, row: FeedbackGroupRow) -> str:
        return row.name

    def load(self) -> list[FeedbackGroupRow]:
        return service_result(self, tr("Återkoppling"), lambda: feedback_groups(self.database)) or []

    def count_text(self, count: int) -> str:
        if count == 0:
            return self.empty_text
        missing = service_result(
            self, tr("Återkoppling"), lambda: groups_missing_feedback(self.database, self.today)
        )
        if not missing:
            return tr("Alla grupper som avslutats under avtalsåret har sin återkoppling.")
        if len(missing) == 1:
            return tr("1 grupp som avslutats under avtalsåret saknar återkoppling.")
        return tr("{count} grupper som avslutats under avtalsåret saknar återkoppling.").format(
            count=len(missing)
        )

    def _filter(self) -> None:
        wanted = self.show_which.currentData()
        self.proxy.set_row_filter(None if wanted is None else lambda row: row.has_feedback is wanted)

    def selection_changed(self) -> None:
        super().selection_changed()
        row = self.current_row()
        self.delete_button.setEnabled(row is not None and row.has_feedback)
        self.print_button.setEnabled(row is not None)

    def print_forms(self) -> None:
        row = self.current_row()
        if row is not None:
            print_evaluation_forms(self, self.database, row.id, self.today)

    def edit(self, row: FeedbackGroupRow | None) -> FeedbackGroupRow | None:
        if row is None:
            return None
        entry = service_result(self, tr("Återkoppling"), lambda: feedback_form(self.database, row.id))
        if entry is None:
            return None
        dialog = FeedbackDialog(self.database, entry, self.today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return row

    def delete(self, row: FeedbackGroupRow) -> bool:
        if not row.has_feedback:
            return False
        question = tr("Ta bort återkopplingen för {group}?").format(group=row.name)
        if not ask_to_delete(
            self, tr("Ta bort återkoppling"), question, tr("Alla antal och citat tas bort.")
        ):
            return False

        def remove() -> bool:
            delete_feedback(self.database, row.id)
            return True

        return service_result(self, tr("Ta bort återkoppling"), remove) is True
