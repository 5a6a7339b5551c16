"""Entering a group's evaluation: how many answered, per question a count per answer option, and quotes."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.followup import (
    MOST_RESPONDENTS,
    FeedbackEntry,
    NameInQuoteError,
    QuestionEntry,
    question_field,
    save_feedback,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of
from biv_desktop.ui.common.editor import EditorDialog
from biv_desktop.ui.common.styles import ERROR_STYLE
from biv_desktop.ui.followup.common import tr


class QuestionCounts(QGroupBox):
    """One question: a spin box per answer option, how many answered, and why the counts were refused."""

    def __init__(self, question: QuestionEntry, parent: QWidget | None = None) -> None:
        super().__init__(f"{question.position}. {question.text}", parent)
        self.question = question
        self.spins: dict[int, QSpinBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, option in enumerate(question.options):
            spin = QSpinBox()
            spin.setRange(0, MOST_RESPONDENTS)
            spin.setValue(option.count)
            spin.setAccessibleName(f"{question.text} – {option.label}")
            label = QLabel(option.label)
            label.setBuddy(spin)
            grid.addWidget(label, 0, column)
            grid.addWidget(spin, 1, column)
            self.spins[option.id] = spin
        grid.setColumnStretch(len(question.options), 1)
        self.answered = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.answered)
        layout.addWidget(self.error)

    def counts(self) -> dict[int, int]:
        return {option_id: spin.value() for option_id, spin in self.spins.items()}

    def update_answered(self, respondents: int) -> None:
        total = sum(self.counts().values())
        self.answered.setText(
            tr("{total} av {respondents} har svarat på frågan").format(total=total, respondents=respondents)
        )
        self.answered.setStyleSheet(ERROR_STYLE if total > respondents else "")


class FeedbackDialog(EditorDialog[FeedbackEntry]):
    """Enters or changes one group's evaluation; nothing here names a participant."""

    def __init__(
        self,
        database: Database,
        entry: FeedbackEntry,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Återkoppling – {group}").format(group=entry.group_name), database, parent)
        self.entry = entry
        default_day = entry.collected_on or entry.ended_on or today or dt.date.today()
        self.collected_on = date_edit(default_day)
        self.respondents = QSpinBox()
        self.respondents.setRange(0, MOST_RESPONDENTS)
        self.respondents.setValue(entry.respondents)
        self.respondents.setToolTip(tr("Hur många som lämnade in utvärderingen"))
        hint = QLabel(
            tr("{questionnaire}. Gruppen hade {count} deltagare när den slutade. Svaren är anonyma.").format(
                questionnaire=entry.questionnaire_name, count=entry.participants
            )
        )
        hint.setWordWrap(True)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.errors.add_row("collected_on", tr("&Insamlad:"), self.collected_on)
        self.errors.add_row("respondents", tr("Antal &svarande:"), self.respondents)
        self.form.addRow("", hint)

        self.questions = [QuestionCounts(question) for question in entry.questions]
        questions = QWidget()
        questions_layout = QVBoxLayout(questions)
        for box in self.questions:
            questions_layout.addWidget(box)
            for spin in box.spins.values():
                spin.valueChanged.connect(
                    lambda _value, changed=box: changed.update_answered(self.respondents.value())
                )
        questions_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(questions)
        self.respondents.valueChanged.connect(self._update_answered)
        self._update_answered()

        self.quotes = QListWidget()
        self.quotes.setAccessibleName(tr("Citat"))
        self.quotes.setWordWrap(True)
        for text in entry.quotes:
            self.add_quote(text, edit=False)
        self.quotes.setFixedHeight(self.quotes.fontMetrics().lineSpacing() * 5 + 16)
        add_quote = QPushButton(tr("&Nytt citat"))
        add_quote.clicked.connect(lambda: self.add_quote(""))
        self.remove_quote_button = QPushButton(tr("&Ta bort citat"))
        self.remove_quote_button.clicked.connect(self.remove_quote)
        remove_action = QAction(tr("Ta bort citat"), self.quotes)
        remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(self.remove_quote)
        self.quotes.addAction(remove_action)
        quote_buttons = QHBoxLayout()
        quote_buttons.addWidget(
            QLabel(tr("Citat utan namn, som deltagarna skrev eller sa (dubbelklicka för att ändra):")), 1
        )
        quote_buttons.addWidget(add_quote)
        quote_buttons.addWidget(self.remove_quote_button)
        self.quotes_error = QLabel()
        self.quotes_error.setWordWrap(True)
        self.quotes_error.setStyleSheet(ERROR_STYLE)
        self.quotes_error.hide()

        position = self.body.indexOf(self.errors.general_label())
        self.body.insertWidget(position, scroll, 1)
        self.body.insertLayout(position + 1, quote_buttons)
        self.body.insertWidget(position + 2, self.quotes)
        self.body.insertWidget(position + 3, self.quotes_error)
        self.resize(820, 720)

    def _update_answered(self) -> None:
        for box in self.questions:
            box.update_answered(self.respondents.value())

    def add_quote(self, text: str, *, edit: bool = True) -> QListWidgetItem:
        item = QListWidgetItem(text, self.quotes)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if edit:
            self.quotes.setCurrentItem(item)
            self.quotes.editItem(item)
        return item

    def remove_quote(self) -> None:
        row = self.quotes.currentRow()
        if row >= 0:
            self.quotes.takeItem(row)

    def counts(self) -> dict[int, int]:
        return {option_id: count for box in self.questions for option_id, count in box.counts().items()}

    def quote_texts(self) -> list[str]:
        return [self.quotes.item(row).text() for row in range(self.quotes.count())]

    def save(self, override: bool) -> FeedbackEntry:
        return save_feedback(
            self.database,
            self.entry.group_id,
            date_of(self.collected_on),
            self.respondents.value(),
            self.counts(),
            self.quote_texts(),
        )

    def show_error(self, error: ValidationError) -> None:
        for box in self.questions:
            box.error.hide()
        self.quotes_error.hide()
        for box in self.questions:
            if error.field == question_field(box.question.id):
                self.errors.clear()
                box.error.setText(error.message)
                box.error.show()
                next(iter(box.spins.values())).setFocus()
                return
        if error.field == "quotes":
            self.errors.clear()
            self.quotes_error.setText(error.message)
            self.quotes_error.show()
            self.quotes.setFocus()
            if isinstance(error, NameInQuoteError) and 0 < error.number <= self.quotes.count():
                # The quote with the name is chosen and opened, ready to be changed.
                item = self.quotes.item(error.number - 1)
                self.quotes.setCurrentItem(item)
                self.quotes.editItem(item)
            return
        super().show_error(error)
