"""The agreement editor: period, parties, funding with its parts, the yearly obligations and notice."""

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.followup import (
    LARGEST_AMOUNT,
    AgreementDraft,
    AgreementRow,
    FundingPartDraft,
    format_sek,
    new_agreement_draft,
    save_agreement,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of, to_qdate
from biv_desktop.ui.common.editor import EditorDialog
from biv_desktop.ui.common.table_columns import stretch_column
from biv_desktop.ui.followup.common import tr


def money_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, LARGEST_AMOUNT)
    box.setSingleStep(1000)
    box.setGroupSeparatorShown(True)
    box.setSuffix(tr(" kr"))
    return box


def count_box(highest: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, highest)
    box.setSuffix(suffix)
    return box


class FundingParts(QWidget):
    """The parts of the municipality's amount, a row each: where the money comes from, and how much."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        # On two lines: on one, the check box's heading took the room the sources' names need.
        self.table.setHorizontalHeaderLabels([tr("Källa"), tr("Belopp"), tr("För utbildnings-\nplatserna")])
        self.table.setAccessibleName(tr("Finansieringsdelar"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        stretch_column(self.table, 0)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setFixedHeight(self.table.fontMetrics().height() * 7)
        self.total = QLabel()
        add = QPushButton(tr("Lägg till &del"))
        add.clicked.connect(lambda: self.add_part("", 0, focus=True))
        remove = QPushButton(tr("Ta bort d&elen"))
        remove.clicked.connect(self.remove_part)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total, 1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.expected = 0
        self.update_total()

    def set_expected(self, amount: int) -> None:
        """The municipality's amount the parts should add up to."""
        self.expected = amount
        self.update_total()

    def add_part(self, source: str, amount: int, for_training: bool = False, *, focus: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QLineEdit(source)
        name.setCursorPosition(0)  # a name longer than the column shows its beginning
        name.setPlaceholderText(tr("t.ex. Statsbidrag för föräldraskapsstöd"))
        money = money_box()
        money.setValue(amount)
        money.valueChanged.connect(lambda _value: self.update_total())
        training = QCheckBox()
        training.setChecked(for_training)
        training.setAccessibleName(tr("För kommunens platser på gruppledarutbildningen"))
        training.setToolTip(
            tr(
                "Medlen för kommunens utbildningsplatser: det som betalas tillbaka för platser som inte används."
            )
        )
        self.table.setCellWidget(row, 0, name)
        self.table.setCellWidget(row, 1, money)
        self.table.setCellWidget(row, 2, training)
        self.update_total()
        if focus:
            name.setFocus()

    def remove_part(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
        self.update_total()

    def parts(self) -> tuple[FundingPartDraft, ...]:
        found = []
        for row in range(self.table.rowCount()):
            name, money = self.table.cellWidget(row, 0), self.table.cellWidget(row, 1)
            training = self.table.cellWidget(row, 2)
            assert isinstance(name, QLineEdit) and isinstance(money, QSpinBox)
            assert isinstance(training, QCheckBox)
            found.append(FundingPartDraft(name.text(), money.value(), training.isChecked()))
        return tuple(found)

    def update_total(self) -> None:
        parts = self.parts()
        total = sum(part.amount_sek for part in parts)
        text = tr("Summa: {total}").format(total=format_sek(total)) if parts else ""
        if parts and total != self.expected:
            text += " – " + tr("skiljer sig från kommunens belopp")
        self.total.setText(text)


class AgreementDialog(EditorDialog[AgreementRow]):
    """Adds or edits an agreement period; a new one starts as the latest extended by a year."""

    def __init__(
        self,
        database: Database,
        agreement: AgreementRow | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Nytt avtal") if agreement is None else tr("Avtal – {name}").format(name=agreement.name)
        super().__init__(title, database, parent)
        self.agreement = agreement
        self.name = QLineEdit()
        self.starts_on = date_edit()
        self.ends_on = date_edit()
        self.is_signed = QCheckBox(tr("Und&ertecknat den"))
        self.signed_on = date_edit(today)
        self.is_signed.toggled.connect(self.signed_on.setEnabled)
        signed = QHBoxLayout()
        signed.addWidget(self.is_signed)
        signed.addWidget(self.signed_on)
        signed.addStretch(1)
        signed_row = QWidget()
        signed_row.setLayout(signed)
        signed.setContentsMargins(0, 0, 0, 0)
        self.public_party = QLineEdit()
        self.nonprofit_party = QLineEdit()
        self.municipal_amount = money_box()
        self.funding = FundingParts()
        self.municipal_amount.valueChanged.connect(self.funding.set_expected)
        self.parish_amount = money_box()
        self.min_groups = count_box(100, tr(" grupper"))
        self.training_places = count_box(100, tr(" platser"))
        self.notice_months = count_box(60, tr(" månader"))

        add = self.errors.add_row
        add("name", tr("&Namn:"), self.name)
        add("starts_on", tr("&Första dag:"), self.starts_on)
        add("ends_on", tr("&Sista dag:"), self.ends_on)
        add("signed_on", "", signed_row)
        add("public_party", tr("&Offentlig part:"), self.public_party)
        add("nonprofit_party", tr("&Idéburen part:"), self.nonprofit_party)
        add("municipal_amount_sek", tr("&Kommunens belopp för perioden:"), self.municipal_amount)
        add("funding_parts", tr("Kommunens belopp &består av:"), self.funding)
        add("parish_amount_per_year_sek", tr("&Pastoratets belopp per år:"), self.parish_amount)
        add("min_groups_per_year", tr("Minst antal &grupper per år:"), self.min_groups)
        add("training_places_per_year", tr("&Utbildningsplatser för kommunen per år:"), self.training_places)
        add("notice_months", tr("Uppsä&gningstid:"), self.notice_months)
        self.setMinimumWidth(640)

        draft = self._start(agreement, today)
        self.name.setText(draft.name)
        self.starts_on.setDate(to_qdate(draft.starts_on))
        self.ends_on.setDate(to_qdate(draft.ends_on))
        self.is_signed.setChecked(draft.signed_on is not None)
        self.signed_on.setEnabled(draft.signed_on is not None)
        if draft.signed_on is not None:
            self.signed_on.setDate(to_qdate(draft.signed_on))
        self.public_party.setText(draft.public_party)
        self.nonprofit_party.setText(draft.nonprofit_party)
        self.municipal_amount.setValue(draft.municipal_amount_sek)
        for part in draft.funding_parts:
            self.funding.add_part(part.source, part.amount_sek, part.for_training_places)
        self.parish_amount.setValue(draft.parish_amount_per_year_sek)
        self.min_groups.setValue(draft.min_groups_per_year)
        self.training_places.setValue(draft.training_places_per_year)
        self.notice_months.setValue(draft.notice_months)

    def _start(self, agreement: AgreementRow | None, today: dt.date | None) -> AgreementDraft:
        if agreement is None:
            return new_agreement_draft(self.database, today)
        return agreement.draft()

    def draft(self) -> AgreementDraft:
        return AgreementDraft(
            name=self.name.text(),
            starts_on=date_of(self.starts_on),
            ends_on=date_of(self.ends_on),
            public_party=self.public_party.text(),
            nonprofit_party=self.nonprofit_party.text(),
            municipal_amount_sek=self.municipal_amount.value(),
            parish_amount_per_year_sek=self.parish_amount.value(),
            min_groups_per_year=self.min_groups.value(),
            training_places_per_year=self.training_places.value(),
            notice_months=self.notice_months.value(),
            signed_on=date_of(self.signed_on) if self.is_signed.isChecked() else None,
            funding_parts=self.funding.parts(),
        )

    def save(self, override: bool) -> AgreementRow:
        agreement_id = self.agreement.id if self.agreement is not None else None
        return save_agreement(self.database, self.draft(), agreement_id, override=override)
