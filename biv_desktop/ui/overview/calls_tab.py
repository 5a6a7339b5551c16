"""The overview's 'Behöver ringas' tab: children in running groups who missed sessions in a row just now, with
group and guardians' phones; when a child is listed is set right here, and the list prints for the leaders."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.attendance import (
    CallSettings,
    ChildToCall,
    call_settings,
    children_to_call,
    save_call_settings,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.table_columns import fit_columns
from biv_desktop.ui.common.text import translator

tr = translator("Overview")


def call_columns() -> list[Column[ChildToCall]]:
    return [
        Column(tr("Barn"), lambda r: r.name),
        Column(tr("Grupp"), lambda r: r.group_name),
        Column(tr("Missat i rad"), lambda r: str(r.misses), sort=lambda r: r.misses, align_center=True),
        Column(tr("Senast där"), lambda r: r.last_present.isoformat() if r.last_present else "–"),
        Column(tr("Vårdnadshavare"), lambda r: ", ".join(g.name for g in r.guardians)),
        Column(tr("Telefon"), lambda r: r.phones),
    ]


class ChildrenToCall(QWidget):
    """The list, the two settings that decide it, and its printout."""

    def __init__(
        self, database: Database, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.on_change = on_change
        self.today = dt.date.today()
        self.rows: tuple[ChildToCall, ...] = ()
        self.model: RowTableModel[ChildToCall] = RowTableModel(call_columns(), self)
        self.table: QTableView = make_table(self.model, tr("Behöver ringas"))
        self.empty = QLabel(
            tr("Inget barn i de pågående grupperna har missat så många träffar i rad just nu.")
        )
        self.misses = QSpinBox()
        self.misses.setRange(1, 14)
        self.misses.setAccessibleName(tr("Missade träffar i rad"))
        self.count_notified = QCheckBox(tr("Räkna anmäld frånvaro"))
        self.print_button = QPushButton(tr("Skriv &ut listan…"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(lambda _checked=False: self.print_list())
        settings = QHBoxLayout()
        settings.addWidget(QLabel(tr("Visa barn som missat")))
        settings.addWidget(self.misses)
        settings.addWidget(QLabel(tr("träffar i rad eller fler")))
        settings.addSpacing(12)
        settings.addWidget(self.count_notified)
        settings.addStretch(1)
        settings.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(settings)
        self._show_settings(call_settings(database))
        self.misses.valueChanged.connect(lambda *_: self._save_settings())
        self.count_notified.toggled.connect(lambda *_: self._save_settings())

    def _show_settings(self, settings: CallSettings) -> None:
        for widget in (self.misses, self.count_notified):
            widget.blockSignals(True)
        self.misses.setValue(settings.misses)
        self.count_notified.setChecked(settings.count_notified)
        for widget in (self.misses, self.count_notified):
            widget.blockSignals(False)

    def _save_settings(self) -> None:
        chosen = CallSettings(self.misses.value(), self.count_notified.isChecked())
        saved = service_call(self, tr("Behöver ringas"), lambda _: save_call_settings(self.database, chosen))
        if saved is not REFUSED:
            self.on_change()

    def refresh(self, today: dt.date) -> int:
        self.today = today
        self.rows = children_to_call(self.database, today)
        self.model.set_rows(self.rows)
        fit_columns(self.table, {0: 220, 1: 320, 4: 260}, stretch=5)
        self.table.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        return len(self.rows)

    def print_list(self) -> None:
        # Imported when the list is printed: the printing windows are not needed to show the overview.
        from biv_desktop.ui.printing.preview import open_preview
        from biv_desktop.ui.printing.sheet_printing import SheetPrinting

        rows, today, misses = self.rows, self.today, self.misses.value()
        title = tr("Att ringa")
        job = SheetPrinting(
            self,
            title,
            f"att-ringa-{today.isoformat()}.pdf",
            lambda path, _progress: _write_call_list(path, rows, today, misses),
        )
        open_preview(self, [(title, job)])


def _write_call_list(path: Path, children: tuple[ChildToCall, ...], today: dt.date, misses: int) -> Path:
    # Imported now: reportlab loads with the first printout, not with the overview.
    from biv_desktop.reports.contacts import write_call_list

    return write_call_list(path, children, today, misses)
