"""Importera från Excel…: the coordinator's existing list into the register, seen whole before anything
is written.

Choose the file (the chooser starts in Documents) and the sheet; the columns are matched by their headers
and can be changed one by one; the preview shows every row with its problems in Swedish and, for a person
already in the register, whether to skip or merge; Importera writes every accepted row in one transaction
and says what was imported and skipped. Reading, checking and writing run off the GUI thread with progress.
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.errors import UserError
from biv_desktop.services.participants import (
    DuplicateChoice,
    ImportPreview,
    ImportSummary,
    SpreadsheetTable,
    import_participants,
    preview_import,
    read_spreadsheet,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import message_box, warn
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.window_state import last_folder, remember_folder
from biv_desktop.ui.common.worker import Progress, TaskCancelled, run_with_progress
from biv_desktop.ui.participants.import_tables import MappingTable, PreviewModel
from biv_desktop.ui.participants.widgets import tr

FILE_FILTER = "Kalkylark (*.xlsx *.xlsm *.csv *.txt);;Alla filer (*)"
EXAMPLE_LENGTH = 40


class ImportParticipantsDialog(QDialog):
    """Bring in the existing list: participants, families (guardians linked to children) and the waiting list."""

    def __init__(
        self,
        database: Database,
        *,
        today: dt.date | None = None,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Importera deltagare från Excel"))
        self._database = database
        self._today = today
        self.table: SpreadsheetTable | None = None
        self.preview: ImportPreview | None = None
        self.summary: ImportSummary | None = None

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(tr("Ingen fil vald"))
        self.file_edit.setAccessibleName(tr("Fil"))
        self.choose_button = QPushButton(tr("&Välj fil…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName(tr("Blad"))
        self.sheet_combo.setMinimumContentsLength(16)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        top = QHBoxLayout()
        file_label = QLabel(tr("&Fil:"))
        file_label.setBuddy(self.choose_button)
        sheet_label = QLabel(tr("&Blad:"))
        sheet_label.setBuddy(self.sheet_combo)
        for widget in (file_label, self.file_edit, self.choose_button, sheet_label, self.sheet_combo):
            top.addWidget(widget, 1 if widget is self.file_edit else 0)

        self.mapping_table = MappingTable()
        self.mapping_table.mapping_changed.connect(self.refresh_preview)
        self.model = PreviewModel(self)
        self.preview_table = make_table(self.model, tr("Förhandsvisning"))
        self.preview_table.setSortingEnabled(False)  # the rows stay in the file's order
        self.preview_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.preview_table.horizontalHeader().setStretchLastSection(True)  # the remarks get the room left
        self.skip_button = QPushButton(tr("&Hoppa över markerade dubbletter"))
        self.merge_button = QPushButton(tr("&Slå ihop markerade dubbletter"))
        self.skip_button.clicked.connect(lambda: self._choose_for_selected(DuplicateChoice.SKIP))
        self.merge_button.clicked.connect(lambda: self._choose_for_selected(DuplicateChoice.MERGE))
        self.merge_button.setToolTip(
            tr(
                "Slå ihop: personen som redan finns behåller allt som står i registret och får det som "
                "saknas där (språk, kön, område, telefon, samtycke, familj, väntelista) från filen."
            )
        )
        duplicate_row = QHBoxLayout()
        duplicate_row.addWidget(self.skip_button)
        duplicate_row.addWidget(self.merge_button)
        duplicate_row.addStretch(1)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel(tr("Förhandsvisning: varje rad och vad som händer med den")))
        preview_layout.addWidget(self.preview_table, 1)
        preview_layout.addLayout(duplicate_row)
        mapping_box = QWidget()
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(QLabel(tr("Kolumner: ändra fältet om rubriken har tolkats fel")))
        mapping_layout.addWidget(self.mapping_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(mapping_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([170, 380])

        self.summary_label = QLabel(
            tr(
                "Status i filen: asylsökande/BIV, uppehållstillstånd/BIS, väntelista (gärna med BIV eller BIS). "
                "Vårdnadshavare: ja, förälder eller vårdnadshavare för en vuxen; tomt för ett barn."
            )
        )
        self.summary_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(tr("&Importera"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(tr("Stäng"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)
        self.resize(1240, 660)
        self._update_buttons()
        if path is not None:
            self.open_file(path)

    # ---- choosing ---------------------------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(last_folder("import"))
        chosen, _filter = QFileDialog.getOpenFileName(
            self, tr("Välj listan att importera"), start, FILE_FILTER
        )
        if chosen:
            remember_folder("import", Path(chosen))
            self.open_file(Path(chosen))

    def open_file(self, path: Path, sheet: str | None = None) -> bool:
        """Read ``sheet`` (the first when None) of the file and preview it; False if it could not be read."""
        table = self._work(
            tr("Läser {name}…").format(name=path.name), lambda _p: read_spreadsheet(path, sheet)
        )
        if not isinstance(table, SpreadsheetTable):
            return False
        self.table = table
        self.model.choices.clear()
        self.file_edit.setText(str(path))
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(table.sheets))
        self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.blockSignals(False)
        self.preview = None
        self.refresh_preview()
        return True

    def _sheet_chosen(self, _index: int) -> None:
        if self.table is not None and self.sheet_combo.currentText() != self.table.sheet:
            self.open_file(self.table.path, self.sheet_combo.currentText())

    def refresh_preview(self) -> None:
        """Check every row again with the columns as now chosen."""
        table = self.table
        if table is None:
            return
        mapping = self.mapping_table.mapping() if self.preview is not None else None
        preview = self._work(
            tr("Kontrollerar raderna…"),
            lambda progress: preview_import(
                self._database, table, mapping, today=self._today, progress=progress
            ),
        )
        if not isinstance(preview, ImportPreview):
            return
        first_time = self.preview is None
        self.preview = preview
        if first_time:
            examples = [self._example(table, column) for column in range(len(table.headers))]
            self.mapping_table.blockSignals(True)
            self.mapping_table.set_columns(table.headers, examples, preview.mapping)
            self.mapping_table.blockSignals(False)
        self.model.set_rows(preview.rows)
        self.preview_table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.preview_table.setColumnWidth(column, min(self.preview_table.columnWidth(column), 260))
        self.summary_label.setText(preview.summary)
        self._update_buttons()

    @staticmethod
    def _example(table: SpreadsheetTable, column: int) -> str:
        for row in table.rows[:50]:
            value = row.cell(column)
            if value is not None and str(value).strip():
                text = str(value).encode("utf-8", "replace").decode("utf-8")
                return text if len(text) <= EXAMPLE_LENGTH else text[: EXAMPLE_LENGTH - 1] + "…"
        return ""

    def _choose_for_selected(self, choice: DuplicateChoice) -> None:
        positions = sorted({index.row() for index in self.preview_table.selectionModel().selectedRows()})
        if not self.model.set_choice(positions, choice):
            warn(self, tr("Dubbletter"), tr("Markera en eller flera rader som finns redan i registret."))

    def _update_buttons(self) -> None:
        preview = self.preview
        has_duplicates = preview is not None and preview.duplicates > 0
        self.skip_button.setEnabled(has_duplicates)
        self.merge_button.setEnabled(has_duplicates)
        self.import_button.setEnabled(
            preview is not None and not preview.column_problem and preview.ready + preview.duplicates > 0
        )

    # ---- importing --------------------------------------------------------------------------------

    def run_import(self) -> None:
        """Write every accepted row in one transaction, then say what was imported and skipped."""
        table, preview = self.table, self.preview
        if table is None or preview is None:
            return
        choices = self.model.duplicate_choices()
        summary = self._work(
            tr("Importerar…"),
            lambda progress: import_participants(
                self._database,
                table,
                self.mapping_table.mapping(),
                duplicates=choices,
                today=self._today,
                progress=progress,
            ),
        )
        if not isinstance(summary, ImportSummary):
            return
        self.summary = summary
        self.summary_label.setText(summary.text)
        shown: list[str] = []
        if summary.skipped:
            lines = [
                tr("Rad {line}: {reason}").format(line=line, reason=reason)
                for line, reason in summary.skipped
            ]
            shown = lines[:15] + (
                [tr("… och {n} rader till.").format(n=len(lines) - 15)] if len(lines) > 15 else []
            )
        # The reasons quote the file's cells as they are: shown as plain text, whatever they hold.
        icon = QMessageBox.Icon.Information
        box = message_box(self, icon, tr("Importen är klar"), summary.text, "\n".join(shown))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        self.accept()

    def _work(self, label: str, work: Callable[[Progress], object]) -> object:
        """Run ``work(progress)`` off the GUI thread; its result, or None after telling why it failed."""
        try:
            return run_with_progress(self, self.windowTitle(), label, work)
        except TaskCancelled:
            return None
        except UserError as error:
            warn(self, self.windowTitle(), error.message + self._nothing_written(label))
            return None

    @staticmethod
    def _nothing_written(label: str) -> str:
        return tr(" Inget har importerats.") if label == tr("Importerar…") else ""
