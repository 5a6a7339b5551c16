"""Editing one theme plan: its name and kind, and its themes in session order (add, edit, delete, move)."""

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register import (
    ThemeDraft,
    ThemePlanDetail,
    ThemePlanDraft,
    save_theme_plan,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.form import FieldErrors
from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.table_columns import stretch_column
from biv_desktop.ui.common.text import translator

tr = translator("Settings")


@dataclass(frozen=True)
class EditedTheme:
    """A theme as the editor holds it before saving: its number is its place in the list."""

    number: int
    title: str
    description: str = ""
    materials: str = ""


def theme_columns() -> list[Column[EditedTheme]]:
    return [
        Column(tr("Träff"), lambda t: str(t.number), sort=lambda t: t.number, align_center=True),
        Column(tr("Tema"), lambda t: t.title, tooltip=lambda t: t.description or None),
    ]


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class ThemePlanEditor(QWidget):
    """The plan being edited; nothing reaches the register until Spara. ``saved`` carries the plan's id."""

    saved = Signal(int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.plan_id: int | None = None
        self.is_default = False
        self.loaded: ThemePlanDraft | None = None
        self.sessions_per_group = 14
        self._loading = False

        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in GroupKind:
            self.kind.addItem(kind.label, kind.value)
        self.default_note = QLabel()
        self.model: RowTableModel[EditedTheme] = RowTableModel(theme_columns(), self)
        self.themes = make_table(self.model, tr("Teman i ordning"), wrap=True, sortable=False)
        self.themes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        stretch_column(self.themes, 1)
        self.themes.selectionModel().currentRowChanged.connect(lambda *_: self._show_current_theme())
        self.title = QLineEdit()
        self.description = _text_box(4)
        self.materials = _text_box(2)
        self.count_note = QLabel()
        self.count_note.setWordWrap(True)

        plan_form = QFormLayout()
        self.errors = FieldErrors(plan_form)
        self.errors.add_row("name", tr("&Namn:"), self.name)
        self.errors.add_row("kind", tr("T&yp:"), self.kind)
        plan_form.addRow("", self.default_note)
        theme_form = QFormLayout()
        theme_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.theme_errors = FieldErrors(theme_form)
        self.theme_errors.add_row("title", tr("&Rubrik:"), self.title)
        self.theme_errors.add_row("description", tr("&Beskrivning:"), self.description)
        self.theme_errors.add_row("materials", tr("&Material:"), self.materials)

        self.add_button = self._button(tr("&Lägg till tema"), "Ctrl+Shift+N", self.add_theme, self)
        self.remove_button = self._button(tr("Ta bort t&ema"), "Ctrl+Del", self.remove_theme, self)
        self.up_button = self._button(tr("Flytta upp"), "Ctrl+Up", self.move_up, self.themes)
        self.down_button = self._button(tr("Flytta ned"), "Ctrl+Down", self.move_down, self.themes)
        self.save_button = self._button(tr("&Spara temaplan"), "Ctrl+S", self.save, self)
        self.undo_button = QPushButton(tr("&Ångra ändringar"))
        self.undo_button.clicked.connect(self.undo)

        # The themes in order with their buttons beside, and the chosen theme's fields below at full width.
        theme_buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            theme_buttons.addWidget(button)
        theme_buttons.addStretch(1)
        themes_row = QHBoxLayout()
        themes_row.addWidget(self.themes, 1)
        themes_row.addLayout(theme_buttons)
        body = QVBoxLayout()
        body.addLayout(themes_row, 1)
        body.addWidget(self.theme_errors.general_label())
        body.addLayout(theme_form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_note, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(plan_form)
        layout.addLayout(body, 1)
        layout.addWidget(self.errors.general_label())
        layout.addLayout(bottom)

        self.name.textEdited.connect(lambda _text: self._changed())
        self.kind.currentIndexChanged.connect(lambda _index: self._changed())
        self.title.textEdited.connect(lambda _text: self._edit_current(title=self.title.text()))
        self.description.textChanged.connect(
            lambda: self._edit_current(description=self.description.toPlainText())
        )
        self.materials.textChanged.connect(lambda: self._edit_current(materials=self.materials.toPlainText()))
        self.load(None)

    def _button(self, text: str, keys: str, slot: object, owner: QWidget) -> QPushButton:
        """A button whose action also has a keyboard shortcut while the focus is within ``owner``."""
        button = QPushButton(text)
        button.setToolTip(f"{text.replace('&', '')} ({keys})")
        button.clicked.connect(slot)
        action = QAction(text, owner)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        owner.addAction(action)
        return button

    # Loading and reading.
    def load(self, plan: ThemePlanDetail | None) -> None:
        """Show a saved plan for editing (None: nothing to edit)."""
        self._loading = True
        self.errors.clear()
        self.theme_errors.clear()
        self.plan_id = plan.id if plan else None
        self.is_default = plan.is_default if plan else False
        self.name.setText(plan.name if plan else "")
        self.kind.setCurrentIndex(self.kind.findData((plan.kind if plan else GroupKind.CHILDREN).value))
        themes = (
            [EditedTheme(t.position, t.title, t.description, t.materials) for t in plan.themes]
            if plan
            else []
        )
        self.model.set_rows(themes)
        self._loading = False
        self.loaded = self.draft() if plan else None
        self.setEnabled(plan is not None)
        if themes:
            self.themes.selectRow(0)
        self._show_current_theme()
        self._changed()

    def start_new(self, kind: GroupKind) -> None:
        """An empty plan of ``kind``: the user names it and adds themes."""
        self.load(None)
        self.setEnabled(True)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.loaded = self.draft()
        self.name.setFocus()
        self._changed()

    def draft(self) -> ThemePlanDraft:
        return ThemePlanDraft(
            name=self.name.text(),
            kind=GroupKind(self.kind.currentData()),
            themes=tuple(ThemeDraft(t.title, t.description, t.materials) for t in self.model.rows()),
        )

    def has_unsaved_changes(self) -> bool:
        return self.loaded is not None and self.draft() != self.loaded

    # Editing the themes.
    def current_position(self) -> int | None:
        index = self.themes.currentIndex()
        return index.row() if index.isValid() else None

    def _select(self, position: int) -> None:
        self.themes.setCurrentIndex(self.model.index(position, 1))

    def add_theme(self) -> None:
        """A new, empty theme after the current one (or last), ready for its title."""
        rows = self.model.rows()
        current = self.current_position()
        at = len(rows) if current is None else current + 1
        rows.insert(at, EditedTheme(at + 1, ""))
        self._set_themes(rows, at)
        self.title.setFocus()

    def remove_theme(self) -> None:
        current = self.current_position()
        if current is None:
            return
        rows = self.model.rows()
        del rows[current]
        self._set_themes(rows, min(current, len(rows) - 1))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        current = self.current_position()
        if current is None or not 0 <= current + step < self.model.rowCount():
            return
        here, there = self.model.row_at(current), self.model.row_at(current + step)
        self.model.replace_row(current, replace(there, number=current + 1))
        self.model.replace_row(current + step, replace(here, number=current + step + 1))
        self._select(current + step)
        self._changed()

    def _set_themes(self, rows: list[EditedTheme], selected: int) -> None:
        self.model.set_rows([replace(theme, number=position) for position, theme in enumerate(rows, start=1)])
        if selected >= 0:
            self._select(selected)
        self._show_current_theme()
        self._changed()

    def _edit_current(
        self, *, title: str | None = None, description: str | None = None, materials: str | None = None
    ) -> None:
        current = self.current_position()
        if self._loading or current is None:
            return
        theme = self.model.row_at(current)
        edited = EditedTheme(
            theme.number,
            theme.title if title is None else title,
            theme.description if description is None else description,
            theme.materials if materials is None else materials,
        )
        self.model.replace_row(current, edited)
        self._changed()

    def _show_current_theme(self) -> None:
        current = self.current_position()
        theme = self.model.row_at(current) if current is not None else None
        self._loading = True
        self.title.setText(theme.title if theme else "")
        self.description.setPlainText(theme.description if theme else "")
        self.materials.setPlainText(theme.materials if theme else "")
        self._loading = False
        for field in (self.title, self.description, self.materials):
            field.setEnabled(theme is not None)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        current = self.current_position()
        self.remove_button.setEnabled(current is not None)
        self.up_button.setEnabled(current is not None and current > 0)
        self.down_button.setEnabled(current is not None and current < self.model.rowCount() - 1)

    def _changed(self) -> None:
        if self._loading:
            return
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty)
        self.undo_button.setEnabled(dirty)
        self.default_note.setText(
            tr("Nya grupper av den här typen får den här planen.") if self.is_default else ""
        )
        self.default_note.setVisible(self.is_default)
        self.count_note.setText(self._count_text())
        self._enable_buttons()

    def _count_text(self) -> str:
        count, sessions = self.model.rowCount(), self.sessions_per_group
        if count == sessions:
            return tr("{count} teman, ett för varje träff.").format(count=count)
        if count < sessions:
            return tr(
                "{count} teman, men en grupp har {sessions} träffar: de sista träffarna får inget tema."
            ).format(count=count, sessions=sessions)
        return tr("{count} teman, men en grupp har {sessions} träffar: de sista temana används inte.").format(
            count=count, sessions=sessions
        )

    # Saving.
    def undo(self) -> None:
        """Drop the edits since the plan was loaded or saved."""
        if self.loaded is None:
            return
        draft = self.loaded
        self._loading = True
        self.name.setText(draft.name)
        self.kind.setCurrentIndex(self.kind.findData(draft.kind.value))
        self._loading = False
        rows = [
            EditedTheme(n, t.title, t.description, t.materials) for n, t in enumerate(draft.themes, start=1)
        ]
        self._set_themes(rows, 0 if rows else -1)
        self.errors.clear()
        self.theme_errors.clear()

    def save(self) -> bool:
        """Save the plan; on bad input show why beside the field (a theme's fields for a theme) and keep it all."""
        self.errors.clear()
        self.theme_errors.clear()
        saved = service_call(
            self,
            tr("Spara temaplanen"),
            lambda _: save_theme_plan(self.database, self.draft(), self.plan_id),
            invalid=self._show_error,
        )
        if saved is REFUSED:
            return False
        self.load(saved)
        self.saved.emit(saved.id)
        return True

    def _show_error(self, error: ValidationError) -> None:
        parts = error.field.split(".")
        if len(parts) == 3 and parts[0] == "themes" and parts[1].isdigit():
            self._select(int(parts[1]))
            self.theme_errors.show(ValidationError(parts[2], error.message))
        elif error.field == "themes":
            self.theme_errors.show(error)
        else:
            self.errors.show(error)
