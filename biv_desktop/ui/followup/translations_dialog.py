"""Översättningar: a questionnaire's questions and answer options translated into one language at a time.

A table lists every question with its options beneath: the number, the Swedish text and the translation,
which is edited in place (from the right, for a language written right to left). Spara saves and closes;
leaving or choosing another language with edits asks "Vill du spara ändringarna?" first. A translation
left empty is removed.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.followup import (
    LONGEST_OPTION_TRANSLATION,
    LONGEST_QUESTION_TRANSLATION,
    QuestionnaireTranslation,
    TextKind,
    TranslationDraft,
    TranslationLanguage,
    get_translation,
    save_translation,
    translation_field,
    translation_languages,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.service_call import REFUSED, service_call, service_result
from biv_desktop.ui.common.styles import ERROR_STYLE
from biv_desktop.ui.common.unsaved import Choice, ask_to_save
from biv_desktop.ui.followup.common import tr

NUMBER, SWEDISH, TRANSLATION = range(3)
KEY_ROLE = Qt.ItemDataRole.UserRole
AnyIndex = QModelIndex | QPersistentModelIndex


def language_text(language: TranslationLanguage) -> str:
    """'arabiska – 12 av 20 översatta', as the language list shows it."""
    return tr("{name} – {done} av {texts} översatta").format(
        name=language.name, done=language.translated, texts=language.texts
    )


class TranslationDelegate(QStyledItemDelegate):
    """Shows and edits the translation column in the language's direction, within its length."""

    right_to_left = False

    def _direction(self) -> Qt.LayoutDirection:
        return Qt.LayoutDirection.RightToLeft if self.right_to_left else Qt.LayoutDirection.LeftToRight

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.direction = self._direction()
        # Qt reads a left alignment as "leading": right-to-left text then sits at the cell's right.
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setLayoutDirection(self._direction())
        kind = index.data(KEY_ROLE)[0] if index.data(KEY_ROLE) else TextKind.OPTION
        editor.setMaxLength(
            LONGEST_QUESTION_TRANSLATION if kind is TextKind.QUESTION else LONGEST_OPTION_TRANSLATION
        )
        return editor


class TranslationsDialog(QDialog):
    """The questionnaire's texts in Swedish beside their translation into the chosen language."""

    def __init__(
        self, database: Database, questionnaire_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.questionnaire_id = questionnaire_id
        self.loaded: QuestionnaireTranslation | None = None
        self.setWindowTitle(tr("Översättningar – {name}").format(name=name))

        self.language = QComboBox()
        self.language.setAccessibleName(tr("Språk"))
        self.language.activated.connect(self._language_chosen)
        language_label = QLabel(tr("&Språk:"))
        language_label.setBuddy(self.language)
        hint = QLabel(
            tr(
                "Svenska är formulärets egen text. Skriv översättningen i högra kolumnen (dubbelklicka eller "
                "tryck F2). En tom ruta är inte översatt än: på blanketten står då ”översättning saknas”."
            )
        )
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language, 1)

        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(tr("Frågor och svarsalternativ"))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SWEDISH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TRANSLATION, QHeaderView.ResizeMode.Stretch)
        self.delegate = TranslationDelegate(self.table)
        self.table.setItemDelegateForColumn(TRANSLATION, self.delegate)

        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("&Spara"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1000, 640)
        self._load_languages()

    # Loading.
    def _load_languages(self) -> None:
        """List the languages and open the one furthest translated (the first, when none is)."""
        languages = (
            service_result(
                self,
                tr("Översättningar"),
                lambda: translation_languages(self.database, self.questionnaire_id),
            )
            or []
        )
        self.language.clear()
        for language in languages:
            self.language.addItem(language_text(language), language.id)
        if languages:
            furthest = max(range(len(languages)), key=lambda index: (languages[index].translated, -index))
            self.language.setCurrentIndex(furthest)
            self.show_language(languages[furthest].id)

    def show_language(self, language_id: int) -> None:
        loaded = service_result(
            self,
            tr("Översättningar"),
            lambda: get_translation(self.database, self.questionnaire_id, language_id),
        )
        if loaded is None:
            return
        self.loaded = loaded
        self.error.hide()
        self.delegate.right_to_left = loaded.language.right_to_left
        self.table.setHorizontalHeaderLabels(
            [
                tr("Nr"),
                tr("Svenska"),
                tr("Översättning till {language}").format(language=loaded.language.name),
            ]
        )
        self.table.setRowCount(len(loaded.texts))
        for row, text in enumerate(loaded.texts):
            number = (
                str(text.question_number)
                if text.kind is TextKind.QUESTION
                else f"{text.question_number}.{text.option_number}"
            )
            fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            number_item = QTableWidgetItem(number)
            swedish = QTableWidgetItem(
                text.swedish if text.kind is TextKind.QUESTION else f"    {text.swedish}"
            )
            for item in (number_item, swedish):
                item.setFlags(fixed)
            if text.kind is TextKind.QUESTION:
                font = swedish.font()
                font.setBold(True)
                swedish.setFont(font)
            translation = QTableWidgetItem(text.translation)
            translation.setData(KEY_ROLE, (text.kind, text.id))
            translation.setFlags(fixed | Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, NUMBER, number_item)
            self.table.setItem(row, SWEDISH, swedish)
            self.table.setItem(row, TRANSLATION, translation)
        self.table.resizeRowsToContents()
        if loaded.texts:
            self.table.setCurrentCell(0, TRANSLATION)

    # Editing.
    def _translation_items(self) -> list[QTableWidgetItem]:
        items = (self.table.item(row, TRANSLATION) for row in range(self.table.rowCount()))
        return [item for item in items if item is not None]

    def draft(self) -> TranslationDraft:
        questions: dict[int, str] = {}
        options: dict[int, str] = {}
        for item in self._translation_items():
            kind, item_id = item.data(KEY_ROLE)
            (questions if kind is TextKind.QUESTION else options)[item_id] = item.text()
        return TranslationDraft(questions, options)

    def finish_editing(self) -> None:
        """Take in the text of a cell still being edited, as if the user had pressed Enter."""
        if self.table.state() is not QAbstractItemView.State.EditingState:
            return
        for editor in self.table.viewport().findChildren(QLineEdit):
            self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def has_unsaved_changes(self) -> bool:
        self.finish_editing()
        if self.loaded is None:
            return False
        saved = {(text.kind, text.id): text.translation for text in self.loaded.texts}
        return any(
            saved.get(item.data(KEY_ROLE)) != item.text().strip() for item in self._translation_items()
        )

    def _where(self) -> str:
        name = self.loaded.language.name if self.loaded is not None else ""
        return tr("översättningen till {language}").format(language=name)

    def _language_chosen(self, index: int) -> None:
        wanted = self.language.itemData(index)
        if self.loaded is None or wanted == self.loaded.language.id:
            return
        if self.has_unsaved_changes():
            choice = ask_to_save(self, self._where())
            if choice is Choice.CANCEL or (choice is Choice.SAVE and not self.save()):
                self.language.setCurrentIndex(self.language.findData(self.loaded.language.id))
                return
        self.show_language(wanted)

    # Saving and leaving.
    def _show_invalid(self, error: ValidationError) -> None:
        self.error.setText(error.message)
        self.error.show()
        for row, item in enumerate(self._translation_items()):
            kind, item_id = item.data(KEY_ROLE)
            if translation_field(kind, item_id) == error.field:
                self.table.setCurrentCell(row, TRANSLATION)
                self.table.scrollToItem(item)

    def save(self) -> bool:
        """Save the table's translations into the chosen language; True when saved."""
        if self.loaded is None:
            return True
        self.error.hide()
        self.finish_editing()
        draft, language_id = self.draft(), self.loaded.language.id
        saved = service_call(
            self,
            tr("Spara översättningen"),
            lambda _override: save_translation(self.database, self.questionnaire_id, language_id, draft),
            invalid=self._show_invalid,
        )
        if saved is REFUSED:
            return False
        self.loaded = saved
        self.language.setItemText(self.language.findData(language_id), language_text(saved.language))
        return True

    def accept(self) -> None:
        self.finish_editing()
        if self.save():
            super().accept()

    def reject(self) -> None:
        if self.has_unsaved_changes():
            choice = ask_to_save(self, self._where())
            if choice is Choice.CANCEL:
                return
            if choice is Choice.SAVE:
                self.accept()
                return
        super().reject()
