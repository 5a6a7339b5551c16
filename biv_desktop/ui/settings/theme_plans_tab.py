"""The Temaplaner tab: the plans on the left (new, copy, default, delete), the chosen one's editor beside."""

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.enums import GroupKind
from biv_desktop.services.register import (
    ThemePlanRow,
    copy_theme_plan,
    delete_theme_plan,
    get_theme_plan,
    list_theme_plans,
    load_settings,
    set_default_theme_plan,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask_to_delete
from biv_desktop.ui.common.row_model import ROW_ROLE, Column, RowTableModel
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.table_columns import stretch_column
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.common.unsaved import Choice, ask_to_save
from biv_desktop.ui.settings.theme_editor import ThemePlanEditor

PLAN_LIST_WIDTH = 370


tr = translator("Settings")


def plan_columns() -> list[Column[ThemePlanRow]]:
    def default_tooltip(plan: ThemePlanRow) -> str | None:
        return tr("Nya grupper av den här typen får den här planen.") if plan.is_default else None

    return [
        Column(tr("Temaplan"), lambda p: p.name, tooltip=default_tooltip),
        Column(tr("Typ"), lambda p: p.kind.label),
        Column(tr("Teman"), lambda p: str(p.theme_count), align_center=True),
        Column(
            tr("Standard"),
            lambda p: tr("Ja") if p.is_default else "",
            align_center=True,
            tooltip=default_tooltip,
        ),
    ]


class ThemePlansTab(QWidget):
    """Choose a plan to edit it; a plan with unsaved edits asks before another is chosen."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.model: RowTableModel[ThemePlanRow] = RowTableModel(plan_columns(), self)
        self.plans = make_table(self.model, tr("Temaplaner"), wrap=True, sortable=False)
        self.plans.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        stretch_column(self.plans, 0)
        self.plans.selectionModel().currentRowChanged.connect(self._plan_chosen)
        self.editor = ThemePlanEditor(database)
        self.editor.saved.connect(self._after_save)
        self._shown_id: int | None = None

        self.new_button = QPushButton(tr("Ny tema&plan"))
        self.new_button.clicked.connect(self.add_new)
        self.copy_button = QPushButton(tr("&Kopiera"))
        self.copy_button.clicked.connect(self.copy_current)
        self.default_button = QPushButton(tr("Gör till stan&dard"))
        self.default_button.setToolTip(tr("Nya grupper av planens typ får den här planen"))
        self.default_button.clicked.connect(self.make_default)
        self.delete_button = QPushButton(tr("Ta b&ort"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QGridLayout()
        buttons.addWidget(self.new_button, 0, 0)
        buttons.addWidget(self.copy_button, 0, 1)
        buttons.addWidget(self.default_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.plans, 1)
        left.addLayout(buttons)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(PLAN_LIST_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addWidget(left_widget)
        layout.addWidget(self.editor, 1)
        self._enable()

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def refresh(self, select_id: int | None = None) -> None:
        """Read the plans again and show ``select_id`` (or the one shown before, or the first)."""
        self.editor.sessions_per_group = load_settings(self.database).sessions_per_group
        wanted = select_id if select_id is not None else self._shown_id
        self.model.set_rows(list_theme_plans(self.database))
        rows = self.model.rows()
        position = next((n for n, row in enumerate(rows) if row.id == wanted), 0 if rows else None)
        self._shown_id = None
        if position is not None:
            self.plans.selectionModel().setCurrentIndex(
                self.model.index(position, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._show(rows[position].id)
        else:
            self.editor.load(None)
        self._enable()

    def current_plan(self) -> ThemePlanRow | None:
        index = self.plans.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, ThemePlanRow) else None

    def _show(self, plan_id: int) -> None:
        plan = service_call(
            self,
            tr("Temaplaner"),
            lambda _: get_theme_plan(self.database, plan_id),
            invalid=lambda _gone: None,  # removed meanwhile: the editor is emptied
        )
        self.editor.load(None if plan is REFUSED else plan)
        self._shown_id = plan_id

    def _plan_chosen(self, current: object, previous: object) -> None:
        plan = self.current_plan()
        if plan is None or plan.id == self._shown_id:
            return
        if not self.resolve_unsaved_changes():
            # Stay on the plan being edited.
            self.refresh(self._shown_id)
            return
        self._show(plan.id)
        self._enable()

    def resolve_unsaved_changes(self) -> bool:
        """Ask what to do with unsaved edits: True if they were saved or dropped, False to keep editing."""
        if not self.editor.has_unsaved_changes():
            return True
        name = self.editor.name.text().strip() or tr("ny plan")
        answer = ask_to_save(self, tr("temaplanen ”{name}”").format(name=name))
        if answer is Choice.SAVE:
            return self.editor.save()
        if answer is Choice.DISCARD:
            self.editor.undo()
            return True
        return False

    def _after_save(self, plan_id: int) -> None:
        self.refresh(plan_id)

    def _enable(self) -> None:
        plan = self.current_plan()
        self.copy_button.setEnabled(plan is not None)
        self.default_button.setEnabled(plan is not None and not plan.is_default)
        self.delete_button.setEnabled(plan is not None and not plan.is_default)

    def add_new(self) -> None:
        if not self.resolve_unsaved_changes():
            return
        plan = self.current_plan()
        self.plans.clearSelection()
        self._shown_id = None
        self.editor.start_new(plan.kind if plan else GroupKind.CHILDREN)

    def copy_current(self) -> None:
        plan = self.current_plan()
        if plan is None or not self.resolve_unsaved_changes():
            return
        self._act(lambda: copy_theme_plan(self.database, plan.id).id)

    def make_default(self) -> None:
        plan = self.current_plan()
        if plan is None or not self.resolve_unsaved_changes():
            return
        self._act(lambda: set_default_theme_plan(self.database, plan.id).id)

    def delete_current(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        question = tr("Ta bort temaplanen ”{name}”?").format(name=plan.name)
        kept = tr("Grupper som redan har fått dess teman behåller dem.")
        if not ask_to_delete(self, tr("Ta bort temaplan"), question, kept):
            return
        self.editor.load(None)  # its edits go with the plan

        def delete() -> None:
            delete_theme_plan(self.database, plan.id)

        self._act(delete)

    def _act(self, action: Callable[[], int | None]) -> None:
        """Run a service call on the list; a refusal is explained in a message box."""
        result = service_call(self, tr("Temaplaner"), lambda _: action())
        if result is REFUSED:
            self.refresh()
            return
        self._shown_id = None
        self.refresh(result)
        self.plans.setFocus(Qt.FocusReason.OtherFocusReason)
