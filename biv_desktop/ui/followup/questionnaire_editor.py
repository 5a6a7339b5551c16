"""The Frågeformulär tab of the settings: the evaluation questionnaires' questions and answer options.

The tree holds the questions with their options beneath; add, edit (F2 or double-click), move and delete
them, then Spara. Nothing reaches the register until then; answered questions or options that are
deleted or reworded are confirmed first, since the entered evaluations count on them.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.followup import (
    OptionDraft,
    QuestionDraft,
    QuestionnaireDetail,
    QuestionnaireDraft,
    list_questionnaires,
    save_questionnaire,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.styles import ERROR_STYLE
from biv_desktop.ui.common.unsaved import UnsavedEdits, settle
from biv_desktop.ui.followup.common import tr
from biv_desktop.ui.followup.translations_dialog import TranslationsDialog

ID_ROLE = Qt.ItemDataRole.UserRole


class QuestionnairesTab(QWidget):
    """Edits one questionnaire at a time: the children's or the parents' evaluation."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.loaded: QuestionnaireDetail | None = None
        self.questionnaires: list[QuestionnaireDetail] = []

        self.choice = QComboBox()
        self.choice.setAccessibleName(tr("Frågeformulär"))
        self.choice.activated.connect(self._chosen)
        self.name = QLineEdit()
        top = QFormLayout()
        choice_label = QLabel(tr("&Välj formulär:"))
        choice_label.setBuddy(self.choice)
        name_label = QLabel(tr("Na&mn:"))
        name_label.setBuddy(self.name)
        top.addRow(choice_label, self.choice)
        top.addRow(name_label, self.name)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Fråga och svarsalternativ"), tr("Inmatade svar")])
        self.tree.setAccessibleName(tr("Frågor"))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.add_question_button = QPushButton(tr("Ny f&råga"))
        self.add_question_button.clicked.connect(self.add_question)
        self.add_option_button = QPushButton(tr("Nytt &alternativ"))
        self.add_option_button.clicked.connect(self.add_option)
        self.edit_button = QPushButton(tr("Än&dra (F2)"))
        self.edit_button.clicked.connect(self.edit_current)
        self.up_button = QPushButton(tr("Flytta u&pp"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(tr("Flytta &ned"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button = QPushButton(tr("Ta &bort"))
        self.delete_button.clicked.connect(self.delete_current)
        delete_action = QAction(tr("Ta bort"), self.tree)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_current)
        self.tree.addAction(delete_action)
        self.save_button = QPushButton(tr("&Spara"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(tr("Ån&gra ändringarna"))
        self.revert_button.clicked.connect(lambda: self.show_questionnaire(self.loaded))
        self.translations_button = QPushButton(tr("Översättn&ingar…"))
        self.translations_button.setToolTip(tr("Frågorna och svarsalternativen på de språk familjerna läser"))
        self.translations_button.clicked.connect(self.open_translations)
        tools = QGridLayout()
        for position, button in enumerate(
            (
                self.add_question_button,
                self.add_option_button,
                self.edit_button,
                self.up_button,
                self.down_button,
                self.delete_button,
            )
        ):
            tools.addWidget(button, position, 0)
        tools.setRowMinimumHeight(6, 12)
        tools.addWidget(self.translations_button, 7, 0)
        tools.setRowStretch(8, 1)
        tools.addWidget(self.save_button, 9, 0)
        tools.addWidget(self.revert_button, 10, 0)

        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.tree, 1)
        body.addLayout(tools)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        self._update_buttons()

    # Loading and showing.
    def refresh(self) -> None:
        questionnaires = service_call(self, tr("Frågeformulär"), lambda _: list_questionnaires(self.database))
        if questionnaires is REFUSED:
            return
        self.questionnaires = questionnaires
        chosen = self.loaded.id if self.loaded is not None else None
        self.choice.clear()
        for questionnaire in self.questionnaires:
            self.choice.addItem(
                f"{questionnaire.name} ({questionnaire.kind.label.lower()}er)", questionnaire.id
            )
        index = max(0, self.choice.findData(chosen)) if chosen is not None else 0
        self.choice.setCurrentIndex(index)
        self.show_questionnaire(self.questionnaires[index] if self.questionnaires else None)

    def _chosen(self, index: int) -> None:
        if not 0 <= index < len(self.questionnaires) or self.questionnaires[index] == self.loaded:
            return
        if self.has_unsaved_changes() and not self._discard_asked():
            self.choice.setCurrentIndex(self.choice.findData(self.loaded.id if self.loaded else None))
            return
        self.show_questionnaire(self.questionnaires[index])

    def _discard_asked(self) -> bool:
        text = tr("Ändringarna i frågeformuläret är inte sparade.")
        icon, role = QMessageBox.Icon.Question, QMessageBox.ButtonRole.DestructiveRole
        return ask(self, tr("Frågeformulär"), text, "", tr("Släng ändringarna"), icon=icon, role=role)

    def show_questionnaire(self, detail: QuestionnaireDetail | None) -> None:
        self.loaded = detail
        self.tree.clear()
        self.error.hide()
        self.name.setText(detail.name if detail else "")
        if detail is None:
            return
        for question in detail.questions:
            item = self._question_item(question.text, question.id, question.answers)
            for option in question.options:
                self._option_item(item, option.label, option.id, option.answers)
        self.tree.expandAll()
        self.note.setText(
            tr("Används i {count} inmatade utvärderingar. Ändringar gäller även dem.").format(
                count=detail.forms
            )
            if detail.forms
            else tr("Inga utvärderingar är inmatade med formuläret ännu.")
        )
        self._update_buttons()

    def _question_item(
        self, text: str, question_id: int | None, answers: int = 0, at: int | None = None
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, str(answers) if question_id is not None else ""])
        item.setData(0, ID_ROLE, question_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if at is None:
            self.tree.addTopLevelItem(item)
        else:
            self.tree.insertTopLevelItem(at, item)
        return item

    def _option_item(
        self, question: QTreeWidgetItem, label: str, option_id: int | None, answers: int = 0
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label, str(answers) if option_id is not None else ""])
        item.setData(0, ID_ROLE, option_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        question.addChild(item)
        return item

    # Editing.
    def _question_of(self, item: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
        if item is None:
            return None
        return item if item.parent() is None else item.parent()

    def add_question(self) -> QTreeWidgetItem:
        current = self._question_of(self.tree.currentItem())
        at = (
            self.tree.indexOfTopLevelItem(current) + 1
            if current is not None
            else self.tree.topLevelItemCount()
        )
        item = self._question_item(tr("Ny fråga"), None, at=at)
        for label in (tr("Ja"), tr("Nej")):
            self._option_item(item, label, None)
        item.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.editItem(item, 0)
        return item

    def add_option(self) -> QTreeWidgetItem | None:
        question = self._question_of(self.tree.currentItem())
        if question is None:
            return None
        item = self._option_item(question, tr("Nytt alternativ"), None)
        question.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.editItem(item, 0)
        return item

    def edit_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.tree.editItem(item, 0)

    def move_current(self, step: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            index = self.tree.indexOfTopLevelItem(item)
            if not 0 <= index + step < self.tree.topLevelItemCount():
                return
            expanded = item.isExpanded()
            self.tree.takeTopLevelItem(index)
            self.tree.insertTopLevelItem(index + step, item)
            item.setExpanded(expanded)
        else:
            index = parent.indexOfChild(item)
            if not 0 <= index + step < parent.childCount():
                return
            parent.takeChild(index)
            parent.insertChild(index + step, item)
        self.tree.setCurrentItem(item)

    def delete_current(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        else:
            parent.removeChild(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.tree.currentItem() is not None
        for button in (
            self.add_option_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        ):
            button.setEnabled(chosen)

    # Saving.
    def _questions(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def draft(self) -> QuestionnaireDraft:
        questions = []
        for item in self._questions():
            options = tuple(
                OptionDraft(option.text(0), option.data(0, ID_ROLE))
                for option in (item.child(number) for number in range(item.childCount()))
                if option is not None
            )
            questions.append(QuestionDraft(item.text(0), options, item.data(0, ID_ROLE)))
        return QuestionnaireDraft(self.name.text(), tuple(questions))

    def has_unsaved_changes(self) -> bool:
        if self.loaded is None:
            return False
        saved = QuestionnaireDraft(
            self.loaded.name,
            tuple(
                QuestionDraft(q.text, tuple(OptionDraft(o.label, o.id) for o in q.options), q.id)
                for q in self.loaded.questions
            ),
        )
        return self.draft() != saved

    def _show_invalid(self, error: ValidationError) -> None:
        """A refusal above the buttons, with the cursor on the question or the name it is about."""
        self._show_error(error.message)
        if error.field.startswith("questions."):
            index = int(error.field.split(".")[1])
            questions = self._questions()
            if index < len(questions):
                self.tree.setCurrentItem(questions[index])
        elif error.field == "name":
            self.name.setFocus()

    def save(self) -> bool:
        """Save the questionnaire, asking about answered questions first; True when saved."""
        if self.loaded is None:
            return False
        self.error.hide()
        draft = self.draft()
        questionnaire_id = self.loaded.id
        saved = service_call(
            self,
            tr("Spara frågeformuläret"),
            lambda override: save_questionnaire(self.database, questionnaire_id, draft, override=override),
            invalid=self._show_invalid,
        )
        if saved is REFUSED:
            return False
        self.questionnaires = [saved if q.id == saved.id else q for q in self.questionnaires]
        self.choice.setItemText(self.choice.currentIndex(), f"{saved.name} ({saved.kind.label.lower()}er)")
        self.show_questionnaire(saved)
        return True

    def open_translations(self) -> None:
        """Open the translations of the saved questionnaire, saving or dropping unsaved edits first."""
        edits = UnsavedEdits(
            tr("frågeformuläret"),
            self.has_unsaved_changes,
            self.save,
            lambda: self.show_questionnaire(self.loaded),
        )
        if self.loaded is None or not settle(self, [edits]) or self.loaded is None:
            return
        TranslationsDialog(self.database, self.loaded.id, self.loaded.name, self).exec()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
